// The `handout links` command: load decks, audit them, write one report,
// and decide the exit status.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "links/audit.hpp"
#include "links/format.hpp"
#include "links/online/check.hpp"

namespace handout::links {

// The least severe level that fails the run, or none.
enum class fail_level { info, warning, error, none };

// `error`, `warning`, `info`, `none`, or nothing.
std::optional<fail_level> parse_fail_level(std::string_view name);

struct links_request {
  std::vector<std::string> inputs;  // decks, intermediates or directories
  output_format format = output_format::text;
  std::string output;  // a file, or empty for standard output
  fail_level fail_on = fail_level::error;
  // link-unreachable findings fail the run only when this is set
  // (`--fail-on unknown`).
  bool fail_on_unknown = false;
  // Check the links online first (`--online`).
  std::optional<online::online_options> online;
  // The inputs are JSON reports to merge (per deck or per shard), not decks.
  bool merge = false;
};

// The exit status for these audits: findings (1) when one reaches
// `fail_on` (link-unreachable counting only with `fail_on_unknown`, and
// then always), else ok (0).
int audit_exit_code(const std::vector<audit_result>& audits, fail_level fail_on,
                    bool fail_on_unknown = false);

// Reads `--fail-on` values: a level, `unknown`, or a level and `unknown`
// joined by a comma (`warning,unknown`). `unknown` alone means
// `error,unknown`. False when the text is none of these.
bool parse_fail_on(std::string_view text, fail_level& level, bool& unknown);

// Runs the command. Returns bad_input (2) when an input cannot be read or
// the report cannot be written (the readable inputs are still reported),
// else audit_exit_code().
int run_links(const links_request& request, diagnostics& diags);

}  // namespace handout::links
