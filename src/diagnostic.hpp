// Diagnostics (`FILE:LINE:COL: error: message`) and the tool's exit codes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace handout {

// Exit codes, decided in one place.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int findings = 1;   // reserved for audit findings
inline constexpr int bad_input = 2;  // bad input or usage
}  // namespace exit_code

enum class severity { note, warning, error };

// `note`, `warning`, `error`: as printed and as stored.
const char* severity_name(severity level);

// One message about a place in an input. `line` and `column` are 1-based;
// 0 means "the whole file". Columns count Unicode code points.
struct diagnostic {
  severity level = severity::error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
};

// `FILE:LINE:COL: error: message` (or `FILE: error: message` without a line);
// with `colour`, in clang's colours (bold place and message, red `error:`,
// magenta `warning:`, cyan `note:`).
std::string format(const diagnostic& d, bool colour = false);

// Collects diagnostics instead of stopping at the first.
class diagnostics {
 public:
  void error(std::string file, int line, int column, std::string message);
  void warning(std::string file, int line, int column, std::string message);
  void note(std::string file, int line, int column, std::string message);
  void add(diagnostic d);
  void append(const diagnostics& other);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<diagnostic>& all() const { return list_; }

 private:
  std::vector<diagnostic> list_;
  int errors_ = 0;
};

// Prints up to a screenful of errors and of warnings per file of `diags` to
// `out`, then how many more there were; coloured when `colour`.
void print_diagnostics(std::ostream& out, const diagnostics& diags, bool colour = false);

// Prints `diags` to standard error, coloured as wants_colour() (colour.hpp) says.
void print_diagnostics(const diagnostics& diags);

// The exit status of every command: bad_input when an input, an output or
// the usage failed, else findings when findings fail the run, else ok.
int exit_status(bool failed, bool findings_fail);

}  // namespace handout
