// `handout links FILE|DIR...` and `handout links --merge REPORT.json...`:
// load decks (or reports), audit them, write one report, decide the exit
// status.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "batch/discover.hpp"
#include "commands/commands.hpp"
#include "commands/online_options.hpp"
#include "io.hpp"
#include "links/audit.hpp"
#include "links/fail_policy.hpp"
#include "links/format.hpp"
#include "links/merge.hpp"
#include "parse/load.hpp"
#include "parse/metadata.hpp"

namespace handout::commands {

namespace {

struct links_request {
  links::output_format format = links::output_format::text;
  std::string output;  // a file, or empty for standard output
  links::fail_policy fail_on;
  bool merge = false;  // the inputs are JSON reports to merge, not decks
  online_state online;
};

constexpr std::string_view usage =
    R"(handout links FILE|DIR... [--format FORMAT] [-o FILE] [--fail-on LEVEL]
                     [--online [ONLINE OPTIONS]]
       handout links --merge REPORT.json... [--format FORMAT] [-o FILE] [--fail-on LEVEL])";

constexpr std::string_view description =
    R"(Audits every link of each deck (NAME.txt, or a NAME.xml intermediate; a
directory stands for the .txt files below it): YouTube video ids, links that
cannot be opened, duplicates (also across decks), search queries and tracking
parameters. No network access unless --online. Rules, levels and formats:
docs/LINKS.md.

With --merge, the inputs are JSON reports (per deck, NAME.links.json from
convert, or per shard, from --format json) merged into one report, with the
videos linked from several decks found anew.
)";

constexpr std::string_view epilog =
    R"(Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when an
input cannot be read, the report cannot be written, or the usage is wrong.
)";

command_spec make_spec(links_request& r) {
  return {"links",
          usage,
          description,
          {{"options",
            {
                {"format", 0, "FORMAT", "text (default), json, markdown, junit, sarif or github",
                 [&r](const std::string& v) {
                   auto format = links::parse_output_format(v);
                   if (!format) {
                     return "unknown format '" + v +
                            "' (use text, json, markdown, junit, sarif or github)";
                   }
                   r.format = *format;
                   return std::string();
                 }},
                {"output", 'o', "FILE", "write the report to FILE (whole or not at all)",
                 store_in(r.output)},
                fail_on_option(
                    "the least level that fails the run: error (default),\nwarning, info or none; "
                    "add \",unknown\" (or give\n\"unknown\" alone) to fail also on links the "
                    "online check\ncould not decide",
                    r.fail_on),
                {"merge", 0, "", "merge JSON reports instead of auditing decks", set_to(r.merge),
                 "Files are sorted by source, and videos linked from several decks are found "
                 "anew."},
            }},
           online_option_group(r.online)},
          epilog};
}

// Colour on a terminal only, and never when NO_COLOR is set (no-color.org)
// or the terminal is dumb.
bool stdout_wants_colour() {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

// The audits of the decks below `inputs`, checked online first if asked.
// `inputs_ok` turns false when one cannot be read, or when `output` is one.
std::vector<links::audit_result> audit_decks(
    const std::vector<std::string>& inputs, const std::string& output,
    const std::optional<links::online::online_options>& online, bool& inputs_ok,
    diagnostics& diags) {
  auto decks = batch::discover_decks(inputs, batch::deck_kinds{}, "", diags);
  std::vector<std::string> read;
  for (const auto& deck : decks) read.insert(read.end(), {deck.input, sidecar_path(deck.input)});
  if (output_overwrites_input(output, read, diags)) {
    inputs_ok = false;
    return {};
  }
  inputs_ok = !diags.has_errors();
  std::vector<report> reports;
  reports.reserve(decks.size());
  for (const auto& deck : decks) {
    auto r = load_input(deck.input, diags);
    if (!r) {
      inputs_ok = false;
      continue;
    }
    reports.push_back(std::move(*r));
  }
  if (online && !reports.empty()) {
    std::vector<report*> all;
    for (auto& r : reports) all.push_back(&r);
    const int errors = diags.error_count();
    links::online::check_online(all, *online, diags);
    if (diags.error_count() > errors) inputs_ok = false;  // --cache names a file that is not one
  }
  std::vector<links::audit_result> audits;
  audits.reserve(reports.size());
  for (const auto& r : reports) audits.push_back(links::audit(r));
  if (audits.size() > 1) links::find_duplicates_across_decks(audits);
  return audits;
}

// Writes the report to standard output or atomically to `output`.
bool write_report(const std::string& text, const std::string& output, diagnostics& diags) {
  if (!output.empty()) return write_file_atomically(output, text, diags);
  std::cout << text;
  if (std::cout.flush()) return true;
  diags.error("<stdout>", 0, 0, "cannot write the report");
  return false;
}

}  // namespace

const command_spec& links_spec() { return documented_spec(&make_spec); }

int run_links(const std::vector<std::string>& args) {
  links_request request;
  const command_spec spec = make_spec(request);
  auto read = read_args(spec, args);
  if (const int* status = std::get_if<int>(&read)) return *status;
  const auto& inputs = std::get<std::vector<std::string>>(read);
  if (inputs.empty()) {
    return usage_error(
        request.merge ? "links --merge needs JSON reports" : "links needs a file or directory",
        "links");
  }
  auto [online, error] = finish_online(request.online);
  if (!error.empty()) return usage_error(error, "links");
  if (request.merge && online) {
    return usage_error("--online checks decks; it cannot be used with --merge", "links");
  }

  diagnostics diags;
  std::vector<links::audit_result> audits;
  bool inputs_ok = true;
  if (request.merge) {
    inputs_ok = !output_overwrites_input(request.output, inputs, diags);
    if (inputs_ok) {
      if (auto merged = links::merge_reports(inputs, diags)) audits = std::move(*merged);
      inputs_ok = !diags.has_errors();
    }
  } else {
    audits = audit_decks(inputs, request.output, online, inputs_ok, diags);
  }
  bool written = false;
  if (!audits.empty()) {
    const bool colour = request.output.empty() && stdout_wants_colour();
    written =
        write_report(links::format_audit(audits, request.format, colour), request.output, diags);
  }
  print_diagnostics(std::cerr, diags);
  return exit_status(!written || !inputs_ok,
                     links::fails(links::count_findings(audits), request.fail_on));
}

}  // namespace handout::commands
