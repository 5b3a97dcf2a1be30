// JSON for every file the tool reads or writes, on nlohmann-json: one way to
// write it, parsing that reports a malformed text at its line and column
// instead of throwing, and typed look-ups that say "missing" with a null.
#pragma once

#include <concepts>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace handout {

// A JSON value whose objects keep their members in insertion order, so that
// outputs list keys in the order they were added.
using json = nlohmann::ordered_json;

// One member for json_object(): a key and its value.
struct json_field {
  std::string_view key;
  json value;
};

// An object of these members in this order (keys distinct), as in
// `json_object({{"href", href}, {"line", line}})`. Cheaper than json's own
// initializer lists, which build a two-element array for every member.
template <std::size_t N>
json json_object(json_field (&&fields)[N]) {
  json object = json::object();
  auto& members = object.get_ref<json::object_t&>();
  members.reserve(N);
  for (json_field& f : fields) members.emplace_back(f.key, std::move(f.value));
  return object;
}

// Appends the member `key` to `object`, which must be an object without such a
// member (keys taken from a std::map, say). Constant time: the object's own
// insertion first searches its members, which are a vector (ordered_map).
void append_member(json& object, std::string key, json value);

// `value` as the tool writes JSON: `indent` spaces a level (-1: one line), non-ASCII kept as
// UTF-8, a newline at the end. Bytes that are not UTF-8 become U+FFFD (the
// library would throw on them).
std::string json_text(const json& value, int indent = 2);

// A parsed text, or where and why it is not JSON.
struct json_parse_result {
  std::optional<json> value;  // nothing on error
  int line = 0;               // 1-based, where the error is; columns count code points
  int column = 0;
  std::string error;  // empty on success
};

// Parses one JSON text (RFC 8259: UTF-8, surrounding white space allowed);
// never throws.
json_parse_result parse_json(std::string_view text);

// The member `key` of `object`, or null when `object` is not an object or has
// no such member.
const json* json_member(const json& object, std::string_view key);

// `value` as a string, or null when it is none.
const std::string* json_string(const json& value);

// The member `key` of `object` as a string, or null when it is missing or none.
const std::string* json_string_member(const json& object, std::string_view key);

// `value` as an integer of type T, or nothing when it is not an integer
// (a number with a fraction or an exponent is none) or is out of T's range.
template <std::integral T>
std::optional<T> json_integer(const json& value) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (std::in_range<T>(u)) return static_cast<T>(u);
  } else if (value.is_number_integer()) {
    const auto i = value.get<std::int64_t>();
    if (std::in_range<T>(i)) return static_cast<T>(i);
  }
  return std::nullopt;
}

// The member `key` of `object` as an integer of type T, or nothing.
template <std::integral T>
std::optional<T> json_integer_member(const json& object, std::string_view key) {
  const json* m = json_member(object, key);
  return m ? json_integer<T>(*m) : std::nullopt;
}

// Reads members of the types a layout expects out of parsed JSON, keeping the
// first one that is missing or of another type, named by its JSON pointer
// ("/files/0/slides/2/line is missing or not an integer"). Each look-up gives
// an empty value after a problem, so a reader can go on and check once.
class json_fields {
 public:
  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }
  // Records `what` unless a problem is recorded already.
  void fail(std::string what);

  // `where` is the JSON pointer of `object` ("" for the root).
  std::string text(const json& object, std::string_view key, std::string_view where);
  // A string, or "" for null.
  std::string text_or_null(const json& object, std::string_view key, std::string_view where);
  template <std::integral T>
  T integer(const json& object, std::string_view key, std::string_view where) {
    if (auto n = json_integer_member<T>(object, key)) return *n;
    fail_member(where, key, "an integer");
    return 0;
  }
  const json& array(const json& object, std::string_view key, std::string_view where);
  const json& object(const json& object, std::string_view key, std::string_view where);

 private:
  void fail_member(std::string_view where, std::string_view key, std::string_view expected);
  // The member when it has the type of `empty`, else `empty`.
  const json& typed(const json& object, std::string_view key, std::string_view where,
                    const json& empty, std::string_view expected);
  std::string problem_;
};

}  // namespace handout
