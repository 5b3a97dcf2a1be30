#include "parse/xml_writer.hpp"
#include "render/renderer.hpp"

namespace handout {

bool render_xml(const report& r, const render_options& options, diagnostics& diags) {
  return write_xml_file(r, options.output_stem + ".xml", diags);
}

}  // namespace handout
