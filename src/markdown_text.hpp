// Untrusted text (file names, deck text, messages) made safe in Markdown: the
// one escaper of every Markdown output (OUT/summary.md, NAME.links.md and
// `links --format markdown`, which CI appends to $GITHUB_STEP_SUMMARY).
#pragma once

#include <string>
#include <string_view>

namespace handout::markdown {

// `text` as literal inline text in a paragraph, list item or table cell:
// first terminal_text() (one line: no line break, control or bidi character
// survives), then each ASCII character that Markdown or GitHub gives a
// meaning (emphasis, links and images by their `[`, code, HTML, entities,
// cells, math, strike-through, headings) backslash-escaped, and a leading
// `-`, `+` or `=` too, so that no input can start a heading, list, link or
// block.
std::string text(std::string_view text);

// Where a code span goes: a `|` inside a table cell must be escaped (GitHub
// splits cells before it reads code spans), elsewhere it must not be.
enum class place { block, table_cell };

// `text` as a code span: after terminal_text(), delimited by one backtick
// more than its longest run of backticks (padded with a space when it starts
// or ends with one), so that it cannot end the span early.
std::string code(std::string_view text, place where = place::block);

// The fence of a code block holding `text`: three backticks, or one more
// than its longest run of them, so that no line of `text` closes the block.
std::string fence(std::string_view text);

// `text` inside an HTML element (`<summary>`), where Markdown is not read:
// terminal_text(), then `&`, `<`, `>` and `"` as entities.
std::string html(std::string_view text);

// A link destination (`[label](DEST)`): every byte that could end it or
// break the line (space, controls, `(`, `)`, `<`, `>`, `\`, `|`)
// percent-encoded.
std::string link_target(std::string_view href);

}  // namespace handout::markdown
