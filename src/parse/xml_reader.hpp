// The XML reader: XML intermediate → document model.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// Reads an intermediate written by write_xml() (or by hand). Checks what
// schemas/handout.xsd says: malformed XML and every element, attribute or
// value the schema does not allow are errors at their line and column.
std::optional<report> read_xml(std::string_view bytes, const std::string& source,
                               diagnostics& diags);

}  // namespace handout
