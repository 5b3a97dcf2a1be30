// Layout: a report and a style in, a page model out (cover, contents, body,
// running heads, page numbers, bookmarks, page labels).
#pragma once

#include <string>

#include "document.hpp"
#include "render/pdf/metrics.hpp"
#include "render/pdf/page_model.hpp"
#include "style.hpp"

namespace handout::pdf {

// `creator` goes to the document information (e.g. "handout 0.1.0").
page_layout layout_report(const report& r, const style& s, const font_metrics& metrics,
                          const std::string& creator);

}  // namespace handout::pdf
