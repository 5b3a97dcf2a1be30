// Classifying a link: a YouTube video in any of its URL forms, a playlist,
// another YouTube page, another web link, or not a usable link; with its
// video id checked, its parameters read and its normal form.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "links/search_query.hpp"
#include "links/video_id.hpp"

namespace handout::links {

enum class link_kind { video, playlist, youtube_page, web, unusable };

// `video`, `playlist`, `youtube-page`, `web`, `unusable`.
std::string_view kind_name(link_kind kind);

struct youtube_link {
  link_kind kind = link_kind::unusable;
  std::string problem;  // unusable: why (`has no scheme; ...`)

  // video: the id as written and what is wrong with it. `video_form` is also
  // true for an unusable link written in a video form.
  bool video_form = false;
  std::string video_id;
  id_check id;

  // list= and index= (also on a video watched inside a playlist).
  std::string playlist_id;
  std::optional<long> index;

  // t= or start= (query or fragment), as written and in seconds.
  std::string start_written;
  std::optional<long> start;  // nothing when absent or unreadable

  // pp= as written and decoded; `has_pp` false when absent.
  bool has_pp = false;
  std::string pp_written;
  pp_result pp;

  // Tracking parameters present, in order: pp, si, feature (YouTube), and
  // utm_*, fbclid, gclid (any web link).
  std::vector<std::string> tracking;
  // The link as written without its tracking parameters.
  std::string without_tracking;

  // The canonical form: `https://www.youtube.com/watch?v=ID` (plus `&t=Ns`)
  // for a video with a valid id, `https://www.youtube.com/playlist?list=ID`
  // for a playlist; lower-cased scheme and host, no default port and no
  // tracking parameters for other web links; empty for broken links.
  std::string normal;

  bool valid_video() const { return kind == link_kind::video && id.problem == id_problem::none; }
  bool start_unreadable() const { return !start_written.empty() && !start; }
};

// Classifies `href` as written in a deck.
youtube_link classify(std::string_view href);

}  // namespace handout::links
