#include "io.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <set>
#include <string_view>
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

namespace {

// What a file of mode `mode` is, for a message.
const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a fifo";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string not_regular_message(mode_t mode) {
  return std::string("is ") + kind_of(mode) + ", not a regular file";
}

}  // namespace

std::string not_a_regular_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno == ENOENT ? "not found" : errno_text(errno);
  return S_ISREG(st.st_mode) ? std::string() : not_regular_message(st.st_mode);
}

namespace {

// ` (raise it with OPTION)`, or "" when no option raises the limit.
std::string raise_hint(std::string_view limit_option) {
  return limit_option.empty() ? "" : " (raise it with " + std::string(limit_option) + ")";
}

// Reads `fd` (a pipe, a fifo, a terminal) to its end, at most `limit` bytes.
// A fifo opened with O_NONBLOCK is waited on with poll(), which on Linux
// waits for a first writer where read() would report the end at once.
std::optional<std::string> read_stream(int fd, const std::string& name, std::size_t limit,
                                       diagnostics& diags, std::string_view limit_option) {
  std::string data;
  char buffer[65536];
  for (;;) {
    // Before each read: a fifo without a writer yet reads as its end.
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, -1) < 0 && errno != EINTR) {
      diags.error(name, 0, 0, "cannot read: " + errno_text(errno));
      return std::nullopt;
    }
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n < 0) {
      diags.error(name, 0, 0, "cannot read: " + errno_text(errno));
      return std::nullopt;
    }
    if (n == 0) return data;
    if (data.size() + static_cast<std::size_t>(n) > limit) {
      diags.error(name, 0, 0,
                  "input is larger than the limit of " + std::to_string(limit) + " bytes" +
                      raise_hint(limit_option));
      return std::nullopt;
    }
    data.append(buffer, static_cast<std::size_t>(n));
  }
}

// Reads the open file `fd` of `path`: a regular file whole, a stream (when
// `streams`) to its end; anything else is refused. Does not close `fd`.
std::optional<std::string> read_open_file(int fd, const std::string& path, std::size_t limit,
                                          diagnostics& diags, std::string_view limit_option,
                                          bool streams) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    diags.error(path, 0, 0, "cannot read file: " + errno_text(errno));
    return std::nullopt;
  }
  if (streams && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
    return read_stream(fd, path, limit, diags, limit_option);
  }
  if (!S_ISREG(st.st_mode)) {
    diags.error(path, 0, 0, not_regular_message(st.st_mode));
    return std::nullopt;
  }
  if (static_cast<std::size_t>(st.st_size) > limit) {
    diags.error(path, 0, 0,
                "file is " + std::to_string(st.st_size) + " bytes; the limit is " +
                    std::to_string(limit) + raise_hint(limit_option));
    return std::nullopt;
  }
  std::string data(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::read(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diags.error(path, 0, 0, "cannot read file: " + errno_text(errno));
      return std::nullopt;
    }
    if (n == 0) break;  // the file shrank while we read it
    done += static_cast<std::size_t>(n);
  }
  data.resize(done);
  return data;
}

std::optional<std::string> open_and_read(const std::string& path, std::size_t limit,
                                         diagnostics& diags, std::string_view limit_option,
                                         bool streams) {
  // O_NONBLOCK: opening a fifo must not wait for a writer that never comes;
  // the type is checked on the open file, so it cannot change in between.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    diags.error(path, 0, 0, "cannot open file: " + errno_text(errno));
    return std::nullopt;
  }
  auto data = read_open_file(fd, path, limit, diags, limit_option, streams);
  ::close(fd);
  return data;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::size_t limit, diagnostics& diags,
                                     std::string_view limit_option) {
  return open_and_read(path, limit, diags, limit_option, false);
}

bool is_standard_stream(std::string_view path) { return path == "-"; }

namespace {
std::atomic<bool> symlinks_followed{false};
}  // namespace

void set_follow_symlinks(bool follow) { symlinks_followed = follow; }
bool follow_symlinks() { return symlinks_followed; }

std::string outside_input_tree(const std::string& path, const std::string& tree) {
  if (follow_symlinks() || is_standard_stream(path) || path.starts_with("/dev/") ||
      path.starts_with("/proc/")) {
    return "";
  }
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec || !fs::is_regular_file(target, ec)) return "";  // the read says what is wrong
  const fs::path root = fs::canonical(tree.empty() ? fs::path(".") : fs::path(tree), ec);
  if (ec) return "";
  auto inside = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  if (inside.first == root.end()) return "";
  return "leads by a symbolic link to " + target.string() + ", outside " +
         (tree.empty() ? std::string(".") : tree) +
         "; inputs are read only inside the directory they were named by (--follow-symlinks "
         "reads it)";
}

std::optional<std::string> read_input(const std::string& path, std::size_t limit,
                                      diagnostics& diags, std::string_view limit_option) {
  if (!is_standard_stream(path)) return open_and_read(path, limit, diags, limit_option, true);
  struct stat st {};
  // Standard input is whatever the user connected, a terminal included.
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
    return read_open_file(STDIN_FILENO, std::string(stdin_name), limit, diags, limit_option, true);
  }
  return read_stream(STDIN_FILENO, std::string(stdin_name), limit, diags, limit_option);
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

namespace {

// When this process started, for telling its temp files from older ones.
const std::time_t process_start = std::time(nullptr);

// True for a name temp_file gives: `.NAME.tmp-` and mkstemp's six characters.
bool is_temp_file_name(std::string_view name) {
  constexpr std::string_view tag = ".tmp-";
  if (name.size() < 1 + 1 + tag.size() + 6 || name[0] != '.') return false;
  std::string_view end = name.substr(name.size() - 6 - tag.size());
  if (end.substr(0, tag.size()) != tag) return false;
  for (char c : end.substr(tag.size())) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// True when the file `name` in `dir_fd` is a temp file a killed run left:
// regular, ours (the owner is us), older than this process, and locked by
// nobody (every temp_file holds a lock while it is written, so a file that
// another run is writing now is left alone). Not followed if a symlink.
bool is_stale_temp_file(int dir_fd, const char* name) {
  int fd = ::openat(dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool stale = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
               st.st_mtime < process_start && ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return stale;
}

// Removes, once per directory and process, the temp files a killed run left
// in `dir` (SIGKILL leaves them; no signal handler runs), nothing else.
void remove_stale_temp_files(const std::string& dir) {
  static std::mutex mutex;
  static std::set<std::string> done;
  {
    std::lock_guard lock(mutex);
    if (!done.insert(dir).second) return;
  }
  DIR* d = ::opendir(dir.empty() ? "." : dir.c_str());
  if (d == nullptr) return;
  const int fd = ::dirfd(d);
  while (const dirent* e = ::readdir(d)) {
    if (is_temp_file_name(e->d_name) && is_stale_temp_file(fd, e->d_name)) {
      ::unlinkat(fd, e->d_name, 0);
    }
  }
  ::closedir(d);
}

}  // namespace

std::optional<temp_file> temp_file::create(const std::string& destination, std::string& error) {
  // lstat, not stat: a symlink destination is replaced by the rename, never
  // written through (a committed `out/x.xml -> ~/.ssh/authorized_keys`).
  struct stat st {};
  const bool exists = ::lstat(destination.c_str(), &st) == 0;
  const bool is_file = exists && S_ISREG(st.st_mode);
  if (exists && S_ISDIR(st.st_mode)) {
    error = "is a directory";
    return std::nullopt;
  }
  if (exists && !is_file && !S_ISLNK(st.st_mode)) {
    // A device or a fifo named as the output; O_NOFOLLOW in case it became a link since.
    int fd = ::open(destination.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      error = errno_text(errno);
      return std::nullopt;
    }
    return temp_file(destination, destination, fd, true);
  }
  fs::path dest(destination);
  fs::path dir = dest.parent_path();
  remove_stale_temp_files(dir.string());
  std::string pattern = (dir.empty() ? std::string() : dir.string() + "/") + "." +
                        dest.filename().string() + ".tmp-XXXXXX";
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    error = errno_text(errno);
    return std::nullopt;
  }
  ::flock(fd, LOCK_EX | LOCK_NB);  // "being written": a later run leaves it alone
  ::fchmod(fd, is_file ? (st.st_mode & 07777) : new_file_mode());
  return temp_file(pattern, destination, fd, false);
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

bool scratch_file::create(std::string_view data, std::string& error, bool in_memory) {
  // An anonymous memory file, named through /proc: nothing on disk to create
  // and remove (a batch makes one per deck), nothing left if the process dies.
  int fd = in_memory ? ::memfd_create("handout-scratch", MFD_CLOEXEC) : -1;
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

bool write_file_atomically(const std::string& path,
                           const std::function<bool(const byte_sink&)>& produce,
                           diagnostics& diags) {
  std::string error;
  auto tmp = temp_file::create(path, error);
  bool write_failed = !tmp;
  if (tmp) {
    const bool produced = produce([&](std::string_view piece) {
      write_failed = !tmp->write(piece, error);
      return !write_failed;
    });
    if (!produced && !write_failed) return false;  // reported by `produce`
    write_failed = write_failed || !tmp->commit(error);
  }
  if (write_failed) {
    diags.error(path, 0, 0, "cannot write file: " + error);
    return false;
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view data, diagnostics& diags) {
  return write_file_atomically(
      path, [&](const byte_sink& out) { return out(data); }, diags);
}

bool output_overwrites_input(const std::string& output, const std::vector<std::string>& inputs,
                             diagnostics& diags) {
  struct stat out {};
  if (output.empty() || ::stat(output.c_str(), &out) != 0) return false;  // a new file
  for (const std::string& input : inputs) {
    struct stat in {};
    if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      diags.error(input, 0, 0,
                  "the output " + output + " would overwrite this input; choose another -o");
      return true;
    }
  }
  return false;
}

namespace {

// Creates one directory (or finds it) and checks that it is a directory and
// not a symlink to one.
bool make_one_directory(const fs::path& dir, diagnostics& diags) {
  std::string problem;
  struct stat st {};
  if (::mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) {
    problem = errno_text(errno);
  } else if (::lstat(dir.c_str(), &st) != 0) {
    problem = errno_text(errno);
  } else if (S_ISLNK(st.st_mode)) {
    diags.error(dir.string(), 0, 0,
                "the output directory is a symbolic link; output directories are not followed "
                "(use the directory it points to)");
    return false;
  } else if (!S_ISDIR(st.st_mode)) {
    problem = "not a directory";
  }
  if (!problem.empty())
    diags.error(dir.string(), 0, 0, "cannot create output directory: " + problem);
  return problem.empty();
}

}  // namespace

bool make_directories(const std::string& path, diagnostics& diags, const std::string& root) {
  // Without a trailing '/': lstat("link/") would follow the link.
  auto trimmed = [](std::string p) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return fs::path(p);
  };
  const fs::path top = trimmed(root.empty() ? path : root);
  std::error_code ec;
  // The user's own directories above `top` may be links (/tmp on some systems).
  if (top.has_parent_path()) fs::create_directories(top.parent_path(), ec);
  if (!make_one_directory(top, diags)) return false;
  fs::path dir = top;
  for (const fs::path& part : trimmed(path).lexically_relative(top)) {
    if (part == ".") continue;
    dir /= part;
    if (!make_one_directory(dir, diags)) return false;
  }
  return true;
}

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace handout
