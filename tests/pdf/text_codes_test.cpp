// The compact text codes (text_codes.hpp) and the pass that finishes
// libharu's file (finish_pdf.hpp).
#include "render/pdf/text_codes.hpp"

#include <gtest/gtest.h>
#include <hb.h>

#include <regex>
#include <set>

#include "render/pdf/finish_pdf.hpp"
#include "render/pdf/fonts.hpp"
#include "render/pdf/hb_handles.hpp"
#include "require_font.hpp"
#include "test_support.hpp"

namespace handout::pdf {
namespace {

// The WenQuanYi Micro Hei subset holding `characters`.
std::string wqy_subset(const std::set<char32_t>& characters) {
  diagnostics diags;
  auto fonts = font_set::open({{"WenQuanYi Micro Hei", "", 0}}, diags);
  return fonts ? fonts->subset(0, characters) : std::string();
}

// A HarfBuzz face of font data `ttf`, which must outlive it.
face_ptr face_of(const std::string& ttf) {
  blob_ptr blob(hb_blob_create(ttf.data(), static_cast<unsigned>(ttf.size()),
                               HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  return face_ptr(hb_face_create(blob.get(), 0));
}

// The glyph `face`'s cmap gives `code`, or 0 (.notdef).
hb_codepoint_t glyph_of(hb_face_t* face, hb_codepoint_t code) {
  hb_font_ptr font(hb_font_create(face));
  hb_codepoint_t glyph = 0;
  hb_font_get_nominal_glyph(font.get(), code, &glyph);
  return glyph;
}

TEST(TextCodes, CodesCountFromOneInCodePointOrder) {
  text_codes codes({U'中', U'A', U'中', U'文'});
  EXPECT_EQ(codes.size(), 3u);
  EXPECT_EQ(codes.encode("A中文中"), "\x01\x02\x03\x02");
}

TEST(TextCodes, CodesAbove127AreMultiByteUtf8) {
  std::vector<char32_t> many;
  for (char32_t c = 0x4E00; c < 0x4E00 + 200; ++c) many.push_back(c);
  text_codes codes(many);
  EXPECT_EQ(codes.encode("\u4E7E"), "\x7F");      // code 127
  EXPECT_EQ(codes.encode("\u4E7F"), "\xC2\x80");  // code 128
}

TEST(TextCodes, ToUnicodeMapsEachCodeToItsCharacterInUtf16) {
  text_codes codes({U'A', U'B', U'中', U'\U0001F600'});
  std::string cmap = codes.to_unicode_cmap();
  EXPECT_NE(cmap.find("4 beginbfchar\n<0001> <0041>\n<0002> <0042>\n<0003> <4E2D>\n"
                      "<0004> <D83DDE00>\nendbfchar"),
            std::string::npos)
      << cmap;
  EXPECT_NE(cmap.find("<0000> <FFFF>\nendcodespacerange"), std::string::npos);
  // Ghostscript misreads the destinations of ranges: none are written.
  EXPECT_EQ(cmap.find("bfrange"), std::string::npos);
}

TEST(TextCodes, ToUnicodeKeepsBlocksOfAtMost100) {
  std::vector<char32_t> sparse;
  for (char32_t c = 0; c < 250; ++c) sparse.push_back(0x4E00 + 2 * c);
  std::string cmap = text_codes(sparse).to_unicode_cmap();
  EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("\n50 beginbfchar"), std::string::npos);
}

TEST(TextCodes, RecodedFontMapsEachCodeToTheGlyphOfItsCharacter) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  const std::string subset = wqy_subset({U'中', U'文', U'A'});
  // 😀 is in the document (drawn with another font) but not in this one.
  text_codes codes({U'A', U'中', U'文', U'\U0001F600'});
  const auto recoded_font = codes.recode_font(subset);
  const std::string& recoded = recoded_font.ttf;
  ASSERT_FALSE(recoded.empty());

  face_ptr before = face_of(subset);
  face_ptr after = face_of(recoded);
  const char32_t characters[] = {U'A', U'中', U'文'};
  for (unsigned code = 1; code <= 3; ++code) {
    const hb_codepoint_t expected = glyph_of(before.get(), characters[code - 1]);
    const hb_codepoint_t got = glyph_of(after.get(), code);
    ASSERT_NE(expected, 0u) << "code " << code;
    EXPECT_EQ(got, expected) << "code " << code;
    const auto* map = reinterpret_cast<const unsigned char*>(recoded_font.cid_to_gid.data());
    EXPECT_EQ(map[2 * code] * 256u + map[2 * code + 1], expected) << "CIDToGIDMap, code " << code;
  }
  EXPECT_EQ(recoded_font.cid_to_gid.size(), 2u * 5) << "codes 0 to 4";
  EXPECT_EQ(glyph_of(after.get(), 4), 0u) << "a character the font lacks maps to .notdef";

  // Every other table is carried over (head too, but for its checksum).
  for (const char* tag : {"glyf", "loca", "hmtx", "hhea", "maxp", "OS/2"}) {
    blob_ptr a(hb_face_reference_table(before.get(), hb_tag_from_string(tag, 4)));
    blob_ptr b(hb_face_reference_table(after.get(), hb_tag_from_string(tag, 4)));
    unsigned la = 0, lb = 0;
    const char* da = hb_blob_get_data(a.get(), &la);
    const char* db = hb_blob_get_data(b.get(), &lb);
    EXPECT_EQ(std::string(da, la), std::string(db, lb)) << tag;
  }
}

TEST(TextCodes, ACmapHoldsUpTo32751CodesAndNoMore) {
  REQUIRE_FAMILY("WenQuanYi Micro Hei");
  const std::string subset = wqy_subset({U'A', U'中'});
  std::vector<char32_t> many;
  for (char32_t c = 0x4E00; many.size() < 32'750; ++c) many.push_back(c);
  many.push_back(0xFF21);  // Ａ, the highest: the last code
  // The cmap's 16-bit length: 32 bytes and 2 per code.
  auto recoded = text_codes(many).recode_font(subset);
  ASSERT_FALSE(recoded.ttf.empty());
  face_ptr face = face_of(recoded.ttf);
  EXPECT_NE(glyph_of(face.get(), U'中' - 0x4E00 + 1), 0u) << "中 has a glyph in the subset";
  EXPECT_EQ(glyph_of(face.get(), 32'751), 0u) << "Ａ is not in the subset";

  many.push_back(0xFF22);
  EXPECT_TRUE(text_codes(many).recode_font(subset).ttf.empty()) << "32,752 codes";
}

TEST(TextCodes, RecodingWhatIsNoFontGivesNothing) {
  EXPECT_TRUE(text_codes({U'A'}).recode_font("not a font").ttf.empty());
}

TEST(FinishPdf, LeavesAFileWithoutAnXrefTableUnchanged) {
  std::string pdf = "%PDF-1.3\n1 0 obj\n<< >>\nendobj\n";
  std::string before = pdf;
  EXPECT_FALSE(finish_pdf(pdf, {}, "cmap"));
  EXPECT_EQ(pdf, before);
}

// A file laid out as libharu writes one with a font it did not embed.
std::string tiny_pdf(const std::string& to_unicode, std::size_t declared_length,
                     const std::string& name = "Tiny") {
  std::vector<std::string> objects = {
      "<<\n/Type /Catalog\n/Pages 2 0 R\n>>",
      "<<\n/Type /Pages\n/Kids [ ]\n/Count 0\n>>",
      "<<\n/Type /Font\n/BaseFont /" + name + "\n/Subtype /Type0\n/Encoding /Identity-H\n" +
          "/DescendantFonts [ 4 0 R ]\n/ToUnicode 6 0 R\n>>",
      "<<\n/Type /Font\n/Subtype /CIDFontType2\n/BaseFont /" + name + "\n/FontDescriptor 5 0 R\n>>",
      "<<\n/Type /FontDescriptor\n/FontName /" + name + "\n/Flags 32\n>>",
      "<<\n/Length 7 0 R\n>>\nstream\r\n" + to_unicode + "\nendstream",
      std::to_string(declared_length),
  };
  std::string pdf = "%PDF-1.3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f\r\n";
  for (std::size_t o : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", o);
    pdf += entry;
  }
  pdf += "trailer\n<<\n/Root 1 0 R\n/Size " + std::to_string(objects.size() + 1) +
         "\n>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

const std::string libharu_map = "begincidrange";

TEST(FinishPdf, EmbedsTheFontWithASubsetTagAndMovesTheXref) {
  const std::string program(5000, 'x');
  const std::string map("\0\0\0\7", 4);
  std::string pdf = tiny_pdf(libharu_map, libharu_map.size());
  ASSERT_TRUE(finish_pdf(pdf, {{"Tiny", program, map}}, "the new map"));
  EXPECT_EQ(pdf.find("xxxxxxxxxx"), std::string::npos) << "the program is compressed";
  std::smatch tag;
  ASSERT_TRUE(std::regex_search(pdf, tag, std::regex("/FontName /([A-Z]{6})\\+Tiny\n")));
  for (int object = 3; object <= 4; ++object) {
    EXPECT_NE(pdf.find(std::to_string(object) + " 0 obj\n<<\n" +
                       (object == 4 ? "/CIDToGIDMap 9 0 R\n" : "") + "/Type /Font\n" +
                       (object == 4 ? "/Subtype /CIDFontType2\n" : "") + "/BaseFont /" +
                       tag[1].str() + "+Tiny"),
              std::string::npos)
        << pdf.substr(0, 600);
  }
  EXPECT_NE(pdf.find("/FontFile2 8 0 R"), std::string::npos);

  if (!test::have_program("qpdf")) GTEST_SKIP() << "qpdf is not installed";
  test::temp_dir dir;
  test::write_all(dir / "t.pdf", pdf);
  auto check = test::run("qpdf --check " + dir / "t.pdf");
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  auto stream = [&](int object) {
    return test::run("qpdf --show-object=" + std::to_string(object) + " --filtered-stream-data " +
                     dir / "t.pdf")
        .out;
  };
  EXPECT_EQ(stream(8), program);
  EXPECT_EQ(stream(9), map);
  EXPECT_EQ(stream(6), "the new map");
  auto lengths = test::run("qpdf --show-object=8 " + dir / "t.pdf").out;
  EXPECT_NE(lengths.find("/Length1 5000"), std::string::npos) << lengths;
}

TEST(FinishPdf, ATagIsTheSameForTheSameProgramAndDiffersForAnother) {
  auto tag_of = [](const std::string& program) {
    std::string pdf = tiny_pdf(libharu_map, libharu_map.size());
    EXPECT_TRUE(finish_pdf(pdf, {{"Tiny", program, "\0\0"}}, "map"));
    std::smatch m;
    std::regex_search(pdf, m, std::regex("/FontName /([A-Z]{6})\\+"));
    return m[1].str();
  };
  EXPECT_EQ(tag_of("one"), tag_of("one"));
  EXPECT_NE(tag_of("one"), tag_of("two"));
}

TEST(FinishPdf, ANameLibharuWroteWithASpaceIsFoundAndWrittenValid) {
  // libharu escapes the backslash but leaves the space, which ends a PDF name.
  std::string pdf = tiny_pdf(libharu_map, libharu_map.size(), "Deja Vu#5CSans");
  ASSERT_TRUE(finish_pdf(pdf, {{"Deja Vu\\Sans", "program", std::string(2, '\0')}}, "map"));
  EXPECT_TRUE(std::regex_search(pdf, std::regex("/FontName /[A-Z]{6}\\+Deja#20Vu#5CSans\n")))
      << pdf.substr(0, 700);
  EXPECT_EQ(pdf.find("Deja Vu"), std::string::npos);
  if (!test::have_program("qpdf")) GTEST_SKIP() << "qpdf is not installed";
  test::temp_dir dir;
  test::write_all(dir / "t.pdf", pdf);
  auto check = test::run("qpdf --check " + dir / "t.pdf");
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST(FinishPdf, RefusesAFontTheFileDoesNotHave) {
  std::string pdf = tiny_pdf(libharu_map, libharu_map.size());
  std::string before = pdf;
  EXPECT_FALSE(finish_pdf(pdf, {{"Other", "data", "\0\0"}}, "map"));
  EXPECT_EQ(pdf, before);
}

TEST(FinishPdf, RefusesAStreamWhoseLengthIsWrong) {
  std::string pdf = tiny_pdf(libharu_map, libharu_map.size() - 1);
  std::string before = pdf;
  EXPECT_FALSE(finish_pdf(pdf, {{"Tiny", "data", "\0\0"}}, "map"));
  EXPECT_EQ(pdf, before);
}

}  // namespace
}  // namespace handout::pdf
