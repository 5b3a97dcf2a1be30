// What layout needs to know about fonts, and nothing about how they are read:
// which font draws a character, how wide it is, and how a run of characters
// of one font is kerned.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace handout::pdf {

// Characters drawn as one glyph of a font's standard ligatures: text[first]
// to text[first + count - 1] of a run, as glyph `glyph` (the font's own id)
// of `advance` 1/1000 em (truncated, as the PDF's width arrays hold it).
struct ligature {
  std::size_t first = 0, count = 0;
  unsigned glyph = 0;
  int advance = 0;
  bool operator==(const ligature&) const = default;
};

// True for a character set without a glyph and without width: a control
// character other than tab and newline, or one Unicode says to ignore where
// it cannot be shown (soft hyphen, zero-width joiners, bidi controls,
// variation selectors). No font is looked for to draw it.
bool draws_nothing(char32_t cp);

class font_metrics {
 public:
  virtual ~font_metrics() = default;
  // The index (in the style's fallback order, then the installed fonts a
  // character outside the style's fonts is drawn from) of the font that
  // draws `cp`; 0 when no font has it.
  virtual int font_for(char32_t cp) const = 0;
  // The advance width of `cp` in font `font`, in 1/1000 em (truncated, as the
  // PDF's width arrays hold it).
  virtual int advance(int font, char32_t cp) const = 0;
  // The kerning of `text` (characters set side by side in `font`), in
  // 1/1000 em: element i is added to the advance of text[i], so that the
  // run's width is the sum of advance() and kerning(). The last element
  // (the pair with what follows the run) is 0. None by default.
  virtual std::vector<int> kerning(int font, std::u32string_view text) const {
    (void)font;
    return std::vector<int>(text.size(), 0);
  }
  // The blank part of `cp`'s glyph in `font` beside its ink, on its right
  // side (`right`) or its left, in 1/1000 em: how far a punctuation mark
  // may be compressed before its ink meets its neighbour's. Half the
  // advance by default.
  virtual int blank_side(int font, char32_t cp, bool right) const {
    (void)right;
    return advance(font, cp) / 2;
  }
  // The ligatures of `text` (as for kerning(), whose element for a
  // ligature's last character is then the ligature's kerning), when the
  // style allows them; none by default.
  virtual std::vector<ligature> ligatures(int font, std::u32string_view text) const {
    (void)font;
    (void)text;
    return {};
  }
};

}  // namespace handout::pdf
