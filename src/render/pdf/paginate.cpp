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
  out.block_y.resize(blocks.size());
  double y = top;
  bool page_empty = true;
  bool head_from_section = false;
  auto new_page = [&](std::size_t first) {
    head_from_section = false;
    out.first_block.push_back(first);
    out.running_heads.emplace_back();
    y = top;
    page_empty = true;
  };
  new_page(0);
  const double room = bottom - top;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const block& b = blocks[i];
    if (b.page_break_before && !page_empty) new_page(i);
    // The height this block needs here: itself, plus every block chained to
    // it by keep-with-next, as long as the chain fits on a page at all.
    double need = (page_empty ? 0 : b.space_before) + b.height;
    double chain = need;
    for (std::size_t j = i; j + 1 < blocks.size() && blocks[j].keep_with_next; ++j) {
      chain += blocks[j + 1].space_before + blocks[j + 1].height;
    }
    if (chain <= room) need = chain;
    if (!page_empty && y + need > bottom + 1e-6) new_page(i);
    if (!page_empty) y += b.space_before;
    if (page_empty || (b.starts_section && !head_from_section)) {
      out.running_heads.back() = b.running_head;
      head_from_section = b.starts_section;
    }
    out.block_y[i] = y;
    if (b.anchor >= 0) out.anchors[b.anchor] = {static_cast<int>(out.first_block.size()) - 1, y};
    y += b.height;
    page_empty = false;
  }
  const std::size_t count = out.first_block.size();
  out.first_block.push_back(blocks.size());
  // 2. Each page's items, moved out of its blocks, then its furniture.
  out.pages.resize(count);
  if (!keep_items) return out;
  for (std::size_t p = 0; p < count; ++p) {
    std::vector<page_item> furniture;
    if (furnish) furnish(p, out.running_heads[p], static_cast<int>(count), furniture);
    const std::size_t first = out.first_block[p], n = out.first_block[p + 1] - first;
    out.pages[p].items =
        page_items(std::span(blocks).subspan(first, n),
                   std::span<const double>(out.block_y).subspan(first, n), std::move(furniture));
  }
  return out;
}

std::vector<page_item> page_items(std::span<block> blocks, std::span<const double> y,
                                  std::vector<page_item> furniture) {
  std::size_t count = furniture.size();
  for (const block& b : blocks) count += b.items.size();
  std::vector<page_item> items;
  items.reserve(count);
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    for (page_item& item : blocks[k].items) {
      shift(item, y[k]);
      items.push_back(std::move(item));
    }
    std::vector<page_item>().swap(blocks[k].items);
  }
  for (page_item& item : furniture) items.push_back(std::move(item));
  return items;
}

}  // namespace handout::pdf
