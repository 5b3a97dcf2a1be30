// terminal_text(): the one escaping of untrusted text for terminals and logs.
#include "terminal_text.hpp"

#include <gtest/gtest.h>

namespace handout {
namespace {

TEST(TerminalText, PrintableTextIsUnchanged) {
  EXPECT_EQ(terminal_text("talk/01 intro.txt"), "talk/01 intro.txt");
  EXPECT_EQ(terminal_text("Grüße, 日本語, עברית, 👩‍💻"), "Grüße, 日本語, עברית, 👩‍💻");
}

TEST(TerminalText, ControlCharactersAndDelAreHexEscapes) {
  EXPECT_EQ(terminal_text("a\x1b]0;pwned\x07z"), "a\\x1b]0;pwned\\x07z");
  EXPECT_EQ(terminal_text("x\n::error file=x::forged"), "x\\x0a::error file=x::forged");
  EXPECT_EQ(terminal_text("\r\t\x7f"), "\\x0d\\x09\\x7f");
}

TEST(TerminalText, C1ControlsAreUnicodeEscapes) {
  EXPECT_EQ(terminal_text("\xc2\x9b" "31m"), "\\u009b31m");
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
  EXPECT_EQ(terminal_text("a\xff" "b"), "a\\xffb");
  EXPECT_EQ(terminal_text("\xc0\xaf"), "\\xc0\\xaf");          // overlong
  EXPECT_EQ(terminal_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(terminal_text("\xe2\x82"), "\\xe2\\x82");           // cut short
}

}  // namespace
}  // namespace handout
