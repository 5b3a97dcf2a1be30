// The document model: what the parser produces and every renderer consumes.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace handout {

// A URL found inside running text, as a byte range of that text.
struct url_span {
  std::size_t offset = 0;
  std::size_t length = 0;
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

// A whole parsed deck.
struct report {
  std::string source;  // the input path as given
  metadata meta;
  std::vector<section> sections;
};

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
