#include "colour.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

namespace handout {

namespace {

std::atomic<colour_mode> mode{colour_mode::automatic};

bool set_and_not_empty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

}  // namespace

std::optional<colour_mode> parse_colour_mode(std::string_view name) {
  if (name == "auto") return colour_mode::automatic;
  if (name == "always") return colour_mode::always;
  if (name == "never") return colour_mode::never;
  return std::nullopt;
}

void set_colour_mode(colour_mode m) { mode = m; }

bool wants_colour(int fd) {
  switch (mode.load()) {
    case colour_mode::always:
      return true;
    case colour_mode::never:
      return false;
    case colour_mode::automatic:
      break;
  }
  if (set_and_not_empty("NO_COLOR")) return false;
  if (set_and_not_empty("FORCE_COLOR") && std::string_view(std::getenv("FORCE_COLOR")) != "0") {
    return true;
  }
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return ::isatty(fd) == 1;
}

}  // namespace handout
