#include "links/command.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "convert.hpp"
#include "io.hpp"
#include "parse/load.hpp"
#include "links/merge.hpp"

namespace handout::links {

namespace {

// Colour on a terminal only, and never when NO_COLOR is set (no-color.org).
bool stdout_wants_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

}  // namespace

std::optional<fail_level> parse_fail_level(std::string_view name) {
  if (name == "error") return fail_level::error;
  if (name == "warning") return fail_level::warning;
  if (name == "info") return fail_level::info;
  if (name == "none") return fail_level::none;
  return std::nullopt;
}

bool parse_fail_on(std::string_view text, fail_level& level, bool& unknown) {
  level = fail_level::error;
  unknown = false;
  bool have_level = false;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = text.find(',', start);
    std::string_view part =
        text.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (part == "unknown" && !unknown) {
      unknown = true;
    } else if (auto l = parse_fail_level(part); l && !have_level) {
      level = *l;
      have_level = true;
    } else {
      return false;
    }
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

int audit_exit_code(const std::vector<audit_result>& audits, fail_level fail_on,
                    bool fail_on_unknown) {
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      if (f.rule == rule_id::link_unreachable) {
        if (fail_on_unknown) return exit_code::findings;
        continue;
      }
      if (fail_on != fail_level::none &&
          static_cast<int>(f.severity) >= static_cast<int>(fail_on)) {
        return exit_code::findings;
      }
    }
  }
  return exit_code::ok;
}

int run_links(const links_request& request, diagnostics& diags) {
  std::vector<audit_result> audits;
  bool inputs_ok = true;
  if (request.merge) {
    auto merged = merge_reports(request.inputs, diags);
    if (merged) audits = std::move(*merged);
    inputs_ok = !diags.has_errors();
  } else {
    std::vector<std::string> decks = collect_decks(request.inputs, diags);
    inputs_ok = !diags.has_errors();
    std::vector<report> reports;
    reports.reserve(decks.size());
    for (const auto& deck : decks) {
      auto r = load_input(deck, diags);
      if (!r) {
        inputs_ok = false;
        continue;
      }
      reports.push_back(std::move(*r));
    }
    if (request.online && !reports.empty()) {
      std::vector<report*> all;
      for (auto& r : reports) all.push_back(&r);
      online::check_online(all, *request.online, diags);
    }
    audits.reserve(reports.size());
    for (const auto& r : reports) audits.push_back(audit(r));
    if (audits.size() > 1) find_duplicates_across_decks(audits);
  }
  if (audits.empty()) return exit_code::bad_input;

  const bool colour = request.output.empty() && stdout_wants_colour();
  std::string text = format_audit(audits, request.format, colour);
  if (request.output.empty()) {
    std::cout << text;
    if (!std::cout.flush()) {
      diags.error("<stdout>", 0, 0, "cannot write the report");
      return exit_code::bad_input;
    }
  } else if (!write_file_atomically(request.output, text, diags)) {
    return exit_code::bad_input;
  }
  if (!inputs_ok) return exit_code::bad_input;
  return audit_exit_code(audits, request.fail_on, request.fail_on_unknown);
}

}  // namespace handout::links
