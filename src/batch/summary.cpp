#include "batch/summary.hpp"

#include <algorithm>
#include <cstdio>

#include "count_text.hpp"
#include "json.hpp"
#include "markdown_text.hpp"

namespace handout::batch {

namespace {

struct totals {
  int decks = 0, converted = 0, unchanged = 0, failed = 0;
  int pages = 0, links = 0, errors = 0, warnings = 0, infos = 0;
  double seconds = 0;  // summed over decks (CPU-ish; the run's wall time is separate)
};

totals add_up(const std::vector<deck_result>& decks) {
  totals t;
  for (const auto& d : decks) {
    ++t.decks;
    if (d.status == deck_status::converted) ++t.converted;
    if (d.status == deck_status::unchanged) ++t.unchanged;
    if (d.status == deck_status::failed) ++t.failed;
    if (d.pages > 0) t.pages += d.pages;
    t.links += d.links;
    t.errors += d.finding_errors;
    t.warnings += d.finding_warnings;
    t.infos += d.finding_infos;
    t.seconds += d.seconds;
  }
  return t;
}

double rounded(double s) {
  return static_cast<double>(static_cast<long long>(s * 1000 + 0.5)) / 1000;
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

// A file name in a table cell or list item: a code span that no name can end.
std::string cell_code(const std::string& text) {
  return markdown::code(text, markdown::place::table_cell);
}

std::string findings_text(const deck_result& d) {
  std::string out;
  auto add = [&](int n, const char* noun) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += count_text(n, noun);
  };
  add(d.finding_errors, "error");
  add(d.finding_warnings, "warning");
  add(d.finding_infos, "info");
  return out.empty() ? "none" : out;
}

// The run's verdict, as its exit status says.
std::string status_text(int status) {
  if (status == exit_code::ok) return "✅";
  return "❌ exit status " + std::to_string(status) +
         (status == exit_code::findings ? " (findings at --fail-on)"
                                        : " (a deck or output failed)");
}

}  // namespace

std::string summary_json(const std::vector<deck_result>& decks, const run_info& info) {
  json list = json::array();
  for (const auto& d : decks) {
    json outputs = json::array();
    for (const auto& o : d.outputs) outputs.push_back(o.path);
    list.push_back({{"input", d.input},
                    {"status", status_name(d.status)},
                    {"pages", d.pages >= 0 ? json(d.pages) : json(nullptr)},
                    {"links", d.links},
                    {"findings",
                     {{"error", d.finding_errors},
                      {"warning", d.finding_warnings},
                      {"info", d.finding_infos}}},
                    {"errors", d.diags.error_count()},
                    {"warnings", static_cast<int>(d.diags.all().size()) - d.diags.error_count()},
                    {"outputs", outputs},
                    {"seconds", rounded(d.seconds)}});
  }
  totals t = add_up(decks);
  json j = {{"version", 1},
            {"tool", "handout " HANDOUT_VERSION},
            {"exit_status", info.status},
            {"jobs", info.jobs},
            {"shard", info.shard_ ? json(std::to_string(info.shard_->index) + "/" +
                                         std::to_string(info.shard_->count))
                                  : json(nullptr)},
            {"totals",
             {{"decks", t.decks},
              {"converted", t.converted},
              {"unchanged", t.unchanged},
              {"failed", t.failed},
              {"pages", t.pages},
              {"links", t.links},
              {"findings", {{"error", t.errors}, {"warning", t.warnings}, {"info", t.infos}}},
              {"seconds", rounded(info.seconds)}}},
            {"decks", list},
            {"removed", info.removed}};
  return json_text(j);
}

std::string summary_markdown(const std::vector<deck_result>& decks, const run_info& info) {
  totals t = add_up(decks);
  std::string md = "## handout convert: " + count_text(t.decks, "deck");
  if (info.shard_) {
    md += " (shard " + std::to_string(info.shard_->index) + " of " +
          std::to_string(info.shard_->count) + ")";
  }
  md += "\n\n";
  md += status_text(info.status) + " · " + std::to_string(t.converted) + " converted, " +
        std::to_string(t.unchanged) + " unchanged, " + std::to_string(t.failed) + " failed · " +
        count_text(t.pages, "page") + " · " + count_text(t.links, "link") + " · " +
        count_text(t.errors + t.warnings + t.infos, "finding") + " · " +
        seconds_text(info.seconds) + " with " + count_text(info.jobs, "job") + "\n\n";
  if (decks.empty()) return md;
  md += "| Deck | Status | Pages | Links | Findings | Outputs | Time |\n";
  md += "| --- | --- | ---: | ---: | --- | --- | ---: |\n";
  for (const auto& d : decks) {
    std::string outputs;
    for (const auto& o : d.outputs) {
      std::string name =
          o.path.substr(o.path.rfind('/') == std::string::npos ? 0 : o.path.rfind('/') + 1);
      outputs += (outputs.empty() ? "" : ", ") + cell_code(name);
    }
    const char* mark = d.status == deck_status::failed      ? "❌ failed"
                       : d.status == deck_status::unchanged ? "unchanged"
                                                            : "converted";
    md += "| " + cell_code(d.input) + " | " + mark + " | " +
          (d.pages >= 0 ? std::to_string(d.pages) : std::string("–")) + " | " +
          std::to_string(d.links) + " | " + findings_text(d) + " | " +
          (outputs.empty() ? "–" : outputs) + " | " +
          (d.status == deck_status::converted ? seconds_text(d.seconds) : std::string("–")) +
          " |\n";
  }
  if (!info.removed.empty()) {
    md += "\n### Removed\n\nThe outputs of decks that no longer exist:\n\n";
    for (const auto& input : info.removed) md += "- " + markdown::code(input) + "\n";
  }
  bool any_errors = false;
  for (const auto& d : decks) any_errors = any_errors || d.diags.has_errors();
  if (any_errors) {
    std::string errors;
    for (const auto& d : decks) {
      for (const auto& x : d.diags.all()) {
        if (x.level == severity::error) errors += format(x) + "\n";
      }
    }
    // Each message is one line (format() escapes line breaks), inside a
    // fence longer than any run of backticks in them, so none can end it.
    const std::string f = markdown::fence(errors);
    md += "\n### Errors\n\n" + f + "text\n" + errors + f + "\n";
  }
  return md;
}

}  // namespace handout::batch
