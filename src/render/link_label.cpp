#include "render/link_label.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace handout {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The value of `key` in a query or fragment string `a=1&b=2`, or nothing.
std::string param(std::string_view query, std::string_view key) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == key && eq != std::string_view::npos) {
      return std::string(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

bool is_video_id(std::string_view id) {
  return id.size() == 11 && std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
         });
}

}  // namespace

long parse_start_time(const std::string& value) {
  if (value.empty()) return -1;
  if (value.find(':') != std::string::npos) {  // 1:30 or 1:02:03
    long total = 0;
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t colon = value.find(':', start);
      std::string part =
          value.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (part.empty() || part.size() > 6 ||
          !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return -1;
      }
      total = total * 60 + std::stol(part);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    return total;
  }
  long total = 0, number = 0;
  bool digits = false;
  for (char c : value) {
    if (c >= '0' && c <= '9') {
      if (number > 100'000'000) return -1;
      number = number * 10 + (c - '0');
      digits = true;
    } else if ((c == 'h' || c == 'm' || c == 's') && digits) {
      total += number * (c == 'h' ? 3600 : c == 'm' ? 60 : 1);
      number = 0;
      digits = false;
    } else {
      return -1;
    }
  }
  return total + number;
}

std::string format_duration(long seconds) {
  auto two = [](long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (seconds >= 3600) {
    return std::to_string(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60);
  }
  return std::to_string(seconds / 60) + ":" + two(seconds % 60);
}

std::string link_label(const std::string& href) {
  std::size_t scheme_end = href.find("://");
  if (scheme_end == std::string::npos) return href;
  std::string_view rest = std::string_view(href).substr(scheme_end + 3);
  std::size_t host_end = rest.find_first_of("/?#");
  std::string host = lower(rest.substr(0, host_end));
  std::string_view tail = host_end == std::string_view::npos ? "" : rest.substr(host_end);
  std::size_t q = tail.find('?'), h = tail.find('#');
  std::string_view path = tail.substr(0, std::min(q, h));
  std::string_view query =
      q == std::string_view::npos
          ? ""
          : tail.substr(q + 1, h == std::string_view::npos ? std::string_view::npos : h - q - 1);
  std::string_view fragment = h == std::string_view::npos ? "" : tail.substr(h + 1);

  for (std::string_view prefix : {"www.", "m.", "music."}) {
    if (host.starts_with(prefix)) host.erase(0, prefix.size());
  }
  std::string id;
  if (host == "youtu.be") {
    id = std::string(path.substr(std::min<std::size_t>(1, path.size())));
  } else if (host == "youtube.com" || host == "youtube-nocookie.com") {
    if (path == "/watch") {
      id = param(query, "v");
    } else {
      for (std::string_view prefix : {"/embed/", "/shorts/", "/live/", "/v/"}) {
        if (path.starts_with(prefix)) id = std::string(path.substr(prefix.size()));
      }
    }
  }
  if (is_video_id(id)) {
    std::string label = "youtu.be/" + id;
    std::string t = param(query, "t");
    if (t.empty()) t = param(query, "start");
    if (t.empty()) t = param(fragment, "t");
    if (long seconds = parse_start_time(t); seconds > 0) label += " ▶ " + format_duration(seconds);
    return label;
  }
  std::string label = host + std::string(path == "/" ? "" : path);
  constexpr std::size_t max_chars = 60;
  if (label.size() > max_chars) {
    std::size_t cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
    label = label.substr(0, cut) + "…";
  }
  return label;
}

}  // namespace handout
