// What layout needs to know about fonts, and nothing about how they are read:
// which font draws a character and how wide it is.
#pragma once

namespace handout::pdf {

class font_metrics {
 public:
  virtual ~font_metrics() = default;
  // The index (in the style's fallback order) of the first font that has a
  // glyph for `cp`; 0 when none has.
  virtual int font_for(char32_t cp) const = 0;
  // The advance width of `cp` in font `font`, in 1/1000 em (truncated, as the
  // PDF's width arrays hold it).
  virtual int advance(int font, char32_t cp) const = 0;
};

}  // namespace handout::pdf
