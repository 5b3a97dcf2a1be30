// Decks that no longer exist: their outputs (only those the manifest says
// this tool wrote) are removed and their manifest entries dropped, so a
// cached OUT does not keep serving them.
#pragma once

#include <string>
#include <vector>

#include "batch/manifest.hpp"
#include "diagnostic.hpp"

namespace handout::batch {

// The stems of `m`'s decks that are gone: the recorded input is below one
// of the directories in `inputs` (as given on the command line) and no
// longer exists. A deck named as a file, or found below a directory this
// run was not asked to convert, is never gone.
std::vector<std::string> deleted_decks(const manifest& m, const std::vector<std::string>& inputs);

// Removes OUT/PATH for each output recorded for `d`. Each folder below OUT
// is opened without following a symlink, and only a regular file is
// removed: a symlink or anything else in its place stays, with a warning in
// `diags`. An output already gone is no problem.
void remove_outputs(const std::string& out_dir, const deck_result& d, diagnostics& diags);

}  // namespace handout::batch
