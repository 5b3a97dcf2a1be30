// Element and attribute names of the XML intermediate, shared by its writer
// and reader; schemas/handout.xsd describes the same names.
#pragma once

namespace handout::xml_names {

inline constexpr const char* format_version = "1";

inline constexpr const char* report = "report";
inline constexpr const char* meta = "meta";
inline constexpr const char* section = "section";
inline constexpr const char* slide = "slide";
inline constexpr const char* title = "title";
inline constexpr const char* subtitle = "subtitle";
inline constexpr const char* author = "author";
inline constexpr const char* date = "date";
inline constexpr const char* list = "list";
inline constexpr const char* item = "item";
inline constexpr const char* text = "text";
inline constexpr const char* url = "url";
inline constexpr const char* links = "links";
inline constexpr const char* link = "link";

inline constexpr const char* version_attr = "version";
inline constexpr const char* source_attr = "source";
inline constexpr const char* lang_attr = "lang";
inline constexpr const char* number_attr = "number";
inline constexpr const char* line_attr = "line";
inline constexpr const char* column_attr = "column";
inline constexpr const char* level_attr = "level";
inline constexpr const char* href_attr = "href";

}  // namespace handout::xml_names
