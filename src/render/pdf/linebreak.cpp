#include "render/pdf/linebreak.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "utf8.hpp"

namespace handout::pdf {

namespace {

bool in(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3040 && cp <= 0x30FF);  // with kana
}

bool is_latin_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }
bool is_newline(char32_t cp) { return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }

struct glyph {
  char32_t cp = 0;
  std::size_t begin = 0, end = 0;  // bytes
  int font = 0;
  double advance = 0;      // points
  double gap_after = 0;    // fixed space after it (Han–Latin), points
  bool collapsed = false;  // a space beside full-width punctuation: not set
  bool break_before = false;
  bool hard_break_before = false;
};

// ICU's line break iterator for Chinese, created once per thread.
icu::BreakIterator* line_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

}  // namespace

bool is_no_line_start(char32_t cp) {
  static constexpr std::u32string_view set =
      U"、。，．：；！？）」』】〉》〕〗〙〛］｝’”…‥・·ー々〻％‰℃､｡"
      U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
      U",.:;!?)]}%";
  return in(cp, set);
}

bool is_no_line_end(char32_t cp) {
  static constexpr std::u32string_view set = U"（「『【〈《〔〖〘〚［｛‘“([{";
  return in(cp, set);
}

bool is_cjk(char32_t cp) {
  return is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
         (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x2E80 && cp <= 0x2FDF) ||
         (cp >= 0x3100 && cp <= 0x312F) || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x2026 || cp == 0x2014;
}

std::string line::text() const {
  std::string out;
  for (const auto& p : pieces) out += p.text;
  return out;
}

double line::x_at(std::size_t offset) const {
  auto it = std::lower_bound(stops.begin(), stops.end(), offset,
                             [](const auto& stop, std::size_t o) { return stop.first < o; });
  return it == stops.end() ? width : it->second;
}

std::vector<std::size_t> break_opportunities(std::string_view text,
                                             const std::vector<url_span>& urls) {
  std::vector<std::size_t> icu_breaks;
  if (icu::BreakIterator* it = line_iterator()) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) {
      it->setText(ut, status);
      for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) {
        if (p > 0 && static_cast<std::size_t>(p) < text.size()) icu_breaks.push_back(p);
      }
      it->setText(icu::UnicodeString());  // drop the reference to `text`
    }
    utext_close(ut);
  }

  auto inside_url = [&](std::size_t p) {
    return std::any_of(urls.begin(), urls.end(),
                       [&](const url_span& u) { return p > u.offset && p < u.offset + u.length; });
  };
  std::vector<std::size_t> candidates;
  for (std::size_t p : icu_breaks) {
    if (!inside_url(p)) candidates.push_back(p);
  }
  for (const url_span& u : urls) {
    for (std::size_t p = u.offset + 1; p < u.offset + u.length && p < text.size(); ++p) {
      char before = text[p - 1];
      bool after_separator = before == '/' || before == '?' || before == '&' || before == '=';
      bool in_double_slash = text[p] == '/' || (before == '/' && p >= 2 && text[p - 2] == '/');
      if (after_separator && !in_double_slash) candidates.push_back(p);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  // The Chinese rules: look at the characters either side of each break.
  std::vector<std::size_t> result;
  for (std::size_t p : candidates) {
    std::size_t back = p;
    while (back > 0 && (static_cast<unsigned char>(text[back - 1]) & 0xC0) == 0x80) --back;
    if (back > 0) --back;
    std::size_t i = back;
    char32_t prev = utf8::decode(text, i);
    std::size_t j = p;
    char32_t next = utf8::decode(text, j);
    if (is_no_line_start(next) || is_no_line_end(prev)) continue;
    // A hyphen inside a name (`R-CNN`, `GPT-2`) holds it together: with
    // justification by inter-character spacing there is no need to split it.
    if (prev == '-' && p >= 2 && is_latin_alnum(static_cast<unsigned char>(text[p - 2])) &&
        is_latin_alnum(next)) {
      continue;
    }
    result.push_back(p);
  }
  return result;
}

namespace {

// Full-width punctuation carries its own space: a space beside it is dropped.
bool is_fullwidth_punct(char32_t cp) {
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65);
}

// Phase 1: characters, their fonts and widths; spaces beside full-width
// punctuation collapsed, the fixed gap between Han and Latin added.
std::vector<glyph> measure_glyphs(std::string_view text, const break_options& options,
                                  const font_metrics& metrics) {
  std::vector<glyph> glyphs;
  for (std::size_t i = 0; i < text.size();) {
    glyph g;
    g.begin = i;
    g.cp = utf8::decode(text, i);
    g.end = i;
    g.font = metrics.font_for(g.cp);
    g.advance = is_newline(g.cp) ? 0 : metrics.advance(g.font, g.cp) * options.size / 1000.0;
    glyphs.push_back(g);
  }
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (glyphs[i].cp != ' ') continue;
    bool after = i > 0 && is_fullwidth_punct(glyphs[i - 1].cp);
    bool before = i + 1 < glyphs.size() && is_fullwidth_punct(glyphs[i + 1].cp);
    if (after || before) {
      glyphs[i].collapsed = true;
      glyphs[i].advance = 0;
    }
  }
  for (std::size_t i = 0; i + 1 < glyphs.size(); ++i) {
    char32_t a = glyphs[i].cp, b = glyphs[i + 1].cp;
    if (options.cjk_latin_space &&
        ((is_han(a) && is_latin_alnum(b)) || (is_latin_alnum(a) && is_han(b)))) {
      glyphs[i].gap_after = options.size / 4;
    }
  }
  return glyphs;
}

// Phase 2: where lines may break, and where they must (after a newline).
void mark_breaks(std::string_view text, const std::vector<url_span>& urls,
                 std::vector<glyph>& glyphs) {
  std::vector<std::size_t> breaks = break_opportunities(text, urls);
  std::size_t k = 0;
  for (std::size_t i = 1; i < glyphs.size(); ++i) {
    while (k < breaks.size() && breaks[k] < glyphs[i].begin) ++k;
    if (k < breaks.size() && breaks[k] == glyphs[i].begin) glyphs[i].break_before = true;
    if (is_newline(glyphs[i - 1].cp) && !(glyphs[i - 1].cp == '\r' && glyphs[i].cp == '\n')) {
      glyphs[i].hard_break_before = true;
    }
  }
}

// The glyphs [begin, end) of one line.
struct span {
  std::size_t begin, end;
  bool last;  // ends the paragraph or a hard line
};

// Phase 3: greedy first fit, the longest run that fits up to a break
// opportunity.
std::vector<span> fit_spans(const std::vector<glyph>& glyphs, const break_options& options) {
  std::vector<span> spans;
  const double limit = options.width + 1e-6;
  for (std::size_t start = 0; start < glyphs.size();) {
    double x = 0;
    std::size_t last_ok = start, end = glyphs.size();
    bool hard = false;
    for (std::size_t j = start; j < glyphs.size(); ++j) {
      if (j > start && glyphs[j].hard_break_before) {
        end = j;
        hard = true;
        break;
      }
      if (j > start && glyphs[j].break_before) last_ok = j;
      double right = x + glyphs[j].advance;
      if (!is_space(glyphs[j].cp) && !is_newline(glyphs[j].cp) && right > limit && j > start) {
        if (last_ok > start) {
          end = last_ok;
        } else {
          // No opportunity fits: break between characters, but never put
          // closing punctuation at a line start.
          end = j;
          while (end > start + 1 && is_no_line_start(glyphs[end].cp)) --end;
        }
        break;
      }
      x = right + glyphs[j].gap_after;
    }
    spans.push_back({start, end, hard || end == glyphs.size()});
    start = end;
  }
  return spans;
}

// The space added at each justification opportunity of the glyphs [begin,
// last) so that they fill the width; 0 for a last line or a too loose one.
double justification(const std::vector<glyph>& glyphs, std::size_t begin, std::size_t last,
                     bool last_line, const break_options& options) {
  double natural = 0;
  int opportunities = 0;
  for (std::size_t i = begin; i < last; ++i) {
    natural += glyphs[i].advance + (i + 1 < last ? glyphs[i].gap_after : 0);
    if (i + 1 < last && !glyphs[i].collapsed &&
        (is_cjk(glyphs[i].cp) || is_cjk(glyphs[i + 1].cp) || is_space(glyphs[i].cp))) {
      ++opportunities;
    }
  }
  double extra = 0;
  if (options.justify && !last_line && opportunities > 0 && natural < options.width) {
    extra = (options.width - natural) / opportunities;
    if (extra > options.size) extra = 0;  // too loose: leave the line ragged
  }
  return extra;
}

// Phase 4: sets one line: trailing spaces dropped, justified, grouped into
// pieces of one font and one character spacing that do not cross
// `url_edges` (sorted byte offsets).
line set_line(std::string_view text, const std::vector<glyph>& glyphs, const span& s,
              const break_options& options, const std::vector<std::size_t>& url_edges) {
  std::size_t last = s.end;
  while (last > s.begin && (is_space(glyphs[last - 1].cp) || is_newline(glyphs[last - 1].cp))) {
    --last;
  }
  line out;
  out.begin = glyphs[s.begin].begin;
  out.end = glyphs[s.end - 1].end;
  if (last == s.begin) return out;
  const double extra = justification(glyphs, s.begin, last, s.last, options);
  double x = 0;
  text_piece* piece = nullptr;
  bool spacing_set = false;
  double prev_space = 0;
  for (std::size_t i = s.begin; i < last; ++i) {
    const glyph& g = glyphs[i];
    if (g.collapsed) continue;
    // A URL's ends start a new piece, so that its text can be tagged as a link.
    const bool url_edge = std::binary_search(url_edges.begin(), url_edges.end(), g.begin);
    bool same = piece != nullptr && piece->font == g.font && !url_edge &&
                (!spacing_set || piece->char_space == prev_space);
    if (same) {
      if (!spacing_set) piece->char_space = prev_space;
      spacing_set = true;
    } else {
      out.pieces.push_back({x, g.font, {}, 0});
      piece = &out.pieces.back();
      spacing_set = false;
    }
    piece->text.append(text.substr(g.begin, g.end - g.begin));
    out.stops.emplace_back(g.begin, x);
    double after = 0;
    if (i + 1 < last) {
      after = g.gap_after;
      if (is_cjk(g.cp) || is_cjk(glyphs[i + 1].cp) || is_space(g.cp)) after += extra;
    }
    x += g.advance + after;
    prev_space = after;
  }
  out.width = x;
  return out;
}

}  // namespace

std::vector<line> break_lines(std::string_view text, const break_options& options,
                              const font_metrics& metrics) {
  std::vector<glyph> glyphs = measure_glyphs(text, options, metrics);
  if (glyphs.empty()) return {};
  mark_breaks(text, options.urls, glyphs);
  std::vector<std::size_t> url_edges;
  for (const url_span& u : options.urls) {
    url_edges.push_back(u.offset);
    url_edges.push_back(u.offset + u.length);
  }
  std::sort(url_edges.begin(), url_edges.end());
  std::vector<line> lines;
  for (const span& s : fit_spans(glyphs, options))
    lines.push_back(set_line(text, glyphs, s, options, url_edges));
  return lines;
}

}  // namespace handout::pdf
