#include "markdown_text.hpp"

#include <algorithm>

#include "percent_encoding.hpp"
#include "terminal_text.hpp"
#include "xml_text.hpp"

namespace handout::markdown {

namespace {

// The longest run of backticks in `text`.
std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

// Characters that start something in CommonMark or GitHub's Markdown:
// escapes, emphasis, code, links and images (`[`; without it `(`, `)` and
// `!` are text), HTML and entities, table cells, strike-through, math,
// headings.
constexpr std::string_view special = "\\`*_[]<>&|~$#";

}  // namespace

std::string text(std::string_view raw) {
  const std::string safe = terminal_text(raw);
  std::string out;
  out.reserve(safe.size() + 8);
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    if (special.find(c) != std::string_view::npos ||
        (i == 0 && (c == '-' || c == '+' || c == '='))) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string code(std::string_view raw, place where) {
  std::string safe = terminal_text(raw);
  if (where == place::table_cell) {
    std::string escaped;
    for (char c : safe) {
      if (c == '|') escaped += '\\';
      escaped += c;
    }
    safe = std::move(escaped);
  }
  const std::string ticks(longest_backtick_run(safe) + 1, '`');
  const bool pad = !safe.empty() && (safe.front() == '`' || safe.back() == '`');
  return ticks + (pad ? " " : "") + safe + (pad ? " " : "") + ticks;
}

std::string fence(std::string_view text) {
  return std::string(std::max<std::size_t>(3, longest_backtick_run(text) + 1), '`');
}

std::string html(std::string_view raw) { return escape_markup(terminal_text(raw)); }

std::string link_target(std::string_view href) {
  return percent_encode(href, [](unsigned char b) {
    return b > 0x20 && b != 0x7F &&
           std::string_view("()<>\\|").find(static_cast<char>(b)) == std::string_view::npos;
  });
}

}  // namespace handout::markdown
