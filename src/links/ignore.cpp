#include "links/ignore.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <sstream>

#include "links/format.hpp"
#include "terminal_text.hpp"

namespace handout::links {

namespace {

bool is_rule(const std::string& name) {
  if (name == "*") return true;
  return std::any_of(rules().begin(), rules().end(), [&](const rule& r) { return r.name == name; });
}

bool glob_matches(const std::string& pattern, const std::string& text) {
  return ::fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

// True when `e` covers finding `f` of the deck at `deck`.
bool covers(const ignore_entry& e, const audit_result& a, const finding& f,
            const std::string& deck) {
  if (e.rule != "*" && e.rule != rule_of(f.rule).name) return false;
  if (!glob_matches(e.deck, deck)) return false;
  // A finding about no link (slide-without-links) has only the URL `*`.
  const std::string href = f.link ? a.links[*f.link].href : std::string();
  return f.link ? glob_matches(e.url, href) : e.url == "*";
}

// Removes the findings `drop` says to, and recounts the summary.
template <typename Drop>
void remove_findings(audit_result& a, Drop drop) {
  auto& findings = a.findings;
  findings.erase(std::remove_if(findings.begin(), findings.end(), drop), findings.end());
  a.summary = summarize(a);
}

}  // namespace

std::optional<ignore_list> parse_ignore_list(const std::string& text, const std::string& file,
                                             diagnostics& diags) {
  ignore_list list{file, {}};
  const int errors = diags.error_count();
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream fields(line);
    ignore_entry e;
    e.line = number;
    if (!(fields >> e.rule) || e.rule[0] == '#') continue;
    fields >> e.deck >> e.url >> std::ws;
    std::getline(fields, e.reason);
    if (e.url.empty() || e.reason.empty()) {
      diags.error(file, number, 0,
                  "an entry is RULE DECK URL REASON (use * for any; the reason is required)");
    } else if (!is_rule(e.rule)) {
      diags.error(file, number, 1,
                  "unknown rule '" + excerpt(e.rule) + "' (the ids are in docs/LINKS.md)");
    } else {
      list.entries.push_back(std::move(e));
    }
  }
  if (diags.error_count() != errors) return std::nullopt;
  return list;
}

void apply_ignore_list(ignore_list& list, std::vector<audit_result>& audits,
                       const std::string& root) {
  if (list.entries.empty()) return;
  for (auto& a : audits) {
    const std::string deck = path_in_root(a.source, root).value_or(a.source);
    remove_findings(a, [&](const finding& f) {
      bool covered = false;
      for (auto& e : list.entries) {
        if (covers(e, a, f, deck)) {
          ++e.matched;
          covered = true;
        }
      }
      return covered;
    });
  }
}

void report_unused_entries(const ignore_list& list, diagnostics& diags) {
  for (const auto& e : list.entries) {
    if (e.matched == 0) {
      diags.warning(list.file, e.line, 0,
                    "this entry matches no finding; remove it (or fix its rule, deck or URL)");
    }
  }
}

void keep_findings_from(level least, std::vector<audit_result>& audits) {
  for (auto& a : audits) {
    remove_findings(a, [least](const finding& f) { return f.severity < least; });
  }
}

}  // namespace handout::links
