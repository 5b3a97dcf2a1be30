// The command line of every command, declared as tables: one table feeds
// the parser, `--help` and the man page, so the three cannot disagree.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handout::commands {

// One option: its names, its value, its help, and what it does.
struct option {
  std::string_view long_name;  // without the dashes: "output"
  char short_name = 0;         // 'o', or 0
  std::string_view value;      // the value's name ("FILE"), or empty for a flag
  std::string_view help;       // for --help and the man page; '\n' breaks lines
  // Takes the value (empty for a flag); returns an error message, or empty.
  std::function<std::string(const std::string& value)> apply;
  std::string_view more = {};  // further paragraphs for the man page only
};

// The action of an option that stores its value in `into`.
inline auto store_in(std::string& into) {
  return [&into](const std::string& value) {
    into = value;
    return std::string();
  };
}

// The action of a flag that sets `into` to `value`.
inline auto set_to(bool& into, bool value = true) {
  return [&into, value](const std::string&) {
    into = value;
    return std::string();
  };
}

// Options under one heading of the help ("options", "online check ...").
struct option_group {
  std::string_view heading;
  std::vector<option> options;
};

// A command: what --help and the man page say of it, and its options.
struct command_spec {
  std::string_view name;         // "convert"
  std::string_view usage;        // the synopsis lines, without "usage: "
  std::string_view description;  // paragraphs before the options
  std::vector<option_group> groups;
  std::string_view epilog;  // after the options (exit status and the like)
};

// The result of reading a command line against a spec.
struct parsed_args {
  std::vector<std::string> operands;  // the arguments that are no options
  bool help = false;                  // -h or --help was given
  std::string error;                  // a usage error, or empty
};

// Reads `args`: `--name VALUE`, `--name=VALUE`, `-x VALUE`, `-xVALUE`;
// `--` ends the options. Applies each option as it is read; stops at the
// first error. An unknown option's error suggests the nearest known name.
parsed_args parse_args(const command_spec& spec, const std::vector<std::string>& args);

// The `--help` text of `spec`.
std::string help_text(const command_spec& spec);

// The man page's entries of `group`: one roff `.TP` entry per option.
std::string man_options(const option_group& group);

// The known word nearest to `word` by edit distance, if it is close enough
// to be a likely typo.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& known);

}  // namespace handout::commands
