// Helpers shared by the test executables.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace handout::test {

// The source tree, the built CLI, and the workplace's shared data.
inline std::string source_dir() { return HANDOUT_SOURCE_DIR; }
inline std::string handout_binary() { return HANDOUT_BINARY; }
inline std::string data_path(const std::string& name) {
  return source_dir() + "/tests/data/" + name;
}
inline std::string shared_dir() { return source_dir() + "/../shared"; }

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_all(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

// A fresh, empty directory for one test, removed afterwards.
class temp_dir {
 public:
  temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "handout-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct command_result {
  int status = -1;
  std::string out;
  std::string err;
};

// The base64url encoding of `bytes` (RFC 4648 §5), with or without `=` padding.
inline std::string base64url(const std::string& bytes, bool padded) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    if (i + 1 < bytes.size() || padded) out += i + 1 < bytes.size() ? table[(n >> 6) & 63] : '=';
    if (i + 2 < bytes.size() || padded) out += i + 2 < bytes.size() ? table[n & 63] : '=';
  }
  return out;
}

// A path or argument quoted for the shell (paths here hold no single quote).
inline std::string quote(const std::string& s) { return "'" + s + "'"; }

#ifdef HANDOUT_TEST_SANITIZED
// In the sanitizer build, the commands a test runs write their sanitizer
// reports to files in `dir`, not to the stderr the test compares; each
// report found afterwards fails the test.
class sanitizer_reports {
 public:
  explicit sanitizer_reports(const std::string& dir) : prefix_(dir + "/sanitizer") {
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS"}) {
      const char* value = std::getenv(name);
      saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
      std::string options = value && *value ? std::string(value) + ":" : "";
      setenv(name, (options + "log_path=" + prefix_).c_str(), 1);
    }
  }
  ~sanitizer_reports() {
    for (const auto& [name, value] : saved_) {
      if (value) {
        setenv(name, value->c_str(), 1);
      } else {
        unsetenv(name);
      }
    }
  }
  void check(const std::string& command) const {
    auto dir = std::filesystem::path(prefix_).parent_path();
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().filename().string().starts_with("sanitizer.")) {
        ADD_FAILURE() << "sanitizer report from `" << command << "`:\n" << read_all(entry.path());
      }
    }
  }

 private:
  std::string prefix_;
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};
#endif

// Runs a shell command, capturing its standard output, error and exit status.
inline command_result run(const std::string& command) {
  temp_dir tmp;
#ifdef HANDOUT_TEST_SANITIZED
  sanitizer_reports reports(tmp.path());
#endif
  std::string full = command + " >" + (tmp / "out") + " 2>" + (tmp / "err");
  int raw = std::system(full.c_str());
  command_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_all(tmp / "out");
  r.err = read_all(tmp / "err");
#ifdef HANDOUT_TEST_SANITIZED
  reports.check(command);
#endif
  return r;
}

// Runs the built CLI with `args` (a shell-quoted string).
inline command_result run_handout(const std::string& args) {
  return run(handout_binary() + " " + args);
}

// HANDOUT_ACCEPT=1 (any value but empty or 0): the golden files and the
// command cases (tests/cli/) are rewritten from what the code now gives,
// for review with git diff, instead of being compared.
inline bool accepting() {
  const char* value = std::getenv("HANDOUT_ACCEPT");
  return value != nullptr && *value != '\0' && std::string(value) != "0";
}

// A unified diff from `expected` to `actual` (diff -u), at most `max_lines`
// lines of it, for failure messages.
inline std::string diff(const std::string& expected, const std::string& actual,
                        std::size_t max_lines = 200) {
  temp_dir dir;
  write_all(dir / "expected", expected);
  write_all(dir / "actual", actual);
  std::istringstream in(run("diff -u --label expected --label actual " + quote(dir / "expected") +
                            " " + quote(dir / "actual"))
                            .out);
  std::string out, line;
  std::size_t n = 0;
  for (; std::getline(in, line); ++n) {
    if (n < max_lines) out += line + "\n";
  }
  if (n > max_lines) out += "… " + std::to_string(n - max_lines) + " more lines of diff\n";
  return out;
}

// Compares `actual` with the reviewed file `golden` (a path in the source
// tree), or rewrites that file when accepting().
inline void expect_golden(const std::string& golden, const std::string& actual) {
  if (accepting()) {
    if (read_all(golden) != actual) write_all(golden, actual);
    return;
  }
  const std::string expected = read_all(golden);
  if (actual != expected) {
    ADD_FAILURE() << golden << " differs from the output; if the change is intended, rerun with "
                  << "HANDOUT_ACCEPT=1 and review the diff:\n"
                  << diff(expected, actual);
  }
}

inline bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace handout::test
