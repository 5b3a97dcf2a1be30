// Text into WordprocessingML runs: only characters XML 1.0 can carry, with
// the East Asian font hint where CJK characters appear.
#pragma once

#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>

#include "render/docx/ooxml.hpp"
#include "render/docx/types.hpp"

namespace handout::docx {

// `s` without the characters XML 1.0 cannot carry (and without bytes that are
// not UTF-8); drops are reported as one warning at `line` of the source,
// naming `what` ("a bullet", "the title").
std::string xml_safe(std::string_view s, int line, std::string_view what, const writer_env& env,
                     writer_state& state);

// True when `s` holds a Han, kana, Hangul or CJK punctuation character.
bool has_east_asian(std::string_view s);

// Appends runs for `text` (already XML-safe) to `parent`: tabs become
// `w:tab`, line breaks (LF, CR, CRLF) `w:br`, and text with CJK characters gets the
// `eastAsia` font hint.
void append_runs(pugi::xml_node parent, std::string_view text, run_props props = {});

// Adds the characters `root` shows (its `w:t` text and `w:lvlText` glyphs) to `out`.
void add_shown_chars(const pugi::xml_node& root, std::set<char32_t>& out);

}  // namespace handout::docx
