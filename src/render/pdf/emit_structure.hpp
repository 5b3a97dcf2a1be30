// The tagged PDF (ISO 32000-1, 14.7–14.8) in libharu, which has no API for
// it: marked-content sequences written into the page content as it is drawn,
// then, from its public object layer, each page's /StructParents and /Tabs,
// and the catalog's /MarkInfo, /Lang, /ViewerPreferences and XMP /Metadata.
// The structure tree and the parent tree are not libharu objects (a long
// report has hundreds of thousands of elements): finish_pdf appends them,
// written from the writer's nodes. emit_pdf drives it.
#pragma once

#include <hpdf.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// The writer's state for one document. Every call returns false on a
// libharu error or a mark that does not pair up.
class structure_writer {
 public:
  // The writer keeps what it needs of `elements` (a long report has
  // hundreds of thousands), in less memory.
  structure_writer(HPDF_Doc doc, std::vector<structure_element> elements, std::size_t page_count);

  // A mark on page `page_index`: BDC with the next MCID of the page for an
  // element's content, or an artifact; end() writes the EMC.
  bool begin(HPDF_Page page, std::size_t page_index, const mark_begin& mark);
  bool end(HPDF_Page page);
  // Something drawn in the open mark, in PDF coordinates: a figure's BBox.
  void add_box(double x0, double y0, double x1, double y1);
  // The annotation (object `number`) of `area` on page `page_index` made an
  // object of its Link element: its /StructParent key, or -1 when it has none.
  int annotation(unsigned number, std::size_t page_index, const link_area& area);
  // After the last page: the pages' and the catalog's entries, the XMP
  // metadata of `info`; the tree is then ready to be written.
  bool finish(const std::vector<HPDF_Page>& pages, const document_info& info);
  // The tree's objects, after finish(): the root, the elements in tree
  // order (depth first), the parent tree and its leaves. object() appends
  // the dictionary of the k-th, numbered from `first`.
  std::size_t object_count() const;
  void object(std::size_t first, std::size_t k, std::string& out) const;

 private:
  // A kid of an element: an element, a marked-content sequence (MCID on a
  // page) or an annotation.
  struct kid {
    enum class kind { element, content, annotation } what;
    int index;             // element index, MCID or annotation index
    std::size_t page = 0;  // for content and annotations
  };
  struct node {
    std::vector<kid> kids;
    int parent = -1;
    int object = -1;  // its object's index among the tree's; -1 when not in the tree
    int extra = -1;   // its alt, lang or box in extras_; -1 when none
    structure_type type = structure_type::paragraph;
    std::uint8_t level = 1;
    bool group = false;  // a NonStruct holding part of a long kid list
    bool attached = false;
  };
  // What few elements have.
  struct element_extra {
    std::string alt, lang;
    bool has_box = false;
    std::array<double, 4> box{};
  };
  void attach(int element);
  void group_large_kid_lists();
  void number_objects();
  std::size_t first_page(const node& n) const;
  void element_object(const node& n, std::size_t first, std::string& out) const;
  void parent_tree_keys(std::size_t first, std::size_t from, std::size_t to,
                        std::string& out) const;
  bool write_catalog(const std::vector<HPDF_Page>& pages, const document_info& info);

  HPDF_Doc doc_;
  // A deque: the groups added at the end neither move the nodes nor double
  // the memory, as a vector's growth would.
  std::deque<node> nodes_;
  std::vector<element_extra> extras_;
  std::vector<int> next_mcid_;         // per page
  std::vector<unsigned> annotations_;  // their object numbers
  int open_ = -2;                      // the element of the open mark; -1: an artifact; -2: none
  std::vector<unsigned> pages_;        // their object numbers, set by finish()
  std::vector<int> order_;             // the elements in object order, set by finish()
  // The parent tree's entries, set by finish(): the element of each MCID
  // (page i's from mcid_start_[i]) and of each annotation.
  std::vector<std::size_t> mcid_start_;
  std::vector<int> mcid_element_, annotation_element_;
  std::size_t leaves_ = 0;  // leaves of the parent tree (0: its root holds the keys)
};

}  // namespace handout::pdf
