#include "render/pdf/paginate.hpp"

namespace handout::pdf {

namespace {

void shift(page_item& item, double dy) {
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, text_run> || std::is_same_v<T, qr_code>) {
          v.y += dy;
        } else if constexpr (std::is_same_v<T, rule> || std::is_same_v<T, link_area>) {
          v.y0 += dy;
          v.y1 += dy;
        }  // marks have no place
      },
      item);
}

}  // namespace

flow paginate(std::vector<block> blocks, double top, double bottom, const page_furnisher& furnish,
              bool keep_items) {
  flow out;
  // 1. Where each block goes: its page and its y there.
  std::vector<std::size_t> page_of(blocks.size());
  std::vector<double> y_of(blocks.size());
  std::vector<std::size_t> items_on;  // per page
  double y = top;
  bool page_empty = true;
  bool head_from_section = false;
  auto new_page = [&] {
    head_from_section = false;
    items_on.push_back(0);
    out.running_heads.emplace_back();
    y = top;
    page_empty = true;
  };
  new_page();
  const double room = bottom - top;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const block& b = blocks[i];
    if (b.page_break_before && !page_empty) new_page();
    // The height this block needs here: itself, plus every block chained to
    // it by keep-with-next, as long as the chain fits on a page at all.
    double need = (page_empty ? 0 : b.space_before) + b.height;
    double chain = need;
    for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keep_with_next; ++j) {
      chain += blocks[j + 1].space_before + blocks[j + 1].height;
    }
    if (chain <= room) need = chain;
    if (!page_empty && y + need > bottom + 1e-6) new_page();
    if (!page_empty) y += b.space_before;
    if (page_empty || (b.starts_section && !head_from_section)) {
      out.running_heads.back() = b.running_head;
      head_from_section = b.starts_section;
    }
    page_of[i] = items_on.size() - 1;
    y_of[i] = y;
    items_on.back() += b.items.size();
    if (b.anchor >= 0) out.anchors[b.anchor] = {static_cast<int>(items_on.size()) - 1, y};
    y += b.height;
    page_empty = false;
  }
  // 2. Each page's items, moved out of its blocks, then its furniture.
  out.pages.resize(items_on.size());
  if (!keep_items) return out;
  const int count = static_cast<int>(items_on.size());
  std::size_t next = 0;
  for (std::size_t p = 0; p < out.pages.size(); ++p) {
    std::vector<page_item> furniture;
    if (furnish) furnish(p, out.running_heads[p], count, furniture);
    std::vector<page_item>& items = out.pages[p].items;
    items.reserve(items_on[p] + furniture.size());
    for (; next < blocks.size() && page_of[next] == p; ++next) {
      for (page_item& item : blocks[next].items) {
        shift(item, y_of[next]);
        items.push_back(std::move(item));
      }
      std::vector<page_item>().swap(blocks[next].items);
    }
    for (page_item& item : furniture) items.push_back(std::move(item));
  }
  return out;
}

}  // namespace handout::pdf
