// The style's fonts: found with fontconfig or by file, opened with HarfBuzz,
// chosen per character, and subset for embedding.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "style.hpp"

struct hb_face_t;
struct hb_font_t;

namespace handout::pdf {

// Where a font's data lives: a file and a face index inside it (TrueType collections).
struct font_location {
  std::string file;
  int index = 0;
};

// The file of fontconfig family `family`, or nothing when no installed font
// has that family name (fontconfig's substitutes do not count).
std::optional<font_location> find_font_family(const std::string& family);

// The installed TrueType fonts that have `cp`, best first: fontconfig's
// FcFontSort order for the language `lang` (BCP 47, may be empty), at most a
// few. Deterministic for a given set of installed fonts; cached, and safe to
// call from several threads.
std::vector<font_location> fallback_fonts_for(char32_t cp, const std::string& lang);

// Every TrueType font fontconfig knows, in a stable order: the fonts a
// fallback may come from (the batch fingerprint names them).
std::vector<font_location> installed_truetype_fonts();

// The Debian package that provides a well-known family, or "".
std::string debian_package_for(const std::string& family);

// The fonts of a style, in fallback order. Move-only; owns HarfBuzz faces.
class font_set {
 public:
  // Opens every font of `fonts`. Reports a missing or unusable font (not
  // found, not TrueType) to `diags` and returns nothing.
  static std::optional<font_set> open(const std::vector<font_ref>& fonts, diagnostics& diags);

  font_set(font_set&&) noexcept;
  font_set& operator=(font_set&&) noexcept;
  ~font_set();

  // All fonts: the style's, then the fallback fonts added.
  std::size_t size() const;
  // The number of the style's fonts (the first of the set).
  std::size_t style_size() const { return style_size_; }
  // The index of an installed font outside the style that has `cp`
  // (fallback_fonts_for with `lang`), opened and added on first use; -1
  // when no installed font that may be embedded has it.
  int add_fallback(char32_t cp, const std::string& lang);
  // The HarfBuzz face of `font`.
  hb_face_t* hb_face(int font) const;
  // The HarfBuzz font of `font`, scaled to its units per em.
  hb_font_t* hb_font(int font) const;
  unsigned units_per_em(int font) const;
  const font_location& location(int font) const;

  // The TrueType subset of `font` holding `code_points`, as a file's bytes.
  // Empty on failure. With `glyphs`, also the glyphs its keys name (the
  // font's own ids, ligatures), each key's value set to its id in the subset.
  std::string subset(int font, const std::set<char32_t>& code_points,
                     std::map<unsigned, unsigned>* glyphs = nullptr) const;

 private:
  struct face;
  font_set();
  // The font at `where` opened and checked (TrueType outlines, embedding
  // allowed); nothing after reporting why to `diags`.
  static std::unique_ptr<face> open_face(const font_location& where, const std::string& shown,
                                         diagnostics& diags);
  std::vector<std::unique_ptr<face>> faces_;
  std::size_t style_size_ = 0;
};

}  // namespace handout::pdf
