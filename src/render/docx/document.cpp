#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "limits.hpp"
#include "links/url.hpp"
#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"
#include "render/docx/qr_image.hpp"
#include "render/docx/text.hpp"
#include "render/link_label.hpp"
#include "xml_text.hpp"

namespace handout::docx {

namespace {

// A heading of the outline as the document writes it: XML-safe text and the
// bookmark the table of contents points at.
struct heading_entry {
  int level = 1;  // 1: section, 2: slide
  std::string text;
  std::string bookmark;
};

// Where the body is being written, and what is already in it. Paragraphs go
// into `piece`, a scratch body that flush() writes out and empties.
struct body_writer {
  const writer_env& env;
  writer_state& state;
  part& out;
  bool nested;  // also write the Flat OPC form
  pugi::xml_document piece;
  pugi::xml_node body;
  std::vector<heading_entry> headings;  // one per heading of the outline
  bool break_pending = false;           // the next paragraph starts a page
};

struct piece_writer : pugi::xml_writer {
  explicit piece_writer(piecewise_text& t) : out(t) {}
  void write(const void* data, std::size_t size) override {
    out.append({static_cast<const char*>(data), size});
  }
  piecewise_text& out;
};

// The body's depth in the Flat OPC form: pkg:part, pkg:xmlData, w:document.
constexpr unsigned nested_body_depth = 4;

// Writes the piece's paragraphs after those already written, as the whole
// tree would have printed them, and starts an empty piece. Each piece goes
// through the one sanitiser, and its characters are noted for the fonts.
void flush(body_writer& w) {
  add_shown_chars(w.piece, w.state.written_chars);
  sanitise_xml_tree(w.piece);
  piece_writer file(w.out.file), nested(w.out.nested);
  for (pugi::xml_node n : w.body.children()) {
    n.print(file, "", pugi::format_raw, pugi::encoding_utf8);
    if (w.nested)
      n.print(nested, " ", pugi::format_indent, pugi::encoding_utf8, nested_body_depth + 1);
  }
  w.piece.reset();
  w.body = w.piece.append_child("w:body");
}

pugi::xml_node add_paragraph(body_writer& w, paragraph_props props) {
  if (w.break_pending) props.page_break_before = true;
  w.break_pending = false;
  pugi::xml_node p = w.body.append_child("w:p");
  append_ppr(p, props);
  return p;
}

void add_field_char(pugi::xml_node parent, const char* type) {
  parent.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = type;
}

void add_field_instruction(pugi::xml_node parent, const char* instruction) {
  pugi::xml_node t = parent.append_child("w:r").append_child("w:instrText");
  t.append_attribute("xml:space") = "preserve";
  t.text().set(instruction);
}

// A paragraph holding the outline's heading `index`, wrapped in its bookmark.
void add_heading(body_writer& w, int index, const char* style) {
  const heading_entry& h = w.headings.at(static_cast<std::size_t>(index));
  paragraph_props props;
  props.style = style;
  pugi::xml_node p = add_paragraph(w, props);
  const int id = w.state.next_bookmark_id++;
  pugi::xml_node start = p.append_child("w:bookmarkStart");
  start.append_attribute("w:id") = id;
  start.append_attribute("w:name") = h.bookmark.c_str();
  append_runs(p, h.text);
  p.append_child("w:bookmarkEnd").append_attribute("w:id") = id;
}

// An external hyperlink showing `label`.
void add_hyperlink(body_writer& w, pugi::xml_node paragraph, const std::string& href,
                   const std::string& label, std::optional<double> raise = {}) {
  std::string id = w.state.document_rels.add(rel_type::hyperlink, links::to_uri(href), true);
  pugi::xml_node link = paragraph.append_child("w:hyperlink");
  link.append_attribute("r:id") = id.c_str();
  link.append_attribute("w:history") = "1";
  run_props props;
  props.style = style_id::hyperlink;
  props.raise = raise;
  append_runs(link, label, props);
}

// Phase 1: the outline's headings, XML-safe, with bookmarks `_Toc1`, `_Toc2`, ...
std::vector<heading_entry> bookmark_headings(const writer_env& env, writer_state& state) {
  std::vector<heading_entry> out;
  for (const heading& h : env.plan.headings) {
    const char* what = h.level == 1 ? "a section title" : "a slide title";
    out.push_back({h.level, xml_safe(h.text, h.line, what, env, state),
                   "_Toc" + std::to_string(out.size() + 1)});
  }
  return out;
}

// Phase 2: the cover: a short accent bar, title, subtitle, author and date.
void add_cover(body_writer& w) {
  const metadata& meta = w.env.meta;
  const style& look = *w.env.look;
  const double text_width = look.page_width - look.margin_left - look.margin_right;
  paragraph_props bar;
  bar.space_before = (look.page_height - look.margin_top - look.margin_bottom) * 0.25;
  bar.space_after = look.title_size * 0.4;
  bar.line = 0.5;
  bar.border_bottom_color = hex_color(look.heading_color);
  bar.border_bottom_width = 3;
  bar.indent_right = std::max(0.0, text_width - 36);
  add_paragraph(w, bar);
  paragraph_props title;
  title.style = style_id::title;
  append_runs(add_paragraph(w, title), meta.title);
  for (auto [style, value] :
       {std::pair{style_id::subtitle, &meta.subtitle}, std::pair{style_id::author, &meta.author},
        std::pair{style_id::date, &meta.date}}) {
    if (value->empty()) continue;
    paragraph_props props;
    props.style = style;
    append_runs(add_paragraph(w, props), *value);
  }
  w.break_pending = true;
}

// Phase 3: a TOC field whose cached result already lists the headings, so
// that readers which do not update fields (LibreOffice, pandoc) still show
// the contents, with the page numbers of handout's own pagination (the
// PDF's). The reader's layout may differ: Word recomputes them when it
// updates the field on open (settings.xml asks it to).
void add_contents(body_writer& w) {
  paragraph_props heading;
  heading.style = style_id::toc_heading;
  append_runs(add_paragraph(w, heading), w.env.plan.words.contents);

  std::vector<pugi::xml_node> entries;
  for (const heading_entry& h : w.headings) {
    if (h.level > 2) continue;
    paragraph_props props;
    props.style = h.level == 1 ? style_id::toc1 : style_id::toc2;
    entries.push_back(add_paragraph(w, props));
  }
  if (entries.empty()) entries.push_back(add_paragraph(w, {}));

  pugi::xml_node first = entries.front();
  add_field_char(first, "begin");
  add_field_instruction(first, R"( TOC \o "1-2" \h )");
  add_field_char(first, "separate");
  std::size_t i = 0;
  const std::vector<int>& pages = w.env.heading_pages;
  for (std::size_t k = 0; k < w.headings.size(); ++k) {
    const heading_entry& h = w.headings[k];
    if (h.level > 2) continue;
    pugi::xml_node link = entries[i++].append_child("w:hyperlink");
    link.append_attribute("w:anchor") = h.bookmark.c_str();
    link.append_attribute("w:history") = "1";
    append_runs(link, h.text);
    if (k < pages.size() && pages[k] > 0) {
      // The dotted right tab of the TOC styles, then the number.
      link.append_child("w:r").append_child("w:tab");
      append_runs(link, std::to_string(pages[k]));
    }
  }
  add_field_char(entries.back(), "end");
  w.break_pending = true;
}

// Phase 4: bullets, as paragraphs of the one bullet list; URLs in the text
// become hyperlinks.
void add_items(body_writer& w, const std::vector<item>& items) {
  for (const item& it : items) {
    paragraph_props props;
    props.style = style_id::list_paragraph;
    props.num_id = w.state.bullet_num_id;
    props.level = std::clamp(it.level, 1, limits::max_bullet_level) - 1;
    pugi::xml_node p = add_paragraph(w, props);
    std::size_t pos = 0;
    for (const url_span& u : it.urls) {
      if (u.offset < pos || u.offset + u.length > it.text.size()) continue;
      append_runs(p, xml_safe(std::string_view(it.text).substr(pos, u.offset - pos), it.line,
                              "a bullet", w.env, w.state));
      std::string url =
          xml_safe(it.text.substr(u.offset, u.length), it.line, "a URL", w.env, w.state);
      add_hyperlink(w, p, url, url);
      pos = u.offset + u.length;
    }
    append_runs(
        p, xml_safe(std::string_view(it.text).substr(pos), it.line, "a bullet", w.env, w.state));
    add_items(w, it.children);
  }
}

// The link `href` as a QR code, an inline picture qr_size points square
// whose alternative text names the link by its short label. Nothing when it cannot be encoded.
void add_qr_code(body_writer& w, pugi::xml_node paragraph, const std::string& href) {
  const std::string uri = links::to_uri(href);
  auto png = qr_png(uri, w.env.look->text_color);
  if (!png) return;
  const std::string name = "qr" + std::to_string(w.state.media.size() + 1) + ".png";
  const std::string rel = w.state.document_rels.add(rel_type::image, "media/" + name);
  w.state.media.emplace_back(name, std::move(*png));
  // The link's short label, as printed beside the code: youtu.be/ID.
  const std::string descr = "QR code: " + link_label(href);
  const int id = w.state.next_drawing_id++;
  const long side = emu(w.env.look->qr_size);

  pugi::xml_node inline_ =
      paragraph.append_child("w:r").append_child("w:drawing").append_child("wp:inline");
  for (const char* d : {"distT", "distB", "distL", "distR"}) inline_.append_attribute(d) = 0;
  pugi::xml_node extent = inline_.append_child("wp:extent");
  extent.append_attribute("cx") = side;
  extent.append_attribute("cy") = side;
  pugi::xml_node doc_pr = inline_.append_child("wp:docPr");
  doc_pr.append_attribute("id") = id;
  doc_pr.append_attribute("name") = ("QR code " + std::to_string(id)).c_str();
  doc_pr.append_attribute("descr") = descr.c_str();
  inline_.append_child("wp:cNvGraphicFramePr")
      .append_child("a:graphicFrameLocks")
      .append_attribute("noChangeAspect") = 1;
  pugi::xml_node data = inline_.append_child("a:graphic").append_child("a:graphicData");
  data.append_attribute("uri") = ns::pic;
  pugi::xml_node pic = data.append_child("pic:pic");
  pugi::xml_node nv = pic.append_child("pic:nvPicPr");
  pugi::xml_node c_nv = nv.append_child("pic:cNvPr");
  c_nv.append_attribute("id") = id;
  c_nv.append_attribute("name") = name.c_str();
  c_nv.append_attribute("descr") = descr.c_str();
  nv.append_child("pic:cNvPicPr");
  pugi::xml_node fill = pic.append_child("pic:blipFill");
  fill.append_child("a:blip").append_attribute("r:embed") = rel.c_str();
  fill.append_child("a:stretch").append_child("a:fillRect");
  pugi::xml_node sp = pic.append_child("pic:spPr");
  pugi::xml_node xfrm = sp.append_child("a:xfrm");
  pugi::xml_node off = xfrm.append_child("a:off");
  off.append_attribute("x") = 0;
  off.append_attribute("y") = 0;
  pugi::xml_node ext = xfrm.append_child("a:ext");
  ext.append_attribute("cx") = side;
  ext.append_attribute("cy") = side;
  pugi::xml_node geometry = sp.append_child("a:prstGeom");
  geometry.append_attribute("prst") = "rect";
  geometry.append_child("a:avLst");
}

// Phase 5: a slide: its heading, bullets and one line of its link rows,
// spaced apart as the PDF prints them; with the style's QR codes, each link
// follows its code, as in the PDF.
void add_slide(body_writer& w, const slide_outline& sl) {
  if (sl.heading >= 0) add_heading(w, sl.heading, style_id::heading2);
  add_items(w, sl.source->items);
  if (sl.links.empty()) return;
  paragraph_props props;
  props.style = style_id::link_line;
  pugi::xml_node p = add_paragraph(w, props);
  for (std::size_t i = 0; i < sl.links.size(); ++i) {
    const link_row& l = sl.links[i];
    if (i > 0) append_runs(p, "\u2003\u2003");  // two em spaces
    std::string href = xml_safe(l.href, l.line, "a link", w.env, w.state);
    std::optional<double> raise;
    if (w.env.look->qr_codes) {
      add_qr_code(w, p, href);
      append_runs(p, " ");
      // The label at the code's middle, as the PDF places it.
      raise = w.env.look->qr_size / 2 - 0.35 * w.env.look->small_size;
    }
    add_hyperlink(w, p, href, xml_safe(l.caption, l.line, "a link", w.env, w.state), raise);
  }
}

// Phase 6: page size, margins, header and footer.
void add_section_properties(body_writer& w, const section_parts& refs) {
  const style& look = *w.env.look;
  pugi::xml_node sect = w.body.append_child("w:sectPr");
  auto reference = [&](const char* name, const std::string& id) {
    if (id.empty()) return;
    pugi::xml_node ref = sect.append_child(name);
    ref.append_attribute("w:type") = "default";
    ref.append_attribute("r:id") = id.c_str();
  };
  reference("w:headerReference", refs.header_rel_id);
  reference("w:footerReference", refs.footer_rel_id);
  pugi::xml_node size = sect.append_child("w:pgSz");
  size.append_attribute("w:w") = twips(look.page_width);
  size.append_attribute("w:h") = twips(look.page_height);
  if (look.page_width > look.page_height) size.append_attribute("w:orient") = "landscape";
  pugi::xml_node margins = sect.append_child("w:pgMar");
  margins.append_attribute("w:top") = twips(look.margin_top);
  margins.append_attribute("w:right") = twips(look.margin_right);
  margins.append_attribute("w:bottom") = twips(look.margin_bottom);
  margins.append_attribute("w:left") = twips(look.margin_left);
  margins.append_attribute("w:header") = twips(look.margin_top * 0.45);
  margins.append_attribute("w:footer") = twips(look.margin_bottom * 0.45);
  margins.append_attribute("w:gutter") = 0;
  // The cover page has no header or footer.
  if (look.cover) sect.append_child("w:titlePg");
}

}  // namespace

void build_document(const writer_env& env, const section_parts& refs, writer_state& state,
                    bool nested, part& out) {
  // The document and body elements around a placeholder, printed both ways
  // and cut there: what comes before and after the paragraphs.
  pugi::xml_document frame;
  pugi::xml_node root = frame.append_child("w:document");
  root.append_attribute("xmlns:w") = ns::w;
  root.append_attribute("xmlns:r") = ns::r;
  if (env.look->qr_codes) {
    root.append_attribute("xmlns:wp") = ns::wp;
    root.append_attribute("xmlns:a") = ns::a;
    root.append_attribute("xmlns:pic") = ns::pic;
  }
  root.append_child("w:body").append_child("placeholder");
  std::string file_frame = xml_declaration, nested_frame;
  string_writer file_out(file_frame), nested_out(nested_frame);
  root.print(file_out, "", pugi::format_raw, pugi::encoding_utf8);
  if (nested)
    root.print(nested_out, " ", pugi::format_indent, pugi::encoding_utf8, nested_body_depth - 1);
  // The placeholder element is cut out, and in the indented form its line.
  auto split = [](const std::string& printed, bool whole_line) {
    std::size_t from = printed.find("<placeholder");
    std::size_t to = printed.find('>', from) + 1;
    if (whole_line) {
      from = printed.rfind('\n', from) + 1;
      to = printed.find('\n', to) + 1;
    }
    return std::pair{printed.substr(0, from), printed.substr(to)};
  };
  const auto [file_open, file_close] = split(file_frame, false);
  const auto [nested_open, nested_close] =
      nested ? split(nested_frame, true) : std::pair<std::string, std::string>{};

  out.written = true;
  out.file.append(file_open);
  if (nested) out.nested.append(nested_open);
  body_writer w{env, state, out, nested, {}, {}, {}, false};
  w.body = w.piece.append_child("w:body");
  w.headings = bookmark_headings(env, state);
  if (env.look->cover) add_cover(w);
  if (env.look->contents) add_contents(w);
  flush(w);
  for (const section_outline& sec : env.plan.sections) {
    if (sec.heading >= 0) add_heading(w, sec.heading, style_id::heading1);
    for (const slide_outline& sl : sec.slides) {
      add_slide(w, sl);
      flush(w);
    }
  }
  add_section_properties(w, refs);
  flush(w);
  out.file.append(file_close);
  if (nested) out.nested.append(nested_close);
}

}  // namespace handout::docx
