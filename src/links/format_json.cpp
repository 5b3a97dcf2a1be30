#include "links/format.hpp"
#include "links/json_writer.hpp"
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

void write_summary(json_writer& w, const audit_summary& s) {
  w.begin_object();
  w.field("files", s.files);
  w.field("slides", s.slides);
  w.field("links", s.links);
  w.field("distinct_urls", s.distinct_urls);
  w.field("distinct_videos", s.distinct_videos);
  w.field("errors", s.errors);
  w.field("warnings", s.warnings);
  w.field("infos", s.infos);
  w.end_object();
}

void string_or_null(json_writer& w, std::string_view k, std::string_view v) {
  if (v.empty()) {
    w.null_field(k);
  } else {
    w.field(k, v);
  }
}

void write_link(json_writer& w, const audited_link& l) {
  const youtube_link& u = l.url;
  w.begin_object();
  w.field("href", l.href);
  w.field("line", l.line);
  w.field("origin", origin_name(l.origin));
  w.field("kind", kind_name(u.kind));
  w.field("label", l.label);
  string_or_null(w, "normal", u.normal);
  string_or_null(w, "problem", u.problem);
  if (u.kind == link_kind::video) {
    w.field("video_id", u.video_id);
  } else {
    w.null_field("video_id");
  }
  string_or_null(w, "id_problem", id_problem_name(u.id.problem));
  string_or_null(w, "playlist", u.playlist_id);
  if (u.index) {
    w.field("index", *u.index);
  } else {
    w.null_field("index");
  }
  if (u.start_written.empty()) {
    w.null_field("start");
  } else {
    w.key("start");
    w.begin_object();
    w.field("written", u.start_written);
    if (u.start) {
      w.field("seconds", *u.start);
      w.field("display", format_duration(*u.start));
    } else {
      w.null_field("seconds");
      w.null_field("display");
    }
    w.end_object();
  }
  if (!u.has_pp) {
    w.null_field("pp");
  } else {
    w.key("pp");
    w.begin_object();
    w.field("written", u.pp_written);
    w.field("status", pp_status_name(u.pp.status));
    if (u.pp.status == pp_status::ok) {
      w.field("query", u.pp.query);
    } else {
      w.null_field("query");
    }
    string_or_null(w, "error", u.pp.error);
    w.end_object();
  }
  w.key("tracking_parameters");
  w.begin_array();
  for (const auto& t : u.tracking) w.value(t);
  w.end_array();
  w.field("without_tracking", u.without_tracking);
  if (!l.online) {
    w.null_field("online");
  } else {
    const link_check& c = *l.online;
    w.key("online");
    w.begin_object();
    w.field("verdict", verdict_name(c.verdict));
    if (c.http_status > 0) {
      w.field("status", c.http_status);
    } else {
      w.null_field("status");
    }
    string_or_null(w, "title", c.title);
    string_or_null(w, "channel", c.channel);
    w.field("detail", c.detail);
    w.end_object();
  }
  w.end_object();
}

}  // namespace

std::string format_json(const std::vector<audit_result>& audits) {
  json_writer w;
  w.begin_object();
  w.field("version", 1);
  w.field("tool", "handout links");
  w.key("summary");
  write_summary(w, total(audits));
  w.key("files");
  w.begin_array();
  for (const auto& a : audits) {
    w.begin_object();
    w.field("source", a.source);
    w.key("summary");
    write_summary(w, a.summary);
    w.key("slides");
    w.begin_array();
    std::size_t next = 0;  // links are in slide order
    for (std::size_t s = 0; s < a.slides.size(); ++s) {
      const slide_info& slide = a.slides[s];
      w.begin_object();
      string_or_null(w, "section_number", slide.section_number);
      w.field("section_title", slide.section_title);
      w.field("title", slide.title);
      w.field("line", slide.line);
      w.key("links");
      w.begin_array();
      for (; next < a.links.size() && a.links[next].slide == s; ++next) {
        write_link(w, a.links[next]);
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("findings");
  w.begin_array();
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      w.begin_object();
      w.field("rule", rule_of(f.rule).name);
      w.field("level", level_name(f.severity));
      w.field("file", a.source);
      w.field("line", f.line);
      w.key("related_lines");
      w.begin_array();
      for (int line : f.related_lines) w.value(line);
      w.end_array();
      if (f.slide) {
        w.field("slide_line", a.slides[*f.slide].line);
      } else {
        w.null_field("slide_line");
      }
      if (f.link) {
        w.field("href", a.links[*f.link].href);
      } else {
        w.null_field("href");
      }
      w.field("message", f.message);
      w.end_object();
    }
  }
  w.end_array();
  w.end_object();
  return w.finish();
}

}  // namespace handout::links
