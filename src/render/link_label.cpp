// The label logic lives with the link audit's URL parser
// (render/links/label.cpp); this keeps the interface the PDF and DOCX use.
#include "render/link_label.hpp"

#include "render/links/label.hpp"
#include "render/links/start_time.hpp"
#include "render/links/youtube_url.hpp"

namespace handout {

std::string link_label(const std::string& href) {
  return links::label_of(href, links::classify(href));
}

long parse_start_time(const std::string& value) {
  return links::parse_start_time(value).value_or(-1);
}

std::string format_duration(long seconds) { return links::format_duration(seconds); }

}  // namespace handout
