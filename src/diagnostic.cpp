#include "diagnostic.hpp"

#include <unistd.h>

#include <array>
#include <iostream>
#include <map>
#include <ostream>
#include <string_view>
#include <utility>

#include "colour.hpp"
#include "limits.hpp"
#include "terminal_text.hpp"

namespace handout {

const char* severity_name(severity level) {
  switch (level) {
    case severity::note:
      return "note";
    case severity::warning:
      return "warning";
    case severity::error:
      return "error";
  }
  return "error";
}

namespace {

// clang's colours for each level's word.
const char* level_colour(severity level) {
  switch (level) {
    case severity::note:
      return "\033[1;36m";
    case severity::warning:
      return "\033[1;35m";
    case severity::error:
      return "\033[1;31m";
  }
  return "\033[1;31m";
}

constexpr std::string_view bold = "\033[1m", reset = "\033[0m";

// `FILE:LINE:COL: LEVEL: MESSAGE`, with the level's word in its colour.
std::string format_parts(const std::string& place, severity level, const std::string& message,
                         bool colour) {
  if (!colour) return place + ": " + severity_name(level) + ": " + message;
  return std::string(bold) + place + ": " + std::string(reset) + level_colour(level) +
         severity_name(level) + ":" + std::string(reset) + " " + std::string(bold) + message +
         std::string(reset);
}

}  // namespace

// The file and the message go through terminal_text(): one line, safe on a
// terminal and in a CI log, whatever the input held.
std::string format(const diagnostic& d, bool colour) {
  std::string place = terminal_text(d.file);
  if (d.line > 0) {
    place += ':' + std::to_string(d.line);
    if (d.column > 0) place += ':' + std::to_string(d.column);
  }
  return format_parts(place, d.level, terminal_text(d.message), colour);
}

void diagnostics::error(std::string file, int line, int column, std::string message) {
  add({severity::error, std::move(file), line, column, std::move(message)});
}

void diagnostics::warning(std::string file, int line, int column, std::string message) {
  add({severity::warning, std::move(file), line, column, std::move(message)});
}

void diagnostics::note(std::string file, int line, int column, std::string message) {
  add({severity::note, std::move(file), line, column, std::move(message)});
}

void diagnostics::add(diagnostic d) {
  if (d.level == severity::error) ++errors_;
  list_.push_back(std::move(d));
}

void diagnostics::append(const diagnostics& other) {
  for (const auto& d : other.list_) add(d);
}

void print_diagnostics(std::ostream& out, const diagnostics& diags, bool colour) {
  constexpr int shown = limits::max_printed_diagnostics_per_file;
  // Per file, how many errors [0] and warnings [1] there were.
  std::map<std::string, std::array<int, 2>> counts;
  for (const auto& d : diags.all()) {
    if (++counts[d.file][d.level == severity::warning] > shown) continue;
    out << format(d, colour) << '\n';
  }
  for (const auto& [file, n] : counts) {
    if (n[0] > shown) {
      out << format_parts(terminal_text(file), severity::error,
                          std::to_string(n[0] - shown) + " more errors not shown", colour)
          << '\n';
    }
    if (n[1] > shown) {
      out << format_parts(terminal_text(file), severity::warning,
                          std::to_string(n[1] - shown) + " more warnings not shown", colour)
          << '\n';
    }
  }
}

void print_diagnostics(const diagnostics& diags) {
  print_diagnostics(std::cerr, diags, wants_colour(STDERR_FILENO));
}

int exit_status(bool failed, bool findings_fail) {
  return failed ? exit_code::bad_input : findings_fail ? exit_code::findings : exit_code::ok;
}

}  // namespace handout
