// The command line where a command case (tests/cli/) cannot say it: the man
// page against every --help, sanitizer reports, outputs through symlinks and
// fifos, signals, and directories that cannot be written.
#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "test_support.hpp"

namespace handout {
namespace {

namespace fs = std::filesystem;
using test::run_handout;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string sample() { return test::source_dir() + "/input/ai-2019-review.txt"; }

// Every file below `dir`, so that a test can check nothing else was written;
// the run's own records (summary, manifest: tests/batch_test.cpp) aside.
std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename();
    if (name == "summary.md" || name == "summary.json" || name == ".handout-manifest.json")
      continue;
    out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The options a help text lists: lines that start with two spaces and an
// option (`  -o, --output FILE`).
std::set<std::string> help_options(const std::string& help) {
  static const std::regex entry(R"(^  (-{1,2}[a-zA-Z][a-z0-9-]*)(, (--[a-z][a-z0-9-]*))?)");
  std::set<std::string> out;
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, entry)) continue;
    out.insert(m[1]);
    if (m[3].matched) out.insert(m[3]);
  }
  return out;
}

// The options that the man page's section `.SH NAME` lists: the options on
// the first line of each `.TP` entry.
std::set<std::string> man_options(const std::string& man, const std::string& name) {
  std::size_t start = man.find("\n.SH " + name + "\n");
  if (start == std::string::npos) return {};
  std::size_t end = man.find("\n.SH ", start + 1);
  std::istringstream in(man.substr(start, end - start));
  static const std::regex option(R"((^|\s)(-{1,2}[a-zA-Z][a-z0-9-]*))");
  std::set<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line != ".TP" || !std::getline(in, line)) continue;
    line = std::regex_replace(line, std::regex(R"(\\-)"), "-");
    for (std::sregex_iterator m(line.begin(), line.end(), option), e; m != e; ++m) {
      out.insert((*m)[2]);
    }
  }
  return out;
}

// The man page the build wrote beside the CLI from docs/handout.1.in.
std::string man_page_path() { return fs::path(test::handout_binary()).parent_path() / "handout.1"; }

TEST(ManPage, ListsExactlyTheOptionsOfEveryHelp) {
  const std::string man = test::read_all(man_page_path());
  const std::vector<std::pair<std::string, std::vector<std::string>>> sections = {
      {"--help", {"OPTIONS"}},
      {"parse --help", {"PARSE OPTIONS"}},
      {"convert --help", {"CONVERT OPTIONS", "ONLINE OPTIONS"}},
      {"links --help", {"LINKS OPTIONS", "ONLINE OPTIONS"}}};
  for (const auto& [command, names] : sections) {
    std::set<std::string> documented;
    for (const auto& name : names) documented.merge(man_options(man, name));
    auto help = help_options(run_handout(command).out);
    EXPECT_FALSE(help.empty()) << command;
    EXPECT_EQ(help, documented) << "handout " << command << " vs " << man_page_path();
  }
}

TEST(ManPage, FormatsWithoutWarningsAndHasNoMarkerLeft) {
  if (!test::have_program("groff")) GTEST_SKIP() << "needs groff";
  auto r = test::run("groff -man -ww -z " + test::quote(man_page_path()));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(test::read_all(man_page_path()), ::testing::Not(HasSubstr("@OPTIONS")));
}

TEST(Sanitizers, AReportOfACommandFailsTheTestAndStaysOutOfItsStderr) {
#ifndef HANDOUT_SANITIZER_FAULT
  GTEST_SKIP() << "only in the sanitizer build";
#else
  static test::command_result r;  // EXPECT_NONFATAL_FAILURE sees no locals
  EXPECT_NONFATAL_FAILURE(r = test::run(HANDOUT_SANITIZER_FAULT), "heap-buffer-overflow");
  EXPECT_NE(r.status, 0);
  EXPECT_EQ(r.out, "before the fault\n");
  EXPECT_EQ(r.err, "");
#endif
}

TEST(Cli, OutputKeepsTheFileModeOfTheFileItReplaces) {
  test::temp_dir dir;
  test::write_all(dir / "out.xml", "old");
  fs::permissions(dir / "out.xml", fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(run_handout("parse " + sample() + " -o " + (dir / "out.xml")).status, 0);
  EXPECT_THAT(test::read_all(dir / "out.xml"), StartsWith("<?xml"));
  EXPECT_EQ(fs::status(dir / "out.xml").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
}

// A pull request that commits `out/talk.xml -> ~/.ssh/authorized_keys` must
// not make CI overwrite that file: an output that is a symlink is replaced by
// the new file, and the file it pointed to is left alone.
TEST(Cli, OutputSymlinkIsReplacedNeverWrittenThrough) {
  test::temp_dir dir;
  test::write_all(dir / "victim", "keep me");
  for (const char* out : {"out1", "out2", "out3"}) fs::create_directories(dir / out);
  const std::string convert = "convert " + sample() + " -q -o " + dir.path();
  const std::vector<std::pair<std::string, std::string>> writes = {
      {"parse.xml", "parse " + sample() + " -o " + (dir / "parse.xml")},
      {"links.txt", "links " + sample() + " -o " + (dir / "links.txt")},
      {"out1/ai-2019-review.xml", convert + "/out1 --formats xml"},
      {"out2/ai-2019-review.pdf", convert + "/out2 --formats pdf"},
      {"out3/summary.md", convert + "/out3 --formats xml"},
  };
  for (const auto& [output, command] : writes) {
    fs::create_symlink(dir / "victim", dir / output);
    auto r = run_handout(command);
    EXPECT_NE(r.status, 2) << output << ": " << r.err;
    EXPECT_FALSE(fs::is_symlink(dir / output)) << output;
    EXPECT_GT(fs::file_size(dir / output), 0u) << output;
    EXPECT_EQ(test::read_all(dir / "victim"), "keep me") << output << " wrote through its link";
  }
}

// Output directories are never followed: OUT, or a folder below it, that is a
// symlink is an error, and nothing is written where it points.
TEST(Cli, OutputDirectorySymlinkIsRefused) {
  test::temp_dir dir;
  fs::create_directories(dir / "elsewhere");
  fs::create_directories(dir / "in/sub");
  fs::copy_file(sample(), dir / "in/sub/deck.txt");
  fs::create_directory_symlink(dir / "elsewhere", dir / "linked");
  auto r = run_handout("convert " + (dir / "in") + " -o " + (dir / "linked") + " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, (dir / "linked") +
                       ": error: the output directory is a symbolic link; output directories are "
                       "not followed (use the directory it points to)\n");
  fs::create_directories(dir / "out");
  fs::create_directory_symlink(dir / "elsewhere", dir / "out/sub");
  r = run_handout("convert " + (dir / "in") + " -o " + (dir / "out") + " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err,
              HasSubstr((dir / "out/sub") + ": error: the output directory is a symbolic link"));
  EXPECT_TRUE(fs::is_empty(dir / "elsewhere"));
}

TEST(Cli, OutputToAFifoIsWrittenThrough) {
  test::temp_dir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  auto r = test::run("(cat " + (dir / "fifo") + " > " + (dir / "got") + " &) ; " +
                     test::handout_binary() + " parse " + sample() + " -o " + (dir / "fifo") +
                     "; sleep 0.2");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_EQ(test::read_all(dir / "got"), run_handout("parse " + sample()).out);
}

// A fifo as the deck's sidecar, the style or a font, or a device as the deck,
// blocked the run forever (open waits for a writer); each is refused at once.
// (A fifo named as the deck is read as a stream: the next test.)
// `timeout` turns a hang into a failure instead of a stuck test.
TEST(Cli, FifoOrDeviceInputIsRefusedAtOnceNeverWaitedOn) {
  test::temp_dir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo.txt").c_str(), 0600), 0);
  test::write_all(dir / "deck.txt", " T\n\u2022 x\n");
  ASSERT_EQ(::mkfifo((dir / "deck.meta.yaml").c_str(), 0600), 0);
  test::write_all(dir / "plain.txt", " T\n\u2022 x\n");
  test::write_all(dir / "font-style.yaml", "fonts: [" + (dir / "fifo.txt") + "]\n");
  const std::string bin = "timeout 20 " + test::handout_binary();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {bin + " parse " + (dir / "deck.txt"),
       (dir / "deck.meta.yaml") + ": error: is a fifo, not a regular file\n"},
      {bin + " parse /dev/zero", "/dev/zero: error: is a character device, not a regular file\n"},
      {bin + " convert " + (dir / "plain.txt") + " -o " + (dir / "out") +
           " --formats xml --style " + (dir / "fifo.txt"),
       (dir / "fifo.txt") + ": error: is a fifo, not a regular file\n"},
      {bin + " convert " + (dir / "plain.txt") + " -o " + (dir / "out") +
           " --formats pdf -q --style " + (dir / "font-style.yaml"),
       (dir / "fifo.txt") + ": error: font file is a fifo, not a regular file\n"},
  };
  for (const auto& [command, err] : cases) {
    auto r = test::run(command);
    EXPECT_EQ(r.status, 2) << command;
    EXPECT_EQ(r.err, err) << command;
  }
}

// A fifo named on the command line is a stream, as for cat: it is read to its
// end once a writer comes, for parse, links and convert alike.
TEST(Cli, FifoNamedOnTheCommandLineIsReadAsAStream) {
  test::temp_dir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo.txt").c_str(), 0600), 0);
  const std::string writer = "(sleep 0.3; cat " + sample() + " > " + (dir / "fifo.txt") + ") & ";
  const std::string bin = "timeout 20 " + test::handout_binary();
  auto r = test::run(writer + bin + " parse " + (dir / "fifo.txt"));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("<slide"));
  r = test::run(writer + bin + " convert " + (dir / "fifo.txt") + " -o " + (dir / "out") +
                " --formats xml -q");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/fifo.xml"));
}

// One fifo deck or sidecar in a directory stalled the whole `convert DIR`: a
// fifo found by walking is skipped with a warning, a fifo sidecar fails its
// own deck, and the other decks are converted.
TEST(Cli, FifoFoundWhileWalkingADirectoryIsSkippedAndTheOthersConverted) {
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  ASSERT_EQ(::mkfifo((dir / "in/fifo.txt").c_str(), 0600), 0);
  test::write_all(dir / "in/deck.txt", " T\n\u2022 x\n");
  ASSERT_EQ(::mkfifo((dir / "in/deck.meta.yaml").c_str(), 0600), 0);
  test::write_all(dir / "in/plain.txt", " T\n\u2022 x\n");
  auto r = test::run("timeout 20 " + test::handout_binary() + " convert " + (dir / "in") + " -o " +
                     (dir / "out") + " --formats xml -q");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr((dir / "in/fifo.txt") +
                               ": warning: is a fifo, not a regular file; skipped"));
  EXPECT_THAT(r.err,
              HasSubstr((dir / "in/deck.meta.yaml") + ": error: is a fifo, not a regular file"));
  EXPECT_TRUE(fs::exists(dir / "out/plain.xml"));
  EXPECT_FALSE(fs::exists(dir / "out/fifo.xml"));
}

TEST(Cli, InterruptedWriteLeavesNoTempFile) {
  test::temp_dir dir;
  std::string deck = " T\n";
  for (int i = 0; i < 400000; ++i) deck += "• bullet number " + std::to_string(i) + "\n";
  test::write_all(dir / "big.txt", deck);
  auto r = test::run(test::handout_binary() + " parse " + (dir / "big.txt") + " -o " +
                     (dir / "big.xml") + " & pid=$!; sleep 0.15; kill -TERM $pid; wait $pid");
  EXPECT_NE(r.status, 0) << "the run ended before the signal; make the deck larger";
  for (const auto& f : files_in(dir.path())) EXPECT_THAT(f, ::testing::Not(HasSubstr(".tmp-")));
}

// An existing directory that cannot be written, even by root: immutable
// where the file system allows it (root ignores permission bits).
class UnwritableDir {
 public:
  explicit UnwritableDir(const std::string& path) : path_(path) {
    fs::create_directory(path);
    ok_ = geteuid() == 0
              ? test::run("chattr +i " + path).status == 0
              : (fs::permissions(path, fs::perms::owner_read | fs::perms::owner_exec), true);
  }
  ~UnwritableDir() {
    if (geteuid() == 0) test::run("chattr -i " + path_);
    fs::permissions(path_, fs::perms::owner_all);
  }
  bool ok() const { return ok_; }

 private:
  std::string path_;
  bool ok_ = false;
};

TEST(Cli, UnwritableOutputDirectoryIsAnErrorAndLeavesNothing) {
  test::temp_dir dir;
  UnwritableDir locked(dir / "out");
  if (!locked.ok()) GTEST_SKIP() << "cannot make a directory unwritable here (chattr +i failed)";
  auto r = run_handout("convert " + sample() + " -o " + (dir / "out") + " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, StartsWith(dir / "out/ai-2019-review.xml: error: cannot write file: "));
  EXPECT_TRUE(files_in(dir / "out").empty());
}

TEST(Cli, FailedWriteKeepsThePreviousOutputWhole) {
  test::temp_dir dir;
  ASSERT_EQ(run_handout("convert " + sample() + " -o " + (dir / "out") + " --formats xml").status,
            0);
  std::string before = test::read_all(dir / "out/ai-2019-review.xml");
  UnwritableDir locked(dir / "out");
  if (!locked.ok()) GTEST_SKIP() << "cannot make a directory unwritable here (chattr +i failed)";
  test::write_all(dir / "ai-2019-review.txt", " changed\n• x\n");
  auto r = run_handout("convert " + (dir / "ai-2019-review.txt") + " -o " + (dir / "out") +
                       " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(test::read_all(dir / "out/ai-2019-review.xml"), before);
  EXPECT_THAT(files_in(dir / "out"), ::testing::ElementsAre("ai-2019-review.xml"));
}

}  // namespace
}  // namespace handout
