// The `links` format of `convert`: NAME.links.json and NAME.links.md.
#include "render/renderer.hpp"

#include "io.hpp"
#include "links/audit.hpp"
#include "links/format.hpp"

namespace handout {

bool render_links(const report& r, const render_options& options, diagnostics& diags) {
  const std::vector<links::audit_result> audits = {links::audit(r)};
  bool ok =
      write_file_atomically(options.output_stem + ".links.json", links::format_json(audits), diags);
  ok = write_file_atomically(options.output_stem + ".links.md", links::format_markdown(audits),
                             diags) &&
       ok;
  return ok;
}

}  // namespace handout
