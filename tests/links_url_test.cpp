// URL classification, video ids, start times, pp decoding and link labels.
#include <gtest/gtest.h>

#include "links/search_query.hpp"
#include "links/start_time.hpp"
#include "links/url.hpp"
#include "links/video_id.hpp"
#include "links/youtube_url.hpp"
#include "render/link_label.hpp"
#include "test_support.hpp"

namespace handout::links {
namespace {

constexpr const char* id = "t45S_MwAcOw";
const std::string canonical = std::string("https://www.youtube.com/watch?v=") + id;

// --- video URL forms ---------------------------------------------------------

TEST(VideoForms, EveryPathFormAndHostGivesTheVideoAndItsNormalForm) {
  const std::string forms[] = {
      "https://www.youtube.com/watch?v=" + std::string(id),
      "https://m.youtube.com/watch?v=" + std::string(id),
      "https://music.youtube.com/watch?v=" + std::string(id),
      "https://youtube.com/watch?v=" + std::string(id),
      "http://www.youtube.com/watch?v=" + std::string(id),
      "https://WWW.YouTube.com/watch?v=" + std::string(id),
      "https://www.youtube.com/watch?feature=share&v=" + std::string(id),
      "https://youtu.be/" + std::string(id),
      "https://www.youtu.be/" + std::string(id),
      "https://www.youtube.com/embed/" + std::string(id),
      "https://www.youtube-nocookie.com/embed/" + std::string(id),
      "https://youtube-nocookie.com/embed/" + std::string(id),
      "https://www.youtube.com/shorts/" + std::string(id),
      "https://www.youtube.com/shorts/" + std::string(id) + "/",
      "https://www.youtube.com/live/" + std::string(id),
      "https://www.youtube.com/v/" + std::string(id),
      "https://www.youtube.com:443/watch?v=" + std::string(id),
      "https://www.youtube.com/watch?v=" + std::string(id) + "#comments",
  };
  for (const auto& href : forms) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::video) << href;
    EXPECT_EQ(l.video_id, id) << href;
    EXPECT_TRUE(l.valid_video()) << href << ": " << l.id.message;
    EXPECT_EQ(l.normal, canonical) << href;
  }
}

TEST(VideoForms, HostAfterUserInformationIsTheRealHost) {
  youtube_link l = classify("https://www.youtube.com@example.com/watch?v=t45S_MwAcOw");
  EXPECT_EQ(l.kind, link_kind::web);
}

TEST(VideoForms, LookalikeHostsAreNotYouTube) {
  EXPECT_EQ(classify("https://youtube.com.example.org/watch?v=t45S_MwAcOw").kind, link_kind::web);
  EXPECT_EQ(classify("https://notyoutube.com/watch?v=t45S_MwAcOw").kind, link_kind::web);
  EXPECT_EQ(classify("https://youtu.be.example.org/t45S_MwAcOw").kind, link_kind::web);
}

TEST(VideoForms, WatchPageWithoutVideoIdIsABrokenVideoLink) {
  youtube_link l = classify("https://www.youtube.com/watch?feature=share");
  EXPECT_EQ(l.kind, link_kind::video);
  EXPECT_EQ(l.id.problem, id_problem::missing);
  EXPECT_TRUE(l.normal.empty());
  EXPECT_EQ(classify("https://youtu.be/").id.problem, id_problem::missing);
  EXPECT_EQ(classify("https://www.youtube.com/shorts/").id.problem, id_problem::missing);
}

// --- playlists and other pages ---------------------------------------------

TEST(Playlists, PlaylistPageAndListWithoutVideoArePlaylists) {
  youtube_link p =
      classify("https://www.youtube.com/playlist?list=PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf");
  EXPECT_EQ(p.kind, link_kind::playlist);
  EXPECT_EQ(p.playlist_id, "PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf");
  EXPECT_EQ(p.normal, "https://www.youtube.com/playlist?list=PLrAXtmErZgOeiKm4sgNOknGvNjby9efdf");
  EXPECT_EQ(classify("https://www.youtube.com/watch?list=PL123").kind, link_kind::playlist);
  EXPECT_EQ(classify("https://www.youtube.com/embed/videoseries?list=PL123").kind,
            link_kind::playlist);
}

TEST(Playlists, VideoInAPlaylistKeepsListAndIndex) {
  youtube_link l = classify("https://www.youtube.com/watch?v=t45S_MwAcOw&list=PL123&index=4");
  EXPECT_EQ(l.kind, link_kind::video);
  EXPECT_EQ(l.playlist_id, "PL123");
  ASSERT_TRUE(l.index.has_value());
  EXPECT_EQ(*l.index, 4);
  EXPECT_EQ(l.normal, canonical);
  EXPECT_FALSE(classify("https://www.youtube.com/watch?v=t45S_MwAcOw&index=x").index);
}

TEST(OtherPages, ChannelsAndSearchesAreYouTubePages) {
  for (const char* href :
       {"https://www.youtube.com/@DeepMind", "https://www.youtube.com/channel/UC123",
        "https://www.youtube.com/results?search_query=bert", "https://www.youtube.com/",
        "https://youtube.com"}) {
    EXPECT_EQ(classify(href).kind, link_kind::youtube_page) << href;
  }
}

TEST(OtherPages, OtherHttpLinksAreWebLinksWithANormalForm) {
  youtube_link l = classify("HTTPS://Example.ORG:443?utm_source=x&q=1#top");
  EXPECT_EQ(l.kind, link_kind::web);
  EXPECT_EQ(l.normal, "https://example.org/?q=1#top");
  EXPECT_EQ(classify("http://example.org:8080/a").normal, "http://example.org:8080/a");
}

// --- unusable links -----------------------------------------------------------

TEST(NotALink, SchemesOtherThanHttpAreNotUsable) {
  for (const char* href :
       {"javascript:alert(1)", "file:///home/me/talk.mp4", "data:text/html,<p>hi</p>",
        "mailto:someone@example.org", "ftp://example.org/x"}) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::unusable) << href;
    EXPECT_FALSE(l.problem.empty()) << href;
  }
  EXPECT_NE(classify("javascript:alert(1)").problem.find("javascript:"), std::string::npos);
}

TEST(NotALink, MissingSchemeIsNotUsable) {
  for (const char* href : {"www.youtube.com/watch?v=t45S_MwAcOw", "youtu.be/t45S_MwAcOw",
                           "www.youtube.com:443/watch?v=t45S_MwAcOw", "//youtu.be/t45S_MwAcOw"}) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::unusable) << href;
    EXPECT_NE(l.problem.find("no scheme"), std::string::npos) << href << ": " << l.problem;
  }
}

TEST(NotALink, SpacesAndCharactersThatNeedEscapingAreNotUsable) {
  struct example {
    const char* href;
    const char* says;
  };
  for (auto [href, says] :
       {example{"https://youtu.be/t45S MwAcOw", "a space at character 22"},
        example{"https://example.org/a\"b", "'\"'"}, example{"https://example.org/{x}", "'{'"},
        example{"https://example.org/a|b", "'|'"}, example{"https://example.org/a[1]", "'['"},
        example{"https://example.org/100%", "'%'"}, example{"https://example.org/%zz", "'%'"},
        example{"https://example.org/a#b#c", "second '#'"},
        example{"https://example.org/a\tb", "U+0009"}, example{"https:///path", "no host"},
        example{"https:example.org", "no host"}}) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::unusable) << href;
    EXPECT_NE(l.problem.find(says), std::string::npos) << href << ": " << l.problem;
  }
  EXPECT_EQ(classify("https://[::1]:8080/a").kind, link_kind::web);
  EXPECT_EQ(classify("https://example.org/a%20b").kind, link_kind::web);
}

// --- IRIs (RFC 3987) -----------------------------------------------------------

TEST(Iris, NonAsciiLettersAreUsableLinksWithAPercentEncodedNormalForm) {
  struct example {
    const char* href;
    link_kind kind;
    const char* normal;
  };
  for (auto [href, kind, normal] : {
           example{"https://zh.wikipedia.org/wiki/机器学习", link_kind::web,
                   "https://zh.wikipedia.org/wiki/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0"},
           example{"https://www.youtube.com/@频道名", link_kind::youtube_page,
                   "https://www.youtube.com/@%E9%A2%91%E9%81%93%E5%90%8D"},
           example{
               "https://www.youtube.com/results?search_query=深度学习", link_kind::youtube_page,
               "https://www.youtube.com/results?search_query=%E6%B7%B1%E5%BA%A6%E5%AD%A6%E4%B9%A0"},
           example{"https://ja.wikipedia.org/wiki/機械学習#歴史", link_kind::web,
                   "https://ja.wikipedia.org/wiki/"
                   "%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92#%E6%AD%B4%E5%8F%B2"},
           example{"https://ko.wikipedia.org/wiki/기계_학습", link_kind::web,
                   "https://ko.wikipedia.org/wiki/%EA%B8%B0%EA%B3%84_%ED%95%99%EC%8A%B5"},
           example{"https://de.wikipedia.org/wiki/Straße", link_kind::web,
                   "https://de.wikipedia.org/wiki/Stra%C3%9Fe"},
           example{"https://例子.测试/路径?q=值", link_kind::web,
                   "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84?q=%E5%80%BC"},
           example{"https://Bücher.de", link_kind::web, "https://xn--bcher-kva.de/"},
           example{"https://example.org/?q=\uE000", link_kind::web,
                   "https://example.org/?q=%EE%80%80"},
       }) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, kind) << href << ": " << l.problem;
    EXPECT_EQ(l.normal, normal) << href;
  }
}

TEST(Iris, FullWidthYouTubeHostIsYouTubeAfterIdnaMapping) {
  youtube_link l = classify("https://ｙｏｕｔｕｂｅ.com/watch?v=t45S_MwAcOw");
  EXPECT_EQ(l.kind, link_kind::video);
  EXPECT_EQ(l.normal, "https://www.youtube.com/watch?v=t45S_MwAcOw");
}

TEST(Iris, SpacesControlsBidiControlsAndNoncharactersStayErrors) {
  struct example {
    const char* href;
    const char* says;
  };
  for (auto [href, says] : {
           example{"https://example.org/a\u3000b", "the space character U+3000 at character 22"},
           example{"https://example.org/a\u00A0b", "the space character U+00A0"},
           example{"https://example.org/a\u0085b", "the control character U+0085"},
           example{"https://example.org/a\u200Bb", "the invisible character U+200B"},
           example{"https://example.org/a\uFEFFb", "the invisible character U+FEFF"},
           example{"https://example.org/a\u202Eb", "the bidi control U+202E"},
           example{"https://example.org/a\u200Fb", "the bidi control U+200F"},
           example{"https://example.org/a\u2066b", "the bidi control U+2066"},
           example{"https://exa\u202Emple.org/", "the bidi control U+202E"},
           example{"https://example.org/a\uFFFE", "the noncharacter U+FFFE"},
           example{"https://example.org/a\uFDD0", "the noncharacter U+FDD0"},
           example{"https://example.org/\uE000", "the private-use character U+E000"},
           example{"https://example.org/?q=1#\uE000", "the private-use character U+E000"},
       }) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::unusable) << href;
    EXPECT_NE(l.problem.find(says), std::string::npos) << href << ": " << l.problem;
  }
}

TEST(Iris, HostsThatIdnaRefusesAreErrorsThatSayWhy) {
  for (const char* href : {"https://-例子.com/", "https://⒈.com/", "https://例子-.测试/"}) {
    youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::unusable) << href;
    EXPECT_NE(l.problem.find("not a valid internationalized domain name"), std::string::npos)
        << href << ": " << l.problem;
  }
}

TEST(Iris, ToUriEncodesWhatAUriCannotHoldAndConvertsTheHost) {
  EXPECT_EQ(to_uri("https://www.youtube.com/watch?v=t45S_MwAcOw"),
            "https://www.youtube.com/watch?v=t45S_MwAcOw");
  EXPECT_EQ(to_uri("https://例.com/a b?q=%3D"), "https://xn--fsq.com/a%20b?q=%3D");
  EXPECT_EQ(to_uri("https://user@例子.测试:8080/路"),
            "https://user@xn--fsqu00a.xn--0zwm56d:8080/%E8%B7%AF");
  // A host IDNA refuses stays as written, percent-encoded, so that the link still opens something.
  EXPECT_EQ(to_uri("https://-例.com/"), "https://-%E4%BE%8B.com/");
  EXPECT_EQ(to_uri("https://example.org/\"<x>\""), "https://example.org/%22%3Cx%3E%22");
}

TEST(Iris, UriToIriDecodesOnlyWhatAReaderCanSeeSafely) {
  EXPECT_EQ(uri_to_iri("/wiki/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0"), "/wiki/机器学习");
  EXPECT_EQ(uri_to_iri("/a%20b%2Fc"), "/a%20b%2Fc");      // ASCII escapes mean something
  EXPECT_EQ(uri_to_iri("/x%E2%80%AEy"), "/x%E2%80%AEy");  // a bidi control stays encoded
  EXPECT_EQ(uri_to_iri("/x%E6%9C"), "/x%E6%9C");          // not UTF-8
  EXPECT_EQ(uri_to_iri("/%e6%9c%ba%"), "/机%");
  EXPECT_EQ(link_label("https://zh.wikipedia.org/wiki/%E6%9C%BA%E5%99%A8"),
            "zh.wikipedia.org/wiki/机器");
}

TEST(NotALink, UnusableVideoLinkStillKnowsItsVideoForLabels) {
  youtube_link l = classify("https://www.youtube.com/watch?v=t45S_MwAcOw&x=a b");
  EXPECT_EQ(l.kind, link_kind::unusable);
  EXPECT_TRUE(l.video_form);
  EXPECT_EQ(l.video_id, id);
}

// --- video ids ---------------------------------------------------------------

TEST(VideoId, ValidIdsPass) {
  for (const char* v :
       {"t45S_MwAcOw", "hA_-MkU0Nfw", "Unf-7sDUdZ0", "zCwEqdWzZn8", "ORMx45xqWkA", "-_-_-_-_-_4"}) {
    EXPECT_EQ(check_video_id(v).problem, id_problem::none) << v;
  }
}

TEST(VideoId, EveryAllowedLastCharacterPassesAndEveryOtherFails) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const std::string allowed = "AEIMQUYcgkosw048";
  for (char c : alphabet) {
    std::string v = "t45S_MwAcO" + std::string(1, c);
    bool ok = allowed.find(c) != std::string::npos;
    EXPECT_EQ(check_video_id(v).problem, ok ? id_problem::none : id_problem::bad_last_character)
        << v;
  }
}

TEST(VideoId, BadLastCharacterIsExplained) {
  id_check c = check_video_id("t45S_MwAcOx");
  EXPECT_EQ(c.problem, id_problem::bad_last_character);
  EXPECT_NE(c.message.find("cannot end in 'x'"), std::string::npos) << c.message;
  EXPECT_NE(c.message.find("AEIMQUYcgkosw048"), std::string::npos) << c.message;
}

TEST(VideoId, TenAndTwelveCharactersAreTheWrongLength) {
  id_check ten = check_video_id("t45S_MwAcO");
  EXPECT_EQ(ten.problem, id_problem::wrong_length);
  EXPECT_NE(ten.message.find("has 10 characters"), std::string::npos) << ten.message;
  id_check twelve = check_video_id("t45S_MwAcOww");
  EXPECT_EQ(twelve.problem, id_problem::wrong_length);
  EXPECT_NE(twelve.message.find("has 12 characters"), std::string::npos) << twelve.message;
}

TEST(VideoId, IllegalCharactersAreNamed) {
  for (auto [v, bad] : {std::pair{"t45S_MwAc!w", "'!'"}, std::pair{"t45S.MwAcOw", "'.'"},
                        std::pair{"t45S_MwAcOw&t=1", "'&'"}, std::pair{"t45S_MwAcO字", "'字'"},
                        std::pair{"t45S MwAcOw", "' '"}}) {
    id_check c = check_video_id(v);
    EXPECT_EQ(c.problem, id_problem::bad_character) << v;
    EXPECT_NE(c.message.find(bad), std::string::npos) << c.message;
  }
}

TEST(VideoId, BrokenIdsInLinksAreInvalidVideos) {
  EXPECT_EQ(classify("https://youtu.be/t45S_MwAcOx").id.problem, id_problem::bad_last_character);
  EXPECT_EQ(classify("https://www.youtube.com/watch?v=t45S_MwAc").id.problem,
            id_problem::wrong_length);
  EXPECT_EQ(classify("https://youtu.be/t45S_MwAcOw&t=10").id.problem, id_problem::bad_character);
  EXPECT_FALSE(classify("https://youtu.be/t45S_MwAcOx").valid_video());
}

// --- start times -------------------------------------------------------------

TEST(StartTime, EveryFormIsRead) {
  struct example {
    const char* written;
    long seconds;
  };
  for (auto [written, seconds] :
       {example{"527s", 527}, example{"1m30s", 90}, example{"1h2m3s", 3723}, example{"1:30", 90},
        example{"1:02:03", 3723}, example{"90", 90}, example{"2m", 120}, example{"1h", 3600},
        example{"1m30", 90}, example{"0", 0}, example{"0:05", 5}}) {
    auto t = parse_start_time(written);
    ASSERT_TRUE(t.has_value()) << written;
    EXPECT_EQ(*t, seconds) << written;
  }
}

TEST(StartTime, NonsenseIsRejected) {
  for (const char* written : {"", "abc", "1:75", "1::2", ":30", "1:2:3:4", "30s1m", "1m1m", "-5",
                              "1.5", "99999999999", "1000h", "5x", "1:", "1s2"}) {
    EXPECT_FALSE(parse_start_time(written).has_value()) << written;
  }
}

TEST(StartTime, ShownAsMinutesAndSeconds) {
  EXPECT_EQ(format_duration(527), "8:47");
  EXPECT_EQ(format_duration(5), "0:05");
  EXPECT_EQ(format_duration(3723), "1:02:03");
}

TEST(StartTime, TakenFromTStartAndTheFragment) {
  EXPECT_EQ(classify("https://www.youtube.com/watch?v=t45S_MwAcOw&t=527s").start, 527);
  EXPECT_EQ(classify("https://youtu.be/t45S_MwAcOw?t=90").start, 90);
  EXPECT_EQ(classify("https://www.youtube.com/embed/t45S_MwAcOw?start=90").start, 90);
  EXPECT_EQ(classify("https://www.youtube.com/watch?v=t45S_MwAcOw#t=1m30s").start, 90);
  EXPECT_EQ(classify("https://www.youtube.com/watch?v=t45S_MwAcOw&t=1:30").start, 90);
  youtube_link bad = classify("https://www.youtube.com/watch?v=t45S_MwAcOw&t=soon");
  EXPECT_TRUE(bad.start_unreadable());
  EXPECT_EQ(bad.start_written, "soon");
}

TEST(StartTime, NormalFormKeepsTheStartInSeconds) {
  EXPECT_EQ(classify("https://youtu.be/t45S_MwAcOw?t=1m30s&si=abc").normal, canonical + "&t=90s");
  EXPECT_EQ(classify("https://youtu.be/t45S_MwAcOw?t=0").normal, canonical);
}

// --- pp: the search query ------------------------------------------------------

TEST(SearchQuery, SampleValuesDecode) {
  struct example {
    const char* pp;
    const char* query;
  };
  for (auto [pp, query] :
       {example{"ygULZ29vZ2xlIEJFUlQ%3D", "google BERT"},
        example{"ygUSZ29vZ2xlIFRyYW5zZm9ybWVy", "google Transformer"},
        example{"ygUTTWFzayBTY29yaW5nIFItQ05OIA%3D%3D", "Mask Scoring R-CNN "},
        example{"ygUYd2F5bW8gYXV0b25vbW91cyBkcml2aW5n", "waymo autonomous driving"},
        example{"ygULZ29vZ2xlIEJFUlQ=", "google BERT"},    // padding not URL-encoded
        example{"ygULZ29vZ2xlIEJFUlQ", "google BERT"}}) {  // no padding
    pp_result r = decode_pp(pp);
    EXPECT_EQ(r.status, pp_status::ok) << pp << ": " << r.error;
    EXPECT_EQ(r.query, query) << pp;
  }
}

TEST(SearchQuery, OtherFieldsAreSkippedAndTheLastField89Wins) {
  // 08 96 01 (field 1 varint 150), 15 01020304 (field 2 fixed32), 19 8 bytes
  // (field 3 fixed64), 22 02 "hi" (field 4 string), then field 89 twice.
  std::string msg = "\x08\x96\x01\x15\x01\x02\x03\x04\x19" + std::string(8, '\x07') +
                    "\x22\x02hi\xca\x05\x01x\xca\x05\x03" + "\xe4\xb8\xad";
  std::string b64 = test::base64url(msg, false);
  pp_result r = decode_pp(b64);
  EXPECT_EQ(r.status, pp_status::ok) << r.error;
  EXPECT_EQ(r.query, "中");
}

TEST(SearchQuery, BrokenValuesAreReportedNeverThrown) {
  struct example {
    const char* pp;
    pp_status status;
    const char* says;
  };
  for (auto [pp, status, says] : {
           example{"ygULZ29v%ZZ", pp_status::bad_percent_encoding, "'%'"},
           example{"ygULZ29vZ2xlIEJFUlQ%3", pp_status::bad_percent_encoding, "'%'"},
           example{"ygU*Z29vZ2xl", pp_status::bad_base64, "'*' at character 4"},
           example{"ygULZ", pp_status::bad_base64, "length of 5"},
           example{"ygULZ2===", pp_status::bad_base64, "padding"},
           example{"", pp_status::bad_base64, "empty"},
           example{"ygULZ29vZ2xl", pp_status::bad_protobuf, "runs past the end"},  // cut short
           example{"yg", pp_status::bad_protobuf, "truncated"},                    // key cut short
           example{"_w", pp_status::bad_protobuf, "truncated field key"},          // 0xFF
           example{"Dw", pp_status::bad_protobuf, "wire type 7"},                  // 0x0F
           example{"Cw", pp_status::bad_protobuf, "wire type 3"},                  // a group
           example{"AAAA", pp_status::bad_protobuf, "field number 0"},
           example{"CP____________8B", pp_status::bad_protobuf, "truncated varint"},
           example{"ygUC_-8", pp_status::bad_utf8, "not UTF-8"},
       }) {
    pp_result r;
    ASSERT_NO_THROW(r = decode_pp(pp)) << pp;
    EXPECT_EQ(r.status, status) << pp << ": " << r.error;
    EXPECT_NE(r.error.find(says), std::string::npos) << pp << ": " << r.error;
  }
}

TEST(SearchQuery, MessageWithoutField89HasNoQuery) {
  pp_result r = decode_pp("CAE");  // field 1 = 1
  EXPECT_EQ(r.status, pp_status::no_query);
  EXPECT_TRUE(r.error.empty());
}

TEST(SearchQuery, AllByteValuesNeverCrash) {
  // Every two-byte message: the walk must end in a status, never read past
  // the end.
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; b += 7) {
      std::string bytes = {static_cast<char>(a), static_cast<char>(b)};
      static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      unsigned n = (static_cast<unsigned>(a) << 16) | (static_cast<unsigned>(b) << 8);
      std::string b64 = {table[(n >> 18) & 63], table[(n >> 12) & 63], table[(n >> 6) & 63]};
      pp_result r = decode_pp(b64);
      EXPECT_NE(r.status, pp_status::bad_base64) << b64;
    }
  }
}

// --- tracking parameters -------------------------------------------------------

TEST(Tracking, PpSiAndFeatureAreListedAndRemovable) {
  youtube_link l = classify(
      "https://www.youtube.com/watch?v=t45S_MwAcOw&pp=ygULZ29vZ2xlIEJFUlQ%3D&t=10&si=Ab1&feature="
      "shared#x");
  EXPECT_EQ(l.tracking, (std::vector<std::string>{"pp", "si", "feature"}));
  EXPECT_EQ(l.without_tracking, "https://www.youtube.com/watch?v=t45S_MwAcOw&t=10#x");
  EXPECT_TRUE(l.has_pp);
  EXPECT_EQ(l.pp.query, "google BERT");
  youtube_link short_link = classify("https://youtu.be/t45S_MwAcOw?si=Ab1");
  EXPECT_EQ(short_link.without_tracking, "https://youtu.be/t45S_MwAcOw");
}

TEST(Tracking, UtmAndClickIdsOnAnyWebLink) {
  youtube_link l = classify("https://example.org/a?utm_source=x&id=3&fbclid=1&gclid=2&si=kept");
  EXPECT_EQ(l.tracking, (std::vector<std::string>{"utm_source", "fbclid", "gclid"}));
  EXPECT_EQ(l.without_tracking, "https://example.org/a?id=3&si=kept");
  EXPECT_TRUE(classify("https://www.youtube.com/watch?v=t45S_MwAcOw").tracking.empty());
}

// --- query helpers ---------------------------------------------------------------

TEST(Query, ParametersAreSplitInOrder) {
  auto params = parse_query("a=1&&b&c=&d=x=y");
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(params[1].key, "b");
  EXPECT_FALSE(params[1].has_value);
  EXPECT_TRUE(params[2].has_value);
  EXPECT_EQ(params[3].value, "x=y");
  EXPECT_EQ(find_param(params, "d"), "x=y");
  EXPECT_FALSE(find_param(params, "z"));
  EXPECT_EQ(percent_decode("a%3Db%e4%B8%ad"), "a=b\xe4\xb8\xad");
  EXPECT_FALSE(percent_decode("%g0"));
}

// --- link labels (the PDF and DOCX use them) ---------------------------------------

TEST(LinkLabel, VideosAreShortLinksWithTheirStartTime) {
  EXPECT_EQ(
      link_label("https://www.youtube.com/watch?v=qoSKbMbf1Pw&t=527s&pp=ygUMRWZmaWNpZW50TmV0"),
      "youtu.be/qoSKbMbf1Pw ▶ 8:47");
  EXPECT_EQ(link_label("https://www.youtube.com/watch?v=t45S_MwAcOw&pp=x"), "youtu.be/t45S_MwAcOw");
  EXPECT_EQ(link_label("https://youtu.be/t45S_MwAcOw?t=1h2m3s"), "youtu.be/t45S_MwAcOw ▶ 1:02:03");
  EXPECT_EQ(link_label("https://www.youtube.com/embed/t45S_MwAcOw?start=90"),
            "youtu.be/t45S_MwAcOw ▶ 1:30");
  EXPECT_EQ(link_label("https://m.youtube.com/watch?v=t45S_MwAcOw#t=0"), "youtu.be/t45S_MwAcOw");
}

TEST(LinkLabel, OtherLinksAreHostAndPath) {
  EXPECT_EQ(link_label("https://www.example.org/a/b?q=1"), "example.org/a/b");
  EXPECT_EQ(link_label("https://example.org/"), "example.org");
  EXPECT_EQ(link_label("https://www.youtube.com/watch?v=short"), "youtube.com/watch");
  EXPECT_EQ(link_label("www.example.org/x"), "www.example.org/x");
  EXPECT_EQ(link_label("javascript:alert(1)"), "javascript:alert(1)");
  std::string long_path = "https://example.org/" + std::string(100, 'a');
  std::string label = link_label(long_path);
  EXPECT_TRUE(label.ends_with("…"));
  EXPECT_EQ(label.size(), 60 + std::string("…").size());
}

TEST(LinkLabel, LegacyHelpersKeepTheirInterface) {
  EXPECT_EQ(parse_start_time(std::string("1m30s")), 90);
  EXPECT_EQ(handout::parse_start_time(std::string("abc")), -1);
  EXPECT_EQ(handout::format_duration(527), "8:47");
}

TEST(LinkCaption, ShowsTheTitleTheOnlineCheckFound) {
  report r;
  const std::string href = "https://www.youtube.com/watch?v=t45S_MwAcOw&t=527s";
  EXPECT_EQ(handout::link_caption(r, href), "youtu.be/t45S_MwAcOw ▶ 8:47");
  r.link_checks[href].title = "BERT explained";
  EXPECT_EQ(handout::link_caption(r, href), "youtu.be/t45S_MwAcOw ▶ 8:47 — BERT explained");
  r.link_checks[href].title = std::string(30, 'x') + "一二三四五六七八九十十一";
  EXPECT_EQ(handout::link_caption(r, href),
            "youtu.be/t45S_MwAcOw ▶ 8:47 — " + std::string(30, 'x') + "一二三四五六七八九十…");
}

}  // namespace
}  // namespace handout::links
