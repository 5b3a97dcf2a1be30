// Finding the decks of a batch: files as named, directories walked
// recursively in sorted order, each deck with the place it takes under OUT.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace handout::batch {

// Which files below a directory are decks.
struct deck_kinds {
  bool text = true;           // NAME.txt
  bool intermediate = false;  // NAME.xml (--from xml)
  bool slides = true;         // NAME.pptx, NAME.odp, NAME.fodp (--from slides)
  // Text decks are text extracted from slides (--from pdftotext): read in
  // that dialect, not detected. Implies `text`.
  bool pdftotext = false;
};

// `txt`, `pdftotext`, `xml`, `slides`, or several comma-separated
// (`txt,slides`); nothing when unknown.
std::optional<deck_kinds> parse_deck_kinds(std::string_view list);

struct deck {
  std::string input;  // the path as found: DIR/sub/NAME.txt
  // The deck's place under OUT without extension, '/'-separated and relative:
  // `sub/NAME` for DIR/sub/NAME.txt, `NAME` for a file named on the command
  // line. Outputs go to OUT/sub/NAME.*; shards are chosen by hashing it.
  std::string relative_stem;
  // The input tree the deck and its sidecar must stay inside (io.hpp's
  // outside_input_tree): the directory it was found in, or for a file named
  // on the command line, its own directory.
  std::string tree;
};

// The decks of `inputs`. A directory stands for the decks below it, found
// recursively (hidden directories and `skip_dir`, usually OUT, are not
// entered) and sorted by relative path; a directory without decks is an
// error. A file is taken as given, whatever its extension.
std::vector<deck> discover_decks(const std::vector<std::string>& inputs, const deck_kinds& kinds,
                                 const std::string& skip_dir, diagnostics& diags);

// `K/N` with 1 <= K <= N: the shard `K` of `N`.
struct shard {
  int index = 1;
  int count = 1;
};
std::optional<shard> parse_shard(std::string_view text);

// True when the deck at `relative_stem` belongs to shard `s`: the stable
// 64-bit hash of its relative stem, modulo N, is K - 1. The same on every
// machine, so N jobs together take each deck exactly once. Nothing when the
// hash cannot be computed (OpenSSL fails).
std::optional<bool> in_shard(const std::string& relative_stem, const shard& s);

}  // namespace handout::batch
