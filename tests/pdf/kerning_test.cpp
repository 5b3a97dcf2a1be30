// Kerning and ligatures: HarfBuzz's pair adjustments and standard
// ligatures in the widths layout measures, in the page model's runs and in
// the PDF.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "render/pdf/linebreak.hpp"
#include "render/pdf/measure.hpp"
#include "require_font.hpp"
#include "test_support.hpp"

namespace handout::pdf {
namespace {

// Every character half an em wide in font 0, but 'X' (font 1); a character
// after 'A' in one run is kerned 100/1000 em closer.
class kerning_metrics final : public font_metrics {
 public:
  int font_for(char32_t cp) const override { return cp == U'X' ? 1 : 0; }
  int advance(int, char32_t) const override { return 500; }
  std::vector<int> kerning(int, std::u32string_view text) const override {
    std::vector<int> k(text.size(), 0);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) k[i] = text[i] == U'A' ? -100 : 0;
    return k;
  }
};

std::vector<line> set(const std::string& text, double width, bool justify = false) {
  break_options o;
  o.size = 10;  // a character is 5 pt, a kern 1 pt
  o.width = width;
  o.justify = justify;
  return break_lines(text, o, kerning_metrics{});
}

TEST(Kerning, APairTheFontKernsIsSetCloserAndKeptInThePiece) {
  auto lines = set("AVA", 100);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].width, 14) << "three advances of 5 pt, one kern of -1 pt";
  ASSERT_EQ(lines[0].pieces.size(), 1u);
  EXPECT_EQ(lines[0].pieces[0].kerns, (std::vector<kern>{{0, -100}}));
  EXPECT_DOUBLE_EQ(lines[0].x_at(2), 9) << "the third character moved by the kern";
}

TEST(Kerning, NoKerningAcrossAFontChange) {
  auto lines = set("AXA", 100);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].width, 15);
  for (const text_piece& p : lines[0].pieces) EXPECT_TRUE(p.kerns.empty()) << p.text;
}

TEST(Kerning, TheKernWithWhatFollowsALineDoesNotCount) {
  // "AA" is 9 pt: the second A's kern with the space after it is dropped at
  // the line's end, so the line is 9 pt wide and "AA A" (which would need
  // 18 pt) does not fit 12.
  auto lines = set("AA AA", 12);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text(), "AA ") << "the space drawn past the line's end";
  EXPECT_DOUBLE_EQ(lines[0].width, 9);
  EXPECT_EQ(lines[0].pieces[0].kerns, (std::vector<kern>{{0, -100}}));
}

TEST(Kerning, JustifiedLinesStayFlushAtTheRightEdge) {
  auto lines = set("AV AVA VA AV AAV AV VA AVAV AV VA AVA AV VA AV AVA AV", 60, true);
  ASSERT_GE(lines.size(), 3u);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    EXPECT_NEAR(lines[i].width, 60, 1e-9) << "line " << i << ": " << lines[i].text();
  }
}

TEST(Kerning, TheDefaultFontKernsAVToAndAIButNotWa) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  for (std::u32string pair : {U"AV", U"To", U"AI"}) {
    auto k = m.kerning(0, pair);
    ASSERT_EQ(k.size(), 2u);
    EXPECT_LT(k[0], 0) << "a kerned pair";
    EXPECT_EQ(k[1], 0) << "nothing follows the run";
  }
  EXPECT_EQ(m.kerning(0, U"Wa"), (std::vector<int>{0, 0})) << "WenQuanYi has no Wa pair";
  EXPECT_EQ(m.kerning(0, U"中文AV"), (std::vector<int>{0, 0, m.kerning(0, U"AV")[0], 0}))
      << "Han characters are not kerned, the Latin run after them is";
}

TEST(Kerning, DejaVuSansKernsWa) {
  REQUIRE_FAMILY("DejaVu Sans");
  diagnostics diags;
  auto fonts = font_set::open({{"DejaVu Sans", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  EXPECT_LT(m.kerning(0, U"Wa")[0], 0);
  EXPECT_EQ(m.kerning(0, U"fi"), (std::vector<int>{0, 0}))
      << "no ligature: each character keeps its glyph and its advance";
}

// As kerning_metrics, and "fi" is one glyph (99) of 0.8 em.
class ligature_metrics final : public font_metrics {
 public:
  int font_for(char32_t) const override { return 0; }
  int advance(int, char32_t) const override { return 500; }
  std::vector<ligature> ligatures(int, std::u32string_view text) const override {
    std::vector<ligature> out;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      if (text[i] == U'f' && text[i + 1] == U'i') out.push_back({i, 2, 99, 800});
    }
    return out;
  }
};

TEST(Ligatures, AreOneGlyphInThePieceWhenTheStyleAllowsThem) {
  break_options o;
  o.size = 10;
  o.width = 100;
  o.ligatures = true;
  auto lines = break_lines("a fin", o, ligature_metrics{});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].width, 5 + 5 + 8 + 5) << "fi is 8 pt, not 10";
  ASSERT_EQ(lines[0].pieces.size(), 1u);
  EXPECT_EQ(lines[0].pieces[0].ligatures, (std::vector<ligature_glyph>{{2, 2, 99}}));
  o.ligatures = false;
  lines = break_lines("a fin", o, ligature_metrics{});
  EXPECT_DOUBLE_EQ(lines[0].width, 25) << "off by default";
  EXPECT_TRUE(lines[0].pieces[0].ligatures.empty());
}

TEST(Ligatures, ALigatureIsNeverCutByAnEmergencyBreak) {
  break_options o;
  o.size = 10;
  o.width = 12;  // "xfi" (13 pt) does not fit: the break goes before the ligature
  o.ligatures = true;
  auto lines = break_lines("xfiy", o, ligature_metrics{});
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0].text(), "x");
  EXPECT_EQ(lines[1].text().substr(0, 2), "fi");
}

TEST(Ligatures, DejaVuSansLigatesFfiOnlyWhenAsked) {
  REQUIRE_FAMILY("DejaVu Sans");
  diagnostics diags;
  auto fonts = font_set::open({{"DejaVu Sans", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics with(*fonts, "", true), without(*fonts);
  auto ligs = with.ligatures(0, U"office");
  ASSERT_EQ(ligs.size(), 1u);
  EXPECT_EQ(ligs[0].first, 1u);
  EXPECT_EQ(ligs[0].count, 3u) << "ffi";
  EXPECT_GT(ligs[0].advance, 0);
  EXPECT_TRUE(without.ligatures(0, U"office").empty());
}

TEST(Ligatures, ThePdfMapsALigatureBackToItsCharacters) {
  REQUIRE_FAMILY("DejaVu Sans");
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  if (!test::have_program("pdftotext") || !test::have_program("qpdf")) {
    GTEST_SKIP() << "needs pdftotext and qpdf";
  }
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " Ligatures\n• The office finally flew off\n");
  test::write_all(dir / "style.yaml",
                  "fonts: [DejaVu Sans, WenQuanYi Micro Hei]\ntypography: {ligatures: true}\n");
  auto r = test::run_handout("convert '" + dir / "deck.txt" + "' -o '" + dir.path() +
                             "' --formats pdf --style '" + dir / "style.yaml" + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto qdf = test::run("qpdf --qdf --object-streams=disable '" + dir / "deck.pdf" + "' -");
  EXPECT_NE(qdf.out.find("> <00660069>"), std::string::npos) << "a ToUnicode entry for fi";
  for (const char* mode : {"", "-raw "}) {
    auto text = test::run(std::string("pdftotext ") + mode + "'" + dir / "deck.pdf" + "' -");
    EXPECT_NE(text.out.find("The office finally flew off"), std::string::npos) << mode << text.out;
  }
}

// The width of each word pdftotext -bbox finds in `pdf`.
std::map<std::string, double> word_widths(const std::string& pdf) {
  auto r = test::run("pdftotext -bbox '" + pdf + "' -");
  std::map<std::string, double> widths;
  std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>)re");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), word), end; it != end; ++it) {
    widths[(*it)[3]] = std::stod((*it)[2]) - std::stod((*it)[1]);
  }
  return widths;
}

TEST(Kerning, ThePdfDrawsAKernedPairCloserAndTheTextComesBackExactly) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  if (!test::have_program("pdftotext")) GTEST_SKIP() << "pdftotext is not installed";
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " Pairs\n• AV To oT\n");
  auto r =
      test::run_handout("convert '" + dir / "deck.txt" + "' -o '" + dir.path() + "' --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  auto widths = word_widths(dir / "deck.pdf");
  ASSERT_TRUE(widths.count("AV") && widths.count("To") && widths.count("oT"));
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  // A word's box ends at its last glyph's advance: the plain advances at
  // the body size (10.5 pt), less the kerning (60/1000 em for AV, 40 for
  // To, none for oT).
  auto plain = [&](char32_t a, char32_t b) { return (m.advance(0, a) + m.advance(0, b)) * 0.0105; };
  EXPECT_NEAR(plain('A', 'V') - widths["AV"], 0.060 * 10.5, 0.01);
  EXPECT_NEAR(plain('T', 'o') - widths["To"], 0.040 * 10.5, 0.01);
  EXPECT_NEAR(plain('o', 'T') - widths["oT"], 0, 0.01);
  for (const char* mode : {"", "-raw "}) {
    auto text = test::run(std::string("pdftotext ") + mode + "'" + dir / "deck.pdf" + "' -");
    EXPECT_NE(text.out.find("AV To oT"), std::string::npos) << mode << text.out;
  }
}

}  // namespace
}  // namespace handout::pdf
