// The renderers, looked up by name: `convert --formats NAME,...`.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"
#include "style.hpp"

namespace handout {

// What a renderer reports about its output, for summaries (optional).
struct render_stats {
  int pages = -1;          // pages of a paged format; -1 when unknown
  int missing_glyphs = 0;  // characters no font of the style has (PDF)
  // Per outline heading, its 1-based page (from the cover) in the PDF's
  // pagination; the PDF renderer fills it, and the DOCX renderer, run after
  // it for the same deck and style, reuses it instead of paginating again.
  std::vector<int> heading_pages;
};

// Where and how a renderer writes.
struct render_options {
  // Output path without extension: `OUT/NAME`. A renderer adds its own
  // extensions (`.xml`, `.pdf`, ...).
  std::string output_stem;
  // The style every renderer follows (never null).
  const handout::style* style = nullptr;
  // Where a renderer may report what it made; may be null.
  render_stats* stats = nullptr;
  // When not empty, the one file to write: the renderer's output of this
  // extension (`convert -o talk.docx` writes talk.docx, not talk.docx.xml).
  std::string_view only_extension;
  // True when the output of extension `ext` is to be written.
  bool writes(std::string_view ext) const {
    return only_extension.empty() || only_extension == ext;
  }
};

// Writes one format of `r`; every file through a temp file and rename.
// Returns false after reporting errors to `diags`.
using render_fn = bool (*)(const report& r, const render_options& options, diagnostics& diags);

struct renderer {
  std::string_view name;
  std::string_view description;
  render_fn render;
  bool in_default_set;
  std::vector<std::string_view> extensions;  // of the files it writes: ".pdf"
};

// Every renderer, in the order `convert` runs them.
const std::vector<renderer>& renderers();

// The renderer called `name`, or null.
const renderer* find_renderer(std::string_view name);

// The renderer that writes files named like `file` (`talk.pdf`, `talk.links.json`) and the
// extension matched (the longest), or null (`convert -o FILE`).
std::pair<const renderer*, std::string_view> renderer_for_file(std::string_view file);

// Renderers, one per file: each registers itself in renderer.cpp's table.
bool render_xml(const report& r, const render_options& options, diagnostics& diags);
bool render_pdf(const report& r, const render_options& options, diagnostics& diags);
bool render_links(const report& r, const render_options& options, diagnostics& diags);
bool render_docx(const report& r, const render_options& options, diagnostics& diags);

}  // namespace handout
