#include "render/pdf/linebreak.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "limits.hpp"
#include "render/pdf/total_fit.hpp"
#include "utf8.hpp"

namespace handout::pdf {

namespace {

bool in(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

bool is_han(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x3040 && cp <= 0x30FF);  // with kana
}

// Hangul syllables and jamo.
bool is_hangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
         (cp >= 0xD7B0 && cp <= 0xD7FF);
}

bool is_latin_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }
bool is_newline(char32_t cp) { return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }
constexpr char32_t soft_hyphen = 0xAD;

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

namespace {

// Letters, digits and the unified ideographs are in neither set below:
// most characters are answered without a search.
bool is_plain_letter(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0x4E00 && cp <= 0x9FFF);
}

}  // namespace

bool is_no_line_start(char32_t cp) {
  if (is_plain_letter(cp)) return false;
  static constexpr std::u32string_view set =
      U"、。，．：；！？）」』】〉》〕〗〙〛］｝’”…‥・·ー々〻％‰℃､｡"
      U"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
      U",.:;!?)]}%";
  return in(cp, set);
}

bool is_no_line_end(char32_t cp) {
  if (is_plain_letter(cp)) return false;
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

namespace {

bool is_spacing(char32_t cp) { return cp == ' ' || cp == 0xA0 || cp == 0x202F; }

// The character before byte `at` of `text` (0 at the start), and where it begins.
char32_t char_before(std::string_view text, std::size_t& at) {
  if (at == 0) return 0;
  do --at;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  std::size_t i = at;
  return utf8::decode(text, i);
}

// A guillemet that stands between spaces, as French sets them (« mot »),
// belongs to the word it faces: no break between them. `prev` begins at
// byte `back`, the break is at `p`. A guillemet touching a word (German
// »Wort«) is left to the other rules.
bool splits_spaced_guillemet(std::string_view text, std::size_t back, std::size_t p) {
  std::size_t i = back;
  if (!is_spacing(utf8::decode(text, i))) return false;
  // « then spaces, then the break.
  std::size_t at = back;
  char32_t c = 0;
  while ((c = char_before(text, at)) != 0 && is_spacing(c)) {
  }
  if (c == 0xAB || c == 0x2039) {
    std::size_t before = at;
    char32_t b = char_before(text, before);
    if (b == 0 || is_spacing(b)) return true;
  }
  // The break, then » and a space, punctuation or the end.
  std::size_t j = p;
  char32_t next = utf8::decode(text, j);
  if (next == 0xBB || next == 0x203A) {
    if (j >= text.size()) return true;
    std::size_t k = j;
    char32_t after = utf8::decode(text, k);
    return is_spacing(after) || in(after, U".,;:!?)…");
  }
  return false;
}

}  // namespace

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
    if (splits_spaced_guillemet(text, back, p)) continue;
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

// Punctuation whose glyph fills one half of its em, after W3C clreq/jlreq:
// closing marks (ink on the left, a blank right half) and opening ones (a
// blank left half). `！？` and middle dots are centred and keep their width.
bool may_be_mark(char32_t cp) {
  return (cp >= 0x2018 && cp <= 0x201D) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF00 && cp <= 0xFF65);
}
bool is_closing_mark(char32_t cp) {
  return may_be_mark(cp) && in(cp, U"，。、：；）」』】〉》〕〗〙〛］｝”’");
}
bool is_opening_mark(char32_t cp) {
  return may_be_mark(cp) && in(cp, U"（「『【〈《〔〖〘〚［｛“‘");
}

bool is_latin_letter(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}
bool is_upper(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE); }

// The glue of a line: a word space stretches by half its width and shrinks
// by a third (TeX's 1/6 and 1/9 em for a 1/3 em space); the quarter em
// between Han and Latin by an eighth of an em either way; between CJK
// characters a little stretch, used only once word spaces are at their full
// stretch, and no shrink (compressible punctuation shrinks instead).
constexpr double space_stretch = 1.0 / 2, space_shrink = 1.0 / 3;
constexpr double cjk_latin_glue = 1.0 / 4, cjk_latin_flex = 1.0 / 8;  // em
constexpr double cjk_stretch = 0.025;                                 // em
// What breaking costs, after TeX's \hyphenpenalty and \exhyphenpenalty.
constexpr double hyphen_penalty = 50, explicit_hyphen_penalty = 50;
// Korean breaks between words (at spaces), as Word does, and inside a word
// (between two Hangul syllables, which UAX #14 allows) only to keep a
// justified line from going too loose: a break there costs about as much as
// a line whose spaces are stretched by 1.4 times their stretch (1.7 spaces).
constexpr double hangul_word_penalty = 300;
constexpr std::size_t min_hyphenated_letters = 5;

enum class hyphen_point : unsigned char { none, soft, existing };

struct glyph {
  char32_t cp = 0;
  std::size_t begin = 0, end = 0;  // bytes
  int font = 0;
  double advance = 0;      // the font's, points, with the kerning
  int kern = 0;            // kerning with the next character, 1/1000 em
  double kern_points = 0;  // the same in points
  unsigned ligature = 0;   // first of a ligature: its glyph
  std::size_t ligature_count = 0;
  bool joined = false;  // a later character of a ligature: drawn by the first
  double trim = 0;      // taken off the advance: punctuation beside punctuation
  // A closing mark's blank right side or an opening mark's blank left one,
  // as far as it may be compressed: half its advance at most, less where
  // its ink reaches further (WenQuanYi's `（）` do).
  double blank = 0;
  // The space after it when the next glyph is on the same line: natural
  // (negative to pull an opening mark back), stretch, CJK stretch, shrink.
  double glue = 0, stretch = 0, cjk = 0, shrink = 0;
  bool collapsed = false;  // a space beside full-width punctuation: not set
  bool invisible = false;  // drawn without a glyph (draws_nothing): no width, not set
  bool break_before = false;
  bool inside_word_before = false;  // a break inside a Korean word: last resort
  bool hard_break_before = false;
  hyphen_point hyphen_after = hyphen_point::none;

  double set_width() const { return advance - trim; }
  // Its width when it ends a line: the kerning with the next character goes.
  double end_width() const { return set_width() - kern_points; }
  bool full_width(double size) const { return advance >= size * 0.9; }
};

bool is_blank(const glyph& g) { return is_space(g.cp) || is_newline(g.cp) || g.collapsed; }

// Phase 1: characters, their fonts and widths; spaces beside full-width
// punctuation collapsed; the glue after each character; adjacent
// punctuation compressed (`），` `。」` `（「`).
std::vector<glyph> measure_glyphs(std::string_view text, const break_options& options,
                                  const font_metrics& metrics) {
  std::vector<glyph> glyphs;
  glyphs.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    glyph g;
    g.begin = i;
    g.cp = utf8::decode(text, i);
    g.end = i;
    g.font = metrics.font_for(g.cp);
    g.invisible = draws_nothing(g.cp);
    g.advance =
        is_newline(g.cp) || g.invisible ? 0 : metrics.advance(g.font, g.cp) * options.size / 1000.0;
    if (is_closing_mark(g.cp) || is_opening_mark(g.cp)) {
      double side = metrics.blank_side(g.font, g.cp, is_closing_mark(g.cp)) * options.size / 1000.0;
      g.blank = std::min(g.advance / 2, side);
    }
    glyphs.push_back(g);
  }
  // The font's kerning inside each run of one font (none across a change,
  // nor across a character drawn without a glyph).
  std::u32string run;
  for (std::size_t i = 0, j = 0; i < glyphs.size(); i = std::max(j, i + 1)) {
    run.clear();
    for (j = i; j < glyphs.size() && glyphs[j].font == glyphs[i].font &&
                !is_newline(glyphs[j].cp) && !glyphs[j].invisible;
         ++j) {
      run += glyphs[j].cp;
    }
    if (run.size() < 2) continue;
    // A ligature's first character gets its advance, the others none.
    if (options.ligatures) {
      for (const ligature& l : metrics.ligatures(glyphs[i].font, run)) {
        if (l.count < 2 || l.first + l.count > run.size()) continue;
        glyph& first = glyphs[i + l.first];
        first.ligature = l.glyph;
        first.ligature_count = l.count;
        first.advance = l.advance * options.size / 1000.0;
        for (std::size_t k = 1; k < l.count; ++k) {
          glyphs[i + l.first + k].joined = true;
          glyphs[i + l.first + k].advance = 0;
        }
      }
    }
    const std::vector<int> kerns = metrics.kerning(glyphs[i].font, run);
    for (std::size_t k = 0; k + 1 < run.size() && k < kerns.size(); ++k) {
      glyph& g = glyphs[i + k];
      g.kern = kerns[k];
      g.kern_points = kerns[k] * options.size / 1000.0;
      g.advance += g.kern_points;
    }
  }
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (glyphs[i].cp != ' ') continue;
    bool after = i > 0 && is_fullwidth_punct(glyphs[i - 1].cp);
    bool before = i + 1 < glyphs.size() && is_fullwidth_punct(glyphs[i + 1].cp);
    if (after || before) {
      glyphs[i].collapsed = true;
      glyphs[i].advance = glyphs[i].kern_points = 0;
      glyphs[i].kern = 0;
    }
  }
  const double em = options.size;
  // Two characters of one URL: no space between its Han and Latin letters.
  auto same_url = [&](const glyph& a, const glyph& b) {
    return std::any_of(options.urls.begin(), options.urls.end(), [&](const url_span& u) {
      return u.offset <= a.begin && b.end <= u.offset + u.length;
    });
  };
  auto closing = [&](const glyph& g) { return is_closing_mark(g.cp) && g.full_width(em); };
  auto opening = [&](const glyph& g) { return is_opening_mark(g.cp) && g.full_width(em); };
  // Each glyph and the next one drawn (collapsed spaces and invisible
  // characters skipped).
  std::size_t prev = glyphs.size();
  for (std::size_t k = 0; k < glyphs.size(); ++k) {
    if (glyphs[k].collapsed || glyphs[k].invisible) continue;
    if (prev == glyphs.size()) {
      prev = k;
      continue;
    }
    glyph& a = glyphs[prev];
    const glyph& b = glyphs[k];
    prev = k;
    if (is_newline(a.cp) || is_newline(b.cp)) continue;
    if (is_space(a.cp)) {
      a.stretch = a.advance * space_stretch;
      a.shrink = a.advance * space_shrink;
    } else if (options.cjk_latin_space &&
               ((is_han(a.cp) && is_latin_alnum(b.cp)) || (is_latin_alnum(a.cp) && is_han(b.cp))) &&
               !same_url(a, b)) {
      a.glue = em * cjk_latin_glue;
      a.stretch = a.shrink = em * cjk_latin_flex;
    } else if (!is_space(b.cp) && (is_cjk(a.cp) || is_cjk(b.cp))) {
      a.cjk = em * cjk_stretch;
    }
    if (closing(a) && (closing(b) || opening(b))) {
      a.trim = a.blank;
    } else if (opening(a) && opening(b)) {
      a.glue -= b.blank;
    } else {
      // Not compressed for good: the blank half may shrink a tight line.
      if (closing(a)) a.shrink += a.blank;
      if (opening(b)) a.shrink += b.blank;
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
    if (glyphs[i].joined) glyphs[i].break_before = false;  // a ligature holds together
    if (glyphs[i].break_before && is_hangul(glyphs[i - 1].cp) && is_hangul(glyphs[i].cp)) {
      glyphs[i].break_before = false;
      glyphs[i].inside_word_before = true;
    }
    // A soft hyphen: a break there draws a hyphen, as at libhyphen's points.
    if (glyphs[i - 1].cp == soft_hyphen) {
      glyphs[i].break_before = false;
      glyphs[i - 1].hyphen_after = hyphen_point::soft;
    }
  }
}

// A word that is a name, an identifier or code: digits, `_`, `@`, `/`, a
// dot between letters, two capitals in a row (`GPUs`, `NASA`) or a capital
// after a small letter (`camelCase`).
bool is_code_like(const std::vector<glyph>& glyphs, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    char32_t cp = glyphs[i].cp;
    if ((cp >= '0' && cp <= '9') || in(cp, U"_@/\\#=<>{}[]|~^*+&%$")) return true;
    if (i > begin && i + 1 < end) {
      char32_t before = glyphs[i - 1].cp, after = glyphs[i + 1].cp;
      if (cp == '.' && is_latin_letter(before) && is_latin_letter(after)) return true;
    }
    if (i > begin && is_upper(cp) && is_latin_letter(glyphs[i - 1].cp)) return true;
  }
  return false;
}

// Phase 2b: where words may take a hyphen (libhyphen's points in words of
// five letters or more) and where a hyphen in the text may end a line
// (`supply-chain`), never inside URLs or code-like words.
void mark_hyphens(std::string_view text, const break_options& options, std::vector<glyph>& glyphs) {
  const hyphenator* h = options.hyphenation;
  if (h && !options.hyphenate_beside_cjk &&
      std::any_of(glyphs.begin(), glyphs.end(), [](const glyph& g) { return is_han(g.cp); })) {
    h = nullptr;
  }
  auto inside_url = [&](std::size_t from, std::size_t to) {
    return std::any_of(options.urls.begin(), options.urls.end(), [&](const url_span& u) {
      return from < u.offset + u.length && u.offset < to;
    });
  };
  for (std::size_t i = 0; i < glyphs.size();) {
    if (is_blank(glyphs[i]) || is_cjk(glyphs[i].cp)) {
      ++i;
      continue;
    }
    std::size_t end = i;  // a word: up to a space or a CJK character
    while (end < glyphs.size() && !is_blank(glyphs[end]) && !is_cjk(glyphs[end].cp)) ++end;
    if (!inside_url(glyphs[i].begin, glyphs[end - 1].end) && !is_code_like(glyphs, i, end)) {
      for (std::size_t r = i; r < end;) {
        if (!is_latin_letter(glyphs[r].cp)) {
          ++r;
          continue;
        }
        std::size_t run_end = r;
        while (run_end < end && is_latin_letter(glyphs[run_end].cp)) ++run_end;
        if (h && run_end - r >= min_hyphenated_letters) {
          std::string_view word =
              text.substr(glyphs[r].begin, glyphs[run_end - 1].end - glyphs[r].begin);
          std::size_t g = r;
          for (std::size_t offset : h->points(word)) {
            while (g < run_end && glyphs[g].end - glyphs[r].begin < offset) ++g;
            if (g + 1 < run_end && !glyphs[g + 1].joined)
              glyphs[g].hyphen_after = hyphen_point::soft;
          }
        }
        // A hyphen between words of two letters or more.
        if (run_end + 2 < end && glyphs[run_end].cp == '-' && run_end - r >= 2 &&
            is_latin_letter(glyphs[run_end + 1].cp) && is_latin_letter(glyphs[run_end + 2].cp)) {
          glyphs[run_end].hyphen_after = hyphen_point::existing;
        }
        r = run_end;
      }
    }
    i = end;
  }
}

// The glyphs [begin, end) of one line.
struct span {
  std::size_t begin, end;
  bool last;  // ends the paragraph or a hard line
};

// Running sums of the glyphs' widths and glue, to measure any line at once.
class paragraph_sums {
 public:
  paragraph_sums(const std::vector<glyph>& glyphs, double size, double hyphen_width)
      : glyphs_(glyphs), size_(size), hyphen_width_(hyphen_width) {
    sums_.resize(glyphs.size() + 1);
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
      const glyph& g = glyphs[i];
      sums_[i + 1] = {sums_[i].natural + g.set_width() + g.glue, sums_[i].stretch + g.stretch,
                      sums_[i].cjk + g.cjk, sums_[i].shrink + g.shrink};
    }
  }

  // The end of the glyphs [begin, end) that are set: trailing spaces hang,
  // trailing invisible characters are not set.
  std::size_t set_end(std::size_t begin, std::size_t end) const {
    while (end > begin && (is_blank(glyphs_[end - 1]) || glyphs_[end - 1].invisible)) --end;
    return end;
  }

  // An opening mark at a line's start and a closing one at its end lose
  // their blank half.
  double start_trim(std::size_t begin) const {
    const glyph& g = glyphs_[begin];
    return is_opening_mark(g.cp) && g.full_width(size_) ? g.blank : 0;
  }
  double end_trim(std::size_t last) const {
    const glyph& g = glyphs_[last - 1];
    return is_closing_mark(g.cp) && g.full_width(size_) && g.trim == 0 ? g.blank : 0;
  }

  struct extent {
    double natural = 0, stretch = 0, cjk = 0, shrink = 0;
  };
  // For total fit: the running sums where a line starting at glyph `begin`
  // starts, and where one ending before glyph `end` ends (`from` the first
  // glyph of the paragraph), so that a line is the difference.
  line_extent line_start(std::size_t begin) const {
    const extent& e = sums_[begin];
    return {e.natural + (begin < glyphs_.size() ? start_trim(begin) : 0), e.stretch + e.cjk,
            e.shrink};
  }
  line_extent line_end(std::size_t from, std::size_t end, bool hyphen) const {
    std::size_t last = set_end(from, end);
    if (last == from) return line_start(from);
    const glyph& g = glyphs_[last - 1];
    const extent& e = sums_[last];
    return {e.natural - g.glue - g.kern_points - end_trim(last) + (hyphen ? hyphen_width_ : 0),
            e.stretch + e.cjk - g.stretch - g.cjk, e.shrink - g.shrink};
  }

  // The line [begin, end), ending in a drawn hyphen when `hyphen`.
  extent measure(std::size_t begin, std::size_t end, bool hyphen) const {
    std::size_t last = set_end(begin, end);
    if (last == begin) return {};
    const glyph& g = glyphs_[last - 1];
    extent e{sums_[last].natural - sums_[begin].natural - g.glue - g.kern_points,
             sums_[last].stretch - sums_[begin].stretch - g.stretch,
             sums_[last].cjk - sums_[begin].cjk - g.cjk,
             sums_[last].shrink - sums_[begin].shrink - g.shrink};
    e.natural -= start_trim(begin) + end_trim(last);
    if (hyphen) e.natural += hyphen_width_;
    return e;
  }

 private:
  const std::vector<glyph>& glyphs_;
  double size_, hyphen_width_;
  std::vector<extent> sums_;
};

// A line that ends before glyph `end` (not the paragraph's last) ends in a
// drawn hyphen: it breaks at one of libhyphen's points.
bool drawn_hyphen_before(const std::vector<glyph>& glyphs, std::size_t end) {
  return end > 0 && end < glyphs.size() && glyphs[end - 1].hyphen_after == hyphen_point::soft &&
         !glyphs[end].break_before;
}

// Phase 3a: greedy first fit, the longest run that fits up to a break
// opportunity.
void fit_greedy(const std::vector<glyph>& glyphs, std::size_t from, std::size_t to,
                const break_options& options, std::vector<span>& spans) {
  const double limit = options.width + 1e-6;
  for (std::size_t start = from; start < to;) {
    double x = 0;
    std::size_t last_ok = start, last_inside_word = start, end = to;
    for (std::size_t j = start; j < to; ++j) {
      if (j > start && glyphs[j].break_before) last_ok = j;
      if (j > start && glyphs[j].inside_word_before) last_inside_word = j;
      // The kerning with the next character does not count at a line's end.
      double right = x + glyphs[j].end_width();
      if (!is_blank(glyphs[j]) && right > limit && j > start) {
        if (last_ok > start) {
          end = last_ok;
        } else if (last_inside_word > start) {
          end = last_inside_word;  // a Korean word longer than the line
        } else {
          // No opportunity fits: break between characters, but never put
          // closing punctuation at a line start.
          end = j;
          while (end > start + 1 && (is_no_line_start(glyphs[end].cp) || glyphs[end].joined)) {
            --end;
          }
        }
        break;
      }
      x = right + glyphs[j].glue;
    }
    spans.push_back({start, end, end == to});
    start = end;
  }
}

// Phase 3b: total fit over the candidate breaks of the glyphs [from, to);
// false (and nothing added) when no breaking fits or the work would pass
// limits::max_total_fit_lines_tried.
bool fit_total(const std::vector<glyph>& glyphs, std::size_t from, std::size_t to,
               const paragraph_sums& sums, const break_options& options, std::vector<span>& spans) {
  std::vector<std::size_t> starts{from};  // the glyph each candidate line starts at
  std::vector<break_candidate> candidates{{}};
  for (std::size_t i = from + 1; i < to; ++i) {
    hyphen_point h = glyphs[i - 1].hyphen_after;
    if (glyphs[i].break_before) {
      starts.push_back(i);
      candidates.push_back({});
    } else if (h != hyphen_point::none) {
      starts.push_back(i);
      break_candidate c;
      c.penalty = h == hyphen_point::soft ? hyphen_penalty : explicit_hyphen_penalty;
      c.hyphenated = true;
      candidates.push_back(c);
    } else if (glyphs[i].inside_word_before) {
      starts.push_back(i);
      break_candidate c;
      c.penalty = hangul_word_penalty;
      candidates.push_back(c);
    }
  }
  if (starts.size() > limits::max_total_fit_breaks) return false;
  starts.push_back(to);
  candidates.push_back({});
  for (std::size_t k = 0; k < starts.size(); ++k) {
    candidates[k].start = sums.line_start(starts[k]);
    bool hyphen = k + 1 < starts.size() && drawn_hyphen_before(glyphs, starts[k]);
    if (k > 0) candidates[k].end = sums.line_end(from, starts[k], hyphen);
  }
  auto breaks = total_fit(candidates, options.width, limits::max_total_fit_lines_tried);
  if (!breaks) return false;
  std::size_t begin = from;
  for (std::size_t b : *breaks) {
    spans.push_back({begin, starts[b], b + 1 == starts.size()});
    begin = starts[b];
  }
  return true;
}

// Whether `glyphs` are one line however they might break, so that where
// they may break (ICU, hyphenation) need not be found: no newline, first fit
// finds no character past the width, and for total fit the one line fits
// without shrinking while no line from the start is wider than the width
// even with a hyphen and all its shrink (total fit's bounds let through
// lines up to 12 points wider: it tries the one line, and every other
// breaking has two lines or more, so more demerits).
bool fits_one_line(const std::vector<glyph>& glyphs, const paragraph_sums& sums,
                   double hyphen_width, const break_options& options) {
  const double limit = options.width + 1e-6;  // as fit_greedy
  double x = 0;
  for (std::size_t j = 0; j < glyphs.size(); ++j) {
    if (is_newline(glyphs[j].cp)) return false;
    double right = x + glyphs[j].end_width();
    if (!is_blank(glyphs[j]) && right > limit && j > 0) return false;
    x = right + glyphs[j].glue;
  }
  if (!options.justify || !options.total_fit) return true;
  const line_extent start = sums.line_start(0);
  if (sums.line_end(0, glyphs.size(), false).natural - start.natural > options.width) return false;
  for (std::size_t k = 1; k < glyphs.size(); ++k) {
    const line_extent e = sums.line_end(0, k, false);
    if (e.natural - start.natural + std::max(hyphen_width, 0.0) - (e.shrink - start.shrink) >
        options.width) {
      return false;
    }
  }
  return true;
}

// Phase 3: the lines of each hard line (text between newlines).
std::vector<span> fit_spans(const std::vector<glyph>& glyphs, const paragraph_sums& sums,
                            const break_options& options) {
  std::vector<span> spans;
  for (std::size_t from = 0; from < glyphs.size();) {
    std::size_t to = from + 1;
    while (to < glyphs.size() && !glyphs[to].hard_break_before) ++to;
    if (!options.justify || !options.total_fit ||
        !fit_total(glyphs, from, to, sums, options, spans))
      fit_greedy(glyphs, from, to, options, spans);
    from = to;
  }
  return spans;
}

// How much each kind of glue of a line is stretched (> 0) or shrunk (< 0),
// in units of its stretch or shrink: word spaces and Han–Latin spaces
// first, inter-character spacing only after them.
struct glue_ratios {
  double stretch = 0, cjk = 0, shrink = 0;
};

glue_ratios line_ratios(const paragraph_sums::extent& e, bool last_line,
                        const break_options& options) {
  glue_ratios r;
  double need = options.width - e.natural;
  if (need < -1e-9 && e.shrink > 0 && options.justify) {
    r.shrink = std::max(need / e.shrink, -1.0);
    return r;
  }
  if (!options.justify || last_line || need <= 0) return r;
  if (need <= e.stretch) {
    r.stretch = need / e.stretch;
  } else if (need <= e.stretch + e.cjk) {
    r.stretch = e.stretch > 0 ? 1 : 0;
    r.cjk = (need - e.stretch) / e.cjk;
  } else if (e.stretch + e.cjk > 0) {
    r.stretch = r.cjk = need / (e.stretch + e.cjk);
  }
  return r;
}

// Phase 4: sets one line: trailing spaces dropped, justified, grouped into
// pieces of one font and one character spacing that do not cross
// `url_edges` (sorted byte offsets).
line set_line(std::string_view text, const std::vector<glyph>& glyphs, const span& s,
              const paragraph_sums& sums, const break_options& options, const font_metrics& metrics,
              const std::vector<std::size_t>& url_edges) {
  const std::size_t last = sums.set_end(s.begin, s.end);
  line out;
  out.begin = glyphs[s.begin].begin;
  out.end = glyphs[s.end - 1].end;
  if (last == s.begin) return out;
  const bool hyphen = !s.last && s.end > s.begin && drawn_hyphen_before(glyphs, s.end);
  const paragraph_sums::extent e = sums.measure(s.begin, s.end, hyphen);
  glue_ratios r = line_ratios(e, s.last, options);
  auto space_after = [&](const glyph& g) {
    return g.set_width() - g.advance + g.glue + r.stretch * g.stretch + r.cjk * g.cjk +
           r.shrink * g.shrink;
  };
  // Too loose (a space wider than an em): leave the line ragged.
  for (std::size_t i = s.begin; i + 1 < last && (r.stretch > 0 || r.cjk > 0); ++i) {
    const glyph& g = glyphs[i];
    if (r.stretch * g.stretch + r.cjk * g.cjk > options.size) r = {};
  }

  double x = -sums.start_trim(s.begin);
  text_piece* piece = nullptr;
  bool spacing_set = false;
  double prev_space = 0;
  int prev_kern = 0;
  std::size_t piece_chars = 0;
  // Adds characters to the open piece when font and spacing match (a
  // ligature's later characters always: one glyph is drawn for them all, so
  // they do not set the piece's spacing), else to a new piece. A URL's ends
  // (`edge`) start a new piece, so that its text can be tagged as a link.
  auto add = [&](int font, std::string_view chars, bool joined, bool edge) {
    bool same = piece != nullptr && piece->font == font && !edge &&
                (!spacing_set || std::abs(piece->char_space - prev_space) < 1e-9);
    if (joined && piece != nullptr) {
      // in the ligature's piece, as it is
    } else if (same) {
      if (!spacing_set) piece->char_space = prev_space;
      spacing_set = true;
      if (prev_kern != 0) piece->kerns.push_back({piece_chars - 1, prev_kern});
    } else {
      out.pieces.push_back({x, font, {}, 0, {}, {}});
      piece = &out.pieces.back();
      spacing_set = false;
      piece_chars = 0;
    }
    piece->text.append(chars);
    ++piece_chars;
  };
  for (std::size_t i = s.begin; i < last; ++i) {
    const glyph& g = glyphs[i];
    if (g.collapsed || g.invisible) continue;
    // A hyphen of the text ending a line is drawn as U+2010 HYPHEN: text
    // extraction (poppler) takes a U+002D there for one added by
    // hyphenation and joins the word, dropping it. (Asked for the font even
    // for sizes only: a fallback it adds is added in the same order.)
    bool own_hyphen = i + 1 == last && !s.last && g.hyphen_after == hyphen_point::existing &&
                      metrics.font_for(U'\u2010') == g.font;
    if (!options.sizes_only) {
      add(g.font, own_hyphen ? std::string_view("\u2010") : text.substr(g.begin, g.end - g.begin),
          g.joined, std::binary_search(url_edges.begin(), url_edges.end(), g.begin));
      if (g.ligature != 0)
        piece->ligatures.push_back({piece_chars - 1, g.ligature_count, g.ligature});
      out.stops.emplace_back(g.begin, x);
    }
    if (i + 1 == last) {
      out.width = x + g.end_width() - sums.end_trim(last);
      x += g.advance - g.kern_points;
      prev_space = 0;
      prev_kern = 0;
    } else {
      prev_space = space_after(g);
      prev_kern = g.kern;
      x += g.advance + prev_space;
    }
  }
  if (hyphen) {
    int font = metrics.font_for(U'-');
    // A piece of its own: the tagged PDF makes it an artifact.
    if (!options.sizes_only) add(font, "-", false, true);
    out.width = x + metrics.advance(font, U'-') * options.size / 1000.0;
    out.hyphen = true;
  } else if (!s.last && !options.sizes_only) {
    // A line broken at a space keeps it, drawn past the line's end and not
    // counted in its width: tagged PDF marks word breaks with a space even at
    // the end of a line (ISO 32000-1, 14.8.2.5), so that text read from the
    // structure tree does not run the two words together.
    for (std::size_t i = last; i < s.end; ++i) {
      const glyph& g = glyphs[i];
      if (!is_space(g.cp) || g.collapsed) continue;
      add(g.font, " ", false, std::binary_search(url_edges.begin(), url_edges.end(), g.begin));
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<line> break_lines(std::string_view text, const break_options& options,
                              const font_metrics& metrics) {
  std::vector<glyph> glyphs = measure_glyphs(text, options, metrics);
  if (glyphs.empty()) return {};
  const double hyphen_width = metrics.advance(metrics.font_for(U'-'), U'-') * options.size / 1000.0;
  paragraph_sums sums(glyphs, options.size, hyphen_width);
  std::vector<span> spans;
  if (fits_one_line(glyphs, sums, hyphen_width, options)) {
    spans.push_back({0, glyphs.size(), true});  // what fit_spans would find
  } else {
    mark_breaks(text, options.urls, glyphs);
    if (options.justify) mark_hyphens(text, options, glyphs);
    spans = fit_spans(glyphs, sums, options);
  }
  std::vector<std::size_t> url_edges;
  for (const url_span& u : options.urls) {
    url_edges.push_back(u.offset);
    url_edges.push_back(u.offset + u.length);
  }
  std::sort(url_edges.begin(), url_edges.end());
  std::vector<line> lines;
  for (const span& s : spans)
    lines.push_back(set_line(text, glyphs, s, sums, options, metrics, url_edges));
  return lines;
}

}  // namespace handout::pdf
