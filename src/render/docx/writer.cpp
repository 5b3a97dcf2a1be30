// The DOCX writer, in phases: settings → relationships → parts → document →
// relationship parts → package; then the renderer serializes it twice.
#include <set>
#include <string>

#include "io.hpp"
#include "render/docx/contents_pages.hpp"
#include "render/docx/docx.hpp"
#include "render/docx/fonts.hpp"
#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"
#include "render/docx/text.hpp"
#include "render/renderer.hpp"
#include "utf8.hpp"
#include "xml_text.hpp"

namespace handout::docx {

namespace {

bool starts_with_language(const std::string& tag, const char* language) {
  const std::size_t n = std::char_traits<char>::length(language);
  return tag.compare(0, n, language) == 0 && (tag.size() == n || tag[n] == '-');
}

part make_part(const char* name, const char* type) {
  part p;
  p.name = name;
  p.content_type = type;
  return p;
}

// Phase 1: the read-only settings.
writer_env make_env(const report& r, const style& look, writer_state& state) {
  writer_env env;
  env.doc = &r;
  env.look = &look;
  // The metadata is written up to three times (cover, header, properties):
  // clean it once, with one warning per field.
  env.meta.title = xml_safe(r.meta.title, 0, "the title", env, state);
  env.meta.subtitle = xml_safe(r.meta.subtitle, 0, "the subtitle", env, state);
  env.meta.author = xml_safe(r.meta.author, 0, "the author", env, state);
  env.meta.date = xml_safe(r.meta.date, 0, "the date", env, state);
  env.meta.lang = xml_safe(r.meta.lang, 0, "the language", env, state);
  const std::string& lang = env.meta.lang;
  const bool zh = starts_with_language(lang, "zh");
  const bool ja = starts_with_language(lang, "ja");
  const bool ko = starts_with_language(lang, "ko");
  if (zh || ja || ko) {
    env.lang = "en-US";
    env.lang_east_asia = lang.find('-') != std::string::npos ? lang
                         : zh                                ? "zh-CN"
                         : ja                                ? "ja-JP"
                                                             : "ko-KR";
  } else {
    env.lang = lang.empty() ? "en-US" : lang;
    env.lang_east_asia = "zh-CN";
  }
  env.plan = plan_outline(r);
  return env;
}

// Every character the document shows: the text of its runs and its bullet
// glyphs (`written`: those of the parts written while built), and what a
// reader may put in fields or an editor may type (ASCII).
std::set<char32_t> shown_code_points(const package& pkg, std::set<char32_t> written) {
  std::set<char32_t> out = std::move(written);
  for (char32_t c = 0x20; c < 0x7F; ++c) out.insert(c);
  for (const part& p : pkg.parts) {
    if (!p.binary && !p.written) add_shown_chars(p.xml, out);
  }
  return out;
}

// Phase 6: a subset of each embeddable font, its part and relationship.
void embed_fonts(const font_plan& fonts, std::set<char32_t> written, package& pkg) {
  const std::set<char32_t> shown = shown_code_points(pkg, std::move(written));
  relationships rels;
  std::vector<font_embedding> embeds(fonts.entries().size());
  for (std::size_t i = 0; i < fonts.entries().size(); ++i) {
    auto embedded = fonts.embed(i, shown);
    if (!embedded) continue;
    const std::string file = "font" + std::to_string(i + 1) + ".odttf";
    embeds[i] = {rels.add(rel_type::font, "fonts/" + file), embedded->font_key};
    part font = make_part(("/word/fonts/" + file).c_str(), content_type::obfuscated_font);
    font.binary = true;
    font.data = std::move(embedded->data);
    pkg.parts.push_back(std::move(font));
  }
  part table = make_part("/word/fontTable.xml", content_type::font_table);
  build_font_table(fonts.entries(), embeds, table.xml);
  pkg.parts.push_back(std::move(table));
  if (!rels.all().empty()) {
    part table_rels = make_part("/word/_rels/fontTable.xml.rels", content_type::rels);
    build_relationships(rels, table_rels.xml);
    pkg.parts.push_back(std::move(table_rels));
  }
}

}  // namespace

package build_package(const report& r, const style& look, diagnostics& diags,
                      const std::vector<int>* heading_pages, bool flat_opc) {
  writer_state state;
  writer_env env = make_env(r, look, state);
  const font_plan fonts = font_plan::make(look, env.lang_east_asia, state.warnings);
  env.latin_font = fonts.latin();
  env.east_asian_font = fonts.east_asian();
  env.embeds_fonts = fonts.embeds();
  if (look.contents) {
    env.heading_pages =
        heading_pages != nullptr ? *heading_pages : paginate_headings(r, look, fonts);
  }

  // Phase 2: the relationships known before the body is written.
  state.package_rels.add(rel_type::office_document, "word/document.xml");
  state.package_rels.add(rel_type::core, "docProps/core.xml");
  state.package_rels.add(rel_type::extended, "docProps/app.xml");
  state.document_rels.add(rel_type::styles, "styles.xml");
  state.document_rels.add(rel_type::numbering, "numbering.xml");
  state.document_rels.add(rel_type::settings, "settings.xml");
  state.document_rels.add(rel_type::font_table, "fontTable.xml");
  section_parts refs;
  if (look.header) refs.header_rel_id = state.document_rels.add(rel_type::header, "header1.xml");
  if (look.footer) refs.footer_rel_id = state.document_rels.add(rel_type::footer, "footer1.xml");

  // Phase 3: the parts the body refers to.
  part styles = make_part("/word/styles.xml", content_type::styles);
  build_styles(env, styles.xml);
  part numbering = make_part("/word/numbering.xml", content_type::numbering);
  build_numbering(env, state, numbering.xml);
  part settings = make_part("/word/settings.xml", content_type::settings);
  build_settings(env, settings.xml);

  // Phase 4: the body; hyperlinks add their relationships.
  part document = make_part("/word/document.xml", content_type::document);
  build_document(env, refs, state, flat_opc, document);

  // Phase 5: header, footer, properties and the relationship parts.
  part package_rels = make_part("/_rels/.rels", content_type::rels);
  build_relationships(state.package_rels, package_rels.xml);
  part document_rels = make_part("/word/_rels/document.xml.rels", content_type::rels);
  build_relationships(state.document_rels, document_rels.xml);

  package pkg;
  pkg.parts.push_back(std::move(package_rels));
  pkg.parts.push_back(std::move(document));
  pkg.parts.push_back(std::move(document_rels));
  pkg.parts.push_back(std::move(styles));
  pkg.parts.push_back(std::move(numbering));
  pkg.parts.push_back(std::move(settings));
  if (look.header) {
    part header = make_part("/word/header1.xml", content_type::header);
    build_header(env, header.xml);
    pkg.parts.push_back(std::move(header));
  }
  if (look.footer) {
    part footer = make_part("/word/footer1.xml", content_type::footer);
    build_footer(env, footer.xml);
    pkg.parts.push_back(std::move(footer));
  }
  part core = make_part("/docProps/core.xml", content_type::core);
  build_core_properties(env, core.xml);
  pkg.parts.push_back(std::move(core));
  part app = make_part("/docProps/app.xml", content_type::extended);
  build_app_properties(app.xml);
  pkg.parts.push_back(std::move(app));
  for (auto& [name, bytes] : state.media) {
    part picture = make_part(("/word/media/" + name).c_str(), content_type::png);
    picture.binary = true;
    picture.data = std::move(bytes);
    pkg.parts.push_back(std::move(picture));
  }
  embed_fonts(fonts, std::move(state.written_chars), pkg);
  // Deck text went through xml_safe() (with a warning); what else a part
  // holds (words of the style) goes through the same sanitiser here.
  for (part& p : pkg.parts) sanitise_xml_tree(p.xml);

  diags.append(state.warnings);
  return pkg;
}

}  // namespace handout::docx

namespace handout {

namespace {

// Streams pugixml's output into a temp file in 64 KiB writes, keeping the
// first error.
struct temp_file_writer : pugi::xml_writer {
  explicit temp_file_writer(temp_file& f) : file(f) {}
  void write(const void* data, std::size_t size) override {
    buffer.append(static_cast<const char*>(data), size);
    if (buffer.size() >= 64 * 1024) flush();
  }
  void flush() {
    if (error.empty()) file.write(buffer, error);
    buffer.clear();
  }
  temp_file& file;
  std::string buffer;
  std::string error;
};

// NAME.docx.xml, streamed from the parts through a temp file.
bool write_flat_opc_file(const docx::package& pkg, const std::string& path, diagnostics& diags) {
  std::string error;
  auto tmp = temp_file::create(path, error);
  if (tmp) {
    temp_file_writer out(*tmp);
    docx::write_flat_opc(pkg, out);
    out.flush();
    error = out.error;
    if (error.empty()) tmp->commit(error);
  }
  if (!error.empty()) {
    diags.error(path, 0, 0, "cannot write file: " + error);
    return false;
  }
  return true;
}

}  // namespace

bool render_docx(const report& r, const render_options& options, diagnostics& diags) {
  // The PDF renderer, when it ran first for this deck, has paginated it.
  const std::vector<int>* pages = options.stats != nullptr && !options.stats->heading_pages.empty()
                                      ? &options.stats->heading_pages
                                      : nullptr;
  docx::package pkg =
      docx::build_package(r, *options.style, diags, pages, options.writes(".docx.xml"));
  const bool flat_ok = !options.writes(".docx.xml") ||
                       write_flat_opc_file(pkg, options.output_stem + ".docx.xml", diags);
  if (!options.writes(".docx")) return flat_ok;
  for (docx::part& p : pkg.parts) p.nested.clear();  // written: not held while zipping
  std::string error;
  std::optional<std::string> zipped = docx::to_zip(pkg, error);
  if (!zipped) {
    diags.error(options.output_stem + ".docx", 0, 0, "cannot zip the document: " + error);
    return false;
  }
  const bool zip_ok = write_file_atomically(options.output_stem + ".docx", *zipped, diags);
  return flat_ok && zip_ok;
}

}  // namespace handout
