// Total-fit paragraph breaking (Knuth and Plass, "Breaking paragraphs into
// lines", 1981, as TeX and Typst do it): the breaks of a whole paragraph
// chosen together so that the sum of the lines' demerits is least. Knows
// nothing of glyphs: lines are measured by running sums.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace handout::pdf {

// A width with how much its glue can grow and shrink, in points.
struct line_extent {
  double natural = 0, stretch = 0, shrink = 0;
};

// A place where a line may end and the next begin. `start` and `end` are
// running sums over the paragraph: where a line beginning here begins, and
// where one ending here ends (whatever hangs or is trimmed at a line's ends
// taken into account), so that the line from candidate i to candidate j is
// `candidates[j].end - candidates[i].start`.
struct break_candidate {
  double penalty = 0;       // added cost of breaking here (hyphens)
  bool hyphenated = false;  // the line before ends in a hyphen (drawn, or of the text)
  line_extent start, end;
};

// How much a line of natural width `e.natural` must be stretched (> 0) or
// shrunk (< 0) to fill `width`, in units of its stretch or shrink; infinite
// when it cannot change.
double adjustment_ratio(const line_extent& e, double width);

// The breaks (indices into `candidates`, the last always the final one)
// that minimise the demerits of a paragraph; candidate 0 is its start, the
// last its end, and its last line need not fill the width. Lines stretched
// more than twice their stretch are tried only when no breaking can do
// without them. Nothing when no breaking lets every line fit, or when more
// than `max_lines_tried` lines would be tried.
std::optional<std::vector<std::size_t>> total_fit(const std::vector<break_candidate>& candidates,
                                                  double width, std::size_t max_lines_tried);

}  // namespace handout::pdf
