// The .odp / .fodp reader: the Impress decks (the Flat ODF sources and
// Impress's .odp) read exactly as their .pptx exports do, one test per rule
// on flat documents written here, and malformed input.
#include <gtest/gtest.h>

#include <string>

#include "item_texts.hpp"
#include "parse/load.hpp"
#include "parse/odp_reader.hpp"
#include "parse/xml_writer.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

using test::data_path;
using test::read_all;
using test::texts;

std::string flat(const std::string& pages) {
  return R"(<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
         R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
         R"( xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0")"
         R"( xmlns:xlink="http://www.w3.org/1999/xlink")"
         R"( xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0">)"
         "<office:body><office:presentation>" +
         pages + "</office:presentation></office:body></office:document>";
}
std::string frame(const std::string& cls, const std::string& content) {
  return "<draw:frame" + (cls.empty() ? "" : " presentation:class=\"" + cls + "\"") +
         "><draw:text-box>" + content + "</draw:text-box></draw:frame>";
}
std::string page(const std::string& frames) { return "<draw:page>" + frames + "</draw:page>"; }
std::string p(const std::string& text) { return "<text:p>" + text + "</text:p>"; }

report read(const std::string& xml) {
  diagnostics diags;
  auto r = read_odp(xml, true, "deck.fodp", diags);
  EXPECT_TRUE(r.has_value()) << (diags.all().empty() ? "" : format(diags.all().front()));
  return r.value_or(report{});
}

std::string error_of(const std::string& bytes, bool is_flat) {
  diagnostics diags;
  EXPECT_FALSE(read_odp(bytes, is_flat, "deck.odp", diags).has_value());
  return diags.all().empty() ? "" : format(diags.all().front());
}

TEST(Odp, ImpressDecksReadAsTheirPptxExports) {
  for (const std::string name : {"mixed-talk", "chinese-talk"}) {
    for (const std::string ext : {".fodp", ".odp"}) {
      diagnostics diags;
      auto r = load_input(data_path("slides/" + name + ext), diags);
      ASSERT_TRUE(r.has_value()) << name << ext;
      EXPECT_TRUE(diags.all().empty()) << format(diags.all().front());
      r->source = name + ".pptx";  // the reviewed intermediate of the .pptx
      EXPECT_EQ(write_xml(*r), read_all(data_path("slides/" + name + ".pptx.xml"))) << name << ext;
    }
  }
}

TEST(Odp, NestedListsAreBulletLevels) {
  const std::string outline =
      "<text:list><text:list-item>" + p("a") + "<text:list><text:list-item>" + p("b") +
      "<text:list><text:list-item>" + p("c") + "<text:list><text:list-item>" + p("d") +
      "</text:list-item></text:list></text:list-item></text:list></text:list-item></text:list>"
      "</text:list-item><text:list-item>" +
      p("e") + "</text:list-item></text:list>";
  report r = read(flat(page(frame("title", p("T")) + frame("outline", outline))));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:a|2:b|3:c|3:d|1:e|");
}

TEST(Odp, SpacesTabsAndLineBreaksAreText) {
  report r = read(flat(page(frame("title", p("T")) +
                            frame("outline", p("a<text:s text:c=\"2\"/>b<text:line-break/>c")))));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:a  b c|");
}

TEST(Odp, LinkedLabelKeepsItsUrl) {
  report r = read(flat(page(
      frame("title", p("T")) +
      frame("", p("<text:a xlink:href=\"https://www.youtube.com/watch?v=6niqTuYFZLQ\">Video: "
                  "a talk</text:a>")) +
      frame("outline", p("see <text:a xlink:href=\"https://example.org/\">the site</text:a>")))));
  const slide& s = r.sections.at(0).slides.at(0);
  EXPECT_EQ(texts(s.items), "1:see the site|");
  ASSERT_EQ(s.links.size(), 2u);
  EXPECT_EQ(s.links[0].href, "https://example.org/");
  EXPECT_EQ(s.links[1].href, "https://www.youtube.com/watch?v=6niqTuYFZLQ");
}

TEST(Odp, CharactersXmlCannotCarryInALinkBecomeSpaces) {
  // Found by fuzz_odp_reader: a character reference to U+0001 in xlink:href.
  diagnostics diags;
  auto r =
      read_odp(flat(page(frame("title", p("T")) +
                         frame("", p("<text:a xlink:href=\"https://a.org/&#1;x\">v</text:a>")))),
               true, "deck.fodp", diags);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->sections.at(0).slides.at(0).links.at(0).href, "https://a.org/ x");
  const std::string xml = write_xml(*r);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(Odp, FooterPageNumberAndDateFramesAreDropped) {
  report r = read(flat(page(frame("title", p("T")) + frame("footer", p("Footer")) +
                            frame("page-number", p("3")) + frame("date-time", p("today")))));
  EXPECT_TRUE(r.sections.at(0).slides.at(0).items.empty());
}

TEST(Odp, FirstPageWithTitleAndSubtitleIsTheCover) {
  report r =
      read(flat(page(frame("title", p("Deck")) + frame("subtitle", p("Sub") + p("2021年3月4日"))) +
                page(frame("title", p("01")) + frame("subtitle", p("Part"))) +
                page(frame("title", p("S")) + frame("outline", p("x")))));
  EXPECT_EQ(r.meta.title, "Deck");
  EXPECT_EQ(r.meta.subtitle, "Sub");
  EXPECT_EQ(r.meta.date, "2021-03-04");
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].number, "01");
  EXPECT_EQ(r.sections[0].title, "Part");
  EXPECT_EQ(r.sections[0].slides.at(0).line, 3);  // lines are slide numbers
}

TEST(Odp, SpeakerNotesAreSkippedWithOneNoteCountingThem) {
  auto notes = [](const std::string& text) {
    return "<presentation:notes><draw:page-thumbnail/>" + frame("notes", p(text)) +
           "</presentation:notes>";
  };
  const std::string xml =
      flat("<draw:page>" + frame("title", p("One")) + notes("") + "</draw:page><draw:page>" +
           frame("title", p("Two")) + notes("say this") + "</draw:page>");
  diagnostics diags;
  auto r = read_odp(xml, true, "deck.fodp", diags);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->sections.at(0).slides.size(), 2u);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(format(diags.all()[0]),
            "deck.fodp:2: note: slide 2: speaker notes are not kept (a handout has none); this "
            "slide has them");
}

TEST(Odp, MalformedFlatDocumentIsAnError) {
  EXPECT_EQ(error_of("<office:document><office:body>", true),
            "deck.odp: error: not well-formed XML at byte 29: Start-end tags mismatch");
}

TEST(Odp, DocumentThatIsNoPresentationIsAnError) {
  EXPECT_EQ(error_of("<office:document><office:body><office:text/></office:body></office:document>",
                     true),
            "deck.odp: error: not an OpenDocument presentation (no office:presentation)");
}

TEST(Odp, PackageThatIsNoZipIsAnError) {
  EXPECT_EQ(error_of("plain text", false),
            "deck.odp: error: not an OpenDocument package (zip: Not a zip archive)");
}

}  // namespace
}  // namespace handout
