// The words for a yaml-cpp exception, shared by the style and sidecar readers.
#pragma once

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>

#include <string>

namespace handout {

// "malformed YAML: …" with yaml-cpp's own description, except for nesting
// too deep, which yaml-cpp calls "bad file".
inline std::string yaml_error_message(const YAML::Exception& e) {
  if (const auto* deep = dynamic_cast<const YAML::DeepRecursion*>(&e)) {
    return "malformed YAML: nested too deeply (more than " + std::to_string(deep->depth() - 1) +
           " levels)";
  }
  return "malformed YAML: " + e.msg;
}

}  // namespace handout
