#include "render/pdf/qr.hpp"

#include <qrencode.h>

namespace handout::pdf {

std::optional<qr_code> encode_qr(const std::string& data) {
  QRcode* code = QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) return std::nullopt;
  qr_code out;
  out.modules = code->width;
  out.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return out;
}

}  // namespace handout::pdf
