// The parts of a URL's authority (`user@host:port`): one rule for the text
// reader (url_end) and the link audit (split_url, to_uri).
#pragma once

#include <string_view>

namespace handout {

struct authority_parts {
  std::string_view host;  // as written: after the last `@`, before the port
  std::string_view port;  // without `:`; empty when absent
};

// Splits `authority`, the part of a URL between `//` and the first `/`, `?`
// or `#`. A `:` inside an IPv6 literal (`[::1]`) is not a port's.
authority_parts split_authority(std::string_view authority);

}  // namespace handout
