#include "render/link_label.hpp"

#include <string_view>

#include "render/links/start_time.hpp"
#include "render/links/url.hpp"
#include "render/links/youtube_url.hpp"

namespace handout {

long parse_start_time(const std::string& value) {
  return links::parse_start_time(value).value_or(-1);
}

std::string format_duration(long seconds) { return links::format_duration(seconds); }

std::string link_label(const std::string& href) {
  auto parts = links::split_url(href);
  if (!parts || !parts->has_authority) return href;

  // A video whose id has the shape of one: youtu.be/ID, plus the start time.
  links::youtube_link yt = links::classify(href);
  if (yt.video_form && links::has_id_shape(yt.video_id)) {
    std::string label = "youtu.be/" + yt.video_id;
    if (yt.start && *yt.start > 0) label += " ▶ " + links::format_duration(*yt.start);
    return label;
  }

  std::string host = parts->host;
  for (std::string_view prefix : {"www.", "m.", "music."}) {
    if (host.starts_with(prefix)) host.erase(0, prefix.size());
  }
  std::string label = host + std::string(parts->path == "/" ? "" : parts->path);
  constexpr std::size_t max_chars = 60;
  if (label.size() > max_chars) {
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
    label = label.substr(0, cut) + "…";
  }
  return label;
}

}  // namespace handout
