// The `pp` parameter of YouTube links: URL-encoded base64url of a protobuf
// message whose field 89 holds the search query that led to the video
// (`pp=ygULZ29vZ2xlIEJFUlQ%3D` → "google BERT").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace handout::links {

enum class pp_status {
  ok,                    // `query` holds the search query
  no_query,              // a valid message without a field 89 string
  bad_percent_encoding,  // a '%' not followed by two hex digits
  bad_base64,
  bad_protobuf,
  bad_utf8,  // field 89 is not UTF-8 text
};

struct pp_result {
  pp_status status = pp_status::no_query;
  std::string query;
  std::string error;  // what is wrong, for every status but ok and no_query
};

// Decodes a `pp` value as written in a URL. Never throws.
pp_result decode_pp(std::string_view value);

// Decodes base64url or base64 (`-_` or `+/`, padding optional); false on
// any other character, misplaced padding or an impossible length, with
// `error` saying where.
bool decode_base64(std::string_view text, std::string& bytes, std::string& error);

}  // namespace handout::links
