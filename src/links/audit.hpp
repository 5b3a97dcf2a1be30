// The link audit of one report: every link classified, and the findings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "document.hpp"
#include "links/extract.hpp"
#include "links/rules.hpp"
#include "links/youtube_url.hpp"

namespace handout::links {

struct audited_link {
  std::string href;
  int line = 0;
  int column = 0;  // a URL in bullet text: where it starts; else 0
  std::size_t slide = 0;
  link_origin origin = link_origin::link_line;
  youtube_link url;
  std::string label;  // link_label(): `youtu.be/ID ▶ 8:47`
  // The online check's outcome (report::link_checks); nothing offline.
  std::optional<link_check> online;
};

struct finding {
  rule_id rule = rule_id::not_a_link;
  level severity = level::error;
  int line = 0;                    // where to fix it
  int column = 0;                  // and the column, for a URL in bullet text; else 0
  std::vector<int> related_lines;  // the other places involved
  std::string message;
  std::optional<std::size_t> slide;  // index into audit_result::slides
  std::optional<std::size_t> link;   // index into audit_result::links
};

struct audit_summary {
  int files = 0;
  int slides = 0;
  int links = 0;
  int distinct_urls = 0;    // distinct links as written
  int distinct_videos = 0;  // distinct valid video ids
  int errors = 0;
  int warnings = 0;
  int infos = 0;
};

struct audit_result {
  std::string source;  // the input path as given
  std::vector<slide_info> slides;
  std::vector<audited_link> links;
  std::vector<finding> findings;  // by line, then rule
  audit_summary summary;
};

// The order of findings: by line, then column, then rule.
bool comes_before(const finding& a, const finding& b);

// Audits one report.
audit_result audit(const report& r);

// The summary of one audit, counted from its slides, links and findings.
audit_summary summarize(const audit_result& a);

// The summary of several audits; distinct counts are across all of them.
audit_summary total(const std::vector<audit_result>& audits);

// The most severe finding's level, or nothing without findings.
std::optional<level> worst_level(const std::vector<audit_result>& audits);

}  // namespace handout::links
