// Extraction: every link of a report (link lines under slides and URLs
// inside bullet text) with its slide and source line.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "document.hpp"

namespace handout::links {

// A slide as the audit sees it.
struct slide_info {
  std::string section_number;  // empty for an unnumbered section
  std::string section_title;   // empty for the untitled section
  std::string title;           // empty for the untitled slide
  int line = 0;
  // The title and bullet text, with the URLs inside it blanked out: what the
  // search query of a link on this slide is compared with.
  std::string text;
};

enum class link_origin { link_line, text };

// `link-line` or `text`.
const char* origin_name(link_origin origin);

struct extracted_link {
  std::string href;
  int line = 0;           // the link line, or the URL's line in bullet text
  int column = 0;         // a URL in bullet text: where it starts; else 0
  std::size_t slide = 0;  // index into extraction::slides
  link_origin origin = link_origin::link_line;
};

struct extraction {
  std::vector<slide_info> slides;     // in document order
  std::vector<extracted_link> links;  // by slide, then line
};

extraction extract_links(const report& r);

}  // namespace handout::links
