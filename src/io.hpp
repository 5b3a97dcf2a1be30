// File input and atomic file output.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace handout {

// Reads a whole regular file of at most `limit` bytes. A fifo, device or
// socket is refused at once, never waited on. On failure reports
// `PATH: error: …` and returns nothing.
// `limit_option` names the option that raises the limit, for the message.
std::optional<std::string> read_file(const std::string& path, std::size_t limit, diagnostics& diags,
                                     std::string_view limit_option = {});

// True for `-`, the name of standard input (or output) on a command line.
bool is_standard_stream(std::string_view path);

// How diagnostics name standard input.
inline constexpr std::string_view stdin_name = "<stdin>";

// Reads an input the user named on the command line: a regular file like
// read_file, or a stream read to its end (at most `limit` bytes): `-`
// (standard input), a pipe or fifo (`/dev/stdin`, `<(…)`, `mkfifo`). Devices
// are still refused.
std::optional<std::string> read_input(const std::string& path, std::size_t limit,
                                      diagnostics& diags, std::string_view limit_option = {});

// Whether inputs may be symbolic links leading anywhere (`--follow-symlinks`);
// by default they may not leave their input tree. Set once, before any
// input is read.
void set_follow_symlinks(bool follow);
bool follow_symlinks();

// Why `path` may not be read as an input of the directory `tree` (the
// directory named on the command line that it was found in, or for a file
// named there, its own directory), or "" when it may: a deck, sidecar or
// style that is, or lies below, a symbolic link whose target is outside
// `tree` is refused unless follow_symlinks(), so that a committed link to
// /etc/shadow or ~/.ssh is never read into a report or a CI log. Streams
// (`-`, pipes, /dev/stdin) and paths that do not exist are left to the read.
std::string outside_input_tree(const std::string& path, const std::string& tree);

// Why `path` is not a regular file to read ("not found", "is a fifo, not a
// regular file"), or "" when it is one.
std::string not_a_regular_file(const std::string& path);

// A private temporary file in the destination's directory. commit() renames
// it onto the destination; otherwise the destructor removes it, so a failed
// or interrupted write never leaves a half-written destination. A symlink
// destination is replaced by the new file, never written through; an existing
// file keeps its mode. A device or a fifo named as the destination is written
// directly.
class temp_file {
 public:
  // Creates the file; on failure returns nothing and sets `error`.
  static std::optional<temp_file> create(const std::string& destination, std::string& error);

  temp_file(temp_file&& other) noexcept;
  temp_file& operator=(temp_file&&) = delete;
  temp_file(const temp_file&) = delete;
  ~temp_file();

  // The path to write to (the destination itself when written directly).
  const std::string& path() const { return path_; }
  bool write(std::string_view data, std::string& error);
  // Closes the file and renames it onto the destination.
  bool commit(std::string& error);

 private:
  temp_file(std::string path, std::string destination, int fd, bool direct);
  std::string path_;
  std::string destination_;
  int fd_ = -1;
  bool direct_ = false;
  bool committed_ = false;
  char* registered_ = nullptr;  // our entry in the signal-time clean-up list
};

// A private file for a library that reads from a path (a font subset for
// libharu): an anonymous memory file where the system has them, else a file
// in the temp directory, removed when destroyed and on the signals below
// like a temp_file.
class scratch_file {
 public:
  scratch_file() = default;
  scratch_file(const scratch_file&) = delete;
  scratch_file& operator=(const scratch_file&) = delete;
  ~scratch_file();
  // Creates the file holding `data`; on failure returns false and sets `error`.
  // `in_memory` false puts it in the temp directory always, for a large file
  // that should not hold memory (libharu's whole PDF, read back once).
  bool create(std::string_view data, std::string& error, bool in_memory = true);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;                 // the memory file, kept open while in use
  char* registered_ = nullptr;  // the temp file, to remove
};

// Makes SIGINT, SIGTERM and SIGHUP remove the temp files being written before
// the process dies of the signal. Call once, early in main().
void remove_temp_files_on_signals();

// Lists the files that temp_file::commit() writes on the calling thread while
// it is alive (the batch records each deck's outputs this way). Recorders nest.
class output_recorder {
 public:
  output_recorder();
  output_recorder(const output_recorder&) = delete;
  output_recorder& operator=(const output_recorder&) = delete;
  ~output_recorder();

  const std::vector<std::string>& files() const { return files_; }

 private:
  friend class temp_file;
  std::vector<std::string> files_;
  output_recorder* previous_ = nullptr;
};

// Where bytes go, piece by piece; false stops the writing.
using byte_sink = std::function<bool(std::string_view)>;

// Writes to `path` through a temp_file what `produce` passes to its sink,
// in pieces. When `produce` returns false or a write fails, returns false
// and `path` is untouched; a failed write is reported as `PATH: error:
// cannot write file: …` (`produce` reports its own errors).
bool write_file_atomically(const std::string& path,
                           const std::function<bool(const byte_sink&)>& produce,
                           diagnostics& diags);

// Writes `data` to `path` the same way.
bool write_file_atomically(const std::string& path, std::string_view data, diagnostics& diags);

// True, with an error at the input, when `output` is one of `inputs`: the same
// file by device and inode (another name, a hard link or a symlink to it).
bool output_overwrites_input(const std::string& output, const std::vector<std::string>& inputs,
                             diagnostics& diags);

// Creates the directory `path` and its parents; reports an error on failure.
// `path`, and every directory from `root` (an ancestor of `path`, or `path`
// itself when empty) down to it, must not be a symbolic link: output
// directories are refused, not followed.
bool make_directories(const std::string& path, diagnostics& diags, const std::string& root = {});

// The extension of `path`'s file name, lower-cased (`talk.PPTX` → `.pptx`):
// what every reader and the directory walk decide a file's kind by.
std::string lower_extension(const std::string& path);

}  // namespace handout
