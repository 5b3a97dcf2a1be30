// Composition: the report's parts (cover, contents, sections, slides,
// bullets, links) as blocks of positioned text for the paginator.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document.hpp"
#include "render/outline.hpp"
#include "render/pdf/linebreak.hpp"
#include "render/pdf/metrics.hpp"
#include "render/pdf/page_model.hpp"
#include "render/pdf/paginate.hpp"
#include "render/pdf/structure.hpp"
#include "style.hpp"

namespace handout::pdf {

// The type setter every part uses: the style, the metrics and the text area.
class composer {
 public:
  // `lang` (BCP 47, the deck's) chooses the hyphenation patterns.
  composer(const style& s, const font_metrics& metrics, const fixed_words& words,
           std::string_view lang = {});

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

  // Each part adds its elements to `tags` and marks what it draws (headings,
  // lists, links, figures as content; rules and dot leaders as artifacts).

  // The cover page; the report's title is its heading of level 1.
  page cover(const report& r, structure_builder& tags) const;
  // The contents: one entry per heading of the outline, each a link to its
  // anchor, the heading's index (link_area.target_page holds the anchor
  // until layout resolves it); `page_of(anchor)` gives the printed page number.
  std::vector<block> contents(const outline& o, const std::function<std::string(int)>& page_of,
                              structure_builder& tags) const;
  // The body: sections, slides, bullets and links, each heading anchored at
  // its index in the outline. With `sink`, it is called after each slide
  // (and once at the end) with the blocks composed so far and not taken:
  // it may take blocks from their front, so that the body is never held
  // whole; what it leaves is returned.
  using block_sink = std::function<void(std::vector<block>& blocks)>;
  std::vector<block> body(const outline& o, structure_builder& tags,
                          const block_sink& sink = {}) const;
  // Blocks that keep only their sizes, not their items: for the page
  // numbers alone (the DOCX contents, a long report's first pass), without
  // holding the document drawn. `seen`, when given, sees each block's
  // items before they go (to count the characters drawn).
  // Without `seen` nothing is drawn at all: the lines are measured (every
  // width and font asked for as when drawing) but no items are made.
  void keep_only_sizes(std::function<void(const std::vector<page_item>&)> seen = {}) {
    keep_items_ = false;
    seen_ = std::move(seen);
  }

  const style& the_style() const { return style_; }

 private:
  void bullet_blocks(const item& it, const std::string& head, int list, structure_builder& tags,
                     std::vector<block>& out) const;
  void link_blocks(const std::vector<link_row>& links, const std::string& head,
                   structure_builder& tags, std::vector<block>& out) const;
  double baseline_in(double line_height, double size) const;
  void add_block(block&& b, std::vector<block>& out) const;
  // Whether blocks get their items (kept, or seen before they go).
  bool draws() const { return keep_items_ || seen_ != nullptr; }

  const style& style_;
  const font_metrics& metrics_;
  fixed_words words_;
  const hyphenator* hyphenation_ = nullptr;
  bool hyphenate_beside_cjk_ = true;
  bool keep_items_ = true;
  std::function<void(const std::vector<page_item>&)> seen_;
};

// A bullet that introduces what follows it: its text ends with a colon
// (`事件：`, `Why:`). Kept on the same page as the next line.
bool is_lead_in(std::string_view text);

}  // namespace handout::pdf
