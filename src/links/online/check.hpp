// The online link check: asks YouTube (oEmbed, thumbnails) and web servers
// whether each distinct link still works, with a cache, and records the
// verdicts in the reports (report::link_checks).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout::links::online {

struct online_options {
  std::string cache_path = ".handout-cache.json";
  bool use_cache = true;
  std::chrono::seconds max_cache_age{24 * 3600};
  // Replaces https://www.youtube.com (oEmbed) and https://i.ytimg.com
  // (thumbnails); trusted, so it may be a local address. Empty: YouTube.
  std::string youtube_endpoint;
  bool allow_private = false;
  std::chrono::milliseconds timeout{10'000};    // per request
  std::chrono::milliseconds deadline{120'000};  // for the whole check
  int concurrency = 8;
  int retries = 2;
  std::string user_agent = "handout";
};

struct online_stats {
  int targets = 0;     // distinct videos, playlists and web links
  int from_cache = 0;  // answered by the cache
  int requests = 0;    // HTTP requests sent, retries included
  int retries = 0;
};

// Checks every distinct checkable link of `reports` (valid videos,
// playlists, other http(s) links) and fills each report's link_checks for
// every href concerned. Cache problems are warnings.
online_stats check_online(const std::vector<report*>& reports, const online_options& options,
                          diagnostics& diags);

}  // namespace handout::links::online
