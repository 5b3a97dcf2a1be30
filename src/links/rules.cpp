#include "links/rules.hpp"

namespace handout::links {

std::string_view level_name(level l) {
  switch (l) {
    case level::info:
      return "info";
    case level::warning:
      return "warning";
    case level::error:
      return "error";
  }
  return "error";
}

const std::vector<rule>& rules() {
  static const std::vector<rule> table = {
      {rule_id::invalid_video_id, "invalid-video-id", level::error,
       "A YouTube video link whose video id is missing or malformed.",
       "Copy the link again from YouTube's Share button: an id has exactly 11 characters of "
       "A-Z, a-z, 0-9, '-' and '_', and ends in one of AEIMQUYcgkosw048."},
      {rule_id::not_a_link, "not-a-link", level::error,
       "A link that cannot be opened as a web page.",
       "Write the full address with https://, and percent-encode spaces and other characters "
       "that URLs cannot carry; javascript:, file: and data: links are not allowed."},
      {rule_id::duplicate_on_slide, "duplicate-on-slide", level::error,
       "The same video (or link) appears more than once on one slide.",
       "Remove the repeated link."},
      {rule_id::duplicate_across_slides, "duplicate-across-slides", level::warning,
       "The same video is linked from several slides.",
       "Check that each slide cites the video meant for it; keep the repeat if it is deliberate."},
      {rule_id::invalid_start_time, "invalid-start-time", level::warning,
       "A t= or start= value that YouTube cannot read, so the video plays from the beginning.",
       "Write the start time as 90, 90s, 1m30s, 1h2m3s or 1:30."},
      {rule_id::query_off_topic, "query-off-topic", level::info,
       "The YouTube search that found the video (its pp parameter) shares no word with the slide.",
       "Check that the video belongs to this slide."},
      {rule_id::slide_without_links, "slide-without-links", level::info, "A slide with no link.",
       "Add a link if the slide should cite a source."},
      {rule_id::tracking_parameters, "tracking-parameters", level::info,
       "A link carries tracking parameters (pp, si, feature, utm_*, fbclid, gclid).",
       "Remove them: the link opens the same page without them."},
      {rule_id::invalid_pp, "invalid-pp", level::info,
       "A pp parameter that is not URL-encoded base64 of a protobuf message.",
       "The parameter is damaged; remove it (YouTube ignores it)."},
      {rule_id::video_unavailable, "video-unavailable", level::error,
       "Online: the YouTube video (or playlist) no longer exists: its thumbnail or oEmbed "
       "answers 404.",
       "Find the video again (it may have been re-uploaded) or replace the link."},
      {rule_id::video_restricted, "video-restricted", level::warning,
       "Online: the YouTube video (or playlist) exists but is private or cannot be embedded.",
       "Check that readers can watch it; link another upload if they cannot."},
      {rule_id::link_broken, "link-broken", level::error,
       "Online: a web link answers 404 or 410 (not found, gone).",
       "Find the page's new address, or link an archived copy."},
      {rule_id::link_restricted, "link-restricted", level::info,
       "Online: a web link answers 401, 403 or 451: it exists but refuses this request (a login, "
       "or a block on automated clients).",
       "Open it in a browser to check that readers can see it."},
      {rule_id::link_unreachable, "link-unreachable", level::warning,
       "Online: the link could not be checked (network failure, timeout, 5xx or 429 after "
       "retries, too many redirects, or a non-public address).",
       "Run the check again later; this fails the run only with --fail-on unknown."},
      {rule_id::duplicate_across_decks, "duplicate-across-decks", level::info,
       "The same video is linked from several decks (when several decks are audited or merged).",
       "Check that each deck cites the video meant for it; repeats across decks are often "
       "deliberate."},
  };
  return table;
}

const rule& rule_of(rule_id id) { return rules()[static_cast<std::size_t>(id)]; }

}  // namespace handout::links
