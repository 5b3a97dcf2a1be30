#include "render/pdf/pdf_syntax.hpp"

#include <gtest/gtest.h>

namespace handout::pdf {
namespace {

std::string text_string(const std::string& text) {
  std::string out;
  append_text_string(out, text);
  return out;
}

TEST(PdfSyntax, PrintableAsciiTextIsALiteralWithItsDelimitersEscaped) {
  EXPECT_EQ(text_string("QR code: youtu.be/x"), "(QR code: youtu.be/x)");
  EXPECT_EQ(text_string("a(b)\\c"), "(a\\050b\\051\\134c)");
  EXPECT_EQ(text_string(""), "()");
}

TEST(PdfSyntax, OtherTextIsUtf16WithAByteOrderMarkAndSurrogatePairs) {
  EXPECT_EQ(text_string("é"), "<FEFF00E9>");
  EXPECT_EQ(text_string("中文"), "<FEFF4E2D6587>");
  EXPECT_EQ(text_string("a\U0001F600"), "<FEFF0061D83DDE00>") << "U+1F600 as two code units";
  EXPECT_EQ(text_string("tab\there"), "<FEFF00740061006200090068006500720065>")
      << "a control character is not left raw in a literal";
}

TEST(PdfSyntax, LiteralsEscapeControlBytesAndBytesOutsideAscii) {
  std::string out;
  append_literal(out, std::string("a\x1b\x7f\xff)", 5));
  EXPECT_EQ(out, "(a\\033\\177\\377\\051)");
}

TEST(PdfSyntax, RealsAreShortAndNothingFollowsThem) {
  for (const auto& [value, text] : std::initializer_list<std::pair<double, const char*>>{
           {12.5, "12.5"}, {3, "3"}, {-0.25, "-0.25"}, {771.02386, "771.02386"}, {0, "0"}}) {
    std::string out = "[";
    append_real(out, value);
    out += ']';
    EXPECT_EQ(out, std::string("[") + text + "]") << value;
  }
}

TEST(PdfSyntax, AReferenceIsNumberGenerationR) {
  std::string out;
  append_reference(out, 4187);
  EXPECT_EQ(out, "4187 0 R");
}

}  // namespace
}  // namespace handout::pdf
