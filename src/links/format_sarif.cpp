#include <filesystem>

#include "json.hpp"
#include "links/format.hpp"
#include "percent_encoding.hpp"

namespace handout::links {

namespace {

std::string_view sarif_level(level l) {
  return l == level::error ? "error" : l == level::warning ? "warning" : "note";
}

// A relative reference for a path: '/' separators, everything but
// unreserved characters and '/' percent-encoded.
std::string artifact_uri(std::string_view path) {
  return percent_encode(path, [](unsigned char c) { return is_unreserved(c) || c == '/'; });
}

// The root's symbol in artifact locations (GitHub code scanning knows it).
constexpr const char* root_id = "%SRCROOT%";

// Where a source is: relative to the root (with its uriBaseId), an absolute
// file URI when outside it, or the path as given without a root.
json artifact_location(const std::string& source, const std::string& root) {
  if (root.empty()) return json_object({{"uri", artifact_uri(source)}});
  if (auto relative = path_in_root(source, root)) {
    return json_object({{"uri", artifact_uri(*relative)}, {"uriBaseId", root_id}});
  }
  std::error_code ec;
  const std::string absolute = std::filesystem::absolute(source, ec).lexically_normal().string();
  return json_object({{"uri", "file://" + artifact_uri(absolute)}});
}

json physical_location(const json& artifact, int line, int column = 0) {
  if (line <= 0) return json_object({{"artifactLocation", artifact}});
  json region = json_object({{"startLine", line}});
  if (column > 0) region["startColumn"] = column;
  return json_object({{"artifactLocation", artifact}, {"region", std::move(region)}});
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

json result_json(const finding& f, const json& artifact) {
  json locations = json::array();
  locations.push_back(
      json_object({{"physicalLocation", physical_location(artifact, f.line, f.column)}}));
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
                                     {"physicalLocation", physical_location(artifact, line)},
                                     {"message", text_object("also here")}}));
    }
    append_member(result, "relatedLocations", std::move(related));
  }
  return result;
}

// A diagnostic as a tool execution notification at its place.
json notification_json(const diagnostic& e, const std::string& root) {
  json locations = json::array();
  locations.push_back(json_object(
      {{"physicalLocation", physical_location(artifact_location(e.file, root), e.line)}}));
  return json_object({{"level", e.level == severity::error ? "error" : "warning"},
                      {"message", text_object(e.message)},
                      {"locations", std::move(locations)}});
}

// The one invocation: unsuccessful when an input could not be read, with a
// notification per such input and per warning about the tool's inputs.
json invocations_json(const format_options& options) {
  json notifications = json::array();
  for (const auto& e : options.input_errors) {
    notifications.push_back(notification_json(e, options.root));
  }
  for (const auto& w : options.tool_warnings) {
    notifications.push_back(notification_json(w, options.root));
  }
  json invocation = json_object({{"executionSuccessful", options.input_errors.empty()}});
  if (!notifications.empty()) {
    append_member(invocation, "toolExecutionNotifications", std::move(notifications));
  }
  json invocations = json::array();
  invocations.push_back(std::move(invocation));
  return invocations;
}

}  // namespace

std::string format_sarif(const std::vector<audit_result>& audits, const format_options& options) {
  const std::string& root = options.root;
  json artifacts = json::array();
  json results = json::array();
  for (const audit_result& a : audits) {
    const json artifact = artifact_location(a.source, root);
    artifacts.push_back(json_object({{"location", artifact}}));
    for (const auto& f : a.findings) results.push_back(result_json(f, artifact));
  }
  json run = json_object({{"tool", tool_json()}, {"invocations", invocations_json(options)}});
  if (!root.empty()) {
    std::string uri = "file://" + artifact_uri(root);
    if (uri.back() != '/') uri += '/';
    append_member(run, "originalUriBaseIds",
                  json_object({{root_id, json_object({{"uri", std::move(uri)}})}}));
  }
  append_member(run, "artifacts", std::move(artifacts));
  append_member(run, "results", std::move(results));
  json runs = json::array();
  runs.push_back(std::move(run));
  return json_text(json_object({{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs", std::move(runs)}}));
}

}  // namespace handout::links
