#include "parse/xml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <initializer_list>
#include <pugixml.hpp>
#include <vector>

#include "limits.hpp"
#include "parse/metadata.hpp"
#include "parse/xml_names.hpp"
#include "terminal_text.hpp"
#include "utf8.hpp"

namespace handout {

namespace names = xml_names;

namespace {

bool is_blank(const char* s) {
  for (; *s; ++s) {
    if (!std::strchr(" \t\r\n", *s)) return false;
  }
  return true;
}

class xml_reader {
 public:
  xml_reader(std::string_view bytes, const std::string& source, diagnostics& diags)
      : bytes_(bytes), source_(source), diags_(diags) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  std::optional<report> run() {
    if (auto bad = utf8::find_invalid(bytes_)) {
      error_at(*bad, "invalid UTF-8 in the intermediate");
      return std::nullopt;
    }
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(
        bytes_.data(), bytes_.size(),
        pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype, pugi::encoding_utf8);
    if (!parsed) {
      error_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)),
               std::string("malformed XML: ") + parsed.description());
      return std::nullopt;
    }
    int roots = 0;
    for (pugi::xml_node n : doc.children()) {
      if (n.type() == pugi::node_doctype) {
        error(n, "a DOCTYPE (and its entities) is not allowed in an intermediate");
      } else if (n.type() == pugi::node_element && ++roots == 2) {
        error(n, "a second root element; an intermediate has one <report>");
      }
    }
    if (failed_) return std::nullopt;
    pugi::xml_node root = doc.document_element();
    if (!root || std::strcmp(root.name(), names::report) != 0) {
      error(root ? root : doc, std::string("the root element must be <") + names::report + ">");
      return std::nullopt;
    }
    report r;
    read_report(root, r);
    if (failed_) return std::nullopt;
    return r;
  }

 private:
  void error_at(std::size_t offset, std::string message) {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
    std::size_t start = line_starts_[line - 1];
    diags_.error(source_, static_cast<int>(line),
                 utf8::column_at(bytes_.substr(start), offset - start), std::move(message));
    failed_ = true;
  }

  void error(pugi::xml_node node, std::string message) {
    std::ptrdiff_t offset = node.offset_debug();
    // offset_debug() points at the name; step back to the `<`.
    if (offset > 0 && node.type() == pugi::node_element) --offset;
    error_at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)), std::move(message));
  }

  // Rejects attributes other than `allowed`.
  void check_attributes(pugi::xml_node node, std::initializer_list<const char*> allowed) {
    for (pugi::xml_attribute a : node.attributes()) {
      bool known = std::any_of(allowed.begin(), allowed.end(),
                               [&](const char* n) { return std::strcmp(a.name(), n) == 0; });
      if (!known) {
        error(node, std::string("unknown attribute '") + a.name() + "' on <" + node.name() + ">");
      }
    }
  }

  int int_attribute(pugi::xml_node node, const char* name, int min, int max) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) {
      error(node, std::string("<") + node.name() + "> needs the attribute '" + name + "'");
      return min;
    }
    std::string_view v = a.value();
    int value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec != std::errc() || end != v.data() + v.size() || value < min || value > max) {
      error(node, std::string("attribute '") + name + "' of <" + node.name() +
                      "> must be a whole number from " + std::to_string(min) + " to " +
                      std::to_string(max) + ", not '" + excerpt(v) + "'");
      return min;
    }
    return value;
  }

  int line_attribute(pugi::xml_node node) {
    return int_attribute(node, names::line_attr, 1, 2'000'000'000);
  }

  // Text content checked for characters XML 1.0 cannot carry.
  std::string checked_text(pugi::xml_node at, const char* value) {
    std::string_view s = value;
    for (std::size_t i = 0; i < s.size();) {
      if (utf8::is_xml_illegal(utf8::decode(s, i))) {
        error(at, std::string("<") + at.name() + "> holds a character XML 1.0 does not allow");
        break;
      }
    }
    return std::string(s);
  }

  // The element children of `node`; text between them is an error.
  std::vector<pugi::xml_node> elements(pugi::xml_node node) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_element) {
        out.push_back(c);
      } else if ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
                 !is_blank(c.value())) {
        error(c, std::string("<") + node.name() + "> cannot hold text");
      }
    }
    return out;
  }

  // An element that holds only text.
  std::string text_only(pugi::xml_node node, std::initializer_list<const char*> attributes = {}) {
    check_attributes(node, attributes);
    std::string out;
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        out += checked_text(node, c.value());
      } else if (c.type() == pugi::node_element) {
        error(c, std::string("<") + node.name() + "> holds only text, not <" + c.name() + ">");
      }
    }
    return out;
  }

  static bool is(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

  void unexpected(pugi::xml_node child, pugi::xml_node parent) {
    error(child, std::string("unexpected <") + child.name() + "> in <" + parent.name() + ">");
  }

  void read_report(pugi::xml_node root, report& r) {
    check_attributes(root, {names::version_attr, names::source_attr, names::lang_attr});
    std::string_view version = root.attribute(names::version_attr).value();
    if (version != names::format_version) {
      error(root, "unsupported intermediate version '" + excerpt(version) + "'; expected " +
                      names::format_version);
    }
    if (!root.attribute(names::source_attr)) {
      error(root, std::string("<report> needs the attribute '") + names::source_attr + "'");
    }
    r.source = root.attribute(names::source_attr).value();
    r.meta.lang = root.attribute(names::lang_attr).value();
    if (root.attribute(names::lang_attr) && !is_language_tag(r.meta.lang)) {
      error(root, "lang must be a language tag such as zh-CN, not '" + excerpt(r.meta.lang) + "'");
    }
    bool seen_meta = false, seen_section = false;
    for (pugi::xml_node c : elements(root)) {
      if (is(c, names::meta) && !seen_meta && !seen_section) {
        seen_meta = true;
        read_meta(c, r.meta);
      } else if (is(c, names::section)) {
        seen_section = true;
        r.sections.push_back(read_section(c));
      } else {
        unexpected(c, root);
      }
    }
  }

  void read_meta(pugi::xml_node node, metadata& m) {
    check_attributes(node, {});
    const char* order[] = {names::title, names::subtitle, names::author, names::date};
    std::string* fields[] = {&m.title, &m.subtitle, &m.author, &m.date};
    std::size_t next = 0;
    for (pugi::xml_node c : elements(node)) {
      std::size_t k = next;
      while (k < 4 && !is(c, order[k])) ++k;
      if (k == 4) {
        unexpected(c, node);
        continue;
      }
      *fields[k] = text_only(c);
      next = k + 1;
    }
  }

  section read_section(pugi::xml_node node) {
    check_attributes(node, {names::number_attr, names::line_attr});
    section s;
    s.line = line_attribute(node);
    if (pugi::xml_attribute n = node.attribute(names::number_attr)) {
      std::string_view v = n.value();
      if (v.empty() || v.size() > 3 ||
          !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        error(node, "section number must be 1 to 3 digits, not '" + excerpt(v) + "'");
      }
      s.number = std::string(v);
    }
    bool seen_child = false;
    for (pugi::xml_node c : elements(node)) {
      if (is(c, names::title) && !seen_child) {
        s.title = text_only(c);
      } else if (is(c, names::slide)) {
        s.slides.push_back(read_slide(c));
      } else {
        unexpected(c, node);
      }
      seen_child = true;
    }
    return s;
  }

  slide read_slide(pugi::xml_node node) {
    check_attributes(node, {names::line_attr});
    slide s;
    s.line = line_attribute(node);
    int stage = 0;  // title, list, links: each at most once, in that order
    for (pugi::xml_node c : elements(node)) {
      if (is(c, names::title) && stage < 1) {
        s.title = text_only(c);
        stage = 1;
      } else if (is(c, names::list) && stage < 2) {
        s.items = read_list(c, 0, 1);
        stage = 2;
      } else if (is(c, names::links) && stage < 3) {
        read_links(c, s.links);
        stage = 3;
      } else {
        unexpected(c, node);
      }
    }
    return s;
  }

  // `depth` counts this list and the lists around it (a slide's own list is 1).
  std::vector<item> read_list(pugi::xml_node node, int parent_level, int depth) {
    check_attributes(node, {});
    std::vector<item> items;
    for (pugi::xml_node c : elements(node)) {
      if (is(c, names::item)) {
        items.push_back(read_item(c, parent_level, depth));
      } else {
        unexpected(c, node);
      }
    }
    if (items.empty()) error(node, "<list> needs at least one <item>");
    return items;
  }

  item read_item(pugi::xml_node node, int parent_level, int depth) {
    check_attributes(node, {names::level_attr, names::line_attr});
    item it;
    it.level = int_attribute(node, names::level_attr, 1, limits::max_bullet_level);
    it.line = line_attribute(node);
    if (it.level <= parent_level) {
      error(node, "an item of level " + std::to_string(it.level) +
                      " cannot nest inside one of level " + std::to_string(parent_level));
    }
    auto children = elements(node);
    if (children.empty() || !is(children[0], names::text)) {
      error(node, "<item> must start with <text>");
      return it;
    }
    read_marked_text(children[0], it);
    for (std::size_t k = 1; k < children.size(); ++k) {
      if (k == 1 && is(children[k], names::list) && depth >= limits::max_list_depth) {
        // Checked before descending: the reader recurses, a deep file must not.
        error(children[k], "lists nest at most " + std::to_string(limits::max_list_depth) +
                               " deep (one per bullet level); this one is not read");
      } else if (k == 1 && is(children[k], names::list)) {
        it.children = read_list(children[k], it.level, depth + 1);
      } else {
        unexpected(children[k], node);
      }
    }
    return it;
  }

  void read_marked_text(pugi::xml_node node, item& it) {
    check_attributes(node, {});
    for (pugi::xml_node c : node.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        it.text += checked_text(node, c.value());
      } else if (c.type() == pugi::node_element && is(c, names::url)) {
        std::string url = text_only(c, {names::line_attr, names::column_attr});
        url_span span{it.text.size(), url.size()};
        if (c.attribute(names::line_attr) || c.attribute(names::column_attr)) {
          span.line = line_attribute(c);
          span.column = int_attribute(c, names::column_attr, 1, 2'000'000'000);
        }
        it.urls.push_back(span);
        it.text += url;
      } else if (c.type() == pugi::node_element) {
        unexpected(c, node);
      }
    }
  }

  void read_links(pugi::xml_node node, std::vector<link>& links) {
    check_attributes(node, {});
    for (pugi::xml_node c : elements(node)) {
      if (!is(c, names::link)) {
        unexpected(c, node);
        continue;
      }
      check_attributes(c, {names::href_attr, names::line_attr});
      if (!c.attribute(names::href_attr)) error(c, "<link> needs the attribute 'href'");
      if (c.first_child()) error(c, "<link> must be empty");
      links.push_back(
          link{checked_text(c, c.attribute(names::href_attr).value()), line_attribute(c)});
    }
    if (links.empty()) error(node, "<links> needs at least one <link>");
  }

  std::string_view bytes_;
  const std::string& source_;
  diagnostics& diags_;
  std::vector<std::size_t> line_starts_;
  bool failed_ = false;
};

}  // namespace

std::optional<report> read_xml(std::string_view bytes, const std::string& source,
                               diagnostics& diags) {
  return xml_reader(bytes, source, diags).run();
}

}  // namespace handout
