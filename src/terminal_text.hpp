// Untrusted text (deck text, file names, sidecar keys, quoted inputs) made
// safe to print on a terminal or in a CI log.
#pragma once

#include <string>
#include <string_view>

namespace handout {

// True for a code point that terminal_text() shows escaped: C0 controls
// (tab and newline too), DEL, C1 controls, the bidi controls (U+061C,
// U+200E/F, U+202A–E, U+2066–9) and every other invisible format character
// (Unicode category Cf, but the joiners U+200C/D that scripts and emoji
// need), and the line and paragraph separators U+2028/9.
bool is_terminal_unsafe(char32_t cp);

// `text` as it may be printed: each code point is_terminal_unsafe() names
// becomes `\xNN` (below U+0080), `\uNNNN` or `\UNNNNNNNN`, and each byte that is not part
// of well-formed UTF-8 becomes `\xNN`, so that no input can move the
// cursor, recolour or retitle the terminal, reorder what follows, or start a
// line of its own in a log (a GitHub `::error` workflow command). The
// newline a printer writes after the text is its own.
std::string terminal_text(std::string_view text);

// A short part of untrusted input for a message: its first
// limits::max_quoted_chars code points (then `…`), through terminal_text().
// Every message that quotes a file's text uses it.
std::string excerpt(std::string_view text);

}  // namespace handout
