// The command line: argument parsing and dispatch only.
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "convert.hpp"
#include "diagnostic.hpp"
#include "io.hpp"
#include "limits.hpp"
#include "parse/load.hpp"
#include "parse/xml_writer.hpp"
#include "links/command.hpp"
#include "links/online/options.hpp"
#include "render/renderer.hpp"
#include "style_search.hpp"

namespace {

using namespace handout;

// The User-Agent of the online check: the tool and its version.
constexpr const char* user_agent = "handout/" HANDOUT_VERSION " (link check)";

constexpr std::string_view main_help = R"(usage: handout COMMAND [ARGS]

Turns bullet-structured slide text into reports.

commands:
  parse FILE [-o FILE]                       write the XML intermediate of one deck
  convert FILE|DIR... -o DIR [--formats L]   write every format of every deck
  links FILE|DIR... [--format F] [-o FILE]   audit the links of decks

options:
  -h, --help      show help (also after a command)
  --version       show the version
  --max-input-size SIZE
                  the largest input read, with any command: bytes, or with K,
                  M or G (default 64M); larger inputs are refused

Exit status: 0 ok, 1 audit findings, 2 bad input or usage.
)";

constexpr std::string_view parse_help = R"(usage: handout parse FILE [-o FILE]

Reads a text deck (NAME.txt, with NAME.meta.yaml beside it if present) or an
XML intermediate and writes its XML intermediate to standard output, or to
the file given with -o (written whole or not at all).

options:
  -o, --output FILE   write to FILE instead of standard output
)";

std::string convert_help() {
  std::string help = R"(usage: handout convert FILE|DIR... -o DIR [options]

Converts each deck (NAME.txt, or a NAME.xml intermediate) into DIR/NAME.*.
A directory stands for the .txt files below it, found recursively in sorted
order; their outputs mirror its tree under DIR. Decks are converted in
parallel; a failing deck does not stop the others. A deck whose input,
metadata, style, fonts and tool are unchanged since the last run into DIR is
skipped (DIR/.handout-manifest.json). DIR/summary.md and DIR/summary.json
describe the run.

options:
  -o, --output DIR      where to write (created if missing)
  --formats LIST        comma-separated formats (default: all marked *)
  --style NAME|FILE     a style: an installed one by name (report, handout)
                        or a file (default: the built-in one, as report)
  --from LIST           what a directory stands for: txt (default), xml, or
                        txt,xml
  -j, --jobs N          decks converted at once (default: one per core)
  --force               convert every deck, changed or not
  --shard K/N           only the K-th of N stable parts of the decks (CI jobs)
  --online ...          check links online first (see 'handout links --help');
                        titles and verdicts then appear in the outputs
  --fail-on LEVEL       link audit findings that fail the run: none (default),
                        error, warning or info
  -q, --quiet           no progress, only diagnostics

Exit status: the worst of all decks: 2 when one failed, 1 when one has a
finding at --fail-on, else 0.

formats:
)";
  for (const auto& r : renderers()) {
    help += "  " + std::string(r.name) + (r.in_default_set ? " *" : "  ");
    help += std::string(10 - std::min<std::size_t>(10, r.name.size()), ' ');
    help += std::string(r.description) + "\n";
  }
  return help;
}

constexpr std::string_view links_help =
    R"(usage: handout links FILE|DIR... [--format FORMAT] [-o FILE] [--fail-on LEVEL]
                     [--online [ONLINE OPTIONS]]
       handout links --merge REPORT.json... [--format FORMAT] [-o FILE] [--fail-on LEVEL]

Audits every link of each deck (NAME.txt, or a NAME.xml intermediate; a
directory stands for the .txt files below it): YouTube video ids, links that
cannot be opened, duplicates (also across decks), search queries and tracking
parameters. No network access unless --online. Rules, levels and formats:
docs/LINKS.md.

With --merge, the inputs are JSON reports (per deck, NAME.links.json from
convert, or per shard, from --format json) merged into one report, with the
videos linked from several decks found anew.

options:
  --format FORMAT   text (default), json, markdown, junit, sarif or github
  -o, --output FILE write the report to FILE (whole or not at all)
  --fail-on LEVEL   the least level that fails the run: error (default),
                    warning, info or none; add ",unknown" (or give
                    "unknown" alone) to fail also on links the online check
                    could not decide
  --merge           merge JSON reports instead of auditing decks

)";

// Prints every error, and up to a screenful of warnings per file.
void print(const diagnostics& diags) {
  constexpr int max_warnings_per_file = 50;
  std::map<std::string, int> warnings;
  for (const auto& d : diags.all()) {
    if (d.level == severity::warning && ++warnings[d.file] > max_warnings_per_file) continue;
    std::cerr << format(d) << '\n';
  }
  for (const auto& [file, n] : warnings) {
    if (n > max_warnings_per_file) {
      std::cerr << file << ": warning: " << n - max_warnings_per_file
                << " more warnings not shown\n";
    }
  }
}

int usage_error(const std::string& message, std::string_view command) {
  std::cerr << "handout: error: " << message << "\n(see 'handout " << command
            << (command.empty() ? "" : " ") << "--help')\n";
  return exit_code::bad_input;
}

// `1000`, `64K`, `64M`, `1G` (binary multiples).
std::optional<std::size_t> parse_size(const std::string& text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  int shift = unit.empty() ? 0 : unit == "K" ? 10 : unit == "M" ? 20 : unit == "G" ? 30 : -1;
  if (ec != std::errc() || end == text.data() || shift < 0 || value == 0 ||
      value > (std::numeric_limits<std::size_t>::max() >> shift)) {
    return std::nullopt;
  }
  return value << shift;
}

bool is_help(std::string_view a) { return a == "-h" || a == "--help"; }

int run_parse(const std::vector<std::string>& args) {
  std::string input, output;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (is_help(a)) {
      std::cout << parse_help;
      return exit_code::ok;
    } else if (a == "-o" || a == "--output") {
      if (++i == args.size()) return usage_error(a + " needs a file name", "parse");
      output = args[i];
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'", "parse");
    } else if (input.empty()) {
      input = a;
    } else {
      return usage_error("parse takes one file", "parse");
    }
  }
  if (input.empty()) return usage_error("parse needs a file", "parse");
  diagnostics diags;
  auto r = load_input(input, diags);
  bool ok = r.has_value();
  if (ok && output.empty()) {
    write_xml(*r, [](std::string_view piece) { std::cout << piece; });
    if (!std::cout.flush()) {
      diags.error("handout", 0, 0,
                  std::string("cannot write to standard output: ") + std::strerror(errno));
      ok = false;
    }
  } else if (ok) {
    ok = write_xml_file(*r, output, diags);
  }
  print(diags);
  return ok ? exit_code::ok : exit_code::bad_input;
}

int run_convert(const std::vector<std::string>& args) {
  convert_request request;
  std::string formats, style_path;
  bool formats_given = false;
  links::online::option_parser online;
  online.set_user_agent(user_agent);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    if (is_help(a)) {
      std::cout << convert_help();
      return exit_code::ok;
    } else if (online.parse(args, i, error)) {
      if (!error.empty()) return usage_error(error, "convert");
    } else if (a == "-o" || a == "--output") {
      if (++i == args.size()) return usage_error(a + " needs a directory", "convert");
      request.output_dir = args[i];
    } else if (a == "--formats") {
      if (++i == args.size()) return usage_error("--formats needs a list", "convert");
      formats = args[i];
      formats_given = true;
    } else if (a == "--style") {
      if (++i == args.size()) return usage_error("--style needs a name or file", "convert");
      style_path = args[i];
    } else if (a == "--from") {
      if (++i == args.size()) return usage_error("--from needs txt, xml or txt,xml", "convert");
      auto kinds = batch::parse_deck_kinds(args[i]);
      if (!kinds)
        return usage_error("--from takes txt, xml or txt,xml, not '" + args[i] + "'", "convert");
      request.kinds = *kinds;
    } else if (a == "-j" || a == "--jobs" || (a.starts_with("-j") && a.size() > 2)) {
      std::string n = a.size() > 2 && a[1] == 'j' ? a.substr(2) : "";
      if (n.empty() && ++i == args.size()) return usage_error(a + " needs a number", "convert");
      if (n.empty()) n = args[i];
      if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos ||
          std::stoi(n) < 1) {
        return usage_error("-j takes a number of jobs from 1, not '" + n + "'", "convert");
      }
      request.jobs = std::stoi(n);
    } else if (a == "--force") {
      request.force = true;
    } else if (a == "-q" || a == "--quiet") {
      request.quiet = true;
    } else if (a == "--shard") {
      if (++i == args.size()) return usage_error("--shard needs K/N", "convert");
      request.shard = batch::parse_shard(args[i]);
      if (!request.shard) {
        return usage_error("--shard takes K/N with 1 <= K <= N, not '" + args[i] + "'", "convert");
      }
    } else if (a == "--fail-on") {
      if (++i == args.size()) return usage_error("--fail-on needs a level", "convert");
      auto level = links::parse_fail_level(args[i]);
      if (!level) return usage_error("unknown level '" + args[i] + "'", "convert");
      request.fail_on = *level;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'", "convert");
    } else {
      request.inputs.push_back(a);
    }
  }
  if (request.inputs.empty()) return usage_error("convert needs a file or directory", "convert");
  if (request.output_dir.empty()) return usage_error("convert needs -o DIR", "convert");
  std::string online_error;
  request.online = online.finish(online_error);
  if (!online_error.empty()) return usage_error(online_error, "convert");
  if (formats_given) {
    std::size_t start = 0;
    while (start <= formats.size()) {
      std::size_t comma = formats.find(',', start);
      std::string name =
          formats.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      const renderer* r = find_renderer(name);
      if (!r) return usage_error("unknown format '" + name + "'", "convert");
      request.formats.push_back(r);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else {
    for (const auto& r : renderers()) {
      if (r.in_default_set) request.formats.push_back(&r);
    }
  }
  diagnostics diags;
  if (!style_path.empty()) {
    auto file = find_style(style_path, diags);
    auto s = file ? load_style(*file, diags) : std::nullopt;
    if (!s) {
      print(diags);
      return exit_code::bad_input;
    }
    request.style = *s;
    request.style_file = *file;
  }
  int status = convert(request, diags);
  print(diags);
  return status;
}

constexpr std::string_view links_status_help =
    R"(
Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when an
input cannot be read, the report cannot be written, or the usage is wrong.
)";

int run_links(const std::vector<std::string>& args) {
  links::links_request request;
  links::online::option_parser online;
  online.set_user_agent(user_agent);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::string error;
    if (is_help(a)) {
      std::cout << links_help << links::online::options_help() << links_status_help;
      return exit_code::ok;
    } else if (online.parse(args, i, error)) {
      if (!error.empty()) return usage_error(error, "links");
    } else if (a == "-o" || a == "--output") {
      if (++i == args.size()) return usage_error(a + " needs a file name", "links");
      request.output = args[i];
    } else if (a == "--format") {
      if (++i == args.size()) return usage_error("--format needs a format", "links");
      auto format = links::parse_output_format(args[i]);
      if (!format) return usage_error("unknown format '" + args[i] + "'", "links");
      request.format = *format;
    } else if (a == "--fail-on") {
      if (++i == args.size()) return usage_error("--fail-on needs a level", "links");
      if (!links::parse_fail_on(args[i], request.fail_on, request.fail_on_unknown)) {
        return usage_error("unknown level '" + args[i] + "'", "links");
      }
    } else if (a == "--merge") {
      request.merge = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option '" + a + "'", "links");
    } else {
      request.inputs.push_back(a);
    }
  }
  if (request.inputs.empty()) {
    return usage_error(
        request.merge ? "links --merge needs JSON reports" : "links needs a file or directory",
        "links");
  }
  std::string error;
  request.online = online.finish(error);
  if (!error.empty()) return usage_error(error, "links");
  if (request.merge && request.online) {
    return usage_error("--online checks decks; it cannot be used with --merge", "links");
  }
  diagnostics diags;
  int status = links::run_links(request, diags);
  print(diags);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  remove_temp_files_on_signals();
  // Past a file size limit (RLIMIT_FSIZE), a write fails with EFBIG and is
  // reported, instead of the signal killing the process mid-way.
  std::signal(SIGXFSZ, SIG_IGN);
  // `--option=value` is `--option value`.
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::size_t eq = a.find('=');
    if (a.starts_with("--") && eq != std::string::npos) {
      args.push_back(a.substr(0, eq));
      args.push_back(a.substr(eq + 1));
    } else {
      args.push_back(a);
    }
  }
  // Options of every command.
  for (std::size_t i = 0; i < args.size();) {
    if (args[i] != "--max-input-size") {
      ++i;
      continue;
    }
    auto bytes = i + 1 < args.size() ? parse_size(args[i + 1]) : std::nullopt;
    if (!bytes) return usage_error("--max-input-size needs a size such as 64M", "");
    limits::set_max_input_bytes(*bytes);
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(i) + 2);
  }
  if (args.empty()) {
    std::cerr << main_help;
    return exit_code::bad_input;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (is_help(command)) {
    std::cout << main_help;
    return exit_code::ok;
  }
  if (command == "--version") {
    std::cout << "handout " HANDOUT_VERSION "\n";
    return exit_code::ok;
  }
  if (command == "parse") return run_parse(args);
  if (command == "convert") return run_convert(args);
  if (command == "links") return run_links(args);
  return usage_error("unknown command '" + command + "'", "");
}
