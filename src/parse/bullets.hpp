// The one table that maps bullet glyphs to list levels.
#pragma once

#include <string_view>

namespace handout {

struct bullet_glyph {
  std::string_view glyph;
  int level;
  // Dash-like glyphs start a bullet only when a space follows, so that a
  // hard-wrapped `10` / `-20` is not taken for a bullet.
  bool needs_space;
};

inline constexpr bullet_glyph bullet_glyphs[] = {
    {"•", 1, false},  // U+2022 BULLET
    {"●", 1, false},  // U+25CF BLACK CIRCLE
    {"‣", 1, false},  // U+2023 TRIANGULAR BULLET
    {"-", 1, true},   // ASCII hyphen-minus (Markdown)
    {"*", 1, true},   // ASCII asterisk (Markdown)
    {"◦", 2, false},  // U+25E6 WHITE BULLET
    {"○", 2, false},  // U+25CB WHITE CIRCLE
    {"–", 2, true},   // U+2013 EN DASH (PowerPoint's default second level)
    {"▪", 3, false},  // U+25AA BLACK SMALL SQUARE
    {"▫", 3, false},  // U+25AB WHITE SMALL SQUARE
    {"■", 3, false},  // U+25A0 BLACK SQUARE
    {"□", 3, false},  // U+25A1 WHITE SQUARE
};

}  // namespace handout
