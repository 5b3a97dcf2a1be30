// The structure tree of a tagged PDF, built while composing: elements in the
// page model's `structure`, and marks that tie drawn items to them or make
// them artifacts. Nothing here knows about libharu (emit_structure does).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "render/outline.hpp"
#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// The tree being built and where the report's parts hang in it.
class structure_builder {
 public:
  // `lang`: the document's language; `words`: the language of the fixed
  // words the layout prints (contents, cover labels).
  structure_builder(const std::string& lang, word_language words);

  // A new element under `parent` (root() for the top); its index.
  int add(structure_type type, int parent, int level = 1);
  // A new element holding fixed words under `parent`: a Span with the words'
  // language when it differs from the document's, else `parent` itself.
  int words(int parent);
  // An element's alternative text, and the language of that text when it
  // is English in a document that is not.
  void set_english_alt(int element, std::string alt);

  // From here on, elements are numbered as before but not kept: for a
  // part composed a second time (a long report's body drawn page by page),
  // whose elements the first pass kept, so that its marks name the same ones.
  void count_only() {
    counted_ = static_cast<int>(elements_.size());
    counting_ = true;
  }

  int root() const { return 0; }
  // The heading level of sections (and of the contents' heading): 2 when the
  // report's title is printed as the H1 of the cover, else 1.
  int section_level = 1;

  std::vector<structure_element> take() {
    elements_.shrink_to_fit();  // held through the emission of every page
    return std::move(elements_);
  }

 private:
  std::vector<structure_element> elements_;
  std::string words_lang_;    // set when the fixed words are in another language
  std::string english_lang_;  // "en" unless the document is English
  bool counting_ = false;
  int counted_ = 0;  // while counting: the number of elements there would be
};

// Wraps items[from..] (what was just drawn) in one mark of `element`;
// nothing when no item was added.
void tag(std::vector<page_item>& items, std::size_t from, int element);

// Wraps items[from..] in marks, each stretch of consecutive items for which
// `element_of` gives the same element in one mark (-1: a layout artifact).
void tag_each(std::vector<page_item>& items, std::size_t from,
              const std::function<int(const page_item&)>& element_of);

// Wraps items[from..] in one artifact mark of `kind`.
void tag_artifact(std::vector<page_item>& items, std::size_t from, artifact_kind kind);

}  // namespace handout::pdf
