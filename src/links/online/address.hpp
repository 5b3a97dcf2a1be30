// Which network addresses the online check may contact on a deck's behalf.
#pragma once

#include <sys/socket.h>

namespace handout::links::online {

// True for addresses that are not on the public internet: every range of the
// IANA IPv4 and IPv6 special-purpose registries that is not globally
// reachable (loopback, private, shared, link-local, documentation,
// benchmarking, NAT64 local use, discard, …), multicast, reserved space and
// IPv6 outside 2000::/3; an IPv4 address carried in IPv6 (mapped, translated,
// compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4
// address. Unknown address families count as not public.
bool is_non_public(const sockaddr* address);

// The same for a numeric address (`10.0.0.1`, `::1`); text that is not an
// address counts as not public.
bool is_non_public(const char* numeric_address);

}  // namespace handout::links::online
