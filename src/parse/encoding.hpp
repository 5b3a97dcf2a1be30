// What a deck's bytes are before the text reader reads them as UTF-8: text
// in UTF-16 or UTF-32 with a byte order mark is decoded (ICU), and for bytes
// that are not UTF-8 ICU's charset detector names the likely encoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace handout {

// The encoding that the byte order mark at the start of `bytes` names
// (`UTF-16LE`, `UTF-16BE`, `UTF-32LE`, `UTF-32BE`), or nothing; a UTF-8 mark
// is not one of them (the text reader drops it).
std::optional<std::string_view> unicode_bom_encoding(std::string_view bytes);

// `bytes` (starting with their byte order mark) decoded from `encoding` to
// UTF-8, the mark dropped; on a malformed sequence, nothing and `bad_offset`
// is where it starts.
std::optional<std::string> decode_to_utf8(std::string_view bytes, std::string_view encoding,
                                          std::size_t& bad_offset);

// The encoding ICU's charset detector finds for `bytes` (`GB18030`, `Big5`,
// `Shift_JIS`, `EUC-KR`, …) when it is confident (50 of 100 or more) and it
// is not UTF-8; else nothing.
std::optional<std::string> likely_encoding(std::string_view bytes);

}  // namespace handout
