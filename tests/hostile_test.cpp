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
#include <nlohmann/json.hpp>
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

// Text a deck, its file name, its sidecar or a report controls, as it would
// reach a terminal or a CI log: ESC sequences (recolour, retitle), a bidi
// override, and a line break followed by a forged GitHub workflow command.
const std::string forged = "\n::error file=x::forged";
const std::vector<std::string> raw_sequences = {"\x1b", "\x07", "\u202e", forged, "\r::"};

void expect_no_raw_control_text(const std::string& where, const std::string& printed) {
  for (const auto& raw : raw_sequences) {
    EXPECT_EQ(printed.find(raw), std::string::npos)
        << where << " prints raw " << test::quote(raw) << ":\n"
        << printed.substr(0, 2000);
  }
}

// A slide title with an override, a pp search with ESC sequences and a
// forged command, in a deck whose file name holds them too.
std::string write_injection_deck(const test::temp_dir& dir) {
  const std::string query = "\x1b]0;owned\x07\x1b[31mred\u202e" + forged;
  std::string pp = "\xca\x05" + std::string(1, static_cast<char>(query.size())) + query;
  std::string b64;
  for (char c : test::base64url(pp, true)) b64 += c == '=' ? "%3D" : std::string(1, c);
  fs::create_directories(dir / "decks");
  const std::string deck = dir / ("decks/talk\x1b[2J\u202e" + forged + ".txt");
  write_all(
      deck,
      " Cats \u202eevil\u202c title\n• cute cats\nhttps://www.youtube.com/watch?v=t45S_MwAcOw&pp=" +
          b64 + "\n");
  return deck;
}

TEST(Hostile, TerminalAndLogOutputsEscapeControlBidiAndForgedCommands) {
  test::temp_dir dir;
  const std::string deck = write_injection_deck(dir);
  write_all(dir / "decks/other.txt", " Other\n• x\nhttps://youtu.be/t45S_MwAcOw\n");
  write_all(dir / "decks/bad.txt", " Bad\n• x\n");
  write_all(dir / "decks/bad.meta.yaml", "\"k\\e[31m\\u202e\\n::error file=x::forged\": 1\n");
  auto p = run_handout("parse " + quote(deck));
  expect_no_raw_control_text("parse (stderr)", p.err);
  auto bad = run_handout("parse " + quote(dir / "decks/bad.txt"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_THAT(bad.err, HasSubstr("unknown key 'k\\x1b[31m\\u202e\\x0a::error file=x::forged'"));
  expect_no_raw_control_text("parse of a sidecar key", bad.out + bad.err);
  auto c = run("CI=true " + test::handout_binary() + " convert " + quote(dir / "decks") + " -o " +
               quote(dir / "out") + " --formats xml,links");
  EXPECT_EQ(c.status, 2) << c.err;
  EXPECT_THAT(c.err, HasSubstr("talk\\x1b[2J\\u202e\\x0a::error file=x::forged.txt"));
  expect_no_raw_control_text("convert", c.out + c.err);
  for (const char* format : {"text", "github"}) {
    auto l = run_handout("links --format " + std::string(format) + " " + quote(deck));
    EXPECT_NE(l.status, 2) << format << ": " << l.err;
    expect_no_raw_control_text(std::string("links --format ") + format, l.out + l.err);
    EXPECT_THAT(l.out, HasSubstr("\\x1b]0;owned\\x07\\x1b[31mred\\u202e")) << format;
  }
  auto text = run_handout("links --format text " + quote(deck)).out;
  EXPECT_THAT(text, HasSubstr("Cats \\u202eevil\\u202c title"));
  // Every annotation is one line, and each starts with a command of ours.
  auto github = run_handout("links --format github " + quote(deck)).out;
  std::size_t start = 0;
  for (std::size_t end; (end = github.find('\n', start)) != std::string::npos; start = end + 1) {
    std::string line = github.substr(start, end - start);
    EXPECT_TRUE(line.starts_with("::notice file=") || line.starts_with("::warning file=") ||
                line.starts_with("::error file=") || line.starts_with("handout links: "))
        << line;
  }
  // The same report through --merge, from a JSON report that holds the raw text.
  auto merged =
      run_handout("links --merge " + quote(dir / "out/talk\x1b[2J\u202e" + forged + ".links.json") +
                  " --format github");
  EXPECT_NE(merged.status, 2) << merged.err;
  expect_no_raw_control_text("links --merge --format github", merged.out + merged.err);
}

TEST(Hostile, JsonAndSarifReportsKeepTheTrueTextOfEscapedInput) {
  test::temp_dir dir;
  const std::string deck = write_injection_deck(dir);
  auto j = run_handout("links --format json " + quote(deck));
  ASSERT_NE(j.status, 2) << j.err;
  auto report = nlohmann::json::parse(j.out);
  const std::string dumped = report.dump();  // ensure_ascii off: the text as it is
  EXPECT_THAT(dumped, HasSubstr("Cats \u202eevil\u202c title"));
  EXPECT_THAT(dumped,
              HasSubstr("\\u001b]0;owned\\u0007\\u001b[31mred\u202e\\n::error file=x::forged"));
  EXPECT_THAT(dumped, HasSubstr("talk\\u001b[2J\u202e\\n::error file=x::forged.txt"));
  auto s = run_handout("links --format sarif " + quote(deck));
  ASSERT_NE(s.status, 2) << s.err;
  EXPECT_THAT(nlohmann::json::parse(s.out).dump(), HasSubstr("red\u202e\\n::error file=x::forged"));
}

// What XML 1.0 cannot carry, from a file name, a pp search, --merge or an
// intermediate read back, never reaches an XML file: each writer's output
// is well-formed to xmllint.
TEST(Hostile, EveryXmlWriterDropsWhatXml10CannotCarry) {
  if (!test::have_program("xmllint") || !test::have_program("unzip")) {
    GTEST_SKIP() << "needs xmllint and unzip";
  }
  test::temp_dir dir;
  const std::string deck = write_injection_deck(dir);
  auto well_formed = [&](const std::string& what, const std::string& xml) {
    write_all(dir / "check.xml", xml);
    auto r = run("xmllint --noout " + quote(dir / "check.xml"));
    EXPECT_EQ(r.status, 0) << what << ": " << r.err.substr(0, 500);
    EXPECT_EQ(xml.find("&#27;"), std::string::npos) << what;
    EXPECT_EQ(xml.find("\x1b"), std::string::npos) << what;
  };
  auto junit = run_handout("links --format junit " + quote(deck));
  EXPECT_NE(junit.status, 2) << junit.err;
  EXPECT_THAT(junit.out, HasSubstr("]0;owned[31mred\u202e"));
  well_formed("links --format junit", junit.out);
  auto json =
      run_handout("links --format json -o " + quote(dir / "report.json") + " " + quote(deck));
  ASSERT_NE(json.status, 2) << json.err;
  auto merged = run_handout("links --merge " + quote(dir / "report.json") + " --format junit");
  EXPECT_NE(merged.status, 2) << merged.err;
  well_formed("links --merge --format junit", merged.out);
  auto parsed = run_handout("parse " + quote(deck));
  ASSERT_EQ(parsed.status, 0) << parsed.err;
  well_formed("parse (a file name with ESC)", parsed.out);
  // An intermediate whose source names ESC by a character reference (the
  // reader refuses one in text, not in this attribute), read back.
  write_all(dir / "in.xml",
            "<?xml version=\"1.0\"?>\n<report version=\"1\" source=\"a&#27;b.txt\"><meta>"
            "<title>T</title></meta><section line=\"1\"><slide line=\"2\"><title>x</title>"
            "</slide></section></report>\n");
  auto reread = run_handout("parse " + quote(dir / "in.xml"));
  ASSERT_EQ(reread.status, 0) << reread.err;
  EXPECT_THAT(reread.out, HasSubstr("source=\"ab.txt\""));
  well_formed("parse of an intermediate", reread.out);
  auto from_xml = run_handout("links --format junit " + quote(dir / "in.xml"));
  well_formed("links --format junit of an intermediate", from_xml.out);
  auto docx = run_handout("convert " + quote(dir / "in.xml") + " --from xml --formats docx -o " +
                          quote(dir / "out") + " -q");
  ASSERT_EQ(docx.status, 0) << docx.err;
  for (const char* part : {"word/document.xml", "docProps/core.xml"}) {
    auto r = run("unzip -p " + quote(dir / "out/in.docx") + " " + part);
    ASSERT_EQ(r.status, 0) << part;
    well_formed(std::string("docx ") + part, r.out);
  }
  well_formed("flat OPC", read_all(dir / "out/in.docx.xml"));
}

// Markdown a deck's file name, a sidecar key (in an error) or a pp search
// could inject into OUT/summary.md or NAME.links.md (both go to GitHub's
// step summary): headings, links, images, HTML, a fence that ends the error
// block. Rendered by pandoc as GitHub does, none of them appears.
TEST(Hostile, MarkdownOutputsEscapeInjectedHeadingsLinksImagesAndFences) {
  if (!test::have_program("pandoc")) GTEST_SKIP() << "needs pandoc";
  test::temp_dir dir;
  // A file name holds no slash: the links are relative, the image an HTML tag.
  const std::string injected = "x`` | ![img](evil.png) [a](javascript:alert(1)) <img src=e.png>";
  fs::create_directories(dir / "decks");
  write_all(dir / ("decks/" + injected + ".txt"),
            " Cats\n\u2022 cute\nhttps://youtu.be/t45S_MwAcOw\n");
  write_all(dir / "decks/bad.txt", " Bad\n\u2022 x\n");
  write_all(dir / "decks/bad.meta.yaml",
            "\"k\\n````\\n# Injected heading\\n![img](http://evil.example/k.png)\\n"
            "<img src=http://evil.example/k2.png>\": 1\n");
  auto c = run_handout("convert " + quote(dir / "decks") + " -o " + quote(dir / "out") +
                       " --formats xml,links -q");
  EXPECT_EQ(c.status, 2) << c.err;
  for (const std::string& md : std::vector<std::string>{"summary.md", injected + ".links.md"}) {
    const std::string path = dir / ("out/" + md);
    ASSERT_TRUE(fs::exists(path)) << md;
    auto html = run("pandoc -f gfm -t html " + quote(path));
    ASSERT_EQ(html.status, 0) << html.err;
    EXPECT_THAT(html.out, ::testing::Not(HasSubstr("<img"))) << md << ":\n" << html.out;
    EXPECT_THAT(html.out, ::testing::Not(HasSubstr("href=\"http://evil"))) << md;
    EXPECT_THAT(html.out, ::testing::Not(HasSubstr("href=\"javascript"))) << md;
    EXPECT_THAT(html.out, ::testing::Not(HasSubstr("href=\"evil"))) << md;
    EXPECT_THAT(html.out, ::testing::Not(HasSubstr("<h1"))) << md;
    EXPECT_THAT(html.out, ::testing::Not(HasSubstr("Injected heading</h"))) << md;
  }
  // The error block still holds the error, escaped, in one piece.
  const std::string summary = read_all(dir / "out/summary.md");
  EXPECT_THAT(summary, HasSubstr("`````text\n"));
  EXPECT_THAT(summary, HasSubstr("unknown key 'k\\x0a````\\x0a# Injected heading"));
}

// A deck, sidecar or style that is a symbolic link out of its input tree (a
// pull request committing `talk.meta.yaml -> /etc/shadow`) is refused, and
// nothing of its target reaches a message or summary.md; --follow-symlinks
// reads it, and then a message quotes a short excerpt only.
TEST(Hostile, SymlinksLeadingOutOfTheInputTreeAreRefusedUnlessFollowed) {
  test::temp_dir dir;
  const std::string secret_line = "root:$y$j9T$SECRETSECRET" + std::string(100, 'S') + ":19000:0";
  write_all(dir / "secret", secret_line + "\n" + secret_line + "\n");
  write_all(dir / "outside.txt", " Outside\n\u2022 SECRET deck text\n");
  fs::create_directories(dir / "decks/sub");
  write_all(dir / "decks/talk.txt", " Talk\n\u2022 x\n");
  fs::create_symlink(dir / "secret", dir / "decks/talk.meta.yaml");
  fs::create_symlink(dir / "outside.txt", dir / "decks/sub/linked.txt");
  write_all(dir / "decks/common.meta.yaml", "title: Shared\n");
  write_all(dir / "decks/inside.txt", " Inside\n\u2022 x\n");
  fs::create_symlink("common.meta.yaml", dir / "decks/inside.meta.yaml");  // stays inside

  auto c = run_handout("convert " + quote(dir / "decks") + " -o " + quote(dir / "out") +
                       " --formats xml -q");
  EXPECT_EQ(c.status, 2);
  EXPECT_THAT(c.err, HasSubstr("talk.meta.yaml: error: leads by a symbolic link to "));
  EXPECT_THAT(c.err, HasSubstr("linked.txt: error: leads by a symbolic link to "));
  EXPECT_THAT(c.err, HasSubstr("(--follow-symlinks reads it)"));
  EXPECT_THAT(c.err, ::testing::Not(HasSubstr("SECRET")));
  EXPECT_THAT(read_all(dir / "out/summary.md"), ::testing::Not(HasSubstr("SECRET")));
  EXPECT_THAT(read_all(dir / "out/inside.xml"), HasSubstr("<title>Shared</title>"));
  // A file named on the command line: its own directory is its tree.
  auto p = run_handout("parse " + quote(dir / "decks/talk.txt"));
  EXPECT_EQ(p.status, 2);
  EXPECT_THAT(p.err, ::testing::Not(HasSubstr("SECRET")));
  auto l = run_handout("links " + quote(dir / "decks/sub"));
  EXPECT_EQ(l.status, 2);
  EXPECT_THAT(l.out + l.err, ::testing::Not(HasSubstr("SECRET")));
  fs::create_symlink(dir / "secret", dir / "decks/style.yaml");
  auto s = run_handout("convert " + quote(dir / "decks/inside.txt") + " --style " +
                       quote(dir / "decks/style.yaml") + " -o " + quote(dir / "out2") + " -q");
  EXPECT_EQ(s.status, 2);
  EXPECT_THAT(s.err, HasSubstr("style.yaml: error: leads by a symbolic link to "));
  EXPECT_THAT(s.err, ::testing::Not(HasSubstr("SECRET")));

  // Followed on request: the linked deck converts; the secret sidecar is
  // still no metadata, and its errors quote at most a short excerpt.
  auto f = run_handout("--follow-symlinks convert " + quote(dir / "decks") + " -o " +
                       quote(dir / "out3") + " --formats xml -q");
  EXPECT_EQ(f.status, 2);
  EXPECT_TRUE(fs::exists(dir / "out3/sub/linked.xml")) << f.err;
  EXPECT_THAT(f.err, HasSubstr("talk.meta.yaml:1:1: error: "));
  EXPECT_THAT(f.err, ::testing::Not(HasSubstr(secret_line.substr(0, 60))));
}

// A file that is not what it claims (a secret linked in, with
// --follow-symlinks, or pasted by mistake) is never quoted whole: each
// message quotes at most limits::max_quoted_chars characters of it.
TEST(Hostile, MessagesQuoteAtMostAShortExcerptOfAFile) {
  test::temp_dir dir;
  const std::string secret = "SECRET" + std::string(200, 'x');
  write_all(dir / "talk.txt", " Talk\n\u2022 x\n");
  write_all(dir / "talk.meta.yaml", secret + ": 1\ndate: " + secret + "\n");
  write_all(dir / "style.yaml", "page:\n  margin: " + secret + "\n" + secret + ": 1\n");
  write_all(dir / "bad.json", "{\"decks\": \"" + secret);
  std::vector<std::string> outputs;
  outputs.push_back(run_handout("parse " + quote(dir / "talk.txt")).err);
  outputs.push_back(run_handout("convert " + quote(dir / "talk.txt") + " --style " +
                                quote(dir / "style.yaml") + " -o " + quote(dir / "out") + " -q")
                        .err);
  outputs.push_back(run_handout("links --merge " + quote(dir / "bad.json")).err);
  for (const auto& err : outputs) {
    EXPECT_THAT(err, HasSubstr("SECRET")) << "the case must reach a quoting message:\n" << err;
    EXPECT_THAT(err, ::testing::Not(HasSubstr(secret.substr(0, 41)))) << err;
    EXPECT_THAT(err, HasSubstr("\u2026")) << err;
  }
}

}  // namespace
}  // namespace handout
