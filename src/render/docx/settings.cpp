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

void build_font_table(const writer_env& env, pugi::xml_document& xml) {
  pugi::xml_node fonts = xml.append_child("w:fonts");
  fonts.append_attribute("xmlns:w") = ns::w;
  if (env.font.empty()) return;
  // The character set of the East Asian language (GB2312, Big5, Shift-JIS,
  // Hangul): where the font is missing, Word substitutes one that has it.
  const std::string& east = env.lang_east_asia;
  const char* charset = east == "zh-TW" || east == "zh-HK" || east.find("Hant") != std::string::npos
                            ? "88"
                        : east.starts_with("zh") ? "86"
                        : east.starts_with("ja") ? "80"
                        : east.starts_with("ko") ? "81"
                                                 : "00";
  pugi::xml_node font = fonts.append_child("w:font");
  font.append_attribute("w:name") = env.font.c_str();
  append_val(font, "w:charset", charset);
  append_val(font, "w:family", "swiss");
  append_val(font, "w:pitch", "variable");
}

}  // namespace handout::docx
