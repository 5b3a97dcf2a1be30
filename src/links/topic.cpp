#include "links/topic.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

#include "utf8.hpp"

namespace handout::links {

namespace {

constexpr std::array<std::string_view, 22> stop_words = {
    "a",  "an", "and", "are", "as",  "at", "by", "for",  "from", "how", "in",
    "is", "of", "on",  "or",  "the", "to", "vs", "what", "with", "why", "de"};

// Han, kana, Hangul and their compatibility and extension blocks.
bool is_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x3190 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// A letter or digit of a script that separates words with spaces.
bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (is_cjk(cp)) return false;
  auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_NO;
}

// The code point that ends just before byte `offset` of valid UTF-8 `s`.
char32_t previous_code_point(std::string_view s, std::size_t offset) {
  std::size_t start = offset - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return utf8::decode(s, start);
}

}  // namespace

std::string fold_text(std::string_view text) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                  UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
  if (n < 0) return std::string(text);  // not UTF-8: compare as written
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::vector<std::string> query_words(std::string_view query) {
  const std::string folded = fold_text(query);
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < folded.size();) cps.push_back(utf8::decode(folded, i));

  std::vector<std::string> words;
  auto add = [&](std::string w) {
    if (std::find(stop_words.begin(), stop_words.end(), w) != stop_words.end()) return;
    if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  };
  for (std::size_t i = 0; i < cps.size();) {
    if (is_cjk(cps[i])) {
      std::size_t end = i;
      while (end < cps.size() && is_cjk(cps[end])) ++end;
      if (end - i == 1) {
        std::string w;
        utf8::append(w, cps[i]);
        add(std::move(w));
      }
      for (std::size_t k = i; k + 1 < end; ++k) {
        std::string w;
        utf8::append(w, cps[k]);
        utf8::append(w, cps[k + 1]);
        add(std::move(w));
      }
      i = end;
    } else if (is_word_char(cps[i])) {
      std::string w;
      std::size_t end = i;
      while (end < cps.size()) {
        if (is_word_char(cps[end])) {
          utf8::append(w, cps[end++]);
        } else if ((cps[end] == '-' || cps[end] == '.' || cps[end] == '_') &&
                   end + 1 < cps.size() && is_word_char(cps[end + 1])) {
          utf8::append(w, cps[end++]);
        } else {
          break;
        }
      }
      add(std::move(w));
      i = end;
    } else {
      ++i;
    }
  }
  return words;
}

bool text_mentions(std::string_view folded_text, std::string_view word) {
  if (word.empty()) return false;
  std::size_t first = 0;
  char32_t head = utf8::decode(word, first);
  const bool needs_word_start = is_word_char(head);
  for (std::size_t at = folded_text.find(word); at != std::string_view::npos;
       at = folded_text.find(word, at + 1)) {
    if (!needs_word_start || at == 0 || !is_word_char(previous_code_point(folded_text, at))) {
      return true;
    }
  }
  return false;
}

bool query_on_topic(std::string_view query, std::string_view folded_text) {
  std::vector<std::string> words = query_words(query);
  if (words.empty()) return true;
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return text_mentions(folded_text, w); });
}

}  // namespace handout::links
