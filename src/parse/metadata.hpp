// Document metadata: the optional sidecar `NAME.meta.yaml`, and defaults.
#pragma once

#include <optional>
#include <string>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// The sidecar of an input: `dir/NAME.meta.yaml` for `dir/NAME.txt`, or
// `dir/NAME.meta.yml` when only that one exists.
std::string sidecar_path(const std::string& input);

// True, with an error naming both, when `NAME.meta.yaml` and `NAME.meta.yml`
// both exist beside `input`.
bool sidecars_conflict(const std::string& input, diagnostics& diags);

// Reads the sidecar at `path`, if it exists, into `meta`. Keys: title,
// subtitle, author, date (YYYY-MM-DD), lang. Unknown keys and bad values are
// errors at their YAML line and column. Returns false on errors.
bool read_sidecar(const std::string& path, metadata& meta, diagnostics& diags);

// True for a BCP 47 language tag such as `zh-CN` or `en`.
bool is_language_tag(const std::string& tag);

// Fills what is still empty: the title from the file name, the language from
// the script of the text, the date from SOURCE_DATE_EPOCH (never the clock).
void derive_metadata(report& r, const std::string& input_path);

// SOURCE_DATE_EPOCH as whole seconds since 1970 (to 9999-12-31), or nothing
// when it is unset, empty or malformed; for a malformed one, `problem`
// receives its value (the commands refuse to run with it).
std::optional<long long> source_date_epoch(std::string* problem = nullptr);

// "zh-CN", "ja", "ko" or "en", from the letters of the text.
std::string detect_language(const report& r);

}  // namespace handout
