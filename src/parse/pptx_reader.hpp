// The .pptx reader: a PowerPoint package (ECMA-376 PresentationML) → document model.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// True when `path` names a PowerPoint package (`.pptx`).
bool is_pptx_path(const std::string& path);

// Reads a .pptx: slides in presentation order, sections from PowerPoint's
// section list or from divider slides, titles, bullets by level, hyperlinks
// through each slide's relationships, the title slide into report::meta.
// Every model element's line, and every diagnostic's, is a slide number
// (1-based, in presentation order). A malformed or oversized package is an
// error (docs/LIMITS.md); on an error the result is empty.
std::optional<report> read_pptx(std::string_view bytes, const std::string& source,
                                diagnostics& diags);

}  // namespace handout
