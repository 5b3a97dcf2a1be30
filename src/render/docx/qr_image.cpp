#include "render/docx/qr_image.hpp"

#include <png.h>

#include <cmath>
#include <vector>

#include "render/pdf/qr.hpp"

namespace handout::docx {

namespace {

void append_to_string(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), length);
}

void no_flush(png_structp) {}

png_byte channel(double v) {
  return static_cast<png_byte>(std::lround(std::fmin(std::fmax(v, 0.0), 1.0) * 255));
}

// libpng reports errors by longjmp: nothing here has a destructor to skip.
bool write_png(std::string* out, const png_byte* pixels, std::size_t side, std::size_t stride,
               const png_color palette[2]) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, out, append_to_string, no_flush);
  // Fixed settings and no time chunk: the same code gives the same bytes.
  png_set_compression_level(png, 9);
  png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 1,
               PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_PLTE(png, info, palette, 2);
  png_write_info(png, info);
  for (std::size_t y = 0; y < side; ++y) png_write_row(png, pixels + y * stride);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

std::optional<std::string> qr_png(const std::string& uri, const rgb& dark) {
  auto code = pdf::encode_qr(uri);
  if (!code || code->modules <= 0) return std::nullopt;
  const auto modules = static_cast<std::size_t>(code->modules);
  const std::size_t side = modules * qr_pixels_per_module;
  // One bit per pixel, palette index 1 for a dark module; one row per module row.
  std::vector<png_byte> pixels((side + 7) / 8 * side, 0);
  const std::size_t stride = (side + 7) / 8;
  for (std::size_t y = 0; y < side; ++y) {
    for (std::size_t x = 0; x < side; ++x) {
      if (code->dark[(y / qr_pixels_per_module) * modules + x / qr_pixels_per_module]) {
        pixels[y * stride + x / 8] |= static_cast<png_byte>(0x80 >> (x % 8));
      }
    }
  }

  const png_color palette[2] = {{255, 255, 255},
                                {channel(dark.r), channel(dark.g), channel(dark.b)}};
  std::string out;
  if (!write_png(&out, pixels.data(), side, stride, palette)) return std::nullopt;
  return out;
}

}  // namespace handout::docx
