// One builder per part of the package. Each fills an empty XML document.
#pragma once

#include <pugixml.hpp>

#include "render/docx/types.hpp"

namespace handout::docx {

// /word/styles.xml: document defaults and every style the other parts use.
void build_styles(const writer_env& env, pugi::xml_document& xml);

// /word/numbering.xml: the bullet list (three levels, glyphs from the style).
// Sets `state.bullet_num_id`.
void build_numbering(const writer_env& env, writer_state& state, pugi::xml_document& xml);

// /word/document.xml: cover, table of contents, sections, slides, bullets and
// links. Adds hyperlink relationships to `state.document_rels`.
struct section_parts {
  std::string header_rel_id;  // empty: no header
  std::string footer_rel_id;  // empty: no footer
};
void build_document(const writer_env& env, const section_parts& refs, writer_state& state,
                    pugi::xml_document& xml);

// /word/fontTable.xml: the font, with the character set and family Word
// uses to pick a substitute where it is not installed.
void build_font_table(const writer_env& env, pugi::xml_document& xml);

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
