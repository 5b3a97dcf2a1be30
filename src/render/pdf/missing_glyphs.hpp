// The one warning about the characters no font has: neither the style's
// fonts nor any installed font a fallback could come from.
#pragma once

#include <optional>
#include <set>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout::pdf {

// At most this many characters are listed, and this many lines.
inline constexpr std::size_t missing_glyphs_listed = 20;
inline constexpr std::size_t missing_glyph_lines_listed = 5;

// One warning for all of `missing` (none when it is empty), at the first
// source line of `r` that holds one: how many characters, the first
// `missing_glyphs_listed` of them ("and N more"), the first lines.
std::optional<diagnostic> missing_glyphs_warning(const report& r,
                                                 const std::set<char32_t>& missing);

}  // namespace handout::pdf
