// Line breaking: Unicode line breaking (UAX #14, ICU) with Chinese rules,
// URL breaks, Han–Latin spacing and justification. Knows fonts only through
// `font_metrics`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "render/pdf/hyphenate.hpp"
#include "render/pdf/metrics.hpp"
#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// Characters that may not start a line (closing punctuation) or end one
// (opening punctuation), after the Chinese rules (GB/T 15834, JIS X 4051).
bool is_no_line_start(char32_t cp);
bool is_no_line_end(char32_t cp);

// Han, kana or CJK punctuation: text justified by inter-character spacing.
bool is_cjk(char32_t cp);

// A piece of a line drawn in one font, with the same extra space after each
// character and the font's kerning between some; a URL of
// `break_options::urls` starts and ends a piece, and a hyphen added by
// hyphenation is a piece of its own. `x` is from the line's start, in points.
struct text_piece {
  double x = 0;
  int font = 0;
  std::string text;
  double char_space = 0;
  std::vector<kern> kerns;
  std::vector<ligature_glyph> ligatures;
};

// One line: its pieces, and the byte range of the source text it shows.
struct line {
  std::vector<text_piece> pieces;
  double width = 0;  // as set, in points
  std::size_t begin = 0, end = 0;
  bool hyphen = false;  // ends in a drawn hyphen that the source text does not have

  std::string text() const;  // the pieces' text, joined
  // The x (from the line's start) where the character at byte `offset` of
  // the source text is set; `width` at or after the line's end.
  double x_at(std::size_t offset) const;

  // Each set character's byte offset and x, in order.
  std::vector<std::pair<std::size_t, double>> stops;
};

struct break_options {
  double size = 10;    // type size, points
  double width = 400;  // line width, points
  // Justified text is broken by total fit (total_fit.hpp), with the greedy
  // first fit as the fallback; ragged text by the first fit alone.
  bool justify = false;
  bool total_fit = true;  // false: justified text is broken first-fit too
  // Justified text is hyphenated with these patterns, when given; not a
  // paragraph with Han characters unless `hyphenate_beside_cjk`.
  const hyphenator* hyphenation = nullptr;
  bool hyphenate_beside_cjk = true;
  bool cjk_latin_space = true;  // a quarter em between Han and Latin letters or digits
  bool ligatures = false;       // the fonts' standard ligatures
  std::vector<url_span> urls;   // byte ranges that break only after / ? & =
  // Lines with their width, byte range and hyphen only, no pieces nor stops
  // (for page numbers alone: the layout that draws nothing).
  bool sizes_only = false;
};

// The byte offsets where `text` may break (each > 0 and < size), after the
// UAX #14 rules, the Chinese rules and the URL rule.
std::vector<std::size_t> break_opportunities(std::string_view text,
                                             const std::vector<url_span>& urls);

// Breaks valid UTF-8 `text` into lines no wider than `options.width`; a
// single character wider than the line gets a line of its own. Adjacent
// full-width punctuation is compressed to half width (`），` `。」`, W3C
// clreq/jlreq), and so is an opening bracket at a line's start and a closing
// mark at its end.
std::vector<line> break_lines(std::string_view text, const break_options& options,
                              const font_metrics& metrics);

}  // namespace handout::pdf
