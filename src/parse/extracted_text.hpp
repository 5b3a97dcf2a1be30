// The extracted-text dialect: text that pdftotext (or a tool like it) took
// out of a slide PDF, read into the same model as the canonical layout.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// True when lines split at form feeds (`page_starts`: the line where each
// page after a form feed starts) look extracted rather than canonical:
// fewer than half of the pages start with an indented line (a canonical
// page starts with ` Title` or ` 01`).
bool looks_extracted(const std::vector<std::string_view>& lines,
                     const std::vector<std::size_t>& page_starts);

// Reads extracted lines (already checked and cleaned by read_text): pages
// become slides, the first page the cover (into report::meta), number-only
// titles section dividers; footers, page numbers and symbol-font bullets
// are dealt with (docs/ARCHITECTURE.md, "The extracted-text dialect").
report read_extracted_lines(const std::vector<std::string_view>& lines,
                            const std::vector<std::size_t>& page_starts, const std::string& source,
                            diagnostics& diags);

// A cover's date as YYYY-MM-DD (from 2020-01-15, 2020/1/15, 2020.01.15 or
// 2020年1月15日), or empty.
std::string parse_cover_date(std::string_view text);

// The level of a bullet glyph that slide software writes (Symbol and
// Wingdings glyphs in the Private Use Area, `·`, `–`), or 0.
int extracted_bullet_level(char32_t glyph);

}  // namespace handout
