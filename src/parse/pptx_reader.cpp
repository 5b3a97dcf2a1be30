// The .pptx reader. Phases: open the package (libzip, in memory, every part
// bounded), find the slides in presentation order through the relationships,
// read each slide's shapes into canonical lines (title, bullets by level,
// link lines), and hand them to the text reader's state machine, so the
// model, its nesting and its URL marking are the text reader's. Sections come
// from PowerPoint's section list when there is one.
#include "parse/pptx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <vector>

#include "limits.hpp"
#include "parse/extracted_text.hpp"
#include "parse/text_reader.hpp"
#include "utf8.hpp"

namespace handout {

namespace {

// The element's name without its namespace prefix (`p:sp` → `sp`).
std::string_view local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view local) {
  for (pugi::xml_node c : n.children()) {
    if (local_name(c) == local) return c;
  }
  return {};
}

// The relationship id of an element (`r:id`, whatever the prefix): the
// attribute named `id` that has a prefix.
const char* relationship_id(const pugi::xml_node& n) {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view name = a.name();
    if (name.size() > 3 && name.ends_with(":id")) return a.value();
  }
  return "";
}

// A part name as it may be shown on a terminal: it comes from the package,
// so every byte outside printable ASCII is percent-encoded, as in a URI.
std::string shown(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (b > 0x20 && b < 0x7F && b != '%') {
      out += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", b);
      out += hex;
    }
  }
  return out;
}

struct zip_closer {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// A package opened in memory; every part read is bounded.
class package {
 public:
  package(const std::string& source, diagnostics& diags) : source_(source), diags_(diags) {}

  bool open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src) zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &error));
    if (!zip_) {
      if (src) zip_source_free(src);
      fail(0, std::string("not a PowerPoint package (zip: ") + zip_error_strerror(&error) + ")");
      zip_error_fini(&error);
      return false;
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(zip_.get(), 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > limits::max_package_entries) {
      fail(0, "package has " + std::to_string(entries) + " parts; the limit is " +
                  std::to_string(limits::max_package_entries));
      return false;
    }
    return true;
  }

  // The part at `name`, or nothing (with an error when `required`).
  std::optional<std::string> read(const std::string& name, int line, bool required = true) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      if (required) fail(line, "the package has no part " + shown(name));
      return std::nullopt;
    }
    if (st.size > limits::max_package_part_bytes || read_ + st.size > limits::max_package_bytes) {
      fail(line, "part " + shown(name) + " is " + std::to_string(st.size) +
                     " bytes unpacked; the limits are " +
                     std::to_string(limits::max_package_part_bytes) + " a part and " +
                     std::to_string(limits::max_package_bytes) + " in all");
      return std::nullopt;
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(zip_.get(), name.c_str(), 0),
                                                        zip_fclose);
    std::string out(static_cast<std::size_t>(st.size), '\0');
    if (!f || zip_fread(f.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size)) {
      fail(line, "part " + shown(name) + " cannot be unpacked");
      return std::nullopt;
    }
    read_ += st.size;
    return out;
  }

  // The part at `name` as XML.
  bool read_xml(const std::string& name, int line, pugi::xml_document& doc, bool required = true) {
    auto bytes = read(name, line, required);
    if (!bytes) return false;
    pugi::xml_parse_result ok = doc.load_buffer(bytes->data(), bytes->size());
    if (!ok) {
      fail(line, "part " + shown(name) + " is not well-formed XML at byte " +
                     std::to_string(ok.offset) + ": " + ok.description());
      return false;
    }
    return true;
  }

  void fail(int line, std::string message) {
    diags_.error(source_, line, 0, line > 0 ? "slide " + std::to_string(line) + ": " + message
                                            : std::move(message));
  }

 private:
  const std::string& source_;
  diagnostics& diags_;
  std::unique_ptr<zip_t, zip_closer> zip_;
  std::size_t read_ = 0;
};

// The relationships of part `part` (`ppt/slides/slide1.xml` →
// `ppt/slides/_rels/slide1.xml.rels`): id → target, internal targets
// resolved against the part's folder.
std::map<std::string, std::string> relationships(package& pkg, const std::string& part,
                                                 int line) {
  std::filesystem::path p(part);
  const std::string rels =
      (p.parent_path() / "_rels" / (p.filename().string() + ".rels")).generic_string();
  std::map<std::string, std::string> out;
  pugi::xml_document doc;
  if (!pkg.read_xml(rels, line, doc, false)) return out;
  for (pugi::xml_node r : doc.document_element().children()) {
    std::string target = r.attribute("Target").value();
    if (std::string_view(r.attribute("TargetMode").value()) != "External") {
      target = (target.starts_with("/") ? std::filesystem::path(target.substr(1))
                                        : (p.parent_path() / target).lexically_normal())
                   .generic_string();
    }
    out[r.attribute("Id").value()] = target;
  }
  return out;
}

// A paragraph of a shape: its text, level and hyperlink targets.
struct paragraph {
  std::string text;
  int level = 1;
  std::vector<std::string> links;  // hyperlink targets of its runs
  bool only_links = true;          // every run with text is hyperlinked or a URL
};

// Text that the canonical lines can carry: controls (PowerPoint's vertical
// tab is a soft line break) become spaces.
void append_text(std::string& out, std::string_view t) {
  for (char c : t) {
    out += static_cast<unsigned char>(c) < 0x20 && c != '\t' ? ' ' : c;
  }
}

std::vector<paragraph> paragraphs(const pugi::xml_node& tx_body,
                                  const std::map<std::string, std::string>& rels) {
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
          para.links.push_back(it->second);
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
  if (type == "dt" || type == "ftr" || type == "sldNum" || type == "hdr") return shape_role::dropped;
  return shape_role::body;
}

// One slide as read: its shapes' paragraphs by role.
struct slide_parts {
  std::string title;
  std::vector<paragraph> subtitle, body, boxes;
  bool center_title = false;
};

void collect_shapes(const pugi::xml_node& tree, const std::map<std::string, std::string>& rels,
                    slide_parts& out) {
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
        out.center_title = out.center_title || std::string_view(child(child(child(sp, "nvSpPr"),
                                                                             "nvPr"),
                                                                       "ph")
                                                                     .attribute("type")
                                                                     .value()) == "ctrTitle";
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

// The canonical lines being written, every one from slide `line`.
struct line_sink {
  std::deque<std::string> lines;
  std::vector<line_origin> origins;
  void add(std::string text, int line) {
    lines.push_back(std::move(text));
    origins.push_back(line_origin{line, 0});
  }
};

constexpr std::string_view glyph_of_level[] = {"", "• ", "◦ ", "▪ "};

// `01`, or `01 Title`: a divider's number and the title after it.
std::optional<std::pair<std::string, std::string>> divider_title(std::string_view title) {
  std::size_t n = 0;
  while (n < title.size() && n < 4 && title[n] >= '0' && title[n] <= '9') ++n;
  if (n == 0 || n > 3) return std::nullopt;
  if (n == title.size()) return std::pair{std::string(title), std::string()};
  if (title[n] != ' ' && title[n] != '\t' && title[n] != '.') return std::nullopt;
  std::size_t start = title.find_first_not_of(" \t.", n);
  if (start == std::string_view::npos) return std::pair{std::string(title.substr(0, n)), std::string()};
  return std::pair{std::string(title.substr(0, n)), std::string(title.substr(start))};
}

void write_slide(const slide_parts& s, int line, bool dividers, line_sink& out) {
  if (dividers && s.body.empty() && s.boxes.empty()) {
    if (auto d = divider_title(s.title)) {
      out.add(" " + d->first, line);
      std::string title = d->second;
      for (const auto& p : s.subtitle) title += (title.empty() ? "" : " ") + p.text;
      if (!title.empty()) out.add(title, line);
      return;
    }
  }
  out.add(" " + s.title, line);
  auto bullet = [&](const paragraph& p, int level) {
    out.add(std::string(glyph_of_level[level]) + p.text, line);
  };
  for (const auto& p : s.subtitle) bullet(p, 1);
  std::vector<std::string> links;
  for (const auto& p : s.body) {
    bullet(p, p.level);
    for (const auto& l : p.links) {
      if (p.text.find(l) == std::string::npos) links.push_back(l);
    }
  }
  for (const auto& p : s.boxes) {
    if (!p.only_links) {
      bullet(p, p.level);
      continue;
    }
    // A text box of URLs and hyperlinked labels: the slide's link rows.
    if (p.links.empty()) links.push_back(p.text);
    links.insert(links.end(), p.links.begin(), p.links.end());
  }
  for (auto& l : links) {
    std::size_t start = l.find_first_not_of(" \t");
    if (start != std::string::npos) out.add(l.substr(start), line);
  }
}

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

// PowerPoint's sections: the slides regrouped under unnumbered sections
// named by `section_by_line` (slide number → name; slides outside any
// section stay in an untitled one).
void regroup(report& r, const std::vector<std::string>& section_by_line) {
  std::vector<section> out;
  for (auto& sec : r.sections) {
    for (auto& sl : sec.slides) {
      const std::string& name =
          sl.line > 0 && static_cast<std::size_t>(sl.line) < section_by_line.size()
              ? section_by_line[static_cast<std::size_t>(sl.line)]
              : section_by_line[0];
      if (out.empty() || out.back().title != name) {
        section s;
        s.title = name;
        s.line = sl.line;
        out.push_back(std::move(s));
      }
      out.back().slides.push_back(std::move(sl));
    }
  }
  r.sections = std::move(out);
}

bool valid_text(const slide_parts& s) {
  auto ok = [](const std::string& t) { return !utf8::find_invalid(t); };
  auto all = [&](const std::vector<paragraph>& ps) {
    return std::all_of(ps.begin(), ps.end(), [&](const paragraph& p) {
      return ok(p.text) && std::all_of(p.links.begin(), p.links.end(), ok);
    });
  };
  return ok(s.title) && all(s.subtitle) && all(s.body) && all(s.boxes);
}

}  // namespace

bool is_pptx_path(const std::string& path) {
  return std::filesystem::path(path).extension() == ".pptx";
}

std::optional<report> read_pptx(std::string_view bytes, const std::string& source,
                                diagnostics& diags) {
  package pkg(source, diags);
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
    slides.emplace_back(id.attribute("id").value(), it->second);
    if (slides.size() > limits::max_slides) {
      pkg.fail(0, "more than " + std::to_string(limits::max_slides) + " slides");
      return std::nullopt;
    }
  }
  std::vector<std::string> section_names;
  const auto sections = section_of_slide(presentation.document_element(), section_names);

  line_sink out;
  metadata cover;
  std::vector<std::string> section_by_line(slides.size() + 1);
  for (std::size_t n = 0; n < slides.size(); ++n) {
    const int line = static_cast<int>(n) + 1;
    pugi::xml_document doc;
    if (!pkg.read_xml(slides[n].second, line, doc)) return std::nullopt;
    slide_parts parts;
    collect_shapes(child(child(doc.document_element(), "cSld"), "spTree"),
                   relationships(pkg, slides[n].second, line), parts);
    if (!valid_text(parts)) {
      pkg.fail(line, "text is not valid UTF-8");
      return std::nullopt;
    }
    if (n == 0 && slides.size() > 1 && parts.body.empty() && parts.boxes.empty() &&
        (parts.center_title || (!parts.subtitle.empty() && !divider_title(parts.title)))) {
      // The title slide: the deck's metadata, not a slide.
      cover.title = parts.title;
      for (const auto& p : parts.subtitle) {
        if (std::string d = parse_cover_date(p.text); !d.empty() && cover.date.empty()) {
          cover.date = d;
        } else if (cover.subtitle.empty()) {
          cover.subtitle = p.text;
        }
      }
      continue;
    }
    if (auto s = sections.find(slides[n].first); s != sections.end()) section_by_line[n + 1] = s->second;
    write_slide(parts, line, sections.empty(), out);
  }
  std::vector<std::string_view> lines(out.lines.begin(), out.lines.end());
  report r = read_canonical_lines(lines, out.origins, source, diags);
  if (!sections.empty()) regroup(r, section_by_line);
  r.meta = cover;
  utf8::nfc_in_place(r.meta.title);
  utf8::nfc_in_place(r.meta.subtitle);
  return r;
}

}  // namespace handout
