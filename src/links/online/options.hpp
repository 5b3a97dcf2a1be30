// The command-line options of the online check, shared by `handout links`
// and `handout convert`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "links/online/check.hpp"

namespace handout::links::online {

// Gathers the online options of one command line.
class option_parser {
 public:
  // Reads the option at args[i] (and its value, advancing i). Returns false
  // when args[i] is not an online option; sets `error` when it is one but
  // its value is missing or wrong.
  bool parse(const std::vector<std::string>& args, std::size_t& i, std::string& error);

  // The options when --online was given; nothing otherwise. Sets `error`
  // when other online options were given without --online.
  std::optional<online_options> finish(std::string& error) const;

  void set_user_agent(std::string agent) { options_.user_agent = std::move(agent); }

 private:
  online_options options_;
  bool online_ = false;
  std::string first_other_;  // the first online option other than --online
};

// The help text of these options.
std::string_view options_help();

// `90`, `90s`, `15m`, `2h`, `1d` in seconds; nothing when unreadable.
std::optional<long> parse_age(std::string_view text);

}  // namespace handout::links::online
