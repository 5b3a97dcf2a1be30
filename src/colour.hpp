// Whether to colour what goes to a terminal: the one rule for diagnostics on
// standard error and for `links --format text` on standard output.
#pragma once

#include <optional>
#include <string_view>

namespace handout {

// `--color auto|always|never` (also spelled `--colour`).
enum class colour_mode { automatic, always, never };

// The mode named `name` ("auto", "always", "never"), or nothing.
std::optional<colour_mode> parse_colour_mode(std::string_view name);

// Sets the mode of the whole run (the global option); call before any
// thread starts. The default is automatic.
void set_colour_mode(colour_mode mode);

// Whether output to the file descriptor `fd` is coloured. In order, the first
// that applies decides: --color always/never; NO_COLOR set and not empty (no
// colour); FORCE_COLOR set and not empty nor "0" (colour, even off a
// terminal); TERM=dumb (no colour); else colour when `fd` is a terminal.
bool wants_colour(int fd);

}  // namespace handout
