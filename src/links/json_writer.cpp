#include "links/json_writer.hpp"

#include <cstdio>

namespace handout::links {

namespace {

// Appends `s` as a JSON string literal; runs that need no escaping are
// copied whole.
void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  append_quoted(out, s);
  return out;
}

void json_writer::newline() {
  out_ += '\n';
  out_.append(2 * stack_.size(), ' ');
}

void json_writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!stack_.empty()) {
    if (stack_.back().count++ > 0) out_ += ',';
    newline();
  }
}

void json_writer::begin_object() {
  before_value();
  out_ += '{';
  stack_.push_back({false, 0});
}

void json_writer::begin_array() {
  before_value();
  out_ += '[';
  stack_.push_back({true, 0});
}

void json_writer::end_object() {
  bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline();
  out_ += '}';
}

void json_writer::end_array() {
  bool empty = stack_.back().count == 0;
  stack_.pop_back();
  if (!empty) newline();
  out_ += ']';
}

void json_writer::key(std::string_view k) {
  before_value();
  append_quoted(out_, k);
  out_ += ": ";
  after_key_ = true;
}

void json_writer::value(std::string_view s) {
  before_value();
  append_quoted(out_, s);
}

void json_writer::value(long n) {
  before_value();
  out_ += std::to_string(n);
}

void json_writer::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void json_writer::null() {
  before_value();
  out_ += "null";
}

std::string json_writer::finish() { return std::move(out_) + "\n"; }

}  // namespace handout::links
