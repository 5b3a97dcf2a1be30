// The page numbers of the DOCX's table of contents: handout's own
// pagination of the same report and style, the PDF renderer's layout.
#pragma once

#include <vector>

#include "document.hpp"
#include "render/docx/fonts.hpp"
#include "style.hpp"

namespace handout::docx {

// Per heading of the outline, its 1-based page counted from the cover (0:
// none), as render/pdf lays the report out in `look` with `fonts`; empty
// when the fonts could not be opened.
std::vector<int> paginate_headings(const report& r, const style& look, const font_plan& fonts);

}  // namespace handout::docx
