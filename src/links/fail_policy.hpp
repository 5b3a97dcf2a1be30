// Which link audit findings fail a run: the one `--fail-on` grammar and the
// one exit-status rule of `links` and `convert`.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "links/audit.hpp"

namespace handout::links {

// The least severe level that fails the run, or none.
enum class fail_level { info, warning, error, none };

// What `--fail-on` asked for.
struct fail_policy {
  fail_level level = fail_level::error;
  // link-unreachable findings (the online check could not decide) fail the
  // run only when this is set; otherwise they never do, whatever `level`.
  bool unknown = false;
};

// Reads `--fail-on`: `error`, `warning`, `info`, `none`, `unknown`, or a
// level and `unknown` joined by a comma (`warning,unknown`); `unknown`
// alone means `error,unknown`. Nothing when the text is none of these.
std::optional<fail_policy> parse_fail_policy(std::string_view text);

// The `--fail-on` values, for help texts and error messages.
constexpr std::string_view fail_policy_values = "error, warning, info, none or unknown";

// Counts of findings as the policy sees them: link-unreachable apart.
struct finding_counts {
  int errors = 0, warnings = 0, infos = 0;  // without link-unreachable
  int unknown = 0;                          // link-unreachable
};

// The counts of the findings of `audits`.
finding_counts count_findings(std::span<const audit_result> audits);

// True when `counts` fail a run under `policy`.
bool fails(const finding_counts& counts, const fail_policy& policy);

}  // namespace handout::links
