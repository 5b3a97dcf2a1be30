// One builder per part of the package. Each fills an empty XML document.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "render/docx/fonts.hpp"
#include "render/docx/types.hpp"

namespace handout::docx {

// /word/styles.xml: document defaults and every style the other parts use.
void build_styles(const writer_env& env, pugi::xml_document& xml);

// /word/numbering.xml: the bullet list (three levels, glyphs from the style).
// Sets `state.bullet_num_id`.
void build_numbering(const writer_env& env, writer_state& state, pugi::xml_document& xml);

// /word/document.xml: cover, table of contents, sections, slides, bullets and
// links. Adds hyperlink relationships to `state.document_rels`. Written
// slide by slide into `out` (part::written, and its Flat OPC form with
// `flat_opc`), each piece sanitised and its characters added to
// `state.written_chars`, so that the body is never held whole as a tree.
struct section_parts {
  std::string header_rel_id;  // empty: no header
  std::string footer_rel_id;  // empty: no footer
};
void build_document(const writer_env& env, const section_parts& refs, writer_state& state,
                    bool flat_opc, part& out);

// /word/fontTable.xml: the fonts, with the panose, character set, family and
// signature Word uses to pick a substitute where a font is neither installed
// nor embedded, and the embedded subsets (`embeds[i]` for `fonts[i]`; an
// empty rel_id embeds nothing).
struct font_embedding {
  std::string rel_id;  // of fontTable.xml.rels
  std::string font_key;
};
void build_font_table(const std::vector<font_entry>& fonts,
                      const std::vector<font_embedding>& embeds, pugi::xml_document& xml);

// /word/settings.xml: compatibility mode, CJK punctuation, field update on open.
void build_settings(const writer_env& env, pugi::xml_document& xml);

// /word/header1.xml: the report title; /word/footer1.xml: the page number.
void build_header(const writer_env& env, pugi::xml_document& xml);
void build_footer(const writer_env& env, pugi::xml_document& xml);

// /docProps/core.xml (title, creator, language, dates) and /docProps/app.xml.
void build_core_properties(const writer_env& env, pugi::xml_document& xml);
void build_app_properties(pugi::xml_document& xml);

// A `.rels` part from its relationships.
void build_relationships(const relationships& rels, pugi::xml_document& xml);

// /[Content_Types].xml for the zipped package: one override per part.
void build_content_types(const package& pkg, pugi::xml_document& xml);

}  // namespace handout::docx
