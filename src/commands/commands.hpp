// The commands of the CLI, looked up by name: `handout NAME ...`.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "commands/options.hpp"
#include "links/fail_policy.hpp"

namespace handout::commands {

// The User-Agent of the online check: the tool and its version.
std::string user_agent();

// One command: its name and one-line summary for the main help, how it
// runs, and its table of options (for --help and the man page).
struct command {
  std::string_view name;
  std::string_view summary;  // `FILE [-o FILE]   write the XML intermediate of one deck`
  int (*run)(const std::vector<std::string>& args);
  const command_spec& (*spec)();  // the options without a request behind them
};

// Every command, in the order the help lists them.
const std::vector<command>& all_commands();

// The command called `name`, or null.
const command* find_command(std::string_view name);

// The options of every command (help, version, --max-input-size).
const command_spec& global_spec();

// Runs the command line (without the program name); returns the exit status.
int run_command_line(const std::vector<std::string>& args);

// The manual page: `page_template` with each `@OPTIONS NAME@` line replaced
// by the options of that command (`global`, `online` for the online check).
std::string man_page(std::string_view page_template);

// Each command's entry point.
int run_parse(const std::vector<std::string>& args);
int run_convert(const std::vector<std::string>& args);
int run_links(const std::vector<std::string>& args);
const command_spec& parse_spec();
const command_spec& convert_spec();
const command_spec& links_spec();

// Prints a usage error of `command` (empty: none) and returns bad_input.
int usage_error(const std::string& message, std::string_view command);

// Reads `args` against `spec`: the operands, or the exit status when the
// command line is already answered (help printed, or a usage error).
std::variant<std::vector<std::string>, int> read_args(const command_spec& spec,
                                                      const std::vector<std::string>& args);

// The `--fail-on LEVEL` option of `links` and `convert`, reading the one
// grammar (links/fail_policy.hpp) into `into`.
option fail_on_option(std::string_view help, links::fail_policy& into);

// The table `make` builds over a request nobody reads: what --help and the
// man page show.
template <class Request>
const command_spec& documented_spec(command_spec (*make)(Request&)) {
  static Request unused;
  static const command_spec spec = make(unused);
  return spec;
}

}  // namespace handout::commands
