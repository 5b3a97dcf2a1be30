#include "io.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace handout {

namespace fs = std::filesystem;

namespace {

std::string errno_text(int err) { return std::strerror(err); }

// Writes all of `data` to `fd`, retrying after interruptions.
bool write_all(int fd, std::string_view data, std::string& error) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = errno_text(errno);
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::size_t limit, diagnostics& diags,
                                     std::string_view limit_option) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    diags.error(path, 0, 0, "cannot open file: " + errno_text(errno));
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = errno;
    ::close(fd);
    diags.error(path, 0, 0,
                S_ISDIR(st.st_mode) ? "is a directory, not a file"
                                    : "cannot read file: " + errno_text(err));
    return std::nullopt;
  }
  if (static_cast<std::size_t>(st.st_size) > limit) {
    ::close(fd);
    std::string message =
        "file is " + std::to_string(st.st_size) + " bytes; the limit is " + std::to_string(limit);
    if (!limit_option.empty()) message += " (raise it with " + std::string(limit_option) + ")";
    diags.error(path, 0, 0, message);
    return std::nullopt;
  }
  std::string data(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::read(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      diags.error(path, 0, 0, "cannot read file: " + errno_text(err));
      return std::nullopt;
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<std::size_t>(n);
  }
  data.resize(done);
  ::close(fd);
  return data;
}

namespace {

// Temp files being written, for the signal handler. Slots hold malloc'ed
// copies of their paths; atomics keep the handler's reads safe.
constexpr int max_pending = 256;
std::atomic<char*> pending[max_pending];

char* register_pending(const std::string& path) {
  char* copy = ::strdup(path.c_str());
  for (auto& slot : pending) {
    char* expected = nullptr;
    if (slot.compare_exchange_strong(expected, copy)) return copy;
  }
  return copy;  // table full: the file is still removed on ordinary failure
}

void unregister_pending(char* path) {
  if (!path) return;
  for (auto& slot : pending) {
    char* expected = path;
    if (slot.compare_exchange_strong(expected, nullptr)) break;
  }
  std::free(path);
}

extern "C" void remove_pending_and_reraise(int sig) {
  for (auto& slot : pending) {
    if (char* p = slot.load()) ::unlink(p);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// The process's umask, read without changing it: umask(2) can only be read
// by setting it, which would let other threads create files with a wrong
// mode meanwhile, so /proc/self/status comes first.
mode_t current_umask() {
  if (FILE* f = std::fopen("/proc/self/status", "re")) {
    char line[256];
    unsigned mask = 0;
    bool found = false;
    while (!found && std::fgets(line, sizeof line, f) != nullptr) {
      found = std::sscanf(line, "Umask: %o", &mask) == 1;
    }
    std::fclose(f);
    if (found) return static_cast<mode_t>(mask);
  }
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

mode_t new_file_mode() {
  static const mode_t mode = static_cast<mode_t>(0666 & ~current_umask());
  return mode;
}

thread_local output_recorder* active_recorder = nullptr;

}  // namespace

void remove_temp_files_on_signals() {
  struct sigaction action {};
  action.sa_handler = remove_pending_and_reraise;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &action, nullptr);
}

temp_file::temp_file(std::string path, std::string destination, int fd, bool direct)
    : path_(std::move(path)), destination_(std::move(destination)), fd_(fd), direct_(direct) {
  if (!direct_) registered_ = register_pending(path_);
}

std::optional<temp_file> temp_file::create(const std::string& destination, std::string& error) {
  std::error_code ec;
  fs::path dest(destination);
  if (fs::is_symlink(dest, ec)) {
    fs::path target = fs::weakly_canonical(dest, ec);
    if (!ec) dest = target;
  }
  struct stat st {};
  bool exists = ::stat(dest.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      error = "is a directory";
      return std::nullopt;
    }
    int fd = ::open(dest.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
      error = errno_text(errno);
      return std::nullopt;
    }
    return temp_file(dest.string(), dest.string(), fd, true);
  }
  fs::path dir = dest.parent_path();
  std::string pattern = (dir.empty() ? std::string() : dir.string() + "/") + "." +
                        dest.filename().string() + ".tmp-XXXXXX";
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    error = errno_text(errno);
    return std::nullopt;
  }
  ::fchmod(fd, exists ? (st.st_mode & 07777) : new_file_mode());
  return temp_file(pattern, dest.string(), fd, false);
}

temp_file::temp_file(temp_file&& other) noexcept
    : path_(std::move(other.path_)),
      destination_(std::move(other.destination_)),
      fd_(other.fd_),
      direct_(other.direct_),
      committed_(other.committed_),
      registered_(other.registered_) {
  other.fd_ = -1;
  other.committed_ = true;  // the moved-from object owns nothing
  other.registered_ = nullptr;
}

temp_file::~temp_file() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !direct_) ::unlink(path_.c_str());
  unregister_pending(registered_);
}

bool temp_file::write(std::string_view data, std::string& error) {
  return write_all(fd_, data, error);
}

bool temp_file::commit(std::string& error) {
  if (fd_ >= 0) {
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) {
      error = errno_text(errno);
      return false;
    }
  }
  if (!direct_ && ::rename(path_.c_str(), destination_.c_str()) != 0) {
    error = errno_text(errno);
    return false;
  }
  committed_ = true;
  if (active_recorder != nullptr) active_recorder->files_.push_back(destination_);
  return true;
}

output_recorder::output_recorder() : previous_(active_recorder) { active_recorder = this; }

output_recorder::~output_recorder() { active_recorder = previous_; }

scratch_file::~scratch_file() {
  if (fd_ >= 0) ::close(fd_);
  if (registered_ != nullptr) ::unlink(path_.c_str());
  unregister_pending(registered_);
}

bool scratch_file::create(std::string_view data, std::string& error) {
  // An anonymous memory file, named through /proc: nothing on disk to create
  // and remove (a batch makes one per deck), nothing left if the process dies.
  int fd = ::memfd_create("handout-scratch", MFD_CLOEXEC);
  if (fd >= 0 && write_all(fd, data, error)) {
    std::string path = "/proc/self/fd/" + std::to_string(fd);
    if (::access(path.c_str(), R_OK) == 0) {
      fd_ = fd;
      path_ = std::move(path);
      return true;
    }
  }
  if (fd >= 0) ::close(fd);

  // No memfd or no /proc: a private file in the temp directory.
  std::string pattern = (fs::temp_directory_path() / "handout-XXXXXX").string();
  fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    error = errno_text(errno);
    return false;
  }
  path_ = pattern;
  registered_ = register_pending(path_);
  if (!write_all(fd, data, error)) {
    ::close(fd);
    return false;
  }
  if (::close(fd) != 0) {
    error = errno_text(errno);
    return false;
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view data, diagnostics& diags) {
  std::string error;
  auto tmp = temp_file::create(path, error);
  if (!tmp || !tmp->write(data, error) || !tmp->commit(error)) {
    diags.error(path, 0, 0, "cannot write file: " + error);
    return false;
  }
  return true;
}

bool make_directories(const std::string& path, diagnostics& diags) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec || !std::filesystem::is_directory(path)) {
    diags.error(
        path, 0, 0,
        "cannot create output directory: " + (ec ? ec.message() : std::string("not a directory")));
    return false;
  }
  return true;
}

}  // namespace handout
