// The document model: what the parser produces and every renderer consumes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handout {

// A URL found inside running text, as a byte range of that text, and where
// it starts in the source (1-based; 0 when unknown, as for an intermediate
// written before URLs carried it).
struct url_span {
  std::size_t offset = 0;
  std::size_t length = 0;
  int line = 0;
  int column = 0;
};

// A bullet; items of deeper levels nest in `children`.
struct item {
  int level = 1;  // 1..max_bullet_level
  int line = 0;   // 1-based source line
  std::string text;
  std::vector<url_span> urls;  // URLs inside `text`
  std::vector<item> children;
};

// A link line under a slide.
struct link {
  std::string href;
  int line = 0;
};

// A slide: a title, a bullet tree and its links. `title` is empty for the
// untitled slide that holds content found before any slide title.
struct slide {
  std::string title;
  int line = 0;
  std::vector<item> items;
  std::vector<link> links;
};

// A section: numbered (` 01`) or unnumbered (a title repeated at once).
// `title` is empty for the untitled section that holds slides found before
// any section divider.
struct section {
  std::optional<std::string> number;
  std::string title;
  int line = 0;
  std::vector<slide> slides;
};

// Document metadata, from the sidecar `NAME.meta.yaml` or derived.
struct metadata {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string date;  // ISO 8601 date, or empty
  std::string lang;  // BCP 47 tag, e.g. "zh-CN"
};

// The outcome of checking a link online (`--online`): `ok`; `broken` (a
// definite not-found); `restricted` (it exists, but cannot be embedded or is
// private); `unknown` (the check could not decide).
enum class link_verdict { ok, broken, restricted, unknown };

// What the online check found out about one link. Renderers may show the
// title and channel of a video (or playlist) beside its link.
struct link_check {
  link_verdict verdict = link_verdict::unknown;
  int http_status = 0;  // the deciding HTTP status, 0 when there was none
  std::string detail;   // what decided it, for people: "the thumbnail answers 404"
  std::string title;    // a video's or playlist's title, or empty
  std::string channel;  // its channel, or empty
};

// A whole parsed deck.
struct report {
  std::string source;  // the input path as given
  metadata meta;
  std::vector<section> sections;
  // Filled by the online check only (empty offline): the check of each link
  // (link lines and URLs in text), by its href as written.
  std::map<std::string, link_check, std::less<>> link_checks;
};

// The online check of `href` in `r`, or null when it was not checked.
const link_check* find_link_check(const report& r, std::string_view href);

// Counts used by tests, summaries and benchmarks.
struct report_counts {
  int sections = 0;
  int slides = 0;
  int items = 0;
  int items_by_level[4] = {0, 0, 0, 0};  // index 1..3
  int links = 0;
};

report_counts count(const report& r);

}  // namespace handout
