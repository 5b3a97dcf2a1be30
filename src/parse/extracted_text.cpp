// The extracted-text dialect: a pre-pass that rewrites the pages of text
// extracted from a slide PDF into the canonical layout, line by line, and
// hands them with their source positions to the text reader's state machine.
#include "parse/extracted_text.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "parse/bullets.hpp"
#include "parse/text_reader.hpp"
#include "utf8.hpp"

namespace handout {

namespace {

// Footers: a line (without a page number beside it) found on at least this
// share of the pages, and on three pages at least, is the master page's.
constexpr int footer_share_percent = 60;
constexpr std::size_t footer_min_pages = 3;
// A first page with at most this many lines, none a bullet or a link, is the cover.
constexpr std::size_t max_cover_lines = 4;

bool is_blank_char(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000; }

// `s` without blanks (spaces, tabs, U+00A0, U+3000) at either end.
std::string_view trim_blanks(std::string_view s) {
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t next = start;
    if (!is_blank_char(utf8::decode(s, next))) break;
    start = next;
  }
  std::size_t end = start;
  for (std::size_t i = start; i < s.size();) {
    if (!is_blank_char(utf8::decode(s, i))) end = i;
  }
  return s.substr(start, end - start);
}

bool is_digits(std::string_view s, std::size_t max) {
  return !s.empty() && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_latin(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

char32_t first_char(std::string_view s) {
  std::size_t i = 0;
  return s.empty() ? 0 : utf8::decode(s, i);
}

char32_t last_char(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  return s.empty() ? 0 : utf8::decode(s, i);
}

// One non-blank line of a page.
struct page_line {
  std::size_t index;      // into the lines: the source line is index + 1
  std::string_view text;  // trimmed
  bool after_blank;       // a blank line (or the page's start) comes before it
};

using page = std::vector<page_line>;

// A footer's key: the line without a page number at either end.
std::string_view footer_key(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] >= '0' && text[end - 1] <= '9') --end;
  if (end < text.size()) text = trim_blanks(text.substr(0, end));
  std::size_t start = 0;
  while (start < text.size() && text[start] >= '0' && text[start] <= '9') ++start;
  if (start > 0 && start < text.size() && (text[start] == ' ' || text[start] == '\t')) {
    text = trim_blanks(text.substr(start));
  }
  return is_digits(text, 4) ? std::string_view() : text;
}

std::vector<page> split_pages(const std::vector<std::string_view>& lines,
                              const std::vector<std::size_t>& page_starts) {
  std::vector<page> pages(1);
  std::size_t next_start = 0;
  bool blank = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    bool new_page = false;
    while (next_start < page_starts.size() && page_starts[next_start] <= i) {
      new_page = page_starts[next_start] == i || new_page;
      ++next_start;
    }
    if (new_page && !pages.back().empty()) pages.emplace_back();
    if (new_page) blank = true;
    std::string_view t = trim_blanks(lines[i]);
    if (t.empty()) {
      blank = true;
      continue;
    }
    pages.back().push_back(page_line{i, t, blank});
    blank = false;
  }
  if (pages.back().empty()) pages.pop_back();
  return pages;
}

// Drops footers (lines repeated on most pages, page numbers beside them or
// not) and bare page numbers.
void drop_footers_and_page_numbers(std::vector<page>& pages) {
  std::map<std::string_view, std::size_t> pages_with;
  for (const page& p : pages) {
    std::set<std::string_view> keys;
    for (const page_line& l : p) {
      if (auto k = footer_key(l.text); !k.empty()) keys.insert(k);
    }
    for (auto k : keys) ++pages_with[k];
  }
  const std::size_t needed =
      std::max(footer_min_pages, (pages.size() * footer_share_percent + 99) / 100);
  for (std::size_t n = 0; n < pages.size(); ++n) {
    page& p = pages[n];
    std::erase_if(p, [&](const page_line& l) {
      auto k = footer_key(l.text);
      return !k.empty() && pages.size() >= footer_min_pages && pages_with[k] >= needed;
    });
    // A bare number last on its page, or the page's own number, is a page
    // number; first on its page it is a divider's number unless more follows
    // the page's own number.
    for (std::size_t i = p.size(); i-- > 0;) {
      if (!is_digits(p[i].text, 4)) continue;
      const bool own_number = std::to_string(n + 1) == p[i].text;
      const bool page_number =
          i == 0 ? own_number && p.size() > 2 : own_number || i + 1 == p.size();
      if (page_number) p.erase(p.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  std::erase_if(pages, [](const page& p) { return p.empty(); });
}

// What a line of a slide page is.
struct line_kind {
  enum { text, glyph_only, bullet, link } kind = text;
  int level = 0;
  std::size_t text_offset = 0;  // a bullet's text, into the trimmed line
};

line_kind classify(std::string_view t) {
  if (is_link_line(t)) return {line_kind::link};
  std::size_t after = 0;
  const char32_t c = utf8::decode(t, after);
  int level = extracted_bullet_level(c);
  bool needs_space = c == '-' || c == '*' || c == 0xB7;
  for (const auto& b : bullet_glyphs) {
    if (t.substr(0, b.glyph.size()) == b.glyph) {
      level = b.level;
      needs_space = b.needs_space && c != 0x2013;  // `–x` is a bullet here
      after = b.glyph.size();
      break;
    }
  }
  if (level == 0) return {};
  std::string_view rest = trim_blanks(t.substr(after));
  if (rest.empty()) return {line_kind::glyph_only, level};
  const bool spaced = rest.size() < t.size() - after;
  if (needs_space && !spaced) return {};
  if (c == 0x2013 && !spaced && rest[0] >= '0' && rest[0] <= '9') return {};  // `–20`
  return {line_kind::bullet, level, t.size() - rest.size()};
}

bool is_url_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

// True when the last word of `before` is a URL.
bool ends_with_url(std::string_view before) {
  std::size_t space = before.find_last_of(" \t");
  std::string_view word = space == std::string_view::npos ? before : before.substr(space + 1);
  return is_link_line(word);
}

// True when `next` plainly continues the URL that ends `before`: no spaces,
// only URL characters, and either the URL stops where it cannot end (`?`,
// `=`, `/`…) or the line holds more than letters (`v=t45S…`, `gIQ%253D`).
bool continues_url(std::string_view before, std::string_view next) {
  if (next.empty() || !std::all_of(next.begin(), next.end(), is_url_char)) return false;
  const char end = before.empty() ? ' ' : before.back();
  const bool open_end = std::string_view("?&=/#%-_.+~:").find(end) != std::string_view::npos;
  const bool not_a_word = std::any_of(next.begin(), next.end(), [](char c) {
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  });
  return open_end || not_a_word;
}

// True when a wrap between `before` and `next` fell on a space that the
// extraction lost: Latin letters (or digits, or closing punctuation) on both
// sides. CJK text wraps between characters and joins without a space.
bool lost_space(std::string_view before, std::string_view next) {
  const char32_t a = last_char(before), b = first_char(next);
  const bool left = is_latin(a) || (a < 0x80 && std::string_view(",.;:!?)%").find(
                                                    static_cast<char>(a)) != std::string_view::npos);
  return left && (is_latin(b) || b == '(');
}

}  // namespace

std::string parse_cover_date(std::string_view t) {
  int part[3] = {0, 0, 0};
  int k = 0, digits = 0;
  for (std::size_t i = 0; i < t.size() && k < 3;) {
    const char32_t c = utf8::decode(t, i);
    if (c >= '0' && c <= '9') {
      if (part[k] > 9999) return "";  // no part of a date is that big, and more could overflow
      part[k] = part[k] * 10 + static_cast<int>(c - '0');
      ++digits;
    } else if (digits > 0 && (c == '-' || c == '/' || c == '.' || c == 0x5E74 || c == 0x6708 ||
                              c == 0x65E5)) {  // 年 月 日
      ++k;
      digits = 0;
    } else {
      return "";
    }
  }
  if (digits > 0) ++k;
  if (k != 3 || part[0] < 1900 || part[0] > 2999 || part[1] < 1 || part[1] > 12 || part[2] < 1 ||
      part[2] > 31) {
    return "";
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", part[0], part[1], part[2]);
  return buf;
}

namespace {

// The canonical lines being written, each with where it was read.
class canonical_writer {
 public:
  explicit canonical_writer(const std::vector<std::string_view>& source_lines)
      : source_lines_(source_lines) {}

  // `text` is a view into source line `index`; `prefix` goes before it.
  void emit(std::string_view prefix, std::string_view text, std::size_t index) {
    const std::string_view raw = source_lines_[index];
    const int source_column =
        utf8::column_at(raw, static_cast<std::size_t>(text.data() - raw.data()));
    const int written_column = utf8::column_at(prefix, prefix.size());
    lines_.push_back(std::string(prefix) + std::string(text));
    origins_.push_back(line_origin{static_cast<int>(index) + 1, source_column - written_column});
  }
  // A space at the end of the last line: the text reader joins wraps with
  // nothing inserted, so this gives back the space the extraction lost.
  void add_space() {
    if (!lines_.empty()) lines_.back() += ' ';
  }

  std::vector<std::string_view> lines() const {
    return std::vector<std::string_view>(lines_.begin(), lines_.end());
  }
  const std::vector<line_origin>& origins() const { return origins_; }

 private:
  const std::vector<std::string_view>& source_lines_;
  std::deque<std::string> lines_;  // a deque keeps them in place
  std::vector<line_origin> origins_;
};

constexpr std::string_view glyph_of_level[] = {"", "• ", "◦ ", "▪ "};

class page_reader {
 public:
  explicit page_reader(canonical_writer& out) : out_(out) {}

  void read(const page& p) {
    std::deque<int> glyphs;  // glyphs on lines of their own, waiting for their text
    std::size_t i = 0;
    while (i < p.size() && classify(p[i].text).kind == line_kind::glyph_only) {
      glyphs.push_back(classify(p[i].text).level);
      ++i;
    }
    if (i == p.size()) return;
    const page_line& first = p[i];
    if (is_digits(first.text, 3)) {
      out_.emit(" ", first.text, first.index);
      read_divider_title(p, i + 1);
      return;
    }
    if (p.size() - i <= 2) {
      // `01 Title` on one line, alone on its page.
      std::size_t n = 0;
      while (n < first.text.size() && n < 4 && first.text[n] >= '0' && first.text[n] <= '9') ++n;
      if (n >= 1 && n <= 3 && n < first.text.size() &&
          (first.text[n] == ' ' || first.text[n] == '\t' || first.text[n] == '.')) {
        std::string_view title = trim_blanks(first.text.substr(n + 1));
        if (!title.empty() && (i + 1 == p.size() ||
                               classify(p[i + 1].text).kind == line_kind::text)) {
          out_.emit(" ", first.text.substr(0, n), first.index);
          out_.emit("", title, first.index);
          last_ = title;
          for (std::size_t j = i + 1; j < p.size(); ++j) continue_text(p[j]);
          return;
        }
      }
    }
    out_.emit(" ", first.text, first.index);
    open_ = open::title;
    last_ = first.text;
    bool after_glyph = false;
    for (++i; i < p.size(); ++i) {
      const page_line& l = p[i];
      const line_kind k = classify(l.text);
      switch (k.kind) {
        case line_kind::glyph_only:
          glyphs.push_back(k.level);
          after_glyph = true;
          continue;
        case line_kind::bullet:
          bullet(k.level, l.text.substr(k.text_offset), l.index);
          break;
        case line_kind::link:
          out_.emit("", l.text, l.index);
          open_ = open::link;
          last_ = l.text;
          in_url_ = true;
          break;
        case line_kind::text:
          if (!glyphs.empty() && (after_glyph || l.after_blank)) {
            bullet(glyphs.front(), l.text, l.index);
            glyphs.pop_front();
          } else if (open_ == open::title || (open_ == open::item && l.after_blank) ||
                     (open_ == open::link && !continues_url(last_, l.text))) {
            // pdftotext parts paragraphs by blank lines; a URL takes no words.
            bullet(1, l.text, l.index);
          } else if (open_ == open::link) {
            out_.emit("", l.text, l.index);  // the URL's continuation
            last_ = l.text;
          } else {
            continue_text(l);
          }
          break;
      }
      after_glyph = false;
    }
  }

 private:
  enum class open { title, item, link };

  void bullet(int level, std::string_view text, std::size_t index) {
    out_.emit(glyph_of_level[level], text, index);
    open_ = open::item;
    last_ = text;
    in_url_ = ends_with_url(text);
  }

  // A line that continues the open element: the space a wrap took is given
  // back between Latin words, and a URL is glued only to its plain continuation.
  void continue_text(const page_line& l) {
    const bool glued = in_url_ && continues_url(last_, l.text);
    if (in_url_ ? !glued : lost_space(last_, l.text)) out_.add_space();
    out_.emit("", l.text, l.index);
    last_ = l.text;
    in_url_ = glued || ends_with_url(l.text);
  }

  void read_divider_title(const page& p, std::size_t from) {
    if (from >= p.size()) return;
    out_.emit("", p[from].text, p[from].index);
    last_ = p[from].text;
    for (std::size_t j = from + 1; j < p.size(); ++j) continue_text(p[j]);
  }

  canonical_writer& out_;
  open open_ = open::title;
  std::string_view last_;  // the last piece of text written
  bool in_url_ = false;    // it ends with a URL (or a piece of one)
};

bool is_cover(const page& p) {
  return p.size() <= max_cover_lines && std::all_of(p.begin(), p.end(), [](const page_line& l) {
           return classify(l.text).kind == line_kind::text;
         });
}

void read_cover(const page& p, metadata& meta, const std::string& source, diagnostics& diags) {
  meta.title = std::string(p.front().text);
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (std::string date = parse_cover_date(p[i].text); !date.empty() && meta.date.empty()) {
      meta.date = date;
    } else if (meta.subtitle.empty()) {
      meta.subtitle = std::string(p[i].text);
    } else {
      diags.warning(source, static_cast<int>(p[i].index) + 1, 1,
                    "cover line is neither title, subtitle nor date; not read");
    }
  }
  utf8::nfc_in_place(meta.title);
  utf8::nfc_in_place(meta.subtitle);
}

}  // namespace

int extracted_bullet_level(char32_t glyph) {
  switch (glyph) {
    case 0xF0B7:  // Symbol bullet •
    case 0xF06C:  // Wingdings ●
    case 0xF0D8:  // Wingdings ➢
    case 0xF076:  // Wingdings ❖
    case 0xF0E8:  // Wingdings ➔
    case 0x00B7:  // · (LibreOffice's PDF of a Symbol bullet)
      return 1;
    case 0xF0FC:  // Wingdings ✓
    case 0xF0A8:  // Wingdings ◻
    case 0x2013:  // – en dash
      return 2;
    case 0xF0A7:  // Wingdings ▪ (as bullets.hpp's ▪)
    case 0xF06E:  // Wingdings ■
    case 0xF071:  // Wingdings ❑
      return 3;
    default:
      return 0;
  }
}

bool looks_extracted(const std::vector<std::string_view>& lines,
                     const std::vector<std::size_t>& page_starts) {
  if (page_starts.empty()) return false;
  std::size_t pages = 0, indented = 0;
  for (const page& p : split_pages(lines, page_starts)) {
    const std::string_view raw = lines[p.front().index];
    ++pages;
    if (raw.data() != p.front().text.data()) ++indented;
  }
  return indented * 2 < pages;
}

report read_extracted_lines(const std::vector<std::string_view>& lines,
                            const std::vector<std::size_t>& page_starts, const std::string& source,
                            diagnostics& diags) {
  std::vector<page> pages = split_pages(lines, page_starts);
  drop_footers_and_page_numbers(pages);
  metadata cover;
  std::size_t first = 0;
  if (pages.size() >= 2 && is_cover(pages.front())) {
    read_cover(pages.front(), cover, source, diags);
    first = 1;
  }
  canonical_writer out(lines);
  for (std::size_t n = first; n < pages.size(); ++n) page_reader(out).read(pages[n]);
  const std::vector<std::string_view> canonical = out.lines();
  report r = read_canonical_lines(canonical, out.origins(), source, diags);
  r.meta = cover;
  return r;
}

}  // namespace handout
