#include <string>

#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"

namespace handout::docx {

namespace {

// What a style is called and where it sits among the others.
struct style_head {
  const char* type;  // paragraph or character
  const char* id;
  const char* name;  // Word's built-in names, lower case where Word uses it
  const char* based_on = nullptr;
  const char* next = nullptr;
  int ui_priority = -1;
  bool quick = false;  // shown in the style gallery
  bool is_default = false;
};

pugi::xml_node append_style(pugi::xml_node styles, const style_head& h, const paragraph_props* p,
                            const run_props* r) {
  pugi::xml_node s = styles.append_child("w:style");
  s.append_attribute("w:type") = h.type;
  if (h.is_default) s.append_attribute("w:default") = "1";
  s.append_attribute("w:styleId") = h.id;
  append_val(s, "w:name", h.name);
  if (h.based_on) append_val(s, "w:basedOn", h.based_on);
  if (h.next) append_val(s, "w:next", h.next);
  if (h.ui_priority >= 0) append_val(s, "w:uiPriority", static_cast<long>(h.ui_priority));
  if (h.quick) s.append_child("w:qFormat");
  if (p) append_ppr(s, *p);
  if (r) append_rpr(s, *r);
  return s;
}

// Bold, in the heading colour, at `size`: the run of every heading.
run_props heading_run(const style& look, double size) {
  run_props r;
  r.bold = true;
  r.color = hex_color(look.heading_color);
  r.size = size;
  return r;
}

// Phase 1: document defaults (font, language, size, spacing).
void append_defaults(const writer_env& env, pugi::xml_node styles) {
  const style& look = *env.look;
  pugi::xml_node defaults = styles.append_child("w:docDefaults");
  run_props default_run;
  if (!env.latin_font.empty()) default_run.latin_font = env.latin_font;
  if (!env.east_asian_font.empty()) default_run.east_asian_font = env.east_asian_font;
  default_run.size = look.body_size;
  default_run.lang = env.lang;
  default_run.lang_east_asia = env.lang_east_asia;
  append_rpr(defaults.append_child("w:rPrDefault"), default_run);
  paragraph_props default_par;
  default_par.space_after = look.paragraph_spacing;
  default_par.line = look.leading;
  append_ppr(defaults.append_child("w:pPrDefault"), default_par);
}

// Phase 2a: the body text and the cover (title, subtitle, author, date).
void append_cover_styles(const style& look, pugi::xml_node styles) {
  const std::string text = hex_color(look.text_color);
  paragraph_props normal_par;
  normal_par.auto_space_off = !look.cjk_latin_space;
  if (look.justify) normal_par.jc = "both";
  run_props normal_run;
  normal_run.color = text;
  append_style(styles, {"paragraph", style_id::normal, "Normal", nullptr, nullptr, -1, true, true},
               &normal_par, &normal_run);

  paragraph_props title_par;
  title_par.space_after = look.title_size * 0.5;
  title_par.line = 1.15;
  title_par.jc = "left";
  const run_props title_run = heading_run(look, look.title_size);
  append_style(
      styles,
      {"paragraph", style_id::title, "Title", style_id::normal, style_id::subtitle, 10, true},
      &title_par, &title_run);

  paragraph_props subtitle_par;
  subtitle_par.space_before = look.subtitle_size * 0.5;
  subtitle_par.space_after = look.subtitle_size * 2;
  subtitle_par.line = 1.3;
  subtitle_par.jc = "left";
  run_props subtitle_run;
  subtitle_run.color = text;
  subtitle_run.size = look.subtitle_size;
  append_style(
      styles,
      {"paragraph", style_id::subtitle, "Subtitle", style_id::normal, style_id::normal, 11, true},
      &subtitle_par, &subtitle_run);

  paragraph_props meta_par;
  meta_par.jc = "left";
  meta_par.space_after = look.paragraph_spacing;
  run_props meta_run;
  meta_run.color = text;
  append_style(styles,
               {"paragraph", style_id::author, "Author", style_id::normal, style_id::normal},
               &meta_par, &meta_run);
  append_style(styles, {"paragraph", style_id::date, "Date", style_id::normal, style_id::normal},
               &meta_par, &meta_run);
}

// Phase 2b: the two heading levels; they differ in size, spacing and
// outline level.
void append_heading_styles(const style& look, pugi::xml_node styles) {
  auto append_heading = [&](const char* id, const char* name, double size, double before,
                            double after, int outline_level) {
    paragraph_props par;
    par.keep_next = true;
    par.space_before = size * before;
    par.space_after = size * after;
    par.line = 1.2;
    par.jc = "left";
    par.outline_level = outline_level;
    const run_props run = heading_run(look, size);
    append_style(styles, {"paragraph", id, name, style_id::normal, style_id::normal, 9, true}, &par,
                 &run);
  };
  append_heading(style_id::heading1, "heading 1", look.heading1_size, 1.2, 0.6, 0);
  append_heading(style_id::heading2, "heading 2", look.heading2_size, 1.4, 0.5, 1);
}

// Phase 3: the table of contents. The heading is not a heading style, so
// that it stays out of the contents and of the navigation pane.
void append_contents_styles(const style& look, double text_width, pugi::xml_node styles) {
  const run_props toc_heading_run = heading_run(look, look.heading1_size);
  paragraph_props toc_heading_par;
  toc_heading_par.keep_next = true;
  toc_heading_par.space_after = look.heading1_size;
  toc_heading_par.line = 1.2;
  toc_heading_par.jc = "left";
  toc_heading_par.border_bottom_color = hex_color(look.rule_color);
  append_style(styles,
               {"paragraph", style_id::toc_heading, "TOC Heading", style_id::normal,
                style_id::normal, 39, true},
               &toc_heading_par, &toc_heading_run);

  paragraph_props toc1_par;
  toc1_par.tab_right = text_width;
  toc1_par.tab_leader_dots = true;
  toc1_par.space_before = look.body_size * 0.6;
  toc1_par.space_after = 0;
  toc1_par.jc = "left";
  run_props toc1_run;
  toc1_run.bold = true;
  append_style(styles,
               {"paragraph", style_id::toc1, "toc 1", style_id::normal, style_id::normal, 39},
               &toc1_par, &toc1_run);
  paragraph_props toc2_par = toc1_par;
  toc2_par.space_before = 0;
  toc2_par.indent_left = look.indent;
  append_style(styles,
               {"paragraph", style_id::toc2, "toc 2", style_id::normal, style_id::normal, 39},
               &toc2_par, nullptr);
}

// Phase 4: bullets, link lines, header and footer.
void append_body_styles(const style& look, double text_width, pugi::xml_node styles) {
  const std::string rule = hex_color(look.rule_color);
  append_style(styles,
               {"paragraph", style_id::list_paragraph, "List Paragraph", style_id::normal, nullptr,
                34, true},
               nullptr, nullptr);

  paragraph_props link_par;
  link_par.space_before = 0;
  link_par.space_after = 0;
  link_par.line = 1.3;
  link_par.jc = "left";
  link_par.indent_left = look.indent;
  run_props small_run;
  small_run.size = look.small_size;
  append_style(styles,
               {"paragraph", style_id::link_line, "Link Line", style_id::normal, nullptr, -1, true},
               &link_par, &small_run);

  paragraph_props header_par;
  header_par.space_after = 0;
  header_par.line = 1.0;
  header_par.jc = "left";
  header_par.tab_right = text_width;  // the section title goes right
  header_par.border_bottom_color = rule;
  // Secondary text in the PDF's colour; the rule colour is for lines only
  // (it need not reach the contrast text needs).
  run_props margin_run;
  margin_run.color = hex_color(muted(look.text_color));
  margin_run.size = look.small_size;
  append_style(styles, {"paragraph", style_id::header, "header", style_id::normal, nullptr, 99},
               &header_par, &margin_run);
  paragraph_props footer_par = header_par;
  footer_par.jc = "center";
  footer_par.tab_right.reset();
  footer_par.border_bottom_color.reset();
  append_style(styles, {"paragraph", style_id::footer, "footer", style_id::normal, nullptr, 99},
               &footer_par, &margin_run);
}

// Phase 5: character styles.
void append_character_styles(const style& look, pugi::xml_node styles) {
  run_props hyperlink_run;
  hyperlink_run.color = hex_color(look.link_color);
  append_style(styles, {"character", style_id::hyperlink, "Hyperlink", nullptr, nullptr, 99},
               nullptr, &hyperlink_run);
}

}  // namespace

void build_styles(const writer_env& env, pugi::xml_document& xml) {
  const style& look = *env.look;
  const double text_width = look.page_width - look.margin_left - look.margin_right;
  pugi::xml_node styles = xml.append_child("w:styles");
  styles.append_attribute("xmlns:w") = ns::w;
  append_defaults(env, styles);
  append_cover_styles(look, styles);
  append_heading_styles(look, styles);
  append_contents_styles(look, text_width, styles);
  append_body_styles(look, text_width, styles);
  append_character_styles(look, styles);
}

}  // namespace handout::docx
