#include "commands/options.hpp"

#include <algorithm>

namespace handout::commands {

namespace {

constexpr std::size_t help_column = 24;

const option* find_long(const command_spec& spec, std::string_view name) {
  for (const auto& g : spec.groups) {
    for (const auto& o : g.options) {
      if (o.long_name == name) return &o;
    }
  }
  return nullptr;
}

const option* find_short(const command_spec& spec, char name) {
  for (const auto& g : spec.groups) {
    for (const auto& o : g.options) {
      if (o.short_name != 0 && o.short_name == name) return &o;
    }
  }
  return nullptr;
}

std::string unknown_option(const command_spec& spec, const std::string& arg) {
  std::vector<std::string> known = {"--help"};
  for (const auto& g : spec.groups) {
    for (const auto& o : g.options) known.push_back("--" + std::string(o.long_name));
  }
  std::string name = arg.substr(0, arg.find('='));
  std::string message = "unknown option '" + name + "'";
  if (auto near = nearest(name, known)) message += "; did you mean '" + *near + "'?";
  return message;
}

// The names as --help shows them: `-o, --output FILE`.
std::string names(const option& o) {
  std::string s;
  if (o.short_name != 0) s += std::string("-") + o.short_name + ", ";
  s += "--" + std::string(o.long_name);
  if (!o.value.empty()) s += " " + std::string(o.value);
  return s;
}

// Text for roff: backslashes and dashes escaped, no line read as a request.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

}  // namespace

parsed_args parse_args(const command_spec& spec, const std::vector<std::string>& args) {
  parsed_args result;
  bool options_done = false;
  for (std::size_t i = 0; i < args.size() && result.error.empty(); ++i) {
    const std::string& a = args[i];
    if (options_done || a.size() < 2 || a[0] != '-') {
      result.operands.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      result.help = true;
      return result;
    }
    const option* o = nullptr;
    std::optional<std::string> value;  // given in the same argument
    if (a[1] == '-') {
      std::size_t eq = a.find('=');
      o = find_long(spec, std::string_view(a).substr(2, eq == std::string::npos ? eq : eq - 2));
      if (eq != std::string::npos) value = a.substr(eq + 1);
    } else {
      o = find_short(spec, a[1]);
      if (a.size() > 2) value = a.substr(2);
      if (o && o->value.empty() && value) o = nullptr;  // no bundled flags
    }
    if (!o) {
      result.error = unknown_option(spec, a);
      break;
    }
    const std::string shown = a[1] == '-' ? "--" + std::string(o->long_name) : a.substr(0, 2);
    if (o->value.empty()) {
      if (value) {
        result.error = shown + " takes no value";
        break;
      }
      result.error = o->apply("");
      continue;
    }
    if (!value) {
      if (i + 1 == args.size()) {
        result.error = shown + " needs " + std::string(o->value);
        break;
      }
      value = args[++i];
    }
    result.error = o->apply(*value);
  }
  return result;
}

std::string help_text(const command_spec& spec) {
  std::string out = "usage: " + std::string(spec.usage) + "\n\n" + std::string(spec.description);
  for (const auto& g : spec.groups) {
    out += "\n" + std::string(g.heading) + ":\n";
    for (const auto& o : g.options) {
      std::string line = "  " + names(o);
      line += line.size() + 2 <= help_column ? std::string(help_column - line.size(), ' ')
                                             : "\n" + std::string(help_column, ' ');
      for (char c : o.help)
        line += c == '\n' ? "\n" + std::string(help_column, ' ') : std::string(1, c);
      out += line + "\n";
    }
  }
  if (!spec.epilog.empty()) out += "\n" + std::string(spec.epilog);
  return out;
}

std::string man_options(const option_group& group) {
  std::string out;
  for (const auto& o : group.options) {
    std::string name = roff("--" + std::string(o.long_name));
    std::string value = o.value.empty() ? "" : " \" " + roff(o.value) + "\"";
    out += ".TP\n";
    if (o.short_name != 0) {
      out += ".BR " + roff(std::string("-") + o.short_name) + " \", \" " + name;
      if (!o.value.empty()) out += " \" \\fI" + roff(o.value) + "\\fR\"";
    } else {
      out += (o.value.empty() ? ".B " : ".BI ") + name + value;
    }
    std::string text(o.help);
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (!text.empty())
      text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    out += "\n" + roff(text) + ".\n";
    if (!o.more.empty()) out += roff(o.more) + "\n";
  }
  return out;
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& known) {
  std::optional<std::string> best;
  std::size_t best_distance = 3;  // a likely typo: at most two edits
  for (const auto& k : known) {
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(k.size() + 1);
    for (std::size_t j = 0; j <= k.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= k.size(); ++j) {
        std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] != k[j - 1])});
        diagonal = above;
      }
    }
    if (row[k.size()] < best_distance && row[k.size()] * 2 < std::max(word.size(), k.size())) {
      best_distance = row[k.size()];
      best = k;
    }
  }
  return best;
}

}  // namespace handout::commands
