// The XML writer: document model → XML intermediate.
#pragma once

#include <string>

#include "document.hpp"

namespace handout {

// The intermediate XML of `r` (UTF-8, indented, deterministic).
std::string write_xml(const report& r);

}  // namespace handout
