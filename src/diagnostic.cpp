#include "diagnostic.hpp"

#include <array>
#include <map>
#include <ostream>
#include <utility>

#include "limits.hpp"

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

std::string format(const diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += ": ";
  out += severity_name(d.level);
  out += ": ";
  out += d.message;
  return out;
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

void print_diagnostics(std::ostream& out, const diagnostics& diags) {
  constexpr int shown = limits::max_printed_diagnostics_per_file;
  // Per file, how many errors [0] and warnings [1] there were.
  std::map<std::string, std::array<int, 2>> counts;
  for (const auto& d : diags.all()) {
    if (++counts[d.file][d.level == severity::warning] > shown) continue;
    out << format(d) << '\n';
  }
  for (const auto& [file, n] : counts) {
    if (n[0] > shown) out << file << ": error: " << n[0] - shown << " more errors not shown\n";
    if (n[1] > shown) out << file << ": warning: " << n[1] - shown << " more warnings not shown\n";
  }
}

int exit_status(bool failed, bool findings_fail) {
  return failed ? exit_code::bad_input : findings_fail ? exit_code::findings : exit_code::ok;
}

}  // namespace handout
