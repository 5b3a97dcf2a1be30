// The page model: what layout produces and the PDF emitter draws. Positions
// are in points from the page's top-left corner, y growing downwards; text is
// placed by its baseline. Nothing here knows about libharu.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
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
  bool bold = false;  // beside font: no padding (1.4 million runs in a 10 MB deck)
  double size = 10;
  rgb color;
  std::string text;
  double char_space = 0;
  std::vector<kern> kerns;                // in character order
  std::vector<ligature_glyph> ligatures;  // in character order
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
  int element = -1;      // the Link structure element it belongs to, or -1
  std::string contents;  // what the link is, in words, for readers of the annotation
};

// A QR code as a grid of dark modules, drawn as squares; (x, y) is its top-left.
struct qr_code {
  double x = 0, y = 0, size = 40;
  int modules = 0;         // per side
  std::vector<bool> dark;  // row-major, modules * modules
  rgb color;
};

// What the items up to the matching mark_end are, for the tagged PDF: content
// of structure element `element` (an index into page_layout::structure), or,
// when `element` is -1, an artifact of kind `artifact` that readers skip.
// Marks pair up within one block, so a page never splits a pair; they do not
// nest.
enum class artifact_kind { layout, header, footer };
struct mark_begin {
  int element = -1;
  artifact_kind artifact = artifact_kind::layout;
};
struct mark_end {};

using page_item = std::variant<text_run, rule, link_area, qr_code, mark_begin, mark_end>;

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
  std::string lang;  // BCP 47 tag of the text, e.g. "zh-CN"
};

// The standard structure types of tagged PDF (ISO 32000-1, 14.8.4) we use.
enum class structure_type {
  document,
  heading,  // H1 … H6 by `level`
  paragraph,
  span,
  list,
  list_item,
  label,
  list_body,
  link,
  figure,
  toc,
  toc_item,
  reference,
};

// An element of the structure tree. Elements are listed parents first; an
// element's place among its siblings is where its first content is drawn
// (pages in order, items in order), so the tree follows the reading order of
// the pages and an element nothing is drawn for is left out.
struct structure_element {
  structure_type type = structure_type::paragraph;
  int level = 1;     // for a heading
  int parent = -1;   // index of the parent element; -1 for the root (the one document element)
  std::string alt;   // alternative text (a figure's), or empty
  std::string lang;  // BCP 47 tag when it differs from the document's, or empty
};

// What the text runs of a document use, per font (its index): the
// characters, and the ligature glyphs with the characters each stands for.
// The emitter needs it before it draws the first page (its fonts' subsets
// and the text codes), so a layout drawn page by page gathers it beforehand.
struct glyph_census {
  std::map<int, std::set<char32_t>> characters;
  std::map<int, std::map<unsigned, std::u32string>> ligatures;  // font → glyph → characters
  // Counts the text runs of `items`.
  void add(const std::vector<page_item>& items);
};

// Draws page number `index` (the pages come in order) and releases its
// items; false when it could not.
using page_drawer = std::function<bool(std::size_t index, page& p)>;
// Hands every page of a layout, in order, to `draw`; false as soon as
// `draw` is.
using page_source = std::function<bool(const page_drawer& draw)>;

// A whole laid-out document.
struct page_layout {
  double width = 595.276, height = 841.89;
  std::vector<page> pages;
  std::vector<outline_entry> outline;
  std::vector<page_label> labels;
  document_info info;
  std::vector<structure_element> structure;  // empty: an untagged PDF
  // Per heading of the outline (plan_outline's order): the 1-based page it
  // lands on, counting every page from the cover; 0 when it has none. The
  // DOCX's table of contents shows these.
  std::vector<int> heading_pages;
  // The characters and ligatures of all pages' text runs (left empty for
  // page numbers only).
  glyph_census census;
};

}  // namespace handout::pdf
