// The ignore file (`.handoutignore` at the root, like lychee's
// `.lycheeignore`): findings accepted on purpose, each with its reason.
// An entry that matches no finding is reported, so the file cannot rot.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "links/audit.hpp"

namespace handout::links {

// The ignore file's name at the root.
inline constexpr const char* ignore_file_name = ".handoutignore";

// One line: `RULE DECK URL REASON…`. RULE is a rule id or `*`; DECK and URL
// are globs (`*`, `?`, `[…]`; `*` also crosses `/`) over the deck's path
// relative to the root and the link's href; the reason is the rest of the
// line, required.
struct ignore_entry {
  std::string rule;
  std::string deck;
  std::string url;
  std::string reason;
  int line = 0;     // in the ignore file
  int matched = 0;  // findings it removed
};

struct ignore_list {
  std::string file;
  std::vector<ignore_entry> entries;
};

// Reads an ignore file's text; blank lines and lines starting with `#` are
// skipped. Nothing, with an error at each bad line in `diags`, when a line
// lacks a field or its reason, or names an unknown rule.
std::optional<ignore_list> parse_ignore_list(const std::string& text, const std::string& file,
                                             diagnostics& diags);

// Removes from `audits` each finding an entry matches (and recounts their
// summaries); counts each entry's matches. Deck paths are taken relative to
// `root` (an absolute directory) when inside it.
void apply_ignore_list(ignore_list& list, std::vector<audit_result>& audits,
                       const std::string& root);

// A warning for each entry that matched nothing: remove it, or fix it.
void report_unused_entries(const ignore_list& list, diagnostics& diags);

// Removes from `audits` the findings below `least` (a report's level
// filter), and recounts their summaries.
void keep_findings_from(level least, std::vector<audit_result>& audits);

}  // namespace handout::links
