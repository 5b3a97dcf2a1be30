// The page model: what layout produces and the PDF emitter draws. Positions
// are in points from the page's top-left corner, y growing downwards; text is
// placed by its baseline. Nothing here knows about libharu.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "style.hpp"

namespace handout::pdf {

// Kerning inside a text run: the pen moves `amount` 1/1000 em (negative:
// closer) after the run's character number `after` (0-based, in characters),
// besides the character's advance.
struct kern {
  std::size_t after = 0;
  int amount = 0;
  bool operator==(const kern&) const = default;
};

// Characters of a text run drawn as one ligature glyph: characters `first`
// to `first + count - 1`, as glyph `glyph` of the run's font (its own id).
struct ligature_glyph {
  std::size_t first = 0, count = 0;
  unsigned glyph = 0;
  bool operator==(const ligature_glyph&) const = default;
};

// Text in one font and size. `char_space` is added after every character
// (inter-character justification), `kerns` between some; `bold` draws it
// filled and stroked.
struct text_run {
  double x = 0, y = 0;
  int font = 0;
  double size = 10;
  rgb color;
  std::string text;
  double char_space = 0;
  std::vector<kern> kerns;                // in character order
  std::vector<ligature_glyph> ligatures;  // in character order
  bool bold = false;
};

// A straight line.
struct rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  rgb color;
};

// A clickable area: an external URI, or a place in this document.
struct link_area {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // top-left and bottom-right
  std::string uri;                        // percent-encoded ASCII; empty for internal
  int target_page = -1;                   // internal target: 0-based page index
  double target_y = 0;
};

// A QR code as a grid of dark modules, drawn as squares; (x, y) is its top-left.
struct qr_code {
  double x = 0, y = 0, size = 40;
  int modules = 0;         // per side
  std::vector<bool> dark;  // row-major, modules * modules
  rgb color;
};

using page_item = std::variant<text_run, rule, link_area, qr_code>;

struct page {
  std::vector<page_item> items;
};

// A bookmark: level 0 for sections, 1 for slides (at the top when no
// section bookmark comes before them).
struct outline_entry {
  int level = 0;
  std::string title;
  int page = 0;
  double y = 0;
};

// Page labels from `first_page` (0-based) on: roman or decimal from `start`.
struct page_label {
  int first_page = 0;
  bool roman = false;
  int start = 1;
};

// Document information, UTF-8.
struct document_info {
  std::string title, author, subject, creator, keywords;
  std::string date;  // YYYY-MM-DD or empty: no date at all
};

// A whole laid-out document.
struct page_layout {
  double width = 595.276, height = 841.89;
  std::vector<page> pages;
  std::vector<outline_entry> outline;
  std::vector<page_label> labels;
  document_info info;
  // Per heading of the outline (plan_outline's order): the 1-based page it
  // lands on, counting every page from the cover; 0 when it has none. The
  // DOCX's table of contents shows these.
  std::vector<int> heading_pages;
};

}  // namespace handout::pdf
