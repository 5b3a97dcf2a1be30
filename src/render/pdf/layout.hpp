// Layout: a report and a style in, a page model out (cover, contents, body,
// running heads, page numbers, bookmarks, page labels).
#pragma once

#include <string>

#include "document.hpp"
#include "render/pdf/metrics.hpp"
#include "render/pdf/page_model.hpp"
#include "style.hpp"

namespace handout::pdf {

// `creator` goes to the document information (e.g. "handout 0.1.0"). With
// `page_numbers_only` the body pages are left empty: the layout is only
// for its heading_pages (the DOCX contents), and does not hold the items.
page_layout layout_report(const report& r, const style& s, const font_metrics& metrics,
                          const std::string& creator, bool page_numbers_only = false);

}  // namespace handout::pdf
