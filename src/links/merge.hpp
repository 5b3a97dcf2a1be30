// Audits across decks: reading JSON reports back (`links --merge`), and the
// same video linked from several decks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "links/audit.hpp"

namespace handout::links {

// The audits of a JSON report as written by format_json() (version 1): one
// per file entry, with its slides, links and findings. Reports a file that
// is not such a report at `path` and returns nothing.
std::optional<std::vector<audit_result>> read_json_report(const std::string& text,
                                                          const std::string& path,
                                                          diagnostics& diags);

// Reads and merges several reports: files sorted by source, a source found
// in two reports kept once (an error: the shards overlap), findings of the
// rule duplicate-across-decks computed anew. Nothing when no report could be
// read.
std::optional<std::vector<audit_result>> merge_reports(const std::vector<std::string>& paths,
                                                       diagnostics& diags);

// Replaces the duplicate-across-decks findings of `audits`: each valid video
// linked from more than one deck is reported in every deck after the first
// that links it, at its first link there. Keeps findings sorted and the
// summaries right.
void find_duplicates_across_decks(std::vector<audit_result>& audits);

}  // namespace handout::links
