#include "render/pdf/text_codes.hpp"

#include <hb.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "limits.hpp"
#include "render/pdf/hb_handles.hpp"
#include "render/pdf/pdf_syntax.hpp"
#include "utf8.hpp"

namespace handout::pdf {

namespace {

void put16(std::string& out, unsigned v) {
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

// A cmap table with one format 4 subtable (Windows, Unicode BMP): codes
// 1..glyphs.size() map to `glyphs` through the glyph id array, and the
// closing 0xFFFF segment that format 4 requires.
std::string cmap_table(const std::vector<std::uint16_t>& glyphs) {
  const unsigned segments = 2;
  std::string sub;
  put16(sub, 4);                                                             // format
  put16(sub, static_cast<unsigned>(16 + 8 * segments + 2 * glyphs.size()));  // length
  put16(sub, 0);                                                             // language
  put16(sub, 2 * segments);                                                  // segCountX2
  put16(sub, 4);                                                             // searchRange
  put16(sub, 1);                                                             // entrySelector
  put16(sub, 0);                                                             // rangeShift
  put16(sub, static_cast<unsigned>(glyphs.size()));                          // endCode
  put16(sub, 0xFFFF);
  put16(sub, 0);  // reservedPad
  put16(sub, 1);  // startCode
  put16(sub, 0xFFFF);
  put16(sub, 0);  // idDelta
  put16(sub, 1);
  put16(sub, 2 * segments);  // idRangeOffset: from this field to glyphIdArray[0]
  put16(sub, 0);
  for (std::uint16_t g : glyphs) put16(sub, g);

  std::string table;
  put16(table, 0);  // version
  put16(table, 1);  // numTables
  put16(table, 3);  // platform: Windows
  put16(table, 1);  // encoding: Unicode BMP
  put16(table, 0);  // offset (32 bits)
  put16(table, 12);
  return table + sub;
}

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
  return buf;
}

// `entries` in blocks of at most 100, the most a CMap operator may take.
void append_blocks(std::string& out, const std::vector<std::string>& entries,
                   const std::string& op) {
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    out += std::to_string(n) + " begin" + op + "\n";
    for (std::size_t k = i; k < i + n; ++k) out += entries[k];
    out += "end" + op + "\n";
  }
}

}  // namespace

text_codes::text_codes(std::vector<char32_t> characters, std::vector<ligature_code> ligatures)
    : characters_(std::move(characters)), ligatures_(std::move(ligatures)) {
  std::sort(characters_.begin(), characters_.end());
  characters_.erase(std::unique(characters_.begin(), characters_.end()), characters_.end());
  std::sort(ligatures_.begin(), ligatures_.end());
  ligatures_.erase(std::unique(ligatures_.begin(), ligatures_.end(),
                               [](const ligature_code& a, const ligature_code& b) {
                                 return a.font == b.font && a.glyph == b.glyph;
                               }),
                   ligatures_.end());
}

unsigned text_codes::code(int font, unsigned glyph) const {
  auto at = std::lower_bound(ligatures_.begin(), ligatures_.end(), ligature_code{font, glyph, {}});
  return static_cast<unsigned>(characters_.size() + (at - ligatures_.begin()) + 1);
}

std::string text_codes::encode(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    utf8::append(out, static_cast<char32_t>(code(utf8::decode(text, i))));
  }
  return out;
}

unsigned text_codes::code(char32_t c) const {
  auto at = std::lower_bound(characters_.begin(), characters_.end(), c);
  return static_cast<unsigned>(at - characters_.begin() + 1);
}

text_codes::recoded_font text_codes::recode_font(
    const std::string& ttf, int font_index,
    const std::map<unsigned, unsigned>& subset_glyphs) const {
  if (size() > limits::max_pdf_characters) return {};
  blob_ptr blob(hb_blob_create(ttf.data(), static_cast<unsigned>(ttf.size()),
                               HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  face_ptr face(hb_face_create(blob.get(), 0));
  unsigned count = hb_face_get_table_tags(face.get(), 0, nullptr, nullptr);
  if (count == 0) return {};
  std::vector<hb_tag_t> tags(count);
  hb_face_get_table_tags(face.get(), 0, &count, tags.data());

  hb_font_ptr font(hb_font_create(face.get()));
  std::vector<std::uint16_t> glyphs;
  glyphs.reserve(size());
  for (char32_t c : characters_) {
    hb_codepoint_t glyph = 0;
    glyphs.push_back(
        hb_font_get_nominal_glyph(font.get(), c, &glyph) ? static_cast<std::uint16_t>(glyph) : 0);
  }
  for (const ligature_code& l : ligatures_) {
    auto it = l.font == font_index ? subset_glyphs.find(l.glyph) : subset_glyphs.end();
    const bool found = it != subset_glyphs.end() && it->second != HB_MAP_VALUE_INVALID;
    glyphs.push_back(found ? static_cast<std::uint16_t>(it->second) : 0);
  }
  const std::string cmap = cmap_table(glyphs);
  recoded_font recoded;
  put16(recoded.cid_to_gid, 0);  // code 0 is not used
  for (std::uint16_t g : glyphs) put16(recoded.cid_to_gid, g);

  face_ptr builder(hb_face_builder_create());
  const hb_tag_t cmap_tag = HB_TAG('c', 'm', 'a', 'p');
  for (hb_tag_t tag : tags) {
    if (tag == cmap_tag) continue;
    blob_ptr table(hb_face_reference_table(face.get(), tag));
    hb_face_builder_add_table(builder.get(), tag, table.get());
  }
  blob_ptr cmap_blob(hb_blob_create(cmap.data(), static_cast<unsigned>(cmap.size()),
                                    HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  hb_face_builder_add_table(builder.get(), cmap_tag, cmap_blob.get());
  blob_ptr out(hb_face_reference_blob(builder.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  recoded.ttf.assign(data, length);
  return recoded;
}

std::string text_codes::to_unicode_cmap() const {
  // Single entries only: Ghostscript misreads the destinations of ranges.
  std::vector<std::string> entries;
  for (std::size_t k = 0; k < characters_.size(); ++k) {
    std::string entry = "<" + hex4(static_cast<unsigned>(k + 1)) + "> <";
    append_utf16_hex(entry, characters_[k]);
    entries.push_back(entry + ">\n");
  }
  // A ligature's code maps back to all of its characters.
  for (std::size_t k = 0; k < ligatures_.size(); ++k) {
    std::string text;
    for (char32_t c : ligatures_[k].text) append_utf16_hex(text, c);
    entries.push_back("<" + hex4(static_cast<unsigned>(characters_.size() + k + 1)) + "> <" + text +
                      ">\n");
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  append_blocks(out, entries, "bfchar");
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace handout::pdf
