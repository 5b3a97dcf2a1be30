#include "render/pdf/measure.hpp"

#include <hb-ot.h>
#include <hb.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "limits.hpp"

namespace handout::pdf {

namespace {

// Each character keeps its nominal glyph (the PDF draws a character's
// glyph by its code): no contextual alternates, and standard ligatures only
// when the style asks for them; kerning stays on, as HarfBuzz has it.
const hb_feature_t* shaping_features(bool ligatures, unsigned& count) {
  static const auto features = [] {
    std::vector<hb_feature_t> f(4);
    hb_feature_from_string("clig=0", -1, &f[0]);
    hb_feature_from_string("calt=0", -1, &f[1]);
    hb_feature_from_string("dlig=0", -1, &f[2]);
    hb_feature_from_string("liga=0", -1, &f[3]);
    return f;
  }();
  count = static_cast<unsigned>(features.size()) - (ligatures ? 1 : 0);
  return features.data();
}

hb_codepoint_t nominal_glyph(hb_font_t* font, char32_t cp) {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font, cp, &glyph) ? glyph : 0;
}

}  // namespace

struct harfbuzz_metrics::shared_shaping {
  std::once_flag collected;
  bool kerns = false;  // the font kerns (or ligates) at all
  // Per glyph id, whether its kerning (or a ligature) involves it; empty:
  // any glyph may (a legacy `kern` table). Read-only once collected.
  std::vector<bool> glyphs;
  std::shared_mutex mutex;  // guards `words`; its elements never change
  std::unordered_map<std::u32string, shaped_run, run_hash, std::equal_to<>> words;
};

harfbuzz_metrics::shared_shaping& harfbuzz_metrics::shared_for(int font) const {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<shared_shaping>> all;
  const font_location& where = fonts_.location(font);
  std::string key = where.file;
  key += '\0' + std::to_string(where.index) + '\0' + lang_ + (ligatures_ ? "\1" : "\0");
  std::lock_guard lock(mutex);
  std::unique_ptr<shared_shaping>& s = all[key];
  if (!s) s = std::make_unique<shared_shaping>();
  return *s;
}

bool draws_nothing(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  // Printable ASCII, CJK punctuation and the unified ideographs: neither
  // controls nor default ignorable, answered without ICU.
  if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0x4E00 && cp <= 0x9FFF)) {
    return false;
  }
  const auto c = static_cast<UChar32>(cp);
  return u_charType(c) == U_CONTROL_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool harfbuzz_metrics::has_glyph(int font, char32_t cp) const {
  return nominal_glyph(fonts_.hb_font(font), cp) != 0;
}

int harfbuzz_metrics::font_for(char32_t cp) const {
  if (int known = font_cache_.get(cp); known != char_table::unknown) return known;
  int found = -1;
  for (std::size_t i = 0; i < fonts_.style_size(); ++i) {
    if (has_glyph(static_cast<int>(i), cp)) {
      found = static_cast<int>(i);
      break;
    }
  }
  // Not in the style's fonts: an installed font, unless it is a space or a
  // character drawn without a glyph.
  if (found < 0 && cp > ' ' && !draws_nothing(cp)) found = fonts_.add_fallback(cp, lang_);
  if (found < 0) found = 0;
  font_cache_.set(cp, found);
  return found;
}

int harfbuzz_metrics::advance(int font, char32_t cp) const {
  if (advance_cache_.size() <= static_cast<std::size_t>(font)) advance_cache_.resize(font + 1);
  char_table& cache = advance_cache_[static_cast<std::size_t>(font)];
  if (int known = cache.get(cp); known != char_table::unknown) return known;
  hb_font_t* f = fonts_.hb_font(font);
  long units = hb_font_get_glyph_h_advance(f, nominal_glyph(f, cp));  // .notdef when missing
  // Truncated to 1/1000 em, as libharu fills the PDF's /W array.
  int value = static_cast<int>(units * 1000 / static_cast<long>(fonts_.units_per_em(font)));
  cache.set(cp, value);
  return value;
}

int harfbuzz_metrics::blank_side(int font, char32_t cp, bool right) const {
  hb_font_t* f = fonts_.hb_font(font);
  const hb_codepoint_t glyph = nominal_glyph(f, cp);
  const long units = hb_font_get_glyph_h_advance(f, glyph);
  hb_glyph_extents_t ink;
  if (!hb_font_get_glyph_extents(f, glyph, &ink)) return advance(font, cp) / 2;
  long blank = right ? units - (ink.x_bearing + ink.width) : ink.x_bearing;
  blank = std::clamp(blank, 0L, units);
  return static_cast<int>(blank * 1000 / static_cast<long>(fonts_.units_per_em(font)));
}

harfbuzz_metrics::kerning_info& harfbuzz_metrics::info(int font) const {
  if (kerning_.size() <= static_cast<std::size_t>(font)) kerning_.resize(font + 1);
  auto& k = kerning_[static_cast<std::size_t>(font)];
  if (k) return *k;
  k = std::make_unique<kerning_info>();
  k->shared = &shared_for(font);
  shared_shaping& shared = *k->shared;
  std::call_once(shared.collected, [&] {
    hb_face_t* face = fonts_.hb_face(font);
    // Only runs of the glyphs the `kern` (and `liga`) lookups involve are
    // shaped: a CJK text in a font that kerns Latin pairs costs nothing.
    set_ptr glyphs(hb_set_create());
    auto collect = [&](hb_tag_t table, hb_tag_t feature) {
      set_ptr lookups(hb_set_create());
      const hb_tag_t features[] = {feature, HB_TAG_NONE};
      hb_ot_layout_collect_lookups(face, table, nullptr, nullptr, features, lookups.get());
      if (hb_set_is_empty(lookups.get())) return false;
      for (hb_codepoint_t i = HB_SET_VALUE_INVALID; hb_set_next(lookups.get(), &i);) {
        hb_ot_layout_lookup_collect_glyphs(face, table, i, nullptr, glyphs.get(), nullptr, nullptr);
      }
      return true;
    };
    const bool gpos = collect(HB_OT_TAG_GPOS, HB_TAG('k', 'e', 'r', 'n'));
    const bool liga = ligatures_ && collect(HB_OT_TAG_GSUB, HB_TAG('l', 'i', 'g', 'a'));
    blob_ptr table(hb_face_reference_table(face, HB_TAG('k', 'e', 'r', 'n')));
    const bool legacy = hb_blob_get_length(table.get()) > 0;
    shared.kerns = gpos || liga || legacy;
    if (!gpos && legacy) return;  // legacy: any glyph
    shared.glyphs.assign(hb_face_get_glyph_count(face), false);
    for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(glyphs.get(), &g);) {
      if (g < shared.glyphs.size()) shared.glyphs[g] = true;
    }
  });
  return *k;
}

const harfbuzz_metrics::shaped_run& harfbuzz_metrics::shaped(int font, kerning_info& k,
                                                             std::u32string_view run) const {
  shared_shaping& shared = *k.shared;
  {
    std::shared_lock lock(shared.mutex);
    if (auto it = shared.words.find(run); it != shared.words.end()) return it->second;
  }
  if (auto it = k.words.find(run); it != k.words.end()) return it->second;
  if (!buffer_) buffer_.reset(hb_buffer_create());
  hb_buffer_t* b = buffer_.get();
  hb_buffer_clear_contents(b);
  hb_buffer_add_utf32(b, reinterpret_cast<const std::uint32_t*>(run.data()),
                      static_cast<int>(run.size()), 0, static_cast<int>(run.size()));
  hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
  hb_buffer_set_language(
      b, lang_.empty() ? HB_LANGUAGE_INVALID : hb_language_from_string(lang_.c_str(), -1));
  hb_buffer_guess_segment_properties(b);
  // The PDF sets text left to right in the order it is stored.
  hb_buffer_set_direction(b, HB_DIRECTION_LTR);
  hb_segment_properties_t props;
  hb_buffer_get_segment_properties(b, &props);
  unsigned count = 0;
  const hb_feature_t* features = shaping_features(ligatures_, count);
  shape_plan_ptr& plan = k.plans[props.script];
  if (!plan) {
    plan.reset(hb_shape_plan_create(fonts_.hb_face(font), &props, features, count, nullptr));
  }
  hb_font_t* f = fonts_.hb_font(font);
  shaped_run out;
  out.kerns.assign(run.size(), 0);
  if (hb_shape_plan_execute(plan.get(), f, b, features, count)) {
    unsigned length = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(b, &length);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(b, &length);
    std::vector<unsigned> glyphs_of(run.size(), 0);
    for (unsigned i = 0; i < length; ++i) {
      if (infos[i].cluster < run.size()) ++glyphs_of[infos[i].cluster];
    }
    const double per_unit = 1000.0 / fonts_.units_per_em(font);
    for (unsigned i = 0; i < length; ++i) {
      const std::size_t c = infos[i].cluster;
      // The characters this glyph stands for: up to the next glyph's cluster.
      const std::size_t end = i + 1 < length ? infos[i + 1].cluster : run.size();
      if (c >= run.size() || end <= c || end > run.size() || glyphs_of[c] != 1 ||
          positions[i].x_offset != 0) {
        continue;
      }
      const hb_codepoint_t glyph = infos[i].codepoint;
      const long advance = hb_font_get_glyph_h_advance(f, glyph);
      if (end - c > 1) {
        // A ligature (only with `liga` on): one glyph for several characters.
        if (!ligatures_ || glyph == 0) continue;
        out.ligatures.push_back(
            {c, end - c, glyph, static_cast<int>(advance * 1000 / fonts_.units_per_em(font))});
      } else if (glyph != nominal_glyph(f, run[c])) {
        continue;
      }
      // Only a character (or ligature) drawn as its own glyph, not moved off
      // its place (a mark), gets the shaped advance.
      if (end < run.size()) {
        const long delta = positions[i].x_advance - advance;
        out.kerns[end - 1] = static_cast<int>(std::lround(static_cast<double>(delta) * per_unit));
      }
    }
  }
  {
    std::unique_lock lock(shared.mutex);
    if (shared.words.size() < limits::max_shared_shaped_runs) {
      return shared.words.try_emplace(std::u32string(run), std::move(out)).first->second;
    }
  }
  return k.words.emplace(std::u32string(run), std::move(out)).first->second;
}

template <class F>
void harfbuzz_metrics::for_each_shaped(int font, std::u32string_view text, F f) const {
  if (text.size() < 2) return;
  kerning_info& k = info(font);
  const shared_shaping& shared = *k.shared;
  if (!shared.kerns) return;
  hb_font_t* hb = fonts_.hb_font(font);
  if (k.may_kern.empty()) k.may_kern.resize(0x10000);
  auto may_kern = [&](char32_t cp) {
    unsigned char* known = cp < 0x10000 ? &k.may_kern[cp] : nullptr;
    if (known != nullptr && *known != 0) return *known == 2;
    hb_codepoint_t glyph = nominal_glyph(hb, cp);
    const bool yes = glyph != 0 && (shared.glyphs.empty() ||
                                    (glyph < shared.glyphs.size() && shared.glyphs[glyph]));
    if (known != nullptr) *known = yes ? 2 : 1;
    return yes;
  };
  // Runs of glyphs that may kern, shaped once each (a deck repeats its words).
  for (std::size_t i = 0; i < text.size();) {
    if (!may_kern(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && may_kern(text[j])) ++j;
    if (j - i >= 2) f(i, shaped(font, k, text.substr(i, j - i)));
    i = j;
  }
}

std::vector<int> harfbuzz_metrics::kerning(int font, std::u32string_view text) const {
  std::vector<int> out(text.size(), 0);
  for_each_shaped(font, text, [&](std::size_t first, const shaped_run& run) {
    std::copy(run.kerns.begin(), run.kerns.end(), out.begin() + static_cast<std::ptrdiff_t>(first));
  });
  return out;
}

std::vector<ligature> harfbuzz_metrics::ligatures(int font, std::u32string_view text) const {
  std::vector<ligature> out;
  if (!ligatures_) return out;
  for_each_shaped(font, text, [&](std::size_t first, const shaped_run& run) {
    for (ligature l : run.ligatures) {
      l.first += first;
      out.push_back(l);
    }
  });
  return out;
}

}  // namespace handout::pdf
