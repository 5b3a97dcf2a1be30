// `handout links` and the `links` format of `convert`, through the built CLI;
// every output format read back by a real parser.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "test_support.hpp"

namespace handout::test {
namespace {

const std::string sample = "input/ai-2019-review.txt";  // tests run from the source tree
std::string clean() { return data_path("links-clean.txt"); }
std::string broken() { return data_path("links-broken.txt"); }


int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// --- usage and exit status -----------------------------------------------------

TEST(LinksCli, HelpListsFormatsAndLevels) {
  auto r = run_handout("links --help");
  EXPECT_EQ(r.status, 0);
  for (const char* word : {"text", "json", "markdown", "junit", "sarif", "github", "--fail-on"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
  EXPECT_NE(run_handout("--help").out.find("links FILE"), std::string::npos);
}

TEST(LinksCli, BadUsageExitsTwo) {
  EXPECT_EQ(run_handout("links").status, 2);
  EXPECT_EQ(run_handout("links " + sample + " --format yaml").status, 2);
  EXPECT_EQ(run_handout("links " + sample + " --fail-on sometimes").status, 2);
  EXPECT_EQ(run_handout("links " + sample + " --format").status, 2);
  EXPECT_EQ(run_handout("links " + sample + " --frobnicate").status, 2);
  auto r = run_handout("links " + sample + " --format yaml");
  EXPECT_NE(r.err.find("unknown format 'yaml'"), std::string::npos) << r.err;
}

TEST(LinksCli, UnreadableInputExitsTwoAndStillReportsTheOthers) {
  auto r = run_handout("links /nonexistent/deck.txt " + clean() + " --format json");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/deck.txt"), std::string::npos);
  EXPECT_NE(r.out.find("links-clean.txt"), std::string::npos);
}

TEST(LinksCli, ErrorsFailByDefault) {
  EXPECT_EQ(run_handout("links " + sample).status, 1);
  EXPECT_EQ(run_handout("links " + broken()).status, 1);
}

TEST(LinksCli, FailOnChoosesTheLeastFailingLevel) {
  // The clean deck has infos only; the sample has errors, a warning, infos.
  EXPECT_EQ(run_handout("links " + clean()).status, 0);
  EXPECT_EQ(run_handout("links " + clean() + " --fail-on warning").status, 0);
  EXPECT_EQ(run_handout("links " + clean() + " --fail-on info").status, 1);
  EXPECT_EQ(run_handout("links " + sample + " --fail-on none").status, 0);
  EXPECT_EQ(run_handout("links " + sample + " --fail-on error").status, 1);
}

TEST(LinksCli, IntermediateGivesTheSameAudit) {
  temp_dir tmp;
  ASSERT_EQ(run_handout("parse " + sample + " -o " + quote(tmp / "deck.xml")).status, 0);
  auto from_text = run_handout("links " + sample + " --format json");
  auto from_xml = run_handout("links " + quote(tmp / "deck.xml") + " --format json");
  EXPECT_EQ(from_xml.status, 1);
  // The intermediate records its text deck, whose lines the findings name.
  EXPECT_TRUE(from_xml.out == from_text.out) << "the audits differ";
  EXPECT_NE(from_xml.out.find("\"source\": \"" + sample + "\""), std::string::npos);
}

TEST(LinksCli, OutputFileIsWrittenWhole) {
  temp_dir tmp;
  auto r = run_handout("links " + sample + " --format json -o " + quote(tmp / "audit.json"));
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(read_all(tmp / "audit.json"), run_handout("links " + sample + " --format json").out);
  auto bad = run_handout("links " + sample + " -o /nonexistent/dir/audit.txt");
  EXPECT_EQ(bad.status, 2);
  EXPECT_FALSE(bad.err.empty());
}

TEST(LinksCli, DirectoryStandsForItsDecks) {
  auto r = run_handout("links input --format json");
  EXPECT_NE(r.out.find("\"source\": \"input/ai-2019-review.txt\""), std::string::npos);
}

// --- text ----------------------------------------------------------------------

TEST(LinksText, GroupedBySlideWithoutColourOnAPipe) {
  auto r = run_handout("links " + sample);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_NE(r.out.find("AI 安全问题 (line 192)"), std::string::npos);
  EXPECT_NE(r.out.find("youtu.be/qoSKbMbf1Pw ▶ 8:47"), std::string::npos);
  EXPECT_NE(r.out.find("21 links (19 distinct URLs, 18 distinct videos) on 11 slides"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(count(r.out, "error duplicate-on-slide"), 2);
}

TEST(LinksText, ColourOnATerminalOnlyAndNeverWithNoColorOrADumbTerminal) {
  if (!have_program("script")) GTEST_SKIP() << "needs script(1) for a terminal";
  std::string cmd = handout_binary() + " links " + sample;
  auto tty = run("TERM=xterm script -qec " + quote(cmd) + " /dev/null");
  EXPECT_NE(tty.out.find("\x1b[1;31merror"), std::string::npos) << tty.out.substr(0, 300);
  auto no_color = run("TERM=xterm NO_COLOR=1 script -qec " + quote(cmd) + " /dev/null");
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos);
  auto dumb = run("TERM=dumb script -qec " + quote(cmd) + " /dev/null");
  EXPECT_EQ(dumb.out.find('\x1b'), std::string::npos);
  EXPECT_NE(dumb.out.find("error duplicate-on-slide"), std::string::npos);
}

// --- JSON ------------------------------------------------------------------------

TEST(LinksJson, ParsesAndFollowsTheDocumentedSchema) {
  if (!have_program("python3")) GTEST_SKIP() << "needs python3";
  temp_dir tmp;
  for (const std::string& deck : {sample, broken(), clean()}) {
    run_handout("links " + quote(deck) + " --format json -o " + quote(tmp / "a.json"));
    EXPECT_EQ(run("python3 -m json.tool " + quote(tmp / "a.json")).status, 0) << deck;
    auto v = run("python3 " + source_dir() + "/tests/tools/check_json_schema.py " + source_dir() +
                 "/docs/links.schema.json " + quote(tmp / "a.json"));
    EXPECT_EQ(v.status, 0) << deck << "\n" << v.out << v.err;
  }
}

TEST(LinksJson, SummaryAddsUpAcrossFiles) {
  if (!have_program("python3")) GTEST_SKIP() << "needs python3";
  temp_dir tmp;
  run_handout("links " + sample + " " + broken() + " --format json -o " + quote(tmp / "a.json"));
  auto r = run("python3 -c " +
               quote("import json,sys; d=json.load(open(sys.argv[1])); s=d[\"summary\"]; "
                     "print(s[\"files\"], s[\"links\"], s[\"errors\"], len(d[\"findings\"]), "
                     "sum(f[\"summary\"][\"links\"] for f in d[\"files\"]))") +
               " " + quote(tmp / "a.json"));
  EXPECT_EQ(r.out, "2 27 5 37 27\n");  // 2 of the 37: videos in both decks (duplicate-across-decks)
}

// --- JUnit -----------------------------------------------------------------------

TEST(LinksJunit, WellFormedWithOneCasePerLinkAndFailuresForErrors) {
  if (!have_program("xmllint")) GTEST_SKIP() << "needs xmllint";
  temp_dir tmp;
  run_handout("links " + sample + " --format junit -o " + quote(tmp / "j.xml"));
  EXPECT_EQ(run("xmllint --noout " + quote(tmp / "j.xml")).status, 0);
  auto xpath = [&](const std::string& expr) {
    std::string out = run("xmllint --xpath " + quote(expr) + " " + quote(tmp / "j.xml")).out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  };
  EXPECT_EQ(xpath("count(//testcase)"), "21");
  EXPECT_EQ(xpath("count(//testcase/failure)"), "2");
  EXPECT_EQ(xpath("string(/testsuites/@tests)"), "21");
  EXPECT_EQ(xpath("string(/testsuites/@failures)"), "2");
  EXPECT_EQ(xpath("string(//testcase[failure][1]/failure/@type)"), "duplicate-on-slide");
  EXPECT_EQ(xpath("string(//testcase[failure][1]/@line)"), "218");
}

// --- SARIF -----------------------------------------------------------------------

TEST(LinksSarif, HasTheRequiredFieldsAndOneRulePerId) {
  if (!have_program("python3")) GTEST_SKIP() << "needs python3";
  temp_dir tmp;
  for (const std::string& deck : {sample, broken()}) {
    run_handout("links " + quote(deck) + " --format sarif -o " + quote(tmp / "s.sarif"));
    auto v =
        run("python3 " + source_dir() + "/tests/tools/check_sarif.py " + quote(tmp / "s.sarif"));
    EXPECT_EQ(v.status, 0) << deck << "\n" << v.out << v.err;
  }
  auto r = run("python3 -c " +
               quote("import json,sys; d=json.load(open(sys.argv[1])); run=d[\"runs\"][0]; "
                     "print(len(run[\"tool\"][\"driver\"][\"rules\"]), len(run[\"results\"]), "
                     "run[\"results\"][-1][\"locations\"][0][\"physicalLocation\"][\"region\"]"
                     "[\"startLine\"])") +
               " " + quote(tmp / "s.sarif"));
  EXPECT_EQ(r.out, "15 10 9\n");  // 15 rules; broken deck: 10 findings, the last on line 9
}

TEST(LinksSarif, SourcePathIsAUriReference) {
  temp_dir tmp;
  std::string odd = tmp / "my deck#1.txt";
  write_all(odd, read_all(broken()));
  auto r = run_handout("links " + quote(odd) + " --format sarif");
  EXPECT_NE(r.out.find("my%20deck%231.txt"), std::string::npos);
}

// --- GitHub annotations ---------------------------------------------------------

TEST(LinksGithub, OneAnnotationPerFindingEscapedAsTheToolkit) {
  temp_dir tmp;
  std::string odd = tmp / "a,b:c%.txt";
  write_all(odd, read_all(broken()));
  auto r = run_handout("links " + quote(odd) + " --format github");
  EXPECT_EQ(r.status, 1);
  std::regex annotation(R"(::(error|warning|notice) file=[^,:]+,line=[0-9]+,title=[a-z-]+::.*)");
  int annotations = 0;
  std::size_t start = 0;
  while (start < r.out.size()) {
    std::size_t end = r.out.find('\n', start);
    std::string line = r.out.substr(start, end - start);
    if (line.starts_with("::")) {
      EXPECT_TRUE(std::regex_match(line, annotation)) << line;
      ++annotations;
    }
    start = end + 1;
  }
  EXPECT_EQ(annotations, 10);
  EXPECT_NE(r.out.find("file=" + tmp.path() + "/a%2Cb%3Ac%25.txt,line=3,"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("::error file="), std::string::npos);
  EXPECT_NE(r.out.find("::notice file="), std::string::npos);
}

TEST(LinksGithub, PercentAndNewlinesInMessagesAreEscaped) {
  temp_dir tmp;
  std::string deck = tmp / "deck.txt";
  write_all(deck, " Slide\n• text\nhttps://example.org/100%\n");
  auto r = run_handout("links " + quote(deck) + " --format github");
  EXPECT_NE(r.out.find("https://example.org/100%25'"), std::string::npos) << r.out;
  EXPECT_EQ(count(r.out, "\n"), 2);  // one annotation, one summary line
}

// --- Markdown --------------------------------------------------------------------

TEST(LinksMarkdown, RendersAsTablesForAJobSummary) {
  if (!have_program("pandoc")) GTEST_SKIP() << "needs pandoc";
  temp_dir tmp;
  run_handout("links " + sample + " --format markdown -o " + quote(tmp / "a.md"));
  std::string md = read_all(tmp / "a.md");
  EXPECT_NE(md.find("| 1 | 11 | 21 | 19 | 18 | 2 | 1 | 22 |"), std::string::npos) << md;
  auto html = run("pandoc -f gfm -t html " + quote(tmp / "a.md"));
  EXPECT_EQ(html.status, 0);
  EXPECT_EQ(count(html.out, "<table>"), 4);  // summary, errors+warnings, infos, links
  EXPECT_EQ(count(html.out, "<td>duplicate-on-slide") + count(html.out, "<code>duplicate-on-slide"),
            2);
  EXPECT_NE(html.out.find("href=\"https://www.youtube.com/watch?v=qoSKbMbf1Pw&amp;t=527s"),
            std::string::npos);
}

// --- convert ---------------------------------------------------------------------

TEST(LinksConvert, DefaultSetWritesJsonAndMarkdown) {
  temp_dir tmp;
  auto r = run_handout("convert " + sample + " -o " + quote(tmp.path()));
  EXPECT_EQ(r.status, 0) << r.err;  // findings do not fail a conversion
  EXPECT_EQ(read_all(tmp / "ai-2019-review.links.json"),
            read_all(source_dir() + "/tests/golden/ai-2019-review.links.json"));
  EXPECT_NE(read_all(tmp / "ai-2019-review.links.md").find("## Link audit"), std::string::npos);
  auto only = run_handout("convert " + sample + " --formats links -o " + quote(tmp / "only"));
  EXPECT_EQ(only.status, 0);
  EXPECT_TRUE(std::filesystem::exists(tmp / "only/ai-2019-review.links.json"));
  EXPECT_FALSE(std::filesystem::exists(tmp / "only/ai-2019-review.xml"));
}

TEST(LinksConvert, OutputIsReproducible) {
  temp_dir a, b;
  run_handout("convert " + sample + " --formats links -o " + quote(a.path()));
  run_handout("convert " + sample + " --formats links -o " + quote(b.path()));
  EXPECT_EQ(read_all(a / "ai-2019-review.links.md"), read_all(b / "ai-2019-review.links.md"));
}

}  // namespace
}  // namespace handout::test
