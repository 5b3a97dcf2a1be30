#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"
#include "render/docx/text.hpp"

namespace handout::docx {

void build_header(const writer_env& env, writer_state& state, pugi::xml_document& xml) {
  pugi::xml_node header = xml.append_child("w:hdr");
  header.append_attribute("xmlns:w") = ns::w;
  header.append_attribute("xmlns:r") = ns::r;
  paragraph_props props;
  props.style = style_id::header;
  pugi::xml_node p = header.append_child("w:p");
  append_ppr(p, props);
  append_runs(p, xml_safe(env.doc->meta.title, 0, "the title", env, state));
}

void build_footer(const writer_env&, pugi::xml_document& xml) {
  pugi::xml_node footer = xml.append_child("w:ftr");
  footer.append_attribute("xmlns:w") = ns::w;
  footer.append_attribute("xmlns:r") = ns::r;
  paragraph_props props;
  props.style = style_id::footer;
  pugi::xml_node p = footer.append_child("w:p");
  append_ppr(p, props);
  // The PAGE field; its cached value is replaced by every reader.
  p.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "begin";
  pugi::xml_node instruction = p.append_child("w:r").append_child("w:instrText");
  instruction.append_attribute("xml:space") = "preserve";
  instruction.text().set(" PAGE ");
  p.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "separate";
  p.append_child("w:r").append_child("w:t").text().set("1");
  p.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "end";
}

}  // namespace handout::docx
