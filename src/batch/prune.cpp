#include "batch/prune.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

namespace handout::batch {

namespace fs = std::filesystem;

namespace {

// A directory descriptor, closed when it goes.
class dir_fd {
 public:
  explicit dir_fd(int fd) : fd_(fd) {}
  dir_fd(const dir_fd&) = delete;
  dir_fd& operator=(const dir_fd&) = delete;
  ~dir_fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

// True when `path` (as given) lies strictly below `dir`.
bool is_below(const std::string& path, const std::string& dir) {
  const fs::path relative =
      fs::path(path).lexically_normal().lexically_relative(fs::path(dir).lexically_normal());
  return !relative.empty() && *relative.begin() != ".." && relative != ".";
}

// The folders and the file name of a path relative to OUT; nothing when it
// could leave OUT (absolute, empty parts, `.` or `..`).
std::optional<std::vector<std::string>> parts_of(const std::string& relative) {
  if (relative.empty() || relative.front() == '/') return std::nullopt;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = relative.find('/', start);
    std::string part = relative.substr(start, slash == std::string::npos ? slash : slash - start);
    if (part.empty() || part == "." || part == "..") return std::nullopt;
    parts.push_back(std::move(part));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

// Removes OUT/`relative` if it is a regular file reached through real
// folders; why not, or nothing when it is gone (or was already).
std::optional<std::string> remove_below(const std::string& out_dir, const std::string& relative) {
  auto parts = parts_of(relative);
  if (!parts) return "not a path inside the output directory";
  dir_fd dir(::open(out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  int error = errno;  // close() in reset() may change errno
  for (std::size_t i = 0; dir.get() >= 0 && i + 1 < parts->size(); ++i) {
    const int next =
        ::openat(dir.get(), (*parts)[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    error = errno;
    dir.reset(next);
  }
  if (dir.get() < 0) {
    if (error == ENOENT) return std::nullopt;
    return error == ELOOP || error == ENOTDIR ? std::string("a folder on its path is not a folder")
                                              : std::string(std::strerror(error));
  }
  struct stat st {};
  if (::fstatat(dir.get(), parts->back().c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
    return errno == ENOENT ? std::nullopt : std::optional<std::string>(std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return "no longer a regular file";
  if (::unlinkat(dir.get(), parts->back().c_str(), 0) != 0 && errno != ENOENT) {
    return std::strerror(errno);
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> deleted_decks(const manifest& m, const std::vector<std::string>& inputs) {
  std::vector<std::string> dirs;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) dirs.push_back(input);
  }
  std::vector<std::string> gone;
  if (dirs.empty()) return gone;
  for (const auto& [stem, d] : m.decks) {
    bool below = false;
    for (const auto& dir : dirs) below = below || is_below(d.input, dir);
    // Not found, as opposed to unreadable (no permission): that may be back.
    std::error_code ec;
    if (below && fs::status(d.input, ec).type() == fs::file_type::not_found) {
      gone.push_back(stem);
    }
  }
  return gone;
}

void remove_outputs(const std::string& out_dir, const deck_result& d, diagnostics& diags) {
  for (const auto& o : d.outputs) {
    if (auto why = remove_below(out_dir, o.path)) {
      diags.warning(out_dir + "/" + o.path, 0, 0,
                    "not removed (" + *why + "), although its deck " + d.input + " is gone");
    }
  }
}

}  // namespace handout::batch
