// The DOCX writer's data: the package of parts it builds, the read-only
// settings every phase reads, and the state the phases update.
#pragma once

#include <algorithm>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"
#include "render/outline.hpp"
#include "style.hpp"

namespace handout::docx {

// Text kept in pieces of about a MiB: it grows without copying what it holds,
// where a string grown by doubling holds up to twice its size while it grows.
class piecewise_text {
 public:
  void append(std::string_view s) {
    if (pieces_.empty() || pieces_.back().size() + s.size() > pieces_.back().capacity()) {
      // Pieces as large as the text so far, from 16 KiB to 1 MiB.
      const std::size_t size = std::clamp(size_, std::size_t{16} << 10, std::size_t{1} << 20);
      pieces_.emplace_back().reserve(std::max(size, s.size()));
    }
    pieces_.back().append(s);
    size_ += s.size();
  }
  const std::vector<std::string>& pieces() const { return pieces_; }
  std::string joined() const {
    std::string out;
    for (const std::string& p : pieces_) out += p;
    return out;
  }
  void clear() {
    std::vector<std::string>().swap(pieces_);
    size_ = 0;
  }

 private:
  std::vector<std::string> pieces_;
  std::size_t size_ = 0;
};

// One part of the package: its XML, or a binary part (an embedded font, an
// image) and its bytes, or a part written while it was built
// (`/word/document.xml`, which as a tree took four times its size).
struct part {
  std::string name;  // absolute part name, starting with '/'
  std::string content_type;
  pugi::xml_document xml;
  bool binary = false;
  std::string data;  // the bytes of a binary part
  // A written part: the file as the zip stores it (declaration, raw XML) and,
  // when the Flat OPC form is wanted, its root element as that form nests it
  // (indented from depth 3).
  bool written = false;
  piecewise_text file, nested;
};

// Every part of one document, in package order. The Flat OPC file and the
// zipped .docx are both serialized from one of these.
struct package {
  std::vector<part> parts;
};

// One relationship of a `.rels` part.
struct relationship {
  std::string id;
  std::string type;
  std::string target;
  bool external = false;
};

// The relationships of one source part; ids are `rId1`, `rId2`, ... in the
// order they are added.
class relationships {
 public:
  // Adds a relationship and returns its id.
  std::string add(std::string type, std::string target, bool external = false);
  const std::vector<relationship>& all() const { return list_; }

 private:
  std::vector<relationship> list_;
};

// Read-only settings: what to write (the report and its outline), and how it
// should look.
struct writer_env {
  const report* doc = nullptr;
  const handout::style* look = nullptr;
  metadata meta;                   // doc->meta without what XML cannot carry
  std::string latin_font;          // the ascii and hAnsi slots' family, or empty
  std::string east_asian_font;     // the eastAsia slot's family, or empty
  bool embeds_fonts = false;       // fontTable.xml embeds subsets of them
  std::string lang;                // language of Latin text, e.g. en-US
  std::string lang_east_asia;      // language of CJK text, e.g. zh-CN
  outline plan;                    // headings, fixed words and link rows of `doc`
  std::vector<int> heading_pages;  // per heading of `plan`: its page from the cover; 0: unknown
};

// What the phases build up: relationship ids, numbering ids, bookmarks and
// the warnings about text that could not be written.
struct writer_state {
  relationships package_rels;   // /_rels/.rels
  relationships document_rels;  // /word/_rels/document.xml.rels
  int bullet_num_id = 0;        // w:numId of the bullet list, once numbering exists
  int next_bookmark_id = 0;
  int next_drawing_id = 1;                                 // wp:docPr ids, unique in the document
  std::vector<std::pair<std::string, std::string>> media;  // /word/media/NAME and its bytes
  std::set<char32_t> written_chars;  // what the written parts show (the fonts' subsets)
  diagnostics warnings;
};

}  // namespace handout::docx
