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
// - Object streams. The structure tree of a tagged PDF is hundreds of
//   thousands of small dictionaries in a long report: libharu never holds
//   them (each of its objects costs hundreds of bytes); this pass appends
//   them, compressed in object streams (PDF 1.5) that a cross-reference
//   stream named by the trailer's /XRefStm finds (a hybrid file: a PDF 1.4
//   reader sees no tree, and needs none), and names the first in the
//   catalog's /StructTreeRoot.
// The page contents come compressed already (the emitter deflates each page
// once drawn, so that libharu does not hold them whole): they only get their
// /Filter. The finished file is written in pieces, never held whole.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io.hpp"

namespace handout::pdf {

// A font to embed.
struct font_program {
  std::string name;        // the name libharu gave the font (its PostScript name)
  std::string ttf;         // the TrueType data
  std::string cid_to_gid;  // the CIDToGIDMap: 2 bytes (big-endian glyph id) per code
};

// The structure tree's objects, numbered from `first` (known only here):
// `body(first, k, out)` appends object first + k's dictionary (`<<…>>`).
struct appended_tree {
  std::size_t count = 0;
  std::function<void(std::size_t first, std::size_t k, std::string& out)> body;
};

// What finish_pdf adds to libharu's file.
struct pdf_additions {
  std::vector<font_program> fonts;
  std::string to_unicode_cmap;
  std::vector<unsigned> deflated;  // streams already compressed (at level 1): /Filter only
  appended_tree tree;
};

// `data` compressed as this pass compresses streams (zlib, level 1).
std::optional<std::string> deflate_stream(std::string_view data);

// Writes `pdf` (a file as libharu writes it: a classic xref table,
// uncompressed streams with indirect /Length objects) finished to `out`:
// each font of `add` embedded into the CIDFontType2 font and font
// descriptor of its name, every ToUnicode stream replaced with
// `add.to_unicode_cmap`, every stream compressed (but the XMP metadata and
// those `add.deflated`), the tree appended, the xref moved accordingly.
// Returns false, having written nothing, when the file is not laid out as
// expected or a font is not found in it exactly once; or when `out` fails.
bool finish_pdf(const std::string& pdf, const pdf_additions& add, const byte_sink& out);

// The same in place, with fonts and map only; false leaves `pdf` unchanged.
bool finish_pdf(std::string& pdf, const std::vector<font_program>& fonts,
                const std::string& to_unicode_cmap);

}  // namespace handout::pdf
