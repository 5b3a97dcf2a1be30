#include "links/url.hpp"

#include <idn2.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "percent_encoding.hpp"
#include "url_authority.hpp"
#include "utf8.hpp"

namespace handout::links {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hex_value(char c) {
  return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// The scheme of `url` (RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ))
// or nothing. A "scheme" with a dot is a host and port (`www.example.com:80`).
std::optional<std::string_view> scheme_of(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(url[0])) return std::nullopt;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = url[i];
    if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '-')) return std::nullopt;
  }
  return url.substr(0, colon);
}

// `%E4%BA%BA` for the bytes of one character.
std::string percent_encoded(std::string_view bytes) {
  return percent_encode(bytes, [](unsigned char) { return false; });
}

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// What is wrong with the non-ASCII character `cp` where it stands in an IRI
// (RFC 3987), or nothing when it may stand there as written: a `ucschar`
// anywhere, a private-use character (`iprivate`) in the query only. Spaces,
// controls and invisible format characters are never part of a link, and
// bidi controls must not be (§4.1: they can make a link read as another).
std::optional<std::string> non_iri_character(char32_t cp, bool in_query) {
  const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F ||
                    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  if (bidi) return "the bidi control " + code_point_name(cp);
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return "the space character " + code_point_name(cp);
    case UTF8PROC_CATEGORY_CC:
      return "the control character " + code_point_name(cp);
    case UTF8PROC_CATEGORY_CF:
      return "the invisible character " + code_point_name(cp);
    default:
      break;
  }
  const bool noncharacter = (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
  const bool private_use =
      (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0x10FFFD && !noncharacter);
  if (noncharacter || (private_use && !in_query)) {
    return (noncharacter ? "the noncharacter " : "the private-use character ") +
           code_point_name(cp);
  }
  return std::nullopt;
}

// The first character of `href` that RFC 3987 does not allow as written.
std::optional<std::string> bad_character(std::string_view href, const url_parts& parts) {
  // Brackets belong to an IPv6 host literal only.
  std::size_t host_end = 0;
  if (parts.has_authority) {
    std::size_t start = parts.scheme.size() + 3;
    host_end = href.find_first_of("/?#", start);
    if (host_end == std::string_view::npos) host_end = href.size();
  }
  static constexpr auto must_escape = [] {
    std::array<bool, 128> table{};
    for (char c : std::string_view("\"<>\\^`{|}")) table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  bool seen_hash = false;
  bool seen_question = false;  // outside the host
  for (std::size_t i = 0; i < href.size();) {
    auto c = static_cast<unsigned char>(href[i]);
    // The common case first: a character allowed as written.
    if (c > 0x20 && c < 0x7F && c != '%' && c != '#' && c != '?' && c != '[' && c != ']' &&
        !must_escape[c]) {
      ++i;
      continue;
    }
    // Where, in characters, for the message (computed only for one).
    auto at_text = [&] { return " at character " + std::to_string(utf8::column_at(href, i)); };
    if (c >= 0x80) {
      if (utf8::find_invalid(href.substr(i, 4)).value_or(4) == 0) {
        return "contains a byte that is not UTF-8" + at_text();
      }
      std::size_t next = i;
      char32_t cp = utf8::decode(href, next);
      if (auto what = non_iri_character(cp, seen_question && !seen_hash)) {
        return "contains " + *what + at_text() + ", which a link cannot hold as written (" +
               percent_encoded(href.substr(i, next - i)) + ")";
      }
      i = next;
      continue;
    }
    if (c == ' ') return "contains a space" + at_text() + " (percent-encode it as %20)";
    if (c < 0x20 || c == 0x7F)
      return "contains the control character " + code_point_name(c) + at_text();
    if (must_escape[c] || ((c == '[' || c == ']') && i >= host_end)) {
      return "contains '" + std::string(1, static_cast<char>(c)) + "'" + at_text() +
             ", which must be percent-encoded (" + percent_encoded(href.substr(i, 1)) + ")";
    }
    if (c == '%' && !(i + 2 < href.size() && is_hex(href[i + 1]) && is_hex(href[i + 2]))) {
      return "contains a '%'" + at_text() + " that is not followed by two hex digits (write %25)";
    }
    if (c == '?' && i >= host_end) seen_question = true;
    if (c == '#') {
      if (seen_hash) return "contains a second '#'" + at_text() + " (percent-encode it as %23)";
      seen_hash = true;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace

std::optional<url_parts> split_url(std::string_view url) {
  auto scheme = scheme_of(url);
  if (!scheme) return std::nullopt;
  url_parts parts;
  parts.scheme = *scheme;
  std::string_view rest = url.substr(scheme->size() + 1);
  if (rest.starts_with("//")) {
    parts.has_authority = true;
    rest.remove_prefix(2);
    std::size_t end = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    const authority_parts split = split_authority(authority);
    parts.host_written = split.host;
    parts.port = split.port;
    parts.host = lower(split.host);
  }
  std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    parts.has_fragment = true;
    parts.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  std::size_t question = rest.find('?');
  if (question != std::string_view::npos) {
    parts.has_query = true;
    parts.query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  parts.path = rest;
  return parts;
}

std::vector<query_param> parse_query(std::string_view query, std::string_view separators) {
  std::vector<query_param> params;
  while (!query.empty()) {
    std::size_t amp = query.find_first_of(separators);
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      query_param p;
      p.key = pair.substr(0, eq);
      if (eq != std::string_view::npos) {
        p.value = pair.substr(eq + 1);
        p.has_value = true;
      }
      params.push_back(p);
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return params;
}

std::optional<std::string_view> find_param(const std::vector<query_param>& params,
                                           std::string_view key) {
  for (const auto& p : params) {
    if (p.key == key) return p.value;
  }
  return std::nullopt;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size() || !is_hex(s[i + 1]) || !is_hex(s[i + 2])) return std::nullopt;
    out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
    i += 2;
  }
  return out;
}

std::optional<std::string> unusable_reason(std::string_view href) {
  return unusable_reason(href, split_url(href));
}

std::optional<std::string> unusable_reason(std::string_view href,
                                           const std::optional<url_parts>& parts) {
  if (href.empty()) return "is empty";
  if (!parts) {
    return "has no scheme; a web link starts with https://";
  }
  const std::string scheme = lower(parts->scheme);
  if (scheme == "javascript")
    return "is a javascript: link, which runs code instead of opening a page";
  if (scheme == "file") return "is a file: link, which points into one computer's own disk";
  if (scheme == "data") return "is a data: link, which embeds content instead of pointing to it";
  if (scheme != "http" && scheme != "https") {
    return "has the scheme '" + std::string(parts->scheme) + ":'; a web link is http or https";
  }
  if (!parts->has_authority || parts->host.empty()) return "has no host after " + scheme + "://";
  if (auto bad = bad_character(href, *parts)) return bad;
  std::string why;
  if (!ascii_host(parts->host, &why)) {
    return "has the host '" + std::string(parts->host_written) +
           "', which is not a valid internationalized domain name (" + why + ")";
  }
  return std::nullopt;
}

std::optional<std::string> ascii_host(std::string_view host, std::string* why) {
  if (is_ascii(host)) return std::string(host);
  char* ascii = nullptr;
  int rc =
      idn2_to_ascii_8z(std::string(host).c_str(), &ascii, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
  std::unique_ptr<char, decltype(&std::free)> owned(ascii, &std::free);
  if (rc != IDN2_OK) {
    if (why) *why = idn2_strerror(rc);
    return std::nullopt;
  }
  return std::string(ascii);
}

std::string uri_to_iri(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    // A run of escapes of bytes from 0x80 on.
    std::string bytes;
    std::size_t end = i;
    while (end + 2 < s.size() && s[end] == '%' && is_hex(s[end + 1]) && is_hex(s[end + 2]) &&
           hex_value(s[end + 1]) >= 8) {
      bytes += static_cast<char>(hex_value(s[end + 1]) * 16 + hex_value(s[end + 2]));
      end += 3;
    }
    if (bytes.empty()) {
      out += s[i++];
      continue;
    }
    // Decoded only when every character is one an IRI holds as written;
    // `in_query` true: a private-use character is no danger to a reader.
    bool readable = !utf8::find_invalid(bytes);
    for (std::size_t k = 0; readable && k < bytes.size();) {
      readable = !non_iri_character(utf8::decode(bytes, k), true);
    }
    out += readable ? std::string_view(bytes) : s.substr(i, end - i);
    i = end;
  }
  return out;
}

std::string to_uri(std::string_view iri) {
  auto needs_escape = [](unsigned char c) {
    return c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
           c == '`' || c == '{' || c == '|' || c == '}';
  };
  if (std::none_of(iri.begin(), iri.end(), needs_escape)) return std::string(iri);
  std::string out;
  out.reserve(iri.size() * 3);
  std::size_t pos = 0;
  if (auto parts = split_url(iri); parts && !is_ascii(parts->host_written)) {
    if (auto host = ascii_host(parts->host)) {
      auto begin = static_cast<std::size_t>(parts->host_written.data() - iri.data());
      out += iri.substr(0, begin);
      out += *host;
      pos = begin + parts->host_written.size();
    }
  }
  out += percent_encode(iri.substr(pos), [&](unsigned char c) { return !needs_escape(c); });
  return out;
}

}  // namespace handout::links
