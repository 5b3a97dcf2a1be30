#include "links/online/check.hpp"

#include <ctime>
#include <map>
#include <memory>

#include "json.hpp"
#include "links/extract.hpp"
#include "links/online/cache.hpp"
#include "links/online/http.hpp"
#include "links/online/verdict.hpp"
#include "links/youtube_url.hpp"
#include "percent_encoding.hpp"

namespace handout::links::online {

namespace {

enum class target_kind { video, playlist, web };

// One distinct thing to check, and every href in the reports that names it.
struct target {
  target_kind kind = target_kind::web;
  std::string id;   // a video's or playlist's id
  std::string url;  // a web link: what is requested
  std::string cache_key;
  std::vector<std::pair<report*, std::string>> hrefs;
  link_check result;
  std::string oembed_note;  // what oEmbed said, when the thumbnail decides
  long oembed_status = 0;
};

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view s) { return percent_encode(s, is_unreserved); }

// Text from a server, safe to print: control characters become spaces,
// surrounding spaces go.
std::string clean_text(std::string_view s) {
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    out += (c < 0x20 || c == 0x7F) ? ' ' : ch;
  }
  std::size_t a = out.find_first_not_of(' ');
  if (a == std::string::npos) return {};
  return out.substr(a, out.find_last_not_of(' ') - a + 1);
}

// A response in a few words: `HTTP 404`, `HTTP 503 after 3 tries`,
// `timed out (no answer within 10000 ms) after 3 tries`.
std::string describe(const http_response& r) {
  std::string s;
  if (r.outcome == http_outcome::response) {
    s = "HTTP " + std::to_string(r.status);
    if (r.retry_after_refused > 0) {
      s += " asking to wait " + std::to_string(r.retry_after_refused) + " s (more than allowed)";
    }
  } else {
    s = r.error;
  }
  if (r.tries > 1) s += " after " + std::to_string(r.tries) + " tries";
  return s;
}

bool is_status(const http_response& r, std::initializer_list<long> statuses) {
  if (r.outcome != http_outcome::response) return false;
  for (long s : statuses) {
    if (r.status == s) return true;
  }
  return false;
}

bool is_success(const http_response& r) {
  return r.outcome == http_outcome::response && r.status >= 200 && r.status < 300;
}

link_check make(link_verdict v, long status, std::string detail) {
  link_check c;
  c.verdict = v;
  c.http_status = static_cast<int>(status);
  c.detail = std::move(detail);
  return c;
}

class checker {
 public:
  checker(const online_options& options, http_client& client)
      : client_(client),
        trusted_(!options.youtube_endpoint.empty()),
        www_(trusted_ ? options.youtube_endpoint : "https://www.youtube.com"),
        img_(trusted_ ? options.youtube_endpoint : "https://i.ytimg.com") {}

  void start(target& t) {
    switch (t.kind) {
      case target_kind::video:
        oembed(t, "https://www.youtube.com/watch?v=" + t.id,
               [this, &t](const http_response& r) { on_video_oembed(t, r); });
        break;
      case target_kind::playlist:
        oembed(t, "https://www.youtube.com/playlist?list=" + t.id,
               [this, &t](const http_response& r) { on_playlist_oembed(t, r); });
        break;
      case target_kind::web:
        client_.submit({t.url, true, false, false},
                       [this, &t](const http_response& r) { on_head(t, r); });
        break;
    }
  }

 private:
  void oembed(target&, const std::string& page, http_client::callback done) {
    client_.submit(
        {www_ + "/oembed?url=" + url_encode(page) + "&format=json", false, true, trusted_},
        std::move(done));
  }

  // Title and channel from an oEmbed answer; false when it is not one.
  static bool read_oembed(const http_response& r, link_check& out) {
    if (r.body_too_large) return false;
    json_parse_result parsed = parse_json(r.body);
    if (!parsed.value) return false;
    const std::string* title = json_string_member(*parsed.value, "title");
    if (!title) return false;
    out.title = clean_text(*title);
    const std::string* author = json_string_member(*parsed.value, "author_name");
    if (author) out.channel = clean_text(*author);
    return true;
  }

  void on_video_oembed(target& t, const http_response& r) {
    if (is_success(r)) {
      link_check c = make(link_verdict::ok, r.status, "oEmbed answers " + describe(r));
      if (read_oembed(r, c)) {
        t.result = c;
        return;
      }
      t.oembed_note = std::string("oEmbed answers ") + describe(r) + " with " +
                      (r.body_too_large ? "a body over the size limit" : "no readable JSON");
    } else if (is_status(r, {401, 403})) {
      t.result = make(link_verdict::restricted, r.status,
                      "oEmbed answers " + describe(r) +
                          ": the video exists, but embedding is disabled or it is private");
      return;
    } else {
      t.oembed_status = r.outcome == http_outcome::response ? r.status : 0;
      t.oembed_note = "oEmbed: " + describe(r);
    }
    if (r.outcome == http_outcome::deadline) {
      t.result = make(link_verdict::unknown, 0, t.oembed_note);
      return;
    }
    // The thumbnail decides: it is 404 for a removed video.
    client_.submit({img_ + "/vi/" + t.id + "/hqdefault.jpg", false, false, trusted_},
                   [this, &t](const http_response& thumb) { on_thumbnail(t, thumb); });
  }

  void on_thumbnail(target& t, const http_response& r) {
    const bool oembed_not_found =
        t.oembed_status == 404 || t.oembed_status == 400 || t.oembed_status == 410;
    const std::string what = t.oembed_note + "; thumbnail: " + describe(r);
    if (is_status(r, {404, 410})) {
      t.result =
          make(link_verdict::broken, r.status, what + ": the video was removed or never existed");
    } else if (is_success(r) && oembed_not_found) {
      t.result = make(link_verdict::restricted, t.oembed_status,
                      what + ": the video exists but is not public");
    } else if (is_success(r)) {
      t.result = make(link_verdict::ok, r.status, what);
    } else if (oembed_not_found) {
      t.result = make(link_verdict::broken, t.oembed_status, what);
    } else {
      t.result =
          make(link_verdict::unknown, r.outcome == http_outcome::response ? r.status : 0, what);
    }
  }

  void on_playlist_oembed(target& t, const http_response& r) {
    if (is_success(r)) {
      link_check c = make(link_verdict::ok, r.status, "oEmbed answers " + describe(r));
      read_oembed(r, c);  // a playlist without a readable title still exists
      t.result = c;
    } else if (is_status(r, {401, 403})) {
      t.result = make(link_verdict::restricted, r.status,
                      "oEmbed answers " + describe(r) + ": the playlist is private");
    } else if (is_status(r, {400, 404, 410})) {
      t.result = make(link_verdict::broken, r.status,
                      "oEmbed answers " + describe(r) + ": the playlist does not exist");
    } else {
      t.result = make(link_verdict::unknown, r.outcome == http_outcome::response ? r.status : 0,
                      "oEmbed: " + describe(r));
    }
  }

  void on_head(target& t, const http_response& r) {
    if (is_success(r)) {
      t.result = make(link_verdict::ok, r.status, describe(r));
    } else if (r.outcome == http_outcome::blocked) {
      t.result = make(link_verdict::unknown, 0,
                      "not requested: the host has a loopback, private or link-local address "
                      "(--allow-private checks it)");
    } else if (r.outcome == http_outcome::response && r.status != 429 && r.status < 500) {
      // Some servers answer HEAD wrongly (405, 404, 403): GET decides.
      client_.submit({t.url, false, false, false},
                     [this, &t](const http_response& get) { on_get(t, get); });
    } else {
      t.result = make(link_verdict::unknown, r.outcome == http_outcome::response ? r.status : 0,
                      describe(r));
    }
  }

  void on_get(target& t, const http_response& r) {
    if (is_success(r)) {
      t.result = make(link_verdict::ok, r.status, describe(r));
    } else if (is_status(r, {404, 410})) {
      t.result = make(link_verdict::broken, r.status, describe(r));
    } else if (is_status(r, {401, 403, 451})) {
      t.result = make(link_verdict::restricted, r.status, describe(r));
    } else {
      t.result = make(link_verdict::unknown, r.outcome == http_outcome::response ? r.status : 0,
                      describe(r));
    }
  }

  http_client& client_;
  bool trusted_;
  std::string www_;
  std::string img_;
};

// The distinct targets of every report, in first-seen order.
std::vector<std::unique_ptr<target>> collect_targets(const std::vector<report*>& reports,
                                                     const online_options& options) {
  std::vector<std::unique_ptr<target>> targets;
  std::map<std::string, target*> by_key;
  const std::string via =
      options.youtube_endpoint.empty() ? "" : " via " + options.youtube_endpoint;
  for (report* r : reports) {
    extraction x = extract_links(*r);
    for (auto& l : x.links) {
      youtube_link u = classify(l.href);
      target t;
      if (u.valid_video()) {
        t.kind = target_kind::video;
        t.id = u.video_id;
        t.cache_key = "video:" + t.id + via;
      } else if (u.kind == link_kind::playlist && !u.playlist_id.empty()) {
        t.kind = target_kind::playlist;
        t.id = u.playlist_id;
        t.cache_key = "playlist:" + t.id + via;
      } else if ((u.kind == link_kind::web || u.kind == link_kind::youtube_page) &&
                 !u.normal.empty()) {
        t.kind = target_kind::web;
        t.url = u.normal;
        t.cache_key = "url:" + t.url;
      } else {
        continue;  // not checkable: the offline findings cover it
      }
      auto [it, inserted] = by_key.try_emplace(t.cache_key, nullptr);
      if (inserted) {
        targets.push_back(std::make_unique<target>(std::move(t)));
        it->second = targets.back().get();
      }
      it->second->hrefs.emplace_back(r, std::move(l.href));
    }
  }
  return targets;
}

}  // namespace

online_stats check_online(const std::vector<report*>& reports, const online_options& options,
                          diagnostics& diags) {
  const auto started = clock::now();
  online_stats stats;
  std::vector<std::unique_ptr<target>> targets = collect_targets(reports, options);
  stats.targets = static_cast<int>(targets.size());

  const std::int64_t now = std::time(nullptr);  // cache ages only; never in a report
  verdict_cache cache;
  bool use_cache = options.use_cache;
  if (use_cache) {
    std::optional<verdict_cache> loaded = verdict_cache::load(options.cache_path, diags);
    use_cache = loaded.has_value();
    if (loaded) cache = std::move(*loaded);
  }

  http_settings settings;
  settings.concurrency = options.concurrency;
  settings.timeout = options.timeout;
  settings.deadline = started + options.deadline;
  settings.retries = options.retries;
  settings.allow_private = options.allow_private;
  settings.user_agent = options.user_agent;
  http_client client(settings);
  checker check(options, client);

  std::vector<target*> asked;
  for (auto& t : targets) {
    if (const link_check* cached = cache.find(t->cache_key, now, options.max_cache_age)) {
      t->result = *cached;
      ++stats.from_cache;
    } else {
      asked.push_back(t.get());
      check.start(*t);
    }
  }
  client.run();
  stats.requests = client.stats().requests;
  stats.retries = client.stats().retries;

  for (target* t : asked) cache.put(t->cache_key, t->result, now);
  if (use_cache && cache.changed()) {
    cache.save(options.cache_path, now, options.max_cache_age, diags);
  }
  for (auto& t : targets) {
    for (auto& [r, href] : t->hrefs) r->link_checks.insert_or_assign(href, t->result);
  }
  return stats;
}

}  // namespace handout::links::online
