#include "render/pdf/measure.hpp"

#include <hb-ot.h>
#include <hb.h>

#include <cmath>

namespace handout::pdf {

namespace {

// Each character keeps its nominal glyph (the PDF draws a character's
// glyph by its code): no ligatures, no contextual alternates; kerning stays
// on, as HarfBuzz has it by default.
const hb_feature_t* shaping_features(unsigned& count) {
  static const auto features = [] {
    std::vector<hb_feature_t> f(3);
    hb_feature_from_string("liga=0", -1, &f[0]);
    hb_feature_from_string("clig=0", -1, &f[1]);
    hb_feature_from_string("calt=0", -1, &f[2]);
    return f;
  }();
  count = static_cast<unsigned>(features.size());
  return features.data();
}

hb_codepoint_t nominal_glyph(hb_font_t* font, char32_t cp) {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(font, cp, &glyph) ? glyph : 0;
}

}  // namespace

bool harfbuzz_metrics::has_glyph(int font, char32_t cp) const {
  return nominal_glyph(fonts_.hb_font(font), cp) != 0;
}

int harfbuzz_metrics::font_for(char32_t cp) const {
  if (auto it = font_cache_.find(cp); it != font_cache_.end()) return it->second;
  int found = -1;
  for (std::size_t i = 0; i < fonts_.style_size(); ++i) {
    if (has_glyph(static_cast<int>(i), cp)) {
      found = static_cast<int>(i);
      break;
    }
  }
  // Not in the style's fonts: an installed font, unless it is a space or a
  // control character (no font draws those).
  if (found < 0 && cp > ' ' && cp != 0x7F) found = fonts_.add_fallback(cp, lang_);
  if (found < 0) found = 0;
  font_cache_.emplace(cp, found);
  return found;
}

int harfbuzz_metrics::advance(int font, char32_t cp) const {
  unsigned long long key = (static_cast<unsigned long long>(font) << 32) | cp;
  if (auto it = advance_cache_.find(key); it != advance_cache_.end()) return it->second;
  hb_font_t* f = fonts_.hb_font(font);
  long units = hb_font_get_glyph_h_advance(f, nominal_glyph(f, cp));  // .notdef when missing
  // Truncated to 1/1000 em, as libharu fills the PDF's /W array.
  int value = static_cast<int>(units * 1000 / static_cast<long>(fonts_.units_per_em(font)));
  advance_cache_.emplace(key, value);
  return value;
}

harfbuzz_metrics::kerning_info& harfbuzz_metrics::info(int font) const {
  if (kerning_.size() <= static_cast<std::size_t>(font)) kerning_.resize(font + 1);
  auto& k = kerning_[static_cast<std::size_t>(font)];
  if (k) return *k;
  k = std::make_unique<kerning_info>();
  hb_face_t* face = fonts_.hb_face(font);
  set_ptr lookups(hb_set_create());
  const hb_tag_t features[] = {HB_TAG('k', 'e', 'r', 'n'), HB_TAG_NONE};
  hb_ot_layout_collect_lookups(face, HB_OT_TAG_GPOS, nullptr, nullptr, features, lookups.get());
  if (!hb_set_is_empty(lookups.get())) {
    // Only runs of these glyphs are shaped: a CJK text in a font that kerns
    // Latin pairs costs nothing.
    k->kerns = true;
    k->glyphs.reset(hb_set_create());
    for (hb_codepoint_t i = HB_SET_VALUE_INVALID; hb_set_next(lookups.get(), &i);) {
      hb_ot_layout_lookup_collect_glyphs(face, HB_OT_TAG_GPOS, i, nullptr, k->glyphs.get(), nullptr,
                                         nullptr);
    }
  } else {
    blob_ptr table(hb_face_reference_table(face, HB_TAG('k', 'e', 'r', 'n')));
    k->kerns = hb_blob_get_length(table.get()) > 0;  // legacy kerning: any glyph may kern
  }
  return *k;
}

const std::vector<int>& harfbuzz_metrics::shaped(int font, kerning_info& k,
                                                 std::u32string_view run) const {
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
  const hb_feature_t* features = shaping_features(count);
  shape_plan_ptr& plan = k.plans[props.script];
  if (!plan)
    plan.reset(hb_shape_plan_create(fonts_.hb_face(font), &props, features, count, nullptr));
  hb_font_t* f = fonts_.hb_font(font);
  std::vector<int> kerns(run.size(), 0);
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
      // Only a character drawn as its own nominal glyph, not moved off its
      // place (a mark), gets the shaped advance.
      if (c + 1 >= run.size() || glyphs_of[c] != 1 || positions[i].x_offset != 0 ||
          infos[i].codepoint != nominal_glyph(f, run[c])) {
        continue;
      }
      const long delta =
          positions[i].x_advance - hb_font_get_glyph_h_advance(f, infos[i].codepoint);
      kerns[c] = static_cast<int>(std::lround(static_cast<double>(delta) * per_unit));
    }
  }
  return k.words.emplace(std::u32string(run), std::move(kerns)).first->second;
}

std::vector<int> harfbuzz_metrics::kerning(int font, std::u32string_view text) const {
  std::vector<int> out(text.size(), 0);
  if (text.size() < 2) return out;
  kerning_info& k = info(font);
  if (!k.kerns) return out;
  hb_font_t* f = fonts_.hb_font(font);
  if (k.may_kern.empty()) k.may_kern.resize(0x10000);
  auto kerns = [&](char32_t cp) {
    unsigned char* known = cp < 0x10000 ? &k.may_kern[cp] : nullptr;
    if (known != nullptr && *known != 0) return *known == 2;
    hb_codepoint_t glyph = nominal_glyph(f, cp);
    const bool yes = glyph != 0 && (!k.glyphs || hb_set_has(k.glyphs.get(), glyph));
    if (known != nullptr) *known = yes ? 2 : 1;
    return yes;
  };
  // Runs of glyphs that may kern, shaped once each (a deck repeats its words).
  for (std::size_t i = 0; i < text.size();) {
    if (!kerns(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < text.size() && kerns(text[j])) ++j;
    if (j - i >= 2) {
      const std::vector<int>& run = shaped(font, k, text.substr(i, j - i));
      std::copy(run.begin(), run.end(), out.begin() + static_cast<std::ptrdiff_t>(i));
    }
    i = j;
  }
  return out;
}

}  // namespace handout::pdf
