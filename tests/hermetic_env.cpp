// Linked into every test executable: before any test runs, the environment
// is the same whatever the caller's (a CI runner with TERM=dumb and CI=true,
// a developer's shell with NO_COLOR or a Chinese locale). Commands the tests
// run inherit it; a test that needs another value sets it on that command.
#include <cstdlib>
#include <filesystem>

namespace {

struct hermetic_environment {
  hermetic_environment() {
    for (const char* name : {"NO_COLOR",
                             "FORCE_COLOR",
                             "CLICOLOR",
                             "CLICOLOR_FORCE",
                             "COLUMNS",
                             "LINES",
                             "LC_ALL",
                             "LC_CTYPE",
                             "LC_MESSAGES",
                             "LANGUAGE",
                             "SOURCE_DATE_EPOCH",
                             "HANDOUT_STYLE_PATH",
                             "CI",
                             "GITHUB_ACTIONS",
                             "GITHUB_STEP_SUMMARY",
                             "GITLAB_CI",
                             "XDG_CONFIG_HOME",
                             "XDG_DATA_HOME",
                             "XDG_CACHE_HOME",
                             "FONTCONFIG_FILE",
                             "FONTCONFIG_PATH",
                             "http_proxy",
                             "https_proxy",
                             "HTTP_PROXY",
                             "HTTPS_PROXY",
                             "ALL_PROXY",
                             "all_proxy",
                             "no_proxy",
                             "NO_PROXY"}) {
      unsetenv(name);
    }
    setenv("TERM", "xterm-256color", 1);  // what `script` gives a terminal test
    setenv("LANG", "C.UTF-8", 1);
    setenv("TZ", "UTC", 1);
    // No user fonts, fontconfig settings or caches of the caller's.
    auto home = std::filesystem::temp_directory_path() / "handout-test-home";
    std::error_code ec;
    std::filesystem::create_directories(home, ec);
    setenv("HOME", home.c_str(), 1);
  }
};

const hermetic_environment instance;

}  // namespace
