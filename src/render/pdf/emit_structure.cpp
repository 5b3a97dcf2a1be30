#include "render/pdf/emit_structure.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "utf8.hpp"
#include "xml_text.hpp"

namespace handout::pdf {

namespace {

// Most characters of a string libharu writes as UTF-16 (up to 4 bytes a
// character) within HPDF_LIMIT_MAX_STRING_LEN.
constexpr std::size_t max_string_characters = 16'000;

// Most kids of one element, and most keys of one parent-tree node, well
// inside libharu's arrays (HPDF_LIMIT_MAX_ARRAY, 32,767 items).
constexpr std::size_t max_kids = 8'000;
constexpr std::size_t max_keys_per_leaf = 4'000;

// The standard structure type's name (ISO 32000-1, 14.8.4), which is also
// the tag of its marked content.
std::string type_name(structure_type type, int level, bool group) {
  if (group) return "NonStruct";
  switch (type) {
    case structure_type::document:
      return "Document";
    case structure_type::heading:
      return "H" + std::to_string(std::clamp(level, 1, 6));
    case structure_type::paragraph:
      return "P";
    case structure_type::span:
      return "Span";
    case structure_type::list:
      return "L";
    case structure_type::list_item:
      return "LI";
    case structure_type::label:
      return "Lbl";
    case structure_type::list_body:
      return "LBody";
    case structure_type::link:
      return "Link";
    case structure_type::figure:
      return "Figure";
    case structure_type::toc:
      return "TOC";
    case structure_type::toc_item:
      return "TOCI";
    case structure_type::reference:
      return "Reference";
  }
  return "NonStruct";
}

// The properties of an artifact's BDC.
const char* artifact_properties(artifact_kind kind) {
  switch (kind) {
    case artifact_kind::header:
      return "<</Type /Pagination /Subtype /Header>>";
    case artifact_kind::footer:
      return "<</Type /Pagination /Subtype /Footer>>";
    case artifact_kind::layout:
      break;
  }
  return "<</Type /Layout>>";
}

// `s` fit for XML text: without what XML 1.0 cannot carry, & < > escaped.
std::string xml_escaped(std::string_view s) { return escape_markup(xml_text(s).text); }

// The XMP packet of the document information (what the Info dictionary says,
// and the language).
std::string xmp_packet(const document_info& info) {
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
      "<dc:format>application/pdf</dc:format>\n";
  auto alt = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    x += std::string("<") + name + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         xml_escaped(fit_string(value)) + "</rdf:li></rdf:Alt></" + name + ">\n";
  };
  alt("dc:title", info.title);
  if (!info.author.empty()) {
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(fit_string(info.author)) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  }
  alt("dc:description", info.subject);
  if (!info.lang.empty()) {
    x += "<dc:language><rdf:Bag><rdf:li>" + xml_escaped(info.lang) +
         "</rdf:li></rdf:Bag></dc:language>\n";
  }
  if (!info.creator.empty()) {
    x += "<xmp:CreatorTool>" + xml_escaped(fit_string(info.creator)) + "</xmp:CreatorTool>\n";
  }
  int year = 0, month = 0, day = 0;
  if (std::sscanf(info.date.c_str(), "%4d-%2d-%2d", &year, &month, &day) == 3) {
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02dT00:00:00Z", year, month, day);
    x += std::string("<xmp:CreateDate>") + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
         "</xmp:ModifyDate>\n";
  }
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

// A text string: printable ASCII as it is (PDFDocEncoding agrees), else
// UTF-16 through libharu's UTF-8 encoder (twice the bytes, and hex).
HPDF_String text_string(HPDF_MMgr mmgr, const std::string& text, HPDF_Encoder utf8) {
  const std::string fitted = fit_string(text);
  bool ascii = true;
  for (unsigned char c : fitted) ascii = ascii && c >= 0x20 && c < 0x7F;
  return HPDF_String_New(mmgr, fitted.c_str(), ascii ? nullptr : utf8);
}

HPDF_Stream content_stream(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  return attr->gmode == HPDF_GMODE_PAGE_DESCRIPTION ? attr->stream : nullptr;
}

}  // namespace

std::string fit_string(const std::string& text) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < max_string_characters) {
    utf8::decode(text, i);
    ++count;
  }
  return i < text.size() ? text.substr(0, i) + "\u2026" : text;
}

structure_writer::structure_writer(HPDF_Doc doc, const std::vector<structure_element>& elements,
                                   std::size_t page_count)
    : doc_(doc), next_mcid_(page_count, 0) {
  utf8_ = HPDF_GetEncoder(doc_, "UTF-8");
  for (const structure_element& e : elements) {
    node n;
    n.type = e.type;
    n.level = e.level;
    n.parent = e.parent;
    n.source = &e;
    nodes_.push_back(std::move(n));
  }
}

// An element takes its place among its parent's kids when its first content
// (its own or a descendant's) is drawn.
void structure_writer::attach(int element) {
  while (element >= 0 && !nodes_[static_cast<std::size_t>(element)].attached) {
    node& n = nodes_[static_cast<std::size_t>(element)];
    n.attached = true;
    if (n.parent >= 0) {
      nodes_[static_cast<std::size_t>(n.parent)].kids.push_back({kid::kind::element, element});
    }
    element = n.parent;
  }
}

// `d` made an indirect object of the tree.
bool structure_writer::add_object(HPDF_Dict d) {
  if (d == nullptr || HPDF_Xref_Add(doc_->xref, d) != HPDF_OK) return false;
  objects_.push_back(d->header.obj_id & 0x00FFFFFF);
  return true;
}

bool structure_writer::begin(HPDF_Page page, std::size_t page_index, const mark_begin& mark) {
  HPDF_Stream stream = content_stream(page);
  if (open_ != -2 || stream == nullptr || page_index >= next_mcid_.size()) return false;
  std::string op;
  if (mark.element < 0) {
    op = std::string("/Artifact ") + artifact_properties(mark.artifact) + " BDC\n";
  } else if (static_cast<std::size_t>(mark.element) < nodes_.size()) {
    node& n = nodes_[static_cast<std::size_t>(mark.element)];
    const int mcid = next_mcid_[page_index]++;
    attach(mark.element);
    n.kids.push_back({kid::kind::content, mcid, page_index});
    op = "/" + type_name(n.type, n.level, false) + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
  } else {
    return false;
  }
  open_ = mark.element;
  return HPDF_Stream_WriteStr(stream, op.c_str()) == HPDF_OK;
}

bool structure_writer::end(HPDF_Page page) {
  HPDF_Stream stream = content_stream(page);
  if (open_ == -2 || stream == nullptr) return false;
  open_ = -2;
  return HPDF_Stream_WriteStr(stream, "EMC\n") == HPDF_OK;
}

void structure_writer::add_box(double x0, double y0, double x1, double y1) {
  if (open_ < 0) return;
  node& n = nodes_[static_cast<std::size_t>(open_)];
  if (!n.has_box) {
    n.box[0] = x0, n.box[1] = y0, n.box[2] = x1, n.box[3] = y1;
  } else {
    n.box[0] = std::min(n.box[0], x0), n.box[1] = std::min(n.box[1], y0);
    n.box[2] = std::max(n.box[2], x1), n.box[3] = std::max(n.box[3], y1);
  }
  n.has_box = true;
}

bool structure_writer::annotation(HPDF_Annotation annot, std::size_t page_index,
                                  const link_area& area) {
  HPDF_MMgr mmgr = doc_->mmgr;
  if (!area.contents.empty() &&
      HPDF_Dict_Add(annot, "Contents", text_string(mmgr, area.contents, utf8_)) != HPDF_OK) {
    return false;
  }
  if (area.element < 0 || static_cast<std::size_t>(area.element) >= nodes_.size()) return true;
  const int index = static_cast<int>(annotations_.size());
  annotations_.push_back(annot);
  attach(area.element);
  nodes_[static_cast<std::size_t>(area.element)].kids.push_back(
      {kid::kind::annotation, index, page_index});
  // The parent-tree key: after the pages' keys.
  return HPDF_Dict_AddNumber(annot, "StructParent",
                             static_cast<HPDF_INT32>(next_mcid_.size()) + index) == HPDF_OK;
}

// An element with more kids than libharu's arrays hold gets them in
// NonStruct groups (grouping elements without meaning).
void structure_writer::group_large_kid_lists() {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    while (nodes_[i].kids.size() > max_kids) {
      std::vector<kid> all = std::move(nodes_[i].kids);
      nodes_[i].kids.clear();
      for (std::size_t from = 0; from < all.size(); from += max_kids) {
        node g;
        g.group = true;
        g.attached = true;
        g.parent = static_cast<int>(i);
        g.kids.assign(
            all.begin() + static_cast<std::ptrdiff_t>(from),
            all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), from + max_kids)));
        const int index = static_cast<int>(nodes_.size());
        for (const kid& k : g.kids) {
          if (k.what == kid::kind::element)
            nodes_[static_cast<std::size_t>(k.index)].parent = index;
        }
        nodes_.push_back(std::move(g));
        nodes_[i].kids.push_back({kid::kind::element, index});
      }
    }
  }
}

std::size_t structure_writer::first_page(const node& n) const {
  for (const kid& k : n.kids) {
    if (k.what != kid::kind::element) return k.page;
  }
  return pages_.size();
}

namespace {

// An indirect reference as libharu writes it (HPDF_Obj_Write of a proxy).
void append_reference(std::string& out, const void* object) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(object);
  out += std::to_string(header->obj_id & 0x00FFFFFF);
  out += ' ';
  out += std::to_string(header->gen_no);
  out += " R";
}

}  // namespace

// The bytes of write_tree's libharu objects for the same entries: each
// "/Key value\n", an array "[ a b ]", an inline dictionary "<<\n…>>".
HPDF_STATUS structure_writer::write_entries(HPDF_Dict dict, HPDF_Stream stream) {
  const node& n = *static_cast<const node*>(dict->attr);
  const structure_writer& w = *n.owner;
  std::string out = "/S /" + type_name(n.type, n.level, n.group) + "\n/P ";
  append_reference(
      out, n.parent >= 0 ? w.nodes_[static_cast<std::size_t>(n.parent)].dict : w.tree_root_);
  out += '\n';
  const std::size_t pg = w.first_page(n);
  if (pg < w.pages_.size()) {
    out += "/Pg ";
    append_reference(out, w.pages_[pg]);
    out += '\n';
  }
  auto write_kid = [&](const kid& k) {
    if (k.what == kid::kind::element) {
      append_reference(out, w.nodes_[static_cast<std::size_t>(k.index)].dict);
    } else if (k.what == kid::kind::content && k.page == pg) {
      out += std::to_string(k.index);
    } else if (k.what == kid::kind::content) {
      out += "<<\n/Type /MCR\n/Pg ";
      append_reference(out, w.pages_.at(k.page));
      out += "\n/MCID " + std::to_string(k.index) + "\n>>";
    } else {
      out += "<<\n/Type /OBJR\n";
      if (k.page != pg) {
        out += "/Pg ";
        append_reference(out, w.pages_.at(k.page));
        out += '\n';
      }
      out += "/Obj ";
      append_reference(out, w.annotations_.at(static_cast<std::size_t>(k.index)));
      out += "\n>>";
    }
  };
  if (n.kids.size() == 1) {
    out += "/K ";
    write_kid(n.kids.front());
    out += '\n';
  } else if (!n.kids.empty()) {
    out += "/K [ ";
    for (const kid& k : n.kids) {
      write_kid(k);
      out += ' ';
    }
    out += "]\n";
  }
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(out.data()),
                           static_cast<HPDF_UINT>(out.size()));
}

bool structure_writer::write_tree(const std::vector<HPDF_Page>& pages) {
  HPDF_MMgr mmgr = doc_->mmgr;
  // Objects numbered in tree order (depth first), then filled in.
  std::vector<int> order, stack{0};
  while (!stack.empty()) {
    const int e = stack.back();
    stack.pop_back();
    order.push_back(e);
    const auto& kids = nodes_[static_cast<std::size_t>(e)].kids;
    for (auto k = kids.rbegin(); k != kids.rend(); ++k) {
      if (k->what == kid::kind::element) stack.push_back(k->index);
    }
  }
  for (int e : order) {
    HPDF_Dict d = HPDF_Dict_New(mmgr);
    if (!add_object(d)) return false;
    nodes_[static_cast<std::size_t>(e)].dict = d;
  }
  for (int e : order) {
    node& n = nodes_[static_cast<std::size_t>(e)];
    HPDF_Dict d = n.dict;
    // Most elements have only /S /P /Pg /K: libharu writes those from the
    // node when it saves, instead of holding an object for every entry
    // (about 1 KB an element: each dictionary entry keeps a 128-byte key).
    if (n.source == nullptr || (n.source->alt.empty() && n.source->lang.empty() && !n.has_box)) {
      n.owner = this;
      d->attr = &n;
      d->write_fn = &structure_writer::write_entries;
      continue;
    }
    bool good = HPDF_Dict_AddName(d, "S", type_name(n.type, n.level, n.group).c_str()) == HPDF_OK;
    good = good && HPDF_Dict_Add(d, "P",
                                 n.parent >= 0 ? nodes_[static_cast<std::size_t>(n.parent)].dict
                                               : tree_root_) == HPDF_OK;
    // /Pg: the page of the first content; content there is a bare MCID.
    const std::size_t pg = first_page(n);
    if (pg < pages.size()) good = good && HPDF_Dict_Add(d, "Pg", pages[pg]) == HPDF_OK;
    auto kid_object = [&](const kid& k) -> void* {
      if (k.what == kid::kind::element) return nodes_[static_cast<std::size_t>(k.index)].dict;
      if (k.what == kid::kind::content && k.page == pg) return HPDF_Number_New(mmgr, k.index);
      HPDF_Dict ref = HPDF_Dict_New(mmgr);
      if (ref == nullptr) return nullptr;
      if (k.what == kid::kind::content) {
        HPDF_Dict_AddName(ref, "Type", "MCR");
        HPDF_Dict_Add(ref, "Pg", pages.at(k.page));
        HPDF_Dict_AddNumber(ref, "MCID", k.index);
      } else {
        HPDF_Dict_AddName(ref, "Type", "OBJR");
        if (k.page != pg) HPDF_Dict_Add(ref, "Pg", pages.at(k.page));
        HPDF_Dict_Add(ref, "Obj", annotations_.at(static_cast<std::size_t>(k.index)));
      }
      return ref;
    };
    if (n.kids.size() == 1) {
      good = good && HPDF_Dict_Add(d, "K", kid_object(n.kids.front())) == HPDF_OK;
    } else if (!n.kids.empty()) {
      HPDF_Array kids = HPDF_Array_New(mmgr);
      good = good && HPDF_Dict_Add(d, "K", kids) == HPDF_OK;
      for (std::size_t i = 0; i < n.kids.size() && good; ++i) {
        good = HPDF_Array_Add(kids, kid_object(n.kids[i])) == HPDF_OK;
      }
    }
    if (n.source != nullptr && !n.source->alt.empty()) {
      good = good && HPDF_Dict_Add(d, "Alt", text_string(mmgr, n.source->alt, utf8_)) == HPDF_OK;
    }
    if (n.source != nullptr && !n.source->lang.empty()) {
      good = good &&
             HPDF_Dict_Add(d, "Lang", HPDF_String_New(mmgr, n.source->lang.c_str(), nullptr)) ==
                 HPDF_OK;
    }
    if (n.has_box) {
      HPDF_Dict layout = HPDF_Dict_New(mmgr);
      HPDF_Array box = HPDF_Array_New(mmgr);
      good = good && HPDF_Dict_Add(d, "A", layout) == HPDF_OK &&
             HPDF_Dict_AddName(layout, "O", "Layout") == HPDF_OK &&
             HPDF_Dict_Add(layout, "BBox", box) == HPDF_OK;
      for (double v : n.box)
        good = good && HPDF_Array_AddReal(box, static_cast<HPDF_REAL>(v)) == HPDF_OK;
    }
    if (!good) return false;
  }
  return true;
}

// The parent tree: for page i (key i) the element of each MCID; for
// annotation k (key pages + k) its Link. One node, or leaves under it
// when it is long.
bool structure_writer::write_parent_tree(const std::vector<HPDF_Page>& pages) {
  HPDF_MMgr mmgr = doc_->mmgr;
  std::vector<std::vector<HPDF_Dict>> by_mcid(pages.size());
  std::vector<HPDF_Dict> by_annotation(annotations_.size(), nullptr);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    by_mcid[p].assign(static_cast<std::size_t>(next_mcid_[p]), nullptr);
  }
  for (const node& n : nodes_) {
    if (n.dict == nullptr) continue;
    for (const kid& k : n.kids) {
      if (k.what == kid::kind::content) by_mcid[k.page][static_cast<std::size_t>(k.index)] = n.dict;
      if (k.what == kid::kind::annotation)
        by_annotation[static_cast<std::size_t>(k.index)] = n.dict;
    }
  }
  const std::size_t keys = pages.size() + annotations_.size();
  HPDF_Dict tree = HPDF_Dict_New(mmgr);
  if (!add_object(tree) || HPDF_Dict_Add(tree_root_, "ParentTree", tree) != HPDF_OK ||
      HPDF_Dict_AddNumber(tree_root_, "ParentTreeNextKey", static_cast<HPDF_INT32>(keys)) !=
          HPDF_OK) {
    return false;
  }
  HPDF_Array leaves = nullptr;
  if (keys > max_keys_per_leaf) {
    leaves = HPDF_Array_New(mmgr);
    if (HPDF_Dict_Add(tree, "Kids", leaves) != HPDF_OK) return false;
  }
  for (std::size_t first = 0; first < keys; first += max_keys_per_leaf) {
    const std::size_t last = std::min(keys, first + max_keys_per_leaf) - 1;
    HPDF_Dict leaf = tree;
    if (leaves != nullptr) {
      leaf = HPDF_Dict_New(mmgr);
      HPDF_Array limits = HPDF_Array_New(mmgr);
      if (!add_object(leaf) || HPDF_Array_Add(leaves, leaf) != HPDF_OK ||
          HPDF_Dict_Add(leaf, "Limits", limits) != HPDF_OK ||
          HPDF_Array_AddNumber(limits, static_cast<HPDF_INT32>(first)) != HPDF_OK ||
          HPDF_Array_AddNumber(limits, static_cast<HPDF_INT32>(last)) != HPDF_OK) {
        return false;
      }
    }
    HPDF_Array nums = HPDF_Array_New(mmgr);
    if (HPDF_Dict_Add(leaf, "Nums", nums) != HPDF_OK) return false;
    for (std::size_t key = first; key <= last; ++key) {
      bool good = HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(key)) == HPDF_OK;
      if (key < pages.size()) {
        HPDF_Array elements = HPDF_Array_New(mmgr);
        good = good && HPDF_Array_Add(nums, elements) == HPDF_OK;
        for (HPDF_Dict e : by_mcid[key]) {
          good = good && (e != nullptr ? HPDF_Array_Add(elements, e)
                                       : HPDF_Array_Add(elements, HPDF_Null_New(mmgr))) == HPDF_OK;
        }
      } else {
        HPDF_Dict e = by_annotation[key - pages.size()];
        good = good && HPDF_Array_Add(nums, e != nullptr ? static_cast<void*>(e)
                                                         : HPDF_Null_New(mmgr)) == HPDF_OK;
      }
      if (!good) return false;
    }
  }
  return true;
}

bool structure_writer::write_catalog(const std::vector<HPDF_Page>& pages,
                                     const document_info& info) {
  HPDF_MMgr mmgr = doc_->mmgr;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (HPDF_Dict_AddNumber(pages[i], "StructParents", static_cast<HPDF_INT32>(i)) != HPDF_OK ||
        HPDF_Dict_AddName(pages[i], "Tabs", "S") != HPDF_OK) {
      return false;
    }
  }
  HPDF_Dict catalog = doc_->catalog;
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  HPDF_Dict viewer = HPDF_Dict_New(mmgr);
  if (HPDF_Dict_Add(catalog, "StructTreeRoot", tree_root_) != HPDF_OK ||
      HPDF_Dict_Add(catalog, "MarkInfo", mark_info) != HPDF_OK ||
      HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE) != HPDF_OK ||
      HPDF_Dict_Add(catalog, "ViewerPreferences", viewer) != HPDF_OK ||
      HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE) != HPDF_OK) {
    return false;
  }
  if (!info.lang.empty() &&
      HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(mmgr, info.lang.c_str(), nullptr)) !=
          HPDF_OK) {
    return false;
  }
  // XMP, left uncompressed (finish_pdf skips /Type /Metadata) for tools that
  // look for the packet in the bytes.
  const std::string xmp = xmp_packet(info);
  HPDF_Dict metadata = HPDF_DictStream_New(mmgr, doc_->xref);
  return metadata != nullptr && HPDF_Dict_AddName(metadata, "Type", "Metadata") == HPDF_OK &&
         HPDF_Dict_AddName(metadata, "Subtype", "XML") == HPDF_OK &&
         HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                           static_cast<HPDF_UINT>(xmp.size())) == HPDF_OK &&
         HPDF_Dict_Add(catalog, "Metadata", metadata) == HPDF_OK;
}

bool structure_writer::finish(const std::vector<HPDF_Page>& pages, const document_info& info) {
  if (open_ != -2 || nodes_.empty() || pages.size() != next_mcid_.size()) return false;
  nodes_.front().attached = true;  // the document element, even when nothing is drawn
  pages_ = pages;
  group_large_kid_lists();
  tree_root_ = HPDF_Dict_New(doc_->mmgr);
  if (!add_object(tree_root_) ||
      HPDF_Dict_AddName(tree_root_, "Type", "StructTreeRoot") != HPDF_OK) {
    return false;
  }
  if (!write_tree(pages) || HPDF_Dict_Add(tree_root_, "K", nodes_.front().dict) != HPDF_OK ||
      !write_parent_tree(pages) || !write_catalog(pages, info)) {
    return false;
  }
  doc_->pdf_version = HPDF_VER_17;  // tagged PDF with /Tabs: 1.5 at least; PDF/UA-1 is on 1.7
  return true;
}

}  // namespace handout::pdf
