#include "links/label.hpp"

#include "links/start_time.hpp"
#include "links/url.hpp"

namespace handout::links {

std::string label_of(std::string_view href, const youtube_link& classified) {
  auto parts = split_url(href);
  if (!parts || !parts->has_authority) return std::string(href);

  if (classified.video_form && has_id_shape(classified.video_id)) {
    std::string label = "youtu.be/" + classified.video_id;
    if (classified.start && *classified.start > 0) {
      label += " ▶ " + format_duration(*classified.start);
    }
    return label;
  }

  std::string host = parts->host;
  for (std::string_view prefix : {"www.", "m.", "music."}) {
    if (host.starts_with(prefix)) host.erase(0, prefix.size());
  }
  // A percent-encoded path as copied from a browser reads as the IRI it stands for.
  std::string label = host + uri_to_iri(parts->path == "/" ? "" : parts->path);
  constexpr std::size_t max_bytes = 60;
  if (label.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
    label = label.substr(0, cut) + "…";
  }
  return label;
}

}  // namespace handout::links
