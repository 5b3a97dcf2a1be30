// Character advances and kerning from HarfBuzz, read from the very faces
// that get embedded, so that layout agrees with the PDF's width arrays.
#pragma once

#include <array>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/pdf/fonts.hpp"
#include "render/pdf/hb_handles.hpp"
#include "render/pdf/metrics.hpp"

namespace handout::pdf {

class harfbuzz_metrics final : public font_metrics {
 public:
  // Characters none of the style's fonts has are drawn from an installed
  // font (added to `fonts`), chosen for the language `lang` (BCP 47, may be
  // empty). With `ligatures`, the fonts' standard ligatures (`liga`) too.
  explicit harfbuzz_metrics(font_set& fonts, std::string lang = {}, bool ligatures = false)
      : fonts_(fonts), lang_(std::move(lang)), ligatures_(ligatures) {}

  int font_for(char32_t cp) const override;
  int advance(int font, char32_t cp) const override;
  // The font's kerning (GPOS `kern` or a legacy `kern` table) as HarfBuzz
  // shapes the text, without contextual alternates and, unless asked for,
  // ligatures, so that each character keeps its own glyph.
  std::vector<int> kerning(int font, std::u32string_view text) const override;
  // From the glyph's ink box (hb_font_get_glyph_extents).
  int blank_side(int font, char32_t cp, bool right) const override;
  std::vector<ligature> ligatures(int font, std::u32string_view text) const override;
  // True when `font` has a glyph for `cp`.
  bool has_glyph(int font, char32_t cp) const;

 private:
  // Shaped runs are looked up by view, without a copy.
  struct run_hash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const {
      return std::hash<std::u32string_view>{}(s);
    }
  };
  // A run as shaped: kerning per character, ligatures (first relative to the run).
  struct shaped_run {
    std::vector<int> kerns;
    std::vector<ligature> ligatures;
  };
  // What shaping found for one font file, language and ligature setting,
  // shared by every deck of the process (a batch's decks repeat their
  // words): which glyphs may kern, and runs as shaped (measure.cpp).
  struct shared_shaping;
  // What shaping needs of one font of this deck, built on first use.
  struct kerning_info {
    shared_shaping* shared = nullptr;
    std::map<hb_script_t, shape_plan_ptr> plans;
    // Runs shaped once the shared cache is full (limits::max_shared_shaped_runs).
    std::unordered_map<std::u32string, shaped_run, run_hash, std::equal_to<>> words;
    std::vector<unsigned char> may_kern;  // per BMP character: 0 not known yet, 1 no, 2 yes
  };
  shared_shaping& shared_for(int font) const;
  kerning_info& info(int font) const;
  const shaped_run& shaped(int font, kerning_info& k, std::u32string_view run) const;
  // Calls `f(first, shaped_run)` for each run of `text` that may kern or ligate.
  template <class F>
  void for_each_shaped(int font, std::u32string_view text, F f) const;

  font_set& fonts_;
  std::string lang_;
  bool ligatures_ = false;
  // A value per character, looked up in pages of 256 made on first use
  // (most text is in a few pages); `unknown` where none is kept yet.
  class char_table {
   public:
    static constexpr int unknown = std::numeric_limits<int>::min();
    int get(char32_t cp) const {
      if (cp >= 0x110000) return unknown;
      const std::size_t page = cp >> 8;
      return page < pages_.size() && pages_[page] ? (*pages_[page])[cp & 0xFF] : unknown;
    }
    void set(char32_t cp, int value) {
      if (cp >= 0x110000) return;
      const std::size_t page = cp >> 8;
      if (page >= pages_.size()) pages_.resize(page + 1);
      if (!pages_[page]) {
        pages_[page] = std::make_unique<std::array<int, 256>>();
        pages_[page]->fill(unknown);
      }
      (*pages_[page])[cp & 0xFF] = value;
    }

   private:
    std::vector<std::unique_ptr<std::array<int, 256>>> pages_;
  };
  mutable char_table font_cache_;
  mutable std::vector<char_table> advance_cache_;  // per font
  mutable std::vector<std::unique_ptr<kerning_info>> kerning_;
  mutable buffer_ptr buffer_;
};

}  // namespace handout::pdf
