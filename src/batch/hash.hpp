// SHA-256 digests (OpenSSL) for the incremental manifest and shard selection.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace handout::batch {

// An incremental SHA-256. Move-only; owns an OpenSSL digest context. Never
// throws: an OpenSSL failure (setting up, adding, finishing) is kept, and
// hex() then gives nothing.
class sha256 {
 public:
  sha256();
  sha256(sha256&&) noexcept;
  sha256& operator=(sha256&&) noexcept;
  ~sha256();

  sha256& update(std::string_view data);
  // Adds `data` and its length, so that consecutive fields cannot run together.
  sha256& field(std::string_view data);
  // The digest as 64 lowercase hex digits, or nothing when OpenSSL failed or
  // the object was moved from or spent (by an earlier hex()).
  std::optional<std::string> hex();

 private:
  struct state;
  std::unique_ptr<state> state_;
};

// The digest of `data`, or nothing when OpenSSL fails.
std::optional<std::string> sha256_hex(std::string_view data);

// The digest of a regular file's contents, or nothing when it cannot be read
// or is not a regular file (a fifo is never waited on), or OpenSSL fails.
std::optional<std::string> sha256_file(const std::string& path);

// What identifies the running executable: its GNU build ID (the linker's
// hash of its contents) when it has one, else the SHA-256 of its file.
// Hashing a 40 MB binary on every run cost more than converting a deck.
std::string executable_identity();

// What identifies a large file that seldom changes (a font): its size and
// modification time, as make sees a file; nothing when it cannot be read.
std::optional<std::string> file_identity(const std::string& path);

// The first 8 bytes of SHA-256(data), big-endian: a hash that is the same on
// every machine (shard selection). Nothing when OpenSSL fails.
std::optional<std::uint64_t> stable_hash64(std::string_view data);

}  // namespace handout::batch
