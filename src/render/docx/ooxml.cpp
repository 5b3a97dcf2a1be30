#include "render/docx/ooxml.hpp"

#include <cmath>
#include <cstdio>

namespace handout::docx {

long twips(double points) { return std::lround(points * 20); }

long emu(double points) { return std::lround(points * 12700); }

long half_points(double points) { return std::lround(points * 2); }

std::string hex_color(const rgb& c) { return hex_string(c).substr(1); }

pugi::xml_node append_val(pugi::xml_node parent, const char* name, const char* value) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val").set_value(value);
  return n;
}

pugi::xml_node append_val(pugi::xml_node parent, const char* name, long value) {
  pugi::xml_node n = parent.append_child(name);
  n.append_attribute("w:val").set_value(value);
  return n;
}

// The children follow CT_PPrBase's sequence in wml.xsd.
pugi::xml_node append_ppr(pugi::xml_node parent, const paragraph_props& p) {
  pugi::xml_node ppr = parent.append_child("w:pPr");
  if (!p.style.empty()) append_val(ppr, "w:pStyle", p.style.c_str());
  if (p.keep_next) ppr.append_child("w:keepNext");
  if (p.page_break_before) ppr.append_child("w:pageBreakBefore");
  if (p.num_id) {
    pugi::xml_node num = ppr.append_child("w:numPr");
    append_val(num, "w:ilvl", static_cast<long>(p.level));
    append_val(num, "w:numId", static_cast<long>(*p.num_id));
  }
  if (p.border_bottom_color) {
    pugi::xml_node bottom = ppr.append_child("w:pBdr").append_child("w:bottom");
    bottom.append_attribute("w:val") = "single";
    bottom.append_attribute("w:sz") = std::lround(p.border_bottom_width * 8);  // eighths
    bottom.append_attribute("w:space") = 6;
    bottom.append_attribute("w:color") = p.border_bottom_color->c_str();
  }
  if (p.tab_right) {
    pugi::xml_node tab = ppr.append_child("w:tabs").append_child("w:tab");
    tab.append_attribute("w:val") = "right";
    if (p.tab_leader_dots) tab.append_attribute("w:leader") = "dot";
    tab.append_attribute("w:pos") = twips(*p.tab_right);
  }
  if (p.auto_space_off) {
    append_val(ppr, "w:autoSpaceDE", "0");
    append_val(ppr, "w:autoSpaceDN", "0");
  }
  if (p.space_before || p.space_after || p.line) {
    pugi::xml_node spacing = ppr.append_child("w:spacing");
    if (p.space_before) spacing.append_attribute("w:before") = twips(*p.space_before);
    if (p.space_after) spacing.append_attribute("w:after") = twips(*p.space_after);
    if (p.line) {
      spacing.append_attribute("w:line") = std::lround(*p.line * 240);
      spacing.append_attribute("w:lineRule") = "auto";
    }
  }
  if (p.indent_left || p.indent_right || p.hanging) {
    pugi::xml_node ind = ppr.append_child("w:ind");
    if (p.indent_left) ind.append_attribute("w:left") = twips(*p.indent_left);
    if (p.indent_right) ind.append_attribute("w:right") = twips(*p.indent_right);
    if (p.hanging) ind.append_attribute("w:hanging") = twips(*p.hanging);
  }
  if (p.jc) append_val(ppr, "w:jc", p.jc->c_str());
  if (p.outline_level) append_val(ppr, "w:outlineLvl", static_cast<long>(*p.outline_level));
  if (!ppr.first_child()) {
    parent.remove_child(ppr);
    return {};
  }
  return ppr;
}

// The children follow EG_RPrBase's sequence in wml.xsd.
pugi::xml_node append_rpr(pugi::xml_node parent, const run_props& r) {
  pugi::xml_node rpr = parent.append_child("w:rPr");
  if (!r.style.empty()) append_val(rpr, "w:rStyle", r.style.c_str());
  if (r.latin_font || r.east_asian_font || r.font_hint) {
    pugi::xml_node fonts = rpr.append_child("w:rFonts");
    if (r.latin_font) {
      fonts.append_attribute("w:ascii") = r.latin_font->c_str();
      fonts.append_attribute("w:hAnsi") = r.latin_font->c_str();
    }
    if (r.east_asian_font) fonts.append_attribute("w:eastAsia") = r.east_asian_font->c_str();
    if (r.latin_font) fonts.append_attribute("w:cs") = r.latin_font->c_str();
    if (r.font_hint) fonts.append_attribute("w:hint") = r.font_hint->c_str();
  }
  if (r.bold) {
    rpr.append_child("w:b");
    rpr.append_child("w:bCs");
  }
  if (r.color) append_val(rpr, "w:color", r.color->c_str());
  if (r.raise) append_val(rpr, "w:position", half_points(*r.raise));
  if (r.size) {
    append_val(rpr, "w:sz", half_points(*r.size));
    append_val(rpr, "w:szCs", half_points(*r.size));
  }
  if (r.lang || r.lang_east_asia) {
    pugi::xml_node lang = rpr.append_child("w:lang");
    if (r.lang) lang.append_attribute("w:val") = r.lang->c_str();
    if (r.lang_east_asia) lang.append_attribute("w:eastAsia") = r.lang_east_asia->c_str();
  }
  if (!rpr.first_child()) {
    parent.remove_child(rpr);
    return {};
  }
  return rpr;
}

}  // namespace handout::docx
