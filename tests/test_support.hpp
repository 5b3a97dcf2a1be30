// Helpers shared by the test executables.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

// Runs a shell command, capturing its standard output, error and exit status.
inline command_result run(const std::string& command) {
  temp_dir tmp;
  std::string full = command + " >" + (tmp / "out") + " 2>" + (tmp / "err");
  int raw = std::system(full.c_str());
  command_result r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_all(tmp / "out");
  r.err = read_all(tmp / "err");
  return r;
}

// Runs the built CLI with `args` (a shell-quoted string).
inline command_result run_handout(const std::string& args) {
  return run(handout_binary() + " " + args);
}

inline bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace handout::test
