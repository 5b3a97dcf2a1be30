// The label logic lives with the link audit's URL parser
// (links/label.cpp); this keeps the interface the PDF and DOCX use.
#include "render/link_label.hpp"

#include "links/label.hpp"
#include "links/start_time.hpp"
#include "links/youtube_url.hpp"

namespace handout {

std::string link_label(const std::string& href) {
  return links::label_of(href, links::classify(href));
}

long parse_start_time(const std::string& value) {
  return links::parse_start_time(value).value_or(-1);
}

std::string format_duration(long seconds) { return links::format_duration(seconds); }

std::string link_caption(const report& r, const std::string& href) {
  std::string caption = link_label(href);
  const link_check* check = find_link_check(r, href);
  if (!check || check->title.empty()) return caption;
  constexpr int max_chars = 40;
  std::string_view title = check->title;
  std::size_t end = 0;
  for (int chars = 0; end < title.size() && chars < max_chars; ++chars) {
    ++end;
    while (end < title.size() && (static_cast<unsigned char>(title[end]) & 0xC0) == 0x80) ++end;
  }
  caption += " — ";
  caption += title.substr(0, end);
  if (end < title.size()) caption += "…";
  return caption;
}

}  // namespace handout
