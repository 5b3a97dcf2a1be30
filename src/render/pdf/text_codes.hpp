// The character codes a PDF's text is written in. libharu finds the glyph of
// each code of a UTF-8 font by a linear search over the segments of the
// embedded font's cmap: 65,536 times per font when it builds the font's
// CIDToGIDMap, and again per drawn character. A subset of a CJK font has a
// segment per run of consecutive code points, hundreds of them. So the text
// is written in compact codes instead: code k + 1 stands for the document's
// k-th distinct character in code point order, every embedded subset gets a
// cmap of one segment mapping exactly those codes, and the ToUnicode CMap
// gives the characters back to text extraction. Characters outside the BMP
// get codes like any other.
#pragma once

#include <compare>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace handout::pdf {

// A ligature glyph of one font and the characters it stands for.
struct ligature_code {
  int font = 0;
  unsigned glyph = 0;  // the font's own glyph id
  std::u32string text;
  auto operator<=>(const ligature_code&) const = default;
};

class text_codes {
 public:
  // The codes of `characters` (any order, repeats allowed), then of
  // `ligatures` (the same): at most limits::max_pdf_characters distinct
  // ones, or recode_font() fails.
  explicit text_codes(std::vector<char32_t> characters, std::vector<ligature_code> ligatures = {});

  std::size_t size() const { return characters_.size() + ligatures_.size(); }

  // `text`, UTF-8 made of the characters given, as the UTF-8 of their codes.
  std::string encode(std::string_view text) const;
  // The code of `c`, one of the characters given.
  unsigned code(char32_t c) const;
  // The code of ligature glyph `glyph` of `font`, one of the ligatures given.
  unsigned code(int font, unsigned glyph) const;

  // A font recoded: its data with a cmap that maps each code to the glyph
  // the old cmap gave the code's character (or to .notdef), and the same
  // mapping as a PDF CIDToGIDMap (2 bytes per code, from code 0).
  struct recoded_font {
    std::string ttf;
    std::string cid_to_gid;
  };
  // TrueType font data `ttf` recoded; its `ttf` is empty when `ttf` cannot
  // be read or there are too many codes for one cmap subtable. The
  // ligatures of font number `font` map to their glyphs in `ttf`
  // (`subset_glyphs`: the font's own id → the id in `ttf`), others to .notdef.
  recoded_font recode_font(const std::string& ttf, int font = -1,
                           const std::map<unsigned, unsigned>& subset_glyphs = {}) const;

  // The ToUnicode CMap from 2-byte codes to the characters.
  std::string to_unicode_cmap() const;

 private:
  std::vector<char32_t> characters_;      // code k + 1 ↔ characters_[k], ascending
  std::vector<ligature_code> ligatures_;  // after the characters, ascending
};

}  // namespace handout::pdf
