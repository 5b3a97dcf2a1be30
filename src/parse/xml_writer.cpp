#include "parse/xml_writer.hpp"

#include <pugixml.hpp>

#include "io.hpp"
#include "parse/xml_names.hpp"
#include "xml_text.hpp"

namespace handout {

namespace names = xml_names;

namespace {

struct sink_writer : pugi::xml_writer {
  explicit sink_writer(xml_sink s) : sink(std::move(s)) {}
  void write(const void* data, std::size_t size) override {
    sink(std::string_view(static_cast<const char*>(data), size));
  }
  xml_sink sink;
};

void add_text_element(pugi::xml_node parent, const char* name, const std::string& value) {
  if (!value.empty()) parent.append_child(name).text().set(value.c_str());
}

void add_line(pugi::xml_node node, int line) {
  node.append_attribute(names::line_attr).set_value(line);
}

// `<text>` with each URL marked as `<url>`, with its source line and column
// when known. Empty text nodes at both ends keep pugixml from indenting
// inside this mixed content.
void add_marked_text(pugi::xml_node parent, const item& it) {
  pugi::xml_node text = parent.append_child(names::text);
  std::size_t pos = 0;
  auto add_plain = [&](std::size_t end) {
    text.append_child(pugi::node_pcdata).set_value(it.text.substr(pos, end - pos).c_str());
  };
  for (const auto& u : it.urls) {
    add_plain(u.offset);
    pugi::xml_node url = text.append_child(names::url);
    if (u.line > 0 && u.column > 0) {
      add_line(url, u.line);
      url.append_attribute(names::column_attr).set_value(u.column);
    }
    url.text().set(it.text.substr(u.offset, u.length).c_str());
    pos = u.offset + u.length;
  }
  add_plain(it.text.size());
}

void add_items(pugi::xml_node parent, const std::vector<item>& items) {
  if (items.empty()) return;
  pugi::xml_node list = parent.append_child(names::list);
  for (const auto& it : items) {
    pugi::xml_node node = list.append_child(names::item);
    node.append_attribute(names::level_attr).set_value(it.level);
    add_line(node, it.line);
    add_marked_text(node, it);
    add_items(node, it.children);
  }
}

void add_slide(pugi::xml_node parent, const slide& sl) {
  pugi::xml_node n = parent.append_child(names::slide);
  add_line(n, sl.line);
  add_text_element(n, names::title, sl.title);
  add_items(n, sl.items);
  if (sl.links.empty()) return;
  pugi::xml_node links = n.append_child(names::links);
  for (const auto& l : sl.links) {
    pugi::xml_node ln = links.append_child(names::link);
    ln.append_attribute(names::href_attr).set_value(l.href.c_str());
    add_line(ln, l.line);
  }
}

constexpr const char* indent = "  ";

// Every piece goes through the one sanitiser first: a file name, or an
// intermediate read back, may hold what XML 1.0 cannot carry.
void print(pugi::xml_node node, sink_writer& out, unsigned depth) {
  sanitise_xml_tree(node);
  node.print(out, indent, pugi::format_default, pugi::encoding_utf8, depth);
}

// The start tag of an element (attributes only), as pugixml escapes it.
void print_start_tag(pugi::xml_node node, sink_writer& out, unsigned depth) {
  std::string tag;
  sink_writer to_string([&](std::string_view piece) { tag += piece; });
  print(node, to_string, depth);  // `<name attr="…" />\n`
  tag.resize(tag.size() - 4);
  out.sink(tag + ">\n");
}

}  // namespace

// The intermediate is printed one slide at a time, so that memory stays
// bounded by the largest slide rather than the whole deck.
void write_xml(const report& r, const xml_sink& sink) {
  sink_writer out(sink);
  sink("<?xml version=\"1.0\"?>\n");
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child(names::report);
  root.append_attribute(names::version_attr).set_value(names::format_version);
  root.append_attribute(names::source_attr).set_value(r.source.c_str());
  if (!r.meta.lang.empty()) root.append_attribute(names::lang_attr).set_value(r.meta.lang.c_str());
  print_start_tag(root, out, 0);

  doc.reset();
  pugi::xml_node meta = doc.append_child(names::meta);
  add_text_element(meta, names::title, r.meta.title);
  add_text_element(meta, names::subtitle, r.meta.subtitle);
  add_text_element(meta, names::author, r.meta.author);
  add_text_element(meta, names::date, r.meta.date);
  print(meta, out, 1);

  for (const auto& sec : r.sections) {
    doc.reset();
    pugi::xml_node s = doc.append_child(names::section);
    if (sec.number) s.append_attribute(names::number_attr).set_value(sec.number->c_str());
    add_line(s, sec.line);
    print_start_tag(s, out, 1);
    if (!sec.title.empty()) {
      doc.reset();
      add_text_element(doc, names::title, sec.title);
      print(doc.first_child(), out, 2);
    }
    for (const auto& sl : sec.slides) {
      doc.reset();
      add_slide(doc, sl);
      print(doc.first_child(), out, 2);
    }
    sink("  </section>\n");
  }
  sink("</report>\n");
}

std::string write_xml(const report& r) {
  std::string out;
  write_xml(r, [&](std::string_view piece) { out += piece; });
  return out;
}

bool write_xml_file(const report& r, const std::string& path, diagnostics& diags) {
  return write_file_atomically(
      path,
      [&](const byte_sink& out) {
        bool ok = true;
        write_xml(r, [&](std::string_view piece) { ok = ok && out(piece); });
        return ok;
      },
      diags);
}

}  // namespace handout
