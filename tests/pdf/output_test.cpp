// The sample deck's PDF, checked with the readers a user has: qpdf, pdffonts,
// pdftotext, pdfinfo; and byte-for-byte reproducibility.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>

#include "limits.hpp"
#include "parse/load.hpp"
#include "render/pdf/compose.hpp"
#include "render/pdf/emit_pdf.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/hyphenate.hpp"
#include "render/pdf/layout.hpp"
#include "render/pdf/measure.hpp"
#include "require_font.hpp"
#include "style.hpp"
#include "test_support.hpp"
#include "utf8.hpp"

namespace handout {
namespace {

using test::have_program;
using test::read_all;
using test::run;
using test::run_handout;

const std::string sample = test::source_dir() + "/input/ai-2019-review.txt";

std::string shell_quoted(const std::string& s) { return "'" + s + "'"; }

// Whitespace (ASCII and the ideographic space) removed.
std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') continue;
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

class SamplePdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::temp_dir;
    result_ = run("env -u SOURCE_DATE_EPOCH " + test::handout_binary() + " convert " +
                  shell_quoted(sample) + " -o " + shell_quoted(dir_->path()) + " --formats pdf");
    pdf_ = (*dir_) / "ai-2019-review.pdf";
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_EQ(result_.status, 0) << result_.err; }
  static void require(const std::string& program) {
    if (!have_program(program)) GTEST_SKIP() << program << " is not installed";
  }
  static inline test::temp_dir* dir_ = nullptr;
  static inline test::command_result result_;
  static inline std::string pdf_;
};

TEST_F(SamplePdf, QpdfCheckPasses) {
  require("qpdf");
  auto r = run("qpdf --check " + shell_quoted(pdf_));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors"), std::string::npos) << r.out;
}

TEST_F(SamplePdf, EveryFontIsEmbeddedAndSubset) {
  require("pdffonts");
  auto r = run("pdffonts " + shell_quoted(pdf_));
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int fonts = 0;
  std::getline(lines, line);  // header
  std::getline(lines, line);  // ----
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++fonts;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(^[A-Z]{6}\+)"))) << "not subset: " << line;
    EXPECT_TRUE(std::regex_search(line, std::regex(R"(\byes\s+yes\s+yes\b)")))
        << "not embedded, subset and with a ToUnicode map: " << line;
  }
  EXPECT_GE(fonts, 1);
}

// Every title and bullet of the sample, whitespace aside, in `extracted`.
void expect_every_title_and_bullet(const std::string& extracted) {
  const std::string text = squeeze(extracted);
  diagnostics diags;
  auto deck = load_input(sample, diags);
  ASSERT_TRUE(deck);
  int checked = 0;
  auto expect_text = [&](const std::string& s, int line) {
    if (s.empty()) return;
    ++checked;
    EXPECT_NE(text.find(squeeze(s)), std::string::npos) << "line " << line << ": " << s;
  };
  std::function<void(const item&)> visit = [&](const item& it) {
    expect_text(it.text, it.line);
    for (const auto& c : it.children) visit(c);
  };
  expect_text(deck->meta.title, 0);
  for (const auto& s : deck->sections) {
    expect_text(s.title, s.line);
    if (s.number) expect_text(*s.number + " " + s.title, s.line);
    for (const auto& sl : s.slides) {
      expect_text(sl.title, sl.line);
      for (const auto& it : sl.items) visit(it);
    }
  }
  EXPECT_GE(checked, 57 + 11 + 6);
}

TEST_F(SamplePdf, TextGivesBackEveryTitleAndBullet) {
  require("pdftotext");
  auto r = run("pdftotext -enc UTF-8 " + shell_quoted(pdf_) + " -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("\uFFFD"), std::string::npos) << "replacement characters in the text";
  EXPECT_EQ(r.err.find("Warning"), std::string::npos) << "the reader complained: " << r.err;
  expect_every_title_and_bullet(r.out);
}

// A second reader with its own CMap and TrueType code (it misread the
// ranges of an earlier ToUnicode map that poppler read well).
TEST_F(SamplePdf, GhostscriptGivesBackEveryTitleAndBulletToo) {
  require("gs");
  auto r =
      run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile=- " + shell_quoted(pdf_));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "") << "the reader complained";
  expect_every_title_and_bullet(r.out);
}

TEST_F(SamplePdf, InfoShowsTitleAuthorSubjectCreatorAndNoClockDate) {
  require("pdfinfo");
  auto r = run("pdfinfo " + shell_quoted(pdf_));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Title:           2019 年人工智能回顾"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Subject:         算法、框架、芯片、自动驾驶与 AI 安全"), std::string::npos);
  EXPECT_NE(r.out.find("Creator:         handout"), std::string::npos);
  EXPECT_EQ(r.out.find("CreationDate:"), std::string::npos) << "no date given, so none written";
}

TEST_F(SamplePdf, ByteIdenticalAcrossRuns) {
  test::temp_dir again;
  auto r = run("env -u SOURCE_DATE_EPOCH " + test::handout_binary() + " convert " +
               shell_quoted(sample) + " -o " + shell_quoted(again.path()) + " --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  std::string first = read_all(pdf_), second = read_all(again / "ai-2019-review.pdf");
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second) << "the PDF differs between two runs";
}

// The URIs of the link annotations (which are not in compressed streams),
// with PDF string escapes (`\057`) decoded.
std::vector<std::string> uris(const std::string& raw) {
  std::vector<std::string> out;
  for (std::size_t at = raw.find("/URI ("); at != std::string::npos;
       at = raw.find("/URI (", at + 1)) {
    std::string uri;
    for (std::size_t i = at + 6; i < raw.size() && raw[i] != ')'; ++i) {
      if (raw[i] == '\\' && i + 3 < raw.size() &&
          std::isdigit(static_cast<unsigned char>(raw[i + 1]))) {
        uri += static_cast<char>(std::stoi(raw.substr(i + 1, 3), nullptr, 8));
        i += 3;
      } else if (raw[i] == '\\' && i + 1 < raw.size()) {
        uri += raw[++i];
      } else {
        uri += raw[i];
      }
    }
    out.push_back(uri);
  }
  return out;
}

TEST_F(SamplePdf, EveryLinkIsAClickableUri) {
  diagnostics diags;
  auto deck = load_input(sample, diags);
  ASSERT_TRUE(deck);
  std::vector<std::string> expected;  // each slide's distinct links
  for (const auto& s : deck->sections) {
    for (const auto& sl : s.slides) {
      std::vector<std::string> seen;
      for (const auto& l : sl.links) {
        if (std::find(seen.begin(), seen.end(), l.href) == seen.end()) seen.push_back(l.href);
      }
      expected.insert(expected.end(), seen.begin(), seen.end());
    }
  }
  EXPECT_EQ(uris(read_all(pdf_)), expected);
}

TEST_F(SamplePdf, BookmarksAndPageLabels) {
  require("qpdf");
  auto r = run("qpdf --json --json-key=outlines --json-key=pagelabels " + shell_quoted(pdf_));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"title\": \"01 算法与模型发展\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"title\": \"自然语言处理（NLP）的突破\""), std::string::npos);
  EXPECT_NE(r.out.find("\"title\": \"总结\""), std::string::npos);
  EXPECT_NE(r.out.find("\"/S\": \"/r\""), std::string::npos) << "roman front matter";
  EXPECT_NE(r.out.find("\"/S\": \"/D\""), std::string::npos) << "decimal body";
}

TEST_F(SamplePdf, FooterCountsBodyPages) {
  require("pdftotext");
  require("pdfinfo");
  auto info = run("pdfinfo " + shell_quoted(pdf_));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info.out, m, std::regex(R"(Pages:\s+(\d+))")));
  int pages = std::stoi(m[1]);
  int body = pages - 2;  // cover and one contents page
  auto last = run("pdftotext -f " + std::to_string(pages) + " -l " + std::to_string(pages) + " " +
                  shell_quoted(pdf_) + " -");
  EXPECT_TRUE(std::regex_search(
      last.out, std::regex("\\b" + std::to_string(body) + " ?/ ?" + std::to_string(body) + "\\b")))
      << last.out;
}

TEST(PdfRenderer, CreationDateComesFromSourceDateEpoch) {
  if (!have_program("pdfinfo")) GTEST_SKIP() << "pdfinfo is not installed";
  test::temp_dir dir;
  auto r = run("SOURCE_DATE_EPOCH=1577836800 " + test::handout_binary() + " convert " +
               shell_quoted(sample) + " -o " + shell_quoted(dir.path()) + " --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  auto info = run("TZ=UTC pdfinfo " + shell_quoted(dir / "ai-2019-review.pdf"));
  EXPECT_NE(info.out.find("CreationDate:    Wed Jan  1 00:00:00 2020 UTC"), std::string::npos)
      << info.out;
}

TEST(PdfRenderer, HandoutStyleDrawsQrCodes) {
  if (!have_program("qpdf")) GTEST_SKIP() << "qpdf is not installed";
  test::temp_dir dir;
  auto r = run_handout("convert " + shell_quoted(sample) + " -o " + shell_quoted(dir.path()) +
                       " --formats pdf --style " +
                       shell_quoted(test::source_dir() + "/styles/handout.yaml"));
  ASSERT_EQ(r.status, 0) << r.err;
  auto plain =
      run("qpdf --qdf --object-streams=disable " + shell_quoted(dir / "ai-2019-review.pdf") + " " +
          shell_quoted(dir / "plain.pdf"));
  ASSERT_EQ(plain.status, 0) << plain.err;
  std::string content = read_all(dir / "plain.pdf");
  std::size_t squares = 0;
  for (std::size_t at = content.find(" re\n"); at != std::string::npos;
       at = content.find(" re\n", at + 1)) {
    ++squares;
  }
  EXPECT_GT(squares, 21u * 50) << "21 QR codes of many modules each";
}

TEST(PdfRenderer, MissingFontIsAClearError) {
  test::temp_dir dir;
  test::write_all(dir / "style.yaml", "fonts: [No Such Family Anywhere]\n");
  auto r = run_handout("convert " + shell_quoted(sample) + " -o " + shell_quoted(dir.path()) +
                       " --formats pdf --style " + shell_quoted(dir / "style.yaml"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("No Such Family Anywhere"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "ai-2019-review.pdf"));
}

}  // namespace
}  // namespace handout

namespace handout {
namespace {

TEST(PdfRenderer, UntitledPartsGetNoHeadingAndNoBookmark) {
  if (!have_program("qpdf") || !have_program("pdftotext")) GTEST_SKIP() << "needs qpdf, pdftotext";
  test::temp_dir dir;
  auto r = run_handout("convert " + shell_quoted(test::data_path("pdf-structure.txt")) + " -o " +
                       shell_quoted(dir.path()) + " --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string pdf = dir / "pdf-structure.pdf";
  auto json = run("qpdf --json --json-key=outlines " + shell_quoted(pdf));
  std::vector<std::string> titles;
  std::regex title_re("\"title\": \"([^\"]*)\"");
  for (auto it = std::sregex_iterator(json.out.begin(), json.out.end(), title_re);
       it != std::sregex_iterator(); ++it) {
    titles.push_back((*it)[1]);
  }
  std::sort(titles.begin(), titles.end());
  std::vector<std::string> expected = {"01 第一部分", "幻灯片一", "幻灯片二", "附录", "附录"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(titles, expected) << "untitled sections and slides have no bookmark";

  auto body = run("pdftotext -f 3 " + shell_quoted(pdf) + " -");
  const std::string text = squeeze(body.out);
  EXPECT_NE(text.find("前言要点：在任何标题之前。"), std::string::npos);
  EXPECT_NE(text.find("节内无标题的要点。"), std::string::npos);
  EXPECT_NE(text.find("youtu.be/t45S_MwAcOw▶8:47"), std::string::npos) << body.out;
  // The unnumbered section shows its title alone, the numbered one its number.
  EXPECT_NE(text.find("01第一部分"), std::string::npos);
}

}  // namespace
}  // namespace handout

namespace handout {
namespace {

TEST(PdfRenderer, HandoutStyleLoadsAndDiffersFromTheDefault) {
  diagnostics diags;
  auto s = load_style(test::source_dir() + "/styles/handout.yaml", diags);
  ASSERT_TRUE(s) << (diags.all().empty() ? "" : format(diags.all()[0]));
  EXPECT_FALSE(diags.has_errors());
  EXPECT_TRUE(s->qr_codes);
  EXPECT_GT(s->body_size, default_style().body_size);
  EXPECT_EQ(s->text_color, (rgb{0, 0, 0}));
  EXPECT_EQ(s->link_color, (rgb{0, 0, 0}));
}

TEST(PdfRenderer, PdfIsInTheDefaultFormatSet) {
  test::temp_dir dir;
  auto r = run_handout("convert " + shell_quoted(sample) + " -o " + shell_quoted(dir.path()));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "ai-2019-review.pdf"));
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << "temp file left";
  }
}

}  // namespace
}  // namespace handout

namespace handout {
namespace {

// The annotations open the URI of an IRI: percent-encoded, the host by IDNA.
TEST(PdfRenderer, UrlsInBulletTextAreClickable) {
  test::temp_dir dir;
  auto r = run_handout("convert " + shell_quoted(test::data_path("pdf-inline-url.txt")) + " -o " +
                       shell_quoted(dir.path()) + " --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(uris(read_all(dir / "pdf-inline-url.pdf")),
            (std::vector<std::string>{"https://example.com/%E8%AE%BA%E6%96%87?id=1",
                                      "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84"}));
}

}  // namespace
}  // namespace handout

namespace handout {
namespace {

TEST_F(SamplePdf, EveryStreamButTheXmpIsCompressedAndTheFontsAreEmbedded) {
  const std::string raw = read_all(pdf_);
  int streams = 0;
  for (std::size_t at = raw.find(">>\nstream\r\n"); at != std::string::npos;
       at = raw.find(">>\nstream\r\n", at + 1)) {
    std::size_t object = raw.rfind(" 0 obj\n", at);
    ASSERT_NE(object, std::string::npos);
    const std::string dict = raw.substr(object, at - object);
    // XMP stays readable in the bytes, for tools that scan for the packet.
    EXPECT_NE(dict.find(dict.find("/Type /Metadata") == std::string::npos ? "/Filter /FlateDecode"
                                                                          : "/Subtype /XML"),
              std::string::npos)
        << dict;
    ++streams;
  }
  // Six pages, the font program, its CIDToGIDMap and its ToUnicode map, the
  // XMP metadata, the object stream of the structure tree and the
  // cross-reference stream that finds it.
  EXPECT_EQ(streams, 6 + 3 + 3);
  for (const char* key : {"/FontFile2 ", "/CIDToGIDMap ", "/ToUnicode "}) {
    EXPECT_TRUE(std::regex_search(raw, std::regex(std::string(key) + R"(\d+ 0 R)"))) << key;
  }
}

TEST(PdfRenderer, TwoFontsShareTheTextCodesAndTheTextComesBack) {
  if (!test::have_program("pdftotext") || !test::have_program("pdffonts")) {
    GTEST_SKIP() << "poppler-utils are not installed";
  }
  test::temp_dir dir;
  test::write_all(dir / "two.yaml", "fonts: [DejaVu Sans, WenQuanYi Micro Hei]\n");
  test::write_all(dir / "deck.txt", " Fonts · 字体\n• Latin text, 中文文本 and ∑ ∞ symbols\n");
  auto r =
      run_handout("convert " + shell_quoted(dir / "deck.txt") + " -o " + shell_quoted(dir.path()) +
                  " --formats pdf --style " + shell_quoted(dir / "two.yaml"));
  ASSERT_EQ(r.status, 0) << r.err;
  auto fonts = run("pdffonts " + shell_quoted(dir / "deck.pdf"));
  EXPECT_NE(fonts.out.find("DejaVuSans"), std::string::npos) << fonts.out;
  EXPECT_NE(fonts.out.find("WenQuanYiMicroHei"), std::string::npos) << fonts.out;
  auto text = run("pdftotext -enc UTF-8 " + shell_quoted(dir / "deck.pdf") + " -");
  EXPECT_EQ(text.err.find("Warning"), std::string::npos) << text.err;
  EXPECT_NE(squeeze(text.out).find(squeeze("Latin text, 中文文本 and ∑ ∞ symbols")),
            std::string::npos)
      << text.out;
  EXPECT_NE(squeeze(text.out).find("Fonts·字体"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace handout

namespace handout {
namespace {

TEST(PdfRenderer, MoreDistinctCharactersThanAPdfHoldsIsAnErrorAndNoFile) {
  // 32,752 distinct characters: CJK, Hangul and CJK extension A.
  std::vector<char32_t> all;
  for (char32_t c = 0x4E00; c < 0xA000; ++c) all.push_back(c);
  for (char32_t c = 0xAC00; c < 0xD7A4; ++c) all.push_back(c);
  for (char32_t c = 0x3400; all.size() < 32'752; ++c) all.push_back(c);
  std::string deck = " T\n";
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i % 40 == 0) deck += "\n• ";
    utf8::append(deck, all[i]);
  }
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", deck + "\n");
  auto r = run_handout("convert " + shell_quoted(dir / "deck.txt") + " -o " +
                       shell_quoted(dir.path()) + " --formats pdf");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("deck.pdf: error: the document uses"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at most 32751"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "deck.pdf"));
}

TEST(PdfRenderer, TwoFontsWithOnePostScriptNameAreAClearError) {
  REQUIRE_FAMILY("DejaVu Sans");
  diagnostics diags;
  auto fonts = pdf::font_set::open({{"DejaVu Sans", "", 0}}, diags);
  ASSERT_TRUE(fonts);
  test::temp_dir dir;
  // An ASCII-only DejaVu Sans first: é falls through to the full one.
  test::write_all(dir / "ascii.ttf", fonts->subset(0, {U'T', U'a', U'b'}));
  test::write_all(dir / "style.yaml", "fonts: [" + dir / "ascii.ttf" + ", DejaVu Sans]\n");
  test::write_all(dir / "deck.txt", " Tab\n• café\n");
  auto r =
      run_handout("convert " + shell_quoted(dir / "deck.txt") + " -o " + shell_quoted(dir.path()) +
                  " --formats pdf --style " + shell_quoted(dir / "style.yaml"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("has the PostScript name 'DejaVuSans"), std::string::npos) << r.err;
}

TEST(PdfRenderer, CharacterNoFontHasIsAWarning) {
  // U+13000 (Egyptian hieroglyphs): in no font Debian's usual packages install.
  if (!pdf::fallback_fonts_for(U'\U00013000', "").empty()) {
    GTEST_SKIP() << "an installed font has U+13000";
  }
  test::temp_dir dir;
  test::write_all(dir / "deck.txt", " 标题\n• 象形 \U00013000 与中文\n");
  auto r = run_handout("convert " + shell_quoted(dir / "deck.txt") + " -o " +
                       shell_quoted(dir.path()) + " --formats pdf");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning: no installed font has 1 character: U+13000"), std::string::npos)
      << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "deck.pdf"));
}

}  // namespace
}  // namespace handout

namespace handout {
namespace {

TEST(PdfRenderer, HyphenatedEnglishComesBackWholeFromPdftotext) {
  if (!have_program("pdftotext")) GTEST_SKIP() << "poppler-utils are not installed";
  if (!pdf::hyphenator::for_language("en-US")) GTEST_SKIP() << "hyphen-en-us is not installed";
  test::temp_dir dir;
  const std::string deck = test::data_path("typography-en.txt");
  auto r = run_handout("convert " + shell_quoted(deck) + " -o " + shell_quoted(dir.path()) +
                       " --formats pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string pdf = dir / "typography-en.pdf";
  // Lines end in hyphens (-layout keeps them) ...
  auto layout = run("pdftotext -layout " + shell_quoted(pdf) + " -");
  EXPECT_TRUE(std::regex_search(layout.out, std::regex("[a-z]-\n"))) << "nothing hyphenated";
  // ... and the default reading joins each hyphenated word again, keeping a
  // hyphen of the text (drawn as U+2010 at a line end).
  auto text = run("pdftotext -enc UTF-8 " + shell_quoted(pdf) + " -");
  std::string flat = squeeze(std::regex_replace(text.out, std::regex("\u2010"), "-"));
  std::istringstream words(test::read_all(deck));
  for (std::string w; words >> w;) {
    if (w == "•" || w == "◦" || w.starts_with("http")) continue;
    EXPECT_NE(flat.find(w), std::string::npos) << w;
  }
}

// The DOCX contents take their page numbers from a layout that keeps no
// page items; they are those of the PDF's full layout.
TEST(PdfLayout, PageNumbersOnlyLayoutGivesTheFullLayoutsHeadingPages) {
  diagnostics diags;
  auto r = load_input(sample, diags);
  ASSERT_TRUE(r);
  const style& s = default_style();
  auto fonts = pdf::font_set::open(s.fonts, diags);
  ASSERT_TRUE(fonts) << "the default style's fonts";
  pdf::harfbuzz_metrics metrics(*fonts);
  const pdf::page_layout full = pdf::layout_report(*r, s, metrics, "test");
  const pdf::page_layout numbers = pdf::layout_report(*r, s, metrics, "test", true);
  ASSERT_GT(full.heading_pages.size(), 3u);
  EXPECT_GT(full.heading_pages.back(), full.heading_pages.front());
  EXPECT_EQ(numbers.heading_pages, full.heading_pages);
  EXPECT_EQ(numbers.pages.size(), full.pages.size());
  std::size_t body_items = 0;
  for (auto i = static_cast<std::size_t>(full.labels.back().first_page); i < numbers.pages.size();
       ++i) {
    body_items += numbers.pages[i].items.size();
  }
  EXPECT_EQ(body_items, 0u) << "the body pages hold nothing";
}

// The PDF's bytes of `r` in `s`, laid out in one pass or page by page, with
// fonts opened afresh as for a deck of its own.
std::string pdf_bytes(const report& r, const style& s, bool page_by_page) {
  diagnostics diags;
  auto fonts = pdf::font_set::open(s.fonts, diags);
  if (!fonts) return {};
  pdf::harfbuzz_metrics metrics(*fonts, r.meta.lang, s.ligatures);
  pdf::page_source pages;
  pdf::page_layout layout = page_by_page
                                ? pdf::layout_report_page_by_page(r, s, metrics, "test", pages)
                                : pdf::layout_report(r, s, metrics, "test");
  if (page_by_page) {
    for (const pdf::page& p : layout.pages) {
      if (!p.items.empty()) return "a page held before it is drawn";
    }
  }
  auto bytes = pdf::emit_pdf(layout, *fonts, "x.pdf", diags, pages);
  return bytes ? *bytes : std::string();
}

// A long report is laid out twice (sizes, then page by page as it is
// drawn); its PDF is the one the single pass gives, byte for byte.
TEST(PdfLayout, PageByPageLayoutGivesTheSameBytesAsOnePass) {
  test::temp_dir dir;
  // A character of no style font (a fallback font, found first in the
  // body) and a ligature of DejaVu Sans (fi, ffl).
  std::string fallback = test::read_all(test::data_path("english-deck.txt"));
  fallback.replace(fallback.find("Memory safety"), 6, "A ☃ office waffle");
  test::write_all(dir / "fallback.txt", fallback);
  struct deck_case {
    std::string deck, style_yaml, family;
  };
  const std::vector<deck_case> cases = {
      {sample, "", ""},
      {test::data_path("english-deck.txt"), "", ""},
      {sample, test::read_all(test::source_dir() + "/styles/handout.yaml"), ""},  // QR codes
      {test::data_path("english-deck.txt"), "parts: {cover: false, contents: false}\n", ""},
      {sample, "parts: {cover: false, header: false}\n", ""},
      {test::data_path("typography-en.txt"),
       "fonts: [DejaVu Sans, WenQuanYi Micro Hei]\ntypography: {ligatures: true}\n", "DejaVu Sans"},
      {dir / "fallback.txt", "", "DejaVu Sans"},
  };
  for (const deck_case& c : cases) {
    SCOPED_TRACE(c.deck + " with style: " + c.style_yaml.substr(0, 60));
    if (!c.family.empty() && !pdf::have_family(c.family)) continue;
    diagnostics diags;
    auto r = load_input(c.deck, diags);
    ASSERT_TRUE(r);
    auto s = c.style_yaml.empty() ? std::optional<style>(default_style())
                                  : parse_style(c.style_yaml, "s.yaml", diags);
    ASSERT_TRUE(s);
    const std::string one_pass = pdf_bytes(*r, *s, false);
    ASSERT_GT(one_pass.size(), 1000u);
    EXPECT_TRUE(one_pass == pdf_bytes(*r, *s, true)) << "the PDFs differ";
  }
}

// Only a long report takes the two passes; every ordinary deck the faster one.
TEST(PdfLayout, ReportsOfAMebibyteOfTextAreLaidOutPageByPage) {
  diagnostics diags;
  auto r = load_input(sample, diags);
  ASSERT_TRUE(r);
  EXPECT_FALSE(pdf::lays_out_page_by_page(*r));
  std::string text(limits::min_pdf_text_bytes_laid_out_page_by_page / 2, 'x');
  r->sections.front().slides.front().items.push_back({1, 0, text, {}, {}});
  EXPECT_FALSE(pdf::lays_out_page_by_page(*r));
  r->sections.front().slides.front().items.back().children.push_back({2, 0, text, {}, {}});
  EXPECT_TRUE(pdf::lays_out_page_by_page(*r));
}

}  // namespace
}  // namespace handout
