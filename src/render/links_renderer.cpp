// The `links` format of `convert`: NAME.links.json and NAME.links.md.
#include "io.hpp"
#include "links/audit.hpp"
#include "links/format.hpp"
#include "render/renderer.hpp"

namespace handout {

bool render_links(const report& r, const render_options& options, diagnostics& diags) {
  const std::vector<links::audit_result> audits = {links::audit(r)};
  bool ok =
      !options.writes(".links.json") ||
      write_file_atomically(options.output_stem + ".links.json", links::format_json(audits), diags);
  ok = (!options.writes(".links.md") ||
        write_file_atomically(options.output_stem + ".links.md", links::format_markdown(audits),
                              diags)) &&
       ok;
  return ok;
}

}  // namespace handout
