#include "render/pdf/emit_structure.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "render/pdf/pdf_syntax.hpp"
#include "xml_text.hpp"

namespace handout::pdf {

namespace {

// Most kids of one element, and most keys of one parent-tree node, inside
// the 8,191 array elements of PDF 1.4's implementation limits (ISO
// 32000-1, Annex C), which some readers still keep.
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

HPDF_Stream content_stream(HPDF_Page page) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  return attr->gmode == HPDF_GMODE_PAGE_DESCRIPTION ? attr->stream : nullptr;
}

}  // namespace

structure_writer::structure_writer(HPDF_Doc doc, std::vector<structure_element> elements,
                                   std::size_t page_count)
    : doc_(doc), next_mcid_(page_count, 0) {
  for (structure_element& e : elements) {
    node n;
    n.type = e.type;
    n.level = static_cast<std::uint8_t>(std::clamp(e.level, 0, 255));
    n.parent = e.parent;
    if (!e.alt.empty() || !e.lang.empty()) {
      n.extra = static_cast<int>(extras_.size());
      extras_.push_back({std::move(e.alt), std::move(e.lang)});
    }
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
  if (n.extra < 0) {
    n.extra = static_cast<int>(extras_.size());
    extras_.emplace_back();
  }
  element_extra& x = extras_[static_cast<std::size_t>(n.extra)];
  if (!x.has_box) {
    x.box = {x0, y0, x1, y1};
  } else {
    x.box = {std::min(x.box[0], x0), std::min(x.box[1], y0), std::max(x.box[2], x1),
             std::max(x.box[3], y1)};
  }
  x.has_box = true;
}

int structure_writer::annotation(unsigned number, std::size_t page_index, const link_area& area) {
  if (area.element < 0 || static_cast<std::size_t>(area.element) >= nodes_.size()) return -1;
  const int index = static_cast<int>(annotations_.size());
  annotations_.push_back(number);
  attach(area.element);
  nodes_[static_cast<std::size_t>(area.element)].kids.push_back(
      {kid::kind::annotation, index, page_index});
  return static_cast<int>(next_mcid_.size()) + index;  // after the pages' keys
}

// An element with more kids than a reader's arrays need hold gets them in
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

// The objects numbered in tree order (depth first) after the root, and the
// parent tree's entries gathered.
void structure_writer::number_objects() {
  std::vector<int> stack{0};
  while (!stack.empty()) {
    const int e = stack.back();
    stack.pop_back();
    nodes_[static_cast<std::size_t>(e)].object = static_cast<int>(order_.size()) + 1;
    order_.push_back(e);
    const auto& kids = nodes_[static_cast<std::size_t>(e)].kids;
    for (auto k = kids.rbegin(); k != kids.rend(); ++k) {
      if (k->what == kid::kind::element) stack.push_back(k->index);
    }
  }
  mcid_start_.assign(next_mcid_.size() + 1, 0);
  for (std::size_t p = 0; p < next_mcid_.size(); ++p) {
    mcid_start_[p + 1] = mcid_start_[p] + static_cast<std::size_t>(next_mcid_[p]);
  }
  mcid_element_.assign(mcid_start_.back(), -1);
  annotation_element_.assign(annotations_.size(), -1);
  for (int e : order_) {
    for (const kid& k : nodes_[static_cast<std::size_t>(e)].kids) {
      if (k.what == kid::kind::content) {
        mcid_element_[mcid_start_[k.page] + static_cast<std::size_t>(k.index)] = e;
      } else if (k.what == kid::kind::annotation) {
        annotation_element_[static_cast<std::size_t>(k.index)] = e;
      }
    }
  }
  const std::size_t keys = pages_.size() + annotations_.size();
  leaves_ = keys > max_keys_per_leaf ? (keys + max_keys_per_leaf - 1) / max_keys_per_leaf : 0;
}

std::size_t structure_writer::first_page(const node& n) const {
  for (const kid& k : n.kids) {
    if (k.what != kid::kind::element) return k.page;
  }
  return pages_.size();
}

std::size_t structure_writer::object_count() const {
  return order_.empty() ? 0 : 2 + order_.size() + leaves_;
}

// An element: /S /P /Pg /K, and /Alt, /Lang and a figure's layout box.
void structure_writer::element_object(const node& n, std::size_t first, std::string& out) const {
  auto number_of = [&](int element) {
    return first + static_cast<std::size_t>(nodes_[static_cast<std::size_t>(element)].object);
  };
  out += "<<\n/S /" + type_name(n.type, n.level, n.group) + "\n/P ";
  append_reference(out, n.parent >= 0 ? number_of(n.parent) : first);
  out += '\n';
  // /Pg: the page of the first content; content there is a bare MCID.
  const std::size_t pg = first_page(n);
  if (pg < pages_.size()) {
    out += "/Pg ";
    append_reference(out, pages_[pg]);
    out += '\n';
  }
  auto write_kid = [&](const kid& k) {
    if (k.what == kid::kind::element) {
      append_reference(out, number_of(k.index));
    } else if (k.what == kid::kind::content && k.page == pg) {
      out += std::to_string(k.index);
    } else if (k.what == kid::kind::content) {
      out += "<<\n/Type /MCR\n/Pg ";
      append_reference(out, pages_.at(k.page));
      out += "\n/MCID " + std::to_string(k.index) + "\n>>";
    } else {
      out += "<<\n/Type /OBJR\n";
      if (k.page != pg) {
        out += "/Pg ";
        append_reference(out, pages_.at(k.page));
        out += '\n';
      }
      out += "/Obj ";
      append_reference(out, annotations_.at(static_cast<std::size_t>(k.index)));
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
  const element_extra* x = n.extra >= 0 ? &extras_[static_cast<std::size_t>(n.extra)] : nullptr;
  if (x != nullptr && !x->alt.empty()) {
    out += "/Alt ";
    append_text_string(out, x->alt);
    out += '\n';
  }
  if (x != nullptr && !x->lang.empty()) {
    out += "/Lang ";
    append_text_string(out, x->lang);
    out += '\n';
  }
  if (x != nullptr && x->has_box) {
    out += "/A <<\n/O /Layout\n/BBox [";
    for (double v : x->box) {
      out += ' ';
      append_real(out, v);
    }
    out += " ]\n>>\n";
  }
  out += ">>";
}

// The parent tree's keys [from, to): for page i (key i) the element of
// each MCID; for annotation k (key pages + k) its Link.
void structure_writer::parent_tree_keys(std::size_t first, std::size_t from, std::size_t to,
                                        std::string& out) const {
  auto element = [&](int e) {
    if (e < 0) {
      out += "null";
    } else {
      append_reference(
          out, first + static_cast<std::size_t>(nodes_[static_cast<std::size_t>(e)].object));
    }
  };
  out += "/Nums [ ";
  for (std::size_t key = from; key < to; ++key) {
    out += std::to_string(key);
    out += ' ';
    if (key < pages_.size()) {
      out += "[ ";
      for (std::size_t m = mcid_start_[key]; m < mcid_start_[key + 1]; ++m) {
        element(mcid_element_[m]);
        out += ' ';
      }
      out += ']';
    } else {
      element(annotation_element_[key - pages_.size()]);
    }
    out += ' ';
  }
  out += "]\n";
}

void structure_writer::object(std::size_t first, std::size_t k, std::string& out) const {
  const std::size_t parent_tree = 1 + order_.size();
  const std::size_t keys = pages_.size() + annotations_.size();
  if (k == 0) {
    out += "<<\n/Type /StructTreeRoot\n/K ";
    append_reference(out, first + 1);
    out += "\n/ParentTree ";
    append_reference(out, first + parent_tree);
    out += "\n/ParentTreeNextKey " + std::to_string(keys) + "\n>>";
  } else if (k < parent_tree) {
    element_object(nodes_[static_cast<std::size_t>(order_[k - 1])], first, out);
  } else if (k == parent_tree && leaves_ == 0) {
    out += "<<\n";
    parent_tree_keys(first, 0, keys, out);
    out += ">>";
  } else if (k == parent_tree) {
    out += "<<\n/Kids [ ";
    for (std::size_t leaf = 0; leaf < leaves_; ++leaf) {
      append_reference(out, first + parent_tree + 1 + leaf);
      out += ' ';
    }
    out += "]\n>>";
  } else {
    const std::size_t from = (k - parent_tree - 1) * max_keys_per_leaf;
    const std::size_t to = std::min(keys, from + max_keys_per_leaf);
    out += "<<\n/Limits [ " + std::to_string(from) + " " + std::to_string(to - 1) + " ]\n";
    parent_tree_keys(first, from, to, out);
    out += ">>";
  }
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
  if (HPDF_Dict_Add(catalog, "MarkInfo", mark_info) != HPDF_OK ||
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
  for (HPDF_Page p : pages) pages_.push_back(p->header.obj_id & 0x00FFFFFF);
  group_large_kid_lists();
  number_objects();
  if (!write_catalog(pages, info)) return false;
  doc_->pdf_version = HPDF_VER_17;  // tagged PDF with /Tabs: 1.5 at least; PDF/UA-1 is on 1.7
  return true;
}

}  // namespace handout::pdf
