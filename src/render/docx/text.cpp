#include "render/docx/text.hpp"

#include <array>
#include <cstring>

#include "utf8.hpp"
#include "xml_text.hpp"

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

}  // namespace

std::string xml_safe(std::string_view s, int line, std::string_view what, const writer_env& env,
                     writer_state& state) {
  xml_text_result r = xml_text(s);
  if (r.dropped > 0) {
    state.warnings.warning(env.doc ? env.doc->source : std::string(), line, 0,
                           "docx: dropped " + std::to_string(r.dropped) +
                               " character(s) that XML 1.0 cannot carry from " + std::string(what) +
                               " (first: " + r.first + ")");
  }
  return std::move(r.text);
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

void add_shown_chars(const pugi::xml_node& root, std::set<char32_t>& out) {
  // The character last inserted per low byte: most repeat (spaces, letters,
  // common ideographs), and looking one up costs far less than inserting.
  std::array<char32_t, 256> recent;
  recent.fill(0xFFFFFFFF);
  auto add = [&](std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      const char32_t c = utf8::decode(text, i);
      char32_t& last = recent[c & 0xFF];
      if (last == c) continue;
      last = c;
      out.insert(c);
    }
  };
  for (pugi::xml_node n = root.first_child(); n;) {
    if (n.type() == pugi::node_element) {
      if (std::strcmp(n.name(), "w:t") == 0) add(n.text().get());
      if (std::strcmp(n.name(), "w:lvlText") == 0) add(n.attribute("w:val").value());
    }
    // Depth first, in document order, without recursion.
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling() && n != root) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

}  // namespace handout::docx
