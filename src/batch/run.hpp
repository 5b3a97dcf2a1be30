// The batch: decks found, sharded, checked against the manifest, converted
// by a pool of workers, reported as they finish, and summarised.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/discover.hpp"
#include "diagnostic.hpp"
#include "links/fail_policy.hpp"
#include "links/online/check.hpp"
#include "render/renderer.hpp"

namespace handout::batch {

// What `handout convert` asked for.
struct convert_request {
  std::vector<std::string> inputs;  // files or directories
  std::string output_dir;
  // Instead of output_dir: the one file the one deck is written to, in the
  // format of its extension (`-o talk.pdf`); no manifest or summaries.
  std::string output_file;
  std::vector<const renderer*> formats;
  handout::style style = default_style();
  // Check each deck's links online before rendering (`--online`): the
  // verdicts, titles and channels land in report::link_checks.
  std::optional<links::online::online_options> online;
  // The file `style` came from, or empty for the built-in style; its bytes
  // are part of what decides that a deck is unchanged.
  std::string style_file;
  deck_kinds kinds;                                            // what a directory stands for
  int jobs = 0;                                                // decks at once; 0: one per core
  bool force = false;                                          // rebuild decks that look unchanged
  std::optional<batch::shard> shard;                           // only this shard's decks
  bool quiet = false;                                          // no progress, only diagnostics
  links::fail_policy fail_on{links::fail_level::none, false};  // findings that fail the run
};

// Converts every deck; a failing deck does not stop the others. Prints each
// deck's diagnostics (as it finishes) and the progress to standard error;
// `diags` receives what concerns no single deck (name collisions, the
// manifest, the summary). Writes OUT/summary.md, OUT/summary.json and the
// manifest. Returns the worst exit status of all decks. With `output_file`,
// writes only that file.
int run_batch(const convert_request& request, diagnostics& diags);

}  // namespace handout::batch
