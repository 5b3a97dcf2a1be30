// "1 warning", "2 warnings": a count and its noun, for every human summary line.
#pragma once

#include <string>
#include <string_view>

namespace handout {

// `n` and `singular`, with an "s" unless `n` is 1 (or `plural` when given).
inline std::string count_text(long long n, std::string_view singular,
                              std::string_view plural = {}) {
  std::string out = std::to_string(n) + " ";
  if (n == 1) return out += singular;
  if (!plural.empty()) return out += plural;
  return (out += singular) += "s";
}

}  // namespace handout
