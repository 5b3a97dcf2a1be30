// Line breaking: the Chinese rules, URLs, mixed scripts, justification.
#include "render/pdf/linebreak.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "pdf/fake_metrics.hpp"
#include "utf8.hpp"

namespace handout::pdf {
namespace {

// At size 10 a CJK character is 10 pt wide and an ASCII one 5 pt.
std::vector<line> breaks(const std::string& text, double width, bool justify = false,
                         std::vector<url_span> urls = {}, bool cjk_latin_space = false) {
  break_options o;
  o.size = 10;
  o.width = width;
  o.justify = justify;
  o.cjk_latin_space = cjk_latin_space;
  o.urls = std::move(urls);
  return break_lines(text, o, test::fake_metrics{});
}

std::vector<std::string> texts(const std::vector<line>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text());
  return out;
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

char32_t first_char(const std::string& s) {
  std::size_t i = 0;
  return s.empty() ? 0 : utf8::decode(s, i);
}

char32_t last_char(const std::string& s) {
  std::size_t i = s.size();
  if (i == 0) return 0;
  do --i;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  return utf8::decode(s, i);
}

TEST(Linebreak, NoLineStartsWithClosingPunctuation) {
  for (std::string mark :
       {"，", "。", "、", "：", "；", "！", "？", "）", "」", "』", "】", "〉", "》", "”", "…"}) {
    // Four characters fit; greedy filling would start line 2 with the mark.
    std::string text = "一二三四" + mark + "五六七八九十";
    auto lines = breaks(text, 40);
    ASSERT_GE(lines.size(), 2u) << mark;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      std::string t = lines[i].text(), m = mark;
      EXPECT_NE(first_char(t), first_char(m)) << "line " << i << " starts with " << mark;
    }
    std::string joined;
    for (const auto& l : lines) joined += l.text();
    EXPECT_EQ(joined, text);
  }
}

TEST(Linebreak, NoLineEndsWithOpeningPunctuation) {
  for (std::string mark : {"（", "「", "『", "【", "〈", "《", "“"}) {
    // Greedy filling would end line 1 with the mark.
    std::string text = "一二三" + mark + "四五六七八";
    auto lines = breaks(text, 40);
    ASSERT_GE(lines.size(), 2u) << mark;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_NE(last_char(lines[i].text()), first_char(mark))
          << "line " << i << " ends with " << mark;
    }
    EXPECT_EQ(first_char(lines[1].text()), first_char(mark)) << mark;
  }
}

TEST(Linebreak, ChineseBreaksBetweenAnyTwoHanCharacters) {
  auto lines = breaks("一二三四五六七八九十", 30);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"一二三", "四五六", "七八九", "十"}));
}

TEST(Linebreak, LatinWordsAreNotSplitInMixedText) {
  // "Transformer" is 55 pt; the line is 60 pt.
  auto lines = breaks("基于Transformer架构的模型", 60);
  for (const auto& l : lines) EXPECT_LE(l.width, 60.0 + 1e-9);
  auto t = texts(lines);
  EXPECT_TRUE(std::any_of(t.begin(), t.end(), [](const std::string& s) {
    return s.find("Transformer") != std::string::npos;
  })) << "the word was split";
}

TEST(Linebreak, QuarterEmBetweenHanAndLatinWhenSwitchedOn) {
  // 2 Han (20) + "NLP" (15) + 2 Han (20); two Han–Latin boundaries.
  auto plain = breaks("基于NLP领域", 500, false, {}, false);
  auto spaced = breaks("基于NLP领域", 500, false, {}, true);
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_DOUBLE_EQ(plain[0].width, 55);
  EXPECT_DOUBLE_EQ(spaced[0].width, 55 + 2 * 2.5);
  EXPECT_EQ(spaced[0].text(), "基于NLP领域");  // no space character added
}

TEST(Linebreak, NoQuarterEmInsideAUrl) {
  // "见" (10) + the URL "h.cn/a1路径" (7 ASCII, 35; 2 Han, 20) + "了" (10): the
  // URL's own digit beside its Han letters gets no space, nor does the Han
  // letter after it (one would cut the URL in two to the eye); "见" before
  // it does.
  const std::string url = "h.cn/a1路径";
  auto lines = breaks("见" + url + "了", 500, false, {{3, url.size()}}, true);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].width, 75 + 2.5);
}

TEST(Linebreak, AFrenchGuillemetStaysWithItsWord) {
  const std::string text = "une phrase avec \u00AB guillemets \u00BB ; et \u00AB encore \u00BB fin";
  // From 75 pt on, "guillemets \u00BB ;" (70 pt) fits a line: no emergency break.
  for (double width = 75; width <= 200; width += 5) {
    for (const auto& l : breaks(text, width, true)) {
      std::string t = l.text();
      while (!t.empty() && t.back() == ' ') t.pop_back();
      EXPECT_NE(last_char(t), U'\u00AB') << width << ": " << t;
      EXPECT_NE(first_char(t), U'\u00BB') << width << ": " << t;
    }
  }
}

TEST(Linebreak, AGermanGuillemetTouchingItsWordMayEndALine) {
  // \u00BBWort\u00AB: the closing one ends a word, a line may break after it.
  auto lines = breaks("das \u00BBWort\u00AB und", 55);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text(), "und");
}

TEST(Linebreak, NoExtraSpaceWhereTheSourceHasOne) {
  auto spaced = breaks("基于 NLP 领域", 500, false, {}, true);
  ASSERT_EQ(spaced.size(), 1u);
  EXPECT_DOUBLE_EQ(spaced[0].width, 55 + 2 * 5);  // the two spaces only
}

TEST(Linebreak, UrlBreaksOnlyAfterSeparators) {
  std::string url = "https://www.youtube.com/watch?v=t45S_MwAcOw&pp=ygUMb3BlbkFJIEdQVC0y";
  std::string text = "视频 " + url + " 见上";
  std::size_t offset = text.find("https");
  // 26 ASCII characters a line: every piece between separators fits.
  auto lines = breaks(text, 130, false, {{offset, url.size()}});
  ASSERT_GE(lines.size(), 3u);
  for (const auto& l : lines) EXPECT_LE(l.width, 130.0 + 1e-9) << l.text();
  for (const auto& l : lines) {
    if (l.end > offset && l.end < offset + url.size()) {
      char before = text[l.end - 1];
      EXPECT_TRUE(before == '/' || before == '?' || before == '&' || before == '=')
          << "broke after '" << before << "' in " << l.text();
    }
  }
  std::string joined;
  for (const auto& l : lines) joined += l.text();
  EXPECT_EQ(without_spaces(joined), without_spaces(text));
}

TEST(Linebreak, UrlOpportunitiesSkipTheSchemeSlashes) {
  std::string url = "https://a.com/b?c=d&e=f";
  auto ops = break_opportunities(url, {{0, url.size()}});
  std::vector<std::size_t> expected = {url.find("/b") + 1, url.find('?') + 1, url.find("=d") + 1,
                                       url.find('&') + 1, url.find("=f") + 1};
  EXPECT_EQ(ops, expected);
}

TEST(Linebreak, UrlWiderThanTheLineStillFits) {
  // No separator at all: the URL is cut between characters.
  std::string url = "https://example.com/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  auto lines = breaks(url, 60, false, {{0, url.size()}});
  ASSERT_GE(lines.size(), 2u);
  std::string joined;
  for (const auto& l : lines) {
    EXPECT_LE(l.width, 60.0 + 1e-9) << l.text();
    EXPECT_FALSE(l.text().empty());
    joined += l.text();
  }
  EXPECT_EQ(joined, url);
}

TEST(Linebreak, LineOfOneCharacterWiderThanTheLine) {
  auto lines = breaks("中文字", 5);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"中", "文", "字"}));
}

TEST(Linebreak, ChineseJustifiedByInterCharacterSpacing) {
  // 3.5 characters wide: each full line gets half a character of spacing.
  auto lines = breaks("一二三四五六七", 35, true);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NEAR(lines[0].width, 35, 1e-9);
  EXPECT_NEAR(lines[1].width, 35, 1e-9);
  ASSERT_EQ(lines[0].pieces.size(), 1u);
  EXPECT_NEAR(lines[0].pieces[0].char_space, 2.5, 1e-9);
  EXPECT_NEAR(lines[2].width, 10, 1e-9) << "the last line is not stretched";
}

TEST(Linebreak, JustificationLeavesLatinLettersTogether) {
  auto lines = breaks("模型BERT模型模型模型模型", 90, true);
  ASSERT_GE(lines.size(), 2u);
  for (const auto& p : lines[0].pieces) {
    if (p.text == "BERT") {
      EXPECT_EQ(p.char_space, 0);
    }
  }
  EXPECT_NEAR(lines[0].width, 90, 1e-9);
}

TEST(Linebreak, TrailingSpacesHangAndDoNotCount) {
  auto lines = breaks("aaaa bbbb", 22);  // "aaaa" 20 pt; with the space 25 pt
  // The space is drawn past the line's end, a word break for tagged PDF.
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"aaaa ", "bbbb"}));
  EXPECT_DOUBLE_EQ(lines[0].width, 20);
}

TEST(Linebreak, EmptyTextHasNoLines) { EXPECT_TRUE(breaks("", 100).empty()); }

}  // namespace
}  // namespace handout::pdf

namespace handout::pdf {
namespace {

TEST(Linebreak, SpaceBesideFullWidthPunctuationIsDropped) {
  auto lines = breaks("玩家， OpenAI", 500);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].width, 30 + 30);  // 玩家， (3 em) + OpenAI (6 × ½ em)
  EXPECT_EQ(lines[0].text(), "玩家，OpenAI");
}

TEST(Linebreak, JustifiedLineWithADroppedSpaceIsExactlyFull) {
  auto lines = breaks("一二三， 四五六七八九", 45, true);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_NEAR(lines[0].width, 45, 1e-9) << lines[0].text();
}

}  // namespace
}  // namespace handout::pdf

namespace handout::pdf {
namespace {

TEST(Linebreak, HyphenatedNamesStayTogether) {
  EXPECT_TRUE(break_opportunities("Mask R-CNN", {}) == std::vector<std::size_t>{5});
  auto lines = breaks("传统的 Mask R-CNN，进一步", 80);  // "Mask R-" would fit
  for (const auto& l : lines)
    EXPECT_EQ(l.text().find("R-") == std::string::npos, l.text().find("CNN") == std::string::npos)
        << l.text();
}

}  // namespace
}  // namespace handout::pdf

namespace handout::pdf {
namespace {

TEST(Linebreak, PositionsOfCharactersAreKnown) {
  auto lines = breaks("ab中c", 500);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].x_at(0), 0);
  EXPECT_DOUBLE_EQ(lines[0].x_at(1), 5);
  EXPECT_DOUBLE_EQ(lines[0].x_at(2), 10);
  EXPECT_DOUBLE_EQ(lines[0].x_at(5), 20);  // after 中 (3 bytes)
  EXPECT_DOUBLE_EQ(lines[0].x_at(6), 25);  // the end
}

}  // namespace
}  // namespace handout::pdf
