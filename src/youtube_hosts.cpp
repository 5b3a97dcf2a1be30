#include "youtube_hosts.hpp"

namespace handout {

namespace {

// `host` is `domain` or one of its subdomains (`www.`, `m.`, `music.`, …).
bool within(std::string_view host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.ends_with(domain) &&
         host[host.size() - domain.size() - 1] == '.';
}

}  // namespace

youtube_host youtube_host_of(std::string_view host) {
  if (host.ends_with('.')) host.remove_suffix(1);  // `youtube.com.` is the same host
  if (within(host, "youtu.be")) return youtube_host::short_link;
  for (std::string_view domain : {"youtube.com", "youtube-nocookie.com", "youtubekids.com"}) {
    if (within(host, domain)) return youtube_host::site;
  }
  // The API host serves the old Flash player's `/v/ID`; googleapis.com is not YouTube's.
  if (host == "youtube.googleapis.com") return youtube_host::site;
  return youtube_host::none;
}

}  // namespace handout
