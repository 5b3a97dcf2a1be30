#include "terminal_text.hpp"

#include <utf8proc.h>

#include "limits.hpp"

namespace handout {

bool is_terminal_unsafe(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  if (cp < 0xA0) return false;
  if (cp == 0x200C || cp == 0x200D) return false;
  if (cp == 0x2028 || cp == 0x2029) return true;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CF;
}

namespace {

constexpr char digits[] = "0123456789abcdef";

void append_hex(std::string& out, char32_t value, int width) {
  for (int shift = (width - 1) * 4; shift >= 0; shift -= 4) out += digits[(value >> shift) & 15];
}

bool all_printable_ascii(std::string_view text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b >= 0x7F) return false;
  }
  return true;
}

}  // namespace

std::string terminal_text(std::string_view text) {
  if (all_printable_ascii(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0 || cp < 0) {  // not UTF-8: this one byte, escaped
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(text[i]), 2);
      ++i;
      continue;
    }
    const auto c = static_cast<char32_t>(cp);
    if (!is_terminal_unsafe(c)) {
      out.append(text.substr(i, static_cast<std::size_t>(n)));
    } else if (c < 0x80) {
      out += "\\x";
      append_hex(out, c, 2);
    } else {
      out += c > 0xFFFF ? "\\U" : "\\u";
      append_hex(out, c, c > 0xFFFF ? 8 : 4);
    }
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string excerpt(std::string_view text) {
  std::size_t chars = 0, end = 0;
  for (; end < text.size(); ++end) {
    const auto b = static_cast<unsigned char>(text[end]);
    if ((b & 0xC0) != 0x80 && ++chars > limits::max_quoted_chars) break;
  }
  if (end == text.size()) return terminal_text(text);
  return terminal_text(text.substr(0, end)) + "\u2026";
}

}  // namespace handout
