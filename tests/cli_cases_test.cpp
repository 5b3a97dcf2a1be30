// The command cases of tests/cli/ (format: tests/cli/README.md): one test per
// case file, found when the executable starts, each run in a fresh directory
// and compared byte for byte; HANDOUT_ACCEPT=1 rewrites their expectations.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "cli_case.hpp"
#include "test_support.hpp"

namespace handout::test::cli {
namespace {

namespace fs = std::filesystem;

std::string cases_dir() { return source_dir() + "/tests/cli"; }

// The PATH entry that makes `handout` the built binary: a directory holding
// only a link to it, removed when the tests end.
const std::string& bin_dir() {
  static const temp_dir dir;
  static const bool linked = [] {
    fs::create_symlink(handout_binary(), dir / "handout");
    return true;
  }();
  (void)linked;
  return dir.path();
}

// Every path below `root`, sorted, a directory with a trailing slash.
std::string list_files(const std::string& root) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    // lexically: fs::relative resolves symlinks, which would list a link as its target.
    std::string path = e.path().lexically_relative(root).generic_string();
    if (e.symlink_status().type() == fs::file_type::directory) path += '/';
    paths.push_back(std::move(path));
  }
  std::sort(paths.begin(), paths.end());
  std::string out;
  for (const auto& p : paths) out += p + "\n";
  return out;
}

// `text` with the source tree's path written as $SRCDIR, as a case writes it.
std::string with_placeholders(std::string text) {
  const std::string src = source_dir();
  for (std::size_t at = text.find(src); at != std::string::npos; at = text.find(src, at)) {
    text.replace(at, src.size(), "$SRCDIR");
  }
  return text;
}

// Creates the case's files in a fresh directory and runs its command there
// with `sh`, its stdin block (or nothing) as standard input.
outcome run_case(const case_file& c) {
  temp_dir work, aux;
  for (const block* f : c.all("file")) {
    fs::path path = fs::path(work.path()) / f->name;
    fs::create_directories(path.parent_path());
    write_all(path, f->content);
  }
  write_all(aux / "command", c.find("command")->content);
  const block* in = c.find("stdin");
  write_all(aux / "stdin", in ? in->content : "");
  auto r = run("cd " + quote(work.path()) + " && PATH=" + quote(bin_dir()) + ":\"$PATH\" SRCDIR=" +
               quote(source_dir()) + " sh " + quote(aux / "command") + " <" + quote(aux / "stdin"));
  outcome o;
  o.out = with_placeholders(r.out);
  o.err = with_placeholders(r.err);
  if (c.find("files")) o.files = list_files(work.path());
  o.status = r.status;
  return o;
}

class cli_case_test : public testing::Test {
 public:
  explicit cli_case_test(fs::path path) : path_(std::move(path)) {}

  void TestBody() override {
    const std::string name = "tests/cli/" + path_.filename().string();
    std::string error;
    const std::string text = read_all(path_);
    auto c = parse_case(text, error);
    if (!c) {
      ADD_FAILURE_AT(path_.c_str(), 1) << name << ": " << error;
      return;
    }
    const outcome got = run_case(*c);
    if (accepting()) {
      std::string accepted = write_case(with_expectations(*c, got));
      if (accepted != text) write_all(path_, accepted);
      return;
    }
    std::string report;
    auto compare = [&](const char* kind, const std::string& actual) {
      const block* b = c->find(kind);
      const std::string expected = b ? b->content : "";
      if (actual != expected) {
        report += std::string(kind) + " differs:\n" + diff(expected, actual);
      }
    };
    compare("stdout", got.out);
    compare("stderr", got.err);
    if (got.files) compare("files", *got.files);
    const block* exit = c->find("exit");
    if (!exit) {
      report += "no exit block: the case was never accepted\n";
    } else if (std::stoi(exit->content) != got.status) {
      report += "exit status " + std::to_string(got.status) + ", expected " +
                std::to_string(std::stoi(exit->content)) + "\n";
    }
    if (!report.empty()) {
      ADD_FAILURE_AT(path_.c_str(), 1)
          << name << " fails; if the change is intended, rerun with HANDOUT_ACCEPT=1 "
          << "and review the diff.\ncommand:\n"
          << c->find("command")->content << report;
    }
  }

 private:
  fs::path path_;
};

std::vector<fs::path> case_paths() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cases_dir(), ec)) {
    if (e.path().extension() == ".md" && e.path().filename() != "README.md") {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// One test a case, CliCase.NAME: the file name without .md, with `_` for
// `-` (a `-` in --gtest_filter starts the patterns to leave out).
const bool registered = [] {
  for (const fs::path& path : case_paths()) {
    std::string name = path.stem().string();
    std::replace(name.begin(), name.end(), '-', '_');
    testing::RegisterTest("CliCase", name.c_str(), nullptr, nullptr, path.c_str(), 1,
                          [path]() -> testing::Test* { return new cli_case_test(path); });
  }
  return true;
}();

TEST(CliCases, AreFoundAndNamedInLowercaseWithHyphens) {
  const auto paths = case_paths();
  EXPECT_GE(paths.size(), 30u) << cases_dir();
  const std::regex name(R"([a-z0-9]+(-[a-z0-9]+)*\.md)");
  for (const auto& p : paths) {
    EXPECT_TRUE(std::regex_match(p.filename().string(), name)) << p;
  }
}

// ---- the format itself --------------------------------------------------------

case_file parsed(const std::string& text) {
  std::string error;
  auto c = parse_case(text, error);
  EXPECT_TRUE(c.has_value()) << error;
  return c.value_or(case_file{});
}

TEST(CaseFormat, BlocksHoldTheirBytesAndProseIsKept) {
  const std::string text =
      "# title\n\nprose\n\n```file sub/my deck.txt\n a\n\n```\n\n```file raw.txt no-eol\nx\n```\n"
      "```file empty.txt\n```\n```command\nhandout parse a.txt\n```\n\n````stdout\n```\n````\n\n"
      "```exit\n2\n```\n";
  case_file c = parsed(text);
  ASSERT_EQ(c.all("file").size(), 3u);
  EXPECT_EQ(c.all("file")[0]->name, "sub/my deck.txt");
  EXPECT_EQ(c.all("file")[0]->content, " a\n\n");
  EXPECT_EQ(c.all("file")[1]->content, "x");
  EXPECT_EQ(c.all("file")[2]->content, "");
  EXPECT_EQ(c.find("stdout")->content, "```\n");
  EXPECT_EQ(write_case(c), text);
}

TEST(CaseFormat, MistakesAreErrorsAtTheirLine) {
  for (const auto& [text, message] : std::vector<std::pair<std::string, std::string>>{
           {"```command\nx\n```\n```stdot\n```\n", "line 4: unknown block 'stdot'"},
           {"```command\nx\n", "line 1: the block is not closed"},
           {"```file\n```\n```command\nx\n```\n", "line 1: a file block needs a name"},
           {"```file ../x\n```\n```command\nx\n```\n", "not a relative path"},
           {"```file /x\n```\n```command\nx\n```\n", "not a relative path"},
           {"```file a\n```\n```file a\n```\n```command\nx\n```\n", "file 'a' given twice"},
           {"prose\n", "exactly one command block, not 0"},
           {"```command\nx\n```\n```exit\ntwo\n```\n", "the exit block holds one number"},
           {"```command\nx\n```\n```stdout\n```\n```stdout\n```\n", "more than one stdout"}}) {
    std::string error;
    EXPECT_FALSE(parse_case(text, error).has_value()) << text;
    EXPECT_NE(error.find(message), std::string::npos) << error;
  }
}

TEST(CaseFormat, AcceptingPutsTheExpectationsLastAndIsStable) {
  const std::string text =
      "# t\n\n```command\nhandout x\n```\n\n```exit\n0\n```\n\nnote\n\n```stderr\nold\n```\n\n"
      "```files\n```\n\n";
  outcome o{"out\n", "", std::string("a.txt\nout/\n"), 2};
  const std::string once = write_case(with_expectations(parsed(text), o));
  EXPECT_EQ(once,
            "# t\n\n```command\nhandout x\n```\n\nnote\n\n```stdout\nout\n```\n\n```files\na.txt\n"
            "out/\n```\n\n```exit\n2\n```\n");
  EXPECT_EQ(write_case(with_expectations(parsed(once), o)), once);
  o.out = "no newline";
  EXPECT_NE(
      write_case(with_expectations(parsed(once), o)).find("```stdout no-eol\nno newline\n```"),
      std::string::npos);
}

}  // namespace
}  // namespace handout::test::cli
