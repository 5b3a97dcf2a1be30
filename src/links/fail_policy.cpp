#include "links/fail_policy.hpp"

namespace handout::links {

namespace {

std::optional<fail_level> parse_level(std::string_view name) {
  if (name == "error") return fail_level::error;
  if (name == "warning") return fail_level::warning;
  if (name == "info") return fail_level::info;
  if (name == "none") return fail_level::none;
  return std::nullopt;
}

}  // namespace

std::optional<fail_policy> parse_fail_policy(std::string_view text) {
  fail_policy policy;
  bool have_level = false;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = text.find(',', start);
    std::string_view part =
        text.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (part == "unknown" && !policy.unknown) {
      policy.unknown = true;
    } else if (auto l = parse_level(part); l && !have_level) {
      policy.level = *l;
      have_level = true;
    } else {
      return std::nullopt;
    }
    if (comma == std::string_view::npos) return policy;
    start = comma + 1;
  }
}

finding_counts count_findings(std::span<const audit_result> audits) {
  finding_counts counts;
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      if (f.rule == rule_id::link_unreachable) {
        ++counts.unknown;
      } else if (f.severity == level::error) {
        ++counts.errors;
      } else if (f.severity == level::warning) {
        ++counts.warnings;
      } else {
        ++counts.infos;
      }
    }
  }
  return counts;
}

bool fails(const finding_counts& counts, const fail_policy& policy) {
  if (policy.unknown && counts.unknown > 0) return true;
  switch (policy.level) {
    case fail_level::info:
      return counts.errors + counts.warnings + counts.infos > 0;
    case fail_level::warning:
      return counts.errors + counts.warnings > 0;
    case fail_level::error:
      return counts.errors > 0;
    case fail_level::none:
      return false;
  }
  return false;
}

}  // namespace handout::links
