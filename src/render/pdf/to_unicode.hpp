// A repair of libharu 2.3.0 output: the ToUnicode CMap it writes for
// UTF-8 fonts uses `begincidrange`, which is not valid in a ToUnicode map
// (poppler warns and guesses; other readers may not extract text). The
// character codes it writes are Unicode code points, so an identity map with
// `beginbfrange` is the correct one.
#pragma once

#include <string>

namespace handout::pdf {

// Replaces the stream of every ToUnicode CMap in `pdf` (a file as libharu
// writes it: a classic xref table, indirect /Length objects) with an identity
// map, and moves the xref offsets accordingly. Returns false, leaving `pdf`
// unchanged, when the file is not laid out as expected.
bool repair_to_unicode(std::string& pdf);

// The identity ToUnicode CMap for 2-byte codes (the surrogate block excluded).
std::string identity_to_unicode_cmap();

}  // namespace handout::pdf
