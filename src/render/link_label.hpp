// The short, readable form of a link that the PDF and DOCX print under a
// slide: `youtu.be/t45S_MwAcOw ▶ 8:47` for a YouTube video, host and path
// for other web links.
#pragma once

#include <string>

#include "document.hpp"

namespace handout {

std::string link_label(const std::string& href);

// The label, followed by the video's title (` — Title`, shortened to 40
// characters) when the online check found one.
std::string link_caption(const report& r, const std::string& href);

// A start time (`527s`, `1m30s`, `1h2m3s`, `1:30`, `90`) in seconds, or -1.
long parse_start_time(const std::string& value);

// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
std::string format_duration(long seconds);

}  // namespace handout
