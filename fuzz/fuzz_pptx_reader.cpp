// libFuzzer target: the .pptx reader on any bytes (mostly rejected by
// libzip; seed it with tests/data/slides/*.pptx), and the intermediate
// written from what it reads, which must read back to the same intermediate.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parse/pptx_reader.hpp"
#include "parse/xml_reader.hpp"
#include "parse/xml_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  handout::diagnostics diags;
  auto r = handout::read_pptx(std::string_view(reinterpret_cast<const char*>(data), size),
                              "f.pptx", diags);
  if (!r) return 0;
  std::string xml = handout::write_xml(*r);
  auto back = handout::read_xml(xml, "f.xml", diags);
  if (!back || handout::write_xml(*back) != xml) std::abort();  // the intermediate must round-trip
  return 0;
}
