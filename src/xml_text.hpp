// The one XML sanitiser: what XML 1.0 cannot carry never reaches an XML file
// (the intermediate, the DOCX parts, JUnit).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pugi {
class xml_node;
}

namespace handout {

// Text made fit for XML 1.0, and what was dropped from it.
struct xml_text_result {
  std::string text;
  std::size_t dropped = 0;  // characters (and bytes that are not UTF-8) dropped
  std::string first;        // the first one dropped: `U+001B`, or `a byte that is not UTF-8`
};

// `s` without the code points XML 1.0 cannot carry (utf8::is_xml_illegal:
// C0 controls but tab, LF and CR; U+FFFE, U+FFFF) and without bytes that are
// not well-formed UTF-8. They are dropped, not replaced, as the text reader
// drops them from decks: a writer that can says so in a warning.
xml_text_result xml_text(std::string_view s);

// `s` with `&`, `<`, `>` and `"` written as entities, for text of XML or
// HTML put together by hand (XMP metadata, HTML in Markdown).
std::string escape_markup(std::string_view s);

// Applies xml_text() to every attribute value and text node below (and of)
// `node`, just before it is printed; the number of characters dropped.
std::size_t sanitise_xml_tree(pugi::xml_node node);

}  // namespace handout
