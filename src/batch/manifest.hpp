// The incremental manifest, OUT/.handout-manifest.json: per deck the content
// hash of what its outputs depend on, and the outputs as they were written.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "batch/deck_result.hpp"
#include "diagnostic.hpp"

namespace handout::batch {

// The manifest's file name inside OUT.
inline constexpr const char* manifest_name = ".handout-manifest.json";

struct manifest {
  // By relative stem; only decks that converted without errors.
  std::map<std::string, deck_result> decks;
};

// Reads OUT's manifest. A missing, unreadable or foreign one is an empty
// manifest: everything is rebuilt, nothing fails.
manifest read_manifest(const std::string& out_dir);

// Writes the manifest atomically. Decks of `m` that this run did not touch
// (other shards, decks named another time) are kept.
bool write_manifest(const std::string& out_dir, const manifest& m, diagnostics& diags);

// True when every recorded output of `d` is still in OUT with the recorded
// size and modification time.
bool outputs_unchanged(const std::string& out_dir, const deck_result& d);

// The size and modification time of OUT/`relative`, or nothing.
std::optional<output_file> stat_output(const std::string& out_dir, const std::string& relative);

}  // namespace handout::batch
