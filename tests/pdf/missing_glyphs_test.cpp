// The one warning per deck about characters no font has.
#include "render/pdf/missing_glyphs.hpp"

#include <gtest/gtest.h>

namespace handout::pdf {
namespace {

report deck_with(const std::vector<std::pair<int, std::string>>& bullets) {
  report r;
  r.source = "deck.txt";
  r.sections.emplace_back();
  r.sections[0].slides.emplace_back();
  for (const auto& [line, text] : bullets) {
    item it;
    it.line = line;
    it.text = text;
    r.sections[0].slides[0].items.push_back(it);
  }
  return r;
}

TEST(MissingGlyphs, NoneIsNoWarning) {
  EXPECT_FALSE(missing_glyphs_warning(deck_with({{2, "a"}}), {}));
}

TEST(MissingGlyphs, OneCharacterIsSingular) {
  auto w = missing_glyphs_warning(deck_with({{2, "a"}, {3, "x\u2603"}}), {U'\u2603'});
  ASSERT_TRUE(w);
  EXPECT_EQ(w->level, severity::warning);
  EXPECT_EQ(w->line, 3);
  EXPECT_EQ(w->message,
            "no installed font has 1 character: U+2603 (\u2603); on line 3; install a font that "
            "has it");
}

TEST(MissingGlyphs, ManyAreCappedWithTheFirstLines) {
  std::set<char32_t> missing;
  std::vector<std::pair<int, std::string>> bullets;
  for (char32_t cp = 0x10000; cp < 0x10000 + 30; ++cp) missing.insert(cp);
  for (int line = 10; line < 17; ++line) bullets.push_back({line, "\U00010001"});
  auto w = missing_glyphs_warning(deck_with(bullets), missing);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->line, 10);
  EXPECT_NE(w->message.find("has 30 characters: U+10000 ("), std::string::npos) << w->message;
  EXPECT_NE(
      w->message.find("U+10013 (\U00010013) and 10 more; first on lines 10, 11, 12, 13, 14, …;"),
      std::string::npos)
      << w->message;
  EXPECT_EQ(w->message.find("U+10014"), std::string::npos);
}

}  // namespace
}  // namespace handout::pdf
