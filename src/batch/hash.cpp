#include "batch/hash.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace handout::batch {

struct sha256::state {
  EVP_MD_CTX* ctx = nullptr;
  bool failed = false;  // an OpenSSL call failed, or hex() has spent the context
  ~state() { EVP_MD_CTX_free(ctx); }
};

sha256::sha256() : state_(std::make_unique<state>()) {
  state_->ctx = EVP_MD_CTX_new();
  state_->failed =
      state_->ctx == nullptr || EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr) != 1;
}

sha256::sha256(sha256&&) noexcept = default;
sha256& sha256::operator=(sha256&&) noexcept = default;
sha256::~sha256() = default;

sha256& sha256::update(std::string_view data) {
  if (state_ && !state_->failed && EVP_DigestUpdate(state_->ctx, data.data(), data.size()) != 1) {
    state_->failed = true;
  }
  return *this;
}

sha256& sha256::field(std::string_view data) {
  std::string length = std::to_string(data.size()) + ':';
  update(length);
  return update(data);
}

std::optional<std::string> sha256::hex() {
  if (!state_ || state_->failed) return std::nullopt;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned size = 0;
  const bool done = EVP_DigestFinal_ex(state_->ctx, digest.data(), &size) == 1;
  state_->failed = true;  // spent
  if (!done) return std::nullopt;
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned i = 0; i < size; ++i) {
    out += digits[digest[i] >> 4];
    out += digits[digest[i] & 15];
  }
  return out;
}

std::optional<std::string> sha256_hex(std::string_view data) { return sha256().update(data).hex(); }

std::optional<std::string> sha256_file(const std::string& path) {
  // Like read_file: a fifo or device is no file to hash, and must not block.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  sha256 h;
  std::array<char, 1 << 16> buffer;
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    h.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
  ::close(fd);
  return h.hex();
}

std::optional<std::uint64_t> stable_hash64(std::string_view data) {
  std::optional<std::string> hex = sha256_hex(data);
  if (!hex) return std::nullopt;
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(hex->data(), hex->data() + 16, value, 16);
  if (ec != std::errc() || end != hex->data() + 16) return std::nullopt;
  return value;
}

namespace {

// The GNU build ID note of the main program, as hex, or "".
int find_build_id(dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
    const char* end = at + segment.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char* name = at + sizeof note;
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      at = desc + ((note.n_descsz + 3) & ~3u);
      if (at > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0) {
        static const char digits[] = "0123456789abcdef";
        for (unsigned k = 0; k < note.n_descsz; ++k) {
          const auto byte = static_cast<unsigned char>(desc[k]);
          *out += digits[byte >> 4];
          *out += digits[byte & 15];
        }
      }
    }
  }
  return 1;  // the first object is the main program: stop there
}

}  // namespace

std::string executable_identity() {
  std::string id;
  dl_iterate_phdr(find_build_id, &id);
  if (!id.empty()) return "build-id " + id;
  return "sha256 " + sha256_file("/proc/self/exe").value_or("unknown executable");
}

std::optional<std::string> file_identity(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::to_string(st.st_size) + " bytes, modified " + std::to_string(st.st_mtim.tv_sec) +
         "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace handout::batch
