// The DOCX writer: one in-memory package of parts, serialized as a Flat OPC
// XML file (NAME.docx.xml, which Word opens directly) and as a zipped
// .docx (NAME.docx). Both come from the same parts, so they never disagree.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"
#include "render/docx/types.hpp"
#include "style.hpp"

namespace handout::docx {

// Builds every part for `r` in the style `look`. Text XML cannot carry is
// dropped with a warning in `diags`. `heading_pages` (per outline heading,
// its page from the cover) fills the contents' page numbers; when null, the
// report is paginated here as the PDF renderer paginates it. Without
// `flat_opc` the package serves the zipped form alone.
package build_package(const report& r, const style& look, diagnostics& diags,
                      const std::vector<int>* heading_pages = nullptr, bool flat_opc = true);

// The Flat OPC form: `<?mso-application progid="Word.Document"?>` and one
// `pkg:part` per part, streamed to `out` (no copy of the parts is made).
void write_flat_opc(const package& pkg, pugi::xml_writer& out);
std::string to_flat_opc(const package& pkg);

// One part as a standalone XML file, as stored in the zip.
std::string part_bytes(const part& p);

// The zipped form with `[Content_Types].xml` first, fixed timestamps and
// part order, so the same package always gives the same bytes. On failure
// returns nothing and sets `error`.
std::optional<std::string> to_zip(const package& pkg, std::string& error);

}  // namespace handout::docx
