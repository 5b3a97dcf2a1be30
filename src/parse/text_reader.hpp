// The text reader: bullet-structured slide text → document model.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// How a text deck is laid out: the canonical layout, or text extracted
// from a slide PDF (pdftotext: a page per slide, form feeds between them);
// `detect` tells them apart by the form feeds (extracted_text.hpp).
enum class text_dialect { detect, canonical, pdftotext };

// Parses a text deck (UTF-8, optional BOM, LF or CRLF). `source` names the
// input in diagnostics and becomes report::source. Warnings (content that
// could not be placed, dropped control characters) go to `diags`; on an
// error the result is empty. Metadata is left for apply_metadata(), except
// what an extracted deck's cover gives.
std::optional<report> read_text(std::string_view bytes, const std::string& source,
                                diagnostics& diags, text_dialect dialect = text_dialect::detect);

// Where a line handed to read_canonical_lines() was read: its source line,
// and what to add to its columns to get the source's.
struct line_origin {
  int line = 0;
  int column_shift = 0;
};

// The text reader's state machine over lines already in the canonical
// layout (one origin per line): what a dialect's pre-pass hands on.
report read_canonical_lines(const std::vector<std::string_view>& lines,
                            const std::vector<line_origin>& origins, const std::string& source,
                            diagnostics& diags);

// The URLs (http, https) inside running text, as byte spans.
std::vector<url_span> find_urls(std::string_view text);

// True when a trimmed line is a link line: a URL and nothing before it.
bool is_link_line(std::string_view trimmed);

}  // namespace handout
