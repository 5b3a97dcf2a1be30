// The command cases of tests/cli/: reading and writing their format
// (tests/cli/README.md), and putting what a run gave into a case.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace handout::test::cli {

// One fenced block: its kind (file, stdin, command, stdout, stderr, files,
// exit), the name of a `file` block, and its bytes.
struct block {
  std::string kind;
  std::string name;
  std::string content;
};

// A case as it reads: prose (kept verbatim) and blocks, in order.
struct case_file {
  std::vector<std::variant<std::string, block>> pieces;

  // The one block of `kind`, or null.
  const block* find(std::string_view kind) const;
  // Every block of `kind`, in order.
  std::vector<const block*> all(std::string_view kind) const;
};

// Reads and checks a case; on failure, nullopt and `error` ("line N: …").
std::optional<case_file> parse_case(std::string_view text, std::string& error);

// Writes a case back: parse_case(write_case(c)) gives c's blocks again.
std::string write_case(const case_file& c);

// What running a case's command gave.
struct outcome {
  std::string out;
  std::string err;
  std::optional<std::string> files;  // the listing, when the case checks it
  int status = 0;
};

// The case with its expectation blocks (stdout, stderr, files, exit) made
// from `o` and placed last, in that order; an empty stdout or stderr has no
// block.
case_file with_expectations(const case_file& c, const outcome& o);

}  // namespace handout::test::cli
