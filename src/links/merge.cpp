#include "links/merge.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "io.hpp"
#include "json.hpp"
#include "limits.hpp"
#include "links/youtube_url.hpp"
#include "terminal_text.hpp"

namespace handout::links {

namespace {

std::optional<rule_id> rule_named(const std::string& name) {
  for (const auto& r : rules()) {
    if (r.name == name) return r.id;
  }
  return std::nullopt;
}

std::optional<level> level_named(const std::string& name) {
  if (name == "error") return level::error;
  if (name == "warning") return level::warning;
  if (name == "info") return level::info;
  return std::nullopt;
}

void sort_findings(audit_result& a) {
  std::stable_sort(a.findings.begin(), a.findings.end(), comes_before);
}

audited_link read_link(json_fields& in, const json& l, std::size_t slide,
                       const std::string& where) {
  audited_link link;
  link.href = in.text(l, "href", where);
  link.line = in.integer<int>(l, "line", where);
  link.column = json_integer_member<int>(l, "column").value_or(0);  // absent before columns
  link.slide = slide;
  link.origin = in.text(l, "origin", where) == "text" ? link_origin::text : link_origin::link_line;
  link.url = classify(link.href);  // the same rules give the same classification
  link.label = in.text(l, "label", where);
  return link;
}

audit_result read_file_entry(json_fields& in, const json& entry, const std::string& where) {
  audit_result a;
  a.source = in.text(entry, "source", where);
  std::size_t s = 0;
  for (const json& slide_json : in.array(entry, "slides", where)) {
    const std::string at = where + "/slides/" + std::to_string(s++);
    slide_info slide;
    slide.section_number = in.text_or_null(slide_json, "section_number", at);
    slide.section_title = in.text(slide_json, "section_title", at);
    slide.title = in.text(slide_json, "title", at);
    slide.line = in.integer<int>(slide_json, "line", at);
    const std::size_t index = a.slides.size();
    a.slides.push_back(std::move(slide));
    std::size_t l = 0;
    for (const json& link : in.array(slide_json, "links", at)) {
      a.links.push_back(read_link(in, link, index, at + "/links/" + std::to_string(l++)));
    }
  }
  return a;
}

finding read_finding(json_fields& in, const json& f, const audit_result& a,
                     const std::string& where) {
  finding out;
  const std::string rule_name = in.text(f, "rule", where);
  const std::string level_name = in.text(f, "level", where);
  auto rule = rule_named(rule_name);
  auto severity = level_named(level_name);
  if (in.ok() && (!rule || !severity)) {
    in.fail(where + ": unknown rule or level '" + excerpt(rule ? level_name : rule_name) + "'");
  }
  out.rule = rule.value_or(rule_id{});
  out.severity = severity.value_or(level::info);
  out.line = in.integer<int>(f, "line", where);
  out.column = json_integer_member<int>(f, "column").value_or(0);
  std::size_t i = 0;
  for (const json& l : in.array(f, "related_lines", where)) {
    auto line = json_integer<int>(l);
    if (!line) in.fail(where + "/related_lines/" + std::to_string(i) + " is not an integer");
    out.related_lines.push_back(line.value_or(0));
    ++i;
  }
  out.message = in.text(f, "message", where);
  if (auto line = json_integer_member<int>(f, "slide_line")) {
    for (std::size_t k = 0; k < a.slides.size(); ++k) {
      if (a.slides[k].line == *line) out.slide = k;
    }
  }
  if (const std::string* href = json_string_member(f, "href")) {
    for (std::size_t k = 0; k < a.links.size(); ++k) {
      if (a.links[k].href == *href && a.links[k].line == out.line) out.link = k;
    }
    for (std::size_t k = 0; k < a.links.size() && !out.link; ++k) {
      if (a.links[k].href == *href) out.link = k;
    }
  }
  return out;
}

// The file entries and the findings of a version 1 report; nothing, with
// the first problem in `in`, when the layout is not that of one.
std::optional<std::vector<audit_result>> read_audits(json_fields& in, const json& report) {
  std::vector<audit_result> audits;
  std::map<std::string, std::size_t> by_source;
  std::size_t i = 0;
  for (const json& entry : in.array(report, "files", "")) {
    audits.push_back(read_file_entry(in, entry, "/files/" + std::to_string(i++)));
    by_source[audits.back().source] = audits.size() - 1;
  }
  i = 0;
  for (const json& f : in.array(report, "findings", "")) {
    const std::string where = "/findings/" + std::to_string(i++);
    auto it = by_source.find(in.text(f, "file", where));
    if (!in.ok()) break;
    if (it == by_source.end()) {
      in.fail(where + "/file names a file that the report does not list");
      break;
    }
    audits[it->second].findings.push_back(read_finding(in, f, audits[it->second], where));
  }
  if (!in.ok()) return std::nullopt;
  for (auto& a : audits) {
    sort_findings(a);
    a.summary = summarize(a);
  }
  return audits;
}

// The inputs a report could not read (its input_errors) stay errors of the
// run that reads it, so a merge does not pass over an unreadable deck.
void carry_input_errors(const json& report, diagnostics& diags) {
  const json* errors = json_member(report, "input_errors");
  if (errors == nullptr || !errors->is_array()) return;
  for (const json& e : *errors) {
    const std::string* file = json_string_member(e, "file");
    const std::string* message = json_string_member(e, "message");
    if (file == nullptr || message == nullptr) continue;
    diags.error(*file, json_integer_member<int>(e, "line").value_or(0),
                json_integer_member<int>(e, "column").value_or(0), *message);
  }
}

}  // namespace

std::optional<std::vector<audit_result>> read_json_report(const std::string& text,
                                                          const std::string& path,
                                                          diagnostics& diags) {
  json_parse_result parsed = parse_json(text);
  if (!parsed.value) {
    diags.error(path, parsed.line, parsed.column, "malformed JSON: " + parsed.error);
    return std::nullopt;
  }
  const json& report = *parsed.value;
  const std::string* tool = json_string_member(report, "tool");
  if (!tool || *tool != "handout links" || json_integer_member<int>(report, "version") != 1) {
    diags.error(path, 0, 0,
                "not a handout links report of version 1 (write one with "
                "`handout links --format json` or `handout convert`)");
    return std::nullopt;
  }
  json_fields in;
  auto audits = read_audits(in, report);
  if (!audits) diags.error(path, 0, 0, "not a handout links report: " + in.problem());
  if (audits) carry_input_errors(report, diags);
  return audits;
}

std::optional<std::vector<audit_result>> merge_reports(const std::vector<std::string>& paths,
                                                       diagnostics& diags) {
  std::map<std::string, std::pair<audit_result, std::string>>
      by_source;  // source → (audit, report)
  bool any = false;
  for (const auto& path : paths) {
    auto text = read_file(path, limits::max_input_bytes() * 4, diags);
    if (!text) continue;
    auto audits = read_json_report(*text, path, diags);
    if (!audits) continue;
    any = true;
    for (auto& a : *audits) {
      auto it = by_source.find(a.source);
      if (it != by_source.end()) {
        diags.error(
            path, 0, 0,
            a.source + " is also in " + it->second.second + "; kept once (do the shards overlap?)");
        continue;
      }
      std::string source = a.source;
      by_source.emplace(std::move(source), std::make_pair(std::move(a), path));
    }
  }
  if (!any) return std::nullopt;
  std::vector<audit_result> merged;
  for (auto& [source, entry] : by_source) merged.push_back(std::move(entry.first));
  find_duplicates_across_decks(merged);
  return merged;
}

void find_duplicates_across_decks(std::vector<audit_result>& audits) {
  for (auto& a : audits) {
    std::erase_if(a.findings,
                  [](const finding& f) { return f.rule == rule_id::duplicate_across_decks; });
  }
  // Per video, the first link of it in each deck, decks in the given order.
  struct place {
    std::size_t deck, link;
  };
  std::map<std::string, std::vector<place>> by_video;
  for (std::size_t d = 0; d < audits.size(); ++d) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < audits[d].links.size(); ++i) {
      const audited_link& l = audits[d].links[i];
      if (l.url.valid_video() && seen.insert(l.url.video_id).second) {
        by_video[l.url.video_id].push_back({d, i});
      }
    }
  }
  constexpr std::size_t named = 3;
  for (const auto& [id, places] : by_video) {
    for (std::size_t k = 1; k < places.size(); ++k) {
      std::string where;
      std::size_t others = 0;
      for (std::size_t j = 0; j < places.size(); ++j) {
        if (j == k) continue;
        if (++others <= named) {
          const audit_result& o = audits[places[j].deck];
          where += (where.empty() ? "" : "; ") + o.source + " (line " +
                   std::to_string(o.links[places[j].link].line) + ")";
        }
      }
      if (others > named) where += " and " + std::to_string(others - named) + " more decks";
      audit_result& a = audits[places[k].deck];
      const audited_link& l = a.links[places[k].link];
      finding f;
      f.rule = rule_id::duplicate_across_decks;
      f.severity = rule_of(f.rule).default_level;
      f.line = l.line;
      f.message = "video " + id + " is also linked in " + where;
      f.slide = l.slide;
      f.link = places[k].link;
      a.findings.push_back(std::move(f));
    }
  }
  for (auto& a : audits) {
    sort_findings(a);
    a.summary = summarize(a);
  }
}

}  // namespace handout::links
