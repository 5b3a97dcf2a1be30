// The audit's output formats, one formatter per format and file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "links/audit.hpp"

namespace handout::links {

enum class output_format { text, json, markdown, junit, sarif, github };

// The format called `name` (`text`, `json`, `markdown`, `junit`, `sarif`,
// `github`), or nothing.
std::optional<output_format> parse_output_format(std::string_view name);

// Text for people, grouped by file and slide; ANSI colours when `colour`.
std::string format_text(const std::vector<audit_result>& audits, bool colour);

// JSON as described in docs/LINKS.md (schema docs/links.schema.json).
std::string format_json(const std::vector<audit_result>& audits);

// GitHub-flavoured Markdown, for a CI job summary.
std::string format_markdown(const std::vector<audit_result>& audits);

// JUnit XML: one test case per link, a failure per error.
std::string format_junit(const std::vector<audit_result>& audits);

// SARIF 2.1.0: one rule per rule id, results located by file and line.
std::string format_sarif(const std::vector<audit_result>& audits);

// GitHub Actions workflow commands (`::error file=…,line=…::…`).
std::string format_github(const std::vector<audit_result>& audits);

// Dispatches on `format`; `colour` matters to text only.
std::string format_audit(const std::vector<audit_result>& audits, output_format format,
                         bool colour);

}  // namespace handout::links
