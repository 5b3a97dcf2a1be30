#include "render/pdf/to_unicode.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <vector>

namespace handout::pdf {

namespace {

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
  return buf;
}

std::string deflate(const std::string& data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_COMPRESSION) != Z_OK) {
    return {};
  }
  out.resize(size);
  return out;
}

// The byte offset of object `number`'s header (`N 0 obj`), or npos.
std::size_t find_object(const std::string& pdf, unsigned number) {
  std::string header = "\n" + std::to_string(number) + " 0 obj";
  std::size_t at = pdf.find(header);
  return at == std::string::npos ? at : at + 1;
}

// The number in `N 0 R` right after `key` at or after `from`, or 0.
unsigned reference_after(const std::string& pdf, const std::string& key, std::size_t from,
                         std::size_t limit) {
  std::size_t at = pdf.find(key, from);
  if (at == std::string::npos || at >= limit) return 0;
  const char* start = pdf.c_str() + at + key.size();
  char* end = nullptr;
  unsigned long n = std::strtoul(start, &end, 10);
  if (end == start || std::string_view(end, 4) != " 0 R") return 0;
  return static_cast<unsigned>(n);
}

struct edit {
  std::size_t at, length;
  std::string replacement;
};

}  // namespace

std::string identity_to_unicode_cmap() {
  std::vector<unsigned> highs;
  for (unsigned h = 0; h < 0x100; ++h) {
    if (h < 0xD8 || h > 0xDF) highs.push_back(h);
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < highs.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, highs.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = i; k < i + n; ++k) {
      unsigned base = highs[k] << 8;
      out += "<" + hex4(base) + "> <" + hex4(base | 0xFF) + "> <" + hex4(base) + ">\n";
    }
    out += "endbfrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

bool repair_to_unicode(std::string& pdf) {
  // 1. The ToUnicode streams and their /Length objects.
  std::set<unsigned> maps;
  for (std::size_t at = pdf.find("/ToUnicode "); at != std::string::npos;
       at = pdf.find("/ToUnicode ", at + 1)) {
    if (unsigned n = reference_after(pdf, "/ToUnicode ", at, at + 11)) maps.insert(n);
  }
  if (maps.empty()) return true;
  const std::string data = deflate(identity_to_unicode_cmap());
  if (data.empty()) return false;

  std::vector<edit> edits;
  for (unsigned n : maps) {
    std::size_t obj = find_object(pdf, n);
    if (obj == std::string::npos) return false;
    std::size_t dict_end = pdf.find("stream", obj);
    if (dict_end == std::string::npos) return false;
    if (pdf.find("/FlateDecode", obj) > dict_end) return false;
    unsigned length_obj = reference_after(pdf, "/Length ", obj, dict_end);
    if (length_obj == 0) return false;
    std::size_t data_start = dict_end + 6;
    if (pdf.compare(data_start, 2, "\r\n") == 0) {
      data_start += 2;
    } else if (pdf.compare(data_start, 1, "\n") == 0) {
      data_start += 1;
    } else {
      return false;
    }
    std::size_t data_end = pdf.find("endstream", data_start);
    if (data_end == std::string::npos) return false;
    // libharu ends the data with a newline before `endstream`.
    std::size_t old_length = data_end - data_start;
    if (old_length > 0 && pdf[data_end - 1] == '\n') --old_length;
    if (old_length > 0 && pdf[data_start + old_length - 1] == '\r') --old_length;
    edits.push_back({data_start, old_length, data});

    std::size_t len_at = find_object(pdf, length_obj);
    if (len_at == std::string::npos) return false;
    std::size_t digits = pdf.find_first_of("0123456789", pdf.find("obj", len_at) + 3);
    std::size_t digits_end = pdf.find_first_not_of("0123456789", digits);
    if (digits == std::string::npos || digits_end == std::string::npos ||
        std::stoul(pdf.substr(digits, digits_end - digits)) != old_length) {
      return false;  // the stream is not what its /Length says: leave it alone
    }
    edits.push_back({digits, digits_end - digits, std::to_string(data.size())});
  }

  // 2. The xref table and startxref.
  std::size_t startxref = pdf.rfind("startxref");
  if (startxref == std::string::npos) return false;
  std::size_t xref = std::strtoul(pdf.c_str() + startxref + 9, nullptr, 10);
  if (pdf.compare(xref, 4, "xref") != 0) return false;
  std::size_t line = pdf.find('\n', xref) + 1;
  char* end = nullptr;
  unsigned long first = std::strtoul(pdf.c_str() + line, &end, 10);
  unsigned long count = std::strtoul(end, &end, 10);
  if (first != 0 || count == 0) return false;
  std::size_t entries = pdf.find('\n', line) + 1;
  if (entries + count * 20 > pdf.size()) return false;

  std::sort(edits.begin(), edits.end(), [](const edit& a, const edit& b) { return a.at < b.at; });
  auto moved = [&](std::size_t offset) {
    long long shift = 0;
    for (const edit& e : edits) {
      if (e.at < offset) {
        shift += static_cast<long long>(e.replacement.size()) - static_cast<long long>(e.length);
      }
    }
    return static_cast<std::size_t>(static_cast<long long>(offset) + shift);
  };
  std::string new_entries;
  for (unsigned long i = 0; i < count; ++i) {
    std::string entry = pdf.substr(entries + i * 20, 20);
    if (entry[17] == 'n') {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%010zu", moved(std::stoul(entry.substr(0, 10))));
      entry.replace(0, 10, buf);
    }
    new_entries += entry;
  }
  edits.push_back({entries, count * 20, new_entries});
  std::size_t offset_at = pdf.find_first_of("0123456789", startxref + 9);
  std::size_t offset_end = pdf.find_first_not_of("0123456789", offset_at);
  edits.push_back({offset_at, offset_end - offset_at, std::to_string(moved(xref))});

  // 3. Apply from the back so that earlier offsets stay valid.
  std::sort(edits.begin(), edits.end(), [](const edit& a, const edit& b) { return a.at > b.at; });
  for (const edit& e : edits) pdf.replace(e.at, e.length, e.replacement);
  return true;
}

}  // namespace handout::pdf
