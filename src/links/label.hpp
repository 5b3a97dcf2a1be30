// The short form of a link printed under a slide (see render/link_label.hpp),
// from a link already classified.
#pragma once

#include <string>
#include <string_view>

#include "links/youtube_url.hpp"

namespace handout::links {

// `youtu.be/ID ▶ m:ss` for a video whose id has the shape of one, host and
// path (without `www.`, `m.`, `music.`; at most 60 bytes) for other web
// links, the link itself otherwise. `classified` is classify(href).
std::string label_of(std::string_view href, const youtube_link& classified);

}  // namespace handout::links
