// Finding a style by name (`--style handout`) in the installed styles, or
// taking a file as given (`--style my.yaml`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace handout {

// The directories searched for NAME.yaml, in order: $HANDOUT_STYLE_PATH
// (colon-separated), then beside the executable: ../share/handout/styles
// (installed) and ../styles (a build directory inside the source tree), then
// the install prefix the tool was built for.
std::vector<std::string> style_directories();

// `name_or_path` is a file when it has a '/' or ends in .yaml/.yml; else the
// first NAME.yaml of style_directories(). Reports an unknown name with the
// names that exist and returns nothing.
std::optional<std::string> find_style(const std::string& name_or_path, diagnostics& diags);

}  // namespace handout
