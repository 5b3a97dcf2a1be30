#include "parse/url_end.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "url_authority.hpp"
#include "utf8.hpp"
#include "youtube_hosts.hpp"

namespace handout {

namespace {

// ASCII characters that end a URL wherever they stand.
bool is_ascii_stop(unsigned char c) {
  return c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`';
}

// A non-ASCII space, punctuation mark, symbol, control, format character or
// unassigned code point: none is part of a URL written in text.
bool is_non_ascii_stop(char32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return false;
    default:
      return true;
  }
}

// A letter, digit or mark of the scripts written without spaces around a URL
// (Han, Bopomofo, Hiragana, Katakana, Hangul) or a full-width Latin letter or
// digit. Called only for code points that are not stops.
bool is_cjk_letter(char32_t cp) {
  struct range {
    char32_t first, last;
  };
  static constexpr std::array<range, 20> ranges{{
      {0x1100, 0x11FF},    // Hangul Jamo
      {0x2E80, 0x2FDF},    // CJK radicals, Kangxi radicals
      {0x3005, 0x3007},    // 々 〆 〇
      {0x3021, 0x3029},    // Hangzhou numerals
      {0x3031, 0x3035},    // kana repeat marks
      {0x3038, 0x303C},    // more Han numerals, 〼
      {0x3040, 0x30FF},    // Hiragana, Katakana
      {0x3100, 0x318F},    // Bopomofo, Hangul compatibility Jamo
      {0x31A0, 0x31FF},    // Bopomofo extended, Katakana phonetic extensions
      {0x3400, 0x4DBF},    // CJK extension A
      {0x4E00, 0x9FFF},    // CJK unified ideographs
      {0xA960, 0xA97F},    // Hangul Jamo extended A
      {0xAC00, 0xD7FF},    // Hangul syllables, Jamo extended B
      {0xF900, 0xFAFF},    // CJK compatibility ideographs
      {0xFF10, 0xFF19},    // full-width digits
      {0xFF21, 0xFF3A},    // full-width capital letters
      {0xFF41, 0xFF5A},    // full-width small letters
      {0xFF66, 0xFFDC},    // half-width Katakana and Hangul
      {0x1B000, 0x1B16F},  // Kana supplement and extensions
      {0x20000, 0x3FFFF},  // CJK extensions B and later
  }};
  return std::any_of(ranges.begin(), ranges.end(),
                     [cp](range r) { return cp >= r.first && cp <= r.last; });
}

// The lower-cased host of an authority (`user@host:port`).
std::string host_of(std::string_view authority) {
  std::string host(split_authority(authority).host);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return host;
}

// The YouTube pages whose URLs hold names as written, so CJK letters may
// continue them: a handle (`/@频道名`), a custom channel URL (`/c/名`), a
// hashtag (`/hashtag/深度学习`) and a search (`/results?search_query=深度`).
// `path` runs from the end of the authority to the letter in question.
bool youtube_name_path(std::string_view path) {
  return path.starts_with("/@") || path.starts_with("/c/") || path.starts_with("/hashtag/") ||
         path.starts_with("/results?");
}

}  // namespace

std::size_t url_end(std::string_view text, std::size_t authority) {
  std::size_t end = authority;
  std::size_t path = std::string_view::npos;  // where the authority ends
  bool youtube = false;
  bool non_cjk_host = false;  // the host so far has a character that is not a CJK letter
  while (end < text.size()) {
    auto c = static_cast<unsigned char>(text[end]);
    if (c < 0x80) {
      if (is_ascii_stop(c)) break;
      if (path == std::string_view::npos && (c == '/' || c == '?' || c == '#')) {
        path = end;
        youtube = is_youtube_host(host_of(text.substr(authority, end - authority)));
      } else if (path == std::string_view::npos && std::isalnum(c)) {
        non_cjk_host = true;
      }
      ++end;
      continue;
    }
    std::size_t next = end;
    char32_t cp = utf8::decode(text, next);
    if (is_non_ascii_stop(cp)) break;
    if (is_cjk_letter(cp)) {
      const bool in_host = path == std::string_view::npos;
      if (in_host ? non_cjk_host : youtube && !youtube_name_path(text.substr(path, end - path))) {
        break;
      }
    } else if (path == std::string_view::npos) {
      non_cjk_host = true;
    }
    end = std::min(next, text.size());
  }
  // What the sentence closes is not part of the URL. The brackets are
  // counted once and the counts kept as the end moves back, so a URL ending
  // in many `)` is trimmed in linear time.
  constexpr std::string_view opening = "([{", closing = ")]}";
  std::string_view url = text.substr(authority, end - authority);
  std::array<std::ptrdiff_t, 3> unopened{};  // closing minus opening, per kind
  for (std::size_t k = 0; k < closing.size(); ++k) {
    unopened[k] = std::count(url.begin(), url.end(), closing[k]) -
                  std::count(url.begin(), url.end(), opening[k]);
  }
  while (end > authority) {
    char last = text[end - 1];
    std::size_t k = closing.find(last);
    bool trailing = std::string_view(".,:;!?'\"*_~").find(last) != std::string_view::npos;
    bool unbalanced = k != std::string_view::npos && unopened[k] > 0;
    if (!trailing && !unbalanced) break;
    if (k != std::string_view::npos) --unopened[k];
    --end;
  }
  return end;
}

}  // namespace handout
