// The XML writer: document model → XML intermediate.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout {

// Receives the intermediate in pieces, so that a large one needs no copy.
using xml_sink = std::function<void(std::string_view)>;

// Writes the intermediate XML of `r` (UTF-8, indented, deterministic).
void write_xml(const report& r, const xml_sink& sink);
std::string write_xml(const report& r);

// Writes it to `path` through a temp file; reports `PATH: error: …` on failure.
bool write_xml_file(const report& r, const std::string& path, diagnostics& diags);

}  // namespace handout
