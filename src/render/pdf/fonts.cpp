#include "render/pdf/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>

#include "io.hpp"
#include "limits.hpp"
#include "render/pdf/hb_handles.hpp"

namespace handout::pdf {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool has_table(hb_face_t* face, const char* tag) {
  blob_ptr table(hb_face_reference_table(face, hb_tag_from_string(tag, 4)));
  return hb_blob_get_length(table.get()) > 0;
}

// The font's OS/2 fsType bits that forbid embedding a subset: restricted
// licence (0x0002), no subsetting (0x0100), bitmaps only (0x0200); or 0.
unsigned embedding_restrictions(hb_face_t* face) {
  blob_ptr os2(hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2')));
  unsigned length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(os2.get(), &length));
  if (length < 10) return 0;
  const unsigned fs_type = (data[8] << 8) | data[9];
  // Restricted unless a more permissive usage bit (print, edit) is set too.
  const bool restricted = (fs_type & 0x0002) != 0 && (fs_type & 0x000C) == 0;
  return restricted ? fs_type : fs_type & 0x0300;
}

// The font's PostScript name (name ID 6), which names it in the PDF.
std::string postscript_name(hb_face_t* face) {
  char name[128];
  unsigned length = sizeof name;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, name);
  return std::string(name, length);
}

}  // namespace

struct font_set::face {
  font_location where;
  face_ptr hb_face;
  hb_font_ptr hb_font;
  unsigned upem = 1000;
};

namespace {

std::optional<font_location> query_fontconfig(const std::string& family);

}  // namespace

// fontconfig's configuration is shared by the whole process and not safe to
// initialise or query from several threads at once (the batch renders decks
// in parallel): queries are serialised and their answers kept.
namespace {

std::mutex& fontconfig_mutex() {
  static std::mutex mutex;
  return mutex;
}

bool init_fontconfig() { return FcConfigGetCurrent() != nullptr || FcInit(); }

}  // namespace

std::optional<font_location> find_font_family(const std::string& family) {
  static std::map<std::string, std::optional<font_location>> answers;
  std::lock_guard<std::mutex> lock(fontconfig_mutex());
  auto it = answers.find(family);
  if (it == answers.end()) it = answers.emplace(family, query_fontconfig(family)).first;
  return it->second;
}

namespace {

std::optional<font_location> query_fontconfig(const std::string& family) {
  if (!init_fontconfig()) return std::nullopt;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  FcPatternDestroy(pattern);
  if (match == nullptr) return std::nullopt;

  std::optional<font_location> found;
  // fontconfig always returns a font; accept it only if one of its family
  // names is the requested one.
  bool same_family = false;
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (lower(reinterpret_cast<const char*>(name)) == lower(family)) same_family = true;
  }
  FcChar8* file = nullptr;
  int index = 0;
  if (same_family && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    found = font_location{reinterpret_cast<const char*>(file), index};
  }
  FcPatternDestroy(match);
  return found;
}

// An installed font as fontconfig sorted it: where it is and its characters.
struct sorted_font {
  font_location where;
  FcCharSet* charset = nullptr;  // owned by the sorted set below
};

// The installed TrueType fonts in FcFontSort's order for `lang`, with no
// charset in the pattern: fontconfig ranks the charset before the family
// and the language, so the first of these that has a character is the font
// FcFontSort ranks first for that character alone. Kept for the process.
const std::vector<sorted_font>& sorted_fonts(const std::string& lang) {
  struct sorted_set {
    FcFontSet* set = nullptr;  // kept for the process: the charsets point into it
    std::vector<sorted_font> fonts;
  };
  static std::map<std::string, sorted_set> by_lang;
  if (auto it = by_lang.find(lang); it != by_lang.end()) return it->second.fonts;
  std::vector<sorted_font>& fonts = by_lang[lang].fonts;
  if (!init_fontconfig()) return fonts;
  FcPattern* pattern = FcPatternCreate();
  if (!lang.empty()) {
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(lower(lang).c_str()));
  }
  FcPatternAddInteger(pattern, FC_WEIGHT, FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcFontSet* sorted = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
  FcPatternDestroy(pattern);
  if (sorted == nullptr) return fonts;
  by_lang[lang].set = sorted;
  for (int i = 0; i < sorted->nfont; ++i) {
    FcPattern* font = sorted->fonts[i];
    FcChar8* format = nullptr;
    FcChar8* file = nullptr;
    FcCharSet* charset = nullptr;
    int index = 0;
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
        std::string(reinterpret_cast<const char*>(format)) != "TrueType" ||
        FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
        FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) {
      continue;
    }
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    fonts.push_back({{reinterpret_cast<const char*>(file), index}, charset});
  }
  return fonts;
}

}  // namespace

std::vector<font_location> fallback_fonts_for(char32_t cp, const std::string& lang) {
  static std::map<std::pair<std::string, char32_t>, std::vector<font_location>> answers;
  std::lock_guard<std::mutex> lock(fontconfig_mutex());
  auto key = std::make_pair(lang, cp);
  if (auto it = answers.find(key); it != answers.end()) return it->second;
  std::vector<font_location> found;
  for (const sorted_font& f : sorted_fonts(lang)) {
    if (FcCharSetHasChar(f.charset, cp)) found.push_back(f.where);
    if (found.size() == limits::max_fallback_candidates) break;
  }
  return answers.emplace(key, std::move(found)).first->second;
}

std::vector<font_location> installed_truetype_fonts() {
  std::lock_guard<std::mutex> lock(fontconfig_mutex());
  std::vector<font_location> fonts;
  for (const sorted_font& f : sorted_fonts("")) fonts.push_back(f.where);
  std::sort(fonts.begin(), fonts.end(), [](const font_location& a, const font_location& b) {
    return a.file != b.file ? a.file < b.file : a.index < b.index;
  });
  return fonts;
}

std::string debian_package_for(const std::string& family) {
  std::string f = lower(family);
  if (f.starts_with("wenquanyi micro hei")) return "fonts-wqy-microhei";
  if (f.starts_with("wenquanyi zen hei")) return "fonts-wqy-zenhei";
  if (f.starts_with("droid sans fallback")) return "fonts-droid-fallback";
  if (f.starts_with("dejavu")) return "fonts-dejavu-core";
  if (f.starts_with("liberation")) return "fonts-liberation2";
  if (f.starts_with("noto sans cjk") || f.starts_with("noto serif cjk")) return "fonts-noto-cjk";
  if (f.starts_with("ar pl uming")) return "fonts-arphic-uming";
  if (f.starts_with("ar pl ukai")) return "fonts-arphic-ukai";
  return "";
}

font_set::font_set() = default;
font_set::font_set(font_set&&) noexcept = default;
font_set& font_set::operator=(font_set&&) noexcept = default;
font_set::~font_set() = default;

std::optional<font_set> font_set::open(const std::vector<font_ref>& fonts, diagnostics& diags) {
  font_set set;
  if (fonts.empty()) {
    diags.error("style", 0, 0, "the style lists no fonts");
    return std::nullopt;
  }
  for (const font_ref& ref : fonts) {
    font_location where;
    std::string shown;
    if (!ref.file.empty()) {
      where = {ref.file, ref.index};
      shown = "font file " + ref.file;
      if (std::string problem = not_a_regular_file(ref.file); !problem.empty()) {
        diags.error(ref.file, 0, 0, "font file " + problem);
        continue;
      }
    } else {
      shown = "font '" + ref.family + "'";
      auto found = find_font_family(ref.family);
      if (!found) {
        std::string package = debian_package_for(ref.family);
        diags.error("style", 0, 0,
                    shown + " is not installed" +
                        (package.empty() ? std::string("; install a package that provides it")
                                         : "; install the Debian package " + package) +
                        " (fc-list lists the installed fonts)");
        continue;
      }
      where = *found;
    }
    auto f = open_face(where, shown, diags);
    if (!f) continue;
    set.faces_.push_back(std::move(f));
  }
  if (set.faces_.size() != fonts.size()) return std::nullopt;
  set.style_size_ = set.faces_.size();
  return set;
}

std::unique_ptr<font_set::face> font_set::open_face(const font_location& where,
                                                    const std::string& shown, diagnostics& diags) {
  blob_ptr blob(hb_blob_create_from_file_or_fail(where.file.c_str()));
  if (!blob) {
    diags.error(where.file, 0, 0, "cannot read " + shown);
    return nullptr;
  }
  unsigned count = hb_face_count(blob.get());
  if (where.index < 0 || static_cast<unsigned>(where.index) >= std::max(count, 1u)) {
    diags.error(where.file, 0, 0,
                shown + ": no face " + std::to_string(where.index) + " (the file has " +
                    std::to_string(count) + ")");
    return nullptr;
  }
  auto f = std::make_unique<face>();
  f->where = where;
  f->hb_face.reset(hb_face_create(blob.get(), static_cast<unsigned>(where.index)));
  if (!has_table(f->hb_face.get(), "glyf")) {
    diags.error(where.file, 0, 0,
                shown +
                    " has no TrueType outlines (glyf); the PDF writer embeds only TrueType "
                    "fonts, not CFF/OpenType ones");
    return nullptr;
  }
  if (unsigned restrictions = embedding_restrictions(f->hb_face.get())) {
    char bits[8];
    std::snprintf(bits, sizeof bits, "%04X", restrictions);
    diags.error(where.file, 0, 0,
                shown +
                    "'s licence does not allow embedding a subset of it in a PDF (OS/2 "
                    "fsType 0x" +
                    bits + "); choose another font");
    return nullptr;
  }
  f->upem = hb_face_get_upem(f->hb_face.get());
  f->hb_font.reset(hb_font_create(f->hb_face.get()));
  hb_font_set_scale(f->hb_font.get(), static_cast<int>(f->upem), static_cast<int>(f->upem));
  return f;
}

int font_set::add_fallback(char32_t cp, const std::string& lang) {
  for (const font_location& where : fallback_fonts_for(cp, lang)) {
    for (std::size_t i = style_size_; i < faces_.size(); ++i) {
      if (faces_[i]->where.file == where.file && faces_[i]->where.index == where.index) {
        return static_cast<int>(i);
      }
    }
    diagnostics ignored;  // a candidate that cannot be embedded is passed over
    if (auto f = open_face(where, "font file " + where.file, ignored)) {
      hb_codepoint_t glyph = 0;
      if (!hb_font_get_nominal_glyph(f->hb_font.get(), cp, &glyph) || glyph == 0) continue;
      // Nor one a PDF could not hold beside the set's fonts (a style font
      // that is a subset of an installed one has its PostScript name).
      const std::string name = postscript_name(f->hb_face.get());
      if (std::any_of(faces_.begin(), faces_.end(), [&](const std::unique_ptr<face>& other) {
            return postscript_name(other->hb_face.get()) == name;
          })) {
        continue;
      }
      faces_.push_back(std::move(f));
      return static_cast<int>(faces_.size() - 1);
    }
  }
  return -1;
}

std::size_t font_set::size() const { return faces_.size(); }
hb_face_t* font_set::hb_face(int font) const { return faces_.at(font)->hb_face.get(); }
hb_font_t* font_set::hb_font(int font) const { return faces_.at(font)->hb_font.get(); }
unsigned font_set::units_per_em(int font) const { return faces_.at(font)->upem; }
const font_location& font_set::location(int font) const { return faces_.at(font)->where; }

std::string font_set::subset(int font, const std::set<char32_t>& code_points,
                             std::map<unsigned, unsigned>* glyphs) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) return {};
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  for (char32_t cp : code_points) hb_set_add(unicodes, cp);
  if (glyphs != nullptr) {
    for (const auto& [old_id, new_id] : *glyphs) {
      hb_set_add(hb_subset_input_glyph_set(input), old_id);
    }
  }
  // Hinting is useless in a PDF; keep the glyph names out as well.
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(faces_.at(font)->hb_face.get(), input);
  hb_subset_input_destroy(input);
  if (plan == nullptr) return {};
  hb_face_t* result = hb_subset_plan_execute_or_fail(plan);
  if (result != nullptr && glyphs != nullptr) {
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (auto& [old_id, new_id] : *glyphs) new_id = hb_map_get(old_to_new, old_id);
  }
  hb_subset_plan_destroy(plan);
  if (result == nullptr) return {};
  blob_ptr blob(hb_face_reference_blob(result));
  hb_face_destroy(result);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  return std::string(data, length);
}

}  // namespace handout::pdf
