#include "count_text.hpp"
#include "links/format.hpp"
#include "links/online/verdict.hpp"
#include "terminal_text.hpp"

namespace handout::links {

namespace {

struct palette {
  bool on;
  std::string paint(std::string_view code, std::string_view s) const {
    if (!on) return std::string(s);
    return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
  }
  std::string level(links::level l) const {
    std::string_view name = level_name(l);
    return paint(l == links::level::error     ? "1;31"
                 : l == links::level::warning ? "33"
                                              : "36",
                 name);
  }
  std::string dim(std::string_view s) const { return paint("2", s); }
  std::string bold(std::string_view s) const { return paint("1", s); }
};

// Deck text, file names and messages below all go through terminal_text().
std::string slide_heading(const slide_info& s) {
  std::string out;
  if (!s.section_number.empty()) out += terminal_text(s.section_number) + " ";
  out += s.section_title.empty() ? "(untitled section)" : terminal_text(s.section_title);
  out += " › ";
  out += s.title.empty() ? "(untitled slide)" : terminal_text(s.title);
  return out;
}

std::string finding_line(const palette& p, const finding& f, std::string_view indent) {
  return std::string(indent) + p.level(f.severity) + " " + std::string(rule_of(f.rule).name) +
         ": " + terminal_text(f.message) + "\n";
}

}  // namespace

std::string format_text(const std::vector<audit_result>& audits, bool colour) {
  const palette p{colour};
  std::string out;
  for (const auto& a : audits) {
    // Findings by link and by slide (those about no particular link).
    std::vector<std::vector<const finding*>> by_link(a.links.size()), by_slide(a.slides.size());
    for (const auto& f : a.findings) {
      if (f.link) {
        by_link[*f.link].push_back(&f);
      } else if (f.slide) {
        by_slide[*f.slide].push_back(&f);
      }
    }
    out += p.bold(terminal_text(a.source)) + "\n";
    std::size_t next = 0;  // links are in slide order
    for (std::size_t s = 0; s < a.slides.size(); ++s) {
      out += "  " + p.bold(slide_heading(a.slides[s])) + " " +
             p.dim("(line " + std::to_string(a.slides[s].line) + ")") + "\n";
      for (const finding* f : by_slide[s]) out += finding_line(p, *f, "    ");
      for (; next < a.links.size() && a.links[next].slide == s; ++next) {
        const audited_link& l = a.links[next];
        std::string line = std::to_string(l.line);
        if (l.column > 0) line += ":" + std::to_string(l.column);
        out += "    " + p.dim(std::string(5 - std::min<std::size_t>(5, line.size()), ' ') + line) +
               "  " + terminal_text(l.label) + "  " + p.dim(std::string(kind_name(l.url.kind)));
        if (l.url.has_pp && l.url.pp.status == pp_status::ok) {
          out += "  " + p.dim("search: ") + "\u201C" + terminal_text(l.url.pp.query) + "\u201D";
        }
        if (l.origin == link_origin::text) out += "  " + p.dim("(in text)");
        if (l.online) {
          const link_check& c = *l.online;
          out += "  " + p.paint(c.verdict == link_verdict::ok       ? "32"
                                : c.verdict == link_verdict::broken ? "1;31"
                                                                    : "33",
                                std::string(verdict_name(c.verdict)));
          if (!c.title.empty()) out += " \u201C" + terminal_text(c.title) + "\u201D";
          if (!c.channel.empty()) out += " " + p.dim("\u2014 " + terminal_text(c.channel));
        }
        out += "\n";
        for (const finding* f : by_link[next]) out += finding_line(p, *f, "           ");
      }
    }
    out += "\n";
  }
  audit_summary t = total(audits);
  out += count_text(t.links, "link") + " (" + count_text(t.distinct_urls, "distinct URL") + ", " +
         count_text(t.distinct_videos, "distinct video") + ") on " + count_text(t.slides, "slide") +
         " in " + count_text(t.files, "file") + ": " +
         p.paint(t.errors ? "1;31" : "0", count_text(t.errors, "error")) + ", " +
         count_text(t.warnings, "warning") + ", " + count_text(t.infos, "info") + "\n";
  return out;
}

}  // namespace handout::links
