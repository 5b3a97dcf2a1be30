#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"

namespace handout::docx {

void build_core_properties(const writer_env& env, pugi::xml_document& xml) {
  const metadata& meta = env.meta;
  pugi::xml_node core = xml.append_child("cp:coreProperties");
  core.append_attribute("xmlns:cp") = ns::core;
  core.append_attribute("xmlns:dc") = ns::dc;
  core.append_attribute("xmlns:dcterms") = ns::dcterms;
  core.append_attribute("xmlns:xsi") = ns::xsi;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) core.append_child(name).text().set(value.c_str());
  };
  add("dc:title", meta.title);
  add("dc:subject", meta.subtitle);
  add("dc:creator", meta.author);
  add("dc:language", meta.lang);
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
