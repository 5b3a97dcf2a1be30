// Font fallback: a character the style's fonts lack comes from the installed
// font fontconfig ranks best for it, embedded like the style's; only what
// no installed font has is warned about.
#include <gtest/gtest.h>

#include <string>

#include "render/pdf/measure.hpp"
#include "require_font.hpp"
#include "test_support.hpp"

namespace handout::pdf {
namespace {

// ☃ (U+2603) is in DejaVu Sans (fonts-dejavu-core) and not in WenQuanYi
// Micro Hei; 𓀀 (U+13000, Egyptian hieroglyphs) is in no font Debian's
// usual packages install.
constexpr char32_t snowman = U'\u2603';
constexpr char32_t hieroglyph = U'\U00013000';

#define REQUIRE_FALLBACK()                                                                    \
  REQUIRE_FAMILY("WenQuanYi Micro Hei");                                                      \
  if (fallback_fonts_for(snowman, "").empty())                                                \
  GTEST_SKIP() << "no installed font has U+2603 (fonts-dejavu-core has it: scripts/setup.sh " \
                  "--test)"

TEST(Fallback, ACharacterTheStyleLacksComesFromAnInstalledFont) {
  REQUIRE_FALLBACK();
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts, "zh-CN");
  EXPECT_EQ(m.font_for(U'中'), 0);
  const int font = m.font_for(snowman);
  ASSERT_EQ(font, 1) << "added after the style's one font";
  EXPECT_EQ(fonts->size(), 2u);
  EXPECT_EQ(fonts->style_size(), 1u);
  EXPECT_TRUE(m.has_glyph(font, snowman));
  EXPECT_EQ(fonts->location(font).file, fallback_fonts_for(snowman, "zh-CN").front().file);
  EXPECT_EQ(m.font_for(snowman), font) << "asked again, the same font, not added twice";
  EXPECT_EQ(fonts->size(), 2u);
}

TEST(Fallback, IsTheSameFontEveryTime) {
  REQUIRE_FALLBACK();
  auto first = fallback_fonts_for(snowman, "en");
  ASSERT_FALSE(first.empty());
  for (const font_location& f : first) {
    EXPECT_NE(f.file.find(".tt"), std::string::npos) << "TrueType only: " << f.file;
  }
  auto again = fallback_fonts_for(snowman, "en");
  ASSERT_EQ(again.size(), first.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(again[i].file, first[i].file);
}

TEST(Fallback, ACharacterNoInstalledFontHasStaysWithTheFirstFont) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  if (!fallback_fonts_for(hieroglyph, "").empty())
    GTEST_SKIP() << "a font with U+13000 is installed";
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  EXPECT_EQ(m.font_for(hieroglyph), 0);
  EXPECT_FALSE(m.has_glyph(0, hieroglyph));
  EXPECT_EQ(fonts->size(), 1u);
}

TEST(Fallback, CharactersDrawnWithoutAGlyphNeedNoFont) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  // DEL, NEL, the bidi isolates, a variation selector, a tag character.
  for (char32_t cp : {U'\u007F', U'\u0085', U'\u2066', U'\u2069', U'\uFE0F', U'\U000E0041'}) {
    EXPECT_TRUE(draws_nothing(cp)) << static_cast<unsigned>(cp);
    EXPECT_EQ(m.font_for(cp), 0) << static_cast<unsigned>(cp);
  }
  EXPECT_EQ(fonts->size(), 1u) << "no installed font added for them";
  for (char32_t cp : {U'a', U'\u4E2D', U'\u2603', U' '}) EXPECT_FALSE(draws_nothing(cp));
}

TEST(Fallback, ThePdfEmbedsTheFallbackFontAndWarnsOnlyOfTrulyMissingCharacters) {
  REQUIRE_FALLBACK();
  if (!test::have_program("pdffonts") || !test::have_program("pdftotext")) {
    GTEST_SKIP() << "poppler-utils are not installed";
  }
  if (!fallback_fonts_for(hieroglyph, "").empty())
    GTEST_SKIP() << "a font with U+13000 is installed";
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " 雪人 \u2603\n• 雪人 \u2603 与 \U00013000 end\n");
  const std::string command =
      "convert '" + dir / "deck.txt" + "' -o '" + dir.path() + "' --formats pdf";
  auto r = test::run_handout(command);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("no installed font has 1 character: U+13000"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("U+2603"), std::string::npos) << r.err;

  auto fonts = test::run("pdffonts '" + dir / "deck.pdf" + "'");
  EXPECT_NE(fonts.out.find("WenQuanYiMicroHei"), std::string::npos) << fonts.out;
  // pdffonts names fonts by their PostScript name: DejaVuSans for DejaVu Sans.
  std::string family = fallback_fonts_for(snowman, "").front().file;
  family = family.substr(family.rfind('/') + 1);
  family = family.substr(0, family.find('.'));
  EXPECT_NE(fonts.out.find("+" + family), std::string::npos) << fonts.out;
  EXPECT_EQ(std::count(fonts.out.begin(), fonts.out.end(), '\n'), 4) << "two fonts:\n" << fonts.out;
  for (const std::string line : {"yes yes yes"}) {
    EXPECT_NE(fonts.out.find(line), std::string::npos) << "embedded, subset, ToUnicode";
  }
  auto text = test::run("pdftotext '" + dir / "deck.pdf" + "' -");
  EXPECT_NE(text.out.find("雪人 \u2603 与"), std::string::npos) << text.out;

  const std::string first = test::read_all(dir / "deck.pdf");
  ASSERT_EQ(test::run_handout(command).status, 0);
  EXPECT_EQ(test::read_all(dir / "deck.pdf"), first) << "the same bytes again";
}

TEST(Fallback, NoWarningForCharactersDrawnWithoutAGlyph) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  if (!test::have_program("pdftotext")) GTEST_SKIP() << "poppler-utils are not installed";
  test::temp_dir dir;
  test::write_all(dir / "deck.txt",
                  " 题\n• 甲\u2066乙\u2069丙 \u007F Unter\u00ADnehmen\u0085 end\n");
  auto r =
      test::run_handout("convert '" + dir / "deck.txt" + "' -o '" + dir.path() + "' --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find("no installed font"), std::string::npos) << r.err;
  auto text = test::run("pdftotext '" + dir / "deck.pdf" + "' -");
  EXPECT_NE(text.out.find("Unternehmen"), std::string::npos) << "no hyphen drawn:\n" << text.out;
}

TEST(Fallback, NeverAFontWithThePostScriptNameOfOneInTheSet) {
  REQUIRE_FAMILY("DejaVu Sans");
  diagnostics diags;
  auto full = font_set::open({{"DejaVu Sans", "", 0}}, diags);
  ASSERT_TRUE(full);
  test::temp_dir dir;
  // An ASCII-only DejaVu Sans: é would fall back to the installed DejaVu
  // Sans first, whose PostScript name a PDF cannot hold twice.
  test::write_all(dir / "ascii.ttf", full->subset(0, {U'T', U'a', U'b'}));
  auto fonts = font_set::open({{"", dir / "ascii.ttf", 0}}, diags);
  ASSERT_TRUE(fonts);
  const int font = fonts->add_fallback(U'\u00E9', "");
  if (font < 0) GTEST_SKIP() << "no other installed font has U+00E9";
  EXPECT_NE(fonts->location(font).file, find_font_family("DejaVu Sans")->file);
}

}  // namespace
}  // namespace handout::pdf
