// libFuzzer target: the style reader.
#include <cstdint>
#include <string_view>

#include "style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  handout::diagnostics diags;
  handout::parse_style(std::string_view(reinterpret_cast<const char*>(data), size), "f.yaml", diags);
  return 0;
}
