// UTF-8 helpers: validation, code point columns, NFC normalization.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace handout::utf8 {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms and surrogates are ill-formed), or nothing.
std::optional<std::size_t> find_invalid(std::string_view s);

// Decodes the code point at `s[i]` (which must be valid UTF-8) and advances `i`.
char32_t decode(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

// The 1-based column (in code points) of byte offset `offset` in `line`.
int column_at(std::string_view line, std::size_t offset);

// The 1-based line and column (in code points) of byte `offset` of `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t offset);

// True when valid UTF-8 text is certainly NFC already (a fast check that
// answers false for some NFC text).
bool is_nfc_quick(std::string_view s);

// The NFC form of valid UTF-8 text.
std::string nfc(std::string_view s);
void nfc_in_place(std::string& s);

// True for code points XML 1.0 cannot carry in text (C0 controls but tab,
// LF and CR; U+FFFE; U+FFFF).
constexpr bool is_xml_illegal(char32_t cp) {
  return (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0D) || cp == 0xFFFE || cp == 0xFFFF;
}

}  // namespace handout::utf8
