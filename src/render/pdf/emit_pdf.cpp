#include "render/pdf/emit_pdf.hpp"

#include <hpdf.h>
#include <hpdf_pages.h>
#include <malloc.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "io.hpp"
#include "limits.hpp"
#include "render/pdf/emit_structure.hpp"
#include "render/pdf/finish_pdf.hpp"
#include "render/pdf/pdf_syntax.hpp"
#include "render/pdf/text_codes.hpp"
#include "utf8.hpp"

namespace handout::pdf {

namespace {

// libharu's errors are sticky; the handler records the first one.
struct hpdf_error {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* e = static_cast<hpdf_error*>(user);
  if (e->code == HPDF_OK) {
    e->code = code;
    e->detail = detail;
  }
}

// The longest string libharu takes (HPDF_LIMIT_MAX_STRING_LEN), and the
// longest address we write.
constexpr std::size_t max_string_bytes = 65'535;

// Most characters shown by one text operator: 8,192 codes, a string of
// 16,384 bytes (under the 32,767 old readers take).
constexpr std::size_t max_codes_per_show = 8192;

void append_hex4(std::string& out, unsigned v) {
  static constexpr char digits[] = "0123456789abcdef";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

// The content stream operators that show `t` in its codes: `<codes> Tj`, or
// `[<codes> -k <codes>] TJ` with the run's kerning (a TJ number moves the
// pen back by 1/1000 em, so a kern of -80 is written 80), a new operator
// after every max_codes_per_show characters; a ligature is its one code.
std::string show_text(const text_run& t, const text_codes& codes) {
  std::string out, body;
  bool adjusted = false;
  auto close = [&] {
    out += adjusted ? "[" + body + ">] TJ\n" : body + "> Tj\n";
    body = "<";
    adjusted = false;
  };
  body = "<";
  auto k = t.kerns.begin();
  auto lig = t.ligatures.begin();
  std::size_t index = 0, in_operator = 0;
  for (std::size_t i = 0; i < t.text.size(); ++index) {
    const char32_t c = utf8::decode(t.text, i);
    if (lig != t.ligatures.end() && lig->first == index) {
      append_hex4(body, codes.code(t.font, lig->glyph));
      for (std::size_t n = 1; n < lig->count && i < t.text.size(); ++n, ++index) {
        utf8::decode(t.text, i);
      }
      ++lig;
    } else {
      append_hex4(body, codes.code(c));
    }
    while (k != t.kerns.end() && k->after < index) ++k;
    if (k != t.kerns.end() && k->after == index && i < t.text.size()) {
      body += ">" + std::to_string(-k->amount) + "<";
      adjusted = true;
    }
    if (++in_operator == max_codes_per_show && i < t.text.size()) {
      close();
      in_operator = 0;
    }
  }
  close();
  return out;
}

// The writer's state for one document.
class writer {
 public:
  writer(page_layout& layout, const font_set& fonts, const page_source& pages)
      : layout_(layout), fonts_(fonts), source_(pages) {
    doc_ = HPDF_New(&on_error, &error_);
  }
  writer(const writer&) = delete;
  writer& operator=(const writer&) = delete;
  ~writer() {
    if (doc_ != nullptr) HPDF_Free(doc_);
  }

  // Phases: set up, fonts, pages, items, structure, outline, labels, info, save.
  std::optional<std::string> run(std::string& message) {
    if (doc_ == nullptr) {
      message = "cannot create a PDF document (out of memory)";
      return std::nullopt;
    }
    // No compression: each page's content is compressed once drawn, the
    // other streams by finish_pdf(), both faster.
    if (!ok(HPDF_SetCompressionMode(doc_, HPDF_COMP_NONE)) || !ok(HPDF_UseUTFEncodings(doc_)) ||
        !ok(HPDF_SetCurrentEncoder(doc_, "UTF-8"))) {
      return fail(message, "cannot set up the PDF document");
    }
    if (!load_fonts(message)) return std::nullopt;
    for (std::size_t i = 0; i < layout_.pages.size(); ++i) {
      HPDF_Page p = HPDF_AddPage(doc_);
      if (p == nullptr || !ok(HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(layout_.width))) ||
          !ok(HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(layout_.height)))) {
        return fail(message, "cannot add a page");
      }
      pages_.push_back(p);
    }
    if (!layout_.structure.empty()) {
      tags_.emplace(doc_, std::move(layout_.structure), pages_.size());
      layout_.structure = {};  // consumed: the writer holds what it needs
    }
    // Each page drawn, then released: libharu has it now.
    std::size_t drawn = 0;
    const page_drawer draw_page = [&](std::size_t i, page& pg) {
      page_index_ = i;
      if (i != drawn || i >= pages_.size()) return false;
      for (const page_item& item : pg.items) {
        if (!std::visit([&](const auto& v) { return draw(pages_[i], v); }, item)) return false;
      }
      std::vector<page_item>().swap(pg.items);
      ++drawn;
      return deflate_contents(pages_[i]);
    };
    bool all_drawn = true;
    if (source_) {
      all_drawn = source_(draw_page);
    } else {
      for (std::size_t i = 0; i < layout_.pages.size() && all_drawn; ++i) {
        all_drawn = draw_page(i, layout_.pages[i]);
      }
    }
    if (!all_drawn || drawn != pages_.size()) {
      return fail(message, "cannot draw page " + std::to_string(drawn + 1));
    }
    if (tags_ && !(tags_->finish(pages_, layout_.info) && ok(HPDF_OK))) {
      return fail(message, "cannot write the structure tree");
    }
    if (!add_outline()) return fail(message, "cannot add the bookmarks");
    if (!add_labels()) return fail(message, "cannot add the page labels");
    if (!add_info()) return fail(message, "cannot set the document information");
    if (!ok(HPDF_SetPageMode(doc_, layout_.outline.empty() ? HPDF_PAGE_MODE_USE_NONE
                                                           : HPDF_PAGE_MODE_USE_OUTLINE))) {
      return fail(message, "cannot set the page mode");
    }
    return save(message);
  }

  // What finish_pdf() adds, after run().
  pdf_additions additions() {
    pdf_additions add{std::move(programs_),
                      codes_ ? codes_->to_unicode_cmap() : std::string(),
                      std::move(deflated_),
                      {}};
    if (tags_) {
      add.tree.count = tags_->object_count();
      add.tree.body = [this](std::size_t first, std::size_t k, std::string& out) {
        tags_->object(first, k, out);
      };
    }
    return add;
  }

 private:
  bool ok(HPDF_STATUS status) const { return status == HPDF_OK && error_.code == HPDF_OK; }

  std::optional<std::string> fail(std::string& message, const std::string& what) {
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)",
                  static_cast<unsigned>(error_.code), static_cast<unsigned>(error_.detail));
    message = what + code;
    return std::nullopt;
  }

  HPDF_REAL y(double top_down) const { return static_cast<HPDF_REAL>(layout_.height - top_down); }
  static HPDF_REAL r(double v) { return static_cast<HPDF_REAL>(v); }

  // Each used font, subset to its characters by HarfBuzz with a cmap for the
  // text codes, and loaded from a private temp file, for its metrics only:
  // finish_pdf() embeds it (libharu's embedding is slow and its subsetting
  // blanks composite glyphs).
  bool load_fonts(std::string& message) {
    if (layout_.census.characters.empty() && !source_) {
      for (const page& p : layout_.pages) layout_.census.add(p.items);  // a layout made by hand
    }
    const std::map<int, std::set<char32_t>>& used = layout_.census.characters;
    std::vector<char32_t> all;
    for (const auto& [font, code_points] : used) {
      all.insert(all.end(), code_points.begin(), code_points.end());
    }
    // Ligatures: each glyph once, with the characters it stands for.
    std::vector<ligature_code> ligatures;
    std::map<int, std::map<unsigned, unsigned>> ligature_glyphs;  // per font: id → id in subset
    for (const auto& [font, glyphs] : layout_.census.ligatures) {
      for (const auto& [glyph, text] : glyphs) {
        ligatures.push_back({font, glyph, text});
        ligature_glyphs[font][glyph] = 0;
      }
    }
    codes_.emplace(std::move(all), std::move(ligatures));
    if (codes_->size() > limits::max_pdf_characters) {
      message = "the document uses " + std::to_string(codes_->size()) +
                " different characters; a PDF of one font encoding holds at most " +
                std::to_string(limits::max_pdf_characters);
      return false;
    }
    for (const auto& [font, code_points] : used) {
      std::map<unsigned, unsigned>& glyphs = ligature_glyphs[font];
      auto recoded = codes_->recode_font(fonts_.subset(font, code_points, &glyphs), font, glyphs);
      if (recoded.ttf.empty()) {
        fail(message, "cannot subset the font " + fonts_.location(font).file);
        return false;
      }
      scratch_file scratch;
      std::string error;
      if (!scratch.create(recoded.ttf, error)) {
        message = "cannot write a temporary font file: " + error;
        return false;
      }
      const char* name = HPDF_LoadTTFontFromFile(doc_, scratch.path().c_str(), HPDF_FALSE);
      HPDF_Font f = name == nullptr ? nullptr : HPDF_GetFont(doc_, name, "UTF-8");
      if (f == nullptr || error_.code != HPDF_OK) {
        fail(message, "cannot load the font " + fonts_.location(font).file);
        return false;
      }
      for (const font_program& earlier : programs_) {
        if (earlier.name == name) {
          message = "the font " + fonts_.location(font).file + " has the PostScript name '" + name +
                    "' of an earlier font of the style, and a PDF cannot hold both; " +
                    "keep one of them in the style";
          return false;
        }
      }
      fonts_by_index_[font] = f;
      programs_.push_back({name, std::move(recoded.ttf), std::move(recoded.cid_to_gid)});
    }
    return true;
  }

  // A drawn page's content stream compressed (as finish_pdf() would), so
  // that libharu holds a long report's pages in a fraction of the memory.
  bool deflate_contents(HPDF_Page p) {
    auto* attr = static_cast<HPDF_PageAttr>(p->attr);
    HPDF_Stream stream = attr->stream;
    std::string data;
    data.reserve(stream->size);
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(stream); ++i) {
      HPDF_UINT length = 0;
      const HPDF_BYTE* chunk = HPDF_MemStream_GetBufPtr(stream, i, &length);
      if (chunk == nullptr) return false;
      data.append(reinterpret_cast<const char*>(chunk), length);
    }
    if (data.size() != stream->size) return false;
    auto packed = deflate_stream(data);
    if (!packed) return false;
    HPDF_MemStream_FreeData(stream);
    if (!ok(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(packed->data()),
                              static_cast<HPDF_UINT>(packed->size())))) {
      return false;
    }
    deflated_.push_back(attr->contents->header.obj_id & 0x00FFFFFF);
    return true;
  }

  bool draw(HPDF_Page p, const text_run& t) {
    HPDF_Font font = fonts_by_index_.at(t.font);
    bool good = ok(HPDF_Page_SetRGBFill(p, r(t.color.r), r(t.color.g), r(t.color.b)));
    if (t.bold) {
      good = good && ok(HPDF_Page_SetRGBStroke(p, r(t.color.r), r(t.color.g), r(t.color.b))) &&
             ok(HPDF_Page_SetLineWidth(p, r(t.size * 0.035))) &&
             ok(HPDF_Page_SetTextRenderingMode(p, HPDF_FILL_THEN_STROKE));
    } else {
      good = good && ok(HPDF_Page_SetTextRenderingMode(p, HPDF_FILL));
    }
    good = good && ok(HPDF_Page_BeginText(p)) && ok(HPDF_Page_SetFontAndSize(p, font, r(t.size))) &&
           ok(HPDF_Page_SetCharSpace(p, r(t.char_space))) &&
           ok(HPDF_Page_MoveTextPos(p, r(t.x), y(t.y)));
    // libharu's ShowText writes no TJ arrays: the operators go straight into
    // the page's content stream, which libharu exposes.
    auto* attr = static_cast<HPDF_PageAttr>(p->attr);
    good = good && ok(HPDF_Stream_WriteStr(attr->stream, show_text(t, *codes_).c_str()));
    return good && ok(HPDF_Page_EndText(p));
  }

  bool draw(HPDF_Page p, const rule& l) {
    return ok(HPDF_Page_SetLineWidth(p, r(l.width))) &&
           ok(HPDF_Page_SetRGBStroke(p, r(l.color.r), r(l.color.g), r(l.color.b))) &&
           ok(HPDF_Page_MoveTo(p, r(l.x0), y(l.y0))) && ok(HPDF_Page_LineTo(p, r(l.x1), y(l.y1))) &&
           ok(HPDF_Page_Stroke(p));
  }

  // A link: an annotation whose entries are written from its record when
  // libharu saves (as libharu objects, with its action, border and strings,
  // one took some 2 KB, and a long report has tens of thousands).
  bool draw(HPDF_Page p, const link_area& a) {
    link_record link;
    link.rect = {r(a.x0), y(a.y1), r(a.x1), y(a.y0)};
    link.page = object_number(p);
    if (a.uri.size() > max_string_bytes) {
      return true;  // longer than readers take: the link is shown, not clickable
    } else if (!a.uri.empty()) {
      link.uri = a.uri;
    } else if (a.target_page >= 0 && static_cast<std::size_t>(a.target_page) < pages_.size()) {
      link.target = object_number(pages_[static_cast<std::size_t>(a.target_page)]);
      link.target_y = y(a.target_y);
    } else {
      return true;  // a target that did not land anywhere
    }
    link.contents = a.contents;
    HPDF_Dict annot = lean_object(&writer::write_link, &links_.emplace_back(std::move(link)));
    if (annot == nullptr) return false;
    annot->header.obj_class |= HPDF_OSUBCLASS_ANNOTATION;
    if (tags_) {
      links_.back().struct_parent = tags_->annotation(object_number(annot), page_index_, a);
    }
    // The page's /Annots, as HPDF_Page_CreateLinkAnnot makes it.
    HPDF_Array annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(p, "Annots", HPDF_OCLASS_ARRAY));
    if (annots == nullptr) {
      annots = HPDF_Array_New(doc_->mmgr);
      if (annots == nullptr || !ok(HPDF_Dict_Add(p, "Annots", annots))) return false;
    }
    return ok(HPDF_Array_Add(annots, annot));
  }

  static HPDF_STATUS write_link(HPDF_Dict dict, HPDF_Stream stream) {
    const auto& l = *static_cast<const link_record*>(dict->attr);
    std::string out = "/Type /Annot\n/Subtype /Link\n/Rect [";
    for (float v : l.rect) {
      out += ' ';
      append_real(out, v);
    }
    out += " ]\n/Border [ 0 0 0 ]\n/P ";
    append_reference(out, l.page);
    if (!l.uri.empty()) {
      out += "\n/A <<\n/Type /Action\n/S /URI\n/URI ";
      append_literal(out, l.uri);
      out += "\n>>";
    } else {
      out += "\n/Dest [ ";
      append_reference(out, l.target);
      out += " /FitH ";
      append_real(out, l.target_y);
      out += " ]";
    }
    if (!l.contents.empty()) {
      out += "\n/Contents ";
      append_text_string(out, l.contents);
    }
    if (l.struct_parent >= 0) out += "\n/StructParent " + std::to_string(l.struct_parent);
    out += '\n';
    return write_out(stream, out);
  }

  static HPDF_STATUS write_out(HPDF_Stream stream, const std::string& text) {
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                             static_cast<HPDF_UINT>(text.size()));
  }

  static unsigned object_number(const void* object) {
    return static_cast<const HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF;
  }

  // An indirect object of no entries of its own: `write` writes them from
  // `record` when libharu saves.
  HPDF_Dict lean_object(HPDF_Dict_OnWriteFunc write, void* record) {
    HPDF_Dict d = HPDF_Dict_New(doc_->mmgr);
    if (d == nullptr || !ok(HPDF_Xref_Add(doc_->xref, d))) return nullptr;
    d->write_fn = write;
    d->attr = record;
    return d;
  }

  // Dark modules as filled squares; each horizontal run is one rectangle so
  // that no hairline seams show between neighbours.
  bool draw(HPDF_Page p, const qr_code& q) {
    if (q.modules <= 0) return true;
    const double m = q.size / q.modules;
    bool good = ok(HPDF_Page_SetRGBFill(p, r(q.color.r), r(q.color.g), r(q.color.b)));
    for (int row = 0; row < q.modules && good; ++row) {
      for (int col = 0; col < q.modules;) {
        if (!q.dark[static_cast<std::size_t>(row * q.modules + col)]) {
          ++col;
          continue;
        }
        int start = col;
        while (col < q.modules && q.dark[static_cast<std::size_t>(row * q.modules + col)]) ++col;
        good = good && ok(HPDF_Page_Rectangle(p, r(q.x + start * m), y(q.y + (row + 1) * m),
                                              r((col - start) * m), r(m)));
      }
    }
    if (tags_) tags_->add_box(q.x, y(q.y + q.size), q.x + q.size, y(q.y));
    return good && ok(HPDF_Page_Fill(p));
  }

  // Marks are the structure writer's; an untagged layout (no structure) has none to write.
  bool draw(HPDF_Page p, const mark_begin& m) {
    return !tags_ || (tags_->begin(p, page_index_, m) && ok(HPDF_OK));
  }
  bool draw(HPDF_Page p, const mark_end&) { return !tags_ || (tags_->end(p) && ok(HPDF_OK)); }

  // The bookmarks: sections, each with its slides, all open. Lean objects
  // as the links are, written from `bookmarks_`.
  bool add_outline() {
    if (layout_.outline.empty()) return true;
    bookmark& root = bookmarks_.emplace_back();
    HPDF_Dict root_object = lean_object(&writer::write_bookmark, &root);
    if (root_object == nullptr || !ok(HPDF_Dict_Add(doc_->catalog, "Outlines", root_object))) {
      return false;
    }
    root.number = object_number(root_object);
    bookmark* section = nullptr;
    for (const outline_entry& e : layout_.outline) {
      bookmark* parent = e.level > 0 && section != nullptr ? section : &root;
      bookmark& b = bookmarks_.emplace_back();
      HPDF_Dict object = lean_object(&writer::write_bookmark, &b);
      if (object == nullptr) return false;
      b.number = object_number(object);
      b.title = &e.title;
      b.page = object_number(pages_.at(static_cast<std::size_t>(e.page)));
      b.y = y(e.y);
      b.parent = parent;
      if (parent->last != nullptr) {
        b.prev = parent->last;
        parent->last->next = &b;
      } else {
        parent->first = &b;
      }
      parent->last = &b;
      for (bookmark* up = parent; up != nullptr; up = up->parent) ++up->count;
      if (e.level == 0) section = &b;
    }
    return true;
  }

  static HPDF_STATUS write_bookmark(HPDF_Dict dict, HPDF_Stream stream) {
    const auto& b = *static_cast<const bookmark*>(dict->attr);
    std::string out;
    auto entry = [&](const char* key, const bookmark* other) {
      if (other == nullptr) return;
      out += key;
      append_reference(out, other->number);
      out += '\n';
    };
    if (b.title == nullptr) {
      out += "/Type /Outlines\n";
    } else {
      out += "/Title ";
      append_text_string(out, *b.title);
      out += '\n';
    }
    entry("/Parent ", b.parent);
    entry("/Prev ", b.prev);
    entry("/Next ", b.next);
    entry("/First ", b.first);
    entry("/Last ", b.last);
    if (b.count > 0) out += "/Count " + std::to_string(b.count) + "\n";
    if (b.title != nullptr) {
      out += "/Dest [ ";
      append_reference(out, b.page);
      out += " /FitH ";
      append_real(out, b.y);
      out += " ]\n";
    }
    return write_out(stream, out);
  }

  bool add_labels() {
    for (const page_label& l : layout_.labels) {
      if (!ok(HPDF_AddPageLabel(
              doc_, static_cast<HPDF_UINT>(l.first_page),
              l.roman ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL,
              static_cast<HPDF_UINT>(l.start), nullptr))) {
        return false;
      }
    }
    return true;
  }

  bool add_info() {
    const document_info& i = layout_.info;
    auto set = [&](HPDF_InfoType type, const std::string& value) {
      return value.empty() || ok(HPDF_SetInfoAttr(doc_, type, fit_string(value).c_str()));
    };
    if (!set(HPDF_INFO_TITLE, i.title) || !set(HPDF_INFO_AUTHOR, i.author) ||
        !set(HPDF_INFO_SUBJECT, i.subject) || !set(HPDF_INFO_CREATOR, i.creator) ||
        !set(HPDF_INFO_KEYWORDS, i.keywords)) {
      return false;
    }
    int year = 0, month = 0, day = 0;
    if (std::sscanf(i.date.c_str(), "%4d-%2d-%2d", &year, &month, &day) == 3) {
      HPDF_Date d = {year, month, day, 0, 0, 0, 'Z', 0, 0};
      if (!ok(HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, d)) ||
          !ok(HPDF_SetInfoDateAttr(doc_, HPDF_INFO_MOD_DATE, d))) {
        return false;
      }
    }
    return true;
  }

  // A long document is written by libharu to a scratch file in the temp
  // directory (its memory stream would hold a second copy of the whole PDF
  // beside the pages), libharu is freed, and the bytes are read back; a
  // short one (most decks) is read from the memory stream, which is faster.
  std::optional<std::string> save(std::string& message) {
    if (layout_.pages.size() < limits::min_pdf_pages_saved_through_a_file) {
      return save_in_memory(message);
    }
    scratch_file file;
    std::string error;
    if (!file.create("", error, false)) {
      message = "cannot write the PDF to a temp file: " + error;
      return std::nullopt;
    }
    if (!ok(HPDF_SaveToFile(doc_, file.path().c_str())))
      return fail(message, "cannot write the PDF");
    HPDF_Free(doc_);
    doc_ = nullptr;
    // libharu's million small blocks are free now: give their pages back
    // before the file's bytes need one large block.
    malloc_trim(0);
    diagnostics read_diags;
    auto bytes = read_file(file.path(), std::numeric_limits<std::size_t>::max(), read_diags);
    if (!bytes) {
      message = "cannot read the PDF back from " + file.path();
      return std::nullopt;
    }
    return bytes;
  }

  std::optional<std::string> save_in_memory(std::string& message) {
    if (!ok(HPDF_SaveToStream(doc_))) return fail(message, "cannot write the PDF");
    std::string out;
    out.resize(HPDF_GetStreamSize(doc_));
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    if (!ok(HPDF_ResetStream(doc_)) ||
        !ok(HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data()), &size))) {
      // Reading the whole stream ends with HPDF_STREAM_EOF, which is no error.
      if (error_.code != HPDF_OK || size != out.size()) return fail(message, "cannot read the PDF");
    }
    out.resize(size);
    return out;
  }

  page_layout& layout_;
  const font_set& fonts_;
  const page_source& source_;  // the pages, when not layout_'s
  hpdf_error error_;
  HPDF_Doc doc_ = nullptr;
  std::vector<HPDF_Page> pages_;
  std::size_t page_index_ = 0;            // of the page being drawn
  std::optional<structure_writer> tags_;  // when the layout has a structure tree
  std::optional<text_codes> codes_;       // set by load_fonts()
  std::map<int, HPDF_Font> fonts_by_index_;
  std::vector<font_program> programs_;
  std::vector<unsigned> deflated_;  // the page contents' objects, compressed
  // What the lean objects write (a deque: their objects point at them).
  struct link_record {
    std::array<float, 4> rect{};
    unsigned page = 0;    // the object numbers of its page
    unsigned target = 0;  // and of the target page of an internal link
    float target_y = 0;
    int struct_parent = -1;
    std::string uri, contents;
  };
  std::deque<link_record> links_;
  struct bookmark {
    unsigned number = 0;
    const std::string* title = nullptr;  // null for the outline's root
    unsigned page = 0;                   // the object number of its page
    float y = 0;
    bookmark *parent = nullptr, *prev = nullptr, *next = nullptr, *first = nullptr, *last = nullptr;
    int count = 0;  // its descendants, all open
  };
  std::deque<bookmark> bookmarks_;
};

}  // namespace

bool emit_pdf(page_layout& layout, const font_set& fonts, const std::string& output_path,
              diagnostics& diags, const byte_sink& out, const page_source& pages) {
  writer w(layout, fonts, pages);
  std::string message;
  auto bytes = w.run(message);
  if (!bytes) {
    diags.error(output_path, 0, 0, message);
    return false;
  }
  bool written = true;  // false: `out` failed, and reported why
  const byte_sink counted = [&](std::string_view piece) { return written = out(piece); };
  if (!finish_pdf(*bytes, w.additions(), counted)) {
    if (written) {
      diags.error(output_path, 0, 0,
                  "cannot embed the fonts: libharu wrote the file in an unexpected layout");
    }
    return false;
  }
  return true;
}

std::optional<std::string> emit_pdf(page_layout& layout, const font_set& fonts,
                                    const std::string& output_path, diagnostics& diags,
                                    const page_source& pages) {
  std::string bytes;
  const byte_sink into_bytes = [&](std::string_view piece) {
    bytes.append(piece);
    return true;
  };
  if (!emit_pdf(layout, fonts, output_path, diags, into_bytes, pages)) return std::nullopt;
  return bytes;
}

}  // namespace handout::pdf
