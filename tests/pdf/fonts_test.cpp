// Fonts: fontconfig look-up, fallback, errors, HarfBuzz measuring and subsetting.
#include "render/pdf/fonts.hpp"

#include <gtest/gtest.h>

#include "render/pdf/measure.hpp"
#include "require_font.hpp"
#include "test_support.hpp"

namespace handout::pdf {
namespace {

TEST(Fonts, DefaultFamilyIsFoundInACollection) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  auto where = find_font_family("WenQuanYi Micro Hei");
  EXPECT_NE(where->file.find("wqy-microhei.ttc"), std::string::npos);
  EXPECT_EQ(where->index, 0);
  auto mono = find_font_family("WenQuanYi Micro Hei Mono");
  ASSERT_TRUE(mono);
  EXPECT_EQ(mono->file, where->file);
  EXPECT_EQ(mono->index, 1) << "the Mono face is the collection's second";
}

TEST(Fonts, SubstitutesDoNotCountAsFound) {
  EXPECT_FALSE(find_font_family("No Such Family Anywhere"));
}

TEST(Fonts, MissingFontErrorNamesTheFontAndItsPackage) {
  if (have_family("WenQuanYi Zen Hei")) GTEST_SKIP() << "WenQuanYi Zen Hei is installed";
  diagnostics diags;
  EXPECT_FALSE(font_set::open({{"WenQuanYi Zen Hei", "", 0}}, diags));
  ASSERT_EQ(diags.error_count(), 1);
  const std::string& m = diags.all()[0].message;
  EXPECT_NE(m.find("WenQuanYi Zen Hei"), std::string::npos) << m;
  EXPECT_NE(m.find("fonts-wqy-zenhei"), std::string::npos) << m;
}

TEST(Fonts, MissingFontFileIsAnError) {
  diagnostics diags;
  EXPECT_FALSE(font_set::open({{"", "/nonexistent/font.ttf", 0}}, diags));
  EXPECT_TRUE(diags.has_errors());
}

TEST(Fonts, FallsBackPerCharacterAcrossTheList) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  REQUIRE_FAMILY("DejaVu Sans");
  diagnostics diags;
  auto fonts = font_set::open({{"DejaVu Sans", "", 0}, {"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts) << (diags.all().empty() ? "" : diags.all()[0].message);
  harfbuzz_metrics m(*fonts);
  EXPECT_EQ(m.font_for(U'A'), 0);
  EXPECT_EQ(m.font_for(U'中'), 1);
  EXPECT_EQ(m.font_for(U'，'), 1);
}

TEST(Fonts, FileAndCollectionIndexAreHonoured) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei Mono");
  auto mono = find_font_family("WenQuanYi Micro Hei Mono");
  diagnostics diags;
  auto fonts = font_set::open({{"", mono->file, 1}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  EXPECT_EQ(m.advance(0, U'i'), m.advance(0, U'W')) << "face 1 is the monospaced one";
}

TEST(Fonts, HarfBuzzAdvancesInThousandthsOfAnEm) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  harfbuzz_metrics m(*fonts);
  EXPECT_EQ(m.advance(0, U'中'), 1000);
  EXPECT_GT(m.advance(0, U'i'), 0);
  EXPECT_LT(m.advance(0, U'i'), m.advance(0, U'W'));
}

// `ttf` with its OS/2 fsType set to `fs_type` (the table directory is read
// by hand: 12 bytes of header, then 16 per table).
std::string with_fs_type(std::string ttf, unsigned fs_type) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(ttf[at]) << 8 |
                                 static_cast<unsigned char>(ttf[at + 1]));
  };
  for (unsigned i = 0; i < u16(4); ++i) {
    const std::size_t record = 12 + 16 * i;
    if (ttf.compare(record, 4, "OS/2") != 0) continue;
    const std::size_t table = u16(record + 8) << 16 | u16(record + 10);
    ttf[table + 8] = static_cast<char>(fs_type >> 8);
    ttf[table + 9] = static_cast<char>(fs_type & 0xFF);
  }
  return ttf;
}

TEST(Fonts, AFontWhoseLicenceForbidsEmbeddingIsAClearError) {
  REQUIRE_FAMILY("DejaVu Sans");
  diagnostics diags;
  auto fonts = font_set::open({{"DejaVu Sans", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  const std::string subset = fonts->subset(0, {U'A', U'b'});
  test::temp_dir dir;
  // Restricted (0x0002, also with the reserved bit 0), no subsetting,
  // bitmaps only: refused. Installable, print, edit, and restricted with a
  // more permissive bit beside it (0x000A): embedded.
  for (unsigned fs_type :
       {0x0002u, 0x0003u, 0x0100u, 0x0200u, 0x0000u, 0x0004u, 0x0008u, 0x000Au}) {
    const std::string file = dir / "font.ttf";
    test::write_all(file, with_fs_type(subset, fs_type));
    diagnostics d;
    auto opened = font_set::open({{"", file, 0}}, d);
    if (fs_type == 0x0002 || fs_type == 0x0003 || fs_type == 0x0100 || fs_type == 0x0200) {
      EXPECT_FALSE(opened) << fs_type;
      ASSERT_EQ(d.error_count(), 1) << fs_type;
      EXPECT_NE(d.all()[0].message.find("does not allow embedding"), std::string::npos)
          << d.all()[0].message;
    } else {
      EXPECT_TRUE(opened) << "fsType " << fs_type << " (installable, print, editable) embeds";
    }
  }
}

TEST(Fonts, SubsetIsASmallTrueTypeFontWithTheCharacters) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  std::string data = fonts->subset(0, {U'中', U'文', U'A', U'，'});
  ASSERT_GT(data.size(), 12u);
  EXPECT_EQ(data.substr(0, 4), std::string("\0\1\0\0", 4)) << "a TrueType (glyf) font";
  EXPECT_NE(data.find("glyf"), std::string::npos);
  EXPECT_LT(data.size(), 20'000u);
}

}  // namespace
}  // namespace handout::pdf
