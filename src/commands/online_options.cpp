#include "commands/online_options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "commands/commands.hpp"
#include "commands/commands.hpp"
#include "limits.hpp"
#include "links/url.hpp"

namespace handout::commands {

using links::online::online_options;

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
  auto parts = links::split_url(text);
  if (!parts || links::unusable_reason(text, parts) || parts->has_query || parts->has_fragment) {
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

option_group online_option_group(online_state& state) {
  auto& o = state.options;
  // Every online option but --online itself: noted, for "needs --online".
  auto other = [&state](std::string_view name, auto apply) {
    return [&state, name, apply](const std::string& v) -> std::string {
      if (state.first_other.empty()) state.first_other = "--" + std::string(name);
      return apply(v);
    };
  };
  auto seconds = [](std::string_view name, std::chrono::milliseconds& into) {
    return [name, &into](const std::string& v) -> std::string {
      auto ms = parse_seconds(v);
      if (!ms)
        return "--" + std::string(name) + " takes a number of seconds (up to 86400), not '" + v +
               "'";
      into = std::chrono::milliseconds(*ms);
      return "";
    };
  };
  auto count = [](std::string_view name, int least, int most, int& into) {
    return [=, &into](const std::string& v) -> std::string {
      auto n = parse_count(v, least, most);
      if (!n)
        return "--" + std::string(name) + " takes " + std::to_string(least) + " to " +
               std::to_string(most);
      into = *n;
      return "";
    };
  };
  return {
      "online check (off unless --online)",
      {
          {"online", 0, "", "check each distinct video and web link over HTTP",
           set_to(state.online),
           "Removed or private videos, titles and channels; the verdicts are cached."},
          {"cache", 0, "FILE", "the verdict cache (default .handout-cache.json)",
           other("cache",
                 [&o](const std::string& v) {
                   o.cache_path = v;
                   return v.empty() ? std::string("--cache needs a file name") : std::string();
                 })},
          {"no-cache", 0, "", "neither read nor write the cache",
           other("no-cache", set_to(o.use_cache, false))},
          {"max-cache-age", 0, "AGE",
           "reuse cached verdicts up to this age: 3600, 90m, 12h,\n1d (default 1d; 0 checks "
           "everything again)",
           other("max-cache-age",
                 [&o](const std::string& v) {
                   auto age = parse_age(v);
                   if (!age)
                     return "--max-cache-age takes a duration like 3600, 90m, 12h or 1d, not '" +
                            v + "'";
                   o.max_cache_age = std::chrono::seconds(*age);
                   return std::string();
                 })},
          {"timeout", 0, "SECONDS", "per request (default 10)",
           other("timeout", seconds("timeout", o.timeout))},
          {"deadline", 0, "SECONDS", "for the whole check (default 120); links left are unknown",
           other("deadline", seconds("deadline", o.deadline))},
          {"concurrency", 0, "N", "requests in flight (default 8; at most 2 per host)",
           other("concurrency", count("concurrency", 1, limits::max_concurrency, o.concurrency))},
          {"retries", 0, "N", "retries after a 429, a 5xx or a timeout (default 2)",
           other("retries", count("retries", 0, limits::max_retries, o.retries))},
          {"allow-private", 0, "",
           "also check links to loopback, private and link-local\naddresses",
           other("allow-private", set_to(o.allow_private))},
          {"youtube-endpoint", 0, "URL",
           "ask URL/oembed and URL/vi/ID/hqdefault.jpg instead\nof www.youtube.com and i.ytimg.com "
           "(for tests)",
           other("youtube-endpoint",
                 [&o](const std::string& v) {
                   auto e = parse_endpoint(v);
                   if (!e)
                     return "--youtube-endpoint takes an http(s) URL without query, not '" + v +
                            "'";
                   o.youtube_endpoint = *e;
                   return std::string();
                 })},
      }};
}

online_choice finish_online(const online_state& state) {
  if (state.online) {
    auto options = state.options;
    options.user_agent = user_agent();
    return {options, ""};
  }
  return {std::nullopt, state.first_other.empty() ? "" : state.first_other + " needs --online"};
}

}  // namespace handout::commands
