// The XML intermediate: writer, reader, schema and the reviewed golden file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "parse/load.hpp"
#include "parse/text_reader.hpp"
#include "parse/xml_reader.hpp"
#include "parse/xml_writer.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

using ::testing::HasSubstr;

report load(const std::string& path) {
  diagnostics diags;
  auto r = load_input(path, diags);
  EXPECT_TRUE(r) << (diags.all().empty() ? "" : format(diags.all().front()));
  return r.value_or(report{});
}

std::vector<std::string> decks() {
  return {"input/ai-2019-review.txt", "tests/data/english-deck.txt",
          "tests/data/crlf-bom-deck.txt"};
}

// Validates with xmllint, the real consumer of the schema.
bool validates(const std::string& xml, std::string* message = nullptr) {
  test::temp_dir dir;
  test::write_all(dir / "x.xml", xml);
  auto r = test::run("xmllint --noout --schema " + test::source_dir() + "/schemas/handout.xsd " +
                     (dir / "x.xml"));
  if (message) *message = r.err;
  return r.status == 0;
}

TEST(Golden, SampleMatchesTheReviewedIntermediate) {
  ::unsetenv("SOURCE_DATE_EPOCH");
  std::string xml = write_xml(load("input/ai-2019-review.txt"));
  test::expect_golden(test::source_dir() + "/tests/golden/ai-2019-review.xml", xml);
}

TEST(Writer, OutputIsDeterministic) {
  report r = load("input/ai-2019-review.txt");
  EXPECT_EQ(write_xml(r), write_xml(load("input/ai-2019-review.txt")));
}

TEST(Writer, EveryElementCarriesItsSourceLine) {
  std::string xml = write_xml(load("tests/data/english-deck.txt"));
  for (const char* tag : {"<section ", "<slide ", "<item ", "<link "}) {
    std::size_t pos = 0;
    while ((pos = xml.find(tag, pos)) != std::string::npos) {
      std::size_t end = xml.find('>', pos);
      EXPECT_THAT(xml.substr(pos, end - pos), HasSubstr(" line=\"")) << tag;
      pos = end;
    }
  }
}

TEST(Writer, UnnumberedSectionHasNoNumberAttribute) {
  std::string xml = write_xml(load("input/ai-2019-review.txt"));
  EXPECT_THAT(xml, HasSubstr("<section line=\"220\">\n    <title>总结</title>"));
}

TEST(Writer, UrlInBulletTextIsMarkedInline) {
  std::string xml = write_xml(load("tests/data/english-deck.txt"));
  EXPECT_THAT(xml, HasSubstr("see <url line=\"9\" column=\"53\">"
                             "https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html"
                             "</url> for details.</text>"));
}

TEST(Reader, UrlWithoutASourcePositionStillReads) {
  diagnostics diags;
  // As written before URLs carried their line and column.
  auto old = read_xml(
      "<report version=\"1\" source=\"a.txt\"><section line=\"1\"><slide "
      "line=\"1\"><title>T</title>"
      "<list><item level=\"1\" line=\"2\"><text>see <url>https://a.org/</url></text></item></list>"
      "</slide></section></report>",
      "old.xml", diags);
  ASSERT_TRUE(old) << (diags.all().empty() ? "" : format(diags.all()[0]));
  EXPECT_EQ(old->sections[0].slides[0].items[0].urls.at(0).column, 0);
}

TEST(Schema, EveryProducedIntermediateValidates) {
  if (!test::have_program("xmllint")) GTEST_SKIP() << "xmllint is not installed";
  for (const auto& deck : decks()) {
    std::string message;
    EXPECT_TRUE(validates(write_xml(load(deck)), &message)) << deck << ": " << message;
  }
  diagnostics diags;
  auto odd = read_text("• early\nhttps://x.org\n 01\n", "odd.txt", diags);
  std::string message;
  EXPECT_TRUE(validates(write_xml(*odd), &message)) << message;
}

TEST(Reader, RoundTripKeepsEverything) {
  for (const auto& deck : decks()) {
    std::string xml = write_xml(load(deck));
    diagnostics diags;
    auto back = read_xml(xml, "x.xml", diags);
    ASSERT_TRUE(back) << deck << ": " << format(diags.all().at(0));
    EXPECT_EQ(write_xml(*back), xml) << deck;
  }
}

TEST(Reader, ConvertAcceptsAnIntermediateAsInput) {
  test::temp_dir dir;
  std::string xml = write_xml(load("tests/data/english-deck.txt"));
  test::write_all(dir / "deck.xml", xml);
  report r = load(dir / "deck.xml");
  EXPECT_EQ(write_xml(r), xml);
}

struct bad_intermediate {
  const char* name;
  const char* xml;
  const char* expected;  // LINE:COL: error: message prefix
};

class ReaderRejects : public ::testing::TestWithParam<bad_intermediate> {};

TEST_P(ReaderRejects, WithItsLineAndColumn) {
  const auto& c = GetParam();
  diagnostics diags;
  EXPECT_FALSE(read_xml(c.xml, "x.xml", diags));
  ASSERT_FALSE(diags.all().empty());
  EXPECT_THAT(format(diags.all()[0]), HasSubstr(std::string("x.xml:") + c.expected));
  // The schema rejects it too, unless the XML is not even well-formed.
  if (test::have_program("xmllint") && std::string_view(c.name) != "malformed" &&
      std::string_view(c.name) != "two_roots" && std::string_view(c.name) != "doctype") {
    EXPECT_FALSE(validates(c.xml)) << c.name;
  }
}

constexpr const char* head = "<report version=\"1\" source=\"s\">\n";

INSTANTIATE_TEST_SUITE_P(
    Intermediates, ReaderRejects,
    ::testing::Values(
        bad_intermediate{"malformed",
                         "<report version=\"1\" source=\"s\">\n  <section line=\"1\">\n</report>",
                         "3:3: error: malformed XML"},
        bad_intermediate{"wrong_root", "<deck/>", "1:1: error: the root element must be <report>"},
        bad_intermediate{
            "two_roots",
            "<report version=\"1\" source=\"s\"/>\n<report version=\"1\" source=\"t\"/>",
            "2:1: error: a second root element"},
        bad_intermediate{"doctype",
                         "<!DOCTYPE r [<!ENTITY e \"X\">]>\n<report version=\"1\" source=\"&e;\"/>",
                         "1:11: error: a DOCTYPE (and its entities) is not allowed"},
        bad_intermediate{"bad_lang", "<report version=\"1\" source=\"s\" lang=\"not a lang\"/>",
                         "1:1: error: lang must be a language tag"},
        bad_intermediate{"wrong_version", "<report version=\"2\" source=\"s\"/>",
                         "1:1: error: unsupported intermediate version '2'"},
        bad_intermediate{"unknown_element",
                         "<report version=\"1\" source=\"s\">\n <chapter line=\"1\"/></report>",
                         "2:2: error: unexpected <chapter> in <report>"},
        bad_intermediate{
            "unknown_attribute",
            "<report version=\"1\" source=\"s\"><section line=\"1\" id=\"a\"/></report>",
            "1:32: error: unknown attribute 'id' on <section>"},
        bad_intermediate{"missing_line", "<report version=\"1\" source=\"s\"><section/></report>",
                         "1:32: error: <section> needs the attribute 'line'"},
        bad_intermediate{
            "bad_level",
            "<report version=\"1\" source=\"s\"><section line=\"1\"><slide line=\"2\"><list>"
            "<item level=\"4\" line=\"3\"><text>x</text></item></list></slide></section></report>",
            "1:72: error: attribute 'level' of <item> must be a whole number from 1 to 3"},
        bad_intermediate{
            "bad_number",
            "<report version=\"1\" source=\"s\"><section number=\"1a\" line=\"1\"/></report>",
            "1:32: error: section number must be 1 to 3 digits"},
        bad_intermediate{
            "text_in_slide",
            "<report version=\"1\" source=\"s\"><section line=\"1\"><slide line=\"2\">stray"
            "</slide></section></report>",
            "1:66: error: <slide> cannot hold text"},
        bad_intermediate{
            "item_without_text",
            "<report version=\"1\" source=\"s\"><section line=\"1\"><slide line=\"2\"><list>"
            "<item level=\"1\" line=\"3\"/></list></slide></section></report>",
            "1:72: error: <item> must start with <text>"},
        bad_intermediate{
            "empty_list",
            "<report version=\"1\" source=\"s\"><section line=\"1\"><slide line=\"2\"><list/>"
            "</slide></section></report>",
            "1:66: error: <list> needs at least one <item>"},
        bad_intermediate{
            "links_before_list",
            "<report version=\"1\" source=\"s\"><section line=\"1\"><slide line=\"2\"><links>"
            "<link href=\"h\" line=\"3\"/></links><list><item level=\"1\" line=\"4\"><text>x"
            "</text></item></list></slide></section></report>",
            "1:106: error: unexpected <list> in <slide>"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Reader, NestedItemMustBeDeeperThanItsParent) {
  std::string xml =
      std::string(head) +
      "<section line=\"1\"><slide line=\"2\"><list><item level=\"2\" line=\"3\"><text>a</text>"
      "<list><item level=\"1\" line=\"4\"><text>b</text></item></list></item></list>"
      "</slide></section></report>";
  diagnostics diags;
  EXPECT_FALSE(read_xml(xml, "x.xml", diags));
  EXPECT_THAT(format(diags.all().at(0)),
              HasSubstr("an item of level 1 cannot nest inside one of level 2"));
}

// An intermediate whose items nest `depth` lists deep, each level one deeper.
std::string nested_lists(int depth) {
  std::string xml = std::string(head) + "<section line=\"1\"><slide line=\"2\">";
  for (int i = 0; i < depth; ++i) {
    xml += "<list><item level=\"" + std::to_string(std::min(i + 1, 3)) +
           "\" line=\"3\"><text>x</text>";
  }
  for (int i = 0; i < depth; ++i) xml += "</item></list>";
  return xml + "</slide></section></report>";
}

TEST(Reader, ListsNestAtMostOnePerBulletLevelAndADeeperFileIsOneError) {
  diagnostics diags;
  EXPECT_TRUE(read_xml(nested_lists(3), "x.xml", diags));
  // 30,000 levels overflowed the stack of the recursive reader.
  EXPECT_FALSE(read_xml(nested_lists(30000), "x.xml", diags));
  ASSERT_EQ(diags.error_count(), 1);
  std::string xml = nested_lists(4);
  std::size_t fourth = xml.rfind("<list>") - std::strlen(head) + 1;  // column on line 2
  EXPECT_EQ(format(diags.all().at(0)),
            "x.xml:2:" + std::to_string(fourth) +
                ": error: lists nest at most 3 deep (one per bullet level); this one is not read");
}

TEST(Reader, ReportsEveryErrorNotJustTheFirst) {
  std::string xml = std::string(head) + "<section/><section line=\"x\"/><bogus/></report>";
  diagnostics diags;
  EXPECT_FALSE(read_xml(xml, "x.xml", diags));
  EXPECT_EQ(diags.error_count(), 3);
}

}  // namespace
}  // namespace handout
