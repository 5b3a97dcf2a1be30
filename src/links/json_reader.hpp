// A small strict JSON reader (RFC 8259) for the online check: oEmbed
// answers and the cache file. Malformed input is a value, never an exception.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace handout::links {

class json_value;
using json_array = std::vector<json_value>;
using json_object = std::map<std::string, json_value, std::less<>>;

// One JSON value. Numbers are kept as doubles; a duplicate key keeps the last value.
class json_value {
 public:
  json_value() = default;
  explicit json_value(std::nullptr_t) {}
  explicit json_value(bool b) : v_(b) {}
  explicit json_value(double d) : v_(d) {}
  explicit json_value(std::string s) : v_(std::move(s)) {}
  explicit json_value(json_array a) : v_(std::make_shared<json_array>(std::move(a))) {}
  explicit json_value(json_object o) : v_(std::make_shared<json_object>(std::move(o))) {}

  bool is_null() const { return v_.index() == 0; }
  const bool* as_bool() const { return std::get_if<bool>(&v_); }
  const double* as_number() const { return std::get_if<double>(&v_); }
  const std::string* as_string() const { return std::get_if<std::string>(&v_); }
  const json_array* as_array() const;
  const json_object* as_object() const;

  // The member `key` of an object, or null when this is not an object or has no such member.
  const json_value* find(std::string_view key) const;

 private:
  std::variant<std::monostate, bool, double, std::string, std::shared_ptr<json_array>,
               std::shared_ptr<json_object>>
      v_;
};

struct json_parse_result {
  std::optional<json_value> value;  // nothing on error
  std::size_t offset = 0;           // where the error is
  std::string error;                // empty on success
};

// Parses one JSON document (surrounding whitespace allowed). Strings must be
// valid UTF-8, escapes are decoded (surrogate pairs joined), nesting is
// limited to `max_depth`.
json_parse_result parse_json(std::string_view text, int max_depth = 64);

}  // namespace handout::links
