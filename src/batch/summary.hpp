// OUT/summary.md (for $GITHUB_STEP_SUMMARY) and OUT/summary.json: per deck
// its status, pages, links, findings, outputs and time; totals. They record
// a run, times included, so unlike the outputs they differ between runs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/deck_result.hpp"
#include "batch/discover.hpp"

namespace handout::batch {

struct run_info {
  int jobs = 1;
  std::optional<shard> shard_;
  double seconds = 0;  // wall time of the whole run
  // The inputs of decks gone since an earlier run, whose outputs were removed.
  std::vector<std::string> removed;
  int status = 0;  // the run's exit status
};

std::string summary_json(const std::vector<deck_result>& decks, const run_info& info);
std::string summary_markdown(const std::vector<deck_result>& decks, const run_info& info);

}  // namespace handout::batch
