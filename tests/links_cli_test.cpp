// `handout links` through the built CLI where a command case cannot say it
// (tests/cli/links-*.md hold the rest): colour on a terminal, and each output
// format read back by a real parser.
#include <gtest/gtest.h>

#include <filesystem>

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

// --- text ----------------------------------------------------------------------

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
  write_all(tmp / "bad.txt", " T\n\xff\n");  // unreadable: the report's input_errors
  for (const std::string& deck : {sample, broken(), clean(), tmp / "bad.txt"}) {
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

TEST(LinksSarif, ValidatesAgainstTheSarif210SchemaWithRootRelativePathsAndUnreadableInputs) {
  if (!have_program("python3")) GTEST_SKIP() << "needs python3";
  temp_dir tmp;
  // Inside the root (a path with "..", one with a space) and outside it.
  std::filesystem::create_directories(tmp / "root/decks");
  std::filesystem::copy_file(broken(), tmp / "root/decks/my deck.txt");
  std::filesystem::copy_file(broken(), tmp / "outside.txt");
  write_all(tmp / "root/decks/bad.txt", " T\n\xff\n");  // a notification, not a result
  auto r = run("cd " + quote(tmp / "root/decks") + " && " + handout_binary() +
               " links '../decks/my deck.txt' ../../outside.txt bad.txt --format sarif --root .. "
               "-o " +
               quote(tmp / "s.sarif"));
  ASSERT_EQ(r.status, 2) << r.err;
  auto v = run("python3 " + source_dir() + "/tests/tools/check_json_schema.py " + source_dir() +
               "/schemas/sarif-schema-2.1.0.json " + quote(tmp / "s.sarif"));
  EXPECT_EQ(v.status, 0) << v.out << v.err;
  auto fields = run("python3 -c " +
                    quote("import json,sys; run=json.load(open(sys.argv[1]))[\"runs\"][0]; "
                          "print(run[\"originalUriBaseIds\"][\"%SRCROOT%\"][\"uri\"]); "
                          "[print(a[\"location\"]) for a in run[\"artifacts\"]]; "
                          "print(run[\"results\"][0][\"locations\"][0][\"physicalLocation\"]"
                          "[\"artifactLocation\"]); i=run[\"invocations\"][0]; "
                          "print(i[\"executionSuccessful\"], i[\"toolExecutionNotifications\"]"
                          "[0][\"locations\"][0][\"physicalLocation\"][\"artifactLocation\"])") +
                    " " + quote(tmp / "s.sarif"));
  EXPECT_EQ(fields.out, "file://" + tmp / "root/" + "\n" +
                            "{'uri': 'decks/my%20deck.txt', 'uriBaseId': '%SRCROOT%'}\n" +
                            "{'uri': 'file://" + tmp / "outside.txt" + "'}\n" +
                            "{'uri': 'decks/my%20deck.txt', 'uriBaseId': '%SRCROOT%'}\n" +
                            "False {'uri': 'decks/bad.txt', 'uriBaseId': '%SRCROOT%'}\n");
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
  EXPECT_EQ(count(html.out, "<table>"), 5);  // summary, by rule, errors+warnings, infos, links
  // Two findings, and the rule's row in the counts by rule.
  EXPECT_EQ(count(html.out, "<td>duplicate-on-slide") + count(html.out, "<code>duplicate-on-slide"),
            3);
  EXPECT_NE(html.out.find("href=\"https://www.youtube.com/watch?v=qoSKbMbf1Pw&amp;t=527s"),
            std::string::npos);
}

}  // namespace
}  // namespace handout::test
