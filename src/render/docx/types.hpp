// The DOCX writer's data: the package of parts it builds, the read-only
// settings every phase reads, and the state the phases update.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "document.hpp"
#include "render/outline.hpp"
#include "style.hpp"

namespace handout::docx {

// One part of the package: `/word/document.xml` and its XML, or a binary
// part (an embedded font, an image) and its bytes.
struct part {
  std::string name;  // absolute part name, starting with '/'
  std::string content_type;
  pugi::xml_document xml;
  bool binary = false;
  std::string data;  // the bytes of a binary part
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
  diagnostics warnings;
};

}  // namespace handout::docx
