// The command line, run as a user runs it: arguments, outputs, messages, exit codes.
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

TEST(Cli, VersionPrintsTheVersion) {
  auto r = run_handout("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(r.out, StartsWith("handout "));
}

TEST(Cli, EverySubcommandHasHelp) {
  for (const char* args : {"--help", "parse --help", "convert --help", "convert -h"}) {
    auto r = run_handout(args);
    EXPECT_EQ(r.status, 0) << args;
    EXPECT_THAT(r.out, StartsWith("usage: handout")) << args;
  }
  EXPECT_THAT(run_handout("convert --help").out, HasSubstr("xml *"));
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
std::string man_page_path() {
  return fs::path(test::handout_binary()).parent_path() / "handout.1";
}

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

TEST(Cli, UsageErrorsExitWithTwo) {
  for (const char* args :
       {"", "frobnicate", "parse", "parse a b", "parse --bogus x", "convert x.txt",
        "convert -o out", "convert x.txt -o out --formats xml,nope"}) {
    auto r = run_handout(args);
    EXPECT_EQ(r.status, 2) << args;
    EXPECT_FALSE(r.err.empty()) << args;
  }
  EXPECT_THAT(run_handout("convert x.txt -o out --formats nope").err,
              HasSubstr("handout: error: unknown format 'nope'"));
}

TEST(Cli, ParseWritesTheIntermediateToStdout) {
  auto r = run_handout("parse " + sample());
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(r.out, StartsWith("<?xml version=\"1.0\"?>\n<report version=\"1\""));
  EXPECT_EQ(r.err, "");
}

TEST(Cli, ParseWritesAFileWithDashO) {
  test::temp_dir dir;
  auto r = run_handout("parse " + sample() + " -o " + (dir / "s.xml"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(test::read_all(dir / "s.xml"), run_handout("parse " + sample()).out);
}

TEST(Cli, ConvertWritesNameXmlForEachTxtOfADirectory) {
  test::temp_dir in, out;
  fs::copy_file(sample(), in / "a.txt");
  fs::copy_file(test::data_path("english-deck.txt"), in / "b.txt");
  test::write_all(in / "notes.md", "not a deck");
  auto r = run_handout("convert " + in.path() + " -o " + (out / "sub") + " --formats xml");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(files_in(out / "sub"), ::testing::ElementsAre("a.xml", "b.xml"));
}

TEST(Cli, ConvertAcceptsAnIntermediate) {
  test::temp_dir dir;
  test::write_all(dir / "deck.xml", run_handout("parse " + sample()).out);
  auto r = run_handout("convert " + (dir / "deck.xml") + " -o " + (dir / "out") + " --formats xml");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(test::read_all(dir / "out/deck.xml"), test::read_all(dir / "deck.xml"));
}

TEST(Cli, ConvertRefusesToOverwriteItsInput) {
  test::temp_dir dir;
  test::write_all(dir / "deck.xml", run_handout("parse " + sample()).out);
  auto r = run_handout("convert " + (dir / "deck.xml") + " -o " + dir.path() + " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("would overwrite this input"));
}

TEST(Cli, MalformedIntermediateIsAClearError) {
  test::temp_dir dir;
  test::write_all(dir / "deck.xml",
                  "<report version=\"1\" source=\"s\">\n  <section line=\"1\">\n");
  auto r = run_handout("convert " + (dir / "deck.xml") + " -o " + (dir / "out"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(
      r.err, StartsWith(dir / "deck.xml" + ":2:21: error: malformed XML: Start-end tags mismatch"));
  EXPECT_FALSE(fs::exists(dir / "out/deck.xml"));
}

TEST(Cli, InvalidUtf8GivesFileLineColumnAndNoOutput) {
  test::temp_dir dir;
  test::write_all(dir / "bad.txt", " 标题\n• ok\n• 坏\xFF\n");
  auto r = run_handout("convert " + (dir / "bad.txt") + " -o " + (dir / "out"));
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            dir / "bad.txt" + ":3:4: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8\n");
  EXPECT_TRUE(files_in(dir / "out").empty());
}

TEST(Cli, BinaryDataIsRejected) {
  test::temp_dir dir;
  test::write_all(dir / "bin.txt", std::string("\x7F"
                                               "ELF\x02\x01\x01\0\0\0",
                                               10));
  auto r = run_handout("parse " + (dir / "bin.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("bin.txt:1:8: error: NUL byte"));
  EXPECT_EQ(r.out, "");
}

TEST(Cli, EmptyAndBlankFilesAreRejected) {
  test::temp_dir dir;
  test::write_all(dir / "empty.txt", "");
  test::write_all(dir / "blank.txt", "\n   \n\n");
  EXPECT_EQ(run_handout("parse " + (dir / "empty.txt")).err,
            dir / "empty.txt" + ":1:1: error: file is empty\n");
  auto r = run_handout("parse " + (dir / "blank.txt"));
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, dir / "blank.txt" + ":1:1: error: file has only blank lines\n");
}

TEST(Cli, TenMegabyteSingleLineIsRejected) {
  test::temp_dir dir;
  test::write_all(dir / "long.txt", std::string(10 << 20, 'a'));
  auto r = run_handout("convert " + (dir / "long.txt") + " -o " + (dir / "out"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, StartsWith(dir / "long.txt" + ":1:1: error: line is 10485760 bytes long"));
  EXPECT_TRUE(files_in(dir / "out").empty());
}

TEST(Cli, MissingFileIsReported) {
  auto r = run_handout("parse /nonexistent/deck.txt");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "/nonexistent/deck.txt: error: cannot open file: No such file or directory\n");
}

TEST(Cli, DirectoryWithoutTxtFilesIsReported) {
  test::temp_dir dir;
  fs::create_directory(dir / "empty");
  auto r = run_handout("convert " + (dir / "empty") + " -o " + (dir / "out"));
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, dir / "empty" + ": error: no .txt files in this directory\n");
}

TEST(Cli, OneBadDeckDoesNotStopTheOthers) {
  test::temp_dir dir;
  fs::copy_file(sample(), dir / "good.txt");
  test::write_all(dir / "bad.txt", "");
  auto r = run_handout("convert " + dir.path() + " -o " + (dir / "out") + " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(files_in(dir / "out"), ::testing::ElementsAre("good.xml"));
}

TEST(Cli, OptionsTakeTheirValueAfterAnEqualsSign) {
  test::temp_dir dir;
  auto r = run_handout("convert " + sample() + " --output=" + (dir / "out") + " --formats=xml");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "out/ai-2019-review.xml"));
}

TEST(Cli, DeckNamedTwiceIsConvertedOnce) {
  test::temp_dir dir;
  auto r = run_handout("convert " + sample() + " " + sample() + " -o " + (dir / "out") +
                       " --formats xml");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(Cli, DecksOfTheSameNameDoNotOverwriteEachOther) {
  test::temp_dir dir;
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(sample(), dir / "a/x.txt");
  fs::copy_file(test::data_path("english-deck.txt"), dir / "b/x.txt");
  auto r = run_handout("convert " + (dir / "a") + " " + (dir / "b") + " -o " + (dir / "out") +
                       " --formats xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr(dir / "b/x.txt: error: has the same name as " + (dir / "a/x.txt")));
  EXPECT_NE(test::read_all(dir / "out/x.xml").find("source=\"" + (dir / "a/x.txt") + "\""),
            std::string::npos);
}

TEST(Cli, FailedWriteToStdoutIsReported) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  auto r = test::run("(" + test::handout_binary() + " parse " + sample() + " >/dev/full)");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "handout: error: cannot write to standard output: No space left on device\n");
}

TEST(Cli, OutputFollowsSymlinksAndKeepsTheFileMode) {
  test::temp_dir dir;
  test::write_all(dir / "target.xml", "old");
  fs::create_symlink("target.xml", dir / "link.xml");
  fs::permissions(dir / "target.xml", fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(run_handout("parse " + sample() + " -o " + (dir / "link.xml")).status, 0);
  EXPECT_TRUE(fs::is_symlink(dir / "link.xml"));
  EXPECT_THAT(test::read_all(dir / "target.xml"), StartsWith("<?xml"));
  EXPECT_EQ(fs::status(dir / "target.xml").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
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

TEST(Cli, WarningsGoToStderrAndDoNotFail) {
  test::temp_dir dir;
  test::write_all(dir / "w.txt", "• early\n T\n");
  auto r = run_handout("convert " + (dir / "w.txt") + " -o " + (dir / "out"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, dir / "w.txt" +
                       ":1:1: warning: bullet before any slide title; kept in an untitled slide\n");
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

TEST(Cli, OutputPathUnderAFileIsAnError) {
  test::temp_dir dir;
  test::write_all(dir / "file", "x");
  auto r = run_handout("convert " + sample() + " -o " + (dir / "file/out"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot create output directory"));
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

TEST(Cli, BadStyleIsAnErrorAtItsLineAndColumn) {
  test::temp_dir dir;
  test::write_all(dir / "s.yaml", "page:\n  size: A4\n  colour: red\n");
  auto r =
      run_handout("convert " + sample() + " -o " + (dir / "out") + " --style " + (dir / "s.yaml"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, StartsWith(dir / "s.yaml" + ":3:3: error: unknown key 'colour' in page"));
}

}  // namespace
}  // namespace handout
