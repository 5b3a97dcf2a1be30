// libFuzzer target: the intermediate reader; whatever it accepts must be
// written and read again to the same intermediate.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parse/xml_reader.hpp"
#include "parse/xml_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  handout::diagnostics diags;
  auto r = handout::read_xml(std::string_view(reinterpret_cast<const char*>(data), size), "f.xml",
                             diags);
  if (!r) return 0;
  std::string xml = handout::write_xml(*r);
  auto back = handout::read_xml(xml, "f.xml", diags);
  if (!back || handout::write_xml(*back) != xml) std::abort();
  return 0;
}
