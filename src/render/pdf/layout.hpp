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

// Whether `r` is long enough (limits::min_pdf_text_bytes_laid_out_page_by_page)
// to be laid out page by page rather than held whole.
bool lays_out_page_by_page(const report& r);

// The same layout in two passes, never holding more than a slide's blocks
// and a page's items: the first keeps only the blocks' sizes (every page
// number, anchor, running head and the census of the characters drawn);
// the returned layout's pages are empty, only their number. `pages` then
// composes the body again and delivers every page, with the items
// layout_report() would give it; it refers to `r`, `s` and `metrics`,
// which must outlive it, and runs once.
page_layout layout_report_page_by_page(const report& r, const style& s, const font_metrics& metrics,
                                       const std::string& creator, page_source& pages);

}  // namespace handout::pdf
