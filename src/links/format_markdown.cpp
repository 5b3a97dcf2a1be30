#include <cstdio>

#include "links/format.hpp"
#include "links/online/verdict.hpp"
#include "markdown_text.hpp"

namespace handout::links {

namespace {

// Untrusted text in a table cell.
std::string cell(std::string_view s) { return markdown::text(s); }

std::string_view level_icon(level l) {
  return l == level::error     ? "\u274C error"
         : l == level::warning ? "\u26A0\uFE0F warning"
                               : "\u2139\uFE0F info";
}

// GitHub takes at most 1 MiB of a step's summary; the report stays below
// `limit`, keeping `reserve` for the lines that close it.
constexpr std::size_t limit = 1000 * 1024;
constexpr std::size_t reserve = 4 * 1024;
constexpr std::size_t max_findings_shown = 200;  // per table
constexpr std::size_t max_decks_shown = 200;     // in the counts by deck

// The report as it grows: rows are added while they fit, the others counted.
struct bounded_text {
  std::string out;
  bool fits(std::size_t more) const { return out.size() + more <= limit - reserve; }
};

// "_N findings left out: …_", or nothing when none was.
std::string left_out_line(std::size_t n, std::string_view what) {
  if (n == 0) return "";
  return "\n_" + std::to_string(n) + " " + std::string(what) +
         " left out; the full report: `handout links --format json` (or `sarif`), or each "
         "deck's `NAME.links.json` from `handout convert`._\n";
}

void findings_table(bounded_text& text, const std::vector<audit_result>& audits, bool infos) {
  text.out += "| Level | Rule | Location | Message |\n|---|---|---|---|\n";
  std::size_t shown = 0, left = 0;
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      if ((f.severity == level::info) != infos) continue;
      std::string row = "| " + std::string(level_icon(f.severity)) + " | `" +
                        std::string(rule_of(f.rule).name) + "` | " + cell(a.source) + ":" +
                        std::to_string(f.line) + " | " + cell(f.message) + " |\n";
      if (shown < max_findings_shown && text.fits(row.size())) {
        text.out += row;
        ++shown;
      } else {
        ++left;
      }
    }
  }
  text.out += left_out_line(left, infos ? "infos" : "errors and warnings");
}

// Findings per rule, most severe rules first: one row per rule found.
void counts_by_rule(bounded_text& text, const std::vector<audit_result>& audits) {
  std::vector<int> counts(rules().size(), 0);
  for (const auto& a : audits) {
    for (const auto& f : a.findings) ++counts[static_cast<std::size_t>(f.rule)];
  }
  text.out += "\n### Findings by rule\n\n| Rule | Level | Findings |\n|---|---|---:|\n";
  for (level l : {level::error, level::warning, level::info}) {
    for (const auto& r : rules()) {
      const int n = counts[static_cast<std::size_t>(r.id)];
      if (n == 0 || r.default_level != l) continue;
      text.out += "| `" + std::string(r.name) + "` | " + std::string(level_icon(l)) + " | " +
                  std::to_string(n) + " |\n";
    }
  }
}

// Findings per deck, for the decks that have any.
void counts_by_deck(bounded_text& text, const std::vector<audit_result>& audits) {
  text.out +=
      "\n### Findings by deck\n\n| Deck | Errors | Warnings | Infos |\n|---|---:|---:|---:|\n";
  std::size_t shown = 0, left = 0;
  for (const auto& a : audits) {
    if (a.findings.empty()) continue;
    const audit_summary s = summarize(a);
    std::string row = "| " + cell(a.source) + " | " + std::to_string(s.errors) + " | " +
                      std::to_string(s.warnings) + " | " + std::to_string(s.infos) + " |\n";
    if (shown < max_decks_shown && text.fits(row.size())) {
      text.out += row;
      ++shown;
    } else {
      ++left;
    }
  }
  text.out += left_out_line(left, "decks with findings");
}

std::string slide_name(const slide_info& s) {
  std::string name = s.section_number.empty() ? "" : s.section_number + " ";
  name += s.title.empty() ? "(untitled slide)" : s.title;
  return name;
}

// A link's row in its deck's table.
std::string link_row(const audit_result& a, const audited_link& l, bool online) {
  const youtube_link& u = l.url;
  std::string link = u.kind == link_kind::unusable
                         ? cell(l.href)
                         : "[" + cell(l.label) + "](" + markdown::link_target(l.href) + ")";
  std::string search = u.has_pp && u.pp.status == pp_status::ok ? cell(u.pp.query) : std::string();
  std::string row = "| " + std::to_string(l.line) + " | " + cell(slide_name(a.slides[l.slide])) +
                    " | " + link + " | " + std::string(kind_name(u.kind)) + " | " + search + " |";
  if (online) {
    std::string verdict, title;
    if (l.online) {
      verdict = verdict_name(l.online->verdict);
      title = cell(l.online->title);
      if (!l.online->channel.empty()) title += " \u2014 " + cell(l.online->channel);
    }
    row += " " + verdict + " | " + title + " |";
  }
  return row + "\n";
}

// A deck's links: a row per link while they fit; false once one did not.
bool links_table(bounded_text& text, const audit_result& a, std::size_t& left) {
  std::string head = "\n<details><summary>" + markdown::html(a.source) + ": " +
                     std::to_string(a.links.size()) + (a.links.size() == 1 ? " link" : " links") +
                     "</summary>\n\n";
  bool online = false;
  for (const auto& l : a.links) online = online || l.online.has_value();
  head += online ? "| Line | Slide | Link | Kind | Search | Online | Title |\n"
                   "|---:|---|---|---|---|---|---|\n"
                 : "| Line | Slide | Link | Kind | Search |\n|---:|---|---|---|---|\n";
  if (!text.fits(head.size())) {
    left += a.links.size();
    return false;
  }
  text.out += head;
  bool fitted = true;
  for (const auto& l : a.links) {
    std::string row = link_row(a, l, online);
    if (fitted && text.fits(row.size())) {
      text.out += row;
    } else {
      fitted = false;
      ++left;
    }
  }
  text.out += "\n</details>\n";
  return fitted;
}

}  // namespace

std::string format_markdown(const std::vector<audit_result>& audits) {
  const audit_summary t = total(audits);
  bounded_text text;
  std::string& out = text.out;
  out = "## Link audit\n\n";
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

  if (t.errors + t.warnings + t.infos > 0) {
    counts_by_rule(text, audits);
    if (audits.size() > 1) counts_by_deck(text, audits);
  }
  if (t.errors + t.warnings > 0) {
    out += "\n### Errors and warnings\n\n";
    findings_table(text, audits, false);
  }
  if (t.infos > 0) {
    out += "\n<details><summary>" + std::to_string(t.infos) + " infos</summary>\n\n";
    findings_table(text, audits, true);
    out += "\n</details>\n";
  }

  out += "\n### Links\n";
  std::size_t left = 0;
  bool fitted = true;
  for (const auto& a : audits) {
    if (fitted) {
      fitted = links_table(text, a, left);
    } else {
      left += a.links.size();
    }
  }
  out += left_out_line(left, "links");
  return out;
}

}  // namespace handout::links
