// The PDF renderer: fonts → layout (measure, break lines, paginate) → emit.
#include <set>

#include "io.hpp"
#include "render/pdf/emit_pdf.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/measure.hpp"
#include "render/pdf/missing_glyphs.hpp"
#include "render/renderer.hpp"

#ifndef HANDOUT_VERSION
#define HANDOUT_VERSION "0.1.0"
#endif

namespace handout {

bool render_pdf(const report& r, const render_options& options, diagnostics& diags) {
  const style& s = options.style != nullptr ? *options.style : default_style();
  const std::string path = options.output_stem + ".pdf";

  // 1. Fonts: found, opened, checked; an installed font for a character
  //    they lack is added as layout meets it.
  auto fonts = pdf::font_set::open(s.fonts, diags);
  if (!fonts) return false;
  pdf::harfbuzz_metrics metrics(*fonts, r.meta.lang, s.ligatures);

  // 2. Layout into the page model; a long report page by page (composed
  //    again as it is drawn), so that its page model is never held whole.
  const std::string creator = std::string("handout ") + HANDOUT_VERSION;
  pdf::page_source pages;
  pdf::page_layout layout = pdf::lays_out_page_by_page(r)
                                ? pdf::layout_report_page_by_page(r, s, metrics, creator, pages)
                                : pdf::layout_report(r, s, metrics, creator);

  // 3. Characters no font has, neither the style's nor an installed one:
  //    one warning for them all.
  std::set<char32_t> missing;
  for (const auto& [font, characters] : layout.census.characters) {
    for (char32_t cp : characters) {
      if (cp > ' ' && !pdf::draws_nothing(cp) && !metrics.has_glyph(font, cp)) missing.insert(cp);
    }
  }
  if (auto warning = pdf::missing_glyphs_warning(r, missing)) diags.add(std::move(*warning));
  if (options.stats != nullptr) options.stats->missing_glyphs = static_cast<int>(missing.size());

  // 4. The PDF, written in pieces to a temp file renamed onto the output.
  if (options.stats != nullptr) {
    options.stats->pages = static_cast<int>(layout.pages.size());
    options.stats->heading_pages = layout.heading_pages;
  }
  return write_file_atomically(
      path,
      [&](const byte_sink& out) { return pdf::emit_pdf(layout, *fonts, path, diags, out, pages); },
      diags);
}

}  // namespace handout
