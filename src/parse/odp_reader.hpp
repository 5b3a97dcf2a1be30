// The .odp and .fodp reader: an OpenDocument presentation (ODF 1.2/1.3,
// packaged or flat) → document model.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// True when `path` names an OpenDocument presentation (`.odp`, `.fodp`).
bool is_odp_path(const std::string& path);

// Reads a presentation: `draw:page`s in order, frames by
// `presentation:class` (title, subtitle, outline; footer, page number and
// date dropped; others text boxes), nested `text:list`s as bullet levels,
// `text:a xlink:href` as links; the title page into report::meta. `flat`
// says the bytes are one XML document (.fodp) rather than a zip (.odp).
// Lines are slide numbers, as for .pptx (slide_package.hpp).
std::optional<report> read_odp(std::string_view bytes, bool flat, const std::string& source,
                               diagnostics& diags);

}  // namespace handout
