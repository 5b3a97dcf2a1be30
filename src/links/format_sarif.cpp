#include <cstdio>

#include "links/format.hpp"
#include "links/json_writer.hpp"

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

void physical_location(json_writer& w, const std::string& uri, int line) {
  w.key("physicalLocation");
  w.begin_object();
  w.key("artifactLocation");
  w.begin_object();
  w.field("uri", uri);
  w.end_object();
  if (line > 0) {
    w.key("region");
    w.begin_object();
    w.field("startLine", line);
    w.end_object();
  }
  w.end_object();
}

void text_object(json_writer& w, std::string_view key, std::string_view text) {
  w.key(key);
  w.begin_object();
  w.field("text", text);
  w.end_object();
}

}  // namespace

std::string format_sarif(const std::vector<audit_result>& audits) {
  json_writer w;
  w.begin_object();
  w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
  w.field("version", "2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();

  w.key("tool");
  w.begin_object();
  w.key("driver");
  w.begin_object();
  w.field("name", "handout links");
  w.key("rules");
  w.begin_array();
  for (const auto& r : rules()) {
    w.begin_object();
    w.field("id", r.name);
    text_object(w, "shortDescription", r.summary);
    text_object(w, "help", r.help);
    w.key("defaultConfiguration");
    w.begin_object();
    w.field("level", sarif_level(r.default_level));
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();

  w.key("artifacts");
  w.begin_array();
  for (const auto& a : audits) {
    w.begin_object();
    w.key("location");
    w.begin_object();
    w.field("uri", artifact_uri(a.source));
    w.end_object();
    w.end_object();
  }
  w.end_array();

  w.key("results");
  w.begin_array();
  for (std::size_t file = 0; file < audits.size(); ++file) {
    const audit_result& a = audits[file];
    const std::string uri = artifact_uri(a.source);
    for (const auto& f : a.findings) {
      w.begin_object();
      w.field("ruleId", rule_of(f.rule).name);
      w.field("ruleIndex", static_cast<int>(f.rule));
      w.field("level", sarif_level(f.severity));
      text_object(w, "message", f.message);
      w.key("locations");
      w.begin_array();
      w.begin_object();
      physical_location(w, uri, f.line);
      w.end_object();
      w.end_array();
      if (!f.related_lines.empty()) {
        w.key("relatedLocations");
        w.begin_array();
        int id = 0;
        for (int line : f.related_lines) {
          w.begin_object();
          w.field("id", id++);
          physical_location(w, uri, line);
          text_object(w, "message", "also here");
          w.end_object();
        }
        w.end_array();
      }
      w.end_object();
    }
  }
  w.end_array();

  w.end_object();
  w.end_array();
  w.end_object();
  return w.finish();
}

}  // namespace handout::links
