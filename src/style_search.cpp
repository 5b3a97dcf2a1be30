#include "style_search.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#ifndef HANDOUT_INSTALL_STYLES_DIR
#define HANDOUT_INSTALL_STYLES_DIR "/usr/local/share/handout/styles"
#endif

namespace handout {

namespace fs = std::filesystem;

std::vector<std::string> style_directories() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("HANDOUT_STYLE_PATH")) {
    std::string list = env;
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t colon = list.find(':', start);
      std::string dir = list.substr(start, colon == std::string::npos ? colon : colon - start);
      if (!dir.empty()) dirs.push_back(dir);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path bin = exe.parent_path();
    dirs.push_back((bin.parent_path() / "share/handout/styles").string());
    dirs.push_back((bin.parent_path() / "styles").string());
  }
  dirs.push_back(HANDOUT_INSTALL_STYLES_DIR);
  return dirs;
}

std::optional<std::string> find_style(const std::string& name_or_path, diagnostics& diags) {
  const fs::path p(name_or_path);
  if (name_or_path.find('/') != std::string::npos || p.extension() == ".yaml" ||
      p.extension() == ".yml") {
    return name_or_path;
  }
  std::set<std::string> known;
  for (const auto& dir : style_directories()) {
    std::error_code ec;
    fs::path candidate = fs::path(dir) / (name_or_path + ".yaml");
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.path().extension() == ".yaml") known.insert(e.path().stem().string());
    }
  }
  std::string names;
  for (const auto& n : known) names += (names.empty() ? "" : ", ") + n;
  diags.error("handout", 0, 0,
              "no style named '" + name_or_path + "'" +
                  (names.empty() ? std::string("; no installed styles were found")
                                 : "; the styles are: " + names) +
                  " (or give a style file)");
  return std::nullopt;
}

}  // namespace handout
