// The pass over libharu's output that finishes the file, for what libharu
// 2.3.0 does slowly or wrongly:
// - Embedding. libharu copies an embedded TrueType font glyph by glyph with
//   a seek and a read each (thousands of system calls per document) and
//   builds a 128 KB CIDToGIDMap. So the emitter loads the fonts without
//   embedding, and this pass adds each font program (already subset by
//   HarfBuzz) and a CIDToGIDMap of the codes in use, and gives the font the
//   subset tag (`ABCDEF+Name`) that a subset font's name must have.
// - Compression. libharu compresses at zlib's default level, which took a
//   third of a PDF's time; the emitter turns it off and this pass
//   compresses every stream at level 1 (a PDF some 5% larger).
// - The ToUnicode CMap libharu writes for UTF-8 fonts uses
//   `begincidrange`, invalid there (poppler warns and guesses), and maps
//   each code to itself; it is replaced by the map of the document's text
//   codes (text_codes.hpp).
// - Object streams. libharu writes every object on its own, uncompressed;
//   the structure tree of a tagged PDF is hundreds of small dictionaries.
//   They move into compressed object streams (PDF 1.5) that a
//   cross-reference stream named by the trailer's /XRefStm finds (a hybrid
//   file: a PDF 1.4 reader sees them as free, and needs none of them).
#pragma once

#include <string>
#include <vector>

namespace handout::pdf {

// A font to embed.
struct font_program {
  std::string name;        // the name libharu gave the font (its PostScript name)
  std::string ttf;         // the TrueType data
  std::string cid_to_gid;  // the CIDToGIDMap: 2 bytes (big-endian glyph id) per code
};

// Embeds `fonts` in `pdf` (a file as libharu writes it: a classic xref
// table, uncompressed streams with indirect /Length objects), each into the
// CIDFontType2 font and font descriptor of its name, replaces every
// ToUnicode stream with `to_unicode_cmap`, compresses every stream (but
// XMP metadata), packs the objects `packed` (dictionaries without a stream)
// into object streams, and moves the xref offsets accordingly. Returns false,
// leaving `pdf` unchanged, when the file is not laid out as expected or a
// font is not found in it exactly once.
bool finish_pdf(std::string& pdf, const std::vector<font_program>& fonts,
                const std::string& to_unicode_cmap, const std::vector<unsigned>& packed = {});

}  // namespace handout::pdf
