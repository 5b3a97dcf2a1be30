#include "render/renderer.hpp"

namespace handout {

const std::vector<renderer>& renderers() {
  static const std::vector<renderer> table = {
      {"xml", "the XML intermediate (NAME.xml)", &render_xml, true, {".xml"}},
      {"pdf", "the typeset report (NAME.pdf)", &render_pdf, true, {".pdf"}},
      {"docx",
       "Word: Flat OPC XML (NAME.docx.xml) and zipped (NAME.docx)",
       &render_docx,
       true,
       {".docx", ".docx.xml"}},
      {"links",
       "the link audit (NAME.links.json, NAME.links.md)",
       &render_links,
       true,
       {".links.json", ".links.md"}},
  };
  return table;
}

const renderer* find_renderer(std::string_view name) {
  for (const auto& r : renderers()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

std::pair<const renderer*, std::string_view> renderer_for_file(std::string_view file) {
  const std::size_t slash = file.rfind('/');
  const std::string_view name = slash == file.npos ? file : file.substr(slash + 1);
  std::pair<const renderer*, std::string_view> best{nullptr, {}};
  for (const auto& r : renderers()) {
    for (std::string_view ext : r.extensions) {
      if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext &&
          ext.size() > best.second.size()) {
        best = {&r, ext};
      }
    }
  }
  return best;
}

}  // namespace handout
