// The extracted-text dialect: one test per rule, and how much of two decks
// made in LibreOffice Impress (tests/data/slides/*.fodp) their pdftotext
// extractions give back.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "parse/extracted_text.hpp"
#include "parse/text_reader.hpp"
#include "item_texts.hpp"
#include "test_support.hpp"

namespace handout {
namespace {

using test::data_path;
using test::read_all;
using test::texts;

report extracted(std::string_view text, diagnostics* out = nullptr,
                 text_dialect dialect = text_dialect::detect) {
  diagnostics diags;
  auto r = read_text(text, "deck.txt", diags, dialect);
  if (out) *out = diags;
  EXPECT_TRUE(r.has_value());
  return r.value_or(report{});
}

// A cover page, then the pages given, each ending with a form feed.
std::string deck(std::initializer_list<std::string_view> pages) {
  std::string out = "Cover title\nA subtitle\n\f";
  for (auto p : pages) out += std::string(p) + "\f";
  return out;
}

TEST(ExtractedText, FormFeedsBetweenUnindentedPagesAreDetected) {
  std::vector<std::string_view> lines = {"Title", "text", "Next", "more"};
  EXPECT_TRUE(looks_extracted(lines, {2}));
  EXPECT_FALSE(looks_extracted(lines, {}));
}

TEST(ExtractedText, CanonicalDeckWithFormFeedsReadsAsBefore) {
  report r = extracted(" 01\nSection\n Slide\n• a\n\f Next\n• b\n\f");
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].number, "01");
  ASSERT_EQ(r.sections[0].slides.size(), 2u);
  EXPECT_EQ(r.sections[0].slides[1].title, "Next");
  EXPECT_TRUE(r.meta.title.empty());  // no cover in the canonical layout
}

TEST(ExtractedText, PageIsASlideAndItsFirstLineItsTitle) {
  report r = extracted(deck({"First slide\n• a\n", "Second slide\n• b\n"}));
  ASSERT_EQ(r.sections.size(), 1u);
  ASSERT_EQ(r.sections[0].slides.size(), 2u);
  EXPECT_EQ(r.sections[0].slides[0].title, "First slide");
  EXPECT_EQ(r.sections[0].slides[1].title, "Second slide");
  EXPECT_EQ(texts(r.sections[0].slides[1].items), "1:b|");
}

TEST(ExtractedText, FirstPageIsTheCoverWithTitleSubtitleAndDate) {
  report r = extracted("人工智能年度回顾\n算法与应用\n2020年1月5日\n\fSlide\n• a\n\f");
  EXPECT_EQ(r.meta.title, "人工智能年度回顾");
  EXPECT_EQ(r.meta.subtitle, "算法与应用");
  EXPECT_EQ(r.meta.date, "2020-01-05");
  EXPECT_EQ(r.sections.at(0).slides.at(0).title, "Slide");
}

TEST(ExtractedText, NumberOnlyPageIsASectionDivider) {
  report r = extracted(deck({"01\n算法与模型发展\n", "NLP 的突破\n• a\n"}));
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].number, "01");
  EXPECT_EQ(r.sections[0].title, "算法与模型发展");
  EXPECT_EQ(r.sections[0].slides.at(0).title, "NLP 的突破");
}

TEST(ExtractedText, NumberAndTitleAloneOnAPageIsASectionDivider) {
  report r = extracted(deck({"02 Frameworks 框架\n", "3 things to know\n• a\n• b\n"}));
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].number, "02");
  EXPECT_EQ(r.sections[0].title, "Frameworks 框架");
  EXPECT_EQ(r.sections[0].slides.at(0).title, "3 things to know");  // not alone: a slide
}

TEST(ExtractedText, LineRepeatedOnMostPagesIsAFooterAndDropped) {
  report r = extracted(
      "Cover\n\nDemo footer 1\n\fA\n• a\nDemo footer 2\n\fB\n• b\nDemo footer 3\n\f"
      "C\n• c\n\nDemo footer\n4\n\f");
  const auto& slides = r.sections.at(0).slides;
  ASSERT_EQ(slides.size(), 3u);
  EXPECT_EQ(texts(slides[0].items), "1:a|");
  EXPECT_EQ(texts(slides[2].items), "1:c|");
}

TEST(ExtractedText, BarePageNumbersAreDroppedButNumbersInTextStay) {
  report r = extracted(deck({"Slide\n• released in September\n2019\n• b\n\n2\n"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:released in September 2019|1:b|");
}

TEST(ExtractedText, PrivateUseAreaGlyphsAreBulletsOfTheirLevel) {
  // Symbol's bullet, Wingdings' square and arrowhead, as PowerPoint's PDFs carry them.
  report r = extracted(deck({"Slide\n\xEF\x82\xB7\tone\n\xEF\x82\xA7\ttwo\n\xEF\x83\x98three\n"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:one|3:two|1:three|");
  EXPECT_EQ(extracted_bullet_level(0xF076), 1);
  EXPECT_EQ(extracted_bullet_level(U'x'), 0);
}

TEST(ExtractedText, DashWithoutASpaceIsABullet) {
  report r = extracted(deck({"Slide\n• top\n–nested\n–20 degrees\n"}));
  // `–20` is a number, not a bullet: it continues the line before.
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:top|2:nested–20 degrees|");
}

TEST(ExtractedText, GlyphsOnLinesOfTheirOwnGoToTheNextParagraphs) {
  // pdftotext's default output: glyphs apart from their text, in order.
  report r = extracted(deck({"Slide\n·\n\nEvents\n–\n\nBERT\n·\n\n–\n\nWhy\n\nRead more\n"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:Events|2:BERT|1:Why|2:Read more|");
}

TEST(ExtractedText, TextRightAfterTheTitleIsABullet) {
  report r = extracted(deck({"Slide\nEvents 事件：\n"}));
  EXPECT_EQ(r.sections.at(0).slides.at(0).title, "Slide");
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:Events 事件：|");
}

TEST(ExtractedText, WrapBetweenLatinLettersGetsItsSpaceBack) {
  report r = extracted(deck({"Slide\n• its token\ndepends on context\n"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:its token depends on context|");
}

TEST(ExtractedText, WrapInCjkTextJoinsWithoutASpace) {
  report r = extracted(deck({"Slide\n• 研究界快\n速增长，pre-\ntraining\n"}));
  EXPECT_EQ(texts(r.sections.at(0).slides.at(0).items), "1:研究界快速增长，pre-training|");
}

TEST(ExtractedText, UrlIsNotGluedToTheNextLine) {
  report r = extracted(deck({"Slide\n• see https://example.org/a\nfor details\n"
                             "https://www.youtube.com/watch?v=6niqTuYFZLQ\nVideo: a talk\n"}));
  const slide& s = r.sections.at(0).slides.at(0);
  EXPECT_EQ(texts(s.items), "1:see https://example.org/a for details|1:Video: a talk|");
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].href, "https://www.youtube.com/watch?v=6niqTuYFZLQ");
}

TEST(ExtractedText, UrlIsJoinedToItsPlainContinuation) {
  report r = extracted(deck({"Slide\n• a\nhttps://www.youtube.com/watch?\nv=t45S_MwAcOw&pp=ygU\n"
                             "%3D\n• see https://example.org/x?q=\n1&r=2 now\n"}));
  const slide& s = r.sections.at(0).slides.at(0);
  ASSERT_EQ(s.links.size(), 1u);
  EXPECT_EQ(s.links[0].href, "https://www.youtube.com/watch?v=t45S_MwAcOw&pp=ygU%3D");
  ASSERT_EQ(s.items.size(), 2u);
  EXPECT_EQ(s.items[1].text, "see https://example.org/x?q= 1&r=2 now");  // spaces: not a URL
}

TEST(ExtractedText, UrlPositionsPointIntoTheExtractedFile) {
  report r = extracted(deck({"Slide\n·\n\nsee https://example.org/a\n"}));
  const item& it = r.sections.at(0).slides.at(0).items.at(0);
  ASSERT_EQ(it.urls.size(), 1u);
  EXPECT_EQ(it.urls[0].line, 6);
  EXPECT_EQ(it.urls[0].column, 5);
}

TEST(ExtractedText, PdftotextDialectCanBeChosenForIndentedLayout) {
  const std::string text = deck({"   Slide\n    •   a\n", "  Other\n"});
  report r = extracted(text, nullptr, text_dialect::pdftotext);
  ASSERT_EQ(r.sections.at(0).slides.size(), 2u);
  EXPECT_EQ(texts(r.sections[0].slides[0].items), "1:a|");
}

// --- The Impress decks ------------------------------------------------------

// What the decks hold (their .fodp sources); links: the URLs shown on the slides.
struct truth_slide {
  std::string title;
  std::vector<std::pair<int, std::string>> bullets;
  std::vector<std::string> links;
};
struct truth_section {
  std::string number, title;
  std::vector<truth_slide> slides;
};
struct truth_deck {
  std::string title, subtitle, date;
  std::vector<truth_section> sections;
};

const std::string yt_bert = "https://www.youtube.com/watch?v=t45S_MwAcOw&pp=ygULZ29vZ2xlIEJFUlQ%3D";
const std::string yt_gpt = "https://www.youtube.com/watch?v=qV_rOlHjvvs";

const truth_deck mixed_truth = {
    "AI in 2019 年度回顾",
    "Models and tools 模型与工具",
    "2020-01-15",
    {{"01",
      "Models 模型",
      {{"NLP 自然语言处理",
        {{1, "Events 事件："},
         {2, "BERT became the benchmark of the field in 2019; its pre-training and fine-tuning "
             "pattern spread to question answering and text classification"},
         {3, "ERNIE (百度) adds knowledge graphs to BERT and its token depends on context"},
         {2, "Read more at https://arxiv.org/abs/1810.04805 for the details"},
         {1, "Why it matters 意义："},
         {2, "BERT 的开源推动了 NLP 技术的快速发展，启发了后续一系列改进模型（如 RoBERTa、ALBERT）"}},
        {yt_bert, "https://arxiv.org/abs/1810.04805"}},
       {"Vision 计算机视觉",
        {{1, "GANs matured 生成对抗网络成熟："},
         {2, "BigGAN and StyleGAN2 generate images far more realistic than before"},
         {3, "Wingdings bullets mark the third level"},
         {1, "Lightweight models 轻量化小模型："},
         {2, "EfficientNet reaches 84.1% on ImageNet with far fewer parameters"}},
        {"https://www.youtube.com/results?search_query=efficientnet+imagenet+classification+"
         "tutorial+2019&sp=EgIQAQ%253D%253D"}}}},
     {"02",
      "Frameworks 框架",
      {{"Frameworks 开源框架",
        {{1, "TensorFlow 2.0 released in September 2019"},
         {2, "Eager execution by default 默认即时执行"},
         {1, "PyTorch grew fast in research 研究界快速增长"}},
        {yt_gpt}}}}}};

const truth_deck chinese_truth = {
    "人工智能2019年度回顾",
    "算法、框架与应用",
    "2020-01-01",
    {{"01",
      "算法与模型发展",
      {{"自然语言处理（NLP）的突破",
        {{1, "事件："},
         {2, "百度基于 BERT 提出了 ERNIE（知识增强的语义理解）框架，通过整合外部知识图谱，提升了"
             "模型对语义的理解能力，超越了谷歌的 BERT。"},
         {1, "意义："},
         {2, "开源和广泛应用推动了自然语言处理技术的快速发展，启发了后续一系列改进模型。"}},
        {yt_bert}},
       {"计算机视觉的精细化",
        {{1, "生成对抗网络成熟："},
         {2, "生成的图像逼真度远超以往模型，展示了在图像和视频生成领域的巨大潜力。"},
         {1, "轻量化小模型："},
         {2, "在测试中实现了很高的准确率，同时大幅减少了模型的计算量和参数量。"}},
        {}}}},
     {"02",
      "开源框架与工具",
      {{"深度学习框架的竞争",
        {{1, "框架："}, {2, "两大框架在工业界和学术界的竞争日趋激烈。"}, {3, "研究人员更喜欢动态图。"}},
        {yt_gpt}}}}}};

// Text compared without spaces: pdftotext puts spaces around CJK
// punctuation (`（ NLP ）`) and Impress drops some at CJK wraps.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

struct recovery {
  int sections = 0, titles = 0, bullets = 0, levels = 0, links = 0;
};

void flatten(const std::vector<item>& items, std::vector<const item*>& out) {
  for (const auto& it : items) {
    out.push_back(&it);
    flatten(it.children, out);
  }
}

// How much of `truth` `r` holds: sections (number and title), slide titles,
// bullets (text; and of those, at the right level), links (link rows and
// URLs in bullets), each matched on the slide of the same title.
recovery score(const report& r, const truth_deck& truth) {
  recovery got;
  for (const auto& ts : truth.sections) {
    for (const auto& s : r.sections) {
      if (s.number == ts.number && squeeze(s.title) == squeeze(ts.title)) ++got.sections;
    }
    for (const auto& tsl : ts.slides) {
      const slide* found = nullptr;
      for (const auto& s : r.sections) {
        for (const auto& sl : s.slides) {
          if (squeeze(sl.title) == squeeze(tsl.title)) found = &sl;
        }
      }
      if (!found) continue;
      ++got.titles;
      std::vector<const item*> items;
      flatten(found->items, items);
      for (const auto& [level, text] : tsl.bullets) {
        for (const item* it : items) {
          if (squeeze(it->text) != squeeze(text)) continue;
          ++got.bullets;
          if (it->level == level) ++got.levels;
          break;
        }
      }
      for (const auto& href : tsl.links) {
        bool seen = false;
        for (const auto& l : found->links) seen = seen || l.href == href;
        for (const item* it : items) {
          for (const auto& u : it->urls) seen = seen || it->text.substr(u.offset, u.length) == href;
        }
        if (seen) ++got.links;
      }
    }
  }
  return got;
}

recovery total(const truth_deck& truth) {
  recovery t;
  for (const auto& s : truth.sections) {
    ++t.sections;
    for (const auto& sl : s.slides) {
      ++t.titles;
      t.bullets += static_cast<int>(sl.bullets.size());
      t.levels += static_cast<int>(sl.bullets.size());
      t.links += static_cast<int>(sl.links.size());
    }
  }
  return t;
}

struct fixture_case {
  const char* file;
  const truth_deck* truth;
  text_dialect dialect;
};

class ImpressDeck : public ::testing::TestWithParam<fixture_case> {};

// At least 90 % of the sections, titles, bullets and shown links of each
// deck come back from each extraction (levels: 80 %, as LibreOffice writes
// the same `·` for the first and third levels); the cover gives the metadata.
TEST_P(ImpressDeck, ExtractionGivesBackNinetyPercentOfTheStructure) {
  const fixture_case& c = GetParam();
  diagnostics diags;
  auto r = read_text(read_all(data_path(std::string("slides/") + c.file)), c.file, diags,
                     c.dialect);
  ASSERT_TRUE(r.has_value());
  const recovery got = score(*r, *c.truth), want = total(*c.truth);
  std::printf("%s: sections %d/%d, titles %d/%d, bullets %d/%d (levels %d/%d), links %d/%d\n",
              c.file, got.sections, want.sections, got.titles, want.titles, got.bullets,
              want.bullets, got.levels, want.levels, got.links, want.links);
  EXPECT_GE(got.sections * 10, want.sections * 9);
  EXPECT_GE(got.titles * 10, want.titles * 9);
  EXPECT_GE(got.bullets * 10, want.bullets * 9);
  EXPECT_GE(got.levels * 10, want.levels * 8);
  EXPECT_GE(got.links * 10, want.links * 9);
  EXPECT_EQ(squeeze(r->meta.title), squeeze(c.truth->title));
  EXPECT_EQ(squeeze(r->meta.subtitle), squeeze(c.truth->subtitle));
  EXPECT_EQ(r->meta.date, c.truth->date);
}

INSTANTIATE_TEST_SUITE_P(
    Decks, ImpressDeck,
    ::testing::Values(fixture_case{"mixed-talk.pdftotext.txt", &mixed_truth, text_dialect::detect},
                      fixture_case{"mixed-talk.raw.txt", &mixed_truth, text_dialect::detect},
                      fixture_case{"mixed-talk.layout.txt", &mixed_truth, text_dialect::pdftotext},
                      fixture_case{"chinese-talk.pdftotext.txt", &chinese_truth,
                                   text_dialect::detect},
                      fixture_case{"chinese-talk.raw.txt", &chinese_truth, text_dialect::detect},
                      fixture_case{"chinese-talk.layout.txt", &chinese_truth,
                                   text_dialect::pdftotext}),
    [](const auto& param_info) {
      std::string name = param_info.param.file;
      for (char& ch : name) {
        if (ch == '-' || ch == '.') ch = '_';
      }
      return name;
    });

}  // namespace
}  // namespace handout

namespace handout {
namespace {

// Found by fuzz_extracted_text: a long run of digits overflowed an int.
TEST(ExtractedText, CoverDateWithOverlongNumbersIsNoDate) {
  EXPECT_EQ(parse_cover_date("888888888888888888-01-01"), "");
  EXPECT_EQ(parse_cover_date("2020-01-15"), "2020-01-15");
}

}  // namespace
}  // namespace handout
