// QR codes (libqrencode) as module grids for the page model.
#pragma once

#include <optional>
#include <string>

#include "render/pdf/page_model.hpp"

namespace handout::pdf {

// `data` encoded at error-correction level M, with modules but no position;
// nothing when it cannot be encoded (too long).
std::optional<qr_code> encode_qr(const std::string& data);

}  // namespace handout::pdf
