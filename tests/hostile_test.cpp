// Hostile input through every format: text that breaks naive writers, huge
// decks, odd file names, and a disk that fills up. Nothing may crash, write
// outside the output directory or leave a half-written file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "test_support.hpp"

namespace handout {
namespace {

namespace fs = std::filesystem;
using test::quote;
using test::read_all;
using test::run;
using test::run_handout;
using test::write_all;
using ::testing::HasSubstr;


// Every regular file below `dir`, as paths relative to it.
std::set<std::string> files_below(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).string());
  }
  return out;
}

bool have_tools() {
  return test::have_program("xmllint") && test::have_program("qpdf") &&
         test::have_program("pdftotext") && test::have_program("python3");
}

// Converts `deck` to every format and checks each output with a real reader.
void convert_and_check_every_format(const test::temp_dir& dir, const std::string& deck,
                                    const std::string& name) {
  auto r = run_handout("convert " + quote(deck) + " -o " + quote(dir / "out") + " -q");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string stem = dir / ("out/" + name);
  EXPECT_EQ(run("xmllint --noout --schema " + test::source_dir() + "/schemas/handout.xsd " +
                quote(stem + ".xml"))
                .status,
            0);
  EXPECT_EQ(run("xmllint --noout " + quote(stem + ".docx.xml")).status, 0);
  EXPECT_EQ(
      run("unzip -p " + quote(stem + ".docx") + " word/document.xml | xmllint --noout -").status,
      0);
  EXPECT_EQ(run("python3 -m json.tool " + quote(stem + ".links.json")).status, 0);
  auto check = run("qpdf --check " + quote(stem + ".pdf"));
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST(Hostile, XmlSpecialsAndCharactersXmlCannotCarryInEveryFormat) {
  if (!have_tools()) GTEST_SKIP() << "needs xmllint, qpdf, pdftotext and python3";
  test::temp_dir dir;
  write_all(dir / "deck.txt",
            " 01\nTags <b>&amp; \"quotes\" 'apostrophes'\n Slide ]]> <![CDATA[x]]>\n"
            "• a < b && c > d \x01 bell\x07 and escape \x1B[31m\n"
            "◦ <script>alert('x')</script>\n"
            "https://www.youtube.com/watch?v=t45S_MwAcOw&a=<b>&c=\"d\"\n");
  auto r = run_handout("convert " + quote(dir / "deck.txt") + " -o " + quote(dir / "out") + " -q");
  EXPECT_THAT(r.err, HasSubstr("character U+0001 cannot be written to XML; dropped"));
  convert_and_check_every_format(dir, dir / "deck.txt", "deck");
  auto text = run("pdftotext " + quote(dir / "out/deck.pdf") + " -").out;
  EXPECT_THAT(text, HasSubstr("a < b && c > d"));
  EXPECT_THAT(text, HasSubstr("<script>alert('x')</script>"));
  EXPECT_THAT(read_all(dir / "out/deck.xml"), HasSubstr("<title>Tags &lt;b&gt;&amp;amp;"));
}

TEST(Hostile, PdfStringSpecialsInTitlesBookmarksAndInfo) {
  if (!have_tools()) GTEST_SKIP() << "needs xmllint, qpdf, pdftotext and python3";
  test::temp_dir dir;
  write_all(dir / "deck.txt", " 01\nParens (a) \\b\\ ) (\n Slide \\) \\(\\\\\n• x\n");
  write_all(dir / "deck.meta.yaml", "title: 'Report (draft) \\ back\\slash'\nauthor: A (B) \\C\n");
  convert_and_check_every_format(dir, dir / "deck.txt", "deck");
  auto info = run("pdfinfo " + quote(dir / "out/deck.pdf")).out;
  EXPECT_THAT(info, HasSubstr("Report (draft) \\ back\\slash"));
  EXPECT_THAT(info, HasSubstr("A (B) \\C"));
  auto outline = run("qpdf --json --json-key=outlines " + quote(dir / "out/deck.pdf")).out;
  EXPECT_THAT(outline, HasSubstr("Parens (a) \\\\b\\\\ ) ("));  // JSON-escaped backslashes
}

TEST(Hostile, RightToLeftAndCombiningText) {
  if (!have_tools()) GTEST_SKIP() << "needs xmllint, qpdf, pdftotext and python3";
  test::temp_dir dir;
  write_all(dir / "deck.txt",
            " 01\nالذكاء الاصطناعي\n שקופית עם טקסט\n"
            "• cafe\xCC\x81 and \xE0\xA4\xA8\xE0\xA4\xBF mixed with עברית and 中文\n"
            "• \xE2\x80\xAE reversed by an override \xE2\x80\xAC and a\xCC\x81\xCC\x82\xCC\x83 "
            "stacked\n");
  convert_and_check_every_format(dir, dir / "deck.txt", "deck");
  EXPECT_THAT(read_all(dir / "out/deck.xml"), HasSubstr("caf\xC3\xA9 and"));  // NFC
}

TEST(Hostile, HundredThousandBulletsInEveryFormat) {
  if (!have_tools()) GTEST_SKIP() << "needs xmllint, qpdf, pdftotext and python3";
  test::temp_dir dir;
  std::string deck = " 01\nBig\n Slide\n";
  for (int i = 0; i < 100000; ++i) deck += "• bullet " + std::to_string(i) + "\n";
  write_all(dir / "big.txt", deck);
  convert_and_check_every_format(dir, dir / "big.txt", "big");
  auto text = run("pdftotext -f 1 -l 1000000 " + quote(dir / "out/big.pdf") + " -").out;
  EXPECT_THAT(text, HasSubstr("bullet 99999"));
}

TEST(Hostile, HundredMegabyteInputIsRefusedByAConfigurableLimit) {
  test::temp_dir dir;
  {
    std::string line = "• " + std::string(98, 'x') + "\n";
    std::string chunk;
    for (int i = 0; i < 10000; ++i) chunk += line;  // 1 MB
    std::ofstream out(dir / "huge.txt", std::ios::binary);
    out << " Slide\n";
    for (int i = 0; i < 100; ++i) out << chunk;
  }
  auto r = run_handout("convert " + quote(dir / "huge.txt") + " -o " + quote(dir / "out"));
  EXPECT_EQ(r.status, 2);
  EXPECT_THAT(r.err, HasSubstr("huge.txt: error: file is 103000007 bytes; the limit is 67108864 "
                               "(raise it with --max-input-size)"));
  EXPECT_TRUE(!fs::exists(dir / "out/huge.xml") && !fs::exists(dir / "out/huge.pdf"));
  auto raised = run_handout("--max-input-size 128M parse " + quote(dir / "huge.txt") + " -o " +
                            quote(dir / "huge.xml"));
  EXPECT_EQ(raised.status, 0) << raised.err;
}

TEST(Hostile, NoInputNameWritesOutsideTheOutputDirectory) {
  test::temp_dir dir;
  fs::create_directories(dir / "in/sub");
  const std::string deck = " Slide\n• x\n";
  for (const char* name : {"in/..txt", "in/-o.txt", "in/a b.txt", "in/sub/..txt",
                           "in/sub/.hidden.txt", "in/$(touch pwned).txt", "in/sub/x;rm.txt"}) {
    write_all(dir / name, deck);
  }
  fs::create_directory_symlink("..", dir / "in/sub/loop");  // a cycle back up the tree
  std::set<std::string> before = files_below(dir.path());
  auto r = run_handout("convert " + quote(dir / "in") + " -o " + quote(dir / "out") +
                       " --formats xml -q");
  EXPECT_NE(r.status, -1);
  EXPECT_FALSE(fs::exists(dir / "pwned"));
  for (const auto& f : files_below(dir.path())) {
    if (before.count(f) == 0) {
      EXPECT_TRUE(f.starts_with("out/")) << f << " was written";
    }
  }
  EXPECT_TRUE(fs::exists(dir / "out/a b.xml"));
  EXPECT_TRUE(fs::exists(dir / "out/-o.xml"));
}

TEST(Hostile, FullDiskIsAClearErrorAndKeepsEarlierOutputsWhole) {
  test::temp_dir dir;
  const std::string sample = test::source_dir() + "/input/ai-2019-review.txt";
  fs::copy_file(sample, dir / "deck.txt");
  ASSERT_EQ(run_handout("convert " + quote(dir / "deck.txt") + " -o " + quote(dir / "out") + " -q")
                .status,
            0);
  std::map<std::string, std::string> before;
  for (const auto& f : files_below(dir / "out")) before[f] = read_all(dir / ("out/" + f));
  write_all(dir / "deck.txt", read_all(sample) + "\n Another slide\n• more text\n");
  // Files of at most 64 KiB: the intermediate fits, the PDF does not.
  auto r = run("ulimit -f 64; " + test::handout_binary() + " convert " + quote(dir / "deck.txt") +
               " -o " + quote(dir / "out") + " -q --force");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("deck.pdf: error: cannot write"));
  EXPECT_THAT(r.err, HasSubstr("File too large"));
  EXPECT_THAT(read_all(dir / "out/deck.xml"), HasSubstr("Another slide"));  // written whole
  EXPECT_EQ(read_all(dir / "out/deck.pdf"), before["deck.pdf"]) << "a failed write changed it";
  for (const auto& [f, bytes] : before) {
    std::string now = read_all(dir / ("out/" + f));
    EXPECT_TRUE(now == bytes || now.find("Another slide") != std::string::npos ||
                f.starts_with("summary") || f.starts_with(".handout") || f.ends_with(".docx"))
        << f << " is neither the old file nor the new one";
  }
  for (const auto& f : files_below(dir / "out")) {
    EXPECT_THAT(f, ::testing::Not(HasSubstr(".tmp-"))) << "a temp file was left behind";
  }
}

TEST(Hostile, DeeplyNestedIntermediateIsOneErrorInEveryCommandEvenOnASmallStack) {
  test::temp_dir dir;
  // 30,000 levels (1.8 MB) overflowed the recursive reader's 8 MiB stack; pugixml
  // itself parses and frees a tree without recursion, so 200,000 levels on a
  // 256 KiB stack check that too.
  for (int depth : {30000, 200000}) {
    std::string xml = "<report version=\"1\" source=\"s\"><section line=\"1\"><slide line=\"2\">";
    for (int i = 0; i < depth; ++i) xml += "<list><item level=\"1\" line=\"3\"><text>x</text>";
    for (int i = 0; i < depth; ++i) xml += "</item></list>";
    write_all(dir / "deep.xml", xml + "</slide></section></report>\n");
    for (const std::string command : {"parse", "links", "convert -o out --formats xml"}) {
      auto r = run("ulimit -s 256; " + test::handout_binary() + " " + command + " " +
                   quote(dir / "deep.xml"));
      EXPECT_EQ(r.status, 2) << depth << " " << command << ": " << r.err.substr(0, 300);
      EXPECT_THAT(r.err, HasSubstr("error: lists nest at most 3 deep")) << command;
      EXPECT_LT(std::count(r.err.begin(), r.err.end(), '\n'), 60) << command;
    }
  }
}

// libharu refuses a string over 65,535 bytes ("cannot draw page 3 (libharu
// error 0x105B)"): text that has no break opportunity must still be drawn,
// in pieces, whole; a bookmark shows the start of a long title, and a link
// address too long for libharu is shown without its clickable area.
TEST(Hostile, UnbreakableTextLongerThanALibharuStringIsDrawnWhole) {
  if (!have_tools()) GTEST_SKIP() << "needs xmllint, qpdf, pdftotext and python3";
  test::temp_dir dir;
  std::string marks, joiners;
  for (int i = 0; i < 70000; ++i) marks += "\xCC\x81";         // U+0301
  for (int i = 0; i < 100000; ++i) joiners += "\xE2\x80\x8D";  // U+200D
  const std::map<std::string, std::string> decks = {
      {"link", "https://example.org/" + std::string(70000, 'a') + "\n"},
      {"title", " " + std::string(70000, 'T') + "\n\u2022 x\n"},  // a bookmark too
      {"bullet", "\u2022 " + std::string(70000, 'b') + "\n"},
      {"marks", "\u2022 e" + marks + " end\n"},
      {"joiners", "\u2022 x" + joiners + "y\n"},
  };
  for (const auto& [name, body] : decks) {
    write_all(dir / (name + ".txt"), " 01\nSection\n Slide\n" + body);
    auto r = run_handout("convert " + quote(dir / (name + ".txt")) + " -o " + quote(dir / "out") +
                         " --formats pdf -q");
    EXPECT_EQ(r.status, 0) << name << ": " << r.err;
    auto check = run("qpdf --check " + quote(dir / ("out/" + name + ".pdf")));
    EXPECT_EQ(check.status, 0) << name << ": " << check.out << check.err;
  }
  auto text = run("pdftotext " + quote(dir / "out/bullet.pdf") + " -").out;
  std::size_t bs = 0;
  for (char c : text) bs += c == 'b';
  EXPECT_GE(bs, 70000u) << "every character of the unbreakable word is drawn";
}

TEST(Hostile, DeeplyNestedOrAliasBombYamlIsAnErrorNotACrash) {
  test::temp_dir dir;
  const std::string sample = test::source_dir() + "/input/ai-2019-review.txt";
  std::string deep = "fonts: " + std::string(30000, '[') + std::string(30000, ']') + "\n";
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  bomb += "fonts: *k\n";
  for (const auto& [name, yaml] : {std::pair{"deep", deep}, std::pair{"bomb", bomb}}) {
    write_all(dir / (std::string(name) + ".yaml"), yaml);
    auto r = run_handout("convert " + quote(sample) + " -o " + quote(dir / "out") +
                         " --formats xml --style " + quote(dir / (std::string(name) + ".yaml")));
    EXPECT_EQ(r.status, 2) << name << ": " << r.err.substr(0, 300);
    EXPECT_THAT(r.err, HasSubstr(std::string(name) + ".yaml:")) << name;
    if (std::string(name) == "deep") {
      EXPECT_THAT(r.err, HasSubstr("error: malformed YAML: nested too deeply")) << "not 'bad file'";
    }
    write_all(dir / "deck.txt", " T\n• x\n");
    write_all(dir / "deck.meta.yaml",
              std::string(name) == "deep" ? "title: " + deep.substr(7) : bomb);
    auto p = run_handout("parse " + quote(dir / "deck.txt"));
    EXPECT_EQ(p.status, 2) << name << ": " << p.err.substr(0, 300);
    if (std::string(name) == "deep") {
      EXPECT_THAT(p.err, HasSubstr("nested too deeply"));
    }
  }
}

}  // namespace
}  // namespace handout
