#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"

namespace handout::docx {

std::string relationships::add(std::string type, std::string target, bool external) {
  std::string id = "rId" + std::to_string(list_.size() + 1);
  list_.push_back({id, std::move(type), std::move(target), external});
  return id;
}

void build_relationships(const relationships& rels, pugi::xml_document& xml) {
  pugi::xml_node root = xml.append_child("Relationships");
  root.append_attribute("xmlns") = ns::pkg_rels;
  for (const relationship& r : rels.all()) {
    pugi::xml_node n = root.append_child("Relationship");
    n.append_attribute("Id") = r.id.c_str();
    n.append_attribute("Type") = r.type.c_str();
    n.append_attribute("Target") = r.target.c_str();
    if (r.external) n.append_attribute("TargetMode") = "External";
  }
}

void build_content_types(const package& pkg, pugi::xml_document& xml) {
  pugi::xml_node root = xml.append_child("Types");
  root.append_attribute("xmlns") = ns::content_types;
  pugi::xml_node rels = root.append_child("Default");
  rels.append_attribute("Extension") = "rels";
  rels.append_attribute("ContentType") = content_type::rels;
  pugi::xml_node xml_default = root.append_child("Default");
  xml_default.append_attribute("Extension") = "xml";
  xml_default.append_attribute("ContentType") = "application/xml";
  for (const part& p : pkg.parts) {
    if (p.content_type == content_type::rels) continue;
    pugi::xml_node n = root.append_child("Override");
    n.append_attribute("PartName") = p.name.c_str();
    n.append_attribute("ContentType") = p.content_type.c_str();
  }
}

}  // namespace handout::docx
