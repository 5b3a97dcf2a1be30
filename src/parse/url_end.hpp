// Where a URL written inside running text ends: the one rule the text reader
// uses to mark URLs in bullet text (docs/LINKS.md, "URLs inside bullet text").
#pragma once

#include <cstddef>
#include <string_view>

namespace handout {

// The end (one past the last byte) of the URL whose authority, what follows
// its `://`, starts at `text[authority]`; `text` is valid UTF-8. The URL runs
// up to an ASCII space or control character, `"`, `<`, `>` or a backtick; or
// a non-ASCII space, punctuation mark, symbol or other (general categories Z*,
// P*, S*, C*: `，。…—．～「」（）`); or a CJK letter (Han, Bopomofo, Hiragana,
// Katakana, Hangul, full-width Latin letters and digits) after a host that
// does not start with one (`example.com里面`; `例子.测试` is an IDN host),
// or in the path of a YouTube host (is_youtube_host in youtube_hosts.hpp,
// the link audit's rule too) except where YouTube's URLs hold names
// (`/@频道名`, `/c/…`, `/hashtag/…`, `/results?search_query=…`). Then
// trailing `.,:;!?'"*_~` and unbalanced closing `)`, `]`, `}` are left to
// the sentence, as GitHub's autolinks and linkify-it do. Answers `authority`
// when nothing of the URL is left.
std::size_t url_end(std::string_view text, std::size_t authority);

}  // namespace handout
