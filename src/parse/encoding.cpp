#include "parse/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <array>
#include <memory>

namespace handout {

namespace {

struct bom {
  std::string_view bytes;
  std::string_view encoding;
};

// UTF-32LE's mark starts with UTF-16LE's, so it is tried first.
constexpr std::array<bom, 4> boms{{
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
}};

// The smallest confidence (0–100) at which the detector's guess is named,
// and how much of a file it reads.
constexpr int min_confidence = 50;
constexpr std::size_t sample_bytes = 64 * 1024;

}  // namespace

std::optional<std::string_view> unicode_bom_encoding(std::string_view bytes) {
  for (const bom& b : boms) {
    if (bytes.starts_with(b.bytes)) return b.encoding;
  }
  return std::nullopt;
}

std::optional<std::string> decode_to_utf8(std::string_view bytes, std::string_view encoding,
                                          std::size_t& bad_offset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> from(
      ucnv_open(std::string(encoding).c_str(), &status), &ucnv_close);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  // Stop at a malformed sequence instead of substituting U+FFFD.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const std::size_t mark =
      unicode_bom_encoding(bytes) == encoding ? (encoding.starts_with("UTF-32") ? 4 : 2) : 0;
  const char* source = bytes.data() + mark;
  // UTF-8 needs at most 3 bytes for a UTF-16 code unit and 4 for a UTF-32 one.
  std::string out(bytes.size() * 2 + 16, '\0');
  char* target = out.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (U_FAILURE(status)) {
    // The source stops after the bad sequence, which ICU keeps.
    char bad[32];
    int8_t length = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(from.get(), bad, &length, &ignored);
    bad_offset = static_cast<std::size_t>(source - bytes.data()) -
                 static_cast<std::size_t>(U_SUCCESS(ignored) ? length : 0);
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

std::optional<std::string> likely_encoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  bytes = bytes.substr(0, sample_bytes);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return std::nullopt;
  const int confidence = ucsdet_getConfidence(match, &status);
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr || confidence < min_confidence) return std::nullopt;
  if (std::string_view(name) == "UTF-8") return std::nullopt;
  return std::string(name);
}

}  // namespace handout
