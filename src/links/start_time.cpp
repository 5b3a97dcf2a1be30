#include "links/start_time.hpp"

namespace handout::links {

namespace {

constexpr long max_seconds = 999L * 3600;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to 9 digits at `s[i]`; nothing when there are none or too many.
std::optional<long> read_number(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  long n = 0;
  while (i < s.size() && is_digit(s[i])) {
    if (i - start == 9) return std::nullopt;
    n = n * 10 + (s[i] - '0');
    ++i;
  }
  if (i == start) return std::nullopt;
  return n;
}

// `1:30`, `1:02:03`: every part after the first is below 60.
std::optional<long> parse_clock(std::string_view value) {
  long total = 0;
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    auto n = read_number(value, i);
    if (!n) return std::nullopt;
    if (parts > 0 && (*n >= 60 || i - start > 2)) return std::nullopt;
    total = total * 60 + *n;
    ++parts;
    if (i == value.size()) break;
    if (value[i] != ':' || parts == 3) return std::nullopt;
    ++i;
  }
  if (parts < 2) return std::nullopt;
  return total;
}

// `527s`, `1m30s`, `1h2m3s`, `1h`, `90`: units in order, each at most once;
// a last bare number counts as seconds.
std::optional<long> parse_units(std::string_view value) {
  long total = 0;
  std::size_t i = 0;
  int next_unit = 0;  // 0 h, 1 m, 2 s, 3 none left
  while (i < value.size()) {
    auto n = read_number(value, i);
    if (!n) return std::nullopt;
    if (i == value.size()) {
      if (next_unit == 3) return std::nullopt;
      total += *n;
      break;
    }
    char unit = value[i++];
    int index = unit == 'h' ? 0 : unit == 'm' ? 1 : unit == 's' ? 2 : -1;
    if (index < next_unit) return std::nullopt;
    total += *n * (index == 0 ? 3600 : index == 1 ? 60 : 1);
    next_unit = index + 1;
  }
  return total;
}

}  // namespace

std::optional<long> parse_start_time(std::string_view value) {
  if (value.empty()) return std::nullopt;
  auto seconds =
      value.find(':') != std::string_view::npos ? parse_clock(value) : parse_units(value);
  if (!seconds || *seconds > max_seconds) return std::nullopt;
  return seconds;
}

std::string format_duration(long seconds) {
  auto two = [](long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  if (seconds >= 3600) {
    return std::to_string(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60);
  }
  return std::to_string(seconds / 60) + ":" + two(seconds % 60);
}

}  // namespace handout::links
