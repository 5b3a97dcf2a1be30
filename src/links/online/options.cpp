#include "links/online/options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "limits.hpp"
#include "links/url.hpp"

namespace handout::links::online {

namespace {

// A positive number of seconds (`2`, `0.5`) in milliseconds, or nothing.
std::optional<long> parse_seconds(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == '.')) return std::nullopt;
  }
  double v = std::strtod(std::string(text).c_str(), nullptr);
  if (!std::isfinite(v) || v <= 0 || v > 86400) return std::nullopt;
  return std::max(1L, std::lround(v * 1000));
}

std::optional<int> parse_count(std::string_view text, int least, int most) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < least || v > most) {
    return std::nullopt;
  }
  return v;
}

// An endpoint: http(s)://host[:port][/path], no query or fragment; without
// a trailing '/'.
std::optional<std::string> parse_endpoint(std::string_view text) {
  auto parts = split_url(text);
  if (!parts || unusable_reason(text, parts) || parts->has_query || parts->has_fragment) {
    return std::nullopt;
  }
  std::string s(text);
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

std::optional<long> parse_age(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long unit = 1;
  switch (text.back()) {
    case 's':
      text.remove_suffix(1);
      break;
    case 'm':
      unit = 60;
      text.remove_suffix(1);
      break;
    case 'h':
      unit = 3600;
      text.remove_suffix(1);
      break;
    case 'd':
      unit = 86400;
      text.remove_suffix(1);
      break;
    default:
      break;
  }
  long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v < 0 ||
      v > 100L * 365 * 86400 / unit) {
    return std::nullopt;
  }
  return v * unit;
}

bool option_parser::parse(const std::vector<std::string>& args, std::size_t& i,
                          std::string& error) {
  const std::string& a = args[i];
  static const std::vector<std::string_view> with_value = {
      "--cache",    "--max-cache-age", "--youtube-endpoint", "--timeout",
      "--deadline", "--concurrency",   "--retries"};
  const bool takes_value = std::find(with_value.begin(), with_value.end(), a) != with_value.end();
  if (a == "--online") {
    online_ = true;
    return true;
  }
  if (!takes_value && a != "--no-cache" && a != "--allow-private") return false;
  if (first_other_.empty()) first_other_ = a;
  if (a == "--no-cache") {
    options_.use_cache = false;
    return true;
  }
  if (a == "--allow-private") {
    options_.allow_private = true;
    return true;
  }
  if (++i == args.size()) {
    error = a + " needs a value";
    return true;
  }
  const std::string& v = args[i];
  if (a == "--cache") {
    if (v.empty()) error = "--cache needs a file name";
    options_.cache_path = v;
  } else if (a == "--max-cache-age") {
    auto age = parse_age(v);
    if (!age) {
      error = "--max-cache-age takes a duration like 3600, 90m, 12h or 1d, not '" + v + "'";
    } else {
      options_.max_cache_age = std::chrono::seconds(*age);
    }
  } else if (a == "--youtube-endpoint") {
    auto e = parse_endpoint(v);
    if (!e) {
      error = "--youtube-endpoint takes an http(s) URL without query, not '" + v + "'";
    } else {
      options_.youtube_endpoint = *e;
    }
  } else if (a == "--timeout" || a == "--deadline") {
    auto ms = parse_seconds(v);
    if (!ms) {
      error = a + " takes a number of seconds (up to 86400), not '" + v + "'";
    } else {
      (a == "--timeout" ? options_.timeout : options_.deadline) = std::chrono::milliseconds(*ms);
    }
  } else if (a == "--concurrency") {
    auto n = parse_count(v, 1, limits::max_concurrency);
    if (!n) {
      error = "--concurrency takes 1 to " + std::to_string(limits::max_concurrency);
    } else {
      options_.concurrency = *n;
    }
  } else if (a == "--retries") {
    auto n = parse_count(v, 0, limits::max_retries);
    if (!n) {
      error = "--retries takes 0 to " + std::to_string(limits::max_retries);
    } else {
      options_.retries = *n;
    }
  }
  return true;
}

std::optional<online_options> option_parser::finish(std::string& error) const {
  if (!online_) {
    if (!first_other_.empty()) error = first_other_ + " needs --online";
    return std::nullopt;
  }
  return options_;
}

std::string_view options_help() {
  return R"(online check (off unless --online):
  --online              check each distinct video and web link over HTTP
  --cache FILE          the verdict cache (default .handout-cache.json)
  --no-cache            neither read nor write the cache
  --max-cache-age AGE   reuse cached verdicts up to this age: 3600, 90m, 12h,
                        1d (default 1d; 0 checks everything again)
  --timeout SECONDS     per request (default 10)
  --deadline SECONDS    for the whole check (default 120); links left are unknown
  --concurrency N       requests in flight (default 8; at most 2 per host)
  --retries N           retries after a 429, a 5xx or a timeout (default 2)
  --allow-private       also check links to loopback, private and link-local
                        addresses
  --youtube-endpoint URL  ask URL/oembed and URL/vi/ID/hqdefault.jpg instead
                        of www.youtube.com and i.ytimg.com (for tests)
)";
}

}  // namespace handout::links::online
