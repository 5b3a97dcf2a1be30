#include "render/pdf/missing_glyphs.hpp"

#include <cstdio>

#include "utf8.hpp"

namespace handout::pdf {

namespace {

bool holds_one(std::string_view text, const std::set<char32_t>& missing) {
  for (std::size_t i = 0; i < text.size();) {
    if (missing.count(utf8::decode(text, i)) > 0) return true;
  }
  return false;
}

void add_lines(const item& it, const std::set<char32_t>& missing, std::set<int>& lines) {
  if (it.line > 0 && holds_one(it.text, missing)) lines.insert(it.line);
  for (const auto& child : it.children) add_lines(child, missing, lines);
}

// The source lines of `r` that hold a character of `missing`.
std::set<int> lines_with(const report& r, const std::set<char32_t>& missing) {
  std::set<int> lines;
  auto add = [&](int line, std::string_view text) {
    if (line > 0 && holds_one(text, missing)) lines.insert(line);
  };
  for (const auto& s : r.sections) {
    add(s.line, s.title);
    for (const auto& sl : s.slides) {
      add(sl.line, sl.title);
      for (const auto& it : sl.items) add_lines(it, missing, lines);
      for (const auto& l : sl.links) add(l.line, l.href);
    }
  }
  return lines;
}

}  // namespace

std::optional<diagnostic> missing_glyphs_warning(const report& r,
                                                 const std::set<char32_t>& missing) {
  if (missing.empty()) return std::nullopt;
  std::string list;
  std::size_t n = 0;
  for (char32_t cp : missing) {
    if (n++ == missing_glyphs_listed) break;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    if (!list.empty()) list += ", ";
    list += code;
    list += " (";
    utf8::append(list, cp);
    list += ")";
  }
  if (missing.size() > missing_glyphs_listed) {
    list += " and " + std::to_string(missing.size() - missing_glyphs_listed) + " more";
  }
  const std::set<int> lines = lines_with(r, missing);
  std::string where;
  n = 0;
  for (int line : lines) {
    if (n++ == missing_glyph_lines_listed) {
      where += ", …";
      break;
    }
    where += (where.empty() ? "" : ", ") + std::to_string(line);
  }
  const bool one = missing.size() == 1;
  std::string message =
      "no installed font has " +
      (one ? std::string("1 character") : std::to_string(missing.size()) + " characters") + ": " +
      list;
  if (!where.empty()) message += (lines.size() == 1 ? "; on line " : "; first on lines ") + where;
  message += one ? "; install a font that has it" : "; install fonts that have them";
  return diagnostic{severity::warning, r.source, lines.empty() ? 0 : *lines.begin(), 0, message};
}

}  // namespace handout::pdf
