// libFuzzer target: URL classification, the IRI → URI mapping, the `pp`
// decoder and link labels.
#include <cstdint>
#include <string_view>

#include "render/link_label.hpp"
#include "links/search_query.hpp"
#include "links/url.hpp"
#include "links/youtube_url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  handout::links::classify(text);
  handout::links::to_uri(text);
  handout::links::decode_pp(text);
  handout::link_label(std::string(text));
  return 0;
}
