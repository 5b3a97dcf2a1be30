// Document metadata: the optional sidecar `NAME.meta.yaml`, and defaults.
#pragma once

#include <string>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// The sidecar of an input: `dir/NAME.meta.yaml` for `dir/NAME.txt`.
std::string sidecar_path(const std::string& input);

// Reads the sidecar at `path`, if it exists, into `meta`. Keys: title,
// subtitle, author, date (YYYY-MM-DD), lang. Unknown keys and bad values are
// errors at their YAML line and column. Returns false on errors.
bool read_sidecar(const std::string& path, metadata& meta, diagnostics& diags);

// True for a BCP 47 language tag such as `zh-CN` or `en`.
bool is_language_tag(const std::string& tag);

// Fills what is still empty: the title from the file name, the language from
// the script of the text, the date from SOURCE_DATE_EPOCH (never the clock).
void derive_metadata(report& r, const std::string& input_path);

// "zh-CN", "ja", "ko" or "en", from the letters of the text.
std::string detect_language(const report& r);

}  // namespace handout
