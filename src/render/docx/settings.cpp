#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"

namespace handout::docx {

void build_settings(const writer_env& env, pugi::xml_document& xml) {
  pugi::xml_node settings = xml.append_child("w:settings");
  settings.append_attribute("xmlns:w") = ns::w;
  settings.append_child("w:zoom").append_attribute("w:percent") = 100;
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

}  // namespace handout::docx
