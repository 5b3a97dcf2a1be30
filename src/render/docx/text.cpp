#include "render/docx/text.hpp"

#include <algorithm>
#include <cstdio>

#include "utf8.hpp"

namespace handout::docx {

namespace {

bool is_east_asian(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) ||  // radicals, CJK punctuation, kana, Han
         (cp >= 0xAC00 && cp <= 0xD7AF) ||  // Hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||  // compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF) ||  // full-width forms
         (cp >= 0x20000 && cp <= 0x3FFFF);  // supplementary ideographs
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

std::string xml_safe(std::string_view s, int line, std::string_view what, const writer_env& env,
                     writer_state& state) {
  // Fast path: no C0 control but tab, LF and CR, no lead byte of U+FFFE or
  // U+FFFF (EF BF BE/BF), and well-formed UTF-8: nothing to drop.
  const bool suspicious = std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF;
  });
  if (!suspicious && !utf8::find_invalid(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  int dropped = 0;
  std::string first;
  while (!s.empty()) {
    std::size_t bad = utf8::find_invalid(s).value_or(s.size());
    std::string_view valid = s.substr(0, bad);
    for (std::size_t i = 0; i < valid.size();) {
      std::size_t start = i;
      char32_t cp = utf8::decode(valid, i);
      if (utf8::is_xml_illegal(cp)) {
        if (dropped++ == 0) first = code_point_name(cp);
      } else {
        out.append(valid.substr(start, i - start));
      }
    }
    if (bad < s.size()) {
      if (dropped++ == 0) first = "a byte that is not UTF-8";
      s.remove_prefix(bad + 1);
    } else {
      s = {};
    }
  }
  if (dropped > 0) {
    state.warnings.warning(env.doc ? env.doc->source : std::string(), line, 0,
                           "docx: dropped " + std::to_string(dropped) +
                               " character(s) that XML 1.0 cannot carry from " + std::string(what) +
                               " (first: " + first + ")");
  }
  return out;
}

bool has_east_asian(std::string_view s) {
  if (utf8::find_invalid(s)) return false;
  for (std::size_t i = 0; i < s.size();) {
    if (is_east_asian(utf8::decode(s, i))) return true;
  }
  return false;
}

void append_runs(pugi::xml_node parent, std::string_view text, run_props props) {
  if (text.empty()) return;
  if (has_east_asian(text)) props.font_hint = "eastAsia";
  pugi::xml_node run = parent.append_child("w:r");
  append_rpr(run, props);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of("\t\n\r", pos);
    std::string_view piece = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (!piece.empty()) {
      pugi::xml_node t = run.append_child("w:t");
      if (piece.front() == ' ' || piece.back() == ' ') {
        t.append_attribute("xml:space") = "preserve";
      }
      t.text().set(std::string(piece).c_str());
    }
    if (end == std::string_view::npos) break;
    run.append_child(text[end] == '\t' ? "w:tab" : "w:br");
    if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    pos = end + 1;
  }
}

}  // namespace handout::docx
