// The text reader: one test per parsing rule, the sample deck, and our own decks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

using namespace std::string_literals;

#include "parse/bullets.hpp"
#include "parse/load.hpp"
#include "parse/metadata.hpp"
#include "parse/text_reader.hpp"
#include "item_texts.hpp"
#include "test_support.hpp"
#include "utf8.hpp"

namespace handout {
namespace {

using test::data_path;
using test::read_all;
using test::texts;
using ::testing::HasSubstr;

report parse(std::string_view text, diagnostics* out = nullptr) {
  diagnostics diags;
  auto r = read_text(text, "deck.txt", diags);
  if (out) *out = diags;
  EXPECT_TRUE(r.has_value()) << (diags.all().empty() ? "" : format(diags.all().front()));
  return r.value_or(report{});
}

diagnostic parse_error(std::string_view text) {
  diagnostics diags;
  auto r = read_text(text, "deck.txt", diags);
  EXPECT_FALSE(r.has_value());
  EXPECT_TRUE(diags.has_errors());
  return diags.all().empty() ? diagnostic{} : diags.all().back();
}

const slide& only_slide(const report& r) {
  EXPECT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections.at(0).slides.size(), 1u);
  return r.sections.at(0).slides.at(0);
}

// --- Encoding -------------------------------------------------------------

TEST(Encoding, ByteOrderMarkIsIgnored) {
  report r = parse("\xEF\xBB\xBF Title\n• a\n");
  EXPECT_EQ(only_slide(r).title, "Title");
}

TEST(Encoding, CrlfLineEndsReadAsLf) {
  report r = parse(" Title\r\n\r\n• one\r\n\r\n• two\r\n");
  EXPECT_EQ(texts(only_slide(r).items), "1:one|1:two|");
}

TEST(Encoding, CrOnlyLineEndsOfOldMacFiles) {
  report r = parse(" Title\r• one\r• two\r");
  EXPECT_EQ(texts(only_slide(r).items), "1:one|1:two|");
}

TEST(Encoding, TextIsNormalizedToNfc) {
  report r = parse(" Caf\x65\xCC\x81\n• re\xCC\x81sume\xCC\x81\n");  // e + U+0301
  EXPECT_EQ(only_slide(r).title, "Caf\xC3\xA9");
  EXPECT_EQ(only_slide(r).items.at(0).text, "r\xC3\xA9sum\xC3\xA9");
}

TEST(Encoding, NfcComposesAfterCjkAndFullwidthText) {
  // Second elements of composed pairs, after text the fast path accepts.
  EXPECT_EQ(utf8::nfc("中（e\xCC\x81"), "中（\xC3\xA9");                 // e + U+0301
  EXPECT_EQ(utf8::nfc("中\xE3\x81\x8B\xE3\x82\x99"), "中\xE3\x81\x8C");  // か + U+3099
  EXPECT_EQ(utf8::nfc("\xE0\xA7\x87\xE0\xA6\xBE"), "\xE0\xA7\x8B");      // U+09C7 U+09BE
  EXPECT_EQ(utf8::nfc("\xEF\xA4\x80"), "\xE8\xB1\x88");                  // U+F900 singleton
  EXPECT_EQ(utf8::nfc("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");      // Hangul jamo
}

// The bytes of `text` in `encoding`, by iconv (libc-bin, on every Debian).
std::string encoded(const std::string& text, const std::string& encoding) {
  test::temp_dir tmp;
  std::ofstream(tmp / "in", std::ios::binary) << text;
  auto r = test::run("iconv -f UTF-8 -t " + encoding + " " + test::quote(tmp / "in"));
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

const std::string cjk_deck =
    " 深度学习的突破\n• 自然语言处理在二零一九年取得了很大的进展，预训练模型成为主流。\n"
    "• 计算机视觉和语音识别也受益于更大的数据集与更强的算力。\n";

TEST(Encoding, Utf16AndUtf32WithAByteOrderMarkAreDecodedWithANote) {
  const report expected = parse(cjk_deck);
  for (const char* encoding : {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
    diagnostics diags;
    // iconv's plain UTF-16 and UTF-32 write a byte order mark; the LE/BE forms do not.
    const std::string bom = encoded("\uFEFF", encoding);
    report r = parse(bom + encoded(cjk_deck, encoding), &diags);
    EXPECT_EQ(only_slide(r).items.at(0).text, only_slide(expected).items.at(0).text) << encoding;
    ASSERT_EQ(diags.all().size(), 1u) << encoding;
    EXPECT_EQ(format(diags.all()[0]), std::string("deck.txt: note: read as ") + encoding +
                                          " (the file starts with its byte order mark)");
  }
}

TEST(Encoding, MalformedUtf16IsAnErrorAtItsByte) {
  // A high surrogate (0xD800) followed by a letter, at byte 6.
  std::string bytes =
      encoded("\uFEFF T\n", "UTF-16LE") + std::string("\x00\xD8", 2) + encoded("b\n", "UTF-16LE");
  EXPECT_EQ(
      format(parse_error(bytes)),
      "deck.txt: error: invalid UTF-16LE at byte 8 (the file starts with its byte order mark)");
}

TEST(Encoding, OtherEncodingsAreNamedWithTheIconvCommandThatConvertsThem) {
  test::temp_dir tmp;
  for (const auto& [encoding, text] : std::vector<std::pair<std::string, std::string>>{
           {"GB18030", cjk_deck},
           {"BIG5",
            " 深度學習的突破\n- 自然語言處理在二零一九年取得了很大的進展，預訓練模型成為主流。\n"},
           {"SHIFT_JIS",
            " 機械学習の進歩\n- 深層学習はコンピュータビジョンと自然言語処理を変えた。\n"},
           {"EUC-KR",
            " 딥러닝의 발전\n- 자연어 처리의 돌파구가 되었다. 대규모 언어 모델의 시대가 "
            "시작되었다.\n"}}) {
    const std::string deck = tmp / "deck.txt";
    std::ofstream(deck, std::ios::binary) << encoded(text, encoding);
    auto r = test::run_handout("parse " + test::quote(deck) + " -o /dev/null");
    EXPECT_EQ(r.status, 2) << encoding;
    const std::string command_start = "convert it with iconv -f ";
    auto at = r.err.find(command_start);
    ASSERT_NE(at, std::string::npos) << encoding << ": " << r.err;
    // The command it gives converts the file, which then reads.
    const std::string command = r.err.substr(at + 16, r.err.find('\n', at) - at - 16);
    ASSERT_EQ(test::run("(" + command + ")").status, 0) << command;
    auto again = test::run_handout("parse " + test::quote(tmp / "deck.utf8.txt") + " -o /dev/null");
    EXPECT_EQ(again.status, 0) << encoding << ": " << again.err;
  }
  // Latin-1 is too close to other 8-bit encodings to name.
  EXPECT_EQ(format(parse_error(" Caf\xe9 na\xefve\n")),
            "deck.txt:1:5: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8");
}

TEST(Encoding, FormFeedIsAPageBreakNotText) {
  report r = parse(" One\n• a\n\f\n\f Two\n• b\f\n");
  ASSERT_EQ(r.sections.at(0).slides.size(), 2u);
  EXPECT_EQ(r.sections.at(0).slides[1].title, "Two");
  EXPECT_EQ(r.sections.at(0).slides[1].items.at(0).text, "b");
}

TEST(Encoding, ControlCharacterIsDroppedWithAWarning) {
  diagnostics diags;
  report r = parse(" T\n• a\x01z\n", &diags);
  EXPECT_EQ(only_slide(r).items.at(0).text, "az");
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(format(diags.all()[0]),
            "deck.txt:2:4: warning: character U+0001 cannot be written to XML; dropped");
}

// --- Sections and slides -------------------------------------------------

TEST(Sections, NumberedDividerTakesTitleFromNextLine) {
  report r = parse(" 01\n算法与模型发展\n 自然语言处理\n• a\n");
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].number, "01");
  EXPECT_EQ(r.sections[0].title, "算法与模型发展");
  EXPECT_EQ(r.sections[0].line, 1);
  EXPECT_EQ(r.sections[0].slides.at(0).title, "自然语言处理");
  EXPECT_EQ(r.sections[0].slides.at(0).line, 3);
}

TEST(Sections, DividerNumberHasOneToThreeDigits) {
  report r = parse(" 7\nSeven\n 123\nBig\n 2019\n");
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[0].number, "7");
  EXPECT_EQ(r.sections[1].number, "123");
  EXPECT_EQ(r.sections[1].slides.at(0).title, "2019");  // four digits: a slide title
}

TEST(Sections, DividerTitleMaySitAfterBlankLines) {
  report r = parse(" 02\n\n开源框架\n 框架\n");
  EXPECT_EQ(r.sections.at(0).title, "开源框架");
}

TEST(Sections, DividerWithoutTitleIsKeptWithAWarning) {
  diagnostics diags;
  report r = parse(" 01\n• a\n", &diags);
  EXPECT_EQ(r.sections.at(0).number, "01");
  EXPECT_EQ(r.sections.at(0).title, "");
  EXPECT_THAT(format(diags.all().at(0)),
              HasSubstr("deck.txt:2:1: warning: bullet before any slide"));
}

TEST(Sections, TitleRepeatedAtOnceIsAnUnnumberedSection) {
  report r = parse(" 01\nA\n S\n• a\n 总结\n 总结\n\n• b\n");
  ASSERT_EQ(r.sections.size(), 2u);
  const section& s = r.sections[1];
  EXPECT_FALSE(s.number.has_value());
  EXPECT_EQ(s.title, "总结");
  EXPECT_EQ(s.line, 5);
  ASSERT_EQ(s.slides.size(), 1u);
  EXPECT_EQ(s.slides[0].title, "总结");
  EXPECT_EQ(s.slides[0].line, 6);
  EXPECT_EQ(s.slides[0].items.at(0).text, "b");
}

TEST(Sections, SameTitleAfterOtherLinesIsTwoSlides) {
  report r = parse(" S\n• a\n S\n• b\n");
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].slides.size(), 2u);
}

TEST(Slides, OtherLineStartingWithASpaceIsASlideTitle) {
  report r = parse(" 01\nSec\n First slide\n• a\n\tSecond slide\n• b\n");
  ASSERT_EQ(r.sections.at(0).slides.size(), 2u);
  EXPECT_EQ(r.sections[0].slides[0].title, "First slide");
  EXPECT_EQ(r.sections[0].slides[1].title, "Second slide");
}

TEST(Slides, SlidesBeforeAnyDividerSitInAnUntitledSection) {
  diagnostics diags;
  report r = parse(" Intro\n• a\n", &diags);
  EXPECT_EQ(r.sections.at(0).title, "");
  EXPECT_FALSE(r.sections.at(0).number.has_value());
  EXPECT_TRUE(diags.all().empty());
}

// --- Bullets ---------------------------------------------------------------

TEST(Bullets, EveryGlyphOfTheTableMapsToItsLevel) {
  for (const auto& b : bullet_glyphs) {
    report r = parse(" T\n" + std::string(b.glyph) + " text\n");
    const auto& items = only_slide(r).items;
    ASSERT_EQ(items.size(), 1u) << b.glyph;
    EXPECT_EQ(items[0].level, b.level) << b.glyph;
    EXPECT_EQ(items[0].text, "text") << b.glyph;
  }
}

TEST(Bullets, AsciiDashAndStarNeedAFollowingSpace) {
  report r = parse(" T\n• range 10\n-20 and *bold*\n");
  EXPECT_EQ(texts(only_slide(r).items), "1:range 10-20 and *bold*|");
}

TEST(Bullets, GraphicGlyphNeedsNoSpace) {
  report r = parse(" T\n•事件：\n◦细节\n");
  EXPECT_EQ(texts(only_slide(r).items), "1:事件：|2:细节|");
}

TEST(Bullets, IndentedBulletIsStillABullet) {
  report r = parse(" T\n  • a\n    ◦ b\n");
  EXPECT_EQ(only_slide(r).title, "T");
  EXPECT_EQ(texts(only_slide(r).items), "1:a|2:b|");
}

TEST(Bullets, SpaceAfterTheGlyphIsNotText) {
  // Even when the wrap comes right after `• `, and with a no-break space.
  report r = parse(" T\n• \n\ntext\n- \n\nmore\n•\xC2\xA0nbsp\n");
  EXPECT_EQ(texts(only_slide(r).items), "1:text|1:more|1:nbsp|");
}

TEST(Bullets, DeeperLevelsNestUnderTheNearestShallowerItem) {
  report r = parse(" T\n• a\n◦ b\n▪ c\n◦ d\n• e\n▪ f\n");
  const auto& items = only_slide(r).items;
  ASSERT_EQ(items.size(), 2u);
  ASSERT_EQ(items[0].children.size(), 2u);
  EXPECT_EQ(items[0].children[0].children.at(0).text, "c");
  EXPECT_EQ(items[1].children.at(0).text, "f");  // level 3 under level 1: nothing lost
  EXPECT_EQ(items[1].children.at(0).level, 3);
}

TEST(Bullets, DeeperLevelWithoutParentStaysAtTheTop) {
  report r = parse(" T\n◦ orphan\n• a\n");
  EXPECT_EQ(texts(only_slide(r).items), "2:orphan|1:a|");
}

TEST(Bullets, BulletBeforeAnySlideIsKeptWithAWarning) {
  diagnostics diags;
  report r = parse("• early\n Later\n• b\n", &diags);
  ASSERT_EQ(r.sections.at(0).slides.size(), 2u);
  EXPECT_EQ(r.sections[0].slides[0].title, "");
  EXPECT_EQ(r.sections[0].slides[0].items.at(0).text, "early");
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(format(diags.all()[0]),
            "deck.txt:1:1: warning: bullet before any slide title; kept in an untitled slide");
}

// --- Hard wraps ------------------------------------------------------------

TEST(HardWraps, ContinuationJoinsWithNothingInserted) {
  report r = parse(" T\n◦ 如RoBERTa、ALBER\n\nT）。\n◦ GA\n\nNs在图像\n◦ 10\n\n00万美元\n");
  EXPECT_EQ(texts(only_slide(r).items), "2:如RoBERTa、ALBERT）。|2:GANs在图像|2:1000万美元|");
}

TEST(HardWraps, TrailingSpaceOfAWrappedLineStays) {
  report r = parse(" T\n◦ 后来 AutoML \n\n的技术路线。  \n");
  EXPECT_EQ(only_slide(r).items.at(0).text, "后来 AutoML 的技术路线。");
}

TEST(HardWraps, ContinuationExtendsTitles) {
  report r = parse(" 2\nCase Studies in Produc\n\ntion\n Who uses Ru\nst\n");
  EXPECT_EQ(r.sections.at(0).title, "Case Studies in Production");
  EXPECT_EQ(r.sections.at(0).slides.at(0).title, "Who uses Rust");
}

TEST(HardWraps, ContinuationExtendsALink) {
  report r = parse(" T\nhttps://www.youtube.com/watch?v=t45S_M\n\nwAcOw\n");
  EXPECT_EQ(only_slide(r).links.at(0).href, "https://www.youtube.com/watch?v=t45S_MwAcOw");
}

TEST(HardWraps, TextBeforeAnyElementIsKeptWithAWarning) {
  diagnostics diags;
  report r = parse("stray words\n T\n", &diags);
  EXPECT_EQ(r.sections.at(0).slides.at(0).items.at(0).text, "stray words");
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(format(diags.all()[0]),
            "deck.txt:1:1: warning: text before any slide title; kept in an untitled slide");
}

// --- Links -----------------------------------------------------------------

TEST(Links, UrlLineIsALinkOfTheCurrentSlide) {
  report r = parse(" A\n• a\nhttps://youtu.be/abc\n\nhttp://example.com/x\n B\n");
  const auto& a = r.sections.at(0).slides.at(0);
  ASSERT_EQ(a.links.size(), 2u);
  EXPECT_EQ(a.links[0].href, "https://youtu.be/abc");
  EXPECT_EQ(a.links[0].line, 3);
  EXPECT_EQ(a.links[1].line, 5);
  EXPECT_TRUE(r.sections[0].slides.at(1).links.empty());
}

TEST(Links, LinkHoldingSpacesIsKeptWithAWarning) {
  diagnostics diags;
  report r = parse(" A\nhttps://a.example/1\n\nvideo notes\n", &diags);
  EXPECT_EQ(only_slide(r).links.at(0).href, "https://a.example/1video notes");
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_THAT(format(diags.all()[0]), HasSubstr("deck.txt:2:1: warning: link holds spaces"));
}

TEST(Links, UnusableSchemesAreStillLinksForTheAudit) {
  report r = parse(" A\njavascript:alert(1)\nwww.youtube.com/watch?v=x\nftp://host/file\n");
  EXPECT_EQ(only_slide(r).links.size(), 3u);
}

TEST(Links, LinkBeforeAnySlideIsKeptWithAWarning) {
  diagnostics diags;
  report r = parse("https://youtu.be/x\n", &diags);
  EXPECT_EQ(r.sections.at(0).slides.at(0).links.at(0).href, "https://youtu.be/x");
  EXPECT_THAT(format(diags.all().at(0)), HasSubstr("1:1: warning: link before any slide title"));
}

TEST(Links, UrlInsideBulletTextStaysAndIsMarked) {
  report r = parse(" T\n• 见 https://example.com/a_(b)，以及 http://x.org/y. 完\n");
  const item& it = only_slide(r).items.at(0);
  EXPECT_EQ(it.text, "见 https://example.com/a_(b)，以及 http://x.org/y. 完");
  ASSERT_EQ(it.urls.size(), 2u);
  EXPECT_EQ(it.text.substr(it.urls[0].offset, it.urls[0].length), "https://example.com/a_(b)");
  EXPECT_EQ(it.text.substr(it.urls[1].offset, it.urls[1].length), "http://x.org/y");
  EXPECT_TRUE(only_slide(r).links.empty());
}

TEST(Links, UrlInBulletTextKnowsTheSourceLineAndColumnWhereItStarts) {
  // On the bullet's own line, on continuation lines (which start at column
  // 1), and after text that NFC composes
  // (e + U+0301 is one character after NFC but two as written).
  report r = parse(
      " T\n  • 见 https://a.org/x 和\n接着https://youtu.be/t45S_MwAcOw\n再 http://c.org/z\n"
      "• e\u0301e\u0301 https://d.org/\n");
  const slide& s = only_slide(r);
  ASSERT_EQ(s.items.size(), 2u);
  const auto& urls = s.items[0].urls;
  ASSERT_EQ(urls.size(), 3u);
  EXPECT_EQ(std::pair(urls[0].line, urls[0].column), std::pair(2, 7));
  EXPECT_EQ(std::pair(urls[1].line, urls[1].column), std::pair(3, 3));
  EXPECT_EQ(std::pair(urls[2].line, urls[2].column), std::pair(4, 3));
  ASSERT_EQ(s.items[1].urls.size(), 1u);
  EXPECT_EQ(s.items[1].text, "\u00E9\u00E9 https://d.org/");
  EXPECT_EQ(std::pair(s.items[1].urls[0].line, s.items[1].urls[0].column), std::pair(5, 8));
}

TEST(Links, UrlInParenthesesEndsBeforeTheClosingOne) {
  auto spans = find_urls("(see https://a.org/x)");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].length, std::string("https://a.org/x").size());
}

// --- Bad input -------------------------------------------------------------

TEST(BadInput, InvalidUtf8IsAnErrorAtTheFirstBadByte) {
  diagnostic d = parse_error(" 标题\n• 好\xE4\xBD\n");
  EXPECT_EQ(format(d), "deck.txt:2:4: error: invalid UTF-8 (byte 0xE4); save the file as UTF-8");
}

TEST(BadInput, OverlongAndSurrogateEncodingsAreInvalid) {
  EXPECT_EQ(parse_error(" T\n\xC0\xAF").column, 1);
  EXPECT_EQ(parse_error(" T\nab\xED\xA0\x80").column, 3);
}

TEST(BadInput, NulByteIsBinaryData) {
  diagnostic d = parse_error(" T\n• a\0b\n"s);
  EXPECT_EQ(format(d), "deck.txt:2:4: error: NUL byte: this is binary data, not slide text");
}

TEST(BadInput, EmptyFileIsAnError) {
  EXPECT_EQ(format(parse_error("")), "deck.txt:1:1: error: file is empty");
  EXPECT_EQ(format(parse_error("\xEF\xBB\xBF")), "deck.txt:1:1: error: file is empty");
}

TEST(BadInput, BlankFileIsAnError) {
  EXPECT_EQ(format(parse_error(" \n\t\r\n\f\n")), "deck.txt:1:1: error: file has only blank lines");
}

TEST(BadInput, LineOverTheLimitIsAnError) {
  std::string text = " T\n• " + std::string(10 << 20, 'x') + "\n";
  diagnostic d = parse_error(text);
  EXPECT_EQ(d.line, 2);
  EXPECT_THAT(d.message, HasSubstr("bytes long; the limit is"));
}

// --- The sample ------------------------------------------------------------

class Sample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    diagnostics diags;
    sample_ = new report(
        read_text(read_all(test::source_dir() + "/input/ai-2019-review.txt"), "s", diags).value());
    warnings_ = static_cast<int>(diags.all().size());
  }
  static void TearDownTestSuite() { delete sample_; }
  static std::string all_text() {
    std::string out;
    for (const auto& s : sample_->sections)
      for (const auto& sl : s.slides) out += texts(sl.items);
    return out;
  }
  static report* sample_;
  static int warnings_;
};
report* Sample::sample_ = nullptr;
int Sample::warnings_ = 0;

TEST_F(Sample, HasTheCountsOfTheSource) {
  report_counts c = count(*sample_);
  EXPECT_EQ(c.sections, 6);
  EXPECT_EQ(c.slides, 11);
  EXPECT_EQ(c.items, 57);
  EXPECT_EQ(c.items_by_level[1], 26);
  EXPECT_EQ(c.items_by_level[2], 31);
  EXPECT_EQ(c.links, 21);
  EXPECT_EQ(warnings_, 0);
}

TEST_F(Sample, SectionsAreNumberedAsInTheSource) {
  std::vector<std::string> got;
  for (const auto& s : sample_->sections) got.push_back(s.number.value_or("-") + " " + s.title);
  EXPECT_THAT(got,
              ::testing::ElementsAre("01 算法与模型发展", "02 开源框架崛起", "03 AI 芯片和硬件",
                                     "04 自动驾驶", "05 AI 安全", "- 总结"));
}

TEST_F(Sample, HardWrapsAreJoined) {
  std::string all = all_text();
  for (const char* joined : {"（如RoBERTa、ALBERT）", "GANs在图像", "最终OpenAI在11月",
                             "1000万美元", "AutoML 的技术路线", "预训练-微调"}) {
    EXPECT_THAT(all, HasSubstr(joined));
  }
}

// --- Our own decks, with expectations written by hand -----------------------

TEST(OwnDecks, EnglishDeck) {
  diagnostics diags;
  auto r = load_input(data_path("english-deck.txt"), diags);
  ASSERT_TRUE(r);
  EXPECT_TRUE(diags.all().empty());
  EXPECT_EQ(r->meta.lang, "en");
  EXPECT_EQ(r->meta.title, "english deck");
  ASSERT_EQ(r->sections.size(), 3u);
  EXPECT_EQ(r->sections[1].title, "Case Studies in Production");
  EXPECT_EQ(r->sections[2].title, "Q&A");
  EXPECT_FALSE(r->sections[2].number);
  const slide& why = r->sections[0].slides.at(0);
  EXPECT_EQ(texts(why.items),
            "1:Memory safety without a garbage collector: the borrow checker rejects data races at "
            "compile time.|2:Ownership: every value has exactly one owner; see "
            "https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html for details.|"
            "2:Borrowing: shared or mutable, never both.|3:A mutable borrow is exclusive.|"
            "1:Zero-cost abstractions.|");
  EXPECT_EQ(why.items[0].children[0].urls.size(), 1u);
  const slide& tooling = r->sections[0].slides.at(1);
  EXPECT_EQ(texts(tooling.items),
            "1:cargo builds, tests and publishes crates.|1:rustfmt and clippy keep code tidy.|"
            "2:rust-analyzer powers editors.|");
  EXPECT_EQ(tooling.links.at(0).href, "https://youtu.be/zF34dRivLOw?t=90");
  EXPECT_EQ(r->sections[1].slides.at(0).links.size(), 2u);
  report_counts c = count(*r);
  EXPECT_EQ(c.slides, 4);
  EXPECT_EQ(c.items, 11);
  EXPECT_EQ(c.links, 4);
}

TEST(OwnDecks, CrlfDeckWithBomAndFormFeeds) {
  diagnostics diags;
  auto r = load_input(data_path("crlf-bom-deck.txt"), diags);
  ASSERT_TRUE(r);
  EXPECT_TRUE(diags.all().empty());
  ASSERT_EQ(r->sections.size(), 2u);
  EXPECT_EQ(r->sections[0].number, "01");
  EXPECT_EQ(r->sections[0].title, "機器學習基礎");
  EXPECT_EQ(r->sections[1].number, "02");
  EXPECT_EQ(r->sections[1].line, 16);
  const slide& s = r->sections[0].slides.at(0);
  EXPECT_EQ(s.title, "監督式學習");
  EXPECT_EQ(texts(s.items),
            "1:分類與回歸：|2:邏輯回歸（Logistic Regression）是最常見的分類模型之一。|"
            "2:決策樹 and random forests|");
  EXPECT_EQ(s.links.at(0).href, "https://www.youtube.com/watch?v=7VeUPuFGJHk");
  EXPECT_EQ(r->sections[1].slides.at(0).links.at(0).href,
            "https://www.youtube.com/watch?v=Ilg3gGewQ5U&t=1m30s");
  EXPECT_EQ(r->meta.lang, "zh-CN");
}

// --- Metadata --------------------------------------------------------------

TEST(Metadata, SidecarGivesTitleSubtitleAuthorDateAndLanguage) {
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " T\n• a\n");
  test::write_all(dir / "deck.meta.yaml",
                  "title: 年度回顾\nsubtitle: Sub\nauthor: Ann\ndate: 2020-01-02\nlang: zh-TW\n");
  diagnostics diags;
  auto r = load_input(dir / "deck.txt", diags);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->meta.title, "年度回顾");
  EXPECT_EQ(r->meta.subtitle, "Sub");
  EXPECT_EQ(r->meta.author, "Ann");
  EXPECT_EQ(r->meta.date, "2020-01-02");
  EXPECT_EQ(r->meta.lang, "zh-TW");
}

TEST(Metadata, UnknownSidecarKeyIsAnErrorAtItsLineAndColumn) {
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " T\n");
  test::write_all(dir / "deck.meta.yaml", "title: X\n  \nautor: Ann\n");
  diagnostics diags;
  EXPECT_FALSE(load_input(dir / "deck.txt", diags));
  EXPECT_EQ(
      format(diags.all().at(0)),
      dir / "deck.meta.yaml" +
          ":3:1: error: unknown key 'autor'; known keys: title, subtitle, author, date, lang");
}

TEST(Metadata, BadSidecarDateIsAnError) {
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " T\n");
  test::write_all(dir / "deck.meta.yaml", "date: 2 May 2020\n");
  diagnostics diags;
  EXPECT_FALSE(load_input(dir / "deck.txt", diags));
  EXPECT_THAT(format(diags.all().at(0)), HasSubstr(":1:7: error: date must be a real date"));
  for (const char* bad : {"date: 2021-13-45\n", "date: 2021-02-29\n"}) {
    test::write_all(dir / "deck.meta.yaml", bad);
    EXPECT_FALSE(load_input(dir / "deck.txt", diags)) << bad;
  }
  test::write_all(dir / "deck.meta.yaml", "date: 2020-02-29\n");
  EXPECT_TRUE(load_input(dir / "deck.txt", diags));
}

TEST(Metadata, SidecarValuesAreCleanedOrRejected) {
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " T\n");
  test::write_all(dir / "deck.meta.yaml", "title: |\n  Two\n  lines\n");
  diagnostics diags;
  auto r = load_input(dir / "deck.txt", diags);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->meta.title, "Two lines");
  test::write_all(dir / "deck.meta.yaml", "title: \"a\\x01b\"\n");
  EXPECT_FALSE(load_input(dir / "deck.txt", diags));
  EXPECT_THAT(format(diags.all().back()),
              HasSubstr(":1:8: error: 'title' holds a control character"));
  test::write_all(dir / "deck.meta.yaml", "title: a\ntitle: b\n");
  EXPECT_FALSE(load_input(dir / "deck.txt", diags));
  EXPECT_THAT(format(diags.all().back()), HasSubstr(":2:1: error: 'title' is given twice"));
}

TEST(Metadata, WithoutSidecarTitleComesFromFileNameAndLanguageFromScript) {
  test::temp_dir dir;
  test::write_all(dir / "ai_2019-review.txt", " 标题\n• 中文内容 with a few English words\n");
  diagnostics diags;
  auto r = load_input(dir / "ai_2019-review.txt", diags);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->meta.title, "ai 2019 review");
  EXPECT_EQ(r->meta.lang, "zh-CN");
}

TEST(Metadata, DateComesFromSourceDateEpochNeverTheClock) {
  report r;
  ::unsetenv("SOURCE_DATE_EPOCH");
  derive_metadata(r, "x.txt");
  EXPECT_EQ(r.meta.date, "");
  ::setenv("SOURCE_DATE_EPOCH", "1577836800", 1);
  report r2;
  derive_metadata(r2, "x.txt");
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(r2.meta.date, "2020-01-01");
}

TEST(Metadata, LanguageTags) {
  for (const char* good : {"en", "zh-CN", "zh-Hant-TW", "de-1996", "yue"}) {
    EXPECT_TRUE(is_language_tag(good)) << good;
  }
  for (const char* bad : {"", "e", "english", "zh-", "zh--CN", "not a lang", "zh-C", "en_US"}) {
    EXPECT_FALSE(is_language_tag(bad)) << bad;
  }
}

TEST(Metadata, LanguageDetection) {
  auto lang_of = [](std::string_view text) { return detect_language(parse(text)); };
  EXPECT_EQ(lang_of(" Title\n• An English sentence.\n"), "en");
  EXPECT_EQ(lang_of(" 标题\n• 中文的句子。\n"), "zh-CN");
  EXPECT_EQ(lang_of(" タイトル\n• 日本語のテキストです。\n"), "ja");
  EXPECT_EQ(lang_of(" 제목\n• 한국어 문장입니다.\n"), "ko");
  EXPECT_EQ(lang_of(" Заголовок\n• Текст на русском языке.\n"), "ru");
  EXPECT_EQ(lang_of(" عنوان\n• نص باللغة العربية.\n"), "ar");
}

}  // namespace
}  // namespace handout
