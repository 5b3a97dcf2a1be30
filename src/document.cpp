#include "document.hpp"

namespace handout {

namespace {

void count_items(const std::vector<item>& items, report_counts& c) {
  for (const auto& it : items) {
    ++c.items;
    if (it.level >= 1 && it.level <= 3) ++c.items_by_level[it.level];
    count_items(it.children, c);
  }
}

}  // namespace

report_counts count(const report& r) {
  report_counts c;
  for (const auto& sec : r.sections) {
    ++c.sections;
    for (const auto& sl : sec.slides) {
      ++c.slides;
      c.links += static_cast<int>(sl.links.size());
      count_items(sl.items, c);
    }
  }
  return c;
}

const link_check* find_link_check(const report& r, std::string_view href) {
  auto it = r.link_checks.find(href);
  return it == r.link_checks.end() ? nullptr : &it->second;
}

}  // namespace handout
