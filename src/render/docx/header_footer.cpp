#include <string>

#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"
#include "render/docx/text.hpp"

namespace handout::docx {

namespace {

// A complex field: begin, instruction, separate, cached result, end.
void append_field(pugi::xml_node paragraph, const char* instruction, const char* cached) {
  paragraph.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") =
      "begin";
  pugi::xml_node text = paragraph.append_child("w:r").append_child("w:instrText");
  text.append_attribute("xml:space") = "preserve";
  text.text().set(instruction);
  paragraph.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") =
      "separate";
  if (*cached) append_runs(paragraph, cached);
  paragraph.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = "end";
}

}  // namespace

void build_header(const writer_env& env, pugi::xml_document& xml) {
  pugi::xml_node header = xml.append_child("w:hdr");
  header.append_attribute("xmlns:w") = ns::w;
  header.append_attribute("xmlns:r") = ns::r;
  paragraph_props props;
  props.style = style_id::header;
  pugi::xml_node p = header.append_child("w:p");
  append_ppr(p, props);
  append_runs(p, env.meta.title);
  // The current section's title at the right: the nearest Heading 1. One
  // header part serves every page, so its cached result can hold one title
  // only: the first section's, which is right on that section's pages. Word
  // updates the field per page; readers that show cached results
  // (LibreOffice, pandoc) show the first section's title on every page.
  p.append_child("w:r").append_child("w:tab");
  std::string first_section;
  for (const heading& h : env.plan.headings) {
    if (h.level == 1) {
      first_section = h.text;  // made XML-safe with the whole part
      break;
    }
  }
  append_field(p, " STYLEREF 1 ", first_section.c_str());
}

void build_footer(const writer_env&, pugi::xml_document& xml) {
  pugi::xml_node footer = xml.append_child("w:ftr");
  footer.append_attribute("xmlns:w") = ns::w;
  footer.append_attribute("xmlns:r") = ns::r;
  paragraph_props props;
  props.style = style_id::footer;
  pugi::xml_node p = footer.append_child("w:p");
  append_ppr(p, props);
  // "3 / 9"; the cached values are replaced by every reader.
  append_field(p, " PAGE ", "1");
  append_runs(p, " / ");
  append_field(p, " NUMPAGES ", "1");
}

}  // namespace handout::docx
