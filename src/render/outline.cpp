#include "render/outline.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "render/link_label.hpp"

namespace handout {

namespace {

bool same_letters(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

// The subtags of a BCP 47 tag, split at `-`.
std::vector<std::string_view> subtags(std::string_view tag) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0; start <= tag.size();) {
    std::size_t end = std::min(tag.find('-', start), tag.size());
    out.push_back(tag.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_traditional_chinese(const std::vector<std::string_view>& tags) {
  for (std::string_view t : tags) {
    if (same_letters(t, "hant")) return true;
    if (same_letters(t, "hans")) return false;
  }
  for (std::string_view t : tags) {
    if (same_letters(t, "tw") || same_letters(t, "hk") || same_letters(t, "mo")) return true;
  }
  return false;
}

// A section's heading: `01 title`, the title alone, the number alone, or
// no text for the untitled section.
heading section_heading(const section& s) {
  heading h;
  h.level = 1;
  h.number = s.number.value_or("");
  h.title = s.title;
  h.text = h.number.empty() || h.title.empty() ? h.number + h.title : h.number + " " + h.title;
  h.line = s.line;
  return h;
}

// The slide's links in order, each href once, at its first position (a
// hash set of the hrefs seen: linear in the links, however many).
std::vector<link_row> link_rows(const report& r, const slide& sl) {
  std::vector<link_row> out;
  std::unordered_set<std::string_view> seen;
  seen.reserve(sl.links.size());
  for (const link& l : sl.links) {
    if (!seen.insert(l.href).second) continue;
    out.push_back({l.href, link_caption(r, l.href), l.line});
  }
  return out;
}

}  // namespace

word_language word_language_of(std::string_view tag) {
  const std::vector<std::string_view> tags = subtags(tag);
  const std::string_view language = tags.front();
  if (same_letters(language, "zh")) {
    return is_traditional_chinese(tags) ? word_language::zh_hant : word_language::zh_hans;
  }
  if (same_letters(language, "ja")) return word_language::ja;
  if (same_letters(language, "ko")) return word_language::ko;
  return word_language::en;
}

const fixed_words& words_in(word_language lang) {
  // In the order of word_language.
  static constexpr std::array<fixed_words, 5> table = {{
      {"目录", "作者", "日期", "源文件", "页"},
      {"目錄", "作者", "日期", "來源檔案", "頁"},
      {"目次", "作成者", "日付", "ソースファイル", "ページ"},
      {"목차", "작성자", "날짜", "원본 파일", "페이지"},
      {"Contents", "Author", "Date", "Source", "Page"},
  }};
  return table[static_cast<std::size_t>(lang)];
}

outline plan_outline(const report& r) {
  outline out;
  out.words = words_in(word_language_of(r.meta.lang));
  for (const section& sec : r.sections) {
    section_outline& so = out.sections.emplace_back();
    so.source = &sec;
    if (heading h = section_heading(sec); !h.text.empty()) {
      so.heading = static_cast<int>(out.headings.size());
      out.headings.push_back(std::move(h));
    }
    for (const slide& sl : sec.slides) {
      slide_outline& slo = so.slides.emplace_back();
      slo.source = &sl;
      if (!sl.title.empty()) {
        slo.heading = static_cast<int>(out.headings.size());
        out.headings.push_back({2, "", sl.title, sl.title, sl.line});
      }
      slo.links = link_rows(r, sl);
    }
  }
  return out;
}

}  // namespace handout
