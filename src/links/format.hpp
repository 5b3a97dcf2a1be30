// The audit's output formats, one formatter per format and file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "links/audit.hpp"

namespace handout::links {

enum class output_format { text, json, markdown, junit, sarif, github, compact };

// The format called `name` (`text`, `json`, `markdown`, `junit`, `sarif`,
// `github`, `compact`), or nothing.
std::optional<output_format> parse_output_format(std::string_view name);

// How a report is written.
struct format_options {
  bool colour = false;  // text only: ANSI colours
  // SARIF and GitHub annotations name files relative to this absolute
  // directory (the repository root); empty: as given.
  std::string root;
  // Why inputs could not be read (no audit then): JSON, SARIF, JUnit and
  // GitHub annotations report each as a result of its own.
  std::vector<diagnostic> input_errors;
  // Warnings about the tool's own inputs (an ignore entry that matches no
  // finding): SARIF notifications and GitHub annotations too.
  std::vector<diagnostic> tool_warnings;
};

// `path` relative to the absolute directory `root`: '/'-separated, without
// `.` or `..` parts; nothing when it lies outside the root.
std::optional<std::string> path_in_root(const std::string& path, const std::string& root);

// Text for people, grouped by file and slide; ANSI colours when `colour`.
std::string format_text(const std::vector<audit_result>& audits, bool colour);

// JSON as described in docs/LINKS.md (schema docs/links.schema.json).
std::string format_json(const std::vector<audit_result>& audits,
                        const format_options& options = {});

// GitHub-flavoured Markdown, for a CI job summary.
std::string format_markdown(const std::vector<audit_result>& audits);

// JUnit XML: one test case per link, a failure per error; an unreadable
// input is a test case with an error.
std::string format_junit(const std::vector<audit_result>& audits,
                         const format_options& options = {});

// SARIF 2.1.0: one rule per rule id, results located by file and line;
// with a root, file URIs relative to %SRCROOT%, which the run maps to it;
// unreadable inputs are notifications of an unsuccessful invocation.
std::string format_sarif(const std::vector<audit_result>& audits,
                         const format_options& options = {});

// GitHub Actions workflow commands (`::error file=…,line=…::…`), files
// relative to the root when one is given.
std::string format_github(const std::vector<audit_result>& audits,
                          const format_options& options = {});

// `FILE:LINE:COL: LEVEL: RULE: MESSAGE`, one line per finding, the file as
// given (as the text format names it), for editors and problem matchers.
std::string format_compact(const std::vector<audit_result>& audits);

// Dispatches on `format`.
std::string format_audit(const std::vector<audit_result>& audits, output_format format,
                         const format_options& options = {});

}  // namespace handout::links
