// A bullet tree written flat, for the reader tests: `level:text|` per item.
#pragma once

#include <string>
#include <vector>

#include "document.hpp"

namespace handout::test {

inline std::string texts(const std::vector<item>& items) {
  std::string out;
  for (const auto& it : items) {
    out += std::to_string(it.level) + ":" + it.text + "|";
    out += texts(it.children);
  }
  return out;
}

}  // namespace handout::test
