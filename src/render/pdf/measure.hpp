// Character advances from HarfBuzz, read from the very faces that get
// embedded, so that layout agrees with the PDF's width arrays.
#pragma once

#include <unordered_map>

#include "render/pdf/fonts.hpp"
#include "render/pdf/metrics.hpp"

namespace handout::pdf {

class harfbuzz_metrics final : public font_metrics {
 public:
  explicit harfbuzz_metrics(const font_set& fonts) : fonts_(fonts) {}

  int font_for(char32_t cp) const override;
  int advance(int font, char32_t cp) const override;
  // True when `font` has a glyph for `cp`.
  bool has_glyph(int font, char32_t cp) const;

 private:
  const font_set& fonts_;
  mutable std::unordered_map<char32_t, int> font_cache_;
  mutable std::unordered_map<unsigned long long, int> advance_cache_;
};

}  // namespace handout::pdf
