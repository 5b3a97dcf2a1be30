#include "xml_text.hpp"

#include <algorithm>
#include <cstdio>
#include <pugixml.hpp>

#include "utf8.hpp"

namespace handout {

namespace {

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// Nothing to drop, seen without decoding: no C0 control but tab, LF and CR,
// neither U+FFFE nor U+FFFF (EF BF BE, EF BF BF), and well-formed UTF-8.
bool plainly_xml_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      return false;
    }
  }
  return !utf8::find_invalid(s);
}

}  // namespace

xml_text_result xml_text(std::string_view s) {
  xml_text_result r;
  if (plainly_xml_text(s)) {
    r.text = s;
    return r;
  }
  r.text.reserve(s.size());
  while (!s.empty()) {
    const std::size_t bad = utf8::find_invalid(s).value_or(s.size());
    const std::string_view valid = s.substr(0, bad);
    for (std::size_t i = 0; i < valid.size();) {
      const std::size_t start = i;
      const char32_t cp = utf8::decode(valid, i);
      if (utf8::is_xml_illegal(cp)) {
        if (r.dropped++ == 0) r.first = code_point_name(cp);
      } else {
        r.text.append(valid.substr(start, i - start));
      }
    }
    if (bad < s.size()) {
      if (r.dropped++ == 0) r.first = "a byte that is not UTF-8";
      s.remove_prefix(bad + 1);
    } else {
      s = {};
    }
  }
  return r;
}

std::size_t sanitise_xml_tree(pugi::xml_node node) {
  std::size_t dropped = 0;
  auto clean = [&dropped](const char* value, auto&& set) {
    if (plainly_xml_text(value)) return;  // most values: no copy
    xml_text_result r = xml_text(value);
    if (r.dropped == 0) return;
    dropped += r.dropped;
    set(r.text.c_str());
  };
  for (pugi::xml_attribute a : node.attributes()) {
    clean(a.value(), [&a](const char* v) { a.set_value(v); });
  }
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
    clean(node.value(), [&node](const char* v) { node.set_value(v); });
  }
  for (pugi::xml_node child : node.children()) dropped += sanitise_xml_tree(child);
  return dropped;
}

std::string escape_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace handout
