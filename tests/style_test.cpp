// The style reader: defaults, units, and errors at their YAML position.
#include "style.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace handout {
namespace {

using ::testing::HasSubstr;

std::optional<style> load_text(const std::string& yaml, diagnostics& diags) {
  test::temp_dir dir;
  test::write_all(dir / "s.yaml", yaml);
  return load_style(dir / "s.yaml", diags);
}

std::string first_error(const std::string& yaml) {
  diagnostics diags;
  EXPECT_FALSE(load_text(yaml, diags));
  if (diags.all().empty()) return "";
  diagnostic d = diags.all()[0];
  d.file = "s.yaml";
  return format(d);
}

TEST(Style, ShippedReportStyleEqualsTheBuiltInDefault) {
  diagnostics diags;
  auto s = load_style(test::source_dir() + "/styles/report.yaml", diags);
  ASSERT_TRUE(s) << format(diags.all().at(0));
  EXPECT_TRUE(*s == default_style());
}

TEST(Style, EveryShippedStyleLoads) {
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/styles")) {
    diagnostics diags;
    EXPECT_TRUE(load_style(e.path(), diags)) << e.path() << ": " << format(diags.all().at(0));
  }
}

// ---- contrast (WCAG 2.2 AA, 1.4.3) -----------------------------------------

TEST(StyleContrast, RatioFollowsWcagRelativeLuminance) {
  // Known pairs: white on black is 21:1, a colour on itself 1:1, and the
  // figures WCAG's contrast checkers give.
  EXPECT_DOUBLE_EQ(contrast_ratio(hex_rgb(0x000000), hex_rgb(0xFFFFFF)), 21.0);
  EXPECT_DOUBLE_EQ(contrast_ratio(hex_rgb(0x777777), hex_rgb(0x777777)), 1.0);
  EXPECT_NEAR(contrast_ratio(hex_rgb(0x999999), page_color), 2.85, 0.005);
  EXPECT_NEAR(contrast_ratio(hex_rgb(0x767676), page_color), 4.54, 0.005);
  EXPECT_NEAR(contrast_ratio(hex_rgb(0x0D54B0), page_color), 7.21, 0.005);
  EXPECT_NEAR(contrast_ratio(page_color, hex_rgb(0xFF0000)), 4.00, 0.005);  // order does not matter
  EXPECT_NEAR(relative_luminance(hex_rgb(0x808080)), 0.2159, 0.0001);
}

TEST(StyleContrast, EveryTextColourOfTheShippedStylesReachesFourAndAHalf) {
  std::vector<std::pair<std::string, style>> shipped = {{"built-in default", default_style()}};
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/styles")) {
    diagnostics diags;
    auto s = load_style(e.path(), diags);
    ASSERT_TRUE(s) << e.path();
    EXPECT_TRUE(diags.all().empty()) << e.path() << ": " << format(diags.all().at(0));
    shipped.emplace_back(e.path().filename().string(), *s);
  }
  EXPECT_GE(shipped.size(), 3u);
  for (const auto& [name, s] : shipped) {
    for (const text_colour& t : text_colours(s)) {
      EXPECT_GE(contrast_ratio(t.colour, page_color), min_text_contrast)
          << name << ": " << t.what << " " << hex_string(t.colour);
    }
  }
}

TEST(StyleContrast, LowContrastTextColourWarnsAtItsPositionWithTheRatio) {
  diagnostics diags;
  auto s = load_text("colors:\n  link: \"#999999\"\n  rule: \"#EEEEEE\"\n", diags);
  ASSERT_TRUE(s);  // a warning, not an error: the style still loads
  ASSERT_EQ(diags.all().size(), 1u);
  diagnostic d = diags.all()[0];
  d.file = "s.yaml";
  EXPECT_EQ(format(d),
            "s.yaml:2:9: warning: the link colour #999999 (links) has a contrast of 2.85:1 "
            "against the white page; WCAG 2.2 AA asks at least 4.5:1 for text");
}

TEST(StyleContrast, TextColourWhoseLightenedFormIsTooLightWarns) {
  diagnostics diags;
  // #444444 itself is 9.7:1, but header and footer print it lightened.
  auto s = load_text("colors: {text: \"#444444\"}\n", diags);
  ASSERT_TRUE(s);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_THAT(diags.all()[0].message,
              HasSubstr("the text colour #444444 prints the header, footer and cover details in "
                        "#8F8F8F, a contrast of 3.24:1"));
  EXPECT_EQ(diags.all()[0].line, 1);
  EXPECT_EQ(diags.all()[0].column, 16);
}

TEST(StyleContrast, RuleColourIsNoTextAndNeverWarns) {
  diagnostics diags;
  EXPECT_TRUE(load_text("colors: {rule: \"#F0F0F0\"}\n", diags));
  EXPECT_TRUE(diags.all().empty());
}

TEST(Style, LengthsTakeUnits) {
  diagnostics diags;
  auto s = load_text(
      "page: {size: Letter, margins: 1in}\nsizes: {body: 12}\nspacing: {indent: 1cm}\n", diags);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->page_width, 612);
  EXPECT_DOUBLE_EQ(s->margin_left, 72);
  EXPECT_DOUBLE_EQ(s->body_size, 12);
  EXPECT_NEAR(s->indent, 28.3465, 1e-3);
}

TEST(Style, CustomPageSizeAndLandscape) {
  diagnostics diags;
  auto s =
      load_text("page: {size: [100mm, 150mm], orientation: landscape, margins: 10mm}\n", diags);
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->page_width, 425.197, 1e-3);
  EXPECT_NEAR(s->page_height, 283.465, 1e-3);
}

TEST(Style, FontsByFamilyFileOrCollectionIndex) {
  diagnostics diags;
  auto s = load_text("fonts: [DejaVu Sans, /x/y.ttf, {file: a.ttc, index: 2}]\n", diags);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->fonts.size(), 3u);
  EXPECT_EQ(s->fonts[0].family, "DejaVu Sans");
  EXPECT_EQ(s->fonts[1].file, "/x/y.ttf");
  EXPECT_EQ(s->fonts[2].file, "a.ttc");
  EXPECT_EQ(s->fonts[2].index, 2);
}

TEST(Style, UnknownKeyIsAnErrorAtItsLineAndColumn) {
  EXPECT_THAT(first_error("parts:\n  cover: true\n  toc: false\n"),
              HasSubstr("s.yaml:3:3: error: unknown key 'toc' in parts (known: contents, cover"));
}

TEST(Style, BadValuesAreErrorsAtTheirPosition) {
  EXPECT_THAT(first_error("sizes: {body: big}\n"),
              HasSubstr("s.yaml:1:15: error: body size must be a length"));
  EXPECT_THAT(first_error("colors:\n  text: red\n"),
              HasSubstr("s.yaml:2:9: error: text colour must be a colour #RRGGBB"));
  EXPECT_THAT(first_error("parts: {cover: maybe}\n"),
              HasSubstr("error: cover must be true or false"));
  EXPECT_THAT(first_error("page: {size: A9}\n"), HasSubstr("error: unknown page size 'A9'"));
  EXPECT_THAT(first_error("bullets: [a, b]\n"),
              HasSubstr("error: bullets must be a list of three glyphs"));
  EXPECT_THAT(first_error("leading: 9\n"), HasSubstr("error: leading must be a number from 1"));
  EXPECT_THAT(first_error("page: {margins: 200mm}\n"),
              HasSubstr("error: the margins leave less than 1 inch"));
}

TEST(Style, MalformedYamlIsAnError) {
  EXPECT_THAT(first_error("page: [\n"), HasSubstr("error: malformed YAML"));
}

TEST(Style, InvalidUtf8IsAnError) {
  EXPECT_THAT(first_error("bullets: [\"\xFF\", b, c]\n"),
              HasSubstr("s.yaml:1:12: error: invalid UTF-8"));
}

}  // namespace
}  // namespace handout
