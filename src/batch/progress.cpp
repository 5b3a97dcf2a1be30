#include "batch/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "utf8.hpp"

namespace handout::batch {

progress_style choose_progress_style(bool quiet, std::size_t decks) {
  if (quiet || decks <= 1) return progress_style::quiet;
  const char* ci = std::getenv("CI");
  bool in_ci = ci != nullptr && std::string_view(ci) == "true";
  return !in_ci && ::isatty(STDERR_FILENO) == 1 ? progress_style::bar : progress_style::lines;
}

std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto escape = [&out](unsigned char c) {
    constexpr char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[c >> 4];
    out += digits[c & 15];
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c1) {
      escape(static_cast<unsigned char>(text[++i]));
    } else if (c < 0x20 || c == 0x7F) {
      escape(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
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

int terminal_columns() {
  winsize w{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col >= 20) return w.ws_col;
  return 80;
}

// The last `columns` display columns of `text` (a path's end says the most).
std::string fit_end(const std::string& text, int columns) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    utf8::decode(text, i);
    ++count;
  }
  if (columns <= 1) return "";
  if (static_cast<int>(count) <= columns) return text;
  std::size_t skip = count - static_cast<std::size_t>(columns) + 1, i = 0;
  for (std::size_t n = 0; n < skip; ++n) utf8::decode(text, i);
  return "…" + text.substr(i);
}

}  // namespace

progress::progress(progress_style style, std::size_t total, std::ostream& out, bool colour)
    : style_(style),
      total_(total),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      colour_(colour) {}

void progress::started(const std::string& deck) {
  current_ = deck;
  if (style_ == progress_style::bar) draw_bar();
}

void progress::finished(const deck_result& d) {
  ++finished_;
  if (d.status == deck_status::failed) ++failed_;
  if (d.status == deck_status::skipped) ++skipped_;
  if (style_ == progress_style::lines) {
    std::string line = "[" + std::to_string(finished_) + "/" + std::to_string(total_) + "] " +
                       status_name(d.status) + " " + d.input;
    if (d.status == deck_status::converted) {
      line += " (";
      if (d.pages >= 0) line += std::to_string(d.pages) + " pages, ";
      line += std::to_string(d.links) + " links, " + seconds_text(d.seconds) + ")";
    } else if (d.status == deck_status::failed) {
      const int n = d.diags.error_count();
      line += " (" + std::to_string(n) + (n == 1 ? " error)" : " errors)");
    } else {
      line += " (unchanged)";
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
  const int columns = terminal_columns();
  constexpr int width = 24;
  const double fraction = total_ == 0 ? 1.0 : static_cast<double>(finished_) / total_;
  const int filled = static_cast<int>(fraction * width);
  std::string bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
  bar += std::to_string(finished_) + "/" + std::to_string(total_);
  if (skipped_ > 0) bar += " · " + std::to_string(skipped_) + " unchanged";
  if (failed_ > 0) bar += " · " + std::to_string(failed_) + " failed";
  double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (finished_ > 0 && finished_ < total_) {
    bar += " · ETA " + clock_text(elapsed / finished_ * (total_ - finished_));
  }
  // Columns of `bar` so far: '·' is one column, three bytes.
  int used = 0;
  for (std::size_t i = 0; i < bar.size();) {
    utf8::decode(bar, i);
    ++used;
  }
  if (!current_.empty() && finished_ < total_) bar += " · " + fit_end(current_, columns - used - 4);
  out_ << "\r\x1b[K" << bar;
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
