// The convert job: inputs → one file per format and input, many decks in
// parallel, incrementally (src/batch/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/discover.hpp"
#include "diagnostic.hpp"
#include "links/online/check.hpp"
#include "links/command.hpp"
#include "render/renderer.hpp"

namespace handout {

struct convert_request {
  std::vector<std::string> inputs;  // files or directories
  std::string output_dir;
  std::vector<const renderer*> formats;
  handout::style style = default_style();
  // Check each deck's links online before rendering (`--online`): the
  // verdicts, titles and channels land in report::link_checks.
  std::optional<links::online::online_options> online;
  // The file `style` came from, or empty for the built-in style; its bytes
  // are part of what decides that a deck is unchanged.
  std::string style_file;
  batch::deck_kinds kinds;                              // what a directory stands for
  int jobs = 0;                                         // decks at once; 0: one per core
  bool force = false;                                   // rebuild decks that look unchanged
  std::optional<batch::shard> shard;                    // only this shard's decks
  bool quiet = false;                                   // no progress, only diagnostics
  links::fail_level fail_on = links::fail_level::none;  // findings that fail the run
};

// The `.txt` decks named by `inputs`: files as given, and the `.txt` files
// below each directory (recursively, sorted). Reports a directory without
// decks as an error.
std::vector<std::string> collect_decks(const std::vector<std::string>& inputs, diagnostics& diags);

// Converts every deck; a failing deck does not stop the others. Prints each
// deck's diagnostics and the progress to standard error, writes
// OUT/summary.md, OUT/summary.json and the manifest. Returns the worst exit
// code of all decks: bad_input when any failed, findings when one has a
// finding at `fail_on`, else ok.
int convert(const convert_request& request, diagnostics& diags);

}  // namespace handout
