#include "links/json_reader.hpp"

#include <cstdlib>

#include "utf8.hpp"

namespace handout::links {

const json_array* json_value::as_array() const {
  auto* p = std::get_if<std::shared_ptr<json_array>>(&v_);
  return p ? p->get() : nullptr;
}

const json_object* json_value::as_object() const {
  auto* p = std::get_if<std::shared_ptr<json_object>>(&v_);
  return p ? p->get() : nullptr;
}

const json_value* json_value::find(std::string_view key) const {
  const json_object* o = as_object();
  if (!o) return nullptr;
  auto it = o->find(key);
  return it == o->end() ? nullptr : &it->second;
}

namespace {

class parser {
 public:
  parser(std::string_view text, int max_depth) : s_(text), max_depth_(max_depth) {}

  json_parse_result run() {
    json_parse_result r;
    skip_space();
    std::optional<json_value> v = value(0);
    if (v) {
      skip_space();
      if (pos_ != s_.size()) fail("unexpected text after the value");
    }
    if (!error_.empty()) {
      r.error = error_;
      r.offset = error_at_;
      return r;
    }
    r.value = std::move(v);
    return r;
  }

 private:
  std::nullopt_t fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_at_ = pos_;
    }
    return std::nullopt;
  }

  void skip_space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<json_value> value(int depth) {
    if (depth > max_depth_) return fail("nested too deeply");
    if (pos_ >= s_.size()) return fail("unexpected end of input");
    char c = s_[pos_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') {
      auto str = string();
      if (!str) return std::nullopt;
      return json_value(std::move(*str));
    }
    if (literal("null")) return json_value(nullptr);
    if (literal("true")) return json_value(true);
    if (literal("false")) return json_value(false);
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    return fail("unexpected character");
  }

  std::optional<json_value> number() {
    const std::size_t start = pos_;
    auto digits = [&] {
      std::size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (digits() == 0) {
      return fail("a number needs digits");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return fail("a fraction needs digits");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) return fail("an exponent needs digits");
    }
    std::string text(s_.substr(start, pos_ - start));
    double d = std::strtod(text.c_str(), nullptr);
    return json_value(d);
  }

  std::optional<unsigned> hex4() {
    if (s_.size() - pos_ < 4) return std::nullopt;
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return v;
  }

  std::optional<std::string> string() {
    ++pos_;  // the opening quote
    std::string out;
    std::size_t run = pos_;
    while (true) {
      if (pos_ >= s_.size()) return fail("unterminated string");
      auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') break;
      if (c < 0x20) return fail("control character in a string");
      if (c != '\\') {
        ++pos_;
        continue;
      }
      out.append(s_.substr(run, pos_ - run));
      ++pos_;
      if (pos_ >= s_.size()) return fail("unterminated string");
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          auto cp = hex4();
          if (!cp) return fail("bad \\u escape");
          if (*cp >= 0xD800 && *cp < 0xDC00) {
            if (!literal("\\u")) return fail("lone surrogate");
            auto low = hex4();
            if (!low || *low < 0xDC00 || *low > 0xDFFF) return fail("lone surrogate");
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
          } else if (*cp >= 0xDC00 && *cp <= 0xDFFF) {
            return fail("lone surrogate");
          }
          utf8::append(out, static_cast<char32_t>(*cp));
          break;
        }
        default:
          --pos_;
          return fail("bad escape");
      }
      run = pos_;
    }
    out.append(s_.substr(run, pos_ - run));
    ++pos_;  // the closing quote
    if (utf8::find_invalid(out)) return fail("string is not valid UTF-8");
    return out;
  }

  std::optional<json_value> array(int depth) {
    ++pos_;
    json_array items;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return json_value(std::move(items));
    }
    while (true) {
      skip_space();
      auto v = value(depth + 1);
      if (!v) return std::nullopt;
      items.push_back(std::move(*v));
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return json_value(std::move(items));
      }
      return fail("expected ',' or ']'");
    }
  }

  std::optional<json_value> object(int depth) {
    ++pos_;
    json_object members;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return json_value(std::move(members));
    }
    while (true) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected a key");
      auto key = string();
      if (!key) return std::nullopt;
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != ':') return fail("expected ':'");
      ++pos_;
      skip_space();
      auto v = value(depth + 1);
      if (!v) return std::nullopt;
      members.insert_or_assign(std::move(*key), std::move(*v));
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return json_value(std::move(members));
      }
      return fail("expected ',' or '}'");
    }
  }

  std::string_view s_;
  int max_depth_;
  std::size_t pos_ = 0;
  std::string error_;
  std::size_t error_at_ = 0;
};

}  // namespace

json_parse_result parse_json(std::string_view text, int max_depth) {
  return parser(text, max_depth).run();
}

}  // namespace handout::links
