#include "links/online/address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

namespace handout::links::online {

namespace {

bool in_v4(std::uint32_t a, std::uint32_t net, int bits) {
  std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
  return (a & mask) == (net & mask);
}

constexpr std::uint32_t v4(unsigned a, unsigned b, unsigned c, unsigned d) {
  return (a << 24) | (b << 16) | (c << 8) | d;
}

// `a` in host order.
bool non_public_v4(std::uint32_t a) {
  struct range {
    std::uint32_t net;
    int bits;
  };
  static constexpr range ranges[] = {
      {v4(0, 0, 0, 0), 8},       // "this network", unspecified
      {v4(10, 0, 0, 0), 8},      // private
      {v4(100, 64, 0, 0), 10},   // shared address space (carrier-grade NAT)
      {v4(127, 0, 0, 0), 8},     // loopback
      {v4(169, 254, 0, 0), 16},  // link-local (and cloud metadata services)
      {v4(172, 16, 0, 0), 12},   // private
      {v4(192, 0, 0, 0), 24},    // IETF protocol assignments
      {v4(192, 168, 0, 0), 16},  // private
      {v4(198, 18, 0, 0), 15},   // benchmarking
      {v4(224, 0, 0, 0), 4},     // multicast
      {v4(240, 0, 0, 0), 4},     // reserved, broadcast
  };
  for (const auto& r : ranges) {
    if (in_v4(a, r.net, r.bits)) return true;
  }
  return false;
}

bool non_public_v6(const unsigned char* b) {
  static constexpr unsigned char zero[16] = {};
  // :: and ::1
  if (std::memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;
  auto embedded_v4 = [&] {
    return (std::uint32_t{b[12]} << 24) | (std::uint32_t{b[13]} << 16) |
           (std::uint32_t{b[14]} << 8) | std::uint32_t{b[15]};
  };
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated)
  static constexpr unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, mapped, 12) == 0 || std::memcmp(b, zero, 12) == 0) {
    return non_public_v4(embedded_v4());
  }
  // 64:ff9b::a.b.c.d (NAT64)
  static constexpr unsigned char nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, nat64, 12) == 0) return non_public_v4(embedded_v4());
  if ((b[0] & 0xfe) == 0xfc) return true;                  // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;  // fe80::/10 link-local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return true;  // fec0::/10 site-local (old)
  if (b[0] == 0xff) return true;                           // multicast
  return false;
}

}  // namespace

bool is_non_public(const sockaddr* address) {
  if (address == nullptr) return true;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return non_public_v4(ntohl(in.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    return non_public_v6(in6.sin6_addr.s6_addr);
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
