// The public forms of YouTube links (docs/LINKS.md, "Classification"): one
// table, link as written → the kind, video id and playlist it must give.
// The forms and ids are those yt-dlp's YouTube extractors accept and test
// (their _VALID_URL patterns and test URLs), plus the forms found in decks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "links/youtube_url.hpp"
#include "parse/url_end.hpp"
#include "youtube_hosts.hpp"

namespace handout::links {
namespace {

struct form {
  std::string href;
  link_kind kind;
  std::string video_id;  // for a video: the id it plays (always a valid one here)
  std::string playlist;  // list=, when there is one
};

const std::vector<form>& forms() {
  using enum link_kind;
  static const std::vector<form> table{
      // The watch page on every host and in every spelling.
      {"https://www.youtube.com/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"http://www.youtube.com/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://youtube.com/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://WWW.YouTube.com/watch?v=yZIXLfi8CZQ", video, "yZIXLfi8CZQ", ""},
      {"https://m.youtube.com/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://music.youtube.com/watch?v=DbCvuSGfR3Y", video, "DbCvuSGfR3Y", ""},
      {"https://gaming.youtube.com/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com:443/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com./watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch/?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch?feature=share&v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch?v=YE7VzlLtp-4&t=1s&end=9", video, "YE7VzlLtp-4", ""},
      {"https://www.youtube.com/watch?v=YE7VzlLtp-4&v=BaW_jenozKc", video, "YE7VzlLtp-4", ""},
      {"https://www.youtubekids.com/watch?v=3b8nCWDgZ6Q", video, "3b8nCWDgZ6Q", ""},
      {"https://www.youtube.com/watch_popup?v=63RmMXCd_bQ", video, "63RmMXCd_bQ", ""},
      // Old names of the watch page, `;` between parameters, and `&amp;` pasted from HTML.
      {"http://www.youtube.com/watch.php?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/movie?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch_popup.php?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch?feature=share;v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch?feature=player_embedded&amp;v=V36LpHqtcDY", video,
       "V36LpHqtcDY", ""},
      // Upper-case schemes and hosts.
      {"HTTPS://WWW.YOUTUBE.COM/watch?v=O0EDx9WAelc", video, "O0EDx9WAelc", ""},
      {"HTTP://YouTu.be/OGS7c0-CmRs", video, "OGS7c0-CmRs", ""},
      // The video in a fragment, as the old player's links wrote it.
      {"https://www.youtube.com/watch#!v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/#!v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/watch#v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      // Attribution links carry the watch page in u=, encoded or not.
      {"http://www.youtube.com/"
       "attribution_link?a=JdfC0C9V6ZI&u=%2Fwatch%3Fv%3DEhxJLojIE_o%26feature%3Dshare",
       video, "EhxJLojIE_o", ""},
      {"https://www.youtube.com/attribution_link?a=8g8kPrPIi-ecwIsS&u=/"
       "watch%3Fv%3DyZv2daTWRZU%26feature%3Dem-uploademail",
       video, "yZv2daTWRZU", ""},
      {"https://www.youtube.com/attribution_link?a=x&u=/watch?v=BaW_jenozKc&feature=share", video,
       "BaW_jenozKc", ""},
      {"https://www.youtube.com/attribution_link?a=JdfC0C9V6ZI", youtube_page, "", ""},
      // The home page plays v= too, also behind the old in-page navigation.
      {"https://www.youtube.com/?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/#/watch?v=BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/#/watch?v=BaW_jenozKc&t=90", video, "BaW_jenozKc", ""},
      // A video in a playlist keeps both.
      {"https://www.youtube.com/watch?v=FqZTN594JQw&list=PLMYEtVRpaqY00V9W81Cwmzp6N6vZqfUKD4",
       video, "FqZTN594JQw", "PLMYEtVRpaqY00V9W81Cwmzp6N6vZqfUKD4"},
      {"https://www.youtubekids.com/watch?v=Agk7R8I8o5U&list=PUZ6jURNr1WQZCNHF0ao-c0g", video,
       "Agk7R8I8o5U", "PUZ6jURNr1WQZCNHF0ao-c0g"},
      {"https://www.youtube.com/watch?list=PLW4dVinRY435CBE_JD3t-0SRXKfnZHS1P&feature=youtu.be&v="
       "M9cJMXmQ_ZU",
       video, "M9cJMXmQ_ZU", "PLW4dVinRY435CBE_JD3t-0SRXKfnZHS1P"},
      // Short links.
      {"https://youtu.be/BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"http://youtu.be/BaW_jenozKc?t=30", video, "BaW_jenozKc", ""},
      {"https://youtu.be/BaW_jenozKc?si=Ck4Rd7sQvZx0", video, "BaW_jenozKc", ""},
      {"https://www.youtu.be/BaW_jenozKc", video, "BaW_jenozKc", ""},
      // Players and path forms.
      {"https://www.youtube.com/embed/CsmdDsKjzN8", video, "CsmdDsKjzN8", ""},
      {"https://www.youtube.com/embed/CsmdDsKjzN8?start=30", video, "CsmdDsKjzN8", ""},
      {"https://www.youtube-nocookie.com/embed/CsmdDsKjzN8", video, "CsmdDsKjzN8", ""},
      {"https://youtube-nocookie.com/embed/CsmdDsKjzN8", video, "CsmdDsKjzN8", ""},
      {"https://www.youtube.com/e/BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/v/BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/v/BaW_jenozKc?version=3", video, "BaW_jenozKc", ""},
      {"https://youtube.googleapis.com/v/BaW_jenozKc", video, "BaW_jenozKc", ""},
      {"https://www.youtube.com/shorts/BGQWPY4IigY", video, "BGQWPY4IigY", ""},
      {"https://youtube.com/shorts/BGQWPY4IigY?feature=share", video, "BGQWPY4IigY", ""},
      {"https://www.youtube.com/shorts/BGQWPY4IigY/", video, "BGQWPY4IigY", ""},
      {"https://www.youtube.com/live/qVv6vCqciTM", video, "qVv6vCqciTM", ""},
      {"https://www.youtube.com/live/qVv6vCqciTM?feature=share", video, "qVv6vCqciTM", ""},
      // Playlists.
      {"https://www.youtube.com/playlist?list=PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC", playlist, "",
       "PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC"},
      {"https://music.youtube.com/playlist?list=PLRBp0Fe2GpgmgoscNFLxNyBVSFVdYmFkq", playlist, "",
       "PLRBp0Fe2GpgmgoscNFLxNyBVSFVdYmFkq"},
      {"https://www.youtube.com/watch?list=PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC", playlist, "",
       "PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC"},
      {"https://www.youtube.com/embed/videoseries?list=PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC",
       playlist, "", "PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC"},
      {"https://www.youtube.com/v/videoseries?list=PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC", playlist,
       "", "PLwP_SiAcdui0KVebT0mU9Apz359a4ubsC"},
      // Channels, searches, feeds: pages, not videos.
      {"https://www.youtube.com/embed/live_stream?channel=UCoMdktPbSTixAyNGwb-UYkQ", youtube_page,
       "", ""},
      {"https://www.youtube.com/channel/UCTwECeGqMZee77BjdoYtI2Q", youtube_page, "", ""},
      {"https://www.youtube.com/channel/UCoMdktPbSTixAyNGwb-UYkQ/live", youtube_page, "", ""},
      {"https://www.youtube.com/@3blue1brown", youtube_page, "", ""},
      {"https://www.youtube.com/@NotJustBikes/shorts", youtube_page, "", ""},
      {"https://www.youtube.com/c/3blue1brown", youtube_page, "", ""},
      {"https://www.youtube.com/user/numberphile/live", youtube_page, "", ""},
      {"https://www.youtubekids.com/channel/UCmlqkdCBesrv2Lak1mF_MxA", youtube_page, "", ""},
      {"https://music.youtube.com/browse/UC1a8OFewdjuLq6KlF8M_8Ng", youtube_page, "", ""},
      {"http://www.youtube.com/results?search_query=making+mustard", youtube_page, "", ""},
      {"https://www.youtube.com/feed/trending", youtube_page, "", ""},
      {"https://www.youtube.com/hashtag/cctv9", youtube_page, "", ""},
      {"https://www.youtube.com/", youtube_page, "", ""},
      {"https://www.youtube.com/#/", youtube_page, "", ""},
      // Not YouTube's: mirrors, look-alikes, other hosts.
      {"https://invidio.us/watch?v=BaW_jenozKc", web, "", ""},
      {"http://www.cleanvideosearch.com/media/action/yt/watch?videoId=8v_4O44sfjM", web, "", ""},
      {"https://youtube.com.example.org/watch?v=BaW_jenozKc", web, "", ""},
      {"https://www.youtube.com@example.org/watch?v=BaW_jenozKc", web, "", ""},
      {"https://www.googleapis.com/v/BaW_jenozKc", web, "", ""},
      {"https://notyoutube.com/watch?v=BaW_jenozKc", web, "", ""},
      // No scheme: not a link, however YouTube-like.
      {"//www.youtube.com/watch?v=yZIXLfi8CZQ", unusable, "", ""},
  };
  return table;
}

TEST(YoutubeUrl, PublicFormsGiveTheirVideoId) {
  for (const form& f : forms()) {
    const youtube_link l = classify(f.href);
    EXPECT_EQ(kind_name(l.kind), kind_name(f.kind)) << f.href;
    EXPECT_EQ(l.video_id, f.video_id) << f.href;
    EXPECT_EQ(l.playlist_id, f.playlist) << f.href;
    if (f.kind == link_kind::video) {
      EXPECT_TRUE(l.valid_video()) << f.href << ": " << l.id.message;
      EXPECT_TRUE(l.normal.starts_with("https://www.youtube.com/watch?v=" + f.video_id)) << f.href;
    }
  }
  EXPECT_GE(forms().size(), 60u);
}

TEST(YoutubeUrl, StartTimeIsReadFromAnInPageNavigationLink) {
  EXPECT_EQ(classify("https://www.youtube.com/#/watch?v=BaW_jenozKc&t=90").normal,
            "https://www.youtube.com/watch?v=BaW_jenozKc&t=90s");
}

TEST(YoutubeUrl, TrackingParametersOfAnInPageNavigationLinkAreListedAndRemovable) {
  const youtube_link l =
      classify("https://www.youtube.com/?hl=en#/watch?v=BaW_jenozKc&pp=ygULZ29vZ2xlIEJFUlQ%3D&t=9");
  EXPECT_EQ(l.tracking, std::vector<std::string>{"pp"});
  EXPECT_EQ(l.pp.query, "google BERT");
  EXPECT_EQ(l.without_tracking, "https://www.youtube.com/?hl=en#/watch?v=BaW_jenozKc&t=9");
  EXPECT_EQ(classify("https://www.youtube.com/#/watch?si=x").without_tracking,
            "https://www.youtube.com/#/watch");
  // Elsewhere a fragment is a fragment.
  EXPECT_EQ(classify("https://example.org/#/watch?v=BaW_jenozKc&pp=x").tracking.size(), 0u);
}

TEST(YoutubeUrl, PlayersOfAChannelOrPlaylistAreNoBrokenVideo) {
  for (const char* href :
       {"https://www.youtube.com/embed/live_stream?channel=UC123",
        "https://www.youtube.com/embed/live_stream", "https://www.youtube.com/embed/videoseries"}) {
    const youtube_link l = classify(href);
    EXPECT_EQ(l.kind, link_kind::youtube_page) << href;
    EXPECT_FALSE(l.video_form) << href;
    EXPECT_EQ(l.id.problem, id_problem::none) << href;
  }
}

// The text reader ends a URL at a CJK letter on exactly the hosts the audit
// takes for YouTube's (both ask youtube_hosts.hpp).
TEST(YoutubeUrl, TextReaderAndAuditAgreeOnYouTubeHosts) {
  for (const char* host : {"youtube.com",
                           "www.youtube.com",
                           "m.youtube.com",
                           "music.youtube.com",
                           "gaming.youtube.com",
                           "youtube.com.",
                           "youtu.be",
                           "www.youtu.be",
                           "youtube-nocookie.com",
                           "www.youtube-nocookie.com",
                           "youtubekids.com",
                           "www.youtubekids.com",
                           "youtube.googleapis.com",
                           "googleapis.com",
                           "www.googleapis.com",
                           "example.org",
                           "notyoutube.com",
                           "youtube.com.example.org",
                           "youtu.be.example.org",
                           "invidio.us"}) {
    const std::string url = std::string("https://") + host + "/x";
    const bool audit_youtube = classify(url).kind != link_kind::web;
    const std::string text = url + "里";
    const bool reader_youtube = url_end(text, 8) == url.size();
    EXPECT_EQ(audit_youtube, is_youtube_host(host)) << host;
    EXPECT_EQ(reader_youtube, is_youtube_host(host)) << host;
  }
}

}  // namespace
}  // namespace handout::links
