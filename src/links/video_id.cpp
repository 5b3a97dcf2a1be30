#include "links/video_id.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace handout::links {

namespace {

constexpr std::string_view last_characters = "AEIMQUYcgkosw048";

bool in_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

bool has_id_shape(std::string_view id) {
  return id.size() == 11 && std::all_of(id.begin(), id.end(), in_alphabet);
}

id_check check_video_id(std::string_view id) {
  if (id.empty()) return {id_problem::missing, "has no video id"};
  const std::string quoted = "video id '" + std::string(id) + "'";
  auto bad = std::find_if_not(id.begin(), id.end(), in_alphabet);
  if (bad != id.end()) {
    std::size_t at = static_cast<std::size_t>(bad - id.begin());
    std::size_t next = at;
    std::string ch;
    if (utf8::find_invalid(id.substr(at, 4)).value_or(4) != 0) {
      utf8::decode(id, next);
      ch = std::string(id.substr(at, next - at));
    } else {
      ch = std::string(1, *bad);
    }
    return {id_problem::bad_character,
            quoted + " contains '" + ch +
                "', which no video id contains (ids use A-Z, a-z, 0-9, '-' and '_')"};
  }
  if (id.size() != 11) {
    return {id_problem::wrong_length,
            quoted + " has " + std::to_string(id.size()) + " characters; a video id has 11" +
                (id.size() < 11 ? " (cut short?)" : " (characters added?)")};
  }
  if (last_characters.find(id.back()) == std::string_view::npos) {
    return {id_problem::bad_last_character,
            quoted + " cannot end in '" + std::string(1, id.back()) +
                "': a video id ends in one of " + std::string(last_characters) +
                ", so this one is mistyped or cut short"};
  }
  return {};
}

}  // namespace handout::links
