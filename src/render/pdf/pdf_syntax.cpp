#include "render/pdf/pdf_syntax.hpp"

#include <hpdf.h>
#include <hpdf_utils.h>

#include "utf8.hpp"

namespace handout::pdf {

namespace {

// Most characters of a string libharu writes as UTF-16 (up to 4 bytes a
// character) within HPDF_LIMIT_MAX_STRING_LEN.
constexpr std::size_t max_string_characters = 16'000;

}  // namespace

std::string fit_string(const std::string& text) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < max_string_characters) {
    utf8::decode(text, i);
    ++count;
  }
  return i < text.size() ? text.substr(0, i) + "\u2026" : text;
}

void append_reference(std::string& out, std::size_t number) {
  out += std::to_string(number);
  out += " 0 R";
}

void append_real(std::string& out, double value) {
  char buf[HPDF_REAL_LEN + 1] = {};
  const char* end = HPDF_FToA(buf, static_cast<HPDF_REAL>(value), buf + HPDF_REAL_LEN);
  out.append(static_cast<const char*>(buf), end);
}

void append_literal(std::string& out, const std::string& bytes) {
  out += '(';
  for (unsigned char c : bytes) {
    if (c < 0x20 || c >= 0x7F || c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += static_cast<char>('0' + (c >> 6));
      out += static_cast<char>('0' + ((c >> 3) & 7));
      out += static_cast<char>('0' + (c & 7));
    } else {
      out += static_cast<char>(c);
    }
  }
  out += ')';
}

void append_utf16_hex(std::string& out, char32_t c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  auto unit = [&](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(u >> shift) & 0xF];
  };
  if (c < 0x10000) {
    unit(c);
  } else {
    unit(0xD800 + ((c - 0x10000) >> 10));
    unit(0xDC00 + ((c - 0x10000) & 0x3FF));
  }
}

void append_text_string(std::string& out, const std::string& text) {
  const std::string fitted = fit_string(text);
  bool ascii = true;
  for (unsigned char c : fitted) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) {
    append_literal(out, fitted);
    return;
  }
  out += "<FEFF";
  for (std::size_t i = 0; i < fitted.size();) append_utf16_hex(out, utf8::decode(fitted, i));
  out += '>';
}

}  // namespace handout::pdf
