#include "json.hpp"

#include <algorithm>
#include <tuple>

#include "terminal_text.hpp"
#include "utf8.hpp"

namespace handout {

namespace {

// A SAX handler that builds nothing and keeps the first parse error: where
// it is (a byte offset) and nlohmann's description of it.
class error_finder final : public nlohmann::json_sax<json> {
 public:
  std::size_t position = 0;
  std::string what;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t at, const std::string&,
                   const nlohmann::detail::exception& e) override {
    position = at;
    what = e.what();
    return false;
  }
};

// nlohmann's message without its prefixes: "[json.exception.parse_error.101]
// parse error at line 3, column 3: syntax error ..." → "syntax error ...".
std::string describe(std::string what) {
  if (what.starts_with('[')) {
    std::size_t end = what.find("] ");
    if (end != std::string::npos) what.erase(0, end + 2);
  }
  if (what.starts_with("parse error")) {
    std::size_t colon = what.find(": ");
    if (colon != std::string::npos) what.erase(0, colon + 2);
  }
  // "…; last read: 'TOKEN'" quotes the input: a short excerpt of it only.
  constexpr std::string_view last_read = "; last read: '";
  const std::size_t quote = what.find(last_read);
  if (quote != std::string::npos && what.ends_with('\'')) {
    const std::size_t start = quote + last_read.size();
    what = what.substr(0, start) +
           excerpt(std::string_view(what).substr(start, what.size() - 1 - start)) + "'";
  }
  return what;
}

}  // namespace

std::string json_text(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace) + "\n";
}

void append_member(json& object, std::string key, json value) {
  object.get_ref<json::object_t&>().emplace_back(std::move(key), std::move(value));
}

json_parse_result parse_json(std::string_view text) {
  json_parse_result r;
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) {
    r.value = std::move(value);
    return r;
  }
  // Only a failed text is read again, to learn where and why it fails.
  error_finder finder;
  json::sax_parse(text, &finder);
  r.error = finder.what.empty() ? std::string("not JSON") : describe(finder.what);
  // The position counts the bytes read, the offending one included.
  const std::size_t offset = std::min(finder.position > 0 ? finder.position - 1 : 0, text.size());
  std::tie(r.line, r.column) = utf8::line_column(text, offset);
  return r;
}

const json* json_member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const std::string* json_string(const json& value) { return value.get_ptr<const std::string*>(); }

const std::string* json_string_member(const json& object, std::string_view key) {
  const json* m = json_member(object, key);
  return m ? json_string(*m) : nullptr;
}

void json_fields::fail(std::string what) {
  if (ok()) problem_ = std::move(what);
}

void json_fields::fail_member(std::string_view where, std::string_view key,
                              std::string_view expected) {
  fail(std::string(where) + "/" + std::string(key) + " is missing or not " + std::string(expected));
}

std::string json_fields::text(const json& object, std::string_view key, std::string_view where) {
  if (const std::string* s = json_string_member(object, key)) return *s;
  fail_member(where, key, "a string");
  return {};
}

std::string json_fields::text_or_null(const json& object, std::string_view key,
                                      std::string_view where) {
  const json* m = json_member(object, key);
  if (m && m->is_null()) return {};
  return text(object, key, where);
}

const json& json_fields::typed(const json& object, std::string_view key, std::string_view where,
                               const json& empty, std::string_view expected) {
  const json* m = json_member(object, key);
  if (m && m->type() == empty.type()) return *m;
  fail_member(where, key, expected);
  return empty;
}

const json& json_fields::array(const json& object, std::string_view key, std::string_view where) {
  static const json empty = json::array();
  return typed(object, key, where, empty, "an array");
}

const json& json_fields::object(const json& object, std::string_view key, std::string_view where) {
  static const json empty = json::object();
  return typed(object, key, where, empty, "an object");
}

}  // namespace handout
