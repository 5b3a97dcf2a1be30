#include "parse/text_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iterator>
#include <tuple>
#include <utility>
#include <vector>

#include "limits.hpp"
#include "parse/bullets.hpp"
#include "parse/encoding.hpp"
#include "parse/extracted_text.hpp"
#include "parse/url_end.hpp"
#include "terminal_text.hpp"
#include "utf8.hpp"

namespace handout {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view ideographic_space = "\xE3\x80\x80";  // U+3000
constexpr std::string_view no_break_space = "\xC2\xA0";         // U+00A0

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  while (true) {
    if (!s.empty() && is_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.substr(0, 3) == ideographic_space) {
      s.remove_prefix(3);
    } else if (s.substr(0, 2) == no_break_space) {
      s.remove_prefix(2);
    } else {
      return s;
    }
  }
}

std::string_view trim_right(std::string_view s) {
  while (true) {
    if (!s.empty() && is_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == ideographic_space) {
      s.remove_suffix(3);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == no_break_space) {
      s.remove_suffix(2);
    } else {
      return s;
    }
  }
}

std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

bool is_section_number(std::string_view trimmed) {
  return !trimmed.empty() && trimmed.size() <= 3 &&
         std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The bullet that starts `trimmed`, if any: its level and the text after it.
struct bullet_match {
  int level;
  std::size_t text_offset;  // into `trimmed`
};

std::optional<bullet_match> match_bullet(std::string_view trimmed) {
  for (const auto& b : bullet_glyphs) {
    if (trimmed.substr(0, b.glyph.size()) != b.glyph) continue;
    std::string_view rest = trimmed.substr(b.glyph.size());
    if (b.needs_space && !(rest.empty() || is_space(rest.front()))) continue;
    std::size_t skip = rest.size() - trim_left(rest).size();
    return bullet_match{b.level, b.glyph.size() + skip};
  }
  return std::nullopt;
}

// Where a piece of an item's text comes from: the text from byte `offset`
// on was read from `line`, starting at `column`.
struct source_piece {
  std::size_t offset;
  int line;
  int column;
};

// An item as read, before nesting.
struct flat_item {
  int level;
  int line;
  std::string text;
  std::vector<source_piece> pieces;  // by offset; the first at 0
};

// The source line and column of byte `offset` of an item's text as read.
std::pair<int, int> source_position(std::string_view text, const std::vector<source_piece>& pieces,
                                    std::size_t offset) {
  auto after = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                [](std::size_t o, const source_piece& p) { return o < p.offset; });
  const source_piece& p = *std::prev(after);
  return {p.line, p.column - 1 + utf8::column_at(text.substr(p.offset), offset - p.offset)};
}

enum class open_kind { none, section_title, slide_title, item, link };

class text_reader {
 public:
  text_reader(const std::string& source, diagnostics& diags) : source_(source), diags_(diags) {
    report_.source = source;
  }

  // `origins`, when given, says where each line was read (a dialect's
  // pre-pass rewrites lines); else line i is source line i + 1.
  report run(const std::vector<std::string_view>& lines,
             const std::vector<line_origin>& origins = {}) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const int number = origins.empty() ? static_cast<int>(i) + 1 : origins[i].line;
      shift_ = origins.empty() ? 0 : origins[i].column_shift;
      std::string_view raw = lines[i];
      // Elements keep their trailing spaces until finish(): a hard wrap may
      // have cut the line right after one (`AutoML ` / `的技术路线`).
      const std::string_view content = trim_left(raw);
      const std::string_view trimmed = trim_right(content);
      if (trimmed.empty()) continue;  // blank lines end nothing: hard wraps leave them
      const int indent_column = utf8::column_at(raw, raw.size() - content.size()) + shift_;

      if (is_link_line(trimmed)) {
        awaiting_section_title_ = false;
        start_link(content, number, indent_column);
        continue;
      }
      if (auto bullet = match_bullet(trimmed)) {
        awaiting_section_title_ = false;
        const std::string_view text = trim_left(content.substr(bullet->text_offset));
        start_item(
            bullet->level, text, number, indent_column,
            utf8::column_at(raw, static_cast<std::size_t>(text.data() - raw.data())) + shift_);
        continue;
      }
      if (awaiting_section_title_) {
        awaiting_section_title_ = false;
        report_.sections.back().title = std::string(content);
        open_ = open_kind::section_title;
        continue;
      }
      if (is_space(raw.front()) || raw.substr(0, 3) == ideographic_space) {
        if (is_section_number(trimmed)) {
          start_section(std::string(trimmed), number);
          awaiting_section_title_ = true;
          open_ = open_kind::none;
        } else if (i + 1 < lines.size() && !lines[i + 1].empty() &&
                   is_space(lines[i + 1].front()) && trim(lines[i + 1]) == trimmed) {
          // A title repeated at once: an unnumbered section whose first
          // slide has the same title.
          start_section(std::nullopt, number);
          report_.sections.back().title = std::string(trimmed);
          start_slide(trimmed, number + 1);
          ++i;
        } else {
          start_slide(content, number);
        }
        continue;
      }
      continue_element(raw, number);
    }
    if (awaiting_section_title_) {
      const auto& s = report_.sections.back();
      diags_.warning(source_, s.line, 1, "section " + *s.number + " has no title");
    }
    close_slide();
    finish();
    return std::move(report_);
  }

 private:
  void start_section(std::optional<std::string> number, int line) {
    close_slide();
    section s;
    s.number = std::move(number);
    s.line = line;
    report_.sections.push_back(std::move(s));
  }

  void start_slide(std::string_view title, int line) {
    close_slide();
    if (report_.sections.empty()) {
      // A deck without section dividers: its slides sit in an untitled section.
      section s;
      s.line = line;
      report_.sections.push_back(std::move(s));
    }
    slide s;
    s.title = std::string(title);
    s.line = line;
    report_.sections.back().slides.push_back(std::move(s));
    in_slide_ = true;
    open_ = open_kind::slide_title;
  }

  // The current slide; content found before any slide title goes to an
  // untitled slide, with a warning.
  slide& current_slide(int line, int column, std::string_view what) {
    if (!in_slide_) {
      diags_.warning(source_, line, column,
                     std::string(what) + " before any slide title; kept in an untitled slide");
      start_slide("", line);
    }
    return report_.sections.back().slides.back();
  }

  // `column` is the bullet's, `text_column` where its text starts.
  void start_item(int level, std::string_view text, int line, int column, int text_column) {
    current_slide(line, column, "bullet");
    items_.push_back(flat_item{level, line, std::string(text), {{0, line, text_column}}});
    open_ = open_kind::item;
  }

  void start_link(std::string_view href, int line, int column) {
    slide& s = current_slide(line, column, "link");
    s.links.push_back(link{std::string(href), line});
    open_ = open_kind::link;
  }

  // A line that starts no new element continues the open one, joined with
  // nothing inserted or removed.
  void continue_element(std::string_view raw, int line) {
    switch (open_) {
      case open_kind::section_title:
        report_.sections.back().title += raw;
        break;
      case open_kind::slide_title:
        report_.sections.back().slides.back().title += raw;
        break;
      case open_kind::item:
        items_.back().pieces.push_back({items_.back().text.size(), line, 1 + shift_});
        items_.back().text += raw;
        break;
      case open_kind::link:
        report_.sections.back().slides.back().links.back().href += raw;
        break;
      case open_kind::none:
        if (in_slide_) {
          diags_.warning(source_, line, 1, "text that continues no element; kept as a bullet");
        }
        current_slide(line, 1, "text");
        items_.push_back(flat_item{1, line, std::string(raw), {{0, line, 1}}});
        open_ = open_kind::item;
        break;
    }
  }

  // Nests the slide's items by level: an item belongs to the nearest earlier
  // item of a lower level.
  void close_slide() {
    if (!in_slide_) return;
    slide& s = report_.sections.back().slides.back();
    std::vector<item*> path;  // the open items, shallowest first
    for (auto& f : items_) {
      while (!path.empty() && path.back()->level >= f.level) path.pop_back();
      auto& siblings = path.empty() ? s.items : path.back()->children;
      item it;
      it.level = f.level;
      it.line = f.line;
      it.text = std::move(f.text);
      finish_bullet(it, f.pieces);
      siblings.push_back(std::move(it));
      path.push_back(&siblings.back());
    }
    items_.clear();
    in_slide_ = false;
    open_ = open_kind::none;
  }

  static void finish_text(std::string& text) {
    text.resize(trim_right(text).size());
    utf8::nfc_in_place(text);
  }

  // Finishes a bullet's text and marks its URLs, each with the source line
  // and column where it starts. NFC may move bytes but never a URL's start
  // (`http` is ASCII and composes with nothing), so when it changes the
  // text, the n-th URL starts where the n-th URL of the text as read does.
  static void finish_bullet(item& it, const std::vector<source_piece>& pieces) {
    it.text.resize(trim_right(it.text).size());
    std::string as_read;
    if (!utf8::is_nfc_quick(it.text)) {
      as_read = it.text;
      utf8::nfc_in_place(it.text);
      if (as_read == it.text) as_read.clear();
    }
    it.urls = find_urls(it.text);
    const std::vector<url_span> read_urls = as_read.empty() ? it.urls : find_urls(as_read);
    const std::string_view read_text = as_read.empty() ? std::string_view(it.text) : as_read;
    for (std::size_t k = 0; k < it.urls.size() && k < read_urls.size(); ++k) {
      std::tie(it.urls[k].line, it.urls[k].column) =
          source_position(read_text, pieces, read_urls[k].offset);
    }
  }

  // Trims what hard wraps left at the end of each element and normalizes to NFC.
  void finish() {
    for (auto& sec : report_.sections) {
      finish_text(sec.title);
      for (auto& sl : sec.slides) {
        finish_text(sl.title);
        for (auto& l : sl.links) {
          finish_text(l.href);
          if (l.href.find_first_of(" \t") != std::string::npos) {
            diags_.warning(source_, l.line, 1,
                           "link holds spaces: is text joined to it by a hard wrap? ('" +
                               excerpt(l.href) + "')");
          }
        }
      }
    }
  }

  const std::string& source_;
  diagnostics& diags_;
  int shift_ = 0;  // the current line's column_shift
  report report_;
  std::vector<flat_item> items_;  // the current slide's, in source order
  bool in_slide_ = false;
  bool awaiting_section_title_ = false;
  open_kind open_ = open_kind::none;
};

// Removes form feeds (page breaks, not text) and what XML 1.0 cannot carry,
// warning about the latter. Returns `line` itself when nothing is removed.
std::string_view clean_line(std::string_view line, int number, std::string& storage,
                            const std::string& source, diagnostics& diags) {
  auto is_special = [](unsigned char c) { return c < 0x20 && c != '\t'; };
  auto is_nonchar = [&](std::size_t i) {  // U+FFFE, U+FFFF
    return static_cast<unsigned char>(line[i]) == 0xEF && i + 2 < line.size() &&
           static_cast<unsigned char>(line[i + 1]) == 0xBF &&
           (static_cast<unsigned char>(line[i + 2]) & 0xFE) == 0xBE;
  };
  std::size_t i = 0;
  while (i < line.size() && !is_special(static_cast<unsigned char>(line[i])) && !is_nonchar(i)) ++i;
  if (i == line.size()) return line;
  storage.assign(line.substr(0, i));
  while (i < line.size()) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c == '\f') {
      ++i;
    } else if (is_special(c) || is_nonchar(i)) {
      std::size_t len = c < 0x80 ? 1 : 3;
      std::size_t pos = i;
      char32_t cp = utf8::decode(line, pos);
      char hex[16];
      std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
      diags.warning(source, number, utf8::column_at(line, i),
                    std::string("character ") + hex + " cannot be written to XML; dropped");
      i += len;
    } else {
      storage += static_cast<char>(c);
      ++i;
    }
  }
  return storage;
}

}  // namespace

bool is_link_line(std::string_view trimmed) {
  for (std::string_view prefix :
       {"http://", "https://", "www.", "javascript:", "data:", "file:", "mailto:", "ftp://"}) {
    if (starts_with_icase(trimmed, prefix)) return true;
  }
  // Any other `scheme://`.
  std::size_t colon = trimmed.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  return std::all_of(trimmed.begin(), trimmed.begin() + static_cast<std::ptrdiff_t>(colon),
                     [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
                     }) &&
         ((trimmed[0] >= 'a' && trimmed[0] <= 'z') || (trimmed[0] >= 'A' && trimmed[0] <= 'Z'));
}

namespace {

// The first `http` at or after `from`, in any case (`HTTPS://`), or npos.
std::size_t find_http(std::string_view text, std::size_t from) {
  for (std::size_t i = text.find_first_of("hH", from); i != std::string_view::npos;
       i = text.find_first_of("hH", i + 1)) {
    if (starts_with_icase(text.substr(i), "http")) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<url_span> find_urls(std::string_view text) {
  std::vector<url_span> spans;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t h = find_http(text, i);
    if (h == std::string_view::npos) break;
    std::string_view rest = text.substr(h);
    std::size_t scheme = starts_with_icase(rest, "https://")  ? 8
                         : starts_with_icase(rest, "http://") ? 7
                                                              : 0;
    bool word_start = h == 0 || !std::isalnum(static_cast<unsigned char>(text[h - 1]));
    if (scheme == 0 || !word_start) {
      i = h + 4;
      continue;
    }
    std::size_t end = url_end(text, h + scheme);
    if (end > h + scheme) spans.push_back(url_span{h, end - h});
    i = std::max(end, h + scheme);
  }
  return spans;
}

namespace {

// `text` quoted for a POSIX shell.
std::string shell_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The error for bytes that are not UTF-8, naming the encoding they are likely
// in and the command that converts them.
void invalid_utf8_error(std::string_view bytes, std::size_t bad, const std::string& source,
                        diagnostics& diags) {
  auto [line, column] = utf8::line_column(bytes, bad);
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[bad]));
  std::string message = std::string("invalid UTF-8 (byte ") + hex + "); ";
  if (auto encoding = likely_encoding(bytes)) {
    std::string stem = source.ends_with(".txt") ? source.substr(0, source.size() - 4) : source;
    message += "the file looks like " + *encoding + " text: convert it with iconv -f " + *encoding +
               " -t UTF-8 " + shell_quoted(source) + " > " + shell_quoted(stem + ".utf8.txt");
  } else {
    message += "save the file as UTF-8";
  }
  diags.error(source, line, column, message);
}

}  // namespace

std::optional<report> read_text(std::string_view bytes, const std::string& source,
                                diagnostics& diags, text_dialect dialect) {
  std::string decoded;
  if (auto encoding = unicode_bom_encoding(bytes)) {
    std::size_t bad = 0;
    auto utf8 = decode_to_utf8(bytes, *encoding, bad);
    if (!utf8) {
      diags.error(source, 0, 0,
                  "invalid " + std::string(*encoding) + " at byte " + std::to_string(bad) +
                      " (the file starts with its byte order mark)");
      return std::nullopt;
    }
    diags.note(source, 0, 0,
               "read as " + std::string(*encoding) + " (the file starts with its byte order mark)");
    decoded = std::move(*utf8);
    bytes = decoded;
  }
  if (bytes.substr(0, byte_order_mark.size()) == byte_order_mark) {
    bytes.remove_prefix(byte_order_mark.size());
  }
  if (auto bad = utf8::find_invalid(bytes)) {
    invalid_utf8_error(bytes, *bad, source, diags);
    return std::nullopt;
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    auto [line, column] = utf8::line_column(
        bytes, static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data()));
    diags.error(source, line, column, "NUL byte: this is binary data, not slide text");
    return std::nullopt;
  }

  std::vector<std::string_view> lines;
  std::vector<std::size_t> page_starts;  // lines where a form feed starts a page
  std::deque<std::string> cleaned;       // lines that lost characters; a deque keeps them in place
  lines.reserve(bytes.size() / 32 + 1);
  bool any_text = false;
  std::size_t start = 0;
  // Lines end with LF or CRLF; a file with CRs and no LF at all is an old
  // Mac file whose lines end with CR.
  const char eol =
      bytes.find('\n') == std::string_view::npos && bytes.find('\r') != std::string_view::npos
          ? '\r'
          : '\n';
  while (start < bytes.size()) {
    std::size_t nl = bytes.find(eol, start);
    std::size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const int number = static_cast<int>(lines.size()) + 1;
    if (line.size() > limits::max_line_bytes) {
      diags.error(source, number, 1,
                  "line is " + std::to_string(line.size()) + " bytes long; the limit is " +
                      std::to_string(limits::max_line_bytes) + " (is this slide text?)");
      return std::nullopt;
    }
    if (std::size_t ff = line.find('\f'); ff != std::string_view::npos) {
      // pdftotext ends each page with a form feed: what follows it starts the next.
      const bool at_start = trim(line.substr(0, ff)).empty();
      page_starts.push_back(lines.size() + (at_start ? 0 : 1));
    }
    std::string storage;
    std::string_view clean = clean_line(line, number, storage, source, diags);
    if (clean.data() == storage.data()) {
      cleaned.push_back(std::move(storage));
      clean = cleaned.back();
    }
    if (!any_text && !trim(clean).empty()) any_text = true;
    lines.push_back(clean);
    start = end + 1;
  }
  if (!any_text) {
    diags.error(source, 1, 1, bytes.empty() ? "file is empty" : "file has only blank lines");
    return std::nullopt;
  }
  if (dialect == text_dialect::pdftotext ||
      (dialect == text_dialect::detect && looks_extracted(lines, page_starts))) {
    return read_extracted_lines(lines, page_starts, source, diags);
  }
  return text_reader(source, diags).run(lines);
}

report read_canonical_lines(const std::vector<std::string_view>& lines,
                            const std::vector<line_origin>& origins, const std::string& source,
                            diagnostics& diags) {
  return text_reader(source, diags).run(lines, origins);
}

}  // namespace handout
