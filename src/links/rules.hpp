// The audit's rules: stable ids, levels and descriptions (docs/LINKS.md).
#pragma once

#include <string_view>
#include <vector>

namespace handout::links {

enum class level { info, warning, error };

// `info`, `warning`, `error`.
std::string_view level_name(level l);

enum class rule_id {
  invalid_video_id,
  not_a_link,
  duplicate_on_slide,
  duplicate_across_slides,
  invalid_start_time,
  query_off_topic,
  slide_without_links,
  tracking_parameters,
  invalid_pp,
  // Online check (--online) only:
  video_unavailable,
  video_restricted,
  link_broken,
  link_restricted,
  link_unreachable,
  duplicate_across_decks,
};

struct rule {
  rule_id id;
  std::string_view name;  // the stable id: `invalid-video-id`
  level default_level;
  std::string_view summary;  // one line
  std::string_view help;     // what to do about it
};

// Every rule, in documentation order.
const std::vector<rule>& rules();

const rule& rule_of(rule_id id);

}  // namespace handout::links
