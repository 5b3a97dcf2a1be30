// The command-line options of the online check, shared by `handout links`
// and `handout convert`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "commands/options.hpp"
#include "links/online/check.hpp"

namespace handout::commands {

// The online options of one command line, filled as they are read.
struct online_state {
  links::online::online_options options;
  bool online = false;      // --online was given
  std::string first_other;  // the first online option other than --online
};

// The options' table; each entry fills `state`.
option_group online_option_group(online_state& state);

// What the online options of a command line come to: the options when
// --online was given (else nothing), with the tool's User-Agent, or a usage
// error when other online options were given without it.
struct online_choice {
  std::optional<links::online::online_options> options;
  std::string error;
};
online_choice finish_online(const online_state& state);

// `90`, `90s`, `15m`, `2h`, `1d` in seconds; nothing when unreadable.
std::optional<long> parse_age(std::string_view text);

}  // namespace handout::commands
