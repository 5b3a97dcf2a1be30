#include <openssl/evp.h>
#include <zip.h>

#include <algorithm>
#include <deque>
#include <memory>

#include "render/docx/docx.hpp"
#include "render/docx/ooxml.hpp"
#include "render/docx/parts.hpp"

namespace handout::docx {

namespace {

// Counts what a save would write, so that the bytes are kept in a string of
// exactly that size (a 27 MB document.xml grown by doubling held up to 54).
struct size_counter : pugi::xml_writer {
  std::size_t size = 0;
  void write(const void*, std::size_t n) override { size += n; }
};

// The zip entry name of a part: its part name without the leading '/'.
std::string entry_name(const std::string& part_name) {
  return part_name.empty() || part_name[0] != '/' ? part_name : part_name.substr(1);
}

// Every entry's modification time: 1980-01-01 00:00, the earliest DOS time.
constexpr zip_uint16_t fixed_dos_time = 0;
constexpr zip_uint16_t fixed_dos_date = (0 << 9) | (1 << 5) | 1;

struct zip_source_deleter {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
struct zip_archive_deleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// `data` in base64 (OpenSSL's encoder), a newline before each line of 76
// characters and after the last. Encoded in one call (57 bytes, a line, are
// whole groups of 3, so the lines are the same as encoding each) and then
// cut into lines: a call per line cost three times the instructions.
std::string base64_lines(std::string_view data) {
  constexpr std::size_t line_chars = 76;
  std::string encoded((data.size() + 2) / 3 * 4 + 1, '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                      reinterpret_cast<const unsigned char*>(data.data()),
                                      static_cast<int>(data.size()));
  encoded.resize(static_cast<std::size_t>(std::max(written, 0)));
  std::string out;
  out.reserve(encoded.size() + encoded.size() / line_chars + 2);
  for (std::size_t i = 0; i < encoded.size(); i += line_chars) {
    out += '\n';
    out.append(encoded, i, line_chars);
  }
  out += '\n';
  return out;
}

}  // namespace

std::string part_bytes(const part& p) {
  if (p.binary) return p.data;
  if (p.written) return p.file.joined();
  constexpr unsigned flags = pugi::format_raw | pugi::format_no_declaration;
  size_counter counter;
  p.xml.save(counter, "", flags, pugi::encoding_utf8);
  std::string out;
  out.reserve(std::string_view(xml_declaration).size() + counter.size);
  out = xml_declaration;
  string_writer w(out);
  p.xml.save(w, "", flags, pugi::encoding_utf8);
  return out;
}

void write_flat_opc(const package& pkg, pugi::xml_writer& out) {
  auto put = [&](std::string_view text) { out.write(text.data(), text.size()); };
  // Part names and content types are the writer's own ASCII constants; the
  // escape is there so that this stays true to XML if that ever changes.
  auto attribute = [&](std::string_view value) {
    std::string escaped;
    for (char c : value) {
      escaped += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '"' ? "&quot;" : std::string(1, c);
    }
    put(escaped);
  };
  put(xml_declaration);
  // Without this instruction Windows opens the file in a text editor.
  put("<?mso-application progid=\"Word.Document\"?>\n");
  put("<pkg:package xmlns:pkg=\"");
  put(ns::flat_opc);
  put("\">\n");
  for (const part& p : pkg.parts) {
    put(" <pkg:part pkg:name=\"");
    attribute(p.name);
    put("\" pkg:contentType=\"");
    attribute(p.content_type);
    if (p.binary) {
      // Fonts and images as base64 (xsd:base64Binary), as Word saves them.
      put("\" pkg:compression=\"store\">\n  <pkg:binaryData>");
      put(base64_lines(p.data));
      put("</pkg:binaryData>\n </pkg:part>\n");
      continue;
    }
    put("\">\n  <pkg:xmlData>\n");
    // Each part streams straight from its document, indented in place.
    if (p.written) {
      for (const std::string& piece : p.nested.pieces()) put(piece);
    } else {
      p.xml.document_element().print(out, " ", pugi::format_indent, pugi::encoding_utf8, 3);
    }
    put("  </pkg:xmlData>\n </pkg:part>\n");
  }
  put("</pkg:package>\n");
}

std::string to_flat_opc(const package& pkg) {
  std::string out;
  string_writer w(out);
  write_flat_opc(pkg, w);
  return out;
}

std::optional<std::string> to_zip(const package& pkg, std::string& error) {
  // Serialize first: libzip reads the buffers when the archive is closed.
  // Binary and written parts are zipped from the package (no copy).
  // Each entry is the fragments of its bytes.
  part types;
  build_content_types(pkg, types.xml);
  std::deque<std::string> serialized;
  std::vector<std::pair<std::string, std::vector<zip_buffer_fragment_t>>> entries;
  auto fragment = [](std::string_view bytes) {
    // libzip only reads through the pointer.
    return zip_buffer_fragment_t{reinterpret_cast<zip_uint8_t*>(const_cast<char*>(bytes.data())),
                                 bytes.size()};
  };
  entries.emplace_back("[Content_Types].xml",
                       std::vector{fragment(serialized.emplace_back(part_bytes(types)))});
  for (const part& p : pkg.parts) {
    auto& [name, fragments] =
        entries.emplace_back(entry_name(p.name), std::vector<zip_buffer_fragment_t>());
    if (p.written) {
      for (const std::string& piece : p.file.pieces()) fragments.push_back(fragment(piece));
    } else {
      fragments.push_back(fragment(p.binary ? p.data : serialized.emplace_back(part_bytes(p))));
    }
  }

  zip_error_t zerr;
  zip_error_init(&zerr);
  std::unique_ptr<zip_source_t, zip_source_deleter> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &zerr));
  if (!buffer) {
    error = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return std::nullopt;
  }
  std::unique_ptr<zip_t, zip_archive_deleter> archive(
      zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &zerr));
  if (!archive) {
    error = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return std::nullopt;
  }
  zip_error_fini(&zerr);
  zip_source_keep(buffer.get());  // the archive's close must not free it

  for (const auto& [name, fragments] : entries) {
    zip_source_t* src =
        zip_source_buffer_fragment(archive.get(), fragments.data(), fragments.size(), 0);
    if (!src) {
      error = zip_strerror(archive.get());
      return std::nullopt;
    }
    zip_int64_t index = zip_file_add(archive.get(), name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(src);
      error = zip_strerror(archive.get());
      return std::nullopt;
    }
    auto i = static_cast<zip_uint64_t>(index);
    // XML at deflate level 6. Fonts and pictures are stored: PNG is
    // compressed already, and deflating a font subset (103 KB → 61 KB for the
    // sample) took 3 to 6 ms, more than the rest of the writer
    // (docs/PERFORMANCE.md).
    const bool binary = name.ends_with(".png") || name.ends_with(".odttf");
    if (zip_set_file_compression(archive.get(), i, binary ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 binary ? 0 : 6) < 0 ||
        zip_file_set_dostime(archive.get(), i, fixed_dos_time, fixed_dos_date, 0) < 0 ||
        zip_file_set_external_attributes(archive.get(), i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0) {
      error = zip_strerror(archive.get());
      return std::nullopt;
    }
  }
  if (zip_close(archive.get()) < 0) {
    error = zip_strerror(archive.get());
    return std::nullopt;
  }
  archive.release();  // closed

  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer.get(), &st) < 0 || zip_source_open(buffer.get()) < 0) {
    error = zip_error_strerror(zip_source_error(buffer.get()));
    return std::nullopt;
  }
  out.resize(static_cast<std::size_t>(st.size));
  zip_int64_t n = zip_source_read(buffer.get(), out.data(), st.size);
  zip_source_close(buffer.get());
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    error = "cannot read the zipped package back";
    return std::nullopt;
  }
  return out;
}

}  // namespace handout::docx
