#include <cstdio>

#include "links/format.hpp"
#include "links/online/verdict.hpp"

namespace handout::links {

namespace {

// Text safe inside a Markdown table cell: Markdown's punctuation escaped,
// line breaks as spaces.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

// A link target with the characters that would end it percent-encoded.
std::string target(std::string_view href) {
  std::string out;
  for (char c : href) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>' || c == '|') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view level_icon(level l) {
  return l == level::error     ? "\u274C error"
         : l == level::warning ? "\u26A0\uFE0F warning"
                               : "\u2139\uFE0F info";
}

void findings_table(std::string& out, const std::vector<audit_result>& audits, bool infos) {
  out += "| Level | Rule | Location | Message |\n|---|---|---|---|\n";
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      if ((f.severity == level::info) != infos) continue;
      out += "| " + std::string(level_icon(f.severity)) + " | `" +
             std::string(rule_of(f.rule).name) + "` | " + cell(a.source) + ":" +
             std::to_string(f.line) + " | " + cell(f.message) + " |\n";
    }
  }
}

std::string slide_name(const slide_info& s) {
  std::string name = s.section_number.empty() ? "" : s.section_number + " ";
  name += s.title.empty() ? "(untitled slide)" : s.title;
  return name;
}

}  // namespace

std::string format_markdown(const std::vector<audit_result>& audits) {
  const audit_summary t = total(audits);
  std::string out = "## Link audit\n\n";
  out += t.errors > 0 ? "\u274C **" + std::to_string(t.errors) + " errors**"
         : t.warnings > 0
             ? "\u26A0\uFE0F **No errors**, " + std::to_string(t.warnings) + " warnings"
             : "\u2705 **No errors or warnings**";
  out +=
      "\n\n| Files | Slides | Links | Distinct URLs | Distinct videos | Errors | Warnings | "
      "Infos |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (int n : {t.files, t.slides, t.links, t.distinct_urls, t.distinct_videos, t.errors,
                t.warnings, t.infos}) {
    out += "| " + std::to_string(n) + " ";
  }
  out += "|\n";

  if (t.errors + t.warnings > 0) {
    out += "\n### Errors and warnings\n\n";
    findings_table(out, audits, false);
  }
  if (t.infos > 0) {
    out += "\n<details><summary>" + std::to_string(t.infos) + " infos</summary>\n\n";
    findings_table(out, audits, true);
    out += "\n</details>\n";
  }

  out += "\n### Links\n";
  for (const auto& a : audits) {
    out += "\n<details><summary>" + cell(a.source) + ": " + std::to_string(a.links.size()) +
           " links</summary>\n\n";
    bool online = false;
    for (const auto& l : a.links) online = online || l.online.has_value();
    out += online ? "| Line | Slide | Link | Kind | Search | Online | Title |\n"
                    "|---:|---|---|---|---|---|---|\n"
                  : "| Line | Slide | Link | Kind | Search |\n|---:|---|---|---|---|\n";
    for (const auto& l : a.links) {
      const youtube_link& u = l.url;
      std::string link = u.kind == link_kind::unusable
                             ? cell(l.href)
                             : "[" + cell(l.label) + "](" + target(l.href) + ")";
      std::string search =
          u.has_pp && u.pp.status == pp_status::ok ? cell(u.pp.query) : std::string();
      out += "| " + std::to_string(l.line) + " | " + cell(slide_name(a.slides[l.slide])) + " | " +
             link + " | " + std::string(kind_name(u.kind)) + " | " + search + " |";
      if (online) {
        std::string verdict, title;
        if (l.online) {
          verdict = verdict_name(l.online->verdict);
          title = cell(l.online->title);
          if (!l.online->channel.empty()) title += " \u2014 " + cell(l.online->channel);
        }
        out += " " + verdict + " | " + title + " |";
      }
      out += "\n";
    }
    out += "\n</details>\n";
  }
  return out;
}

}  // namespace handout::links
