#include "parse/load.hpp"

#include <filesystem>

#include "io.hpp"
#include "limits.hpp"
#include "parse/metadata.hpp"
#include "parse/odp_reader.hpp"
#include "parse/pptx_reader.hpp"
#include "parse/text_reader.hpp"
#include "parse/xml_reader.hpp"

namespace handout {

bool is_intermediate_path(const std::string& path) {
  return std::filesystem::path(path).extension() == ".xml";
}

std::optional<report> load_input(const std::string& path, diagnostics& diags,
                                 text_dialect dialect) {
  auto bytes = read_file(path, limits::max_input_bytes(), diags, "--max-input-size");
  if (!bytes) return std::nullopt;
  if (is_intermediate_path(path)) return read_xml(*bytes, path, diags);
  auto r = is_pptx_path(path)  ? read_pptx(*bytes, path, diags)
           : is_odp_path(path) ? read_odp(*bytes, path.ends_with(".fodp"), path, diags)
                               : read_text(*bytes, path, diags, dialect);
  if (!r) return std::nullopt;
  if (!read_sidecar(sidecar_path(path), r->meta, diags)) return std::nullopt;
  derive_metadata(*r, path);
  return r;
}

}  // namespace handout
