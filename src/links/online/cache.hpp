// The verdict cache: a JSON file that keeps definite verdicts (ok, broken,
// restricted) between runs, so that CI can keep it and not ask again.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "diagnostic.hpp"
#include "document.hpp"

namespace handout::links::online {

class verdict_cache {
 public:
  // Reads `path`. A missing file is an empty cache, one of another version a
  // warning and an empty cache. A file that is not a cache (unreadable, not
  // JSON, no "tool" member of ours: a deck named by mistake) is an error and
  // nothing: the caller must then neither use nor save a cache.
  static std::optional<verdict_cache> load(const std::string& path, diagnostics& diags);

  // The entry for `key` checked at most `max_age` before `now` (Unix seconds), or null.
  const link_check* find(const std::string& key, std::int64_t now,
                         std::chrono::seconds max_age) const;

  // Records a check made at `now`; only definite verdicts are kept.
  void put(const std::string& key, const link_check& check, std::int64_t now);

  // True when put() added anything since load().
  bool changed() const { return changed_; }

  // Writes the entries not older than `max_age` to `path` through a temp
  // file and a rename. A failure is a warning; returns false then.
  bool save(const std::string& path, std::int64_t now, std::chrono::seconds max_age,
            diagnostics& diags) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct entry {
    link_check check;
    std::int64_t checked_at = 0;
  };
  std::map<std::string, entry> entries_;
  bool changed_ = false;
};

}  // namespace handout::links::online
