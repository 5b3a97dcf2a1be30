// Total-fit paragraph breaking (Knuth and Plass, "Breaking paragraphs into
// lines", 1981, as TeX and Typst do it): the breaks of a whole paragraph
// chosen together so that the sum of the lines' demerits is least. Knows
// nothing of glyphs: lines are measured by a callback.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace handout::pdf {

// A place where a line may end. `hyphenated`: the line before it ends in a
// hyphen (drawn, or one already in the text).
struct break_candidate {
  double penalty = 0;  // added cost of breaking here (hyphens)
  bool hyphenated = false;
  // The natural width, stretch and shrink of the paragraph before this
  // candidate: a quick bound on which lines can fit (the measured line may
  // differ by a few points, for what is trimmed or added at its ends).
  double natural = 0, stretch = 0, shrink = 0;
};

// A line as set at its natural width, with how much its glue can grow and
// shrink. `stretch` is infinite (a huge number) for a line that need not fill.
struct line_extent {
  double natural = 0, stretch = 0, shrink = 0;
};

// How much a line of natural width `e.natural` must be stretched (> 0) or
// shrunk (< 0) to fill `width`, in units of its stretch or shrink; 0 when it
// cannot change.
double adjustment_ratio(const line_extent& e, double width);

// The breaks (indices into `candidates`, the last always the final one)
// that minimise the demerits of a paragraph whose candidate breaks are
// `candidates`; candidate 0 is the paragraph's start, the last its end.
// `measure(i, j)` gives the line from candidate i to candidate j; `last`
// says it ends the paragraph. Lines stretched more than twice their stretch
// are tried only when no breaking can do without them. Nothing when no
// breaking lets every line fit, or when more than `max_lines_tried` lines
// would be measured.
std::optional<std::vector<std::size_t>> total_fit(
    const std::vector<break_candidate>& candidates, double width,
    const std::function<line_extent(std::size_t from, std::size_t to, bool last)>& measure,
    std::size_t max_lines_tried);

}  // namespace handout::pdf
