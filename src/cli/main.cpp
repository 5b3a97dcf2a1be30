// The command line: dispatch only (the commands are in src/commands/).
#include <csignal>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "io.hpp"

int main(int argc, char** argv) {
  handout::remove_temp_files_on_signals();
  // Past a file size limit (RLIMIT_FSIZE), a write fails with EFBIG and is
  // reported, instead of the signal killing the process mid-way.
  std::signal(SIGXFSZ, SIG_IGN);
  return handout::commands::run_command_line(std::vector<std::string>(argv + 1, argv + argc));
}
