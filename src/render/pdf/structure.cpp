#include "render/pdf/structure.hpp"

#include <string_view>
#include <utility>

namespace handout::pdf {

namespace {

// The language subtag of a BCP 47 tag, lower-cased: "zh" of "zh-Hant-TW".
std::string primary_language(std::string_view tag) {
  std::string out(tag.substr(0, tag.find('-')));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A BCP 47 tag for the fixed words of `words`.
const char* tag_of(word_language words) {
  switch (words) {
    case word_language::zh_hans:
      return "zh-Hans";
    case word_language::zh_hant:
      return "zh-Hant";
    case word_language::ja:
      return "ja";
    case word_language::ko:
      return "ko";
    case word_language::en:
      break;
  }
  return "en";
}

}  // namespace

structure_builder::structure_builder(const std::string& lang, word_language words) {
  elements_.push_back({structure_type::document, 1, -1, {}, {}});
  const std::string words_tag = tag_of(words);
  if (primary_language(lang) != primary_language(words_tag)) words_lang_ = words_tag;
  if (primary_language(lang) != "en") english_lang_ = "en";
}

int structure_builder::add(structure_type type, int parent, int level) {
  if (counting_) return counted_++;
  elements_.push_back({type, level, parent, {}, {}});
  return static_cast<int>(elements_.size()) - 1;
}

int structure_builder::words(int parent) {
  if (words_lang_.empty()) return parent;
  int span = add(structure_type::span, parent);
  if (counting_) return span;
  elements_[static_cast<std::size_t>(span)].lang = words_lang_;
  return span;
}

void structure_builder::set_english_alt(int element, std::string alt) {
  if (counting_) return;
  structure_element& e = elements_.at(static_cast<std::size_t>(element));
  e.alt = std::move(alt);
  e.lang = english_lang_;
}

void tag_each(std::vector<page_item>& items, std::size_t from,
              const std::function<int(const page_item&)>& element_of) {
  if (from >= items.size()) return;
  std::vector<page_item> marked;
  marked.reserve(items.size() - from + 4);
  for (std::size_t i = from; i < items.size(); ++i) {
    const int element = element_of(items[i]);
    if (i == from || element != element_of(items[i - 1])) {
      if (i != from) marked.emplace_back(mark_end{});
      marked.emplace_back(mark_begin{element, artifact_kind::layout});
    }
    marked.push_back(std::move(items[i]));
  }
  marked.emplace_back(mark_end{});
  items.resize(from);
  for (page_item& item : marked) items.push_back(std::move(item));
}

void tag(std::vector<page_item>& items, std::size_t from, int element) {
  tag_each(items, from, [element](const page_item&) { return element; });
}

void tag_artifact(std::vector<page_item>& items, std::size_t from, artifact_kind kind) {
  if (from >= items.size()) return;
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(from), mark_begin{-1, kind});
  items.emplace_back(mark_end{});
}

}  // namespace handout::pdf
