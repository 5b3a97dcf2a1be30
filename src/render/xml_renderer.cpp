#include "io.hpp"
#include "parse/xml_writer.hpp"
#include "render/renderer.hpp"

namespace handout {

bool render_xml(const report& r, const render_options& options, diagnostics& diags) {
  return write_file_atomically(options.output_stem + ".xml", write_xml(r), diags);
}

}  // namespace handout
