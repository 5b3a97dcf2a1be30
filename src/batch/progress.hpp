// Progress of a batch on standard error: a bar on a terminal, one plain line
// per deck elsewhere (and when CI=true), nothing with --quiet. Diagnostics
// of a deck are printed together, right after its line.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "batch/deck_result.hpp"
#include "diagnostic.hpp"

namespace handout::batch {

enum class progress_style { bar, lines, quiet };

// bar when standard error is a terminal and CI is not `true`, else lines;
// quiet when asked, or for a single deck (whose diagnostics are all there is).
progress_style choose_progress_style(bool quiet, std::size_t decks);

// What the bar shows.
struct bar_state {
  std::size_t finished = 0, total = 0, unchanged = 0, failed = 0;
  double eta_seconds = -1;  // -1: none to show
  std::string current;      // the deck being converted, or empty
};

// The bar in at most `columns - 1` display columns (the last column would
// wrap on some terminals): the counts first, then as much of the bar, the
// ETA and the deck name (cut from the left: `…/path/deck.txt`) as fits.
std::string bar_line(const bar_state& s, int columns);

// The width of the terminal on standard error: TIOCGWINSZ, else COLUMNS,
// else 80.
int terminal_columns();

class progress {
 public:
  // `colour`: diagnostics in colour (colour.hpp decides for standard error).
  progress(progress_style style, std::size_t total, std::ostream& out, bool colour = false);

  // A worker started `deck` (shown as the current deck on the bar).
  void started(const std::string& deck);
  // A deck is done: its line (or the bar), then its diagnostics.
  void finished(const deck_result& d);
  // Redraws the bar (the ETA moves while decks are long).
  void tick();
  // Clears the bar and prints the closing line.
  void done(const std::string& closing_line);

 private:
  void draw_bar();
  void clear_bar();

  progress_style style_;
  std::size_t total_;
  std::size_t finished_ = 0;
  std::size_t failed_ = 0;
  std::size_t unchanged_ = 0;
  std::string current_;
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_;
  bool bar_shown_ = false;
  bool colour_ = false;
};

}  // namespace handout::batch
