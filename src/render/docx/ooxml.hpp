// WordprocessingML vocabulary shared by the DOCX parts: namespaces, content
// and relationship types, units, and paragraph and run properties written in
// the element order the schema demands.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>

#include "style.hpp"

namespace handout::docx {

namespace ns {
inline constexpr const char* w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* r =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* pkg_rels =
    "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* content_types =
    "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr const char* core =
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
inline constexpr const char* dc = "http://purl.org/dc/elements/1.1/";
inline constexpr const char* dcterms = "http://purl.org/dc/terms/";
inline constexpr const char* xsi = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr const char* extended =
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
inline constexpr const char* wp =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* a = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
inline constexpr const char* flat_opc = "http://schemas.microsoft.com/office/2006/xmlPackage";
}  // namespace ns

// What every part's file starts with.
inline constexpr const char* xml_declaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// pugixml's output appended to a string.
struct string_writer : pugi::xml_writer {
  explicit string_writer(std::string& s) : out(s) {}
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
  std::string& out;
};

namespace content_type {
inline constexpr const char* rels = "application/vnd.openxmlformats-package.relationships+xml";
inline constexpr const char* document =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
inline constexpr const char* styles =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
inline constexpr const char* numbering =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
inline constexpr const char* settings =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
inline constexpr const char* footer =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
inline constexpr const char* header =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
inline constexpr const char* font_table =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
inline constexpr const char* obfuscated_font =
    "application/vnd.openxmlformats-officedocument.obfuscatedFont";
inline constexpr const char* png = "image/png";
inline constexpr const char* core = "application/vnd.openxmlformats-package.core-properties+xml";
inline constexpr const char* extended =
    "application/vnd.openxmlformats-officedocument.extended-properties+xml";
}  // namespace content_type

namespace rel_type {
inline constexpr const char* office_document =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
inline constexpr const char* core =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
inline constexpr const char* extended =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
inline constexpr const char* styles =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
inline constexpr const char* numbering =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
inline constexpr const char* settings =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
inline constexpr const char* footer =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
inline constexpr const char* header =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
inline constexpr const char* hyperlink =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
inline constexpr const char* font_table =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
inline constexpr const char* font =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
inline constexpr const char* image =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
}  // namespace rel_type

// Style ids used across parts (defined in styles.xml, used in document.xml).
namespace style_id {
inline constexpr const char* normal = "Normal";
inline constexpr const char* title = "Title";
inline constexpr const char* subtitle = "Subtitle";
inline constexpr const char* author = "Author";
inline constexpr const char* date = "Date";
inline constexpr const char* heading1 = "Heading1";
inline constexpr const char* heading2 = "Heading2";
inline constexpr const char* toc_heading = "TOCHeading";
inline constexpr const char* toc1 = "TOC1";
inline constexpr const char* toc2 = "TOC2";
inline constexpr const char* list_paragraph = "ListParagraph";
inline constexpr const char* link_line = "LinkLine";
inline constexpr const char* header = "Header";
inline constexpr const char* footer = "Footer";
inline constexpr const char* hyperlink = "Hyperlink";
}  // namespace style_id

// Twentieths of a point (twips), the unit of most WordprocessingML lengths.
long twips(double points);
// English Metric Units (1/914400 in), the unit of DrawingML lengths.
long emu(double points);
// Half points, the unit of font sizes.
long half_points(double points);
// `RRGGBB`.
std::string hex_color(const rgb& c);

// Paragraph properties (`w:pPr`); only the set fields are written.
struct paragraph_props {
  std::string style;
  bool keep_next = false;
  bool page_break_before = false;
  std::optional<int> num_id;  // with `level` (0-based ilvl)
  int level = 0;
  std::optional<std::string> border_bottom_color;   // a rule under the paragraph
  double border_bottom_width = 0.75;                // points
  bool auto_space_off = false;                      // no automatic space between CJK and Latin text
  std::optional<double> space_before, space_after;  // points
  std::optional<double> line;                       // a multiple of single spacing
  std::optional<double> indent_left, indent_right, hanging;  // points
  std::optional<std::string> jc;                             // left, center, right, both
  std::optional<int> outline_level;                          // 0-based
  std::optional<double> tab_right;  // a right-aligned tab stop at this position
  bool tab_leader_dots = false;     // ... with a dotted leader
};

// Run properties (`w:rPr`); only the set fields are written.
struct run_props {
  std::string style;
  std::optional<std::string> latin_font;       // the ascii, hAnsi and cs slots
  std::optional<std::string> east_asian_font;  // the eastAsia slot
  std::optional<std::string> font_hint;        // w:rFonts w:hint, e.g. eastAsia
  bool bold = false;
  std::optional<std::string> color;
  std::optional<double> raise;  // points above the baseline (w:position)
  std::optional<double> size;   // points
  std::optional<std::string> lang, lang_east_asia;
};

// Appends `w:pPr` (nothing when no field is set). Returns it, or an empty node.
pugi::xml_node append_ppr(pugi::xml_node parent, const paragraph_props& p);
// Appends `w:rPr` (nothing when no field is set).
pugi::xml_node append_rpr(pugi::xml_node parent, const run_props& r);

// Appends an element with a `w:val` attribute.
pugi::xml_node append_val(pugi::xml_node parent, const char* name, const char* value);
pugi::xml_node append_val(pugi::xml_node parent, const char* name, long value);

}  // namespace handout::docx
