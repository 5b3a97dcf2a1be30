// The convert job: inputs → one file per format and input.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "render/links/online/check.hpp"
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
};

// The decks named by `inputs`: files as given, and the `.txt` files of each
// directory in sorted order. Reports a directory without decks as an error.
std::vector<std::string> collect_decks(const std::vector<std::string>& inputs, diagnostics& diags);

// Converts every deck; a failing deck does not stop the others. Returns the
// exit code: ok, or bad_input when any deck or output failed.
int convert(const convert_request& request, diagnostics& diags);

}  // namespace handout
