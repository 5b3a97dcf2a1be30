#include "batch/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <vector>

#include "terminal_text.hpp"
#include "count_text.hpp"
#include "utf8.hpp"

namespace handout::batch {

progress_style choose_progress_style(bool quiet, std::size_t decks) {
  if (quiet || decks <= 1) return progress_style::quiet;
  const char* ci = std::getenv("CI");
  bool in_ci = ci != nullptr && std::string_view(ci) == "true";
  return !in_ci && ::isatty(STDERR_FILENO) == 1 ? progress_style::bar : progress_style::lines;
}

namespace {

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

std::string clock_text(double s) {
  long total = static_cast<long>(s + 0.5);
  char buf[32];
  if (total >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", total / 60, total % 60);
  }
  return buf;
}

// Display columns of `text`, a code point each.
int columns_of(std::string_view text) {
  int n = 0;
  for (std::size_t i = 0; i < text.size();) {
    utf8::decode(text, i);
    ++n;
  }
  return n;
}

// The end of `text` in at most `columns` display columns, cut from the
// left at a folder where one is near (`…/path/deck.txt`): a path's end
// says the most.
std::string fit_end(const std::string& text, int columns) {
  const int count = columns_of(text);
  if (columns <= 1) return "";
  if (count <= columns) return text;
  std::size_t skip = static_cast<std::size_t>(count - columns + 1), i = 0;
  for (std::size_t n = 0; n < skip; ++n) utf8::decode(text, i);
  std::string_view kept = std::string_view(text).substr(i);
  const std::size_t slash = kept.find('/');
  if (slash != kept.npos && slash + 1 < kept.size()) kept = kept.substr(slash);
  return "…" + std::string(kept);
}

}  // namespace

int terminal_columns() {
  winsize w{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0) return w.ws_col;
  if (const char* env = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long n = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && n > 0 && n < 10000) return static_cast<int>(n);
  }
  return 80;
}

std::string bar_line(const bar_state& s, int columns) {
  const int budget = columns - 1;
  std::string counts = std::to_string(s.finished) + "/" + std::to_string(s.total);
  std::vector<std::string> extras;
  if (s.unchanged > 0) extras.push_back(" · " + std::to_string(s.unchanged) + " unchanged");
  if (s.failed > 0) extras.push_back(" · " + std::to_string(s.failed) + " failed");
  if (s.eta_seconds >= 0) extras.push_back(" · ETA " + clock_text(s.eta_seconds));
  constexpr int min_bar = 5, max_bar = 24, min_name = 12;
  // The counts and what follows them, dropping the last extras until a
  // short bar fits beside them.
  auto tail = [&] {
    std::string t = counts;
    for (const auto& e : extras) t += e;
    return t;
  };
  while (!extras.empty() && 3 + min_bar + columns_of(tail()) > budget) extras.pop_back();
  const std::string fixed = tail();
  const int rest = budget - 3 - columns_of(fixed);
  if (rest < min_bar) return fit_end(counts, budget);
  // The name when at least min_name columns are left for it beside a short bar.
  const bool name = !s.current.empty() && rest - 3 - min_name >= min_bar;
  const int width = std::min(max_bar, name ? rest - 3 - min_name : rest);
  const double fraction = s.total == 0 ? 1.0 : static_cast<double>(s.finished) / s.total;
  const int filled = static_cast<int>(fraction * width);
  std::string line =
      "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] " + fixed;
  const int name_room = rest - width - 3;
  if (name) line += " · " + fit_end(s.current, name_room);
  return line;
}

progress::progress(progress_style style, std::size_t total, std::ostream& out, bool colour)
    : style_(style),
      total_(total),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      colour_(colour) {}

void progress::started(const std::string& deck) {
  current_ = terminal_text(deck);
  if (style_ == progress_style::bar) draw_bar();
}

void progress::finished(const deck_result& d) {
  ++finished_;
  if (d.status == deck_status::failed) ++failed_;
  if (d.status == deck_status::unchanged) ++unchanged_;
  if (style_ == progress_style::lines) {
    std::string line = "[" + std::to_string(finished_) + "/" + std::to_string(total_) + "] " +
                       status_name(d.status) + " " + terminal_text(d.input);
    if (d.status == deck_status::converted) {
      line += " (";
      if (d.pages >= 0) line += count_text(d.pages, "page") + ", ";
      line += count_text(d.links, "link") + ", " + seconds_text(d.seconds) + ")";
    } else if (d.status == deck_status::failed) {
      line += " (" + count_text(d.diags.error_count(), "error") + ")";
    }
    out_ << line << '\n';
    print_diagnostics(out_, d.diags, colour_);
  } else {
    if (style_ == progress_style::bar && !d.diags.all().empty()) clear_bar();
    print_diagnostics(out_, d.diags, colour_);
    if (style_ == progress_style::bar) draw_bar();
  }
  out_.flush();
}

void progress::tick() {
  if (style_ == progress_style::bar) draw_bar();
}

void progress::clear_bar() {
  if (bar_shown_) out_ << "\r\x1b[K";
  bar_shown_ = false;
}

void progress::draw_bar() {
  bar_state state{finished_, total_, unchanged_, failed_, -1, ""};
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (finished_ > 0 && finished_ < total_) {
    state.eta_seconds = elapsed / finished_ * (total_ - finished_);
  }
  if (finished_ < total_) state.current = current_;
  out_ << "\r\x1b[K" << bar_line(state, terminal_columns());
  out_.flush();
  bar_shown_ = true;
}

void progress::done(const std::string& closing_line) {
  if (style_ == progress_style::quiet) return;
  clear_bar();
  out_ << closing_line << '\n';
  out_.flush();
}

}  // namespace handout::batch
