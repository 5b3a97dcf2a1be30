#include "parse/xml_writer.hpp"

#include <pugixml.hpp>

#include "io.hpp"
#include "parse/xml_names.hpp"

namespace handout {

namespace names = xml_names;

namespace {

struct sink_writer : pugi::xml_writer {
  explicit sink_writer(const xml_sink& s) : sink(s) {}
  void write(const void* data, std::size_t size) override {
    sink(std::string_view(static_cast<const char*>(data), size));
  }
  const xml_sink& sink;
};

void add_text_element(pugi::xml_node parent, const char* name, const std::string& value) {
  if (!value.empty()) parent.append_child(name).text().set(value.c_str());
}

void add_line(pugi::xml_node node, int line) {
  node.append_attribute(names::line_attr).set_value(line);
}

// `<text>` with each URL marked as `<url>`.
void add_marked_text(pugi::xml_node parent, const item& it) {
  pugi::xml_node text = parent.append_child(names::text);
  std::size_t pos = 0;
  auto add_plain = [&](std::size_t end) {
    if (end > pos) {
      text.append_child(pugi::node_pcdata).set_value(it.text.substr(pos, end - pos).c_str());
    }
  };
  for (const auto& u : it.urls) {
    add_plain(u.offset);
    text.append_child(names::url).text().set(it.text.substr(u.offset, u.length).c_str());
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

}  // namespace

void write_xml(const report& r, const xml_sink& sink) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child(names::report);
  root.append_attribute(names::version_attr).set_value(names::format_version);
  root.append_attribute(names::source_attr).set_value(r.source.c_str());
  if (!r.meta.lang.empty()) root.append_attribute(names::lang_attr).set_value(r.meta.lang.c_str());

  pugi::xml_node meta = root.append_child(names::meta);
  add_text_element(meta, names::title, r.meta.title);
  add_text_element(meta, names::subtitle, r.meta.subtitle);
  add_text_element(meta, names::author, r.meta.author);
  add_text_element(meta, names::date, r.meta.date);

  for (const auto& sec : r.sections) {
    pugi::xml_node s = root.append_child(names::section);
    if (sec.number) s.append_attribute(names::number_attr).set_value(sec.number->c_str());
    add_line(s, sec.line);
    add_text_element(s, names::title, sec.title);
    for (const auto& sl : sec.slides) {
      pugi::xml_node n = s.append_child(names::slide);
      add_line(n, sl.line);
      add_text_element(n, names::title, sl.title);
      add_items(n, sl.items);
      if (!sl.links.empty()) {
        pugi::xml_node links = n.append_child(names::links);
        for (const auto& l : sl.links) {
          pugi::xml_node ln = links.append_child(names::link);
          ln.append_attribute(names::href_attr).set_value(l.href.c_str());
          add_line(ln, l.line);
        }
      }
    }
  }

  sink_writer writer(sink);
  doc.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
}

std::string write_xml(const report& r) {
  std::string out;
  write_xml(r, [&](std::string_view piece) { out += piece; });
  return out;
}

bool write_xml_file(const report& r, const std::string& path, diagnostics& diags) {
  std::string error;
  auto tmp = temp_file::create(path, error);
  bool ok = tmp.has_value();
  if (ok) {
    write_xml(r, [&](std::string_view piece) { ok = ok && tmp->write(piece, error); });
    ok = ok && tmp->commit(error);
  }
  if (!ok) diags.error(path, 0, 0, "cannot write file: " + error);
  return ok;
}

}  // namespace handout
