#include "links/youtube_url.hpp"

#include <array>

#include "links/start_time.hpp"
#include "links/url.hpp"
#include "youtube_hosts.hpp"

namespace handout::links {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_tracking(std::string_view key, bool youtube) {
  if (youtube && (key == "pp" || key == "si" || key == "feature")) return true;
  return key.starts_with("utm_") || key == "fbclid" || key == "gclid";
}

// The first path segment after `prefix` (`/shorts/ID/` → `ID`).
std::string_view segment_after(std::string_view path, std::string_view prefix) {
  std::string_view rest = path.substr(prefix.size());
  return rest.substr(0, rest.find('/'));
}

// YouTube's parameter separators: `&` and `;`.
constexpr std::string_view youtube_separators = "&;";

// The parameters of a fragment written like a query (`#t=90`, `#!v=ID`).
std::vector<query_param> fragment_params(const url_parts& parts) {
  if (parts.fragment.find('=') == std::string_view::npos) return {};
  std::string_view fragment = parts.fragment;
  if (fragment.starts_with('!')) fragment.remove_prefix(1);
  return parse_query(fragment, youtube_separators);
}

// The query's parameters but the tracking ones, joined again (`a=1&b`).
std::string kept_query(const std::vector<query_param>& params, bool youtube) {
  std::string kept;
  for (const auto& p : params) {
    if (is_tracking(p.key, youtube)) continue;
    kept += kept.empty() ? "" : "&";
    kept += p.key;
    if (p.has_value) kept += "=" + std::string(p.value);
  }
  return kept;
}

// `href` with the tracking parameters of its query removed.
std::string remove_tracking(std::string_view href, const url_parts& parts,
                            const std::vector<query_param>& params, bool youtube) {
  if (!parts.has_query) return std::string(href);
  std::size_t query_start = static_cast<std::size_t>(parts.query.data() - href.data());
  std::string out(href.substr(0, query_start - 1));  // without '?'
  std::string kept = kept_query(params, youtube);
  if (!kept.empty()) out += "?" + kept;
  if (parts.has_fragment) out += "#" + std::string(parts.fragment);
  return out;
}

std::string web_normal_form(const url_parts& parts, const std::vector<query_param>& params,
                            bool youtube) {
  std::string scheme = lower(parts.scheme);
  std::string out = scheme + "://" + parts.host;
  bool default_port = parts.port.empty() || (scheme == "http" && parts.port == "80") ||
                      (scheme == "https" && parts.port == "443");
  if (!default_port) out += ":" + std::string(parts.port);
  out += parts.path.empty() ? std::string_view("/") : parts.path;
  std::string kept = kept_query(params, youtube);
  if (!kept.empty()) out += "?" + kept;
  if (parts.has_fragment && !parts.fragment.empty()) out += "#" + std::string(parts.fragment);
  return out;
}

// The pages that play the video of their v= parameter: the watch page, its
// pop-up player and the old `movie` and `.php` names (`/watch_popup?v=ID`,
// `/watch.php?v=ID`), with or without a trailing `/`.
bool is_watch_path(std::string_view path) {
  if (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  if (path.ends_with(".php")) path.remove_suffix(4);
  if (path.ends_with("_popup")) path.remove_suffix(6);
  return path == "/watch" || path == "/movie";
}

// The path prefixes followed by a video id: the embedded player (also the
// old `/e/` and `/v/`), Shorts and live streams.
constexpr std::array<std::string_view, 5> id_prefixes{"/embed/", "/e/", "/shorts/", "/live/",
                                                      "/v/"};

// The path and query YouTube routes on: the URL's own; on the home page
// those of a fragment written as a path (`/#/watch?v=ID`, the old in-page
// navigation's links); on the watch and home pages without v= a fragment's
// (`/watch#!v=ID`); on an attribution link those of its `u=`
// (`/attribution_link?a=…&u=%2Fwatch%3Fv%3DID`).
struct route {
  std::string_view path;
  std::vector<query_param> params;
  bool in_fragment = false;  // read from `#/…`
};

// `target`, a path and query, as a route (`/watch?v=ID`).
route route_to(std::string_view target, bool in_fragment) {
  std::size_t question = target.find('?');
  if (question == std::string_view::npos) return {target, {}, in_fragment};
  return {target.substr(0, question), parse_query(target.substr(question + 1), youtube_separators),
          in_fragment};
}

// `decoded` holds an attribution link's target, which the route points into.
route youtube_route(const url_parts& parts, const std::vector<query_param>& params,
                    std::string& decoded) {
  const bool home = parts.path.empty() || parts.path == "/";
  if (home && parts.fragment.starts_with('/')) return route_to(parts.fragment, true);
  if (parts.path == "/attribution_link") {
    auto u = find_param(params, "u");
    if (auto target = u ? percent_decode(*u) : std::nullopt; target && target->starts_with('/')) {
      decoded = std::move(*target);
      return route_to(decoded, false);
    }
  }
  if ((home || is_watch_path(parts.path)) && !find_param(params, "v")) {
    if (auto in_fragment = fragment_params(parts); find_param(in_fragment, "v")) {
      return {parts.path, std::move(in_fragment)};
    }
  }
  return {parts.path, params};
}

void set_video(youtube_link& link, std::string_view id) {
  link.kind = link_kind::video;
  link.video_id = std::string(id);
}

// The kind of a YouTube link (not youtu.be) and its video id, from its path
// and its v= and list= parameters.
void youtube_kind(std::string_view path, const std::vector<query_param>& params,
                  youtube_link& link) {
  const auto list = find_param(params, "list");
  const auto v = find_param(params, "v");
  link.kind = link_kind::youtube_page;
  if (is_watch_path(path)) {
    if (v) {
      set_video(link, *v);
    } else {
      link.kind = list ? link_kind::playlist : link_kind::video;  // a watch page needs a video
    }
    return;
  }
  if ((path.empty() || path == "/") && v) {  // the home page plays `/?v=ID` too
    set_video(link, *v);
    return;
  }
  if (path == "/playlist") {
    if (list) link.kind = link_kind::playlist;
    return;
  }
  for (std::string_view prefix : id_prefixes) {
    if (!path.starts_with(prefix)) continue;
    std::string_view segment = segment_after(path, prefix);
    if (segment == "videoseries") {  // the player of a playlist
      if (list) link.kind = link_kind::playlist;
    } else if (segment != "live_stream") {  // live_stream?channel=UC…: a channel's live page
      set_video(link, segment);
    }
    return;
  }
  if (list) link.kind = link_kind::playlist;
}

// The parameters YouTube reads: list=, index=, t= or start= (also in the
// fragment), pp=.
void youtube_parameters(const url_parts& parts, const std::vector<query_param>& params,
                        youtube_link& link) {
  if (auto list = find_param(params, "list")) link.playlist_id = std::string(*list);
  if (auto index = find_param(params, "index");
      index && !index->empty() && index->size() <= 9 &&
      index->find_first_not_of("0123456789") == std::string_view::npos) {
    link.index = std::stol(std::string(*index));
  }
  auto t = find_param(params, "t");
  if (!t) t = find_param(params, "start");
  if (!t) t = find_param(fragment_params(parts), "t");
  if (t) {
    link.start_written = std::string(*t);
    link.start = parse_start_time(*t);
  }
  if (auto pp = find_param(params, "pp")) {
    link.has_pp = true;
    link.pp_written = std::string(*pp);
    link.pp = decode_pp(*pp);
  }
}

// The id check and the canonical form, by kind.
void normalize(const url_parts& parts, const std::vector<query_param>& params, bool youtube,
               youtube_link& link) {
  switch (link.kind) {
    case link_kind::video:
      link.id = check_video_id(link.video_id);
      if (link.id.problem == id_problem::none) {
        link.normal = "https://www.youtube.com/watch?v=" + link.video_id;
        if (link.start && *link.start > 0) link.normal += "&t=" + std::to_string(*link.start) + "s";
      }
      break;
    case link_kind::playlist:
      link.normal = "https://www.youtube.com/playlist?list=" + link.playlist_id;
      break;
    case link_kind::youtube_page:
    case link_kind::web:
      link.normal = to_uri(web_normal_form(parts, params, youtube));
      break;
    case link_kind::unusable:
      break;
  }
}

}  // namespace

std::string_view kind_name(link_kind kind) {
  switch (kind) {
    case link_kind::video:
      return "video";
    case link_kind::playlist:
      return "playlist";
    case link_kind::youtube_page:
      return "youtube-page";
    case link_kind::web:
      return "web";
    case link_kind::unusable:
      return "unusable";
  }
  return "unusable";
}

youtube_link classify(std::string_view href) {
  youtube_link link;
  link.without_tracking = std::string(href);
  const std::optional<url_parts> split = split_url(href);
  const std::optional<std::string> unusable = unusable_reason(href, split);
  if (!split || !split->has_authority) {
    link.kind = link_kind::unusable;
    link.problem = unusable.value_or("has no host");
    return link;
  }
  // An unusable link is read like any other, so that link labels can still
  // show its video, and then marked unusable.
  const url_parts& parts = *split;
  const youtube_host host = youtube_host_of(ascii_host(parts.host).value_or(parts.host));
  const bool youtube = host != youtube_host::none;
  const std::vector<query_param> params =
      parse_query(parts.query, youtube ? youtube_separators : std::string_view("&"));
  std::string decoded;
  const route to = youtube_route(parts, params, decoded);
  if (host == youtube_host::short_link) {
    set_video(link, segment_after(parts.path, parts.path.empty() ? "" : "/"));
  } else if (youtube) {
    youtube_kind(to.path, to.params, link);
  } else {
    link.kind = link_kind::web;
  }

  for (const auto& p : params) {
    if (is_tracking(p.key, youtube)) link.tracking.emplace_back(p.key);
  }
  link.without_tracking = remove_tracking(href, parts, params, youtube);
  if (youtube && to.in_fragment) {  // and those of a `#/watch?…` route, which ends the link
    for (const auto& p : to.params) {
      if (is_tracking(p.key, youtube)) link.tracking.emplace_back(p.key);
    }
    link.without_tracking.resize(link.without_tracking.size() - parts.fragment.size());
    link.without_tracking += to.path;
    if (std::string kept = kept_query(to.params, youtube); !kept.empty()) {
      link.without_tracking += "?" + kept;
    }
  }
  if (youtube) youtube_parameters(parts, to.params, link);

  link.video_form = link.kind == link_kind::video;
  if (unusable) {
    link.kind = link_kind::unusable;
    link.problem = *unusable;
  }
  normalize(parts, params, youtube, link);
  return link;
}

}  // namespace handout::links
