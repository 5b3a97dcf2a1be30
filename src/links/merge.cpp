#include "links/merge.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io.hpp"
#include "limits.hpp"
#include "links/youtube_url.hpp"

namespace handout::links {

namespace {

using json = nlohmann::json;

std::string string_or_empty(const json& j) { return j.is_string() ? j.get<std::string>() : ""; }

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
  std::stable_sort(a.findings.begin(), a.findings.end(), [](const finding& x, const finding& y) {
    return x.line != y.line ? x.line < y.line : x.rule < y.rule;
  });
}

audit_result read_file_entry(const json& entry) {
  audit_result a;
  a.source = entry.at("source").get<std::string>();
  for (const json& s : entry.at("slides")) {
    slide_info slide;
    slide.section_number = string_or_empty(s.at("section_number"));
    slide.section_title = s.at("section_title").get<std::string>();
    slide.title = s.at("title").get<std::string>();
    slide.line = s.at("line").get<int>();
    const std::size_t index = a.slides.size();
    a.slides.push_back(std::move(slide));
    for (const json& l : s.at("links")) {
      audited_link link;
      link.href = l.at("href").get<std::string>();
      link.line = l.at("line").get<int>();
      link.slide = index;
      link.origin =
          l.at("origin").get<std::string>() == "text" ? link_origin::text : link_origin::link_line;
      link.url = classify(link.href);  // the same rules give the same classification
      link.label = l.at("label").get<std::string>();
      a.links.push_back(std::move(link));
    }
  }
  return a;
}

finding read_finding(const json& f, const audit_result& a, const std::string& path) {
  finding out;
  const std::string rule_name = f.at("rule").get<std::string>();
  auto rule = rule_named(rule_name);
  auto severity = level_named(f.at("level").get<std::string>());
  if (!rule || !severity) {
    throw std::runtime_error("unknown rule or level '" + rule_name + "' in " + path);
  }
  out.rule = *rule;
  out.severity = *severity;
  out.line = f.at("line").get<int>();
  for (const json& l : f.at("related_lines")) out.related_lines.push_back(l.get<int>());
  out.message = f.at("message").get<std::string>();
  if (f.at("slide_line").is_number()) {
    const int line = f.at("slide_line").get<int>();
    for (std::size_t i = 0; i < a.slides.size(); ++i) {
      if (a.slides[i].line == line) out.slide = i;
    }
  }
  if (f.at("href").is_string()) {
    const std::string href = f.at("href").get<std::string>();
    for (std::size_t i = 0; i < a.links.size(); ++i) {
      if (a.links[i].href == href && a.links[i].line == out.line) out.link = i;
    }
    for (std::size_t i = 0; i < a.links.size() && !out.link; ++i) {
      if (a.links[i].href == href) out.link = i;
    }
  }
  return out;
}

}  // namespace

std::optional<std::vector<audit_result>> read_json_report(const std::string& text,
                                                          const std::string& path,
                                                          diagnostics& diags) {
  try {
    json j = json::parse(text);
    if (!j.is_object() || j.value("tool", "") != "handout links" || j.value("version", 0) != 1) {
      diags.error(path, 0, 0,
                  "not a handout links report of version 1 (write one with "
                  "`handout links --format json` or `handout convert`)");
      return std::nullopt;
    }
    std::vector<audit_result> audits;
    std::map<std::string, std::size_t> by_source;
    for (const json& entry : j.at("files")) {
      audits.push_back(read_file_entry(entry));
      by_source[audits.back().source] = audits.size() - 1;
    }
    for (const json& f : j.at("findings")) {
      auto it = by_source.find(f.at("file").get<std::string>());
      if (it == by_source.end()) {
        throw std::runtime_error("a finding names a file that the report does not list");
      }
      audits[it->second].findings.push_back(read_finding(f, audits[it->second], path));
    }
    for (auto& a : audits) {
      sort_findings(a);
      a.summary = summarize(a);
    }
    return audits;
  } catch (const json::parse_error& e) {
    // nlohmann's byte offset; line and column come from the text.
    std::size_t offset = std::min(e.byte > 0 ? e.byte - 1 : 0, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    std::string what = e.what();
    std::size_t colon = what.find(": ");
    diags.error(path, line, column,
                "malformed JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)));
  } catch (const std::exception& e) {
    diags.error(path, 0, 0, std::string("not a handout links report: ") + e.what());
  }
  return std::nullopt;
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
