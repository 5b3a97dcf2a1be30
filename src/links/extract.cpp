#include "links/extract.hpp"

#include <algorithm>

namespace handout::links {

namespace {

// Appends an item's text (URLs blanked) to `text` and its URLs to `out`.
void collect(const item& it, std::size_t slide, std::string& text,
             std::vector<extracted_link>& out) {
  std::string blanked = it.text;
  for (const auto& span : it.urls) {
    if (span.offset > it.text.size() || span.length > it.text.size() - span.offset) continue;
    out.push_back({it.text.substr(span.offset, span.length), span.line > 0 ? span.line : it.line,
                   span.column, slide, link_origin::text});
    std::fill_n(blanked.begin() + static_cast<std::ptrdiff_t>(span.offset), span.length, ' ');
  }
  text += '\n';
  text += blanked;
  for (const auto& child : it.children) collect(child, slide, text, out);
}

}  // namespace

const char* origin_name(link_origin origin) {
  return origin == link_origin::text ? "text" : "link-line";
}

extraction extract_links(const report& r) {
  extraction x;
  for (const auto& sec : r.sections) {
    for (const auto& sl : sec.slides) {
      const std::size_t index = x.slides.size();
      slide_info info;
      info.section_number = sec.number.value_or("");
      info.section_title = sec.title;
      info.title = sl.title;
      info.line = sl.line;
      info.text = sl.title;
      const std::size_t first = x.links.size();
      for (const auto& it : sl.items) collect(it, index, info.text, x.links);
      for (const auto& l : sl.links) {
        x.links.push_back({l.href, l.line, 0, index, link_origin::link_line});
      }
      std::stable_sort(
          x.links.begin() + static_cast<std::ptrdiff_t>(first), x.links.end(),
          [](const extracted_link& a, const extracted_link& b) { return a.line < b.line; });
      x.slides.push_back(std::move(info));
    }
  }
  return x;
}

}  // namespace handout::links
