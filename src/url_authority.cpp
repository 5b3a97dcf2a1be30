#include "url_authority.hpp"

namespace handout {

authority_parts split_authority(std::string_view authority) {
  // `user@host`: the host is what follows the last '@'.
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  authority_parts parts{authority, {}};
  std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    parts.host = authority.substr(0, colon);
    parts.port = authority.substr(colon + 1);
  }
  return parts;
}

}  // namespace handout
