// The text reader: bullet-structured slide text → document model.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// Parses a text deck (UTF-8, optional BOM, LF or CRLF). `source` names the
// input in diagnostics and becomes report::source. Warnings (content that
// could not be placed, dropped control characters) go to `diags`; on an
// error the result is empty. Metadata is left for apply_metadata().
std::optional<report> read_text(std::string_view bytes, const std::string& source,
                                diagnostics& diags);

// The URLs (http, https) inside running text, as byte spans.
std::vector<url_span> find_urls(std::string_view text);

// True when a trimmed line is a link line: a URL and nothing before it.
bool is_link_line(std::string_view trimmed);

}  // namespace handout
