// The .odp / .fodp reader. Phases: the content document (content.xml of the
// zip, or the flat file itself), its `draw:page`s in order, each page's
// frames sorted by `presentation:class` into slide_parts, then read_slides
// (slide_package.hpp) as for .pptx.
#include "parse/odp_reader.hpp"

#include <algorithm>
#include <pugixml.hpp>
#include <vector>

#include "io.hpp"
#include "limits.hpp"
#include "parse/slide_package.hpp"

namespace handout {

namespace {

using namespace slides;

const char* attribute(const pugi::xml_node& n, std::string_view qualified) {
  return n.attribute(std::string(qualified).c_str()).value();
}

// The text of a paragraph (`text:p`, `text:h`, `text:span`, `text:a`…):
// `text:s` are spaces, `text:tab` a tab, `text:line-break` a space; the
// targets of `text:a` links are collected, and whether all of its words
// are linked (or URLs).
void collect_text(const pugi::xml_node& n, paragraph& out, bool in_link) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      const std::string_view t = c.value();
      append_text(out.text, t);
      if (!in_link && t.find_first_not_of(" \t") != std::string_view::npos) {
        std::string_view word = t.substr(t.find_first_not_of(" \t"));
        if (!word.starts_with("http://") && !word.starts_with("https://")) out.only_links = false;
      }
      continue;
    }
    const std::string_view name = local_name(c);
    if (name == "s") {
      out.text.append(std::clamp(c.attribute("text:c").as_int(1), 1, 64), ' ');
    } else if (name == "tab") {
      out.text += '\t';
    } else if (name == "line-break") {
      out.text += ' ';
    } else if (name == "a") {
      if (std::string_view href = attribute(c, "xlink:href"); !href.empty()) {
        out.links.push_back(clean_text(href));
      }
      collect_text(c, out, true);
    } else if (name == "note" || name == "annotation") {
      // not slide text
    } else {
      collect_text(c, out, in_link);
    }
  }
}

// The paragraphs of a text box, lists nested to their levels.
void collect_paragraphs(const pugi::xml_node& n, int level, std::vector<paragraph>& out) {
  for (pugi::xml_node c : n.children()) {
    const std::string_view name = local_name(c);
    if (name == "p" || name == "h") {
      paragraph p;
      p.level = std::clamp(level, 1, limits::max_bullet_level);
      collect_text(c, p, false);
      if (p.text.find_first_not_of(" \t") != std::string::npos || !p.links.empty()) {
        out.push_back(std::move(p));
      }
    } else if (name == "list") {
      collect_paragraphs(c, level + 1, out);
    } else if (name == "list-item" || name == "list-header" || name == "section") {
      collect_paragraphs(c, level, out);
    }
  }
}

void collect_frames(const pugi::xml_node& container, slide_parts& out) {
  for (pugi::xml_node f : container.children()) {
    const std::string_view name = local_name(f);
    if (name == "g") {
      collect_frames(f, out);
      continue;
    }
    if (name != "frame" && name != "custom-shape" && name != "rect") continue;
    const std::string_view role = attribute(f, "presentation:class");
    if (role == "footer" || role == "page-number" || role == "date-time" || role == "header" ||
        role == "notes" || role == "graphic" || role == "object") {
      continue;
    }
    std::vector<paragraph> ps;
    pugi::xml_node box = name == "frame" ? child(f, "text-box") : f;
    collect_paragraphs(box, 0, ps);
    // Outline paragraphs outside lists are first-level bullets, as Impress shows them.
    for (auto& p : ps) p.level = std::max(p.level, 1);
    if (role == "title") {
      for (const auto& p : ps) out.title += (out.title.empty() ? "" : " ") + p.text;
    } else if (role == "subtitle") {
      out.subtitle.insert(out.subtitle.end(), ps.begin(), ps.end());
    } else if (role == "outline") {
      out.body.insert(out.body.end(), ps.begin(), ps.end());
    } else {
      out.boxes.insert(out.boxes.end(), ps.begin(), ps.end());
    }
  }
}

// True when the page's `presentation:notes` hold text; Impress writes them
// for every page, most empty.
bool has_notes_text(const pugi::xml_node& page) {
  pugi::xml_node notes = child(page, "notes");
  if (!notes) return false;
  for (const pugi::xpath_node& t : notes.select_nodes(".//text()")) {
    if (std::string_view(t.node().value()).find_first_not_of(" \t\r\n") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_odp_path(const std::string& path) {
  const std::string ext = lower_extension(path);
  return ext == ".odp" || ext == ".fodp";
}

std::optional<report> read_odp(std::string_view bytes, bool flat, const std::string& source,
                               diagnostics& diags) {
  pugi::xml_document doc;
  if (flat) {
    if (!parse_xml(bytes, "", 0, doc, source, diags)) return std::nullopt;
  } else {
    zip_package pkg(source, diags, "an OpenDocument package");
    if (!pkg.open(bytes) || !pkg.read_xml("content.xml", 0, doc)) return std::nullopt;
  }
  pugi::xml_node presentation = child(child(doc.document_element(), "body"), "presentation");
  if (!presentation) {
    diags.error(source, 0, 0, "not an OpenDocument presentation (no office:presentation)");
    return std::nullopt;
  }
  std::vector<slide_parts> pages;
  for (pugi::xml_node page : presentation.children()) {
    if (local_name(page) != "page") continue;
    if (pages.size() >= limits::max_slides) {
      diags.error(source, 0, 0, "more than " + std::to_string(limits::max_slides) + " slides");
      return std::nullopt;
    }
    slide_parts& parts = pages.emplace_back();
    collect_frames(page, parts);
    parts.has_notes = has_notes_text(page);
  }
  return read_slides(pages, {}, source, diags);
}

}  // namespace handout
