// Pagination: stacks blocks onto pages, keeping headings with what follows.
#pragma once

#include <map>
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
};

// Places `blocks` from `top` down to `bottom` on as many pages as needed.
// A block that would leave a keep-with-next chain (a heading and the first
// line after it) split across a page break starts a new page instead.
// The blocks are taken by value: their items move into the pages, so that
// the document is not held twice.
flow paginate(std::vector<block> blocks, double top, double bottom);

}  // namespace handout::pdf
