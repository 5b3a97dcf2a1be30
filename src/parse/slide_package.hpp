// What the slide package readers (.pptx, .odp) share: a zip package read
// in memory with every part bounded, namespace-blind XML look-ups, and the
// slides as read (title, subtitle, body and text-box paragraphs) written as
// canonical lines for the text reader's state machine.
#pragma once

#include <zip.h>

#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout::slides {

// The element's name without its namespace prefix (`p:sp` → `sp`).
std::string_view local_name(const pugi::xml_node& n);
// The first child of `n` with local name `local`, or null.
pugi::xml_node child(const pugi::xml_node& n, std::string_view local);
// A name from a package as it may be shown on a terminal: bytes outside
// printable ASCII percent-encoded, as in a URI.
std::string shown(std::string_view name);

struct zip_closer {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// A package opened in memory; every part read is bounded (limits.hpp).
// Errors name `source`, at `line` (a slide number) when it is not 0.
class zip_package {
 public:
  // `kind` names the package in errors ("a PowerPoint package").
  zip_package(const std::string& source, diagnostics& diags, std::string_view kind)
      : source_(source), diags_(diags), kind_(kind) {}
  bool open(std::string_view bytes);
  // The part at `name`, or nothing (with an error when `required`).
  std::optional<std::string> read(const std::string& name, int line, bool required = true);
  // The part at `name` as XML.
  bool read_xml(const std::string& name, int line, pugi::xml_document& doc, bool required = true);
  void fail(int line, std::string message);

 private:
  const std::string& source_;
  diagnostics& diags_;
  std::string_view kind_;
  std::unique_ptr<zip_t, zip_closer> zip_;
  std::size_t read_ = 0;
};

// XML bytes (a part, or a Flat ODF file: `name` empty) parsed into `doc`;
// an error at `line` naming `name` when they are not well-formed.
bool parse_xml(std::string_view bytes, const std::string& name, int line, pugi::xml_document& doc,
               const std::string& source, diagnostics& diags);

// A paragraph of a shape: its text, level and hyperlink targets.
struct paragraph {
  std::string text;
  int level = 1;
  std::vector<std::string> links;  // hyperlink targets of its runs
  bool only_links = true;          // every run with text is hyperlinked or a URL
};

// Appends `t` as the canonical lines can carry it: controls (PowerPoint's
// vertical tab is a soft line break) become spaces.
void append_text(std::string& out, std::string_view t);
// `t` as append_text() writes it (for hyperlink targets).
std::string clean_text(std::string_view t);

// One slide as read: its shapes' paragraphs by role.
struct slide_parts {
  std::string title;
  std::vector<paragraph> subtitle, body, boxes;
  bool center_title = false;  // a `ctrTitle`: a title slide's
  // Its layout is a section header (.pptx `secHead`): a section divider,
  // numbered when its title is a number (`01`, `01 Title`).
  bool section_header = false;
  // It has speaker notes with text, which the model cannot hold: skipped,
  // with one note per deck (read_slides).
  bool has_notes = false;
};

// The slides as read, in order, into the model: the first slide as the title
// slide (metadata) when it is one, divider slides (a number as title, or a
// section header layout) as sections unless `section_by_slide` (section name
// per slide, 1-based; empty: none) gives the sections. Every element's line
// is its slide number. Speaker notes are skipped with one note at the first
// slide that has them, counting them all. Nothing on an error (text that is
// not UTF-8).
std::optional<report> read_slides(const std::vector<slide_parts>& slides,
                                  const std::vector<std::string>& section_by_slide,
                                  const std::string& source, diagnostics& diags);

}  // namespace handout::slides
