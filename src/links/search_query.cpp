#include "links/search_query.hpp"

#include <cstdint>
#include <optional>

#include "utf8.hpp"
#include "links/url.hpp"

namespace handout::links {

namespace {

constexpr std::uint64_t query_field = 89;

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

// A protobuf wire-format reader: varints and length-delimited fields, the
// rest skipped by size. Each read fails on truncation instead of reading on.
class wire_reader {
 public:
  explicit wire_reader(std::string_view bytes) : bytes_(bytes) {}

  bool done() const { return pos_ == bytes_.size(); }
  std::size_t position() const { return pos_; }

  std::optional<std::uint64_t> varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ == bytes_.size()) return std::nullopt;
      auto byte = static_cast<unsigned char>(bytes_[pos_++]);
      if (shift == 63 && (byte & 0x7E) != 0) return std::nullopt;  // over 64 bits
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
  }

  std::optional<std::string_view> bytes(std::uint64_t n) {
    if (n > bytes_.size() - pos_) return std::nullopt;
    std::string_view out = bytes_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return out;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

pp_result failure(pp_status status, std::string error) {
  pp_result r;
  r.status = status;
  r.error = std::move(error);
  return r;
}

// Walks the message's fields; field 89 of wire type 2 is the query (the
// last one wins, as in protobuf).
pp_result read_message(std::string_view message) {
  wire_reader in(message);
  pp_result result;
  result.status = pp_status::no_query;
  while (!in.done()) {
    std::size_t at = in.position();
    auto where = [&] { return " at byte " + std::to_string(at); };
    auto key = in.varint();
    if (!key) return failure(pp_status::bad_protobuf, "truncated field key" + where());
    std::uint64_t field = *key >> 3;
    unsigned wire = static_cast<unsigned>(*key & 7);
    if (field == 0) return failure(pp_status::bad_protobuf, "field number 0" + where());
    switch (wire) {
      case 0:
        if (!in.varint()) return failure(pp_status::bad_protobuf, "truncated varint" + where());
        break;
      case 1:
        if (!in.bytes(8))
          return failure(pp_status::bad_protobuf, "truncated 64-bit field" + where());
        break;
      case 5:
        if (!in.bytes(4))
          return failure(pp_status::bad_protobuf, "truncated 32-bit field" + where());
        break;
      case 2: {
        auto length = in.varint();
        if (!length) return failure(pp_status::bad_protobuf, "truncated length" + where());
        auto value = in.bytes(*length);
        if (!value) {
          return failure(pp_status::bad_protobuf, "field " + std::to_string(field) + " of " +
                                                      std::to_string(*length) +
                                                      " bytes runs past the end" + where());
        }
        if (field == query_field) {
          result.status = pp_status::ok;
          result.query = std::string(*value);
        }
        break;
      }
      default:
        return failure(pp_status::bad_protobuf,
                       "unsupported wire type " + std::to_string(wire) + where());
    }
  }
  if (result.status == pp_status::ok && utf8::find_invalid(result.query)) {
    return failure(pp_status::bad_utf8, "the search query is not UTF-8 text");
  }
  return result;
}

}  // namespace

bool decode_base64(std::string_view text, std::string& bytes, std::string& error) {
  bytes.clear();
  std::size_t data_end = text.size();
  while (data_end > 0 && text[data_end - 1] == '=') --data_end;
  std::size_t padding = text.size() - data_end;
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = 0; i < data_end; ++i) {
    int v = base64_value(text[i]);
    if (v < 0) {
      error = "'" + std::string(1, text[i]) + "' at character " + std::to_string(i + 1) +
              " is not base64";
      return false;
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    if (++count == 4) {
      bytes += static_cast<char>((bits >> 16) & 0xFF);
      bytes += static_cast<char>((bits >> 8) & 0xFF);
      bytes += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 1) {
    error = "a length of " + std::to_string(data_end) + " characters is not possible in base64";
    return false;
  }
  if (padding > 0 && (padding > 2 || (data_end + padding) % 4 != 0)) {
    error = "wrong padding (" + std::to_string(padding) + " '=')";
    return false;
  }
  if (count == 2) bytes += static_cast<char>((bits >> 4) & 0xFF);
  if (count == 3) {
    bytes += static_cast<char>((bits >> 10) & 0xFF);
    bytes += static_cast<char>((bits >> 2) & 0xFF);
  }
  return true;
}

pp_result decode_pp(std::string_view value) {
  auto text = percent_decode(value);
  if (!text) {
    return failure(pp_status::bad_percent_encoding, "a '%' is not followed by two hex digits");
  }
  if (text->empty()) return failure(pp_status::bad_base64, "the value is empty");
  std::string message, error;
  if (!decode_base64(*text, message, error)) return failure(pp_status::bad_base64, error);
  return read_message(message);
}

}  // namespace handout::links
