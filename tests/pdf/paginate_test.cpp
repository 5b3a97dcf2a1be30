// Pagination: blocks onto pages, headings kept with what follows.
#include "render/pdf/paginate.hpp"

#include <gtest/gtest.h>

namespace handout::pdf {
namespace {

block text_block(double height, const std::string& text, bool keep = false, double before = 0) {
  block b;
  b.height = height;
  b.space_before = before;
  b.keep_with_next = keep;
  text_run t;
  t.text = text;
  t.y = height;  // baseline at the block's bottom
  b.items.push_back(t);
  return b;
}

// The page index and y of the first text run called `text`.
std::pair<int, double> where(const flow& f, const std::string& text) {
  for (std::size_t p = 0; p < f.pages.size(); ++p) {
    for (const auto& item : f.pages[p].items) {
      if (const auto* t = std::get_if<text_run>(&item); t && t->text == text) {
        return {static_cast<int>(p), t->y};
      }
    }
  }
  return {-1, 0};
}

TEST(Paginate, BlocksStackFromTheTopAndShiftTheirItems) {
  flow f = paginate({text_block(10, "a"), text_block(10, "b", false, 5)}, 100, 200);
  ASSERT_EQ(f.pages.size(), 1u);
  EXPECT_EQ(where(f, "a"), std::make_pair(0, 110.0));
  EXPECT_EQ(where(f, "b"), std::make_pair(0, 125.0));
}

TEST(Paginate, ABlockThatDoesNotFitStartsANewPage) {
  std::vector<block> blocks;
  for (int i = 0; i < 25; ++i) blocks.push_back(text_block(10, "line" + std::to_string(i)));
  flow f = paginate(blocks, 0, 100);  // ten per page
  ASSERT_EQ(f.pages.size(), 3u);
  EXPECT_EQ(where(f, "line9").first, 0);
  EXPECT_EQ(where(f, "line10"), std::make_pair(1, 10.0));
}

TEST(Paginate, SpaceBeforeIsDroppedAtThePageTop) {
  std::vector<block> blocks;
  for (int i = 0; i < 10; ++i) blocks.push_back(text_block(10, "x"));
  blocks.push_back(text_block(10, "next", false, 30));
  flow f = paginate(blocks, 0, 100);
  EXPECT_EQ(where(f, "next"), std::make_pair(1, 10.0));
}

TEST(Paginate, NoHeadingStrandedAtThePageBottom) {
  std::vector<block> blocks;
  for (int i = 0; i < 8; ++i) blocks.push_back(text_block(10, "x"));
  // Room is left for the heading (10) but not for the line after it.
  blocks.push_back(text_block(10, "heading", true));
  blocks.push_back(text_block(15, "first line"));
  flow f = paginate(blocks, 0, 100);
  EXPECT_EQ(where(f, "heading").first, 1);
  EXPECT_EQ(where(f, "first line").first, 1);
}

TEST(Paginate, KeepChainsFollowSeveralBlocks) {
  std::vector<block> blocks;
  for (int i = 0; i < 6; ++i) blocks.push_back(text_block(10, "x"));
  blocks.push_back(text_block(10, "section", true));
  blocks.push_back(text_block(10, "slide", true));
  blocks.push_back(text_block(10, "bullet1", true));
  blocks.push_back(text_block(10, "bullet2"));
  flow f = paginate(blocks, 0, 95);
  EXPECT_EQ(where(f, "section").first, 1);
  EXPECT_EQ(where(f, "bullet2").first, 1);
}

TEST(Paginate, AChainLongerThanAPageIsNotKeptWhole) {
  std::vector<block> blocks = {text_block(10, "x")};
  for (int i = 0; i < 20; ++i) blocks.push_back(text_block(10, "k" + std::to_string(i), true));
  blocks.push_back(text_block(10, "end"));
  flow f = paginate(blocks, 0, 100);
  EXPECT_EQ(where(f, "x").first, 0);
  EXPECT_EQ(where(f, "k0").first, 0) << "an impossible keep must not push everything on";
}

TEST(Paginate, AnchorsAndRunningHeadsAreRecorded) {
  std::vector<block> blocks;
  for (int i = 0; i < 12; ++i) {
    block b = text_block(10, "x");
    b.running_head = i < 5 ? "one" : "two";
    if (i == 11) b.anchor = 7;
    blocks.push_back(b);
  }
  flow f = paginate(blocks, 0, 100);
  ASSERT_EQ(f.pages.size(), 2u);
  EXPECT_EQ(f.running_heads, (std::vector<std::string>{"one", "two"}));
  ASSERT_EQ(f.anchors.count(7), 1u);
  EXPECT_EQ(f.anchors[7].page, 1);
  EXPECT_DOUBLE_EQ(f.anchors[7].y, 10);
}

TEST(Paginate, EmptyInputGivesOneBlankPage) {
  flow f = paginate({}, 0, 100);
  EXPECT_EQ(f.pages.size(), 1u);
}

}  // namespace
}  // namespace handout::pdf

namespace handout::pdf {
namespace {

TEST(Paginate, RunningHeadNamesTheSectionThatStartsOnThePage) {
  std::vector<block> blocks;
  for (int i = 0; i < 14; ++i) {
    block b = text_block(10, "x");
    b.running_head = i < 13 ? "one" : "two";
    b.starts_section = i == 0 || i == 13;
    blocks.push_back(b);
  }
  flow f = paginate(blocks, 0, 100);  // page 2 starts inside "one", then "two" starts
  ASSERT_EQ(f.pages.size(), 2u);
  EXPECT_EQ(f.running_heads, (std::vector<std::string>{"one", "two"}));
}

}  // namespace
}  // namespace handout::pdf

namespace handout::pdf {
namespace {

TEST(Paginate, FurnitureFollowsEachPagesBlocksWithThePageCountAndNoSlack) {
  std::vector<block> blocks;
  for (int i = 0; i < 15; ++i) blocks.push_back(text_block(10, "x" + std::to_string(i)));
  std::vector<std::string> calls;
  auto furnish = [&](std::size_t page, const std::string& head, int count,
                     std::vector<page_item>& items) {
    calls.push_back(std::to_string(page) + "/" + std::to_string(count) + head);
    text_run t;
    t.text = "folio " + std::to_string(page + 1);
    items.push_back(t);
  };
  flow f = paginate(blocks, 0, 100, furnish);  // ten per page
  ASSERT_EQ(f.pages.size(), 2u);
  EXPECT_EQ(calls, (std::vector<std::string>{"0/2", "1/2"}));
  ASSERT_EQ(f.pages[0].items.size(), 11u);
  ASSERT_EQ(f.pages[1].items.size(), 6u);
  EXPECT_EQ(std::get<text_run>(f.pages[0].items.back()).text, "folio 1");
  EXPECT_EQ(std::get<text_run>(f.pages[1].items.front()).text, "x10");
  EXPECT_EQ(std::get<text_run>(f.pages[1].items.back()).text, "folio 2");
  // Each page's vector is exactly its items: the page model of every page
  // is held until the PDF is drawn.
  EXPECT_EQ(f.pages[0].items.capacity(), 11u);
  EXPECT_EQ(f.pages[1].items.capacity(), 6u);
}

TEST(Paginate, WithoutItemsThePagesAndAnchorsAreThoseWithThem) {
  auto make = [] {
    std::vector<block> blocks;
    for (int i = 0; i < 25; ++i) {
      block b = text_block(10, "x", i % 7 == 6, i % 3 == 0 ? 4 : 0);
      b.anchor = i;
      blocks.push_back(b);
    }
    return blocks;
  };
  flow with = paginate(make(), 0, 100);
  flow without = paginate(make(), 0, 100, {}, false);
  ASSERT_EQ(without.pages.size(), with.pages.size());
  for (const page& p : without.pages) EXPECT_TRUE(p.items.empty());
  ASSERT_EQ(without.anchors.size(), with.anchors.size());
  for (const auto& [anchor, place] : with.anchors) {
    EXPECT_EQ(without.anchors[anchor].page, place.page) << anchor;
    EXPECT_DOUBLE_EQ(without.anchors[anchor].y, place.y) << anchor;
  }
}

}  // namespace
}  // namespace handout::pdf
