// Composition: the report's parts (cover, contents, sections, slides,
// bullets, links) as blocks of positioned text for the paginator.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document.hpp"
#include "render/pdf/linebreak.hpp"
#include "render/pdf/metrics.hpp"
#include "render/pdf/page_model.hpp"
#include "render/pdf/paginate.hpp"
#include "style.hpp"

namespace handout::pdf {

// A titled section or slide, in document order; `anchor` is its index in
// this list and the anchor id of its heading block in the body.
struct heading_ref {
  int level = 0;      // 0: a section; 1: a slide (0 when its section is untitled)
  std::string title;  // as printed: `01 算法与模型发展`
  int anchor = 0;
  std::string number;  // a section's number (`01`), or ""
  std::string text;    // the title without the number
};
std::vector<heading_ref> headings(const report& r);

// The type setter every part uses: the style, the metrics and the text area.
class composer {
 public:
  composer(const style& s, const font_metrics& metrics, std::string lang);

  // The text area, in points from the page's top-left.
  double left() const { return style_.margin_left; }
  double right() const { return style_.page_width - style_.margin_right; }
  double top() const { return style_.margin_top; }
  double bottom() const { return style_.page_height - style_.margin_bottom; }

  // The natural width of `text` on one line.
  double width(std::string_view text, double size) const;
  // `text` broken into lines of at most `width`.
  std::vector<line> lines(std::string_view text, double size, double width, bool justify,
                          const std::vector<url_span>& urls = {}) const;
  // A set line as text runs at (x, baseline).
  void place(const line& l, double x, double baseline, double size, const rgb& color, bool bold,
             std::vector<page_item>& out) const;

  // The cover page.
  page cover(const report& r) const;
  // The contents: one entry per heading_ref, each a link to its anchor
  // (link_area.target_page holds the anchor until layout resolves it);
  // `page_of(anchor)` gives the printed page number.
  std::vector<block> contents(const report& r,
                              const std::function<std::string(int)>& page_of) const;
  // The body: sections, slides, bullets and links, anchored in order.
  std::vector<block> body(const report& r) const;

  // The words the report prints, in its language.
  std::string word(std::string_view key) const;
  // `01 算法与模型发展`, the title alone, or "" for an untitled section.
  static std::string section_heading(const section& s);

  const style& the_style() const { return style_; }

 private:
  void bullet_blocks(const item& it, const std::string& head, std::vector<block>& out) const;
  void link_blocks(const report& r, const slide& sl, const std::string& head,
                   std::vector<block>& out) const;
  double baseline_in(double line_height, double size) const;

  const style& style_;
  const font_metrics& metrics_;
  std::string lang_;
};

// The color of secondary text (running heads, page numbers, the cover's
// details): the text colour lightened towards white.
rgb muted(const rgb& c);

// `uri` with every byte outside printable ASCII (and the characters URIs
// cannot hold) percent-encoded.
std::string percent_encode_uri(std::string_view uri);

}  // namespace handout::pdf
