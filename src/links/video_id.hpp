// YouTube video ids: exactly 11 characters of [A-Za-z0-9_-], the last one of
// `AEIMQUYcgkosw048` (an id encodes 64 bits, so its last character carries
// only 4; any other last character means a mistyped or truncated id).
#pragma once

#include <string>
#include <string_view>

namespace handout::links {

enum class id_problem { none, missing, bad_character, wrong_length, bad_last_character };

struct id_check {
  id_problem problem = id_problem::none;
  std::string message;  // why the id is broken; empty when it is not
};

// Checks `id` as written in a link.
id_check check_video_id(std::string_view id);

// True when `id` has the shape of an id (11 characters of the alphabet),
// whatever its last character.
bool has_id_shape(std::string_view id);

}  // namespace handout::links
