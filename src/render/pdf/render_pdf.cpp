// The PDF renderer: fonts → layout (measure, break lines, paginate) → emit.
#include "io.hpp"
#include "render/pdf/emit_pdf.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/measure.hpp"
#include "render/renderer.hpp"

#ifndef HANDOUT_VERSION
#define HANDOUT_VERSION "0.1.0"
#endif

namespace handout {

bool render_pdf(const report& r, const render_options& options, diagnostics& diags) {
  const style& s = options.style != nullptr ? *options.style : default_style();
  const std::string path = options.output_stem + ".pdf";

  // 1. Fonts: found, opened, checked.
  auto fonts = pdf::font_set::open(s.fonts, diags);
  if (!fonts) return false;
  pdf::harfbuzz_metrics metrics(*fonts);

  // 2. Layout into the page model.
  pdf::page_layout layout =
      pdf::layout_report(r, s, metrics, std::string("handout ") + HANDOUT_VERSION);

  // 3. The PDF, written through a temp file.
  auto bytes = pdf::emit_pdf(layout, *fonts, path, diags);
  return bytes && write_file_atomically(path, *bytes, diags);
}

}  // namespace handout
