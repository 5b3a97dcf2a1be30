// The batch: decks found, sharded, checked against the manifest, converted
// by a pool of workers, reported as they finish, and summarised.
#pragma once

#include "convert.hpp"
#include "diagnostic.hpp"

namespace handout::batch {

// Runs `request` (see convert()). `diags` receives what concerns no single
// deck (name collisions, the manifest, the summary); each deck's own
// diagnostics are printed as it finishes.
int run_batch(const convert_request& request, diagnostics& diags);

}  // namespace handout::batch
