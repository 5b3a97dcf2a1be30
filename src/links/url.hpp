// Generic URL handling for the link audit: splitting a URL into its parts,
// reading query parameters, and telling why a link is not usable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handout::links {

// The parts of `scheme://authority/path?query#fragment`. Views point into
// the URL given to split_url(); `host` is lower-cased and has neither the
// user information nor the port.
struct url_parts {
  std::string_view scheme;     // without ':'
  bool has_authority = false;  // `//` follows the scheme
  std::string host;
  std::string_view port;  // without ':'
  std::string_view path;
  std::string_view query;     // without '?'
  std::string_view fragment;  // without '#'
  bool has_query = false;
  bool has_fragment = false;
};

// Splits `url`; nothing when it has no scheme.
std::optional<url_parts> split_url(std::string_view url);

// One `key=value` of a query or fragment, as written (not decoded).
struct query_param {
  std::string_view key;
  std::string_view value;
  bool has_value = false;  // `key=` versus a bare `key`
};

// The parameters of `a=1&b=2`, in order; empty pieces are skipped.
std::vector<query_param> parse_query(std::string_view query);

// The value of the first parameter named `key`, or nothing.
std::optional<std::string_view> find_param(const std::vector<query_param>& params,
                                           std::string_view key);

// Percent-decodes `s`; nothing when a `%` is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view s);

// Why `href` cannot serve as a web link (no scheme, a scheme other than http
// or https, no host, a space or a character that must be percent-encoded),
// or nothing when it can.
std::optional<std::string> unusable_reason(std::string_view href);

// The same, for `href` already split by split_url().
std::optional<std::string> unusable_reason(std::string_view href,
                                           const std::optional<url_parts>& parts);

}  // namespace handout::links
