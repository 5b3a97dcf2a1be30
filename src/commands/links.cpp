// `handout links FILE|DIR...` and `handout links --merge REPORT.json...`:
// load decks (or reports), audit them, write one report, decide the exit
// status.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "batch/discover.hpp"
#include "colour.hpp"
#include "commands/commands.hpp"
#include "commands/online_options.hpp"
#include "io.hpp"
#include "limits.hpp"
#include "links/audit.hpp"
#include "links/fail_policy.hpp"
#include "links/format.hpp"
#include "links/ignore.hpp"
#include "links/merge.hpp"
#include "parse/load.hpp"
#include "parse/metadata.hpp"

namespace handout::commands {

namespace {

struct links_request {
  links::output_format format = links::output_format::text;
  std::string output;  // a file, or empty for standard output
  links::fail_policy fail_on;
  bool merge = false;                       // the inputs are JSON reports to merge, not decks
  std::string root;                         // --root, or empty: found
  std::string ignore_file;                  // --ignore-file, or empty: ROOT/.handoutignore if there
  links::level least = links::level::info;  // --min-level: what the report shows
  online_state online;
};

constexpr std::string_view usage =
    R"(handout links FILE|DIR... [--format FORMAT] [-o FILE] [--fail-on LEVEL]
                     [--root DIR] [--ignore-file FILE] [--min-level LEVEL]
                     [--online [ONLINE OPTIONS]]
       handout links --merge REPORT.json... [--format FORMAT] [-o FILE] [--fail-on LEVEL])";

constexpr std::string_view description =
    R"(Audits every link of each deck (NAME.txt, or a NAME.xml intermediate; a
directory stands for the .txt files below it): YouTube video ids, links that
cannot be opened, duplicates (also across decks), search queries and tracking
parameters. No network access unless --online. Rules, levels and formats:
docs/LINKS.md. A deck - is standard input (named <stdin>); a pipe or fifo
named as a deck is read to its end.

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
                {"format", 0, "FORMAT",
                 "text (default), json, markdown, junit, sarif, github\nor compact "
                 "(FILE:LINE:COL: LEVEL: RULE: MESSAGE)",
                 [&r](const std::string& v) {
                   auto format = links::parse_output_format(v);
                   if (!format) {
                     return "unknown format '" + v +
                            "' (use text, json, markdown, junit, sarif, github or compact)";
                   }
                   r.format = *format;
                   return std::string();
                 }},
                {"output", 'o', "FILE",
                 "write the report to FILE (whole or not at all);\n- is standard output",
                 store_in(r.output)},
                fail_on_option(
                    "the least level that fails the run: error (default),\nwarning, info or none; "
                    "add \",unknown\" (or give\n\"unknown\" alone) to fail also on links the "
                    "online check\ncould not decide",
                    r.fail_on),
                {"root", 0, "DIR",
                 "name files in sarif and github relative to DIR\n(default: the repository "
                 "root, else the working\ndirectory)",
                 store_in(r.root),
                 "The repository root is the nearest folder, from the working directory up, "
                 "that holds a .git entry (a folder, or a file in a worktree)."},
                {"ignore-file", 0, "FILE",
                 "findings accepted on purpose (default: .handoutignore\nat the root, if there)",
                 store_in(r.ignore_file),
                 "One entry a line: RULE DECK URL REASON (globs; * for any; the reason is "
                 "required). Ignored findings neither show nor fail the run; an entry that "
                 "matches nothing is a warning. docs/LINKS.md."},
                {"min-level", 0, "LEVEL",
                 "the least level the report shows: info (default),\nwarning or error (the exit "
                 "status still counts every\nfinding)",
                 [&r](const std::string& v) {
                   if (v == "info") {
                     r.least = links::level::info;
                   } else if (v == "warning") {
                     r.least = links::level::warning;
                   } else if (v == "error") {
                     r.least = links::level::error;
                   } else {
                     return "--min-level takes info, warning or error, not '" + v + "'";
                   }
                   return std::string();
                 }},
                {"merge", 0, "", "merge JSON reports instead of auditing decks", set_to(r.merge),
                 "Files are sorted by source, and videos linked from several decks are found "
                 "anew."},
            }},
           online_option_group(r.online)},
          epilog};
}

// Colour as for every output (colour.hpp).
bool stdout_wants_colour() { return wants_colour(STDOUT_FILENO); }

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
    auto r = load_input(deck.input, diags, text_dialect::detect, deck.tree);
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

// The folder that SARIF and GitHub annotations name files relative to:
// `given` (made absolute), else the nearest folder from the working
// directory up that holds a `.git` entry, else the working directory.
// Nothing when `given` is not a directory.
std::optional<std::string> report_root(const std::string& given) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!given.empty()) {
    if (!fs::is_directory(given, ec)) return std::nullopt;
    return fs::absolute(given, ec).lexically_normal().string();
  }
  const fs::path cwd = fs::current_path(ec);
  for (fs::path dir = cwd; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(fs::symlink_status(dir / ".git", ec))) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return cwd.string();
}

// The ignore file: `given`, else ROOT/.handoutignore when there (else an
// empty list). Nothing when it cannot be read or has a bad entry.
std::optional<links::ignore_list> read_ignore_list(const std::string& given,
                                                   const std::string& root, diagnostics& diags) {
  std::string file = given;
  if (file.empty()) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Named in messages from the working directory: `.handoutignore` there.
    file = (fs::path(root) / links::ignore_file_name).lexically_proximate(fs::current_path(ec));
    if (!fs::exists(file, ec)) return links::ignore_list{};
  }
  auto text = read_file(file, limits::max_metadata_bytes, diags);
  if (!text) return std::nullopt;
  return links::parse_ignore_list(*text, file, diags);
}

// How the report is written: colour, the root, and what of `diags` the
// CI formats carry (every error, the warnings about `ignore_file`).
links::format_options report_options(const links_request& request, const std::string& root,
                                     const std::string& ignore_file, const diagnostics& diags) {
  links::format_options options;
  options.colour = request.output.empty() && stdout_wants_colour();
  options.root = root;
  for (const auto& d : diags.all()) {
    if (d.level == severity::error) options.input_errors.push_back(d);
    if (d.level == severity::warning && !ignore_file.empty() && d.file == ignore_file) {
      options.tool_warnings.push_back(d);
    }
  }
  return options;
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
  if (is_standard_stream(request.output)) request.output.clear();
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
  const std::optional<std::string> root = report_root(request.root);
  if (!root) return usage_error("--root takes a directory, not '" + request.root + "'", "links");

  diagnostics diags;
  std::optional<links::ignore_list> ignores = read_ignore_list(request.ignore_file, *root, diags);
  if (!ignores) {
    print_diagnostics(diags);
    return exit_code::bad_input;
  }
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
  links::apply_ignore_list(*ignores, audits, *root);
  links::report_unused_entries(*ignores, diags);
  const bool findings_fail = links::fails(links::count_findings(audits), request.fail_on);
  links::keep_findings_from(request.least, audits);
  const links::format_options options = report_options(request, *root, ignores->file, diags);
  // The text and compact reports add nothing to the errors on standard error.
  const bool report_errors = !options.input_errors.empty() &&
                             request.format != links::output_format::text &&
                             request.format != links::output_format::compact;
  bool written = false;
  if (!audits.empty() || report_errors) {
    written =
        write_report(links::format_audit(audits, request.format, options), request.output, diags);
  }
  print_diagnostics(diags);
  return exit_status(!written || !inputs_ok, findings_fail);
}

}  // namespace handout::commands
