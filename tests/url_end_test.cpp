// The end of a URL inside bullet text (parse/url_end.hpp, docs/LINKS.md):
// one table, input text → the URLs found, exactly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/text_reader.hpp"

namespace handout {
namespace {

struct url_case {
  std::string text;
  std::vector<std::string> urls;
};

const std::vector<url_case>& cases() {
  static const std::vector<url_case> table{
      // Chinese: a Han letter, CJK and full-width punctuation end a YouTube link.
      {"完整版在https://youtu.be/t45S_MwAcOw里", {"https://youtu.be/t45S_MwAcOw"}},
      {"请看 https://youtu.be/t45S_MwAcOw……后面", {"https://youtu.be/t45S_MwAcOw"}},
      {"链接https://youtu.be/t45S_MwAcOw——另一个", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw,谢谢", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw，谢谢", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw。", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw、其次", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw；其次", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw：说明", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw！", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw？", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw．", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw～", {"https://youtu.be/t45S_MwAcOw"}},
      {"见（https://youtu.be/t45S_MwAcOw）", {"https://youtu.be/t45S_MwAcOw"}},
      {"《https://youtu.be/t45S_MwAcOw》", {"https://youtu.be/t45S_MwAcOw"}},
      {"【https://youtu.be/t45S_MwAcOw】", {"https://youtu.be/t45S_MwAcOw"}},
      {"“https://youtu.be/t45S_MwAcOw”", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw　全角空格", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw※注", {"https://youtu.be/t45S_MwAcOw"}},
      {"见https://youtu.be/t45S_MwAcOw→下一页", {"https://youtu.be/t45S_MwAcOw"}},
      {"视频https://www.youtube.com/watch?v=t45S_MwAcOw&t=90s讲得好",
       {"https://www.youtube.com/watch?v=t45S_MwAcOw&t=90s"}},
      {"视频https://m.youtube.com/watch?v=t45S_MwAcOw中",
       {"https://m.youtube.com/watch?v=t45S_MwAcOw"}},
      {"嵌入https://www.youtube-nocookie.com/embed/t45S_MwAcOw后",
       {"https://www.youtube-nocookie.com/embed/t45S_MwAcOw"}},
      {"儿童版https://www.youtubekids.com/watch?v=t45S_MwAcOw里",
       {"https://www.youtubekids.com/watch?v=t45S_MwAcOw"}},
      {"大写https://YOUTU.BE/t45S_MwAcOw里", {"https://YOUTU.BE/t45S_MwAcOw"}},
      {"端口https://youtu.be:443/t45S_MwAcOw里", {"https://youtu.be:443/t45S_MwAcOw"}},
      {"播放列表https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG里",
       {"https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"}},
      {"两个https://youtu.be/t45S_MwAcOw和https://youtu.be/qV_rOlHjvvs都看",
       {"https://youtu.be/t45S_MwAcOw", "https://youtu.be/qV_rOlHjvvs"}},
      // Another host's path may go on with CJK letters, not with punctuation.
      {"https://zh.wikipedia.org/wiki/自然语言处理，可参考",
       {"https://zh.wikipedia.org/wiki/自然语言处理"}},
      {"见https://zh.wikipedia.org/wiki/深度学习。", {"https://zh.wikipedia.org/wiki/深度学习"}},
      {"见https://example.com/搜索?q=模型（旧）", {"https://example.com/搜索?q=模型"}},
      // A CJK letter after a Latin host ends the URL.
      {"见https://example.com里面", {"https://example.com"}},
      // A host that starts with a CJK letter is an internationalized domain name.
      {"域名https://例子.测试/路径?q=值，见上", {"https://例子.测试/路径?q=值"}},
      {"见https://例子.测试。", {"https://例子.测试"}},
      {"见https://中文.com了解", {"https://中文.com"}},
      // YouTube's handles, custom URLs, hashtags and searches hold names as written.
      {"频道https://www.youtube.com/@频道名 和", {"https://www.youtube.com/@频道名"}},
      {"https://www.youtube.com/@频道名，订阅", {"https://www.youtube.com/@频道名"}},
      {"https://www.youtube.com/hashtag/深度学习。", {"https://www.youtube.com/hashtag/深度学习"}},
      {"搜https://www.youtube.com/results?search_query=深度学习、",
       {"https://www.youtube.com/results?search_query=深度学习"}},
      {"https://www.youtube.com/c/名前です", {"https://www.youtube.com/c/名前です"}},
      {"https://www.youtube.com/watch?v=t45S_MwAcOw深度",
       {"https://www.youtube.com/watch?v=t45S_MwAcOw"}},
      // Upper-case schemes are found too.
      {"见HTTPS://YOUTU.BE/t45S_MwAcOw里", {"HTTPS://YOUTU.BE/t45S_MwAcOw"}},
      {"see Http://example.org.", {"Http://example.org"}},
      {"见https://youtube.com里面", {"https://youtube.com"}},
      // A host that only looks like YouTube keeps its CJK letters.
      {"见https://notyoutube.com/视频。", {"https://notyoutube.com/视频"}},
      {"见https://youtube.com.example.org/视频。", {"https://youtube.com.example.org/视频"}},
      // Japanese.
      {"動画はhttps://youtu.be/t45S_MwAcOwをご覧ください", {"https://youtu.be/t45S_MwAcOw"}},
      {"詳細はhttps://youtu.be/t45S_MwAcOwで。", {"https://youtu.be/t45S_MwAcOw"}},
      {"「https://youtu.be/t45S_MwAcOw」を参照", {"https://youtu.be/t45S_MwAcOw"}},
      {"『https://youtu.be/t45S_MwAcOw』", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://youtu.be/t45S_MwAcOwビデオ", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://youtu.be/t45S_MwAcOwｶﾀｶﾅ", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://youtu.be/t45S_MwAcOw々", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://youtu.be/t45S_MwAcOwＢＥＲＴ", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://ja.wikipedia.org/wiki/機械学習をご覧ください",
       {"https://ja.wikipedia.org/wiki/機械学習をご覧ください"}},
      {"https://ja.wikipedia.org/wiki/機械学習、または",
       {"https://ja.wikipedia.org/wiki/機械学習"}},
      // Korean.
      {"영상https://youtu.be/t45S_MwAcOw을", {"https://youtu.be/t45S_MwAcOw"}},
      {"영상 https://youtu.be/t45S_MwAcOw 을 보세요", {"https://youtu.be/t45S_MwAcOw"}},
      {"영상https://youtu.be/t45S_MwAcOw에서 확인", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://youtu.be/t45S_MwAcOw를, 보세요", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://ko.wikipedia.org/wiki/인공지능을", {"https://ko.wikipedia.org/wiki/인공지능을"}},
      {"https://ko.wikipedia.org/wiki/인공지능.", {"https://ko.wikipedia.org/wiki/인공지능"}},
      // English: trailing ASCII punctuation belongs to the sentence.
      {"see https://youtu.be/t45S_MwAcOw.", {"https://youtu.be/t45S_MwAcOw"}},
      {"see https://youtu.be/t45S_MwAcOw, then", {"https://youtu.be/t45S_MwAcOw"}},
      {"see https://youtu.be/t45S_MwAcOw: intro", {"https://youtu.be/t45S_MwAcOw"}},
      {"see https://youtu.be/t45S_MwAcOw; then", {"https://youtu.be/t45S_MwAcOw"}},
      {"see https://youtu.be/t45S_MwAcOw!", {"https://youtu.be/t45S_MwAcOw"}},
      {"is it https://youtu.be/t45S_MwAcOw?", {"https://youtu.be/t45S_MwAcOw"}},
      {"'https://youtu.be/t45S_MwAcOw'", {"https://youtu.be/t45S_MwAcOw"}},
      {"\"https://youtu.be/t45S_MwAcOw\"", {"https://youtu.be/t45S_MwAcOw"}},
      {"*https://youtu.be/t45S_MwAcOw*", {"https://youtu.be/t45S_MwAcOw"}},
      {"_https://example.com/a_", {"https://example.com/a"}},
      {"~https://example.com/a~", {"https://example.com/a"}},
      {"see https://youtu.be/t45S_MwAcOw...", {"https://youtu.be/t45S_MwAcOw"}},
      {"<https://youtu.be/t45S_MwAcOw>", {"https://youtu.be/t45S_MwAcOw"}},
      {"see `https://youtu.be/t45S_MwAcOw`", {"https://youtu.be/t45S_MwAcOw"}},
      {"https://example.com/a.b/c.html.", {"https://example.com/a.b/c.html"}},
      {"https://example.com/?q=a,b&x=1.", {"https://example.com/?q=a,b&x=1"}},
      {"https://youtu.be/t45S_MwAcOw?t=90", {"https://youtu.be/t45S_MwAcOw?t=90"}},
      {"https://youtu.be/t45S_MwAcOw?t=1m30s&si=abc.",
       {"https://youtu.be/t45S_MwAcOw?t=1m30s&si=abc"}},
      {"https://example.com/#section-2.", {"https://example.com/#section-2"}},
      // Brackets: an unbalanced closing one is the sentence's.
      {"(see https://a.org/x)", {"https://a.org/x"}},
      {"(see https://a.org/x).", {"https://a.org/x"}},
      {"https://en.wikipedia.org/wiki/Python_(programming_language)",
       {"https://en.wikipedia.org/wiki/Python_(programming_language)"}},
      {"(https://en.wikipedia.org/wiki/Python_(programming_language))",
       {"https://en.wikipedia.org/wiki/Python_(programming_language)"}},
      {"[https://a.org/x]", {"https://a.org/x"}},
      {"{https://a.org/x}", {"https://a.org/x"}},
      {"((https://a.org/x)))", {"https://a.org/x"}},
      // Non-ASCII letters of other scripts stay in a path.
      {"https://de.wikipedia.org/wiki/Straße.", {"https://de.wikipedia.org/wiki/Straße"}},
      {"https://ru.wikipedia.org/wiki/Нейросеть, see", {"https://ru.wikipedia.org/wiki/Нейросеть"}},
      // Not a URL at all.
      {"no link here", {}},
      {"https://", {}},
      {"https://。", {}},
      {"https://.", {}},
      {"ahttps://youtu.be/t45S_MwAcOw", {}},
      {"ftp://example.com/x", {}},
      {"http://x.org/y", {"http://x.org/y"}},
  };
  return table;
}

TEST(UrlEnd, UrlInTextEndsWhereTheRuleSays) {
  ASSERT_GE(cases().size(), 60u);
  for (const auto& c : cases()) {
    std::vector<std::string> found;
    for (const auto& span : find_urls(c.text))
      found.push_back(c.text.substr(span.offset, span.length));
    EXPECT_EQ(found, c.urls) << "text: " << c.text;
  }
}

TEST(UrlEnd, ManyClosingBracketsAreTrimmedAtOnceAndKeepTheBalancedOnes) {
  // A hostile bullet: the trim must not recount the URL per bracket (that
  // took 6 s for these 100,000 and grows with the square).
  const std::string url = "https://en.wikipedia.org/wiki/C_(language)";
  const std::string text = "see " + url + std::string(100'000, ')') + " now";
  auto spans = find_urls(text);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(text.substr(spans[0].offset, spans[0].length), url);
}

}  // namespace
}  // namespace handout
