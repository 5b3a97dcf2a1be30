#include "render/pdf/measure.hpp"

#include <hb.h>

namespace handout::pdf {

bool harfbuzz_metrics::has_glyph(int font, char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(fonts_.hb_font(font), cp, &glyph) && glyph != 0;
}

int harfbuzz_metrics::font_for(char32_t cp) const {
  if (auto it = font_cache_.find(cp); it != font_cache_.end()) return it->second;
  int found = 0;
  for (std::size_t i = 0; i < fonts_.size(); ++i) {
    if (has_glyph(static_cast<int>(i), cp)) {
      found = static_cast<int>(i);
      break;
    }
  }
  font_cache_.emplace(cp, found);
  return found;
}

int harfbuzz_metrics::advance(int font, char32_t cp) const {
  unsigned long long key = (static_cast<unsigned long long>(font) << 32) | cp;
  if (auto it = advance_cache_.find(key); it != advance_cache_.end()) return it->second;
  hb_font_t* f = fonts_.hb_font(font);
  hb_codepoint_t glyph = 0;
  hb_font_get_nominal_glyph(f, cp, &glyph);  // .notdef (0) when missing
  long units = hb_font_get_glyph_h_advance(f, glyph);
  // Truncated to 1/1000 em, as libharu fills the PDF's /W array.
  int value = static_cast<int>(units * 1000 / static_cast<long>(fonts_.units_per_em(font)));
  advance_cache_.emplace(key, value);
  return value;
}

}  // namespace handout::pdf
