// PDF syntax (ISO 32000-1, 7.3) for the objects the emitter writes itself
// rather than through libharu's object layer: the structure tree, link
// annotations and bookmarks, of which a long report has tens or hundreds of
// thousands, at hundreds of bytes each as libharu objects.
#pragma once

#include <cstddef>
#include <string>

namespace handout::pdf {

// `text` cut after as many characters as one libharu string holds (written
// as UTF-16, up to 4 bytes a character), with "…" when cut.
std::string fit_string(const std::string& text);

// `N 0 R`.
void append_reference(std::string& out, std::size_t number);

// A real as libharu writes one (at most 5 decimals, no trailing zeros).
void append_real(std::string& out, double value);

// A text string (fit_string first): printable ASCII as a literal
// (PDFDocEncoding agrees), else UTF-16BE with a byte order mark, in hex.
void append_text_string(std::string& out, const std::string& text);

// A character as UTF-16BE in upper-case hex (a surrogate pair above
// U+FFFF), as text strings and CMap destinations write it.
void append_utf16_hex(std::string& out, char32_t c);

// A literal string of bytes (an ASCII URI): ( ) \ and bytes outside
// printable ASCII escaped.
void append_literal(std::string& out, const std::string& bytes);

}  // namespace handout::pdf
