#include "json.hpp"
#include "links/format.hpp"
#include "links/online/verdict.hpp"
#include "links/start_time.hpp"

namespace handout::links {

namespace {

std::string_view id_problem_name(id_problem p) {
  switch (p) {
    case id_problem::none:
      return "";
    case id_problem::missing:
      return "missing";
    case id_problem::bad_character:
      return "bad-character";
    case id_problem::wrong_length:
      return "wrong-length";
    case id_problem::bad_last_character:
      return "bad-last-character";
  }
  return "";
}

std::string_view pp_status_name(pp_status s) {
  switch (s) {
    case pp_status::ok:
      return "ok";
    case pp_status::no_query:
      return "no-query";
    case pp_status::bad_percent_encoding:
      return "bad-percent-encoding";
    case pp_status::bad_base64:
      return "bad-base64";
    case pp_status::bad_protobuf:
      return "bad-protobuf";
    case pp_status::bad_utf8:
      return "bad-utf8";
  }
  return "";
}

json summary_json(const audit_summary& s) {
  return json_object({{"files", s.files},
                      {"slides", s.slides},
                      {"links", s.links},
                      {"distinct_urls", s.distinct_urls},
                      {"distinct_videos", s.distinct_videos},
                      {"errors", s.errors},
                      {"warnings", s.warnings},
                      {"infos", s.infos}});
}

// `v`, or null when it is empty.
json string_or_null(std::string_view v) { return v.empty() ? json(nullptr) : json(v); }

json start_json(const youtube_link& u) {
  if (u.start_written.empty()) return nullptr;
  return json_object({{"written", u.start_written},
                      {"seconds", u.start ? json(*u.start) : json(nullptr)},
                      {"display", u.start ? json(format_duration(*u.start)) : json(nullptr)}});
}

json pp_json(const youtube_link& u) {
  if (!u.has_pp) return nullptr;
  return json_object({{"written", u.pp_written},
                      {"status", pp_status_name(u.pp.status)},
                      {"query", u.pp.status == pp_status::ok ? json(u.pp.query) : json(nullptr)},
                      {"error", string_or_null(u.pp.error)}});
}

json online_json(const std::optional<link_check>& online) {
  if (!online) return nullptr;
  const link_check& c = *online;
  return json_object({{"verdict", verdict_name(c.verdict)},
                      {"status", c.http_status > 0 ? json(c.http_status) : json(nullptr)},
                      {"title", string_or_null(c.title)},
                      {"channel", string_or_null(c.channel)},
                      {"detail", c.detail}});
}

// A column, or null where there is none (a link line).
json column_or_null(int column) { return column > 0 ? json(column) : json(nullptr); }

json link_json(const audited_link& l) {
  const youtube_link& u = l.url;
  return json_object({{"href", l.href},
                      {"line", l.line},
                      {"column", column_or_null(l.column)},
                      {"origin", origin_name(l.origin)},
                      {"kind", kind_name(u.kind)},
                      {"label", l.label},
                      {"normal", string_or_null(u.normal)},
                      {"problem", string_or_null(u.problem)},
                      {"video_id", u.kind == link_kind::video ? json(u.video_id) : json(nullptr)},
                      {"id_problem", string_or_null(id_problem_name(u.id.problem))},
                      {"playlist", string_or_null(u.playlist_id)},
                      {"index", u.index ? json(*u.index) : json(nullptr)},
                      {"start", start_json(u)},
                      {"pp", pp_json(u)},
                      {"tracking_parameters", u.tracking},
                      {"without_tracking", u.without_tracking},
                      {"online", online_json(l.online)}});
}

// One file entry: its source, summary, and its slides with their links.
json file_json(const audit_result& a) {
  json slides = json::array();
  std::size_t next = 0;  // links are in slide order
  for (std::size_t s = 0; s < a.slides.size(); ++s) {
    const slide_info& slide = a.slides[s];
    json links = json::array();
    for (; next < a.links.size() && a.links[next].slide == s; ++next) {
      links.push_back(link_json(a.links[next]));
    }
    slides.push_back(json_object({{"section_number", string_or_null(slide.section_number)},
                                  {"section_title", slide.section_title},
                                  {"title", slide.title},
                                  {"line", slide.line},
                                  {"links", std::move(links)}}));
  }
  return json_object(
      {{"source", a.source}, {"summary", summary_json(a.summary)}, {"slides", std::move(slides)}});
}

json finding_json(const audit_result& a, const finding& f) {
  return json_object({{"rule", rule_of(f.rule).name},
                      {"level", level_name(f.severity)},
                      {"file", a.source},
                      {"line", f.line},
                      {"column", column_or_null(f.column)},
                      {"related_lines", f.related_lines},
                      {"slide_line", f.slide ? json(a.slides[*f.slide].line) : json(nullptr)},
                      {"href", f.link ? json(a.links[*f.link].href) : json(nullptr)},
                      {"message", f.message}});
}

}  // namespace

std::string format_json(const std::vector<audit_result>& audits, const format_options& options) {
  json files = json::array();
  json findings = json::array();
  for (const auto& a : audits) {
    files.push_back(file_json(a));
    for (const auto& f : a.findings) findings.push_back(finding_json(a, f));
  }
  json report = json_object({{"version", 1},
                             {"tool", "handout links"},
                             {"summary", summary_json(total(audits))},
                             {"files", std::move(files)},
                             {"findings", std::move(findings)}});
  if (!options.input_errors.empty()) {
    json errors = json::array();
    for (const auto& e : options.input_errors) {
      errors.push_back(json_object(
          {{"file", e.file}, {"line", e.line}, {"column", e.column}, {"message", e.message}}));
    }
    append_member(report, "input_errors", std::move(errors));
  }
  return json_text(report);
}

}  // namespace handout::links
