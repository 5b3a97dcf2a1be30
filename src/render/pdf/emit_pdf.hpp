// The PDF emitter: draws a page model with libharu, one function per kind
// of page item. The only file that knows libharu.
#pragma once

#include <optional>
#include <string>

#include "diagnostic.hpp"
#include "render/pdf/finish_pdf.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// Writes the PDF file through `out` in pieces; false after reporting errors
// (against `output_path`) to `diags`, or when `out` fails. Fonts are subset
// with HarfBuzz to the characters of the layout's census and embedded. The
// pages come from `pages` when given (a layout drawn page by page:
// `layout.pages` then only gives their number), else from `layout.pages`.
// Each page's items are released once drawn and its content compressed (so
// the page model and libharu's pages are not both held whole), and its
// structure taken by the writer; the outline, labels and info stay.
bool emit_pdf(page_layout& layout, const font_set& fonts, const std::string& output_path,
              diagnostics& diags, const byte_sink& out, const page_source& pages = {});

// The same, the file's bytes returned (or nothing after errors).
std::optional<std::string> emit_pdf(page_layout& layout, const font_set& fonts,
                                    const std::string& output_path, diagnostics& diags,
                                    const page_source& pages = {});

}  // namespace handout::pdf
