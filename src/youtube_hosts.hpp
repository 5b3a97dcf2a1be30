// Which hosts are YouTube's: one rule for the text reader (where a URL in
// bullet text ends) and the link audit (what a link is).
#pragma once

#include <string_view>

namespace handout {

enum class youtube_host {
  none,        // not YouTube
  site,        // youtube.com, youtube-nocookie.com, youtubekids.com (and
               // their subdomains), youtube.googleapis.com
  short_link,  // youtu.be and its subdomains
};

// What `lower_host` (lower-cased, a trailing `.` allowed) is to YouTube.
youtube_host youtube_host_of(std::string_view lower_host);

// True for every YouTube host, short-link hosts included.
inline bool is_youtube_host(std::string_view lower_host) {
  return youtube_host_of(lower_host) != youtube_host::none;
}

}  // namespace handout
