// `handout convert` on many decks: directories, the worker pool, the
// incremental manifest, shards, progress, summaries, styles by name, install
// and package, and the example CI configurations (`links --merge`:
// tests/cli/links-merge-*.md).
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "batch/discover.hpp"
#include "batch/hash.hpp"
#include "batch/progress.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using test::run;
using test::run_handout;
using ::testing::HasSubstr;
using ::testing::Not;

std::string q(const std::string& s) { return "'" + s + "'"; }
std::string sample() { return test::source_dir() + "/input/ai-2019-review.txt"; }

// A tree of decks: the sample with its sidecar, and test decks in subfolders.
void make_tree(const std::string& root) {
  fs::create_directories(root + "/a/b");
  fs::create_directories(root + "/c");
  fs::create_directories(root + "/.git");
  fs::copy_file(sample(), root + "/review.txt");
  fs::copy_file(test::source_dir() + "/input/ai-2019-review.meta.yaml", root + "/review.meta.yaml");
  fs::copy_file(test::data_path("english-deck.txt"), root + "/a/english.txt");
  fs::copy_file(test::data_path("links-broken.txt"), root + "/a/b/broken.txt");
  fs::copy_file(test::data_path("pdf-structure.txt"), root + "/c/structure.txt");
  fs::copy_file(test::data_path("links-clean.txt"), root + "/c/clean.txt");
  fs::copy_file(test::data_path("english-deck.txt"), root + "/.git/hidden.txt");
  test::write_all(root + "/c/notes.md", "not a deck");
}

// Output files below `dir` (relative paths), the run's records aside.
std::set<std::string> outputs_in(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename();
    if (!e.is_regular_file() || name == "summary.md" || name == "summary.json" ||
        name == ".handout-manifest.json") {
      continue;
    }
    out.insert(fs::relative(e.path(), dir).generic_string());
  }
  return out;
}

json summary_of(const std::string& out) {
  return json::parse(test::read_all(out + "/summary.json"));
}

std::map<std::string, std::string> statuses(const std::string& out) {
  std::map<std::string, std::string> m;
  const json s = summary_of(out);
  for (const auto& d : s["decks"]) m[d["input"]] = d["status"];
  return m;
}

// The run's fingerprint hashes the style file: a fifo there is no style and
// must not block the hash (nor the run).
// Display columns of a bar line: a code point each ('·' and '…' are one).
int columns_of(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The bar fits any terminal (it wrapped into a new line per redraw below
// ~50 columns): never the last column; the ETA and the counts of unchanged
// and failed decks give way first, then the name, cut from the left.
TEST(ProgressBar, FitsWidthsOf20_40And80) {
  batch::bar_state s{3, 10, 1, 1, 65, "talks/2019/very/long/path/deck.txt"};
  const std::string at20 = batch::bar_line(s, 20);
  const std::string at40 = batch::bar_line(s, 40);
  const std::string at80 = batch::bar_line(s, 80);
  EXPECT_EQ(at20, "[###.........] 3/10");
  EXPECT_EQ(at40, "[##.....] 3/10 · 1 unchanged · 1 failed");
  EXPECT_EQ(at80, "[######...............] 3/10 · 1 unchanged · 1 failed · ETA 1:05 · …/deck.txt");
  for (const auto& line : {at20, at40, at80}) EXPECT_LE(columns_of(line), 79);
  EXPECT_LE(columns_of(at20), 19);
  EXPECT_LE(columns_of(at40), 39);
  EXPECT_EQ(batch::bar_line(s, 8), "3/10");
  EXPECT_EQ(batch::bar_line({3, 10, 0, 0, -1, "a/b/deck.txt"}, 120),
            "[#######.................] 3/10 · a/b/deck.txt");
}

TEST(Hash, FileThatIsNotRegularHasNoDigestAndIsNeverWaitedOn) {
  test::temp_dir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_FALSE(batch::sha256_file(dir / "fifo"));
  EXPECT_FALSE(batch::sha256_file("/dev/zero"));
  test::write_all(dir / "file", "abc");
  EXPECT_EQ(batch::sha256_file(dir / "file"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// Makes the tree in DIR/in and gives the command that converts it into
// DIR/out with `options`.
std::string tree_command(const test::temp_dir& dir, const std::string& options) {
  make_tree(dir / "in");
  return "convert " + q(dir / "in") + " -o " + q(dir / "out") + " " + options;
}

TEST(BatchConvert, SlideFilesInADirectoryAreDecksUnlessFromSaysOtherwise) {
  test::temp_dir dir;
  fs::create_directories(dir / "in/sub");
  const std::string slides = test::source_dir() + "/tests/data/slides/";
  fs::copy_file(slides + "mixed-talk.pptx", dir / "in/talk.PPTX");
  fs::copy_file(slides + "chinese-talk.odp", dir / "in/sub/zh.odp");
  fs::copy_file(slides + "chinese-talk.fodp", dir / "in/sub/flat.fodp");
  test::write_all(dir / "in/notes.txt", " T\n• a\n");
  auto r = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats xml -q");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(outputs_in(dir / "out"),
            (std::set<std::string>{"talk.xml", "notes.xml", "sub/zh.xml", "sub/flat.xml"}));
  auto text_only = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "txt") +
                               " --formats xml -q --from txt");
  EXPECT_EQ(text_only.status, 0) << text_only.err;
  EXPECT_EQ(outputs_in(dir / "txt"), (std::set<std::string>{"notes.xml"}));
}

TEST(BatchConvert, DirectoryTreeIsMirroredUnderOutInSortedOrder) {
  test::temp_dir dir;
  make_tree(dir / "in");
  auto r = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats xml -q");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(outputs_in(dir / "out"),
            (std::set<std::string>{"review.xml", "a/english.xml", "a/b/broken.xml",
                                   "c/structure.xml", "c/clean.xml"}));
  std::vector<std::string> order;
  const json s = summary_of(dir / "out");
  for (const auto& d : s["decks"]) order.push_back(d["input"]);
  EXPECT_THAT(order, ::testing::ElementsAre(dir / "in/a/b/broken.txt", dir / "in/a/english.txt",
                                            dir / "in/c/clean.txt", dir / "in/c/structure.txt",
                                            dir / "in/review.txt"));
}

TEST(BatchConvert, OutputDirectoryInsideTheInputIsNotReadBack) {
  test::temp_dir dir;
  make_tree(dir.path());
  ASSERT_EQ(run_handout("convert " + q(dir.path()) + " -o " + q(dir / "out") + " --formats xml -q")
                .status,
            0);
  auto r = run_handout("convert " + q(dir.path()) + " --from txt,xml -o " + q(dir / "out") +
                       " --formats xml -q");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(summary_of(dir / "out")["decks"].size(), 5u);
}

TEST(BatchConvert, FromXmlConvertsIntermediates) {
  test::temp_dir dir;
  fs::create_directories(dir / "xml/sub");
  test::write_all(dir / "xml/sub/deck.xml", run_handout("parse " + q(sample())).out);
  test::write_all(dir / "xml/ignored.txt", " T\n• x\n");
  auto r = run_handout("convert " + q(dir / "xml") + " --from xml -o " + q(dir / "out") +
                       " --formats xml,pdf");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(outputs_in(dir / "out"), (std::set<std::string>{"sub/deck.xml", "sub/deck.pdf"}));
  EXPECT_EQ(run_handout("convert " + q(dir / "xml") + " --from pdf -o " + q(dir / "o2")).status, 2);
}

// The thread-safety check: every output of every deck is byte-identical
// whether one worker or several rendered it.
TEST(BatchConvert, OutputsAreByteIdenticalWhateverTheNumberOfJobs) {
  test::temp_dir dir;
  make_tree(dir / "in");
  fs::create_directories(dir / "in/copies");
  for (int i = 0; i < 6; ++i) {
    fs::copy_file(sample(), dir / ("in/copies/deck-" + std::to_string(i) + ".txt"));
  }
  auto one = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "one") + " -j1 -q");
  auto four = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "four") + " -j 4 -q");
  ASSERT_EQ(one.status, 0) << one.err;
  ASSERT_EQ(four.status, 0) << four.err;
  EXPECT_EQ(one.err, four.err);
  auto files = outputs_in(dir / "one");
  ASSERT_EQ(files, outputs_in(dir / "four"));
  EXPECT_EQ(files.size() % 11, 0u);  // 11 decks, each with every default output
  EXPECT_GE(files.size(), 11u * 4);
  for (const auto& f : files) {
    EXPECT_TRUE(test::read_all(dir / "one/" + f) == test::read_all(dir / "four/" + f)) << f;
  }
  EXPECT_EQ(summary_of(dir / "four")["jobs"], 4);
}

TEST(BatchConvert, OneFailingDeckDoesNotStopTheOthersAndTheWorstStatusWins) {
  test::temp_dir dir;
  make_tree(dir / "in");
  test::write_all(dir / "in/a/empty.txt", "");
  auto r = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats xml -j2");
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr(dir / "in/a/empty.txt:1:1: error: file is empty\n"));
  EXPECT_EQ(outputs_in(dir / "out").size(), 5u);
  EXPECT_EQ(statuses(dir / "out")[dir / "in/a/empty.txt"], "failed");
  // Findings fail the run only when asked, with status 1.
  EXPECT_EQ(run_handout("convert " + q(dir / "in/c") + " -o " + q(dir / "o1") + " -q").status, 0);
  EXPECT_EQ(
      run_handout("convert " + q(dir / "in/c") + " -o " + q(dir / "o2") + " -q --fail-on info")
          .status,
      1);
}

TEST(BatchConvert, UnchangedDecksAreSkippedAndChangesAreSeen) {
  test::temp_dir dir;
  make_tree(dir / "in");
  const std::string cmd = "convert " + q(dir / "in") + " -o " + q(dir / "out") + " -q";
  ASSERT_EQ(run_handout(cmd).status, 0);
  const std::string pdf = test::read_all(dir / "out/review.pdf");
  auto again = run_handout(cmd);
  EXPECT_EQ(again.status, 0);
  for (const auto& [input, status] : statuses(dir / "out")) EXPECT_EQ(status, "unchanged") << input;

  // Input, sidecar, a deleted output: only that deck again.
  test::write_all(dir / "in/c/clean.txt", test::read_all(dir / "in/c/clean.txt") + "• more\n");
  test::write_all(dir / "in/review.meta.yaml", "title: Another title\n");
  fs::remove(dir / "out/a/english.pdf");
  ASSERT_EQ(run_handout(cmd).status, 0);
  auto s = statuses(dir / "out");
  EXPECT_EQ(s[dir / "in/c/clean.txt"], "converted");
  EXPECT_EQ(s[dir / "in/review.txt"], "converted");
  EXPECT_EQ(s[dir / "in/a/english.txt"], "converted");
  EXPECT_EQ(s[dir / "in/a/b/broken.txt"], "unchanged");
  EXPECT_TRUE(fs::exists(dir / "out/a/english.pdf"));
  EXPECT_NE(test::read_all(dir / "out/review.pdf"), pdf);

  // The date from SOURCE_DATE_EPOCH, the style, --force: everything.
  auto epoch = run("SOURCE_DATE_EPOCH=86400 " + test::handout_binary() + " " + cmd);
  EXPECT_EQ(epoch.status, 0);
  for (const auto& [input, status] : statuses(dir / "out")) EXPECT_EQ(status, "converted") << input;
  run("SOURCE_DATE_EPOCH=86400 " + test::handout_binary() + " " + cmd);
  auto styled =
      run("SOURCE_DATE_EPOCH=86400 " + test::handout_binary() + " " + cmd + " --style handout");
  EXPECT_EQ(styled.status, 0) << styled.err;
  for (const auto& [input, status] : statuses(dir / "out")) EXPECT_EQ(status, "converted") << input;
  ASSERT_EQ(run_handout(cmd).status, 0);
  ASSERT_EQ(run_handout(cmd + " --force").status, 0);
  for (const auto& [input, status] : statuses(dir / "out")) EXPECT_EQ(status, "converted") << input;
}

TEST(BatchConvert, ADamagedManifestRebuildsEveryDeck) {
  test::temp_dir dir;
  const std::string cmd = tree_command(dir, "--formats xml,links -q");
  ASSERT_EQ(run_handout(cmd).status, 0);
  const std::string manifest = dir / "out/.handout-manifest.json";
  const std::string good = test::read_all(manifest);
  // Not JSON, a member of another type, a member missing: each rebuilds
  // every deck, and the run rewrites the manifest.
  std::string wrong_type = good;
  wrong_type.replace(wrong_type.find("\"pages\": "), 9, "\"pages\": \"x\", \"was\": ");
  std::string missing = good;
  missing.replace(missing.find("\"exit_code\""), 11, "\"exit_kode\"");
  for (const std::string& damaged : {good.substr(0, good.size() / 2), wrong_type, missing}) {
    test::write_all(manifest, damaged);
    auto r = run_handout(cmd);
    EXPECT_EQ(r.status, 0) << r.err;
    for (const auto& [input, status] : statuses(dir / "out")) {
      EXPECT_EQ(status, "converted") << input << " with " << damaged;
    }
    ASSERT_EQ(run_handout(cmd).status, 0);
    for (const auto& [input, status] : statuses(dir / "out"))
      EXPECT_EQ(status, "unchanged") << input;
  }
}

TEST(BatchConvert, DeletedDecksLoseTheirOutputsAndManifestEntries) {
  test::temp_dir dir;
  const std::string cmd = tree_command(dir, "--formats xml,links");
  ASSERT_EQ(run_handout(cmd + " -q").status, 0);
  fs::remove(dir / "in/a/english.txt");
  fs::remove(dir / "in/c/clean.txt");
  test::write_all(dir / "out/a/english.notes", "not written by handout");
  auto r = run_handout(cmd);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("removed " + (dir / "out/a/english") +
                               ".*: " + (dir / "in/a/english.txt") + " no longer exists\n"));
  EXPECT_THAT(r.err, HasSubstr("removed " + (dir / "out/c/clean") + ".*: "));
  EXPECT_FALSE(fs::exists(dir / "out/a/english.xml"));
  EXPECT_FALSE(fs::exists(dir / "out/a/english.links.json"));
  EXPECT_FALSE(fs::exists(dir / "out/c/clean.links.md"));
  EXPECT_TRUE(fs::exists(dir / "out/a/english.notes"));  // the manifest does not list it
  EXPECT_TRUE(fs::exists(dir / "out/c/structure.xml"));
  const json manifest = json::parse(test::read_all(dir / "out/.handout-manifest.json"));
  EXPECT_FALSE(manifest["decks"].contains("a/english"));
  EXPECT_FALSE(manifest["decks"].contains("c/clean"));
  EXPECT_TRUE(manifest["decks"].contains("c/structure"));
  EXPECT_EQ(summary_of(dir / "out")["removed"],
            json::array({dir / "in/a/english.txt", dir / "in/c/clean.txt"}));
  EXPECT_THAT(test::read_all(dir / "out/summary.md"), HasSubstr("### Removed"));
  // Said once: the next run has nothing to remove.
  auto again = run_handout(cmd);
  EXPECT_THAT(again.err, Not(HasSubstr("removed ")));
}

TEST(BatchConvert, DeletedDecksOfDirectoriesNotConvertedNowAreKept) {
  test::temp_dir dir;
  make_tree(dir / "in");
  fs::create_directories(dir / "other");
  fs::copy_file(test::data_path("links-clean.txt"), dir / "other/more.txt");
  const std::string out = " -o " + q(dir / "out") + " --formats xml -q";
  ASSERT_EQ(run_handout("convert " + q(dir / "in") + out).status, 0);
  fs::remove(dir / "in/a/english.txt");
  // Another directory, or the deck named as a file: not a run over `in`.
  ASSERT_EQ(run_handout("convert " + q(dir / "other") + out).status, 0);
  ASSERT_EQ(run_handout("convert " + q(dir / "in/review.txt") + out).status, 0);
  EXPECT_TRUE(fs::exists(dir / "out/a/english.xml"));
  EXPECT_TRUE(json::parse(test::read_all(dir / "out/.handout-manifest.json"))["decks"].contains(
      "a/english"));
}

TEST(BatchConvert, RemovingADeletedDecksOutputsNeverFollowsASymlink) {
  test::temp_dir dir;
  const std::string cmd = tree_command(dir, "--formats xml,links -q");
  ASSERT_EQ(run_handout(cmd).status, 0);
  // out/c is now a link to a folder elsewhere; out/a/english.xml a link to a file.
  fs::rename(dir / "out/c", dir / "elsewhere");
  fs::create_directory_symlink(dir / "elsewhere", dir / "out/c");
  test::write_all(dir / "target.xml", "keep me");
  fs::remove(dir / "out/a/english.xml");
  fs::create_symlink(dir / "target.xml", dir / "out/a/english.xml");
  fs::remove(dir / "in/a/english.txt");
  fs::remove(dir / "in/c/clean.txt");
  auto r = run_handout(cmd);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir / "elsewhere/clean.xml"));
  EXPECT_TRUE(fs::exists(dir / "elsewhere/clean.links.json"));
  EXPECT_TRUE(fs::is_symlink(dir / "out/a/english.xml"));
  EXPECT_EQ(test::read_all(dir / "target.xml"), "keep me");
  EXPECT_FALSE(fs::exists(dir / "out/a/english.links.json"));  // a real file: removed
  EXPECT_THAT(r.err, HasSubstr(dir / "out/a/english.xml: warning: not removed (no longer a "
                                     "regular file), although its deck "));
  EXPECT_THAT(r.err, HasSubstr(dir / "out/c/clean.xml: warning: not removed (a folder on its "
                                     "path is not a folder)"));
}

TEST(BatchConvert, SummaryStatusIsTheExitStatus) {
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  fs::copy_file(test::data_path("links-broken.txt"), dir / "in/broken.txt");
  const std::string cmd =
      "convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats links -q";
  auto failing = run_handout(cmd + " --fail-on error");
  ASSERT_EQ(failing.status, 1) << failing.err;
  EXPECT_THAT(test::read_all(dir / "out/summary.md"),
              HasSubstr("\n\n❌ exit status 1 (findings at --fail-on) · 1 converted"));
  EXPECT_EQ(summary_of(dir / "out")["exit_status"], 1);
  ASSERT_EQ(run_handout(cmd).status, 0);
  EXPECT_THAT(test::read_all(dir / "out/summary.md"),
              HasSubstr("\n\n✅ · 0 converted, 1 unchanged"));
  EXPECT_EQ(summary_of(dir / "out")["exit_status"], 0);
}

TEST(BatchConvert, AFileNameThatIsNotUtf8IsWrittenWithAReplacementCharacter) {
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  test::write_all(dir / "in/\xff.txt", "Slide\n\u2022 see https://youtu.be/fxZtz0LPJLE\n");
  auto r =
      run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats xml,links -q");
  EXPECT_LE(r.status, 1) << r.err;  // once an uncaught exception of the JSON library
  const json s = summary_of(dir / "out");
  ASSERT_EQ(s["decks"].size(), 1u);
  EXPECT_EQ(s["decks"][0]["input"], dir / "in/\uFFFD.txt");
  const json report = json::parse(test::read_all(dir / "out/\xff.links.json"));
  EXPECT_EQ(report["files"][0]["source"], dir / "in/\uFFFD.txt");
}

TEST(BatchConvert, AFontWithANewModificationTimeRebuildsEveryDeck) {
  const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (!fs::exists(dejavu)) GTEST_SKIP() << "fonts-dejavu-core is not installed";
  test::temp_dir dir;
  make_tree(dir / "in");
  fs::copy_file(dejavu, dir / "font.ttf");
  test::write_all(dir / "style.yaml", "fonts: [" + dir / "font.ttf" + "]\n");
  const std::string cmd = "convert " + q(dir / "in") + " -o " + q(dir / "out") +
                          " -q --formats pdf --style " + q(dir / "style.yaml");
  ASSERT_EQ(run_handout(cmd).status, 0);
  ASSERT_EQ(run_handout(cmd).status, 0);
  for (const auto& [input, status] : statuses(dir / "out")) EXPECT_EQ(status, "unchanged") << input;
  // A font package upgrade: same path, new file.
  fs::last_write_time(dir / "font.ttf",
                      fs::last_write_time(dir / "font.ttf") - std::chrono::hours(24));
  ASSERT_EQ(run_handout(cmd).status, 0);
  for (const auto& [input, status] : statuses(dir / "out")) {
    if (input.find("broken") == std::string::npos) {
      EXPECT_EQ(status, "converted") << input;
    }
  }
}

TEST(BatchConvert, ANewlyInstalledFallbackFontRebuildsEveryDeck) {
  // fontconfig sees only `fonts/` (FONTCONFIG_FILE); the style's font is a
  // file, so the fallback for U+2603 can come only from there.
  const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  const std::string wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
  if (!fs::exists(dejavu) || !fs::exists(wqy)) {
    GTEST_SKIP() << "needs fonts-dejavu-core and fonts-wqy-microhei";
  }
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  fs::create_directories(dir / "fonts");
  test::write_all(dir / "in/snow.txt", " Snow\n• 雪人 \u2603\n");
  test::write_all(dir / "fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig><dir>" + dir / "fonts" +
                                          "</dir><cachedir>" + dir / "cache" +
                                          "</cachedir></fontconfig>\n");
  test::write_all(dir / "style.yaml", "fonts: [" + wqy + "]\n");
  const std::string cmd = "FONTCONFIG_FILE=" + q(dir / "fonts.conf") + " " +
                          test::handout_binary() + " convert " + q(dir / "in") + " -o " +
                          q(dir / "out") + " --formats pdf --style " + q(dir / "style.yaml");
  auto first = run(cmd);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("no installed font has 1 character: U+2603"));
  ASSERT_EQ(run(cmd).status, 0);
  EXPECT_EQ(statuses(dir / "out")[dir / "in/snow.txt"], "unchanged");
  fs::copy_file(dejavu, dir / "fonts/DejaVuSans.ttf");
  auto third = run(cmd);
  ASSERT_EQ(third.status, 0) << third.err;
  EXPECT_EQ(statuses(dir / "out")[dir / "in/snow.txt"], "converted");
  EXPECT_THAT(third.err, Not(HasSubstr("U+2603"))) << "drawn from the new font";
}

TEST(BatchHash, TheExecutableIsKnownByItsGnuBuildId) {
  if (!test::have_program("readelf")) GTEST_SKIP() << "readelf is not installed";
  auto notes = run("readelf -n /proc/" + std::to_string(::getpid()) + "/exe");
  auto at = notes.out.find("Build ID: ");
  if (at == std::string::npos) {
    EXPECT_EQ(batch::executable_identity().rfind("sha256 ", 0), 0u) << "no build ID: the file hash";
    return;
  }
  std::string id = notes.out.substr(at + 10, notes.out.find('\n', at) - at - 10);
  EXPECT_EQ(batch::executable_identity(), "build-id " + id);
}

TEST(BatchHash, FailuresAreValuesNotExceptions) {
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  EXPECT_EQ(batch::sha256_hex("abc"), abc);
  EXPECT_EQ(batch::stable_hash64("abc"), 0xba7816bf8f01cfeaULL);
  batch::sha256 h;
  h.update("abc");
  batch::sha256 moved = std::move(h);
  EXPECT_EQ(h.update("more").hex(), std::nullopt);  // NOLINT(bugprone-use-after-move): on purpose
  EXPECT_EQ(moved.hex(), abc);
  EXPECT_EQ(moved.hex(), std::nullopt);  // spent
  EXPECT_EQ(batch::sha256_file("/nonexistent/file"), std::nullopt);
  EXPECT_EQ(batch::in_shard("a/b", {1, 1}), true);
}

TEST(BatchConvert, SkippedDecksRepeatTheirWarnings) {
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  test::write_all(dir / "in/w.txt", "• early\n T\n");
  test::write_all(dir / "in/x.txt", " T\n• fine\n");
  const std::string cmd =
      "convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats xml -q";
  auto first = run_handout(cmd);
  auto second = run_handout(cmd);
  EXPECT_THAT(first.err, HasSubstr("w.txt:1:1: warning: bullet before any slide title"));
  EXPECT_EQ(first.err, second.err);
  EXPECT_EQ(statuses(dir / "out")[dir / "in/w.txt"], "unchanged");
}

TEST(BatchConvert, ShardsTakeEveryDeckExactlyOnceAndAreStable) {
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  for (int i = 0; i < 40; ++i) {
    test::write_all(dir / ("in/d" + std::to_string(i) + ".txt"),
                    " T\n• deck " + std::to_string(i) + "\n");
  }
  std::multiset<std::string> seen;
  for (int k = 1; k <= 3; ++k) {
    std::string out = dir / ("s" + std::to_string(k));
    auto r = run_handout("convert " + q(dir / "in") + " -o " + q(out) +
                         " --formats xml -q --shard " + std::to_string(k) + "/3");
    ASSERT_EQ(r.status, 0) << r.err;
    auto files = outputs_in(out);
    EXPECT_GT(files.size(), 5u) << "shard " << k << " is far from a third";
    seen.insert(files.begin(), files.end());
    EXPECT_EQ(summary_of(out)["shard"], std::to_string(k) + "/3");
  }
  EXPECT_EQ(seen.size(), 40u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 40u);
  // The choice depends on the path below the directory only.
  batch::shard s{2, 3};
  EXPECT_EQ(batch::in_shard("d7", s), batch::in_shard("d7", s));
  EXPECT_EQ(outputs_in(dir / "s2").count("d7.xml") == 1, batch::in_shard("d7", s));
  for (const char* bad : {"0/3", "4/3", "1/0", "x/3", "1/3/4", "2"}) {
    EXPECT_EQ(
        run_handout("convert " + q(dir / "in") + " -o " + q(dir / "o") + " --shard " + bad).status,
        2)
        << bad;
  }
}

// Two shards writing one OUT lost manifest entries: each wrote the manifest
// it read at its start. Now a run takes the lock beside the manifest, reads
// it again and merges. Here the test holds the lock while "another shard"
// records its deck; the run waits, then keeps that deck and adds its own.
TEST(BatchConvert, ShardsWritingOneDirectoryMergeTheManifestUnderItsLock) {
  test::temp_dir dir;
  fs::create_directories(dir / "in");
  fs::create_directories(dir / "other");
  test::write_all(dir / "in/mine.txt", " T\n• mine\n");
  test::write_all(dir / "other/theirs.txt", " T\n• theirs\n");
  ASSERT_EQ(
      run_handout("convert " + q(dir / "other") + " -o " + q(dir / "o2") + " --formats xml -q")
          .status,
      0);
  fs::create_directories(dir / "out");
  const std::string lock_path = dir / "out/.handout-manifest.lock";
  int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  test::command_result r;
  std::thread shard([&] {
    r = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " --formats xml -q");
  });
  // The run converts its deck, then waits for the lock to record it.
  for (int i = 0; i < 300 && !fs::exists(dir / "out/mine.xml"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(fs::exists(dir / "out/.handout-manifest.json")) << "written without the lock";
  fs::copy_file(dir / "o2/.handout-manifest.json", dir / "out/.handout-manifest.json");
  ::close(fd);
  shard.join();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(lock_path)) << "the run leaves its lock file behind";
  const json manifest = json::parse(test::read_all(dir / "out/.handout-manifest.json"));
  EXPECT_TRUE(manifest["decks"].contains("theirs")) << manifest.dump();
  EXPECT_TRUE(manifest["decks"].contains("mine")) << manifest.dump();
}

TEST(BatchConvert, ProgressIsOneLinePerDeckOutsideATerminal) {
  test::temp_dir dir;
  make_tree(dir / "in");
  auto r = run("CI=true " + test::handout_binary() + " convert " + q(dir / "in") + " -o " +
               q(dir / "out") + " --formats xml -j2");
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(r.err, HasSubstr("] converted " + (dir / "in/review.txt")));
  EXPECT_THAT(r.err, HasSubstr("[5/5] "));
  EXPECT_THAT(r.err, HasSubstr("5 converted, 0 unchanged, 0 failed in "));
  EXPECT_THAT(r.err, Not(HasSubstr("\r")));
  auto quiet = run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " --quiet");
  EXPECT_THAT(quiet.err, Not(HasSubstr("] ")));
  EXPECT_THAT(quiet.err, Not(HasSubstr("unchanged")));
  EXPECT_THAT(quiet.err, HasSubstr("structure.txt:1:1: warning: "));  // diagnostics stay
}

TEST(BatchConvert, ProgressBarOnATerminal) {
  if (!test::have_program("script")) GTEST_SKIP() << "needs script (bsdutils) for a terminal";
  test::temp_dir dir;
  make_tree(dir / "in");
  auto r = run("env -u CI script -qec " +
               q(test::handout_binary() + " convert " + dir / "in" + " -o " + dir / "out" +
                 " --formats xml,pdf -j1") +
               " /dev/null");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("\r\x1b[K["));
  EXPECT_THAT(r.out, HasSubstr("] 5/5"));
  EXPECT_THAT(r.out, HasSubstr("ETA "));
  EXPECT_THAT(r.out, HasSubstr("5 converted"));
}

// In a terminal 30 columns wide every redraw stays on its line: each piece
// between carriage returns fits in 29 columns.
TEST(BatchConvert, ProgressBarFitsANarrowTerminal) {
  if (!test::have_program("script")) GTEST_SKIP() << "needs script (bsdutils) for a terminal";
  test::temp_dir dir;
  make_tree(dir / "in");
  auto r = run("env -u CI script -qec " +
               q("stty cols 30; " + test::handout_binary() + " convert " + dir / "in" + " -o " +
                 dir / "out" + " --formats xml,pdf -j1") +
               " /dev/null");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("] 5/5"));
  std::size_t start = 0;
  while (start < r.out.size()) {
    std::size_t end = r.out.find_first_of("\r\n", start);
    if (end == std::string::npos) end = r.out.size();
    std::string piece = r.out.substr(start, end - start);
    if (piece.starts_with("\x1b[K")) piece = piece.substr(3);
    if (piece.starts_with("[")) {
      EXPECT_LE(columns_of(piece), 29) << piece;
    }
    start = end + 1;
  }
}

TEST(BatchConvert, SummaryListsEveryDeckWithTotals) {
  test::temp_dir dir;
  make_tree(dir / "in");
  test::write_all(dir / "in/bad|name.txt", "");
  run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " -q");
  json s = summary_of(dir / "out");
  EXPECT_EQ(s["totals"]["decks"], 6);
  EXPECT_EQ(s["totals"]["failed"], 1);
  int pages = 0, links = 0;
  for (const auto& d : s["decks"]) {
    if (d["status"] == "converted") {
      EXPECT_GT(d["pages"].get<int>(), 0);
      EXPECT_EQ(d["outputs"].size(),
                run_handout("convert --help").out.find("docx *") == std::string::npos ? 4u : 6u);
      pages += d["pages"].get<int>();
      links += d["links"].get<int>();
    }
  }
  EXPECT_EQ(s["totals"]["pages"], pages);
  EXPECT_EQ(s["totals"]["links"], links);
  const std::string md = test::read_all(dir / "out/summary.md");
  EXPECT_THAT(md, HasSubstr("## handout convert: 6 decks"));
  EXPECT_THAT(md, HasSubstr("| `" + (dir / "in/bad\\|name.txt") + "` | ❌ failed |"));
  EXPECT_THAT(md, HasSubstr("### Errors"));
  // Backticks in a file name cannot end the block of errors.
  test::write_all(dir / "in/```x.txt", "");
  run_handout("convert " + q(dir / "in") + " -o " + q(dir / "out") + " -q");
  EXPECT_THAT(test::read_all(dir / "out/summary.md"), HasSubstr("### Errors\n\n````text\n"));
  if (test::have_program("pandoc")) {
    test::write_all(dir / "md.md", md);
    auto html = run("pandoc -f gfm -t html " + q(dir / "md.md"));
    EXPECT_EQ(std::count(html.out.begin(), html.out.end(), '\n') > 10, true);
    EXPECT_THAT(html.out, HasSubstr("<table>"));
  }
}

// --- styles, install, package -------------------------------------------------

TEST(Styles, AStyleIsFoundByNameAndAnUnknownNameListsTheStyles) {
  test::temp_dir dir;
  auto by_name = run_handout("convert " + q(sample()) + " -o " + q(dir / "a") +
                             " --formats pdf --style handout");
  auto by_file =
      run_handout("convert " + q(sample()) + " -o " + q(dir / "b") + " --formats pdf --style " +
                  q(test::source_dir() + "/styles/handout.yaml"));
  EXPECT_EQ(by_name.status, 0) << by_name.err;
  EXPECT_EQ(test::read_all(dir / "a/ai-2019-review.pdf"),
            test::read_all(dir / "b/ai-2019-review.pdf"));
  auto unknown = run_handout("convert " + q(sample()) + " -o " + q(dir / "c") + " --style nope");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no style named 'nope'; the styles are: handout, report"));
}

TEST(Install, InstalledToolFindsItsStylesAndManPage) {
  const std::string build = fs::path(test::handout_binary()).parent_path();
  test::temp_dir dir;
  auto r = run("cmake --install " + q(build) + " --prefix " + q(dir / "usr"));
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(fs::exists(dir / "usr/bin/handout"));
  EXPECT_TRUE(fs::exists(dir / "usr/share/handout/styles/handout.yaml"));
  EXPECT_TRUE(fs::exists(dir / "usr/share/handout/styles/report.yaml"));
  ASSERT_TRUE(fs::exists(dir / "usr/share/man/man1/handout.1"));
  // Moved elsewhere, it still finds the styles beside itself.
  fs::rename(dir / "usr", dir / "moved");
  auto c = run("cd / && " + q(dir / "moved/bin/handout") + " convert " + q(sample()) + " -o " +
               q(dir / "out") + " --formats pdf --style handout");
  EXPECT_EQ(c.status, 0) << c.err;
  if (test::have_program("groff")) {
    auto man = run("groff -man -Tutf8 -ww " + q(dir / "moved/share/man/man1/handout.1"));
    EXPECT_EQ(man.err, "");
    EXPECT_THAT(man.out, HasSubstr("--shard"));
  }
}

TEST(Package, CpackBuildsADebThatDeclaresItsDependencies) {
  if (!test::have_program("dpkg-shlibdeps") || !test::have_program("dpkg-deb")) {
    GTEST_SKIP() << "needs dpkg-dev";
  }
  const std::string build = fs::path(test::handout_binary()).parent_path();
  test::temp_dir dir;
  auto r =
      run("cd " + q(dir.path()) + " && cpack -G DEB --config " + q(build + "/CPackConfig.cmake"));
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  std::string deb;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    if (e.path().extension() == ".deb") deb = e.path();
  }
  ASSERT_FALSE(deb.empty()) << r.out;
  auto info = run("dpkg-deb -f " + q(deb) + " Depends");
  for (const char* dep : {"libhpdf", "libharfbuzz", "libicu", "libfontconfig", "libpugixml",
                          "libyaml-cpp", "libssl3", "fonts-wqy-microhei"}) {
    EXPECT_THAT(info.out, HasSubstr(dep));
  }
  auto files = run("dpkg-deb -c " + q(deb));
  for (const char* f : {"./usr/bin/handout", "./usr/share/handout/styles/handout.yaml",
                        "./usr/share/man/man1/handout.1"}) {
    EXPECT_THAT(files.out, HasSubstr(f));
  }
}

// --- the example CI configurations, run locally --------------------------------

// A workspace with decks/ and `handout` on PATH, as the CI jobs have it.
class ci_workspace {
 public:
  ci_workspace() {
    fs::create_directories(dir_ / "bin");
    fs::create_symlink(test::handout_binary(), dir_ / "bin/handout");
    fs::create_directories(dir_ / "decks/week1");
    fs::create_directories(dir_ / "decks/week2");
    const std::string clean = test::read_all(test::data_path("links-clean.txt"));
    for (int i = 0; i < 10; ++i) {
      test::write_all(dir_ / ("decks/week" + std::to_string(1 + i % 2) + "/lecture" +
                              std::to_string(i) + ".txt"),
                      clean + " Lecture " + std::to_string(i) + "\n• point\n");
    }
  }
  // Runs `script` in the workspace with `env`; returns its exit status.
  int run_script(const std::string& script, const std::map<std::string, std::string>& env) {
    std::string prefix =
        "cd " + q(dir_.path()) + " && export PATH=" + q(dir_ / "bin") + ":\"$PATH\"";
    for (const auto& [k, v] : env) prefix += " " + k + "=" + q(v);
    test::write_all(dir_ / "step.sh", "set -e\n" + script + "\n");
    auto r = run(prefix + " && bash " + q(dir_ / "step.sh"));
    log_ += r.out + r.err;
    return r.status;
  }
  std::string operator/(const std::string& p) const { return dir_ / p; }
  const std::string& log() const { return log_; }

 private:
  test::temp_dir dir_;
  std::string log_;
};

// Every deck converted once across the shards, by summary.json.
void expect_each_deck_once(const ci_workspace& ws, int shards) {
  std::multiset<std::string> inputs;
  for (int k = 1; k <= shards; ++k) {
    const json s = summary_of(ws / ("out/shard-" + std::to_string(k)));
    for (const auto& d : s["decks"]) {
      inputs.insert(d["input"].get<std::string>());
    }
  }
  EXPECT_EQ(inputs.size(), 10u);
  EXPECT_EQ(std::set<std::string>(inputs.begin(), inputs.end()).size(), 10u);
}

// A step's or input's text with each `${{ NAME }}` replaced from `context`;
// a name it lacks is empty, as GitHub gives a missing output.
std::string expand(const std::string& text, const std::map<std::string, std::string>& context) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = text.find("${{", at)) != std::string::npos;) {
    const std::size_t close = text.find("}}", open);
    std::string name = text.substr(open + 3, close - open - 3);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    auto it = context.find(name);
    out += text.substr(at, open - at) + (it == context.end() ? "" : it->second);
    at = close + 2;
  }
  return out + text.substr(at);
}

// Whether a step of action.yml runs: `always()`, or `inputs.NAME == 'VALUE'`;
// an `if:` of another form fails the test (it would need a real runner).
bool step_runs(const YAML::Node& step, const std::map<std::string, std::string>& context) {
  if (!step["if"]) return true;
  const std::string condition = step["if"].as<std::string>();
  if (condition == "always()") return true;
  const std::size_t eq = condition.find(" == '");
  EXPECT_TRUE(condition.rfind("inputs.", 0) == 0 && eq != std::string::npos) << condition;
  if (eq == std::string::npos) return false;
  auto it = context.find(condition.substr(0, eq));
  return it != context.end() && it->second == condition.substr(eq + 5, condition.size() - eq - 6);
}

// Runs the `run:` steps of action.yml (but Install: handout is on PATH) as a
// workflow step `uses`-ing it with `with` would: inputs over their defaults,
// each step's env expanded, outputs passed on through GITHUB_OUTPUT. The
// exit status of the last step run.
int run_action(ci_workspace& ws, const YAML::Node& with,
               std::map<std::string, std::string> context) {
  const YAML::Node action = YAML::LoadFile(test::source_dir() + "/action.yml");
  std::map<std::string, std::string> inputs;
  for (const auto& input : action["inputs"]) {
    const std::string name = input.first.as<std::string>();
    inputs["inputs." + name] = input.second["default"].as<std::string>("");
    if (with[name]) inputs["inputs." + name] = expand(with[name].as<std::string>(), context);
  }
  context.insert(inputs.begin(), inputs.end());
  context["github.action_path"] = test::source_dir();
  int status = 0;
  for (const auto& step : action["runs"]["steps"]) {
    if (!step["run"] || step["name"].as<std::string>("") == "Install handout") continue;
    if (!step_runs(step, context)) continue;
    std::map<std::string, std::string> env = {{"GITHUB_STEP_SUMMARY", ws / "step-summary.md"},
                                              {"GITHUB_OUTPUT", ws / "step-output"}};
    for (const auto& e : step["env"]) {
      env[e.first.as<std::string>()] = expand(e.second.as<std::string>(), context);
    }
    test::write_all(ws / "step-output", "");
    status = ws.run_script(step["run"].as<std::string>(), env);
    std::istringstream outputs(test::read_all(ws / "step-output"));
    for (std::string line; std::getline(outputs, line);) {
      const std::size_t eq = line.find('=');
      if (step["id"] && eq != std::string::npos) {
        context["steps." + step["id"].as<std::string>() + ".outputs." + line.substr(0, eq)] =
            line.substr(eq + 1);
      }
    }
  }
  return status;
}

// The steps of a workflow job that use the handout action.
std::vector<YAML::Node> action_steps(const YAML::Node& job) {
  std::vector<YAML::Node> steps;
  for (const auto& step : job["steps"]) {
    if (step["uses"] && step["uses"].as<std::string>().rfind("handout/handout@", 0) == 0) {
      steps.push_back(step);
    }
  }
  return steps;
}

TEST(CiExamples, TheActionAndTheWorkflowFollowGithubsSchemas) {
  if (!test::have_program("action-validator")) {
    GTEST_SKIP() << "needs action-validator (npm @action-validator/cli; scripts/setup.sh --test)";
  }
  for (const std::string file : {"action.yml", "docs/ci/github-actions.yml"}) {
    auto r = run("action-validator " + q(test::source_dir() + "/" + file));
    EXPECT_EQ(r.status, 0) << file << "\n" << r.out << r.err;
  }
}

TEST(CiExamples, GithubActionsStepsRunLocally) {
  YAML::Node wf = YAML::LoadFile(test::source_dir() + "/docs/ci/github-actions.yml");
  ci_workspace ws;
  const YAML::Node convert = wf["jobs"]["convert"];
  const int shards = static_cast<int>(convert["strategy"]["matrix"]["shard"].size());
  ASSERT_GE(shards, 2);
  ASSERT_EQ(action_steps(convert).size(), 1u);
  for (int k = 1; k <= shards; ++k) {
    const std::map<std::string, std::string> context = {
        {"matrix.shard", std::to_string(k)}, {"strategy.job-total", std::to_string(shards)}};
    EXPECT_EQ(run_action(ws, action_steps(convert)[0]["with"], context), 0) << ws.log();
  }
  EXPECT_TRUE(fs::exists(ws / "out/shard-1/links.sarif"));  // (shard 4 has no decks)
  expect_each_deck_once(ws, shards);
  const YAML::Node links = wf["jobs"]["links"];
  ASSERT_EQ(action_steps(links).size(), 1u);
  EXPECT_EQ(run_action(ws, action_steps(links)[0]["with"], {}), 0) << ws.log();
  const std::string summary = test::read_all(ws / "step-summary.md");
  EXPECT_THAT(summary, HasSubstr("(shard 1 of " + std::to_string(shards) + ")"));
  EXPECT_THAT(summary, HasSubstr("## Link audit"));
  EXPECT_THAT(test::read_all(ws / "out/links.md"), HasSubstr("\n| 10 | "));  // all 10 decks
  EXPECT_THAT(ws.log(), HasSubstr("handout links: "));  // the annotations' summary line

  // A finding at fail-on fails the step, with the summary still written.
  test::write_all(ws / "decks/week1/broken.txt", " T\n• x\njavascript:alert(1)\n");
  EXPECT_EQ(run_action(ws, action_steps(convert)[0]["with"],
                       {{"matrix.shard", "1"}, {"strategy.job-total", "1"}}),
            1)
      << ws.log();
  EXPECT_THAT(ws.log(), HasSubstr("::error file=decks/week1/broken.txt,line=3,title=not-a-link"));
}

TEST(CiExamples, GitlabParallelJobsRunLocally) {
  YAML::Node ci = YAML::LoadFile(test::source_dir() + "/docs/ci/gitlab-ci.yml");
  ci_workspace ws;
  const int shards = ci["convert"]["parallel"].as<int>();
  ASSERT_GE(shards, 2);
  for (int k = 1; k <= shards; ++k) {
    for (const auto& line : ci["convert"]["script"]) {
      EXPECT_EQ(ws.run_script(line.as<std::string>(), {{"CI_NODE_INDEX", std::to_string(k)},
                                                       {"CI_NODE_TOTAL", std::to_string(shards)}}),
                0)
          << ws.log();
    }
  }
  expect_each_deck_once(ws, shards);
  for (const auto& line : ci["links"]["script"]) {
    EXPECT_EQ(ws.run_script(line.as<std::string>(), {}), 0) << ws.log();
  }
  if (test::have_program("xmllint")) {
    auto r = run("xmllint --xpath 'count(//testsuite)' " + q(ws / "links.xml"));
    EXPECT_EQ(r.out, "10\n");
  }
}

}  // namespace
}  // namespace handout
