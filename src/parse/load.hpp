// Loading one input, whatever its kind, into the document model.
#pragma once

#include <optional>
#include <string>

#include "diagnostic.hpp"
#include "document.hpp"
#include "parse/text_reader.hpp"

namespace handout {

// True when `path` names an XML intermediate rather than a text deck.
bool is_intermediate_path(const std::string& path);

// Reads a text deck (with its sidecar metadata and derived defaults) or an
// XML intermediate. `dialect` says how a text deck is laid out (detected by
// default). The deck and its sidecar must lie inside `tree` (empty: the
// deck's own directory) unless followed through symbolic links with
// --follow-symlinks (io.hpp's outside_input_tree). Diagnostics go to
// `diags`; nothing is returned on errors.
std::optional<report> load_input(const std::string& path, diagnostics& diags,
                                 text_dialect dialect = text_dialect::detect,
                                 const std::string& tree = {});

}  // namespace handout
