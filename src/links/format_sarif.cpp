#include <cstdio>

#include "json.hpp"
#include "links/format.hpp"

namespace handout::links {

namespace {

std::string_view sarif_level(level l) {
  return l == level::error ? "error" : l == level::warning ? "warning" : "note";
}

// A relative reference for a path: '/' separators, everything but
// unreserved characters and '/' percent-encoded.
std::string artifact_uri(std::string_view path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

json physical_location(const std::string& uri, int line, int column = 0) {
  json artifact = json_object({{"uri", uri}});
  if (line <= 0) return json_object({{"artifactLocation", std::move(artifact)}});
  json region = json_object({{"startLine", line}});
  if (column > 0) region["startColumn"] = column;
  return json_object({{"artifactLocation", std::move(artifact)}, {"region", std::move(region)}});
}

// SARIF's message object: {"text": ...}.
json text_object(std::string_view text) { return json_object({{"text", text}}); }

// The tool and every rule it can report.
json tool_json() {
  json rules_list = json::array();
  for (const auto& r : rules()) {
    rules_list.push_back(json_object(
        {{"id", r.name},
         {"shortDescription", text_object(r.summary)},
         {"help", text_object(r.help)},
         {"defaultConfiguration", json_object({{"level", sarif_level(r.default_level)}})}}));
  }
  return json_object(
      {{"driver", json_object({{"name", "handout links"}, {"rules", std::move(rules_list)}})}});
}

json result_json(const finding& f, const std::string& uri) {
  json locations = json::array();
  locations.push_back(
      json_object({{"physicalLocation", physical_location(uri, f.line, f.column)}}));
  json result = json_object({{"ruleId", rule_of(f.rule).name},
                             {"ruleIndex", static_cast<int>(f.rule)},
                             {"level", sarif_level(f.severity)},
                             {"message", text_object(f.message)},
                             {"locations", std::move(locations)}});
  if (!f.related_lines.empty()) {
    json related = json::array();
    int id = 0;
    for (int line : f.related_lines) {
      related.push_back(json_object({{"id", id++},
                                     {"physicalLocation", physical_location(uri, line)},
                                     {"message", text_object("also here")}}));
    }
    append_member(result, "relatedLocations", std::move(related));
  }
  return result;
}

}  // namespace

std::string format_sarif(const std::vector<audit_result>& audits) {
  json artifacts = json::array();
  json results = json::array();
  for (const audit_result& a : audits) {
    const std::string uri = artifact_uri(a.source);
    artifacts.push_back(json_object({{"location", json_object({{"uri", uri}})}}));
    for (const auto& f : a.findings) results.push_back(result_json(f, uri));
  }
  json runs = json::array();
  runs.push_back(json_object({{"tool", tool_json()},
                              {"artifacts", std::move(artifacts)},
                              {"results", std::move(results)}}));
  return json_text(json_object({{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs", std::move(runs)}}));
}

}  // namespace handout::links
