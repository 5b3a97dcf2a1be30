// terminal_text(): the one escaping of untrusted text for terminals and logs;
// excerpt() for messages that quote input; markdown:: for Markdown outputs.
#include "terminal_text.hpp"

#include <gtest/gtest.h>

#include "limits.hpp"
#include "markdown_text.hpp"

namespace handout {
namespace {

TEST(TerminalText, PrintableTextIsUnchanged) {
  EXPECT_EQ(terminal_text("talk/01 intro.txt"), "talk/01 intro.txt");
  EXPECT_EQ(terminal_text("Grüße, 日本語, עברית, 👩‍💻"),
            "Grüße, 日本語, עברית, 👩‍💻");
}

TEST(TerminalText, ControlCharactersAndDelAreHexEscapes) {
  EXPECT_EQ(terminal_text("a\x1b]0;pwned\x07z"), "a\\x1b]0;pwned\\x07z");
  EXPECT_EQ(terminal_text("x\n::error file=x::forged"), "x\\x0a::error file=x::forged");
  EXPECT_EQ(terminal_text("\r\t\x7f"), "\\x0d\\x09\\x7f");
}

TEST(TerminalText, C1ControlsAreUnicodeEscapes) {
  EXPECT_EQ(terminal_text("\xc2\x9b"
                          "31m"),
            "\\u009b31m");
  EXPECT_EQ(terminal_text("\xc2\x85"), "\\u0085");
}

TEST(TerminalText, BidiControlsAndInvisibleFormatCharactersAreUnicodeEscapes) {
  EXPECT_EQ(terminal_text("abc\u202Etxt.exe"), "abc\\u202etxt.exe");
  for (char32_t cp : {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                      0x2067, 0x2068, 0x2069, 0x200B, 0xFEFF, 0x2028, 0x2029, 0xE0041}) {
    EXPECT_TRUE(is_terminal_unsafe(cp)) << std::hex << static_cast<unsigned>(cp);
  }
  EXPECT_EQ(terminal_text("\xF3\xA0\x81\x81"), "\\U000e0041");
  // The joiners shape scripts and emoji: kept.
  EXPECT_FALSE(is_terminal_unsafe(0x200D));
  EXPECT_FALSE(is_terminal_unsafe(0x200C));
}

TEST(TerminalText, BytesThatAreNotUtf8AreHexEscapes) {
  EXPECT_EQ(terminal_text("a\xff"
                          "b"),
            "a\\xffb");
  EXPECT_EQ(terminal_text("\xc0\xaf"), "\\xc0\\xaf");           // overlong
  EXPECT_EQ(terminal_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(terminal_text("\xe2\x82"), "\\xe2\\x82");           // cut short
}

TEST(Excerpt, ShortTextIsQuotedWholeAndEscaped) {
  EXPECT_EQ(excerpt("titel"), "titel");
  EXPECT_EQ(excerpt("a\nb"), "a\\x0ab");
}

TEST(Excerpt, LongTextIsCutAtTheLimitInCodePointsWithAnEllipsis) {
  const std::string line = "root:$y$j9T$" + std::string(200, 'x');
  const std::string cut = excerpt(line);
  EXPECT_EQ(cut, line.substr(0, limits::max_quoted_chars) + "\u2026");
  // Chinese text is cut between characters, never inside one.
  std::string han;
  for (int i = 0; i < 50; ++i) han += "\u6DF1";
  EXPECT_EQ(excerpt(han), han.substr(0, 3 * limits::max_quoted_chars) + "\u2026");
}

TEST(MarkdownText, EveryCharacterWithAMeaningIsEscaped) {
  EXPECT_EQ(markdown::text("a*b_c`d[e](f)![g]<h>&i|j~k$l#m\\n"),
            "a\\*b\\_c\\`d\\[e\\](f)!\\[g\\]\\<h\\>\\&i\\|j\\~k\\$l\\#m\\\\n");
  EXPECT_EQ(markdown::text("(line 21)"), "(line 21)");
  EXPECT_EQ(markdown::text("- item"), "\\- item");
  EXPECT_EQ(markdown::text("plain 中文 talk.txt"), "plain 中文 talk.txt");
}

TEST(MarkdownText, LineBreaksAndControlsCannotStartABlock) {
  EXPECT_EQ(markdown::text("x\n# Heading\n![i](http://e/i.png)"),
            "x\\\\x0a\\# Heading\\\\x0a!\\[i\\](http://e/i.png)");
  EXPECT_EQ(markdown::text("\x1b[31m"), "\\\\x1b\\[31m");
}

TEST(MarkdownText, CodeSpanIsLongerThanAnyRunOfBackticksInside) {
  EXPECT_EQ(markdown::code("talk.txt"), "`talk.txt`");
  EXPECT_EQ(markdown::code("a`b"), "``a`b``");
  EXPECT_EQ(markdown::code("a```b"), "````a```b````");
  EXPECT_EQ(markdown::code("`x`"), "`` `x` ``");
  EXPECT_EQ(markdown::code("a|b"), "`a|b`");
  EXPECT_EQ(markdown::code("a|b", markdown::place::table_cell), "`a\\|b`");
  EXPECT_EQ(markdown::code("a\nb"), "`a\\x0ab`");
}

TEST(MarkdownText, FenceIsLongerThanAnyRunOfBackticksInside) {
  EXPECT_EQ(markdown::fence("plain"), "```");
  EXPECT_EQ(markdown::fence("x\n```\n# H"), "````");
  EXPECT_EQ(markdown::fence("``````"), "```````");
}

TEST(MarkdownText, HtmlTextHasEntitiesAndLinkTargetsPercentEncodeWhatEndsThem) {
  EXPECT_EQ(markdown::html("<img src=x onerror=\"a()\">&"),
            "&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;");
  EXPECT_EQ(markdown::link_target("https://e/a b)(<x>|\\\n"),
            "https://e/a%20b%29%28%3Cx%3E%7C%5C%0A");
  EXPECT_EQ(markdown::link_target("https://zh.wikipedia.org/wiki/中文"),
            "https://zh.wikipedia.org/wiki/中文");
}

}  // namespace
}  // namespace handout
