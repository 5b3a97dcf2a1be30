// The tagged PDF (ISO 32000-1, 14.7–14.8) in libharu, which has no API for
// it: marked-content sequences written into the page content as it is drawn,
// then, from its public object layer, the structure tree, the parent tree,
// each page's /StructParents and /Tabs, and the catalog's /MarkInfo, /Lang,
// /ViewerPreferences and XMP /Metadata. emit_pdf drives it.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// `text` cut after as many characters as one libharu string holds (written
// as UTF-16, up to 4 bytes a character), with "…" when cut.
std::string fit_string(const std::string& text);

// The writer's state for one document. Every call returns false on a
// libharu error or a mark that does not pair up.
class structure_writer {
 public:
  structure_writer(HPDF_Doc doc, const std::vector<structure_element>& elements,
                   std::size_t page_count);

  // A mark on page `page_index`: BDC with the next MCID of the page for an
  // element's content, or an artifact; end() writes the EMC.
  bool begin(HPDF_Page page, std::size_t page_index, const mark_begin& mark);
  bool end(HPDF_Page page);
  // Something drawn in the open mark, in PDF coordinates: a figure's BBox.
  void add_box(double x0, double y0, double x1, double y1);
  // The annotation of `area` (on page `page_index`) as an object of its
  // Link element (/StructParent), with /Contents.
  bool annotation(HPDF_Annotation annot, std::size_t page_index, const link_area& area);
  // After the last page: the tree, the parent tree, the pages' and the
  // catalog's entries, the XMP metadata of `info`.
  bool finish(const std::vector<HPDF_Page>& pages, const document_info& info);
  // The object numbers of the tree's dictionaries (for finish_pdf to pack).
  const std::vector<unsigned>& objects() const { return objects_; }

 private:
  // A kid of an element: an element, a marked-content sequence (MCID on a
  // page) or an annotation.
  struct kid {
    enum class kind { element, content, annotation } what;
    int index;             // element index, MCID or annotation index
    std::size_t page = 0;  // for content and annotations
  };
  struct node {
    structure_type type = structure_type::paragraph;
    int level = 1;
    int parent = -1;
    bool group = false;                         // a NonStruct holding part of a long kid list
    const structure_element* source = nullptr;  // alt and lang; null for a group
    bool attached = false;
    std::vector<kid> kids;
    bool has_box = false;
    double box[4] = {0, 0, 0, 0};
    HPDF_Dict dict = nullptr;
    const structure_writer* owner = nullptr;  // for write_entries, through the dict's attr
  };
  void attach(int element);
  bool add_object(HPDF_Dict d);
  void group_large_kid_lists();
  bool write_tree(const std::vector<HPDF_Page>& pages);
  // A plain element's entries (/S /P /Pg /K), written by libharu's save
  // through the dict's write_fn in the bytes its own objects would give.
  static HPDF_STATUS write_entries(HPDF_Dict dict, HPDF_Stream stream);
  std::size_t first_page(const node& n) const;
  bool write_parent_tree(const std::vector<HPDF_Page>& pages);
  bool write_catalog(const std::vector<HPDF_Page>& pages, const document_info& info);

  HPDF_Doc doc_;
  HPDF_Encoder utf8_ = nullptr;
  // A deque: the groups added at the end neither move the nodes (their
  // dicts point at them) nor double the memory, as a vector's growth would.
  std::deque<node> nodes_;
  std::vector<int> next_mcid_;  // per page
  std::vector<HPDF_Annotation> annotations_;
  int open_ = -2;  // the element of the open mark; -1: an artifact; -2: none
  HPDF_Dict tree_root_ = nullptr;
  std::vector<HPDF_Page> pages_;  // set by finish()
  std::vector<unsigned> objects_;
};

}  // namespace handout::pdf
