// The .pptx reader: the Impress decks against their reviewed intermediates,
// one test per rule on packages built here, and malformed packages.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

#include "item_texts.hpp"
#include "parse/load.hpp"
#include "parse/pptx_reader.hpp"
#include "parse/xml_writer.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

using test::data_path;
using test::read_all;
using test::texts;

// A zip of `parts`, made in memory with libzip.
std::string zip_of(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  for (const auto& [name, body] : parts) {
    zip_source_t* s = zip_source_buffer(z, body.data(), body.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

constexpr const char* ns =
    R"( xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")"
    R"( xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")"
    R"( xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main")";

std::string shape(const std::string& ph, const std::string& paragraphs) {
  return "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"s\"/><p:cNvSpPr/><p:nvPr>" + ph +
         "</p:nvPr></p:nvSpPr><p:txBody>" + paragraphs + "</p:txBody></p:sp>";
}
std::string para(const std::string& text, int lvl = 0) {
  return "<a:p><a:pPr lvl=\"" + std::to_string(lvl) + "\"/><a:r><a:t>" + text +
         "</a:t></a:r></a:p>";
}
std::string slide_xml(const std::string& shapes) {
  return std::string("<p:sld") + ns + "><p:cSld><p:spTree>" + shapes +
         "</p:spTree></p:cSld></p:sld>";
}
const std::string title_ph = "<p:ph type=\"title\"/>";
const std::string body_ph = "<p:ph idx=\"1\"/>";

// A package whose slides are `slides` (part name → XML), listed in
// presentation.xml in the order of `order`; `extra` goes into
// presentation.xml after the slide list (sections).
std::string pptx(const std::map<std::string, std::string>& slides,
                 const std::vector<std::string>& order, const std::string& extra = "",
                 std::map<std::string, std::string> more = {}) {
  std::string list, rels;
  int n = 0;
  for (const auto& name : order) {
    ++n;
    list +=
        "<p:sldId id=\"" + std::to_string(255 + n) + "\" r:id=\"rId" + std::to_string(n) + "\"/>";
    rels += "<Relationship Id=\"rId" + std::to_string(n) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide\" "
            "Target=\"slides/" +
            name + "\"/>";
  }
  std::map<std::string, std::string> parts = std::move(more);
  parts["ppt/presentation.xml"] = std::string("<p:presentation") + ns + "><p:sldIdLst>" + list +
                                  "</p:sldIdLst>" + extra + "</p:presentation>";
  parts["ppt/_rels/presentation.xml.rels"] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
      rels + "</Relationships>";
  for (const auto& [name, xml] : slides) parts["ppt/slides/" + name] = xml;
  return zip_of(parts);
}

report read(const std::string& bytes, diagnostics* out = nullptr) {
  diagnostics diags;
  auto r = read_pptx(bytes, "deck.pptx", diags);
  if (out) *out = diags;
  EXPECT_TRUE(r.has_value()) << (diags.all().empty() ? "" : format(diags.all().front()));
  return r.value_or(report{});
}

diagnostic read_error(const std::string& bytes) {
  diagnostics diags;
  auto r = read_pptx(bytes, "deck.pptx", diags);
  EXPECT_FALSE(r.has_value());
  return diags.all().empty() ? diagnostic{} : diags.all().front();
}

TEST(Pptx, ImpressDecksReadAsTheirReviewedIntermediates) {
  for (const std::string name : {"mixed-talk", "chinese-talk"}) {
    diagnostics diags;
    auto r = load_input(data_path("slides/" + name + ".pptx"), diags);
    ASSERT_TRUE(r.has_value()) << name;
    EXPECT_TRUE(diags.all().empty()) << format(diags.all().front());
    r->source = name + ".pptx";
    test::expect_golden(data_path("slides/" + name + ".pptx.xml"), write_xml(*r));
  }
}

TEST(Pptx, SlidesFollowThePresentationOrderNotThePartNames) {
  report r = read(pptx({{"slide1.xml", slide_xml(shape(title_ph, para("One")))},
                        {"slide2.xml", slide_xml(shape(title_ph, para("Two")))}},
                       {"slide2.xml", "slide1.xml"}));
  ASSERT_EQ(r.sections.at(0).slides.size(), 2u);
  EXPECT_EQ(r.sections[0].slides[0].title, "Two");
  EXPECT_EQ(r.sections[0].slides[0].line, 1);  // the slide number is the line
  EXPECT_EQ(r.sections[0].slides[1].title, "One");
}

TEST(Pptx, ParagraphLevelsAreBulletLevels) {
  report r = read(pptx({{"s.xml", slide_xml(shape(title_ph, para("T")) +
                                            shape(body_ph, para("a") + para("b", 1) + para("c", 2) +
                                                               para("d", 7)))}},
                       {"s.xml"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:a|2:b|3:c|3:d|");
}

TEST(Pptx, PowerPointSectionsGroupTheSlides) {
  const std::string sections =
      "<p:extLst><p:ext><p14:sectionLst><p14:section name=\"Intro\"><p14:sldIdLst>"
      "<p14:sldId id=\"256\"/></p14:sldIdLst></p14:section><p14:section name=\"Body\">"
      "<p14:sldIdLst><p14:sldId id=\"257\"/><p14:sldId id=\"258\"/></p14:sldIdLst>"
      "</p14:section></p14:sectionLst></p:ext></p:extLst>";
  report r =
      read(pptx({{"a.xml", slide_xml(shape(title_ph, para("A")) + shape(body_ph, para("x")))},
                 {"b.xml", slide_xml(shape(title_ph, para("B")) + shape(body_ph, para("y")))},
                 {"c.xml", slide_xml(shape(title_ph, para("C")) + shape(body_ph, para("z")))}},
                {"a.xml", "b.xml", "c.xml"}, sections));
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[0].title, "Intro");
  EXPECT_FALSE(r.sections[0].number.has_value());
  EXPECT_EQ(r.sections[1].title, "Body");
  EXPECT_EQ(r.sections[1].slides.size(), 2u);
}

TEST(Pptx, NumberOnlyTitleSlideIsASectionDivider) {
  report r =
      read(pptx({{"a.xml", slide_xml(shape(title_ph, para("02")) +
                                     shape("<p:ph type=\"subTitle\"/>", para("Tools")))},
                 {"b.xml", slide_xml(shape(title_ph, para("B")) + shape(body_ph, para("y")))}},
                {"a.xml", "b.xml"}));
  // The first slide is not the title slide here: it is a divider, as its number says.
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].number, "02");
  EXPECT_EQ(r.sections[0].title, "Tools");
}

TEST(Pptx, TitleSlideGivesTheMetadata) {
  report r = read(pptx(
      {{"a.xml", slide_xml(shape("<p:ph type=\"ctrTitle\"/>", para("Deck")) +
                           shape("<p:ph type=\"subTitle\"/>", para("Sub") + para("2021/3/4")))},
       {"b.xml", slide_xml(shape(title_ph, para("B")))}},
      {"a.xml", "b.xml"}));
  EXPECT_EQ(r.meta.title, "Deck");
  EXPECT_EQ(r.meta.subtitle, "Sub");
  EXPECT_EQ(r.meta.date, "2021-03-04");
  EXPECT_EQ(r.sections.at(0).slides.size(), 1u);
}

TEST(Pptx, FooterSlideNumberAndDatePlaceholdersAreDropped) {
  report r =
      read(pptx({{"s.xml", slide_xml(shape(title_ph, para("T")) +
                                     shape("<p:ph type=\"ftr\" idx=\"3\"/>", para("Footer")) +
                                     shape("<p:ph type=\"sldNum\" idx=\"4\"/>", para("7")) +
                                     shape("<p:ph type=\"dt\" idx=\"5\"/>", para("today")))}},
                {"s.xml"}));
  EXPECT_TRUE(r.sections.at(0).slides.at(0).items.empty());
}

TEST(Pptx, HyperlinkKeepsItsUrlThroughTheSlideRelationships) {
  const std::string run =
      "<a:p><a:r><a:rPr><a:hlinkClick r:id=\"rId7\"/></a:rPr><a:t>Video: a talk</a:t></a:r></a:p>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/hyperlink\" Target=\"https://www.youtube.com/watch?v=6niqTuYFZLQ\" "
      "TargetMode=\"External\"/></Relationships>";
  report r = read(pptx({{"s.xml", slide_xml(shape(title_ph, para("T")) + shape("", run) +
                                            shape("", para("https://example.org/x")))}},
                       {"s.xml"}, "", {{"ppt/slides/_rels/s.xml.rels", rels}}));
  const slide& s = r.sections.at(0).slides.at(0);
  EXPECT_TRUE(s.items.empty());  // text boxes of links give link rows
  ASSERT_EQ(s.links.size(), 2u);
  EXPECT_EQ(s.links[0].href, "https://www.youtube.com/watch?v=6niqTuYFZLQ");
  EXPECT_EQ(s.links[1].href, "https://example.org/x");
}

TEST(Pptx, TextBoxWithWordsGivesBullets) {
  report r = read(pptx({{"s.xml", slide_xml(shape(title_ph, para("T")) + shape("", para("Note")))}},
                       {"s.xml"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:Note|");
}

// A slide's relationships (`ppt/slides/_rels/NAME.rels`): type → target.
std::pair<std::string, std::string> slide_rels(
    const std::string& slide, const std::vector<std::pair<std::string, std::string>>& rels) {
  std::string body =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  int n = 0;
  for (const auto& [type, target] : rels) {
    body += "<Relationship Id=\"rId" + std::to_string(++n) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" +
            type + "\" Target=\"" + target + "\"/>";
  }
  return {"ppt/slides/_rels/" + slide + ".rels", body + "</Relationships>"};
}

std::string layout_xml(const std::string& type) {
  return std::string("<p:sldLayout") + ns + " type=\"" + type +
         "\"><p:cSld name=\"x\"><p:spTree/></p:cSld></p:sldLayout>";
}

std::string notes_xml(const std::string& text) {
  return std::string("<p:notes") + ns + "><p:cSld><p:spTree>" +
         shape("<p:ph type=\"sldImg\"/>", "") +
         shape("<p:ph type=\"body\" idx=\"1\"/>", para(text)) + "</p:spTree></p:cSld></p:notes>";
}

TEST(Pptx, SectionHeaderLayoutSlidesAreSections) {
  const std::map<std::string, std::string> layouts = {
      {"ppt/slideLayouts/slideLayout3.xml", layout_xml("secHead")},
      {"ppt/slideLayouts/slideLayout2.xml", layout_xml("obj")},
      slide_rels("h1.xml", {{"slideLayout", "../slideLayouts/slideLayout3.xml"}}),
      slide_rels("a.xml", {{"slideLayout", "../slideLayouts/slideLayout2.xml"}}),
      slide_rels("h2.xml", {{"slideLayout", "../slideLayouts/slideLayout3.xml"}}),
      slide_rels("b.xml", {{"slideLayout", "../slideLayouts/slideLayout2.xml"}})};
  // A header titled in words (and with a line of text under it), and one
  // whose title is a number with its name below: both start a section.
  report r = read(pptx(
      {{"h1.xml",
        slide_xml(shape(title_ph, para("Background")) + shape(body_ph, para("why it matters")))},
       {"a.xml", slide_xml(shape(title_ph, para("A")) + shape(body_ph, para("x")))},
       {"h2.xml", slide_xml(shape(title_ph, para("02")) + shape(body_ph, para("Methods")))},
       {"b.xml", slide_xml(shape(title_ph, para("B")) + shape(body_ph, para("y")))}},
      {"h1.xml", "a.xml", "h2.xml", "b.xml"}, "", layouts));
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_FALSE(r.sections[0].number.has_value());
  EXPECT_EQ(r.sections[0].title, "Background");
  EXPECT_EQ(r.sections[0].line, 1);
  ASSERT_EQ(r.sections[0].slides.size(), 1u);  // the header is no slide
  EXPECT_EQ(r.sections[0].slides[0].title, "A");
  EXPECT_EQ(r.sections[1].number, "02");
  EXPECT_EQ(r.sections[1].title, "Methods");
  ASSERT_EQ(r.sections[1].slides.size(), 1u);
  EXPECT_EQ(r.sections[1].slides[0].title, "B");
  // The same slides on an ordinary layout are slides, as their titles say.
  report plain = read(pptx({{"h1.xml", slide_xml(shape(title_ph, para("Background")) +
                                                 shape(body_ph, para("why it matters")))},
                            {"a.xml", slide_xml(shape(title_ph, para("A")))}},
                           {"h1.xml", "a.xml"}));
  ASSERT_EQ(plain.sections.size(), 1u);
  EXPECT_EQ(plain.sections[0].slides.size(), 2u);
}

TEST(Pptx, SpeakerNotesAreSkippedWithOneNoteCountingThem) {
  const std::map<std::string, std::string> parts = {
      {"ppt/notesSlides/n2.xml", notes_xml("say this")},
      {"ppt/notesSlides/n3.xml", notes_xml("and this")},
      {"ppt/notesSlides/n1.xml", notes_xml(" ")},  // Impress writes empty ones
      slide_rels("s1.xml", {{"notesSlide", "../notesSlides/n1.xml"}}),
      slide_rels("s2.xml", {{"notesSlide", "../notesSlides/n2.xml"}}),
      slide_rels("s3.xml", {{"notesSlide", "../notesSlides/n3.xml"}})};
  diagnostics diags;
  report r = read(pptx({{"s1.xml", slide_xml(shape(title_ph, para("One")))},
                        {"s2.xml", slide_xml(shape(title_ph, para("Two")))},
                        {"s3.xml", slide_xml(shape(title_ph, para("Three")))}},
                       {"s1.xml", "s2.xml", "s3.xml"}, "", parts),
                  &diags);
  EXPECT_EQ(r.sections.at(0).slides.size(), 3u);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(format(diags.all()[0]),
            "deck.pptx:2: note: slide 2: speaker notes are not kept (a handout has none); 2 "
            "slides have them, from this one");
  EXPECT_FALSE(diags.has_errors());
}

TEST(Pptx, NotAZipIsAnError) {
  EXPECT_EQ(format(read_error("plain text, not a package")),
            "deck.pptx: error: not a PowerPoint package (zip: Not a zip archive)");
}

TEST(Pptx, TruncatedPackageIsAnErrorNotACrash) {
  const std::string whole = read_all(data_path("slides/mixed-talk.pptx"));
  for (std::size_t size : {whole.size() / 2, whole.size() - 30, std::size_t{100}}) {
    diagnostics diags;
    EXPECT_FALSE(read_pptx(whole.substr(0, size), "deck.pptx", diags).has_value());
    EXPECT_TRUE(diags.has_errors());
  }
}

TEST(Pptx, MissingSlidePartIsAnErrorAtItsSlide) {
  EXPECT_EQ(format(read_error(pptx({{"a.xml", slide_xml("")}}, {"a.xml", "gone.xml"}))),
            "deck.pptx:2: error: slide 2: the package has no part ppt/slides/gone.xml");
}

TEST(Pptx, PartNamesFromThePackageAreShownEscaped) {
  EXPECT_EQ(format(read_error(pptx({}, {"\x1B[31mred.xml"}))),
            "deck.pptx:1: error: slide 1: the package has no part ppt/slides/%1B[31mred.xml");
}

TEST(Pptx, MalformedSlideXmlIsAnErrorAtItsSlide) {
  EXPECT_EQ(format(read_error(pptx({{"a.xml", "<p:sld><p:cSld>"}}, {"a.xml"}))),
            "deck.pptx:1: error: slide 1: part ppt/slides/a.xml is not well-formed XML at byte "
            "14: Start-end tags mismatch");
}

TEST(Pptx, MissingPresentationIsAnError) {
  EXPECT_EQ(format(read_error(zip_of({{"x.txt", "x"}}))),
            "deck.pptx: error: the package has no part ppt/presentation.xml");
}

}  // namespace
}  // namespace handout
