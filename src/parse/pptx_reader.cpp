// The .pptx reader. Phases: open the package (slide_package.hpp: libzip, in
// memory, every part bounded), find the slides in presentation order through
// the relationships, sort each slide's shapes by placeholder into
// slide_parts, and hand them to read_slides (canonical lines → the text
// reader's state machine). Sections come from PowerPoint's section list when
// there is one.
#include "parse/pptx_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <pugixml.hpp>
#include <vector>

#include "io.hpp"
#include "limits.hpp"
#include "parse/slide_package.hpp"
#include "parse/text_reader.hpp"

namespace handout {

namespace {

using namespace slides;

// The relationship id of an element (`r:id`, whatever the prefix): the
// attribute named `id` that has a prefix.
const char* relationship_id(const pugi::xml_node& n) {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view name = a.name();
    if (name.size() > 3 && name.ends_with(":id")) return a.value();
  }
  return "";
}

// A relationship of a part: its target and its type (the URI's last
// segment: `slide`, `slideLayout`, `notesSlide`, `hyperlink`).
struct relationship {
  std::string target;
  std::string type;
};
using relationship_map = std::map<std::string, relationship>;

// The relationships of part `part` (`ppt/slides/slide1.xml` →
// `ppt/slides/_rels/slide1.xml.rels`): id → target and type, internal
// targets resolved against the part's folder.
relationship_map relationships(zip_package& pkg, const std::string& part, int line) {
  std::filesystem::path p(part);
  const std::string rels =
      (p.parent_path() / "_rels" / (p.filename().string() + ".rels")).generic_string();
  relationship_map out;
  pugi::xml_document doc;
  if (!pkg.read_xml(rels, line, doc, false)) return out;
  for (pugi::xml_node r : doc.document_element().children()) {
    std::string target = r.attribute("Target").value();
    if (std::string_view(r.attribute("TargetMode").value()) != "External") {
      target = (target.starts_with("/") ? std::filesystem::path(target.substr(1))
                                        : (p.parent_path() / target).lexically_normal())
                   .generic_string();
    }
    const std::string_view type = r.attribute("Type").value();
    out[r.attribute("Id").value()] = {target, std::string(type.substr(type.rfind('/') + 1))};
  }
  return out;
}

// The target of the first relationship of `type`, or "".
std::string related(const relationship_map& rels, std::string_view type) {
  for (const auto& [id, r] : rels) {
    if (r.type == type) return r.target;
  }
  return "";
}

std::vector<paragraph> paragraphs(const pugi::xml_node& tx_body, const relationship_map& rels) {
  std::vector<paragraph> out;
  for (pugi::xml_node p : tx_body.children()) {
    if (local_name(p) != "p") continue;
    paragraph para;
    if (pugi::xml_node ppr = child(p, "pPr")) {
      para.level = std::clamp(ppr.attribute("lvl").as_int(0) + 1, 1, limits::max_bullet_level);
    }
    for (pugi::xml_node r : p.children()) {
      const std::string_view kind = local_name(r);
      if (kind == "br") {
        para.text += ' ';
        continue;
      }
      if (kind != "r" && kind != "fld") continue;
      const std::string_view t = child(r, "t").text().get();
      append_text(para.text, t);
      bool linked = false;
      if (pugi::xml_node click = child(child(r, "rPr"), "hlinkClick")) {
        if (auto it = rels.find(relationship_id(click)); it != rels.end()) {
          para.links.push_back(clean_text(it->second.target));
          linked = true;
        }
      }
      const std::string_view word(t);
      if (!linked && !word.empty() && !is_link_line(word)) {
        if (word.find_first_not_of(" \t") != std::string_view::npos) para.only_links = false;
      }
    }
    out.push_back(std::move(para));
  }
  return out;
}

// What a shape is, by its placeholder type.
enum class shape_role { title, subtitle, body, dropped, text_box };

shape_role role_of(const pugi::xml_node& sp) {
  pugi::xml_node ph = child(child(child(sp, "nvSpPr"), "nvPr"), "ph");
  if (!ph) return shape_role::text_box;
  const std::string_view type = ph.attribute("type").value();
  if (type == "title" || type == "ctrTitle") return shape_role::title;
  if (type == "subTitle") return shape_role::subtitle;
  if (type == "dt" || type == "ftr" || type == "sldNum" || type == "hdr")
    return shape_role::dropped;
  return shape_role::body;
}

void collect_shapes(const pugi::xml_node& tree, const relationship_map& rels, slide_parts& out) {
  for (pugi::xml_node sp : tree.children()) {
    const std::string_view kind = local_name(sp);
    if (kind == "grpSp") {
      collect_shapes(sp, rels, out);
      continue;
    }
    if (kind != "sp") continue;
    pugi::xml_node body = child(sp, "txBody");
    if (!body) continue;
    std::vector<paragraph> ps = paragraphs(body, rels);
    std::erase_if(ps, [](const paragraph& p) {
      return p.text.find_first_not_of(" \t") == std::string::npos && p.links.empty();
    });
    switch (role_of(sp)) {
      case shape_role::title:
        for (const auto& p : ps) out.title += (out.title.empty() ? "" : " ") + p.text;
        out.center_title =
            out.center_title ||
            std::string_view(
                child(child(child(sp, "nvSpPr"), "nvPr"), "ph").attribute("type").value()) ==
                "ctrTitle";
        break;
      case shape_role::subtitle:
        out.subtitle.insert(out.subtitle.end(), ps.begin(), ps.end());
        break;
      case shape_role::body:
        out.body.insert(out.body.end(), ps.begin(), ps.end());
        break;
      case shape_role::text_box:
        out.boxes.insert(out.boxes.end(), ps.begin(), ps.end());
        break;
      case shape_role::dropped:
        break;
    }
  }
}

// True when the notes slide `part` holds text in its notes (body)
// placeholder; Impress writes a notes slide for every slide, most empty.
bool has_notes_text(zip_package& pkg, const std::string& part, int line) {
  if (part.empty()) return false;
  // Notes are not kept: a notes part that is missing or malformed is no error.
  auto bytes = pkg.read(part, line, false);
  pugi::xml_document doc;
  if (!bytes || !doc.load_buffer(bytes->data(), bytes->size())) return false;
  for (const pugi::xpath_node& sp : doc.select_nodes("//*[local-name()='sp']")) {
    const pugi::xml_node ph = child(child(child(sp.node(), "nvSpPr"), "nvPr"), "ph");
    if (!ph || std::string_view(ph.attribute("type").value()) != "body") continue;
    for (const pugi::xpath_node& t : sp.node().select_nodes(".//*[local-name()='t']")) {
      if (std::string_view(t.node().text().get()).find_first_not_of(" \t\r\n") !=
          std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

// The slide layouts' types (`secHead`, `title`, `obj`…), read once per layout.
class layout_types {
 public:
  explicit layout_types(zip_package& pkg) : pkg_(pkg) {}
  const std::string& of(const std::string& part, int line) {
    auto [it, inserted] = types_.try_emplace(part);
    if (inserted && !part.empty()) {
      // Only the type is read: a missing or malformed layout has none.
      auto bytes = pkg_.read(part, line, false);
      pugi::xml_document doc;
      if (bytes && doc.load_buffer(bytes->data(), bytes->size())) {
        it->second = doc.document_element().attribute("type").value();
      }
    }
    return it->second;
  }

 private:
  zip_package& pkg_;
  std::map<std::string, std::string> types_;
};

// Slide id → section name, from `p14:sectionLst`.
std::map<std::string, std::string> section_of_slide(const pugi::xml_node& presentation,
                                                    std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  for (const pugi::xpath_node& n : presentation.select_nodes(".//*[local-name()='section']")) {
    names.push_back(n.node().attribute("name").value());
    for (const pugi::xpath_node& id : n.node().select_nodes(".//*[local-name()='sldId']")) {
      out[id.node().attribute("id").value()] = names.back();
    }
  }
  return out;
}

}  // namespace

bool is_pptx_path(const std::string& path) { return lower_extension(path) == ".pptx"; }

std::optional<report> read_pptx(std::string_view bytes, const std::string& source,
                                diagnostics& diags) {
  zip_package pkg(source, diags, "a PowerPoint package");
  if (!pkg.open(bytes)) return std::nullopt;

  // The presentation part, through the package relationships.
  std::string presentation_part = "ppt/presentation.xml";
  {
    pugi::xml_document rels;
    if (pkg.read_xml("_rels/.rels", 0, rels, false)) {
      for (pugi::xml_node r : rels.document_element().children()) {
        if (std::string_view(r.attribute("Type").value()).ends_with("/officeDocument")) {
          std::string t = r.attribute("Target").value();
          presentation_part = t.starts_with("/") ? t.substr(1) : t;
        }
      }
    }
  }
  pugi::xml_document presentation;
  if (!pkg.read_xml(presentation_part, 0, presentation)) return std::nullopt;
  const auto pres_rels = relationships(pkg, presentation_part, 0);
  pugi::xml_node list = child(presentation.document_element(), "sldIdLst");
  std::vector<std::pair<std::string, std::string>> slides;  // id, part
  for (pugi::xml_node id : list.children()) {
    auto it = pres_rels.find(relationship_id(id));
    if (local_name(id) != "sldId" || it == pres_rels.end()) continue;
    slides.emplace_back(id.attribute("id").value(), it->second.target);
    if (slides.size() > limits::max_slides) {
      pkg.fail(0, "more than " + std::to_string(limits::max_slides) + " slides");
      return std::nullopt;
    }
  }
  std::vector<std::string> section_names;
  const auto sections = section_of_slide(presentation.document_element(), section_names);

  std::vector<slide_parts> parts(slides.size());
  std::vector<std::string> section_by_slide;
  if (!sections.empty()) section_by_slide.resize(slides.size() + 1);
  layout_types layouts(pkg);
  for (std::size_t n = 0; n < slides.size(); ++n) {
    const int line = static_cast<int>(n) + 1;
    pugi::xml_document doc;
    if (!pkg.read_xml(slides[n].second, line, doc)) return std::nullopt;
    const relationship_map rels = relationships(pkg, slides[n].second, line);
    collect_shapes(child(child(doc.document_element(), "cSld"), "spTree"), rels, parts[n]);
    parts[n].section_header = layouts.of(related(rels, "slideLayout"), line) == "secHead";
    parts[n].has_notes = has_notes_text(pkg, related(rels, "notesSlide"), line);
    if (auto s = sections.find(slides[n].first); s != sections.end()) {
      section_by_slide[n + 1] = s->second;
    }
  }
  return read_slides(parts, section_by_slide, source, diags);
}

}  // namespace handout
