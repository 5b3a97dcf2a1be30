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
// The lock file beside it while a run records: runs (shards) writing one OUT
// take turns on it.
inline constexpr const char* manifest_lock_name = ".handout-manifest.lock";

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

// An exclusive flock on OUT's manifest lock file while alive (blocking until
// another run releases it), so that a run re-reads the manifest and merges
// its decks into it without losing those another shard wrote meanwhile.
class manifest_lock {
 public:
  // A failure (the lock file a symlink, OUT unwritable) is an error in `diags`.
  manifest_lock(const std::string& out_dir, diagnostics& diags);
  ~manifest_lock();
  manifest_lock(const manifest_lock&) = delete;
  manifest_lock& operator=(const manifest_lock&) = delete;
  explicit operator bool() const { return fd_ >= 0; }

 private:
  std::string path_;
  int fd_ = -1;
};

// True when every recorded output of `d` is still in OUT with the recorded
// size and modification time.
bool outputs_unchanged(const std::string& out_dir, const deck_result& d);

// The size and modification time of OUT/`relative`, or nothing.
std::optional<output_file> stat_output(const std::string& out_dir, const std::string& relative);

}  // namespace handout::batch
