// Every limit the tool enforces, named in one place (see docs/LIMITS.md).
#pragma once

#include <cstddef>

namespace handout::limits {

// Largest input file read, text or intermediate: by default 64 MiB, a
// thousand times a long talk; `--max-input-size` sets it for a run.
inline constexpr std::size_t default_max_input_bytes = std::size_t{64} << 20;
std::size_t max_input_bytes();
void set_max_input_bytes(std::size_t bytes);
// Longest line of a text deck; a longer one is not slide text.
inline constexpr std::size_t max_line_bytes = std::size_t{1} << 20;  // 1 MiB
// Deepest bullet level.
inline constexpr int max_bullet_level = 3;
// PowerPoint packages (.pptx): most parts (zip entries), largest part
// unpacked, most bytes unpacked in all, most slides.
inline constexpr std::size_t max_package_entries = 10'000;
inline constexpr std::size_t max_package_part_bytes = std::size_t{32} << 20;  // 32 MiB
inline constexpr std::size_t max_package_bytes = std::size_t{256} << 20;      // 256 MiB
inline constexpr std::size_t max_slides = 10'000;
// Deepest nesting of <list> in an intermediate: one list per bullet level. A
// deeper list is reported once and not read, so that a hostile file cannot
// make the (recursive) reader overflow the stack.
inline constexpr int max_list_depth = max_bullet_level;
// Most errors, and most warnings, printed for one file; then a count of the rest.
inline constexpr int max_printed_diagnostics_per_file = 50;
// Most other occurrences a duplicate-across-slides finding lists (its related
// lines); the message counts the rest. One finding per video, not per pair.
inline constexpr std::size_t max_listed_occurrences = 100;
// Most characters of an input a message quotes (a sidecar or style key or
// value, a word of an intermediate or a .handoutignore): then an ellipsis,
// so that a hostile file (a symlink to /etc/shadow) is never quoted whole
// into a public CI log.
inline constexpr std::size_t max_quoted_chars = 40;
// Largest sidecar metadata file.
inline constexpr std::size_t max_metadata_bytes = std::size_t{64} << 10;  // 64 KiB
// Most distinct characters in one PDF: each embedded font's cmap maps the
// text codes (render/pdf/text_codes.hpp) in one format 4 subtable, whose
// 16-bit length (32 bytes + 2 per code) must not pass 65,535.
inline constexpr std::size_t max_pdf_characters = 32'751;
// Fewest pages of a PDF that libharu writes through a temp file rather than
// its memory stream, so that a long document is not held twice (see
// docs/PERFORMANCE.md, memory); shorter ones are faster in memory.
inline constexpr std::size_t min_pdf_pages_saved_through_a_file = 200;
// Least text (bytes of the titles, bullets and link addresses) of a report
// whose PDF is laid out page by page, in two passes (render/pdf/layout.hpp),
// rather than held whole before it is drawn: about 400 pages. Shorter ones
// (every ordinary deck) take the one pass, which is faster.
inline constexpr std::size_t min_pdf_text_bytes_laid_out_page_by_page = std::size_t{1} << 20;
// Total-fit line breaking of one paragraph (a bullet's text between hard
// line breaks): most candidate breaks, and most candidate lines measured;
// past either the paragraph is broken greedily, line by line.
inline constexpr std::size_t max_total_fit_breaks = 20'000;
inline constexpr std::size_t max_total_fit_lines_tried = 400'000;
// Font subsets the DOCX writer keeps for later decks of a run (each about
// 100 KB to 1 MB); decks of one series mostly show the same characters.
inline constexpr std::size_t docx_kept_font_subsets = 8;
// Most installed fonts tried, best first, for a character the style's fonts
// lack (render/pdf/fonts.hpp): the first that may be embedded draws it.
inline constexpr std::size_t max_fallback_candidates = 4;
// Runs of Latin text shaped for their kerning and kept for every later deck
// of the process (render/pdf/measure.cpp): a batch's decks repeat their
// words. Past it a deck keeps what it shapes for itself.
inline constexpr std::size_t max_shared_shaped_runs = 50'000;

// The online link check (handout links --online).
// Largest response body kept (an oEmbed answer); a longer one is not read.
inline constexpr std::size_t max_response_body_bytes = std::size_t{1} << 20;  // 1 MiB
// Largest body read and thrown away (a thumbnail, a web page) before the
// connection is closed instead.
inline constexpr std::size_t max_discarded_body_bytes = std::size_t{256} << 10;  // 256 KiB
// Largest response header (all its lines, per response) read; a server
// sending more is answered "response header too large".
inline constexpr std::size_t max_response_header_bytes = std::size_t{64} << 10;  // 64 KiB
// Redirects followed per request.
inline constexpr int max_redirects = 10;
// Requests in flight at once to one host (scheme, host and port).
inline constexpr int max_requests_per_host = 2;
// Largest --concurrency and --retries accepted.
inline constexpr int max_concurrency = 64;
inline constexpr int max_retries = 10;
// The first retry waits this long, each further one twice as long.
inline constexpr int retry_backoff_ms = 1000;
// Longest Retry-After honoured; a server asking for more is not retried.
inline constexpr int max_retry_after_seconds = 60;
// Largest cache file read.
inline constexpr std::size_t max_cache_bytes = std::size_t{64} << 20;  // 64 MiB

}  // namespace handout::limits
