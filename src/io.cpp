#include "io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace handout {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::size_t limit,
                                     diagnostics& diags) {
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
    diags.error(
        path, 0, 0,
        "file is " + std::to_string(st.st_size) + " bytes; the limit is " + std::to_string(limit));
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

std::optional<temp_file> temp_file::create(const std::string& destination, std::string& error) {
  std::filesystem::path dest(destination);
  std::filesystem::path dir = dest.parent_path();
  std::string pattern = (dir.empty() ? std::string() : dir.string() + "/") + "." +
                        dest.filename().string() + ".tmp-XXXXXX";
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    error = errno_text(errno);
    return std::nullopt;
  }
  ::fchmod(fd, 0644);
  return temp_file(pattern, destination, fd);
}

temp_file::temp_file(temp_file&& other) noexcept
    : path_(std::move(other.path_)),
      destination_(std::move(other.destination_)),
      fd_(other.fd_),
      committed_(other.committed_) {
  other.fd_ = -1;
  other.committed_ = true;  // the moved-from object owns nothing
}

temp_file::~temp_file() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(path_.c_str());
}

bool temp_file::write(std::string_view data, std::string& error) {
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = errno_text(errno);
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
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
  if (::rename(path_.c_str(), destination_.c_str()) != 0) {
    error = errno_text(errno);
    return false;
  }
  committed_ = true;
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
