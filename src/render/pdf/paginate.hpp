// Pagination: stacks blocks onto pages, keeping headings with what follows.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// A piece of content that is never split across pages (a heading, one line
// of a bullet, a row of links). Its items' y are from the block's top.
struct block {
  double height = 0;
  double space_before = 0;      // dropped at the top of a page
  bool keep_with_next = false;  // on the same page as the next block
  bool page_break_before = false;
  std::vector<page_item> items;
  int anchor = -1;              // when >= 0, where this block lands is recorded
  std::string running_head;     // the section it belongs to, for the page header
  bool starts_section = false;  // a section heading: names the page it starts on
};

// Where an anchored block landed: page index and the y of its top.
struct anchor_place {
  int page = 0;
  double y = 0;
};

struct flow {
  std::vector<page> pages;
  // Per page: the first section that starts on it, else that of its first block.
  std::vector<std::string> running_heads;
  std::map<int, anchor_place> anchors;
  // Where the blocks went: per page the index of its first block, then the
  // number of blocks; per block the y of its top.
  std::vector<std::size_t> first_block;
  std::vector<double> block_y;
};

// What goes on every page after its blocks (running head, page number):
// called with the page's index, its running head and the page count, it
// appends to the page's items.
using page_furnisher = std::function<void(std::size_t page, const std::string& running_head,
                                          int page_count, std::vector<page_item>& items)>;

// Places `blocks` from `top` down to `bottom` on as many pages as needed.
// A block that would leave a keep-with-next chain (a heading and the first
// line after it) split across a page break starts a new page instead.
// The blocks are taken by value: their items move into the pages, so that
// the document is not held twice. The pages are decided first, then each
// page's items are moved into a vector of exactly their number (with
// `furnish`'s), so that no page holds slack from its growth. Without
// `keep_items` the pages stay empty (for the page numbers only).
flow paginate(std::vector<block> blocks, double top, double bottom,
              const page_furnisher& furnish = {}, bool keep_items = true);

// One page's items: those of `blocks` (the page's, placed at `y`, one per
// block) moved out of them, then `furniture`, in a vector of exactly their
// number. paginate() fills each page with it; a layout drawn page by page
// too, with the blocks composed again and the places paginate() gave them.
std::vector<page_item> page_items(std::span<block> blocks, std::span<const double> y,
                                  std::vector<page_item> furniture);

}  // namespace handout::pdf
