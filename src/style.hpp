// The style: page, fonts, type sizes, colours and which parts appear. Read
// from `styles/*.yaml`; shared by every renderer so that outputs look alike.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace handout {

struct rgb {
  double r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const rgb&) const = default;
};

// The colour #RRGGBB.
constexpr rgb hex_rgb(unsigned v) {
  return {((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

inline constexpr double points_per_mm = 72 / 25.4;

// Every format prints on white.
inline constexpr rgb page_color = hex_rgb(0xFFFFFF);

// WCAG 2.2's relative luminance of `c`: 0 for black, 1 for white.
double relative_luminance(const rgb& c);

// WCAG 2.2's contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05): 1 to 21.
double contrast_ratio(const rgb& a, const rgb& b);

// WCAG 2.2 AA (success criterion 1.4.3): text needs at least this ratio
// against its background.
inline constexpr double min_text_contrast = 4.5;

// The colour of secondary text (running heads, page numbers, the cover's
// details) in every format: `c` lightened 40 % towards white.
rgb muted(const rgb& c);

// A font by fontconfig family name, or by file (with a TrueType collection index).
struct font_ref {
  std::string family;
  std::string file;
  int index = 0;
  bool operator==(const font_ref&) const = default;
};

// Lengths are in PostScript points (1/72 in).
struct style {
  std::string name = "report";

  double page_width = 595.276;  // A4
  double page_height = 841.890;
  double margin_top = 25 * points_per_mm;
  double margin_bottom = 25 * points_per_mm;
  double margin_left = 22 * points_per_mm;
  double margin_right = 22 * points_per_mm;

  // Tried in order for each character: the first that has it is used.
  std::vector<font_ref> fonts = {{"WenQuanYi Micro Hei", "", 0}};

  double body_size = 10.5;
  double title_size = 26;
  double subtitle_size = 14;
  double heading1_size = 17;
  double heading2_size = 13;
  double small_size = 8.5;       // header, footer, links
  double leading = 1.6;          // line height as a multiple of the type size
  double paragraph_spacing = 3;  // after each bullet
  double indent = 16;            // per bullet level

  rgb text_color = hex_rgb(0x1A1A1A);
  rgb heading_color = hex_rgb(0x173873);
  rgb link_color = hex_rgb(0x0D54B0);
  rgb rule_color = hex_rgb(0x999999);

  std::array<std::string, 3> bullets = {"•", "◦", "▪"};

  bool cover = true;
  bool contents = true;
  bool header = true;
  bool footer = true;
  bool qr_codes = false;
  double qr_size = 40;

  bool justify = true;
  bool cjk_latin_space = true;  // a quarter em between Han and Latin letters or digits

  bool operator==(const style&) const = default;
};

// The built-in style, identical to styles/report.yaml.
style default_style();

// A colour some text of `s` is printed in, and what that text is.
struct text_colour {
  const char* key;   // the style key it comes from: "text", "heading", "link"
  const char* what;  // "body text", "links", ...
  rgb colour;
  bool lightened;  // `colour` is the key's colour made muted()
};

// Every colour the formats print text of `s` in (all on page_color).
std::vector<text_colour> text_colours(const style& s);

// "#RRGGBB".
std::string hex_string(const rgb& c);

// Reads a style file. Keys left out keep their default; unknown keys and bad
// values are errors at their YAML line and column.
std::optional<style> load_style(const std::string& path, diagnostics& diags);

// The same for a style's text; `path` names it in diagnostics.
std::optional<style> parse_style(std::string_view yaml, const std::string& path,
                                 diagnostics& diags);

}  // namespace handout
