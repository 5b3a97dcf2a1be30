// Percent-encoding (RFC 3986 §2.1), the one encoder for every area: each
// byte a rule does not keep becomes `%XX` (upper-case hex).
#pragma once

#include <string>
#include <string_view>

namespace handout {

// An unreserved character (RFC 3986 §2.3): ALPHA, DIGIT, `-`, `.`, `_`, `~`.
inline bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// `s` with every byte for which `keep(byte)` is false percent-encoded.
template <class Keep>
std::string percent_encode(std::string_view s, Keep keep) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (keep(c)) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

}  // namespace handout
