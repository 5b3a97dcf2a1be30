// A small streaming JSON writer (two-space indentation, UTF-8 passed
// through) for the JSON and SARIF formatters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace handout::links {

class json_writer {
 public:
  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next value inside an object.
  void key(std::string_view k);
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(long n);
  void value(int n) { value(static_cast<long>(n)); }
  void value(bool b);
  void null();

  // Shorthands for `key(k); value(v)`.
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }
  void null_field(std::string_view k) {
    key(k);
    null();
  }

  // The document, ending in a newline.
  std::string finish();

 private:
  void before_value();
  void newline();
  std::string out_;
  struct level {
    bool array;
    int count;
  };
  std::vector<level> stack_;
  bool after_key_ = false;
};

// `s` as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

}  // namespace handout::links
