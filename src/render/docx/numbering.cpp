#include "limits.hpp"
#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"
#include "render/docx/text.hpp"

namespace handout::docx {

void build_numbering(const writer_env& env, writer_state& state, pugi::xml_document& xml) {
  const style& look = *env.look;
  pugi::xml_node numbering = xml.append_child("w:numbering");
  numbering.append_attribute("xmlns:w") = ns::w;

  // One abstract bullet list: level N puts its glyph at (N-1) indents and its
  // text at N indents, as the PDF does.
  constexpr int abstract_id = 0;
  pugi::xml_node abstract = numbering.append_child("w:abstractNum");
  abstract.append_attribute("w:abstractNumId") = abstract_id;
  append_val(abstract, "w:multiLevelType", "hybridMultilevel");
  for (int level = 0; level < limits::max_bullet_level; ++level) {
    pugi::xml_node lvl = abstract.append_child("w:lvl");
    lvl.append_attribute("w:ilvl") = level;
    append_val(lvl, "w:start", 1L);
    append_val(lvl, "w:numFmt", "bullet");
    std::string glyph_text =
        xml_safe(look.bullets[static_cast<std::size_t>(level)], 0,
                 "the style's bullet glyph of level " + std::to_string(level + 1), env, state);
    append_val(lvl, "w:lvlText", glyph_text.c_str());
    append_val(lvl, "w:lvlJc", "left");
    paragraph_props par;
    par.indent_left = look.indent * (level + 1);
    par.hanging = look.indent;
    append_ppr(lvl, par);
    run_props glyph;
    if (!env.latin_font.empty()) glyph.latin_font = env.latin_font;
    if (!env.east_asian_font.empty()) glyph.east_asian_font = env.east_asian_font;
    glyph.color = hex_color(look.heading_color);
    append_rpr(lvl, glyph);
  }

  state.bullet_num_id = 1;
  pugi::xml_node num = numbering.append_child("w:num");
  num.append_attribute("w:numId") = state.bullet_num_id;
  append_val(num, "w:abstractNumId", static_cast<long>(abstract_id));
}

}  // namespace handout::docx
