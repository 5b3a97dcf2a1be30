// Names of online verdicts, shared by the formatters and the cache.
#pragma once

#include <optional>
#include <string_view>

#include "document.hpp"

namespace handout::links {

// `ok`, `broken`, `restricted`, `unknown`.
std::string_view verdict_name(link_verdict v);

std::optional<link_verdict> parse_verdict(std::string_view name);

// True for the verdicts worth caching: ok, broken, restricted.
inline bool is_definite(link_verdict v) { return v != link_verdict::unknown; }

}  // namespace handout::links
