// Typography of justified text: total fit, hyphenation, CJK punctuation
// compression, the fallback to first fit, lead-ins kept with what follows.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <string>

#include "limits.hpp"
#include "pdf/fake_metrics.hpp"
#include "render/outline.hpp"
#include "render/pdf/compose.hpp"
#include "render/pdf/hyphenate.hpp"
#include "render/pdf/linebreak.hpp"
#include "render/pdf/paginate.hpp"
#include "utf8.hpp"

namespace handout::pdf {
namespace {

// At size 10 a CJK character is 10 pt wide and an ASCII one (a space too) 5 pt.
break_options justified(double width) {
  break_options o;
  o.size = 10;
  o.width = width;
  o.justify = true;
  o.cjk_latin_space = false;
  return o;
}

const hyphenator* english() {
  const hyphenator* h = hyphenator::for_language("en-US");
  return h;
}

#define REQUIRE_ENGLISH_PATTERNS()                                          \
  if (!english())                                                           \
  GTEST_SKIP() << "no hyphen-en-us dictionary in " << hyphenation_directory \
               << " (scripts/setup.sh installs it)"

// The widest word space of each line but the last, as a multiple of the
// 5 pt space: from the x of each space and of the character after it. A
// line left ragged (too loose to justify) counts as infinitely loose.
double widest_gap_ratio(const std::string& text, const std::vector<line>& lines, double width) {
  double widest = 0;
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    if (lines[k].width < width - 1e-6) return std::numeric_limits<double>::infinity();
    const auto& stops = lines[k].stops;
    for (std::size_t i = 0; i + 1 < stops.size(); ++i) {
      if (text[stops[i].first] == ' ') {
        widest = std::max(widest, (stops[i + 1].second - stops[i].second) / 5);
      }
    }
  }
  return widest;
}

const std::string paragraph =
    "Between two thousand and twenty most manufacturers discovered that their planning had been "
    "tuned for a world of cheap and predictable shipping and that one closed port or one missing "
    "part could stop an entire line for weeks while the rest of the plant waited idle.";

TEST(Typography, TotalFitSpacesWordsMoreEvenlyThanFirstFit) {
  // Widths where first fit leaves a line with spaces of 1.45 to 2.5 times
  // their width; total fit finds breaks within 1.1, every line but the last
  // filling the width.
  for (double width : {295.0, 320.0, 350.0, 390.0}) {
    break_options o = justified(width);
    break_options greedy = o;
    greedy.total_fit = false;
    double best =
        widest_gap_ratio(paragraph, break_lines(paragraph, o, test::fake_metrics{}), width);
    double first =
        widest_gap_ratio(paragraph, break_lines(paragraph, greedy, test::fake_metrics{}), width);
    EXPECT_GE(first, 1.45) << width;
    EXPECT_LE(best, 1.1) << width << ": a word space wider than 1.1 spaces, or a ragged line";
  }
}

TEST(Typography, HyphenationLetsNarrowColumnsJustifyEvenly) {
  REQUIRE_ENGLISH_PATTERNS();
  // Columns of 40 to 47 characters, where first fit stretches spaces to 2.6
  // times their width or more, or leaves a line ragged (too loose to
  // justify), and total fit without hyphens cannot do much better.
  for (double width : {200.0, 210.0, 230.0, 235.0}) {
    break_options o = justified(width);
    o.hyphenation = english();
    break_options greedy = justified(width);
    greedy.total_fit = false;
    double best =
        widest_gap_ratio(paragraph, break_lines(paragraph, o, test::fake_metrics{}), width);
    double first =
        widest_gap_ratio(paragraph, break_lines(paragraph, greedy, test::fake_metrics{}), width);
    EXPECT_GE(first, 2.6) << width;
    EXPECT_LE(best, 1.35) << width << ": a word space wider than 1.35 spaces, or a ragged line";
  }
}

TEST(Typography, WhenEveryBreakingNeedsATooLooseLineTheLeastLooseIsChosen) {
  // 42 and 47 characters without hyphenation: some line must stretch past
  // what justifies (it is left ragged). Beyond "infinitely bad" TeX's
  // badness tells such lines apart no more, and a capped cost chose a line
  // of four words, 57 % of the width; the last-resort pass keeps
  // counting, so the loose line chosen is the fullest one.
  for (double width : {210.0, 235.0}) {
    auto lines = break_lines(paragraph, justified(width), test::fake_metrics{});
    ASSERT_GE(lines.size(), 2u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
      EXPECT_GE(lines[i].width, 0.75 * width) << width << ": " << lines[i].text();
  }
}

const std::string korean =
    "2019년에는 BERT가 자연어 처리의 표준이 되었고, 사전 학습과 미세 조정 방식이 질의응답과 문서 "
    "분류 등 많은 과제에 사용되었다. 자세한 내용은 위키백과를 참고하세요. 이후 여러 언어 모델이 "
    "등장하여 한국어 처리 성능도 크게 향상되었다.";

bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

// Lines but the last that end between two Hangul syllables (inside a word).
int breaks_inside_korean_words(const std::string& text, const std::vector<line>& lines) {
  int inside = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::size_t end = lines[i].end, before = end;
    if (end == 0 || end >= text.size()) continue;
    while (before > 0 && (static_cast<unsigned char>(text[before - 1]) & 0xC0) == 0x80) --before;
    --before;
    if (is_hangul_syllable(utf8::decode(text, before)) &&
        is_hangul_syllable(utf8::decode(text, end)))
      ++inside;
  }
  return inside;
}

TEST(Typography, RaggedKoreanBreaksOnlyBetweenWords) {
  for (double width = 100; width <= 400; width += 10) {
    break_options o = justified(width);
    o.justify = false;
    EXPECT_EQ(breaks_inside_korean_words(korean, break_lines(korean, o, test::fake_metrics{})), 0)
        << width;
  }
}

TEST(Typography, JustifiedKoreanBreaksInsideAWordOnlyAsALastResort) {
  // From 23 syllables a line on, spaces can nearly always take up the
  // slack: at most one line in ten ends inside a word (UAX #14 alone, as
  // for Chinese, breaks wherever the fit is best: about every other line).
  int lines = 0, inside = 0;
  for (double width = 230; width <= 400; width += 10) {
    auto set = break_lines(korean, justified(width), test::fake_metrics{});
    lines += static_cast<int>(set.size()) - 1;
    inside += breaks_inside_korean_words(korean, set);
  }
  EXPECT_LE(inside * 10, lines) << inside << " of " << lines << " lines";
}

TEST(Typography, AKoreanWordLongerThanTheLineStillBreaks) {
  const std::string word = "가나다라마바사아자차카타파하";  // 14 syllables, 140 pt
  for (bool justify : {false, true}) {
    break_options o = justified(50);
    o.justify = justify;
    auto lines = break_lines(word, o, test::fake_metrics{});
    EXPECT_EQ(lines.size(), 3u) << justify;
    for (const auto& l : lines) EXPECT_LE(l.width, 50 + 1e-6) << justify << ": " << l.text();
  }
}

TEST(Typography, NoJustifiedLineIsOverfull) {
  for (double width : {60.0, 97.0, 143.0, 200.0, 251.0}) {
    break_options o = justified(width);
    o.hyphenation = english();
    for (const auto& l : break_lines(paragraph, o, test::fake_metrics{}))
      EXPECT_LE(l.width, width + 1e-6) << width << ": " << l.text();
  }
}

TEST(Typography, JustifiedLinesFillTheWidthAndTheLastDoesNot) {
  auto lines = break_lines(paragraph, justified(200), test::fake_metrics{});
  ASSERT_GE(lines.size(), 3u);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) EXPECT_NEAR(lines[i].width, 200, 1e-6);
  EXPECT_LT(lines.back().width, 200 - 5);
}

TEST(Typography, KinsokuHoldsInJustifiedChineseAtEveryWidth) {
  const std::string text =
      "过去十年，许多大城市的人口持续增长（尤其是新区），道路拥堵、停车困难——“空气污染”成为最常"
      "抱怨的问题。「地铁加共享单车」的组合方式：越来越多的人选择它！为什么？因为方便……";
  for (int chars = 4; chars <= 30; ++chars) {
    auto lines = break_lines(text, justified(chars * 10.0 + 3), test::fake_metrics{});
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string t = lines[i].text();
      joined += t;
      std::size_t k = 0;
      char32_t first = utf8::decode(t, k);
      if (i > 0) {
        EXPECT_FALSE(is_no_line_start(first)) << chars << " line " << i << ": " << t;
      }
      std::size_t end = t.size();
      do --end;
      while (end > 0 && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80);
      char32_t last = utf8::decode(t, end);
      if (i + 1 < lines.size()) {
        EXPECT_FALSE(is_no_line_end(last)) << chars << " line " << i;
      }
      EXPECT_LE(lines[i].width, chars * 10.0 + 3 + 1e-6);
    }
    EXPECT_EQ(joined, text) << chars;
  }
}

// The x of the character at byte `offset` of the line.
double x_of(const line& l, std::size_t offset) {
  for (const auto& [o, x] : l.stops)
    if (o == offset) return x;
  return -1;
}

TEST(Typography, AdjacentFullWidthPunctuationTakesHalfAnEm) {
  // `）` before `。`, `。` before `」`, `（` before `「`: the first closing
  // mark, or the second opening one, loses its blank half.
  for (std::string pair : {"）。", "），", "。」", "，“", "（「"}) {
    std::string text = "一二" + pair + "三四";
    auto lines = break_lines(text, justified(500), test::fake_metrics{});
    ASSERT_EQ(lines.size(), 1u);
    double first = x_of(lines[0], 6), second = x_of(lines[0], 9), after = x_of(lines[0], 12);
    EXPECT_DOUBLE_EQ(after - first, 15) << pair;  // the pair in 1.5 em
    EXPECT_DOUBLE_EQ(lines[0].width, 55) << pair;
    (void)second;
  }
}

// Metrics of a font whose `（）` have ink past the middle of their em (as
// WenQuanYi Micro Hei's do: 0.62 em of `）` is left of its ink's right end).
class wide_bracket_metrics final : public font_metrics {
 public:
  int font_for(char32_t) const override { return 0; }
  int advance(int font, char32_t cp) const override { return plain_.advance(font, cp); }
  int blank_side(int font, char32_t cp, bool right) const override {
    if (cp == U'）' || cp == U'（') return 380;
    return font_metrics::blank_side(font, cp, right);
  }

 private:
  test::fake_metrics plain_;
};

TEST(Typography, PunctuationIsCompressedOnlyAsFarAsItsInk) {
  // `）。`: the bracket gives up its blank 0.38 em, not half an em, so its
  // ink does not run into the full stop's; `（` at a line start likewise.
  auto pair = break_lines("一二）。三四", justified(500), wide_bracket_metrics{});
  ASSERT_EQ(pair.size(), 1u);
  EXPECT_DOUBLE_EQ(x_of(pair[0], 9) - x_of(pair[0], 6), 10 - 3.8);
  auto end = break_lines("一二三）", justified(500), wide_bracket_metrics{});
  ASSERT_EQ(end.size(), 1u);
  EXPECT_DOUBLE_EQ(end[0].width, 40 - 3.8);
  auto start = break_lines("（一二三", justified(500), wide_bracket_metrics{});
  ASSERT_EQ(start.size(), 1u);
  EXPECT_DOUBLE_EQ(start[0].pieces.front().x, -3.8);
}

TEST(Typography, ClosingMarkAtLineEndAndOpeningAtLineStartAreHalfWidth) {
  auto end = break_lines("一二三。", justified(500), test::fake_metrics{});
  ASSERT_EQ(end.size(), 1u);
  EXPECT_DOUBLE_EQ(end[0].width, 35);
  auto start = break_lines("「一二三", justified(500), test::fake_metrics{});
  ASSERT_EQ(start.size(), 1u);
  EXPECT_DOUBLE_EQ(start[0].pieces.front().x, -5);  // the blank half before the margin
  EXPECT_DOUBLE_EQ(start[0].width, 35);
}

TEST(Typography, PunctuationShrinksBeforeCharactersAreSpacedOut) {
  // Eleven characters and two commas in 11.5 em: the commas give up their
  // blank halves and no character is spaced out.
  const std::string text = "一二三，四五六，七八九十甲乙";
  auto lines = break_lines(text, justified(115), test::fake_metrics{});
  ASSERT_GE(lines.size(), 2u);
  for (const auto& p : lines[0].pieces) EXPECT_LE(p.char_space, 1e-9) << lines[0].text();
  EXPECT_NEAR(lines[0].width, 115, 1e-6);
}

TEST(Typography, ChineseInterCharacterStretchStaysSmall) {
  const std::string text =
      "交通部门开始利用刷卡数据、手机信令和路口摄像头，实时分析客流变化，并据此调整公交线路和信号灯"
      "配时"
      "。一些城市建立了统一的出行服务平台，乘客可以在同一个应用中查询线路、购买车票并完成支付，平台"
      "也因"
      "此积累了大量有价值的数据。";
  for (double width : {203.0, 254.0, 307.0, 421.0}) {
    auto lines = break_lines(text, justified(width), test::fake_metrics{});
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      for (const auto& p : lines[i].pieces)
        EXPECT_LE(p.char_space, 0.3) << width << ": " << lines[i].text();
    }
  }
}

TEST(Typography, HyphensOnlyWhereThePatternsAllow) {
  REQUIRE_ENGLISH_PATTERNS();
  const std::string text =
      "Representation justification internationalization responsibilities organisation "
      "considerably notification extraordinary infrastructure";
  for (double width : {90.0, 120.0, 160.0}) {
    break_options o = justified(width);
    o.hyphenation = english();
    auto lines = break_lines(text, o, test::fake_metrics{});
    int hyphenated = 0;
    for (const auto& l : lines) {
      if (!l.hyphen) continue;
      ++hyphenated;
      EXPECT_EQ(l.text().back(), '-');
      // The word around the break, and libhyphen's points in it.
      std::size_t from = text.rfind(' ', l.end) + 1, to = text.find(' ', l.end);
      std::string word = text.substr(from, to == std::string::npos ? to : to - from);
      auto points = english()->points(word);
      EXPECT_NE(std::find(points.begin(), points.end(), l.end - from), points.end())
          << word << " broken after " << l.end - from;
    }
    EXPECT_GT(hyphenated, 0) << width;
  }
}

TEST(Typography, NoHyphensInUrlsOrCodeLikeWords) {
  REQUIRE_ENGLISH_PATTERNS();
  const std::string url = "https://example.com/internationalization/representation";
  const std::string text =
      "getElementById snake_case_identifier INTERNATIONALIZATION version2release " + url +
      " NASAOrganisation";
  std::size_t offset = text.find("https");
  for (double width : {60.0, 80.0, 110.0}) {
    break_options o = justified(width);
    o.hyphenation = english();
    o.urls = {{offset, url.size()}};
    for (const auto& l : break_lines(text, o, test::fake_metrics{}))
      EXPECT_FALSE(l.hyphen) << width << ": " << l.text();
  }
}

TEST(Typography, AtMostTwoHyphenatedLinesInARow) {
  REQUIRE_ENGLISH_PATTERNS();
  std::string text;
  for (int i = 0; i < 12; ++i) text += "internationalization representation ";
  for (double width : {70.0, 85.0, 100.0}) {
    break_options o = justified(width);
    o.hyphenation = english();
    auto lines = break_lines(text, o, test::fake_metrics{});
    int run = 0, any = 0;
    for (const auto& l : lines) {
      run = l.hyphen ? run + 1 : 0;
      any += l.hyphen;
      EXPECT_LE(run, 2) << width;
    }
    EXPECT_GT(any, 0) << width;
  }
}

TEST(Typography, AHyphenInTheTextMayEndALineAndIsKept) {
  const std::string text = "planning for the supply-chain";
  // "planning for the supply-" is 120 pt: a line of 122 pt takes it.
  auto lines = break_lines(text, justified(122), test::fake_metrics{});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_FALSE(lines[0].hyphen);
  EXPECT_EQ(lines[0].text(), "planning for the supply\u2010");  // U+2010: extraction keeps it
  EXPECT_EQ(lines[1].text(), "chain");
}

TEST(Typography, ASoftHyphenIsNotDrawnInsideALine) {
  // U+00AD marks where a word may break; inside a line it shows nothing.
  auto lines = break_lines("Unter\u00ADnehmen und", justified(200), test::fake_metrics{});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text(), "Unternehmen und");
  EXPECT_FALSE(lines[0].hyphen);
  EXPECT_DOUBLE_EQ(lines[0].width, 15 * 5.0) << "the soft hyphen takes no room";
}

TEST(Typography, ASoftHyphenEndingALineIsDrawnAsAHyphen) {
  // "Unter-" is 30 pt, "Unternehmen" 55 pt: a line of 40 pt breaks there.
  auto lines = break_lines("Unter\u00ADnehmen", justified(40), test::fake_metrics{});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].hyphen);
  EXPECT_EQ(lines[0].text(), "Unter-");
  EXPECT_EQ(lines[1].text(), "nehmen");
}

TEST(Typography, InvisibleCharactersTakeNoRoom) {
  // Bidi isolates, a control character, a joiner: nothing drawn, no width.
  auto lines =
      break_lines("ab\u2066cd\u2069ef\u0085gh\u2060ij", justified(200), test::fake_metrics{});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text(), "abcdefghij");
  EXPECT_DOUBLE_EQ(lines[0].width, 10 * 5.0);
}

TEST(Typography, NamesWithHyphensStayWhole) {
  // Capitals and digits make a name, not two words.
  for (std::string name : {"R-CNN", "GPT-2", "BERT-base"}) {
    std::string text = "the model called " + name + " works";
    auto lines = break_lines(text, justified(5 * 20.0), test::fake_metrics{});
    bool whole = std::any_of(lines.begin(), lines.end(), [&](const line& l) {
      return l.text().find(name) != std::string::npos;
    });
    EXPECT_TRUE(whole) << name;
  }
}

TEST(Typography, FirstFitBeyondTheTotalFitLimit) {
  // The same paragraph again and again, past limits::max_total_fit_breaks
  // candidate breaks: broken first-fit, as with total_fit switched off.
  std::string text;
  while (static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) <=
         limits::max_total_fit_breaks) {
    text += paragraph + " ";
  }
  break_options o = justified(210);
  break_options greedy = o;
  greedy.total_fit = false;
  auto texts = [](const std::vector<line>& lines) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const auto& l : lines) out.emplace_back(l.begin, l.end);
    return out;
  };
  EXPECT_EQ(texts(break_lines(text, o, test::fake_metrics{})),
            texts(break_lines(text, greedy, test::fake_metrics{})));
  // Within the limit the two differ (or this test proves nothing).
  EXPECT_NE(texts(break_lines(paragraph, o, test::fake_metrics{})),
            texts(break_lines(paragraph, greedy, test::fake_metrics{})));
}

TEST(Typography, DictionariesAreFoundByLanguageAndRegion) {
  REQUIRE_ENGLISH_PATTERNS();
  EXPECT_NE(hyphenator::for_language("en"), nullptr);
  EXPECT_NE(hyphenator::for_language("en-GB"), nullptr);
  EXPECT_EQ(hyphenator::for_language("zh-CN"), nullptr);
  EXPECT_EQ(hyphenator::for_language(""), nullptr);
  auto points = english()->points("hyphenation");
  EXPECT_EQ(points, (std::vector<std::size_t>{2, 6}));  // hy-phen-ation
}

TEST(Typography, LeadInBulletsStayWithWhatFollows) {
  EXPECT_TRUE(is_lead_in("事件："));
  EXPECT_TRUE(is_lead_in("Lessons learned: "));
  EXPECT_FALSE(is_lead_in("A plain bullet."));

  report r;
  slide sl;
  sl.title = "Slide";
  for (std::string t : {"事件：", "BERT 在 2019 年成为标杆。", "A plain bullet."}) {
    item it;
    it.text = t;
    sl.items.push_back(it);
  }
  section sec;
  sec.slides.push_back(sl);
  r.sections.push_back(sec);
  outline o = plan_outline(r);
  style s = default_style();
  const test::fake_metrics metrics;  // the composer keeps a reference: not a temporary
  composer c(s, metrics, o.words);
  structure_builder tags("en", word_language::en);
  auto blocks = c.body(o, tags);
  auto block_of = [&](const std::string& text) -> const block* {
    for (const auto& b : blocks)
      for (const auto& item : b.items)
        if (auto* t = std::get_if<text_run>(&item); t && t->text.find(text) != std::string::npos)
          return &b;
    return nullptr;
  };
  ASSERT_NE(block_of("事件"), nullptr);
  ASSERT_NE(block_of("plain"), nullptr);
  EXPECT_TRUE(block_of("事件")->keep_with_next);
  EXPECT_FALSE(block_of("plain")->keep_with_next);

  // A page that ends just after the lead-in: it moves on with the next line.
  blocks.insert(blocks.begin(), block{});  // something before, so the page is not empty
  blocks.front().height = 100;
  double y = 0;
  std::size_t lead = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    y += (i ? blocks[i].space_before : 0) + blocks[i].height;
    if (&blocks[i] == block_of("事件")) lead = i;
    if (lead) break;
  }
  flow f = paginate(blocks, 0, y + 1);
  auto page_of = [&](const std::string& text) {
    for (std::size_t p = 0; p < f.pages.size(); ++p)
      for (const auto& item : f.pages[p].items)
        if (auto* t = std::get_if<text_run>(&item); t && t->text.find(text) != std::string::npos)
          return static_cast<int>(p);
    return -1;
  };
  EXPECT_EQ(page_of("事件"), page_of("BERT"));
  EXPECT_EQ(page_of("事件"), 1);
}

}  // namespace
}  // namespace handout::pdf
