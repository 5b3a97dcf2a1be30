// Every limit the tool enforces, named in one place (see docs/LIMITS.md).
#pragma once

#include <cstddef>

namespace handout::limits {

// Largest input file read, text or intermediate.
inline constexpr std::size_t max_input_bytes = std::size_t{256} << 20;  // 256 MiB
// Longest line of a text deck; a longer one is not slide text.
inline constexpr std::size_t max_line_bytes = std::size_t{1} << 20;  // 1 MiB
// Deepest bullet level.
inline constexpr int max_bullet_level = 3;
// Largest sidecar metadata file.
inline constexpr std::size_t max_metadata_bytes = std::size_t{64} << 10;  // 64 KiB

}  // namespace handout::limits
