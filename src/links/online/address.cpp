#include "links/online/address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <array>
#include <cstring>
#include <vector>

namespace handout::links::online {

namespace {

// What an address in a range is for the guard.
enum class reach {
  global,     // on the public internet: may be requested
  local,      // not globally reachable (IANA), or multicast: refused
  embeds_v4,  // carries an IPv4 address, which decides
};

// One row of the IANA special-purpose registries (IPv4:
// iana-ipv4-special-registry, IPv6: iana-ipv6-special-registry, as of 2025),
// plus multicast and the ranges those registries leave to others. The longest
// matching prefix decides; "Globally Reachable: False" (or N/A, deprecated)
// is `local`.
struct special_range {
  const char* prefix;
  int bits;
  reach verdict;
  int v4_at;  // for embeds_v4: the byte where the IPv4 address starts
  const char* name;
};

constexpr special_range special_ranges[] = {
    // IPv4
    {"0.0.0.0", 0, reach::global, 0, "the rest of IPv4"},
    {"0.0.0.0", 8, reach::local, 0, "this network (RFC 791)"},
    {"0.0.0.0", 32, reach::local, 0, "this host (RFC 1122)"},
    {"10.0.0.0", 8, reach::local, 0, "private use (RFC 1918)"},
    {"100.64.0.0", 10, reach::local, 0, "shared address space (RFC 6598)"},
    {"127.0.0.0", 8, reach::local, 0, "loopback (RFC 1122)"},
    {"169.254.0.0", 16, reach::local, 0, "link local (RFC 3927), cloud metadata"},
    {"172.16.0.0", 12, reach::local, 0, "private use (RFC 1918)"},
    {"192.0.0.0", 24, reach::local, 0, "IETF protocol assignments (RFC 6890)"},
    {"192.0.0.0", 29, reach::local, 0, "IPv4 service continuity prefix (RFC 7335)"},
    {"192.0.0.8", 32, reach::local, 0, "IPv4 dummy address (RFC 7600)"},
    {"192.0.0.9", 32, reach::global, 0, "port control protocol anycast (RFC 7723)"},
    {"192.0.0.10", 32, reach::global, 0, "traversal using relays around NAT anycast (RFC 8155)"},
    {"192.0.0.170", 31, reach::local, 0, "NAT64/DNS64 discovery (RFC 8880)"},
    {"192.0.2.0", 24, reach::local, 0, "documentation TEST-NET-1 (RFC 5737)"},
    {"192.31.196.0", 24, reach::global, 0, "AS112-v4 (RFC 7535)"},
    {"192.52.193.0", 24, reach::global, 0, "automatic multicast tunneling (RFC 7450)"},
    {"192.88.99.0", 24, reach::local, 0, "deprecated 6to4 relay anycast (RFC 7526)"},
    {"192.168.0.0", 16, reach::local, 0, "private use (RFC 1918)"},
    {"192.175.48.0", 24, reach::global, 0, "direct delegation AS112 service (RFC 7534)"},
    {"198.18.0.0", 15, reach::local, 0, "benchmarking (RFC 2544)"},
    {"198.51.100.0", 24, reach::local, 0, "documentation TEST-NET-2 (RFC 5737)"},
    {"203.0.113.0", 24, reach::local, 0, "documentation TEST-NET-3 (RFC 5737)"},
    {"224.0.0.0", 4, reach::local, 0, "multicast (RFC 5771)"},
    {"240.0.0.0", 4, reach::local, 0, "reserved (RFC 1112)"},
    {"255.255.255.255", 32, reach::local, 0, "limited broadcast (RFC 919)"},
    // IPv6
    {"::", 0, reach::local, 0, "unassigned: outside global unicast (RFC 4291)"},
    {"2000::", 3, reach::global, 0, "global unicast (RFC 4291)"},
    {"::", 128, reach::local, 0, "unspecified (RFC 4291)"},
    {"::1", 128, reach::local, 0, "loopback (RFC 4291)"},
    {"::", 96, reach::embeds_v4, 12, "IPv4-compatible, deprecated (RFC 4291)"},
    {"::ffff:0:0", 96, reach::embeds_v4, 12, "IPv4-mapped (RFC 4291)"},
    {"::ffff:0:0:0", 96, reach::embeds_v4, 12, "IPv4-translated (RFC 2765)"},
    {"64:ff9b::", 96, reach::embeds_v4, 12, "IPv4-IPv6 translation (RFC 6052)"},
    {"64:ff9b:1::", 48, reach::local, 0, "local-use IPv4-IPv6 translation (RFC 8215)"},
    {"100::", 64, reach::local, 0, "discard-only (RFC 6666)"},
    {"100:0:0:1::", 64, reach::local, 0, "dummy IPv6 prefix (RFC 9780)"},
    {"2001::", 23, reach::local, 0, "IETF protocol assignments (RFC 2928)"},
    {"2001::", 32, reach::local, 0, "TEREDO (RFC 4380)"},
    {"2001:1::1", 128, reach::global, 0, "port control protocol anycast (RFC 7723)"},
    {"2001:1::2", 128, reach::global, 0, "traversal using relays around NAT anycast (RFC 8155)"},
    {"2001:1::3", 128, reach::global, 0, "DNS-SD service registration protocol anycast (RFC 9665)"},
    {"2001:2::", 48, reach::local, 0, "benchmarking (RFC 5180)"},
    {"2001:3::", 32, reach::global, 0, "automatic multicast tunneling (RFC 7450)"},
    {"2001:4:112::", 48, reach::global, 0, "AS112-v6 (RFC 7535)"},
    {"2001:10::", 28, reach::local, 0, "deprecated ORCHID (RFC 4843)"},
    {"2001:20::", 28, reach::global, 0, "ORCHIDv2 (RFC 7343)"},
    {"2001:30::", 28, reach::global, 0, "drone remote ID entity tags (RFC 9374)"},
    {"2001:db8::", 32, reach::local, 0, "documentation (RFC 3849)"},
    {"2002::", 16, reach::embeds_v4, 2, "6to4 (RFC 3056)"},
    {"2620:4f:8000::", 48, reach::global, 0, "direct delegation AS112 service (RFC 7534)"},
    {"3fff::", 20, reach::local, 0, "documentation (RFC 9637)"},
    {"5f00::", 16, reach::local, 0, "segment routing SIDs (RFC 9602)"},
    {"fc00::", 7, reach::local, 0, "unique local (RFC 4193)"},
    {"fe80::", 10, reach::local, 0, "link local (RFC 4291)"},
    {"fec0::", 10, reach::local, 0, "site local, deprecated (RFC 3879)"},
    {"ff00::", 8, reach::local, 0, "multicast (RFC 4291)"},
};

// A row with its prefix parsed: `size` bytes of address (4 or 16).
struct parsed_range {
  std::array<unsigned char, 16> net{};
  std::size_t size = 0;
  const special_range* row = nullptr;
};

const std::vector<parsed_range>& parsed_ranges() {
  static const std::vector<parsed_range> parsed = [] {
    std::vector<parsed_range> out;
    for (const special_range& row : special_ranges) {
      parsed_range p;
      p.row = &row;
      p.size = ::inet_pton(AF_INET, row.prefix, p.net.data()) == 1 ? 4 : 16;
      if (p.size == 16) ::inet_pton(AF_INET6, row.prefix, p.net.data());
      out.push_back(p);
    }
    return out;
  }();
  return parsed;
}

bool has_prefix(const unsigned char* address, const unsigned char* net, int bits) {
  const int whole = bits / 8;
  if (std::memcmp(address, net, static_cast<std::size_t>(whole)) != 0) return false;
  if (bits % 8 == 0) return true;
  const auto mask = static_cast<unsigned char>(0xff << (8 - bits % 8));
  return (address[whole] & mask) == (net[whole] & mask);
}

// `address` holds `size` bytes in network order (4: IPv4, 16: IPv6).
bool non_public(const unsigned char* address, std::size_t size) {
  const parsed_range* best = nullptr;
  for (const parsed_range& r : parsed_ranges()) {
    if (r.size == size && has_prefix(address, r.net.data(), r.row->bits) &&
        (best == nullptr || r.row->bits > best->row->bits)) {
      best = &r;
    }
  }
  if (best == nullptr) return true;
  switch (best->row->verdict) {
    case reach::global:
      return false;
    case reach::local:
      return true;
    case reach::embeds_v4:
      return non_public(address + best->row->v4_at, 4);
  }
  return true;
}

}  // namespace

bool is_non_public(const sockaddr* address) {
  if (address == nullptr) return true;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return non_public(reinterpret_cast<const unsigned char*>(&in.sin_addr.s_addr), 4);
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    return non_public(in6.sin6_addr.s6_addr, 16);
  }
  return true;
}

bool is_non_public(const char* numeric_address) {
  if (numeric_address == nullptr) return true;
  sockaddr_in in{};
  if (::inet_pton(AF_INET, numeric_address, &in.sin_addr) == 1) {
    in.sin_family = AF_INET;
    return is_non_public(reinterpret_cast<const sockaddr*>(&in));
  }
  sockaddr_in6 in6{};
  if (::inet_pton(AF_INET6, numeric_address, &in6.sin6_addr) == 1) {
    in6.sin6_family = AF_INET6;
    return is_non_public(reinterpret_cast<const sockaddr*>(&in6));
  }
  return true;
}

}  // namespace handout::links::online
