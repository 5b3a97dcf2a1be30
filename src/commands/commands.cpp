#include "commands/commands.hpp"

#include <unistd.h>

#include <charconv>
#include <exception>
#include <iostream>
#include <limits>
#include <optional>

#include "batch/progress.hpp"
#include "colour.hpp"
#include "diagnostic.hpp"
#include "io.hpp"
#include "limits.hpp"
#include "parse/metadata.hpp"
#include "terminal_text.hpp"

namespace handout::commands {

namespace {

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

std::string set_max_input_size(const std::string& v) {
  auto bytes = parse_size(v);
  if (!bytes) return "--max-input-size needs a size such as 64M, not '" + v + "'";
  limits::set_max_input_bytes(*bytes);
  return "";
}

std::string global_description() {
  std::string text = "Turns bullet-structured slide text into reports.\n\ncommands:\n";
  for (const auto& c : all_commands()) {
    text += "  " + std::string(c.name) + " " + std::string(c.summary) + "\n";
  }
  return text;
}

std::string set_colour(const std::string& v) {
  auto mode = parse_colour_mode(v);
  if (!mode) {
    std::string error = "--color takes auto, always or never, not '" + v + "'";
    if (auto near = nearest(v, {"auto", "always", "never"})) {
      error += "; did you mean '" + *near + "'?";
    }
    return error;
  }
  set_colour_mode(*mode);
  return "";
}

// The options of every command, taken out of the arguments wherever they are.
struct global_option {
  std::string_view name;
  std::string (*apply)(const std::string& value);
  bool flag = false;  // takes no value
};

std::string set_follow_symlinks(const std::string&) {
  handout::set_follow_symlinks(true);
  return "";
}

constexpr global_option global_options[] = {
    {"--max-input-size", &set_max_input_size},
    {"--color", &set_colour},
    {"--colour", &set_colour},
    {"--follow-symlinks", &set_follow_symlinks, true},
};

// Takes the global options (`--max-input-size SIZE`, `--color WHEN`) out of
// `args`, wherever they are before `--`.
std::string take_global_options(std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size() && args[i] != "--";) {
    const std::string& a = args[i];
    const global_option* found = nullptr;
    bool inline_value = false;
    for (const auto& g : global_options) {
      inline_value =
          !g.flag && a.starts_with(g.name) && a.size() > g.name.size() && a[g.name.size()] == '=';
      if (a == g.name || inline_value) {
        found = &g;
        break;
      }
    }
    if (!found) {
      ++i;
      continue;
    }
    std::size_t count = inline_value || found->flag ? 1 : 2;
    std::string value = inline_value                          ? a.substr(found->name.size() + 1)
                        : !found->flag && i + 1 < args.size() ? args[i + 1]
                                                              : "";
    if (std::string error = found->apply(value); !error.empty()) return error;
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(std::min(i + count, args.size())));
  }
  return "";
}

}  // namespace

namespace {
int dispatch(const std::vector<std::string>& command_line);
}  // namespace

std::string user_agent() { return "handout/" HANDOUT_VERSION " (link check)"; }

const std::vector<command>& all_commands() {
  static const std::vector<command> table = {
      {"parse", "FILE [-o FILE]                       write the XML intermediate of one deck",
       &run_parse, &parse_spec},
      {"convert", "FILE|DIR... -o DIR [--formats L]   write every format of every deck",
       &run_convert, &convert_spec},
      {"links", "FILE|DIR... [--format F] [-o FILE]   audit the links of decks", &run_links,
       &links_spec},
  };
  return table;
}

const command* find_command(std::string_view name) {
  for (const auto& c : all_commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const command_spec& global_spec() {
  static const std::string description = global_description();
  auto nothing = [](const std::string&) { return std::string(); };
  static const command_spec spec = {
      "",
      "handout COMMAND [ARGS]",
      description,
      {{"options",
        {{"help", 'h', "", "show help (also after a command)", nothing},
         {"version", 'V', "", "show the version", nothing},
         {"max-input-size", 0, "SIZE",
          "the largest input read, with any command: bytes,\nor with K, M or G (default 64M); "
          "larger inputs\nare refused",
          &set_max_input_size},
         {"color", 0, "WHEN",
          "colour diagnostics and the text report: auto\n(default), always or never; also "
          "--colour",
          &set_colour,
          "auto colours on a terminal. The first rule that applies decides: --color always or "
          "never; NO_COLOR set and not empty: no colour; FORCE_COLOR set and not empty or 0: "
          "colour, even off a terminal; TERM=dumb: no colour; else colour when the stream "
          "(standard error for diagnostics, standard output for the report) is a terminal."},
         {"follow-symlinks", 0, "",
          "read decks, sidecars and styles that are symbolic\nlinks leading outside the "
          "directory they were\nnamed by (refused by default)",
          &set_follow_symlinks,
          "The input tree of a deck is the directory named on the command line that it was "
          "found in, or for a file named there, its own directory; a style's is its own "
          "directory. A deck, NAME.meta.yaml or style file that is a symbolic link (or lies "
          "below one) whose target is outside it is an error without this option, so that a "
          "link committed in a pull request (to /etc/shadow, ~/.ssh) is never read into a "
          "report or a CI log. Standard input, pipes and /dev/stdin are read as always."}}}},
      "Exit status: 0 ok, 1 audit findings, 2 bad input or usage.\n"};
  return spec;
}

std::variant<std::vector<std::string>, int> read_args(const command_spec& spec,
                                                      const std::vector<std::string>& args) {
  auto parsed = parse_args(spec, args);
  if (parsed.help) {
    std::cout << help_text(spec);
    return exit_code::ok;
  }
  if (!parsed.error.empty()) return usage_error(parsed.error, spec.name);
  return std::move(parsed.operands);
}

option fail_on_option(std::string_view help, links::fail_policy& into) {
  return {"fail-on", 0, "LEVEL", help, [&into](const std::string& v) {
            auto policy = links::parse_fail_policy(v);
            if (!policy) {
              return "unknown level '" + v + "' (use " + std::string(links::fail_policy_values) +
                     ")";
            }
            into = *policy;
            return std::string();
          }};
}

int usage_error(const std::string& message, std::string_view command) {
  std::cerr << format({severity::error, "handout", 0, 0, message}, wants_colour(STDERR_FILENO))
            << "\n(see 'handout " << command << (command.empty() ? "" : " ") << "--help')\n";
  return exit_code::bad_input;
}

int run_command_line(const std::vector<std::string>& command_line) {
  // Expected failures are diagnostics and exit statuses; this is the one
  // funnel for the unexpected (an exception no layer turned into a value).
  try {
    return dispatch(command_line);
  } catch (const std::exception& e) {
    std::cerr << "handout: error: unexpected failure: " << terminal_text(e.what()) << '\n';
  } catch (...) {
    std::cerr << "handout: error: unexpected failure\n";
  }
  return exit_code::bad_input;
}

namespace {

int dispatch(const std::vector<std::string>& command_line) {
  std::vector<std::string> args = command_line;
  if (std::string error = take_global_options(args); !error.empty()) return usage_error(error, "");
  if (args.empty()) {
    std::cerr << help_text(global_spec());
    return exit_code::bad_input;
  }
  const std::string name = args[0];
  args.erase(args.begin());
  if (name == "-h" || name == "--help") {
    std::cout << help_text(global_spec());
    return exit_code::ok;
  }
  if (name == "-V" || name == "--version") {
    std::cout << "handout " HANDOUT_VERSION "\n";
    return exit_code::ok;
  }
  if (const command* c = find_command(name)) {
    std::string epoch;
    if (!source_date_epoch(&epoch) && !epoch.empty()) {
      std::cerr << format({severity::error, "handout", 0, 0,
                           "SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (at most "
                           "9999-12-31), not '" +
                               terminal_text(epoch) + "'"},
                          wants_colour(STDERR_FILENO))
                << '\n';
      return exit_code::bad_input;
    }
    return c->run(args);
  }
  std::vector<std::string> known;
  for (const auto& c : all_commands()) known.emplace_back(c.name);
  std::string message = "unknown command '" + name + "'";
  if (name.starts_with("-")) message = parse_args(global_spec(), {name}).error;
  if (auto near = nearest(name, known)) message += "; did you mean '" + *near + "'?";
  return usage_error(message, "");
}

}  // namespace

std::string man_page(std::string_view page_template) {
  const std::vector<std::pair<std::string_view, const option_group*>> sections = {
      {"@OPTIONS global@", &global_spec().groups[0]},
      {"@OPTIONS parse@", &parse_spec().groups[0]},
      {"@OPTIONS convert@", &convert_spec().groups[0]},
      {"@OPTIONS links@", &links_spec().groups[0]},
      {"@OPTIONS online@", &links_spec().groups[1]},
  };
  std::string out;
  std::size_t start = 0;
  while (start < page_template.size()) {
    std::size_t end = page_template.find('\n', start);
    if (end == std::string_view::npos) end = page_template.size();
    std::string_view line = page_template.substr(start, end - start);
    bool replaced = false;
    for (const auto& [marker, group] : sections) {
      if (line == marker) {
        out += man_options(*group);
        replaced = true;
      }
    }
    if (!replaced) out += std::string(line) + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace handout::commands
