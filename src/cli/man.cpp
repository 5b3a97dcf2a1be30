// Writes the manual page: `handout_man TEMPLATE OUTPUT` fills the template's
// `@OPTIONS NAME@` lines from the commands' option tables (a build step).
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands/commands.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: handout_man TEMPLATE OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream page;
  page << in.rdbuf();
  std::ofstream out(argv[2], std::ios::binary);
  out << handout::commands::man_page(page.str());
  return in && out.flush() ? 0 : 1;
}
