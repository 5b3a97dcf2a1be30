// The outline of a report, planned once from the document model for every
// renderer: which sections and slides get headings (number, text, level),
// the fixed words in the report's language, and the links shown under each
// slide. Renderers lay it out; none of them plans it again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"

namespace handout {

// The languages the fixed words are written in.
enum class word_language { zh_hans, zh_hant, ja, ko, en };

// The word language of a BCP 47 tag (`zh-CN`, `zh-Hant-TW`, `ja`, `ko-KR`),
// compared without regard to case: Chinese is Traditional with the script
// `Hant`, or without a script in TW, HK and MO, and Simplified otherwise;
// every other language, and an empty tag, falls back to English.
word_language word_language_of(std::string_view tag);

// The fixed words a renderer prints around the report's own text.
struct fixed_words {
  std::string_view contents;  // the heading of the table of contents
  std::string_view author;    // the cover's label of the author
  std::string_view date;      // the cover's label of the date
  std::string_view source;    // the cover's label of the input file
  std::string_view page;      // a page, for labelling page numbers
};

// The fixed words of one language.
const fixed_words& words_in(word_language lang);

// A heading of the report, in document order.
struct heading {
  int level = 1;       // 1: a section; 2: a slide (also when its section has no heading)
  std::string number;  // a section's number (`01`), or ""
  std::string title;   // the title without the number; "" for a numbered untitled section
  std::string text;    // as printed: `01 算法与模型发展`, `附录`, `02`
  int line = 0;        // the section's or slide's source line
};

// One link shown under a slide; the renderers set a slide's rows side by side.
struct link_row {
  std::string href;     // as written
  std::string caption;  // link_caption(): the short label, and the video title when known
  int line = 0;         // the source line of its first occurrence
};

// A slide of the outline: its heading, if any, and the links to show.
struct slide_outline {
  const slide* source = nullptr;
  int heading = -1;  // index into outline::headings; -1: the slide is untitled
  std::vector<link_row> links;
};

// A section of the outline: its heading, if any, and its slides.
struct section_outline {
  const section* source = nullptr;
  int heading = -1;  // index into outline::headings; -1: no number and no title
  std::vector<slide_outline> slides;
};

// What every renderer shows of a report's structure. It points into the
// report it was planned from and is valid while that report is.
struct outline {
  fixed_words words;
  std::vector<heading> headings;          // every heading, for contents and bookmarks
  std::vector<section_outline> sections;  // one per section of the report, in order
};

// The outline of `r`. A section gets a heading when it has a number or a
// title, a slide when it has a title; a link repeated under one slide (the
// same href) is shown once, at its first position.
outline plan_outline(const report& r);

}  // namespace handout
