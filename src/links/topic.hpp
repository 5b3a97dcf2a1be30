// Whether a search query is about a slide: used by the query-off-topic rule.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace handout::links {

// `text` in NFKC with case folded (`ＢＥＲＴ`, `Bert` → `bert`), for matching.
std::string fold_text(std::string_view text);

// The words of a search query, folded: runs of letters and digits (joined
// by inner `-`, `.`, `_`: `gpt-2`, `2.0`), minus English stop words; a run
// of CJK characters, which Chinese and Japanese write without spaces, gives
// its two-character pieces (`深度伪造` → `深度`, `度伪`, `伪造`) or itself
// when it is one character long.
std::vector<std::string> query_words(std::string_view query);

// True when `word` occurs in `folded_text`; a word of letters or digits
// must start a word there (`bert` is in `bert的开源`, not in `albert`).
bool text_mentions(std::string_view folded_text, std::string_view word);

// True when some word of `query` occurs in `folded_text`, or the query has
// no words to judge by.
bool query_on_topic(std::string_view query, std::string_view folded_text);

}  // namespace handout::links
