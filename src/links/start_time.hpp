// Video start times: `t=` and `start=` values in every form YouTube accepts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace handout::links {

// Seconds of `527s`, `1m30s`, `1h2m3s`, `1:30`, `1:02:03` or `90`; nothing
// for anything else (an empty value, `abc`, `1:75`, more than 999 hours).
std::optional<long> parse_start_time(std::string_view value);

// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
std::string format_duration(long seconds);

}  // namespace handout::links
