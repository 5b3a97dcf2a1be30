#include "links/audit.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "limits.hpp"
#include "links/label.hpp"
#include "links/topic.hpp"

namespace handout::links {

namespace {

std::string quoted(std::string_view s) { return "\u201C" + std::string(s) + "\u201D"; }

std::string slide_name(const slide_info& s) {
  return s.title.empty() ? "the untitled slide" : "slide " + quoted(s.title);
}

// What identifies a link's target for duplicate checks: the video id of a
// valid video, else the normal form, else the link as written.
std::string target_key(const audited_link& l) {
  if (l.url.valid_video()) return "v:" + l.url.video_id;
  if (!l.url.normal.empty()) return "u:" + l.url.normal;
  return "h:" + l.href;
}

std::string target_name(const audited_link& l) {
  return l.url.valid_video() ? "video " + l.url.video_id : "link " + l.href;
}

class auditor {
 public:
  explicit auditor(audit_result& result) : r_(result) {}

  void run() {
    for (std::size_t i = 0; i < r_.links.size(); ++i) check_link(i);
    check_duplicates_on_slides();
    check_duplicates_across_slides();
    check_slides_without_links();
    std::stable_sort(r_.findings.begin(), r_.findings.end(), comes_before);
  }

 private:
  void add(rule_id rule, int line, std::string message, std::optional<std::size_t> slide,
           std::optional<std::size_t> link, std::vector<int> related = {}) {
    finding f;
    f.rule = rule;
    f.severity = rule_of(rule).default_level;
    f.line = line;
    f.related_lines = std::move(related);
    f.message = std::move(message);
    f.slide = slide;
    f.link = link;
    if (link) f.column = r_.links[*link].column;
    r_.findings.push_back(std::move(f));
  }

  void check_link(std::size_t index) {
    const audited_link& l = r_.links[index];
    const youtube_link& u = l.url;
    auto add_here = [&](rule_id rule, std::string message) {
      add(rule, l.line, std::move(message), l.slide, index);
    };
    if (u.kind == link_kind::unusable) {
      add_here(rule_id::not_a_link, "'" + l.href + "' " + u.problem);
      return;
    }
    if (l.online) check_online(l, add_here);
    if (u.kind == link_kind::video && u.id.problem != id_problem::none) {
      add_here(rule_id::invalid_video_id,
               "YouTube link '" + l.href + "' " +
                   (u.id.problem == id_problem::missing ? u.id.message
                                                        : "has a broken id: " + u.id.message));
    }
    if (u.start_unreadable()) {
      add_here(rule_id::invalid_start_time,
               "start time '" + u.start_written +
                   "' cannot be read, so the video plays from the beginning (write 90, 1m30s or "
                   "1:30)");
    }
    if (u.has_pp && u.pp.status != pp_status::ok && u.pp.status != pp_status::no_query) {
      add_here(rule_id::invalid_pp, "pp='" + u.pp_written + "' cannot be decoded: " + u.pp.error);
    }
    if (u.has_pp && u.pp.status == pp_status::ok && !off_topic_checked(l)) {
      add_here(rule_id::query_off_topic, "the video was found by searching " + quoted(u.pp.query) +
                                             ", and no word of that search occurs on " +
                                             slide_name(r_.slides[l.slide]));
    }
    if (!u.tracking.empty()) {
      std::string names;
      for (const auto& t : u.tracking) names += (names.empty() ? "" : ", ") + t;
      std::string about;
      if (u.has_pp && u.pp.status == pp_status::ok) {
        about = " (pp records the search " + quoted(u.pp.query) + ")";
      }
      add_here(
          rule_id::tracking_parameters,
          std::string(u.tracking.size() == 1 ? "tracking parameter " : "tracking parameters ") +
              names + " can be removed" + about + ": " + u.without_tracking);
    }
  }

  // Findings from the online check's verdict.
  template <typename Add>
  static void check_online(const audited_link& l, Add add_here) {
    const link_check& c = *l.online;
    const youtube_link& u = l.url;
    const bool youtube = u.valid_video() || u.kind == link_kind::playlist;
    const std::string what = u.valid_video()                 ? "video " + u.video_id
                             : u.kind == link_kind::playlist ? "playlist " + u.playlist_id
                                                             : "link " + l.href;
    switch (c.verdict) {
      case link_verdict::ok:
        break;
      case link_verdict::broken:
        add_here(youtube ? rule_id::video_unavailable : rule_id::link_broken,
                 what + " is unavailable (" + c.detail + ")");
        break;
      case link_verdict::restricted:
        add_here(youtube ? rule_id::video_restricted : rule_id::link_restricted,
                 what + " is restricted (" + c.detail + ")");
        break;
      case link_verdict::unknown:
        add_here(rule_id::link_unreachable, "could not check " + what + " (" + c.detail + ")");
        break;
    }
  }

  // True when the link's search query is about its slide.
  bool off_topic_checked(const audited_link& l) {
    auto [it, inserted] = folded_.try_emplace(l.slide);
    if (inserted) it->second = fold_text(r_.slides[l.slide].text);
    return query_on_topic(l.url.pp.query, it->second);
  }

  void check_duplicates_on_slides() {
    std::unordered_map<std::string, std::size_t> first;  // key → link, within a slide
    std::size_t current_slide = SIZE_MAX;
    for (std::size_t i = 0; i < r_.links.size(); ++i) {
      const audited_link& l = r_.links[i];
      if (l.slide != current_slide) {
        first.clear();
        current_slide = l.slide;
      }
      auto [it, inserted] = first.try_emplace(target_key(l), i);
      if (inserted) continue;
      const audited_link& earlier = r_.links[it->second];
      add(rule_id::duplicate_on_slide, l.line,
          target_name(l) + " is already linked on line " + std::to_string(earlier.line) +
              " of this slide",
          l.slide, i, {earlier.line});
    }
  }

  void check_duplicates_across_slides() {
    // Each valid video's first link on every slide, in document order
    // (links are in slide order, so a repeat on one slide follows at once).
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_video;
    std::vector<std::string_view> order;  // videos by first appearance
    for (std::size_t i = 0; i < r_.links.size(); ++i) {
      const audited_link& l = r_.links[i];
      if (!l.url.valid_video()) continue;
      auto [it, inserted] = by_video.try_emplace(l.url.video_id);
      if (inserted) order.push_back(l.url.video_id);
      if (it->second.empty() || r_.links[it->second.back()].slide != l.slide) {
        it->second.push_back(i);
      }
    }
    for (std::string_view id : order) {
      const std::vector<std::size_t>& occurrences = by_video[id];
      if (occurrences.size() > 1) report_across(id, occurrences);
    }
  }

  // One finding for a video linked from several slides, at its second slide:
  // the message names a few of the other slides and counts the rest, the
  // related lines list at most limits::max_listed_occurrences of them (so the
  // report grows with the links, not with their pairs).
  void report_across(std::string_view id, const std::vector<std::size_t>& occurrences) {
    constexpr std::size_t named = 3;
    constexpr std::size_t at = 1;
    const audited_link& l = r_.links[occurrences[at]];
    std::vector<int> others;
    std::string where;
    for (std::size_t j = 0; j < occurrences.size() && others.size() < limits::max_listed_occurrences;
         ++j) {
      if (j == at) continue;
      const audited_link& o = r_.links[occurrences[j]];
      others.push_back(o.line);
      if (others.size() <= named) {
        where += (where.empty() ? "" : "; ") + slide_name(r_.slides[o.slide]) + " (line " +
                 std::to_string(o.line) + ")";
      }
    }
    const std::size_t total = occurrences.size() - 1;
    if (total > named) where += " and " + std::to_string(total - named) + " more slides";
    add(rule_id::duplicate_across_slides, l.line,
        "video " + std::string(id) + " is also linked on " + where, l.slide, occurrences[at],
        std::move(others));
  }

  void check_slides_without_links() {
    std::vector<bool> has_links(r_.slides.size(), false);
    for (const auto& l : r_.links) has_links[l.slide] = true;
    for (std::size_t s = 0; s < r_.slides.size(); ++s) {
      if (has_links[s]) continue;
      std::string name = slide_name(r_.slides[s]);
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      add(rule_id::slide_without_links, r_.slides[s].line, name + " has no links", s, std::nullopt);
    }
  }

  audit_result& r_;
  std::unordered_map<std::size_t, std::string> folded_;  // slide → folded text
};

// Adds one audit to a summary; `urls` and `videos` gather the distinct ones.
void accumulate(const audit_result& a, audit_summary& s, std::unordered_set<std::string_view>& urls,
                std::unordered_set<std::string_view>& videos) {
  ++s.files;
  s.slides += static_cast<int>(a.slides.size());
  s.links += static_cast<int>(a.links.size());
  for (const auto& l : a.links) {
    urls.insert(l.href);
    if (l.url.valid_video()) videos.insert(l.url.video_id);
  }
  s.distinct_urls = static_cast<int>(urls.size());
  s.distinct_videos = static_cast<int>(videos.size());
  for (const auto& f : a.findings) {
    (f.severity == level::error ? s.errors : f.severity == level::warning ? s.warnings : s.infos)++;
  }
}

}  // namespace

bool comes_before(const finding& a, const finding& b) {
  if (a.line != b.line) return a.line < b.line;
  return a.column != b.column ? a.column < b.column : a.rule < b.rule;
}

audit_result audit(const report& r) {
  audit_result result;
  result.source = r.source;
  extraction x = extract_links(r);
  result.slides = std::move(x.slides);
  result.links.reserve(x.links.size());
  for (auto& e : x.links) {
    audited_link l;
    l.url = classify(e.href);
    l.label = label_of(e.href, l.url);
    l.href = std::move(e.href);
    l.line = e.line;
    l.column = e.column;
    l.slide = e.slide;
    l.origin = e.origin;
    if (const link_check* c = find_link_check(r, l.href)) l.online = *c;
    result.links.push_back(std::move(l));
  }
  auditor(result).run();
  result.summary = summarize(result);
  return result;
}

audit_summary summarize(const audit_result& a) {
  audit_summary s;
  std::unordered_set<std::string_view> urls, videos;
  urls.reserve(a.links.size());
  videos.reserve(a.links.size());
  accumulate(a, s, urls, videos);
  return s;
}

audit_summary total(const std::vector<audit_result>& audits) {
  if (audits.size() == 1) return audits.front().summary;
  audit_summary s;
  std::unordered_set<std::string_view> urls, videos;
  for (const auto& a : audits) accumulate(a, s, urls, videos);
  return s;
}

std::optional<level> worst_level(const std::vector<audit_result>& audits) {
  std::optional<level> worst;
  for (const auto& a : audits) {
    for (const auto& f : a.findings) {
      if (!worst || f.severity > *worst) worst = f.severity;
    }
  }
  return worst;
}

}  // namespace handout::links
