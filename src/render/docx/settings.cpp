#include <cstdio>

#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"

namespace handout::docx {

void build_settings(const writer_env& env, pugi::xml_document& xml) {
  pugi::xml_node settings = xml.append_child("w:settings");
  settings.append_attribute("xmlns:w") = ns::w;
  settings.append_child("w:zoom").append_attribute("w:percent") = 100;
  // The fonts travel with the document, as subsets: Word keeps them so on save.
  if (env.embeds_fonts) {
    settings.append_child("w:embedTrueTypeFonts");
    settings.append_child("w:saveSubsetFonts");
  }
  append_val(settings, "w:defaultTabStop", twips(env.look->indent * 2));
  // Compress CJK punctuation as Chinese and Japanese typesetting does.
  append_val(settings, "w:characterSpacingControl", "compressPunctuation");
  // Word fills in the table of contents' page numbers when it opens the file.
  if (env.look->contents) settings.append_child("w:updateFields");
  // Word 2013+ layout, not compatibility mode.
  pugi::xml_node compat = settings.append_child("w:compat").append_child("w:compatSetting");
  compat.append_attribute("w:name") = "compatibilityMode";
  compat.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
  compat.append_attribute("w:val") = "15";
  pugi::xml_node lang = settings.append_child("w:themeFontLang");
  lang.append_attribute("w:val") = env.lang.c_str();
  lang.append_attribute("w:eastAsia") = env.lang_east_asia.c_str();
}

void build_font_table(const std::vector<font_entry>& fonts,
                      const std::vector<font_embedding>& embeds, pugi::xml_document& xml) {
  pugi::xml_node table = xml.append_child("w:fonts");
  table.append_attribute("xmlns:w") = ns::w;
  table.append_attribute("xmlns:r") = ns::r;
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    const font_entry& f = fonts[i];
    // Children in CT_Font's order: altName, panose, charset, family, pitch,
    // sig, embeds.
    pugi::xml_node font = table.append_child("w:font");
    font.append_attribute("w:name") = f.name.c_str();
    if (!f.alt_name.empty()) append_val(font, "w:altName", f.alt_name.c_str());
    if (!f.panose.empty()) append_val(font, "w:panose1", f.panose.c_str());
    append_val(font, "w:charset", f.charset.c_str());
    append_val(font, "w:family", f.family.c_str());
    append_val(font, "w:pitch", f.fixed_pitch ? "fixed" : "variable");
    if (f.sig) {
      pugi::xml_node sig = font.append_child("w:sig");
      const char* names[] = {"w:usb0", "w:usb1", "w:usb2", "w:usb3", "w:csb0", "w:csb1"};
      for (std::size_t k = 0; k < 6; ++k) {
        char hex[9];
        std::snprintf(hex, sizeof hex, "%08X", static_cast<unsigned>((*f.sig)[k]));
        sig.append_attribute(names[k]) = hex;
      }
    }
    if (i < embeds.size() && !embeds[i].rel_id.empty()) {
      // Only the regular face exists: readers embolden it for bold runs, as
      // the PDF does.
      pugi::xml_node embed = font.append_child("w:embedRegular");
      embed.append_attribute("r:id") = embeds[i].rel_id.c_str();
      embed.append_attribute("w:fontKey") = embeds[i].font_key.c_str();
      embed.append_attribute("w:subsetted") = "true";
    }
  }
}

}  // namespace handout::docx
