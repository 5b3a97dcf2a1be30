#include "parse/load.hpp"

#include <cctype>
#include <filesystem>

#include "io.hpp"
#include "limits.hpp"
#include "parse/metadata.hpp"
#include "parse/odp_reader.hpp"
#include "parse/pptx_reader.hpp"
#include "parse/text_reader.hpp"
#include "parse/xml_reader.hpp"

namespace handout {

bool is_intermediate_path(const std::string& path) { return lower_extension(path) == ".xml"; }

std::optional<report> load_input(const std::string& path, diagnostics& diags, text_dialect dialect,
                                 const std::string& tree) {
  const std::string root = tree.empty() ? std::filesystem::path(path).parent_path().string() : tree;
  if (std::string why = outside_input_tree(path, root); !why.empty()) {
    diags.error(path, 0, 0, why);
    return std::nullopt;
  }
  auto bytes = read_input(path, limits::max_input_bytes(), diags, "--max-input-size");
  if (!bytes) return std::nullopt;
  // Standard input is a text deck named `stdin`, without a sidecar.
  const bool from_stdin = is_standard_stream(path);
  const std::string name = from_stdin ? std::string(stdin_name) : path;
  if (!from_stdin && is_intermediate_path(path)) return read_xml(*bytes, path, diags);
  auto r = from_stdin           ? read_text(*bytes, name, diags, dialect)
           : is_pptx_path(path) ? read_pptx(*bytes, path, diags)
           : is_odp_path(path)  ? read_odp(*bytes, lower_extension(path) == ".fodp", path, diags)
                                : read_text(*bytes, path, diags, dialect);
  if (!r) return std::nullopt;
  if (!from_stdin) {
    if (sidecars_conflict(path, diags)) return std::nullopt;
    const std::string sidecar = sidecar_path(path);
    if (std::string why = outside_input_tree(sidecar, root); !why.empty()) {
      diags.error(sidecar, 0, 0, why);
      return std::nullopt;
    }
    if (!read_sidecar(sidecar, r->meta, diags)) return std::nullopt;
  }
  derive_metadata(*r, from_stdin ? "stdin" : path);
  return r;
}

}  // namespace handout
