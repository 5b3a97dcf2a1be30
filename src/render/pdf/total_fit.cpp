#include "render/pdf/total_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace handout::pdf {

namespace {

// TeX's values (plain.tex): \linepenalty, \adjdemerits, \doublehyphendemerits,
// \finalhyphendemerits; 10000 is "infinitely bad".
constexpr double line_penalty = 10;
constexpr double adjacent_demerits = 10000;
constexpr double double_hyphen_demerits = 10000;
constexpr double final_hyphen_demerits = 5000;
constexpr double infinitely_bad = 10000;
// More hyphenated lines in a row than this is never chosen.
constexpr int max_hyphen_run = 2;
constexpr double infinity = std::numeric_limits<double>::infinity();

// The fitness classes: tight, decent, loose, very loose.
int fitness(double ratio) {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

// TeX's badness, 100·|r|³, capped at "infinitely bad". Uncapped in the
// last-resort pass, where every way may need very loose lines (a long URL
// that breaks nowhere): there the less loose of two such lines must still
// cost less, or a two-word line beside a long URL costs no more than a full
// one.
double badness(double ratio, bool capped) {
  double r = std::abs(ratio);
  if (!std::isfinite(r)) return capped ? infinitely_bad : 1e18;  // no glue at all
  double b = 100 * r * r * r;
  return capped ? std::min(b, infinitely_bad) : b;
}

// The first pass takes no line stretched more than this (badness 800;
// TeX's \tolerance is 200); the second takes any.
constexpr double first_pass_tolerance = 2;

// The best way found to reach one candidate break in one state: the fitness
// of the line before it and how many hyphenated lines end there in a row.
struct node {
  double demerits = infinity;
  std::size_t previous = 0;  // candidate
  int previous_state = 0;
};

constexpr int fitness_classes = 4;
constexpr int states = fitness_classes * (max_hyphen_run + 1);
int state_of(int fit, int hyphen_run) { return fit * (max_hyphen_run + 1) + hyphen_run; }

}  // namespace

double adjustment_ratio(const line_extent& e, double width) {
  double need = width - e.natural;
  if (need > 0) return e.stretch > 0 ? need / e.stretch : infinity;
  if (need < 0) return e.shrink > 0 ? need / e.shrink : -infinity;
  return 0;
}

namespace {

// One pass of the dynamic programme: the best node per candidate and state.
// False when the work passed `max_lines_tried` (counted in `tried`).
bool fit_pass(const std::vector<break_candidate>& candidates, double width, double tolerance,
              std::size_t max_lines_tried, std::size_t& tried,
              std::vector<std::array<node, states>>& best) {
  const std::size_t n = candidates.size();
  best.assign(n, {});
  best[0][static_cast<std::size_t>(state_of(1, 0))].demerits = 0;
  auto line = [&](std::size_t i, std::size_t j) {
    const line_extent &a = candidates[i].start, &b = candidates[j].end;
    line_extent e{b.natural - a.natural, b.stretch - a.stretch, b.shrink - a.shrink};
    if (e.natural < 0) e = {};  // nothing but spaces
    return e;
  };
  // What punctuation trimmed at a line's start may change: the bounds
  // below stay on the safe side of it.
  const double slack = 12 + width * 0.02;
  auto surely_overfull = [&](std::size_t i, std::size_t j) {
    line_extent e = line(i, j);
    return e.natural - e.shrink > width + slack;
  };
  auto surely_too_loose = [&](std::size_t i, std::size_t j) {
    line_extent e = line(i, j);
    return e.natural + tolerance * e.stretch < width - slack;
  };
  // The lines ending at candidate j worth measuring start in [lo, hi]; both
  // bounds only move forward as j does.
  std::size_t lo = 0, hi = 0;
  for (std::size_t j = 1; j < n; ++j) {
    const bool last = j + 1 == n;
    const break_candidate& at = candidates[j];
    while (lo + 1 < j && surely_overfull(lo, j)) ++lo;
    while (hi + 1 < j && !surely_too_loose(hi + 1, j)) ++hi;
    const std::size_t first = last || tolerance == infinity ? j - 1 : std::max(hi, lo);
    for (std::size_t i = first + 1; i-- > lo;) {
      if (++tried > max_lines_tried) return false;
      double ratio = adjustment_ratio(line(i, j), width);
      if (ratio < -1 - 1e-9) continue;   // overfull
      if (last && ratio > 0) ratio = 0;  // the last line need not fill
      if (ratio > tolerance) continue;
      const int fit = fitness(ratio);
      const double b = badness(ratio, tolerance != infinity);
      const double p = at.penalty;
      const double d = (line_penalty + b) * (line_penalty + b) + (p > 0 ? p * p : 0);
      for (int s = 0; s < states; ++s) {
        const node& from = best[i][static_cast<std::size_t>(s)];
        if (from.demerits == infinity) continue;
        const int from_fit = s / (max_hyphen_run + 1), from_run = s % (max_hyphen_run + 1);
        const int run = at.hyphenated && !last ? from_run + 1 : 0;
        if (run > max_hyphen_run) continue;
        double total = from.demerits + d;
        if (std::abs(fit - from_fit) > 1) total += adjacent_demerits;
        if (from_run > 0 && run > 0) total += double_hyphen_demerits;
        if (last && from_run > 0) total += final_hyphen_demerits;
        node& to = best[j][static_cast<std::size_t>(state_of(fit, run))];
        if (total < to.demerits) to = {total, i, s};
      }
    }
  }
  return true;
}

}  // namespace

std::optional<std::vector<std::size_t>> total_fit(const std::vector<break_candidate>& candidates,
                                                  double width, std::size_t max_lines_tried) {
  const std::size_t n = candidates.size();
  if (n < 2) return std::nullopt;
  std::vector<std::array<node, states>> best;
  std::size_t tried = 0;
  int end_state = -1;
  for (double tolerance : {first_pass_tolerance, infinity}) {
    if (!fit_pass(candidates, width, tolerance, max_lines_tried, tried, best)) return std::nullopt;
    for (int s = 0; s < states; ++s) {
      double d = best[n - 1][static_cast<std::size_t>(s)].demerits;
      if (d < infinity &&
          (end_state < 0 || d < best[n - 1][static_cast<std::size_t>(end_state)].demerits)) {
        end_state = s;
      }
    }
    if (end_state >= 0) break;
  }
  if (end_state < 0) return std::nullopt;
  std::vector<std::size_t> breaks;
  for (std::size_t j = n - 1; j > 0;) {
    breaks.push_back(j);
    const node& at = best[j][static_cast<std::size_t>(end_state)];
    end_state = at.previous_state;
    j = at.previous;
  }
  return std::vector<std::size_t>(breaks.rbegin(), breaks.rend());
}

}  // namespace handout::pdf
