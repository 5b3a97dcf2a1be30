// QR codes for the DOCX: the PDF's module grid (render/pdf/qr) as a PNG.
#pragma once

#include <optional>
#include <string>

#include "style.hpp"

namespace handout::docx {

// Pixels per QR module: enough that readers scaling the picture to the
// style's qr_size keep the modules sharp.
inline constexpr int qr_pixels_per_module = 8;

// `uri` as a QR code (level M, as in the PDF): a two-colour palette PNG,
// dark modules in `dark`, light ones white, no quiet zone (the page's white
// margin is it). The same input always gives the same bytes. Nothing when
// the URI is too long for a QR code or PNG encoding fails.
std::optional<std::string> qr_png(const std::string& uri, const rgb& dark);

}  // namespace handout::docx
