// The DOCX's fonts: which font fills the Latin and the East Asian slots (the
// first of the style's fallback list that has the script, as in the PDF),
// what fontTable.xml says of each (panose, charset, family, signature), and
// the obfuscated subsets embedded so that the document looks the same where
// the font is not installed (ECMA-376 Part 1, §17.8.1 and §17.8.3.3).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "style.hpp"

namespace handout::pdf {
class font_set;
}

namespace handout::docx {

// What fontTable.xml says of one font.
struct font_entry {
  std::string name;      // the family name, as runs name it
  std::string alt_name;  // its East Asian family name, or empty
  std::string panose;    // 20 hex digits, or empty when the font has none
  std::string charset;   // hex: 00 ANSI, 80 Shift-JIS, 81 Hangul, 86 GB2312, 88 Big5
  std::string family;    // swiss, roman, modern, script, decorative or auto
  bool fixed_pitch = false;
  std::optional<std::array<std::uint32_t, 6>> sig;  // usb0-3, csb0-1 of OS/2
  int face = -1;  // the font in the opened set; -1: named, not embeddable
};

// An embedded font: the obfuscated subset and the key that undoes it.
struct embedded_font {
  std::string font_key;  // {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}
  std::string data;      // the .odttf bytes
};

class font_plan {
 public:
  // Opens the style's fonts. A font that cannot be opened or whose licence
  // forbids embedding (the PDF's check) is named without being embedded,
  // with one warning in `diags`. `east_asian_lang` picks the East Asian
  // script (zh, ja, ko) and charset.
  static font_plan make(const style& look, const std::string& east_asian_lang, diagnostics& diags);

  font_plan(font_plan&&) noexcept;
  font_plan& operator=(font_plan&&) noexcept;
  ~font_plan();

  const std::string& latin() const;       // empty: no font named
  const std::string& east_asian() const;  // empty: no font named
  const std::vector<font_entry>& entries() const { return entries_; }
  bool embeds() const;  // whether any font is embedded
  // The opened fonts of the style, or null when they could not be opened.
  const pdf::font_set* opened() const { return set_.get(); }

  // The obfuscated subset of entry `i` holding `code_points` (those it
  // has); nothing when entry `i` is not embeddable or subsetting fails. The
  // key is derived from the subset's bytes, so that outputs are reproducible.
  std::optional<embedded_font> embed(std::size_t i, const std::set<char32_t>& code_points) const;

 private:
  font_plan();
  std::unique_ptr<pdf::font_set> set_;
  std::vector<font_entry> entries_;
  int latin_ = -1, east_asian_ = -1;  // indices into entries_
};

// The font key GUID for `data` (from its SHA-256) and `data` obfuscated
// with it: the key's 16 bytes, last first, XORed over the first 32 bytes.
embedded_font obfuscate_font(std::string data);

// The reverse, for tests and readers: `data` with the first 32 bytes
// XORed with `font_key`.
std::string deobfuscate_font(std::string data, std::string_view font_key);

}  // namespace handout::docx
