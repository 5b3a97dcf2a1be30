// Which network addresses the online check may contact on a deck's behalf.
#pragma once

#include <sys/socket.h>

namespace handout::links::online {

// True for addresses that are not on the public internet: unspecified,
// loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), shared
// (100.64/10), link-local (169.254/16, fe80::/10), multicast, reserved and
// benchmarking ranges, and IPv4 addresses mapped or translated into IPv6
// that are one of these. Unknown address families count as not public.
bool is_non_public(const sockaddr* address);

// The same for a numeric address (`10.0.0.1`, `::1`); text that is not an
// address counts as not public.
bool is_non_public(const char* numeric_address);

}  // namespace handout::links::online
