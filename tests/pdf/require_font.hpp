// Skipping a test when a font family it needs is not installed.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "render/pdf/fonts.hpp"

namespace handout::pdf {

inline bool have_family(const std::string& family) { return find_font_family(family).has_value(); }

}  // namespace handout::pdf

#define REQUIRE_FAMILY(f)              \
  if (!::handout::pdf::have_family(f)) \
  GTEST_SKIP() << f << " is not installed (scripts/setup.sh installs it)"
