// libFuzzer target: the extracted-text dialect (as `--from pdftotext`), and
// the intermediate written from what it reads, which must read back to the
// same intermediate (the cover's metadata included).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parse/text_reader.hpp"
#include "parse/xml_reader.hpp"
#include "parse/xml_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  handout::diagnostics diags;
  auto r = handout::read_text(std::string_view(reinterpret_cast<const char*>(data), size), "f.txt",
                              diags, handout::text_dialect::pdftotext);
  if (!r) return 0;
  std::string xml = handout::write_xml(*r);
  auto back = handout::read_xml(xml, "f.xml", diags);
  if (!back || handout::write_xml(*back) != xml) std::abort();  // the intermediate must round-trip
  return 0;
}
