#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"
#include "render/docx/text.hpp"

namespace handout::docx {

void build_core_properties(const writer_env& env, writer_state& state, pugi::xml_document& xml) {
  const metadata& meta = env.doc->meta;
  pugi::xml_node core = xml.append_child("cp:coreProperties");
  core.append_attribute("xmlns:cp") = ns::core;
  core.append_attribute("xmlns:dc") = ns::dc;
  core.append_attribute("xmlns:dcterms") = ns::dcterms;
  core.append_attribute("xmlns:xsi") = ns::xsi;
  auto add = [&](const char* name, const std::string& value, const char* what) {
    if (value.empty()) return;
    core.append_child(name).text().set(xml_safe(value, 0, what, env, state).c_str());
  };
  add("dc:title", meta.title, "the title");
  add("dc:subject", meta.subtitle, "the subtitle");
  add("dc:creator", meta.author, "the author");
  add("dc:language", meta.lang, "the language");
  // Dates come from the metadata (the sidecar or SOURCE_DATE_EPOCH), never
  // from the clock: without one the package has none.
  if (!meta.date.empty()) {
    const std::string stamp = meta.date + "T00:00:00Z";
    for (const char* name : {"dcterms:created", "dcterms:modified"}) {
      pugi::xml_node date = core.append_child(name);
      date.append_attribute("xsi:type") = "dcterms:W3CDTF";
      date.text().set(stamp.c_str());
    }
  }
}

void build_app_properties(pugi::xml_document& xml) {
  pugi::xml_node props = xml.append_child("Properties");
  props.append_attribute("xmlns") = ns::extended;
  props.append_child("Application").text().set("handout");
}

}  // namespace handout::docx
