#include "render/renderer.hpp"

namespace handout {

const std::vector<renderer>& renderers() {
  static const std::vector<renderer> table = {
      {"xml", "the XML intermediate (NAME.xml)", &render_xml, true},
      {"pdf", "the typeset report (NAME.pdf)", &render_pdf, true},
      {"docx", "Word: Flat OPC XML (NAME.docx.xml) and zipped (NAME.docx)", &render_docx, true},
      {"links", "the link audit (NAME.links.json, NAME.links.md)", &render_links, true},
  };
  return table;
}

const renderer* find_renderer(std::string_view name) {
  for (const auto& r : renderers()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace handout
