// The outline every renderer shows: headings, localised words and link rows,
// planned from small reports built here; and the PDF and the DOCX of one
// Japanese deck showing the same outline.
#include "render/outline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <pugixml.hpp>
#include <sstream>

#include "render/link_label.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

using test::quote;
using ::testing::ElementsAre;

section make_section(std::optional<std::string> number, std::string title, int line) {
  section s;
  s.number = std::move(number);
  s.title = std::move(title);
  s.line = line;
  return s;
}

slide make_slide(std::string title, int line, std::vector<std::string> hrefs = {}) {
  slide s;
  s.title = std::move(title);
  s.line = line;
  for (auto& href : hrefs) s.links.push_back({std::move(href), ++line});
  return s;
}

report in_language(std::string lang) {
  report r;
  r.meta.lang = std::move(lang);
  return r;
}

std::vector<std::string> texts(const outline& o) {
  std::vector<std::string> out;
  for (const heading& h : o.headings) out.push_back(std::to_string(h.level) + " " + h.text);
  return out;
}

std::vector<std::string> hrefs(const slide_outline& s) {
  std::vector<std::string> out;
  for (const link_row& l : s.links) out.push_back(l.href + " @" + std::to_string(l.line));
  return out;
}

// ---- the localised words ----------------------------------------------------

// Contents, author, date, source, page.
std::vector<std::string_view> all_words(const fixed_words& w) {
  return {w.contents, w.author, w.date, w.source, w.page};
}

std::vector<std::string_view> words_of(const char* lang) {
  return all_words(plan_outline(in_language(lang)).words);
}

TEST(OutlineWords, SimplifiedChineseForZhHansAndMainlandTags) {
  for (const char* tag : {"zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-HK", "ZH-cn", "zh-hans-tw"}) {
    EXPECT_EQ(word_language_of(tag), word_language::zh_hans) << tag;
  }
  EXPECT_THAT(words_of("zh-CN"), ElementsAre("目录", "作者", "日期", "源文件", "页"));
}

TEST(OutlineWords, TraditionalChineseForZhHantAndTaiwanHongKongMacau) {
  for (const char* tag : {"zh-Hant", "zh-Hant-CN", "zh-TW", "zh-HK", "zh-MO", "zh-hant", "zh-tw"}) {
    EXPECT_EQ(word_language_of(tag), word_language::zh_hant) << tag;
  }
  EXPECT_THAT(words_of("zh-TW"), ElementsAre("目錄", "作者", "日期", "來源檔案", "頁"));
}

TEST(OutlineWords, JapaneseGetsMokujiNotContents) {
  EXPECT_EQ(word_language_of("ja"), word_language::ja);
  EXPECT_EQ(word_language_of("ja-JP"), word_language::ja);
  EXPECT_THAT(words_of("ja"), ElementsAre("目次", "作成者", "日付", "ソースファイル", "ページ"));
}

TEST(OutlineWords, KoreanGetsMokcha) {
  EXPECT_EQ(word_language_of("ko-KR"), word_language::ko);
  EXPECT_THAT(words_of("ko"), ElementsAre("목차", "작성자", "날짜", "원본 파일", "페이지"));
}

TEST(OutlineWords, EnglishAndEveryOtherLanguageFallBackToEnglish) {
  for (const char* tag : {"en", "en-GB", "fr", "de-DE", "", "x", "zhx", "jav", "kok"}) {
    EXPECT_EQ(word_language_of(tag), word_language::en) << '"' << tag << '"';
  }
  EXPECT_THAT(words_of("fr-FR"), ElementsAre("Contents", "Author", "Date", "Source", "Page"));
}

TEST(OutlineWords, EveryLanguageHasEveryWord) {
  for (auto lang : {word_language::zh_hans, word_language::zh_hant, word_language::ja,
                    word_language::ko, word_language::en}) {
    for (std::string_view word : all_words(words_in(lang))) {
      EXPECT_FALSE(word.empty()) << static_cast<int>(lang);
    }
  }
}

// ---- the heading plan -----------------------------------------------------

TEST(OutlineHeadings, NumberedSectionShowsNumberThenTitle) {
  report r;
  r.sections.push_back(make_section("01", "算法与模型发展", 1));
  const outline o = plan_outline(r);
  ASSERT_EQ(o.headings.size(), 1u);
  const heading& h = o.headings.front();
  EXPECT_EQ(h.level, 1);
  EXPECT_EQ(h.number, "01");
  EXPECT_EQ(h.title, "算法与模型发展");
  EXPECT_EQ(h.text, "01 算法与模型发展");
  EXPECT_EQ(h.line, 1);
}

TEST(OutlineHeadings, UnnumberedSectionShowsItsTitleAlone) {
  report r;
  r.sections.push_back(make_section(std::nullopt, "附录", 4));
  const outline o = plan_outline(r);
  ASSERT_EQ(o.headings.size(), 1u);
  EXPECT_EQ(o.headings.front().number, "");
  EXPECT_EQ(o.headings.front().text, "附录");
}

TEST(OutlineHeadings, NumberedUntitledSectionGetsAHeadingShowingItsNumber) {
  report r;
  section s = make_section("02", "", 10);
  s.slides.push_back(make_slide("Slide", 12));
  r.sections.push_back(s);
  const outline o = plan_outline(r);
  EXPECT_THAT(texts(o), ElementsAre("1 02", "2 Slide"));
  EXPECT_EQ(o.headings.front().number, "02");
  EXPECT_EQ(o.headings.front().title, "");
  EXPECT_EQ(o.sections.front().heading, 0);
}

TEST(OutlineHeadings, SectionWithoutNumberOrTitleGetsNoHeadingAndItsSlidesStayLevelTwo) {
  report r;
  section untitled = make_section(std::nullopt, "", 1);
  untitled.slides.push_back(make_slide("Before any divider", 1));
  r.sections.push_back(untitled);
  section numbered = make_section("01", "First", 3);
  numbered.slides.push_back(make_slide("Inside", 5));
  r.sections.push_back(numbered);
  const outline o = plan_outline(r);
  EXPECT_THAT(texts(o), ElementsAre("2 Before any divider", "1 01 First", "2 Inside"));
  EXPECT_EQ(o.sections[0].heading, -1);
  EXPECT_EQ(o.sections[1].heading, 1);
}

TEST(OutlineHeadings, DeckWithNoSectionsHasSlideHeadingsOnly) {
  // The reader puts the slides of a deck without dividers in one untitled section.
  report r;
  section all = make_section(std::nullopt, "", 1);
  all.slides.push_back(make_slide("One", 1));
  all.slides.push_back(make_slide("Two", 4));
  r.sections.push_back(all);
  const outline o = plan_outline(r);
  EXPECT_THAT(texts(o), ElementsAre("2 One", "2 Two"));
  ASSERT_EQ(o.sections.size(), 1u);
  EXPECT_EQ(o.sections[0].heading, -1);
  EXPECT_EQ(o.sections[0].slides[0].heading, 0);
  EXPECT_EQ(o.sections[0].slides[1].heading, 1);
}

TEST(OutlineHeadings, UntitledSlideGetsNoHeadingButKeepsItsPlace) {
  report r;
  section s = make_section("01", "First", 1);
  s.slides.push_back(make_slide("", 2, {"https://example.com/a"}));
  s.slides.push_back(make_slide("Titled", 5));
  r.sections.push_back(s);
  const outline o = plan_outline(r);
  EXPECT_THAT(texts(o), ElementsAre("1 01 First", "2 Titled"));
  ASSERT_EQ(o.sections[0].slides.size(), 2u);
  EXPECT_EQ(o.sections[0].slides[0].heading, -1);
  EXPECT_EQ(o.sections[0].slides[0].links.size(), 1u);
  EXPECT_EQ(o.sections[0].slides[1].heading, 1);
}

TEST(OutlineHeadings, EveryPartPointsAtItsSourceAndHeadingsKeepDocumentOrder) {
  report r;
  for (int n = 1; n <= 2; ++n) {
    section s = make_section("0" + std::to_string(n), "S" + std::to_string(n), n * 10);
    s.slides.push_back(make_slide("A" + std::to_string(n), n * 10 + 1));
    s.slides.push_back(make_slide("B" + std::to_string(n), n * 10 + 2));
    r.sections.push_back(s);
  }
  const outline o = plan_outline(r);
  EXPECT_THAT(texts(o), ElementsAre("1 01 S1", "2 A1", "2 B1", "1 02 S2", "2 A2", "2 B2"));
  ASSERT_EQ(o.sections.size(), 2u);
  for (std::size_t i = 0; i < o.sections.size(); ++i) {
    const section_outline& so = o.sections[i];
    EXPECT_EQ(so.source, &r.sections[i]);
    EXPECT_EQ(o.headings[static_cast<std::size_t>(so.heading)].line, r.sections[i].line);
    for (std::size_t j = 0; j < so.slides.size(); ++j) {
      EXPECT_EQ(so.slides[j].source, &r.sections[i].slides[j]);
      EXPECT_EQ(o.headings[static_cast<std::size_t>(so.slides[j].heading)].title,
                r.sections[i].slides[j].title);
    }
  }
}

TEST(OutlineHeadings, EmptyReportHasNoHeadingsAndEnglishWords) {
  const outline o = plan_outline(report{});
  EXPECT_TRUE(o.headings.empty());
  EXPECT_TRUE(o.sections.empty());
  EXPECT_EQ(o.words.contents, "Contents");
}

// ---- the link rows ------------------------------------------------------------

const char* const a = "https://www.youtube.com/watch?v=t45S_MwAcOw&t=527s";
const char* const b = "https://www.youtube.com/watch?v=5C_HPTJg5ek";
const char* const c = "https://example.com/c";

TEST(OutlineLinks, LinkRepeatedOnASlideIsShownOnceAtItsFirstPosition) {
  report r;
  section s = make_section("01", "First", 1);
  s.slides.push_back(make_slide("Slide", 2, {a, b, a, c, b}));
  r.sections.push_back(s);
  const outline o = plan_outline(r);
  EXPECT_THAT(hrefs(o.sections[0].slides[0]),
              ElementsAre(std::string(a) + " @3", std::string(b) + " @4", std::string(c) + " @6"));
}

TEST(OutlineLinks, SameLinkOnTwoSlidesIsShownOnEach) {
  report r;
  section s = make_section("01", "First", 1);
  s.slides.push_back(make_slide("One", 2, {a}));
  s.slides.push_back(make_slide("Two", 5, {a}));
  r.sections.push_back(s);
  const outline o = plan_outline(r);
  EXPECT_EQ(o.sections[0].slides[0].links.size(), 1u);
  EXPECT_EQ(o.sections[0].slides[1].links.size(), 1u);
}

TEST(OutlineLinks, LinksThatDifferInAnyByteAreBothShown) {
  // The same video at another start time (or with another tracking
  // parameter) is another row; the audit reports the duplicate video.
  report r;
  section s = make_section("01", "First", 1);
  const std::string later = "https://www.youtube.com/watch?v=t45S_MwAcOw&t=600s";
  s.slides.push_back(make_slide("Slide", 2, {a, later}));
  r.sections.push_back(s);
  const outline o = plan_outline(r);
  EXPECT_EQ(o.sections[0].slides[0].links.size(), 2u);
}

TEST(OutlineLinks, RowsCarryTheCaptionTheRenderersPrint) {
  report r;
  section s = make_section("01", "First", 1);
  s.slides.push_back(make_slide("Slide", 2, {a, b}));
  r.sections.push_back(s);
  link_check check;
  check.verdict = link_verdict::ok;
  check.title = "Attention";
  r.link_checks[b] = check;
  const outline o = plan_outline(r);
  const auto& rows = o.sections[0].slides[0].links;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].caption, link_label(a));
  EXPECT_EQ(rows[0].caption, "youtu.be/t45S_MwAcOw ▶ 8:47");
  EXPECT_EQ(rows[1].caption, link_label(b) + " — Attention");
}

// 40,000 distinct links on one slide took 6 s to de-duplicate (a linear
// search per link); a hash set of the hrefs seen makes it linear. 200,000
// rows, repeats dropped at their first position, in well under the seconds
// the quadratic search needed for a fifth of them.
TEST(OutlineLinks, DeDuplicationIsLinearInTheLinksOfASlide) {
  report r;
  section s = make_section("01", "First", 1);
  std::vector<std::string> many;
  for (int i = 0; i < 200000; ++i) many.push_back("https://example.com/p/" + std::to_string(i));
  many.push_back("https://example.com/p/7");
  s.slides.push_back(make_slide("Slide", 2, many));
  r.sections.push_back(s);
  const auto start = std::chrono::steady_clock::now();
  const outline o = plan_outline(r);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& rows = o.sections[0].slides[0].links;
  ASSERT_EQ(rows.size(), 200000u);
  EXPECT_EQ(rows[7].href, "https://example.com/p/7");
  EXPECT_EQ(rows[7].line, 10);
  EXPECT_EQ(rows.back().href, "https://example.com/p/199999");
  EXPECT_LT(seconds, 5.0);
}

// ---- the PDF and the DOCX agree ------------------------------------------------

// Whitespace (ASCII and the ideographic space) removed.
std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    if (!std::isspace(static_cast<unsigned char>(s[i]))) out += s[i];
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line, '\n')) out.push_back(squeeze(line));
  return out;
}

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The Japanese deck (a numbered section without a title, a link repeated on
// a slide) converted once to the PDF and the DOCX by the CLI.
class JapaneseDeck : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::temp_dir;
    result_ = test::run_handout("convert " + quote(test::data_path("outline-ja.txt")) + " -o " +
                                quote(dir_->path()) + " --formats pdf,docx");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_EQ(result_.status, 0) << result_.err;
    for (const char* program : {"pdftotext", "qpdf", "unzip"}) {
      if (!test::have_program(program)) GTEST_SKIP() << "needs " << program;
    }
  }

  static std::string pdf_text() {
    auto r = test::run("pdftotext " + quote(*dir_ / "outline-ja.pdf") + " -");
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  // The PDF's bookmarks in document order, each as `LEVEL title` (1: top).
  static std::vector<std::string> pdf_bookmarks() {
    auto json = test::run("qpdf --json --json-key=outlines " + quote(*dir_ / "outline-ja.pdf"));
    std::vector<std::string> out;
    auto walk = [&](auto& self, const nlohmann::json& list, int level) -> void {
      for (const auto& entry : list) {
        out.push_back(std::to_string(level) + " " + entry.at("title").get<std::string>());
        self(self, entry.at("kids"), level + 1);
      }
    };
    walk(walk, nlohmann::json::parse(json.out).at("outlines"), 1);
    return out;
  }
  // word/document.xml of the .docx, as written in the zip.
  static std::unique_ptr<pugi::xml_document> docx_document() {
    auto r = test::run("unzip -p " + quote(*dir_ / "outline-ja.docx") + " word/document.xml");
    EXPECT_EQ(r.status, 0) << r.err;
    auto doc = std::make_unique<pugi::xml_document>();
    EXPECT_TRUE(doc->load_string(r.out.c_str()));
    return doc;
  }
  // The texts of the paragraphs with one of `styles`, in document order,
  // each after `prefix(style)`.
  static std::vector<std::string> docx_paragraphs(
      const std::vector<std::string>& styles,
      const std::function<std::string(const std::string&)>& prefix = {}) {
    auto doc = docx_document();
    std::vector<std::string> out;
    for (const auto& hit : doc->select_nodes("//w:p")) {
      std::string style =
          hit.node().select_node("w:pPr/w:pStyle").node().attribute("w:val").value();
      if (std::find(styles.begin(), styles.end(), style) == styles.end()) continue;
      std::string text = prefix ? prefix(style) : std::string();
      for (const auto& t : hit.node().select_nodes(".//w:t")) text += t.node().text().get();
      out.push_back(text);
    }
    return out;
  }
  static std::string docx_text() {
    auto doc = docx_document();
    std::string text;
    for (const auto& t : doc->select_nodes("//w:t")) text += t.node().text().get();
    return text;
  }

  static inline test::temp_dir* dir_ = nullptr;
  static inline test::command_result result_;
};

TEST_F(JapaneseDeck, BothHeadTheContentsMokuji) {
  EXPECT_NE(squeeze(pdf_text()).find("目次"), std::string::npos);
  EXPECT_EQ(squeeze(pdf_text()).find("Contents"), std::string::npos);
  EXPECT_THAT(docx_paragraphs({"TOCHeading"}), ElementsAre("目次"));
}

TEST_F(JapaneseDeck, BothLabelTheCoverDetailsInJapanese) {
  // The PDF's cover labels its details; the DOCX's cover has no labels.
  const std::string text = squeeze(pdf_text());
  EXPECT_NE(text.find("作成者山田太郎"), std::string::npos) << text;
  EXPECT_NE(text.find("ソースファイル"), std::string::npos) << text;
}

TEST_F(JapaneseDeck, BothGiveTheNumberedUntitledSectionAHeading) {
  const std::vector<std::string> lines = lines_of(pdf_text());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "02"), lines.end()) << "no heading line `02`";
  EXPECT_THAT(docx_paragraphs({"Heading1"}), ElementsAre("01 はじめに", "02", "03 まとめ"));
}

TEST_F(JapaneseDeck, PdfBookmarksNestLikeTheDocxHeadings) {
  const std::vector<std::string> docx =
      docx_paragraphs({"Heading1", "Heading2"},
                      [](const std::string& style) { return style == "Heading1" ? "1 " : "2 "; });
  EXPECT_THAT(docx, ElementsAre("1 01 はじめに", "2 概要", "1 02", "1 03 まとめ", "2 結論"));
  EXPECT_EQ(pdf_bookmarks(), docx);
}

TEST_F(JapaneseDeck, BothShowALinkRepeatedOnASlideOnce) {
  const std::string label = "youtu.be/t45S_MwAcOw▶8:47";
  EXPECT_EQ(occurrences(squeeze(pdf_text()), label), 1);
  EXPECT_EQ(occurrences(squeeze(docx_text()), label), 1);
  // In the order of the source: the repeat does not move the first one.
  const std::string links = squeeze(docx_text());
  EXPECT_LT(links.find(label), links.find("youtu.be/5C_HPTJg5ek"));
}

}  // namespace
}  // namespace handout
