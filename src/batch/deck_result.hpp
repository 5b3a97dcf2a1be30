// What the batch knows about one deck after a run: converted, unchanged or
// failed, with its diagnostics, outputs and counts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace handout::batch {

enum class deck_status { converted, unchanged, failed };

// `converted`, `unchanged` or `failed`.
const char* status_name(deck_status s);

// An output file and what the manifest compares to see it unchanged.
struct output_file {
  std::string path;  // relative to OUT, '/'-separated
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
};

struct deck_result {
  std::string input;          // as found
  std::string relative_stem;  // its place under OUT
  deck_status status = deck_status::failed;
  diagnostics diags;  // this run's, or the recorded ones of an unchanged deck
  std::vector<output_file> outputs;
  std::string key;  // the content hash of everything the outputs depend on
  int pages = -1;   // -1 without a paged format
  int links = 0;
  int missing_glyphs = 0;  // characters no installed font has (one warning lists some)
  int finding_errors = 0, finding_warnings = 0, finding_infos = 0;
  // Of the warnings, the link-unreachable ones (which fail a run only with
  // --fail-on ...,unknown).
  int finding_unknown = 0;
  double seconds = 0;  // wall time of this run's work on the deck
  int exit_code = 0;   // this deck's part of the exit status
};

}  // namespace handout::batch
