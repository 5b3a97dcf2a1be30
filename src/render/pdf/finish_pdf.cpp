#include "render/pdf/finish_pdf.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace handout::pdf {

std::optional<std::string> deflate_stream(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_SPEED) != Z_OK) {
    return std::nullopt;
  }
  out.resize(size);
  out.shrink_to_fit();  // kept until the file is written: only what it holds
  return out;
}

namespace {

// The number in `N 0 R` right after `key` in `text`, or 0.
unsigned reference_after(std::string_view text, std::string_view key) {
  std::size_t at = text.find(key);
  if (at == std::string_view::npos) return 0;
  const std::string_view rest = text.substr(at + key.size());
  std::size_t digits = rest.find_first_not_of("0123456789");
  if (digits == 0 || digits == std::string_view::npos || !rest.substr(digits).starts_with(" 0 R")) {
    return 0;
  }
  return static_cast<unsigned>(
      std::strtoul(std::string(rest.substr(0, digits)).c_str(), nullptr, 10));
}

struct edit {
  std::size_t at, length;
  std::string replacement;
};

// The classic xref table: each object's offset (0 when free), and where the
// table's entries and the startxref offset are.
struct xref_table {
  std::vector<std::size_t> offsets;  // by object number
  std::size_t entries = 0;           // the first entry's offset
  std::size_t startxref_value = 0, startxref_digits = 0;
  std::size_t xref = 0;
};

std::optional<xref_table> read_xref(const std::string& pdf) {
  xref_table t;
  std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string::npos) return std::nullopt;
  t.startxref_value = pdf.find_first_of("0123456789", startxref + 9);
  if (t.startxref_value == std::string::npos) return std::nullopt;
  t.startxref_digits = pdf.find_first_not_of("0123456789", t.startxref_value) - t.startxref_value;
  t.xref = std::strtoul(pdf.c_str() + t.startxref_value, nullptr, 10);
  if (t.xref >= pdf.size() || pdf.compare(t.xref, 4, "xref") != 0) return std::nullopt;
  std::size_t line = pdf.find('\n', t.xref) + 1;
  char* end = nullptr;
  unsigned long first = std::strtoul(pdf.c_str() + line, &end, 10);
  unsigned long count = std::strtoul(end, &end, 10);
  if (first != 0 || count == 0) return std::nullopt;
  t.entries = pdf.find('\n', line) + 1;
  if (t.entries + count * 20 > pdf.size()) return std::nullopt;
  for (unsigned long i = 0; i < count; ++i) {
    const char* entry = pdf.c_str() + t.entries + i * 20;
    std::size_t offset = entry[17] == 'n' ? std::strtoul(entry, nullptr, 10) : 0;
    if (offset >= pdf.size()) return std::nullopt;
    t.offsets.push_back(offset);
  }
  return t;
}

// An object up to its `stream` or `endobj` keyword, which libharu starts on a
// line of its own (a name cannot hold a newline).
std::string_view dictionary_of(const std::string& pdf, std::size_t object) {
  std::size_t end = pdf.find("\nendobj", object);
  if (end == std::string::npos) return {};
  std::string_view whole = std::string_view(pdf).substr(object, end - object);
  return whole.substr(0, whole.find("\nstream"));
}

// A stream object as libharu writes it: `N 0 obj\n<<\n…\n>>\nstream\r\n`,
// the data, `\nendstream`, and an indirect /Length: `M 0 obj\nLENGTH\nendobj`.
struct stream_object {
  std::size_t data_start = 0, data_length = 0;
  std::size_t length_digits = 0, length_digits_size = 0;  // LENGTH
};

std::optional<stream_object> locate_stream(const std::string& pdf, const xref_table& xref,
                                           unsigned number) {
  auto offset_of = [&](unsigned n) { return n < xref.offsets.size() ? xref.offsets[n] : 0; };
  const std::size_t object = offset_of(number);
  if (object == 0) return std::nullopt;
  stream_object s;
  const std::string_view dict = dictionary_of(pdf, object);
  const std::size_t keyword = object + dict.size();
  if (dict.find("/Filter") != std::string_view::npos ||
      pdf.compare(keyword, 9, "\nstream\r\n") != 0) {
    return std::nullopt;
  }
  s.data_start = keyword + 9;

  const std::size_t length_object = offset_of(reference_after(dict, "/Length "));
  if (length_object == 0) return std::nullopt;
  s.length_digits = pdf.find_first_of("0123456789", pdf.find("obj", length_object) + 3);
  if (s.length_digits == std::string::npos) return std::nullopt;
  s.length_digits_size = pdf.find_first_not_of("0123456789", s.length_digits) - s.length_digits;
  s.data_length = std::strtoul(pdf.c_str() + s.length_digits, nullptr, 10);
  if (s.data_start + s.data_length > pdf.size() ||
      pdf.compare(s.data_start + s.data_length, 10, "\nendstream") != 0) {
    return std::nullopt;  // the stream is not what its /Length says: leave it alone
  }
  return s;
}

// Edits compressing uncompressed stream `number`, or replacing its data
// with `*data` (when not null), compressed.
bool compress_stream(const std::string& pdf, const xref_table& xref, unsigned number,
                     const std::string* data, std::vector<edit>& edits) {
  auto s = locate_stream(pdf, xref, number);
  if (!s) return false;
  auto packed = deflate_stream(data ? std::string_view(*data)
                                    : std::string_view(pdf).substr(s->data_start, s->data_length));
  if (!packed) return false;
  const std::size_t dict_open = pdf.find("<<", xref.offsets[number]);
  edits.push_back({dict_open + 2, 0, "\n/Filter /FlateDecode"});
  edits.push_back({s->length_digits, s->length_digits_size, std::to_string(packed->size())});
  edits.push_back({s->data_start, s->data_length, std::move(*packed)});
  return true;
}

// A name's bytes after the `/`, with #XX for bytes outside `!`..`~`, `#`
// and the delimiters. libharu (HPDF_Stream_WriteEscapeName) writes at most
// 127 bytes and leaves spaces as they are, which is not valid PDF:
// `as_libharu` gives its form, to find the name; the other, to replace it.
std::string escaped_name(std::string_view name, bool as_libharu) {
  if (as_libharu) name = name.substr(0, 127);
  std::string out;
  for (unsigned char c : name) {
    const bool plain =
        (c > 0x20 || (as_libharu && c == 0x20)) && c < 0x7F &&
        std::string_view("#()<>[]{}/%\\").find(static_cast<char>(c)) == std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "#%02X", c);
      out += hex;
    }
  }
  return out;
}

// The subset tag of a font program: six capital letters from its bytes, so
// that different subsets get different tags and one subset always the same.
std::string subset_tag(std::string_view ttf) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (unsigned char c : ttf) h = (h ^ c) * 1099511628211ull;
  std::string tag;
  for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
  return tag;
}

// A compressed stream object with a direct /Length.
std::optional<std::string> stream_object_text(std::size_t number, const std::string& extra,
                                              std::string_view data) {
  auto packed = deflate_stream(data);
  if (!packed) return std::nullopt;
  return std::to_string(number) + " 0 obj\n<<\n/Filter /FlateDecode\n" + extra + "/Length " +
         std::to_string(packed->size()) + "\n>>\nstream\r\n" + *packed + "\nendstream\nendobj\n";
}

// Orders edits by where they apply.
bool by_position(const edit& x, const edit& y) { return x.at < y.at; }

// The fonts' names as libharu wrote them, and the subset names they get.
struct font_names {
  std::vector<std::string> written, renamed;

  explicit font_names(const std::vector<font_program>& fonts) {
    for (const font_program& f : fonts) {
      written.push_back(escaped_name(f.name, true));
      renamed.push_back(subset_tag(f.ttf) + "+" + escaped_name(f.name, false));
    }
  }

  // The font whose name follows `key` in the dictionary at `offset` (up to
  // the end of libharu's line), and an edit giving it the subset's name; -1
  // when none.
  int rename(std::size_t offset, std::string_view dict, std::string_view key,
             std::vector<edit>& out) const {
    std::size_t at = dict.find(key);
    if (at == std::string_view::npos) return -1;
    at += key.size();
    std::string_view name = dict.substr(at);
    name = name.substr(0, name.find('\n'));
    for (std::size_t i = 0; i < written.size(); ++i) {
      if (name == written[i]) {
        out.push_back({offset + at, name.size(), renamed[i]});
        return static_cast<int>(i);
      }
    }
    return -1;
  }
};

// Phase 1: edits of the objects' dictionaries, found by what they hold:
// each font renamed and given its program (/FontFile2) and map
// (/CIDToGIDMap), the new objects from `first_new` on (font i: program
// 2i, map 2i + 1, then the tree); every stream compressed (or, when
// deflated already, given its /Filter), the ToUnicode maps replaced; the
// catalog given the tree's root. False when a font or the catalog is not
// found exactly once or a stream is not as expected.
bool edit_objects(const std::string& pdf, const xref_table& xref, const pdf_additions& add,
                  std::vector<edit>& edits) {
  const std::size_t first_new = xref.offsets.size();
  const std::vector<font_program>& fonts = add.fonts;
  const font_names names(fonts);
  const std::set<unsigned> deflated(add.deflated.begin(), add.deflated.end());
  std::vector<int> descendants(fonts.size()), descriptors(fonts.size());
  std::set<unsigned> maps, streams;
  int catalogs = 0;
  for (unsigned object = 0; object < xref.offsets.size(); ++object) {
    const std::size_t offset = xref.offsets[object];
    if (offset == 0) continue;
    const std::string_view dict = dictionary_of(pdf, offset);
    auto at = [&](std::string_view key) { return offset + dict.find(key) + key.size(); };
    // Every stream but the XMP metadata, which stays readable in the bytes.
    if (pdf.compare(offset + dict.size(), 7, "\nstream") == 0 &&
        dict.find("/Type /Metadata") == std::string_view::npos) {
      if (deflated.count(object)) {
        edits.push_back({at("<<"), 0, "\n/Filter /FlateDecode"});
      } else {
        streams.insert(object);
      }
    }
    if (unsigned n = reference_after(dict, "/ToUnicode ")) maps.insert(n);
    const bool descendant = dict.find("/Subtype /CIDFontType2") != std::string_view::npos;
    if (dict.find("/Subtype /Type0") != std::string_view::npos || descendant) {
      int i = names.rename(offset, dict, "/BaseFont /", edits);
      if (i < 0) return false;
      if (descendant) {
        ++descendants[i];
        edits.push_back(
            {at("<<"), 0, "\n/CIDToGIDMap " + std::to_string(first_new + 2 * i + 1) + " 0 R"});
      }
    } else if (dict.find("/Type /FontDescriptor") != std::string_view::npos) {
      int i = names.rename(offset, dict, "/FontName /", edits);
      if (i < 0) return false;
      ++descriptors[i];
      edits.push_back({at("<<"), 0, "\n/FontFile2 " + std::to_string(first_new + 2 * i) + " 0 R"});
    } else if (dict.find("/Type /Catalog") != std::string_view::npos && add.tree.count > 0) {
      ++catalogs;
      edits.push_back(
          {at("<<"), 0,
           "\n/StructTreeRoot " + std::to_string(first_new + 2 * fonts.size()) + " 0 R"});
    }
  }
  for (std::size_t i = 0; i < fonts.size(); ++i) {
    if (descendants[i] != 1 || descriptors[i] != 1) return false;
  }
  if (add.tree.count > 0 && catalogs != 1) return false;
  for (unsigned n : streams) {
    const std::string* data = maps.count(n) ? &add.to_unicode_cmap : nullptr;
    if (!compress_stream(pdf, xref, n, data, edits)) return false;
  }
  return true;
}

// The objects a pass adds, as the text that goes before the xref table.
struct new_objects {
  std::string text;
  std::vector<std::size_t> offsets;             // of each object in `text`, npos for a packed one
  std::size_t xref_stream = std::string::npos;  // of the cross-reference stream in `text`
};

// Most objects of one object stream (its index is 2 bytes in the
// cross-reference stream).
constexpr std::size_t max_objects_per_stream = 2000;

void put_big_endian(std::string& out, std::size_t value, int bytes) {
  for (int b = bytes - 1; b >= 0; --b) out += static_cast<char>((value >> (8 * b)) & 0xFF);
}

// The tree's objects, numbered from `first`, in object streams numbered
// after them, and a cross-reference stream (for /XRefStm) that finds them
// there; each stream's objects written only when it is made.
bool pack_tree(const appended_tree& tree, std::size_t first, new_objects& added) {
  if (tree.count == 0) return true;
  const std::size_t streams = (tree.count + max_objects_per_stream - 1) / max_objects_per_stream;
  std::string entries;  // the cross-reference stream's rows: type 2, stream, index
  entries.reserve(tree.count * 7);
  for (std::size_t k = 0; k < tree.count; ++k) {
    entries += '\2';
    put_big_endian(entries, first + tree.count + k / max_objects_per_stream, 4);
    put_big_endian(entries, k % max_objects_per_stream, 2);
    added.offsets.push_back(std::string::npos);
  }
  std::string offsets, bodies;
  for (std::size_t j = 0; j < streams; ++j) {
    offsets.clear();
    bodies.clear();
    const std::size_t end = std::min(tree.count, (j + 1) * max_objects_per_stream);
    for (std::size_t k = j * max_objects_per_stream; k < end; ++k) {
      offsets += std::to_string(first + k) + " " + std::to_string(bodies.size()) + " ";
      tree.body(first, k, bodies);
      bodies += '\n';
    }
    auto stream =
        stream_object_text(first + tree.count + j,
                           "/Type /ObjStm\n/N " + std::to_string(end - j * max_objects_per_stream) +
                               "\n/First " + std::to_string(offsets.size()) + "\n",
                           offsets + bodies);
    if (!stream) return false;
    added.offsets.push_back(added.text.size());
    added.text += *stream;
  }
  const std::size_t xref_number = first + tree.count + streams;
  auto xref_stream = stream_object_text(xref_number,
                                        "/Type /XRef\n/Size " + std::to_string(xref_number + 1) +
                                            "\n/Index [" + std::to_string(first) + " " +
                                            std::to_string(tree.count) + "]\n/W [1 4 2]\n",
                                        entries);
  if (!xref_stream) return false;
  added.xref_stream = added.text.size();
  added.offsets.push_back(added.text.size());
  added.text += *xref_stream;
  return true;
}

// Phase 2: the new objects, numbered from `first_new`: font i's program,
// then its CIDToGIDMap; then the tree and its object streams.
std::optional<new_objects> make_new_objects(const xref_table& xref, const pdf_additions& add) {
  const std::size_t first_new = xref.offsets.size();
  new_objects added;
  for (std::size_t i = 0; i < add.fonts.size(); ++i) {
    const font_program& font = add.fonts[i];
    auto program = stream_object_text(
        first_new + 2 * i, "/Length1 " + std::to_string(font.ttf.size()) + "\n", font.ttf);
    auto map = stream_object_text(first_new + 2 * i + 1, "", font.cid_to_gid);
    if (!program || !map) return std::nullopt;
    added.offsets.push_back(added.text.size());
    added.text += *program;
    added.offsets.push_back(added.text.size());
    added.text += *map;
  }
  if (!pack_tree(add.tree, first_new + 2 * add.fonts.size(), added)) return std::nullopt;
  return added;
}

// Phase 3: edits for the xref table (old entries moved by `edits`, the new
// objects added after them), /Size and startxref. Sorts `edits` by position.
bool edit_xref(const std::string& pdf, const xref_table& xref, new_objects& added,
               std::vector<edit>& edits) {
  std::stable_sort(edits.begin(), edits.end(), by_position);
  std::vector<long long> shift_before{0};  // [k]: the growth from edits[0..k)
  for (const edit& e : edits) {
    shift_before.push_back(shift_before.back() + static_cast<long long>(e.replacement.size()) -
                           static_cast<long long>(e.length));
  }
  auto moved = [&](std::size_t offset) {
    auto k = std::lower_bound(edits.begin(), edits.end(), edit{offset, 0, {}}, by_position) -
             edits.begin();
    return static_cast<std::size_t>(static_cast<long long>(offset) + shift_before[k]);
  };
  const std::size_t first_new = xref.offsets.size();
  const std::size_t xref_moved = moved(xref.xref);
  const std::size_t count = first_new + added.offsets.size();
  // One row per object; the packed ones have none, so that a PDF 1.5
  // reader finds them through /XRefStm (poppler takes a table's row first).
  auto row = [&](std::size_t i, std::string& out) {
    if (i < first_new && xref.offsets[i] == 0) {
      out.append(pdf, xref.entries + i * 20, 20);
      return;
    }
    const std::size_t offset =
        i < first_new ? moved(xref.offsets[i]) : xref_moved + added.offsets[i - first_new];
    char buf[24];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n\r\n", offset);
    out += buf;
  };
  auto has_row = [&](std::size_t i) {
    return i < first_new || added.offsets[i - first_new] != std::string::npos;
  };
  std::string table = "xref\n";
  for (std::size_t i = 0; i < count;) {  // subsections of consecutive rows
    std::size_t end = i;
    while (end < count && has_row(end)) ++end;
    if (end > i) {
      table += std::to_string(i) + " " + std::to_string(end - i) + "\n";
      for (std::size_t k = i; k < end; ++k) row(k, table);
    }
    i = end;
    while (i < count && !has_row(i)) ++i;
  }
  const std::size_t entries_end = xref.entries + first_new * 20;
  const std::size_t size_at = pdf.find("/Size ", entries_end);
  if (size_at == std::string::npos || size_at > xref.startxref_value) return false;
  const std::size_t size_digits = size_at + 6;
  const std::size_t size_digits_end = pdf.find_first_not_of("0123456789", size_digits);
  const std::size_t added_size = added.text.size();
  edits.push_back({xref.xref, 0, std::move(added.text)});  // applied first: the edits are stable
  edits.push_back({xref.xref, entries_end - xref.xref, std::move(table)});
  edits.push_back({size_digits, size_digits_end - size_digits,
                   std::to_string(count) +
                       (added.xref_stream == std::string::npos
                            ? std::string()
                            : "\n/XRefStm " + std::to_string(xref_moved + added.xref_stream))});
  edits.push_back(
      {xref.startxref_value, xref.startxref_digits, std::to_string(xref_moved + added_size)});
  return true;
}

// Phase 4: the edits applied in one pass from the front, written in pieces
// of about a mebibyte.
bool write_edited(const std::string& pdf, std::vector<edit>& edits, const byte_sink& out) {
  constexpr std::size_t piece = std::size_t{1} << 20;
  std::stable_sort(edits.begin(), edits.end(), by_position);
  const std::string_view whole(pdf);
  std::string buffer;
  auto put = [&](std::string_view bytes) {
    if (buffer.size() + bytes.size() < piece) {
      buffer.append(bytes);
      return true;
    }
    const bool good = out(buffer) && out(bytes);
    buffer.clear();
    return good;
  };
  std::size_t from = 0;
  for (const edit& e : edits) {
    if (!put(whole.substr(from, e.at - from)) || !put(e.replacement)) return false;
    from = e.at + e.length;
  }
  return put(whole.substr(from)) && out(buffer);
}

}  // namespace

bool finish_pdf(const std::string& pdf, const pdf_additions& add, const byte_sink& out) {
  auto xref = read_xref(pdf);
  if (!xref) return false;
  std::vector<edit> edits;
  if (!edit_objects(pdf, *xref, add, edits)) return false;
  auto added = make_new_objects(*xref, add);
  if (!added || !edit_xref(pdf, *xref, *added, edits)) return false;
  return write_edited(pdf, edits, out);
}

bool finish_pdf(std::string& pdf, const std::vector<font_program>& fonts,
                const std::string& to_unicode_cmap) {
  std::string finished;
  const pdf_additions add{fonts, to_unicode_cmap, {}, {}};
  if (!finish_pdf(pdf, add, [&](std::string_view piece) {
        finished.append(piece);
        return true;
      })) {
    return false;
  }
  pdf = std::move(finished);
  return true;
}

}  // namespace handout::pdf
