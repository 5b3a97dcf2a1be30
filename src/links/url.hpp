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
  std::string_view host_written;  // the host as written
  std::string_view port;          // without ':'
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

// The parameters of `a=1&b=2`, in order; empty pieces are skipped. YouTube
// also splits at `;` (`separators` "&;"), which also reads `&amp;v=` pasted
// from HTML.
std::vector<query_param> parse_query(std::string_view query, std::string_view separators = "&");

// The value of the first parameter named `key`, or nothing.
std::optional<std::string_view> find_param(const std::vector<query_param>& params,
                                           std::string_view key);

// Percent-decodes `s`; nothing when a `%` is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view s);

// Why `href` cannot serve as a web link (no scheme, a scheme other than http
// or https, no host, a character that neither a URI nor an IRI may hold as
// written, a host that IDNA refuses), or nothing when it can. An IRI
// (RFC 3987: `https://zh.wikipedia.org/wiki/机器学习`) is a usable link.
std::optional<std::string> unusable_reason(std::string_view href);

// The same, for `href` already split by split_url().
std::optional<std::string> unusable_reason(std::string_view href,
                                           const std::optional<url_parts>& parts);

// `host` in ASCII: itself when it is ASCII, else its IDNA A-labels by
// libidn2 (UTS #46 non-transitional processing, as browsers do: `例子.测试`
// is `xn--fsqu00a.xn--0zwm56d`, full-width letters map to ASCII). Nothing,
// with libidn2's reason in `why`, when IDNA refuses it.
std::optional<std::string> ascii_host(std::string_view host, std::string* why = nullptr);

// The URI of the IRI `iri` (RFC 3987 §3.1): its host by ascii_host() (kept
// as written when IDNA refuses it) and every other byte outside printable
// ASCII, and `"<>\^`{|}`, percent-encoded (`/wiki/机器` → `/wiki/%E6%9C%BA%E5%99%A8`).
// What the PDF, DOCX, QR codes and the online check open; an ASCII URL comes
// back unchanged.
std::string to_uri(std::string_view iri);

// `s`, part of a URI, as an IRI for reading (RFC 3987 §3.2): each
// percent-encoded run of bytes that is UTF-8 for non-ASCII characters an IRI
// may hold as written is decoded (`%E6%9C%BA` → `机`); everything else,
// ASCII escapes (`%20`, `%2F`) and bidi controls included, stays encoded.
std::string uri_to_iri(std::string_view s);

}  // namespace handout::links
