#include "render/pdf/page_model.hpp"

#include "utf8.hpp"

namespace handout::pdf {

void glyph_census::add(const std::vector<page_item>& items) {
  for (const page_item& item : items) {
    const auto* t = std::get_if<text_run>(&item);
    if (t == nullptr) continue;
    std::set<char32_t>& set = characters[t->font];
    for (std::size_t i = 0; i < t->text.size();) set.insert(utf8::decode(t->text, i));
    if (t->ligatures.empty()) continue;
    std::u32string chars;
    for (std::size_t i = 0; i < t->text.size();) chars += utf8::decode(t->text, i);
    for (const ligature_glyph& l : t->ligatures) {
      if (l.first + l.count > chars.size()) continue;
      std::u32string text = chars.substr(l.first, l.count);
      // A glyph met with different characters keeps the least (the text codes' rule).
      auto [at, fresh] = ligatures[t->font].try_emplace(l.glyph, text);
      if (!fresh && text < at->second) at->second = std::move(text);
    }
  }
}

}  // namespace handout::pdf
