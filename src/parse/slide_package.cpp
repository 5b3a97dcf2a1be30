#include "parse/slide_package.hpp"

#include <algorithm>
#include <deque>

#include "count_text.hpp"
#include "limits.hpp"
#include "parse/extracted_text.hpp"
#include "parse/text_reader.hpp"
#include "percent_encoding.hpp"
#include "utf8.hpp"

namespace handout::slides {

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

std::string shown(std::string_view name) {
  return percent_encode(name, [](unsigned char b) { return b > 0x20 && b < 0x7F && b != '%'; });
}

bool zip_package::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src) zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!zip_) {
    if (src) zip_source_free(src);
    fail(0, "not " + std::string(kind_) + " (zip: " + zip_error_strerror(&error) + ")");
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

std::optional<std::string> zip_package::read(const std::string& name, int line, bool required) {
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

bool zip_package::read_xml(const std::string& name, int line, pugi::xml_document& doc,
                           bool required) {
  auto bytes = read(name, line, required);
  return bytes && parse_xml(*bytes, name, line, doc, source_, diags_);
}

void zip_package::fail(int line, std::string message) {
  diags_.error(source_, line, 0,
               line > 0 ? "slide " + std::to_string(line) + ": " + message : std::move(message));
}

bool parse_xml(std::string_view bytes, const std::string& name, int line, pugi::xml_document& doc,
               const std::string& source, diagnostics& diags) {
  pugi::xml_parse_result ok = doc.load_buffer(bytes.data(), bytes.size());
  if (ok) return true;
  std::string message = (name.empty() ? "" : "part " + shown(name) + " is ") +
                        "not well-formed XML at byte " + std::to_string(ok.offset) + ": " +
                        ok.description();
  diags.error(source, line, 0,
              line > 0 ? "slide " + std::to_string(line) + ": " + message : std::move(message));
  return false;
}

void append_text(std::string& out, std::string_view t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(t[i + 2]) & 0xFE) == 0xBE) {
      out += ' ';  // U+FFFE, U+FFFF
      i += 2;
    } else {
      out += c < 0x20 && c != '\t' ? ' ' : t[i];
    }
  }
}

std::string clean_text(std::string_view t) {
  std::string out;
  append_text(out, t);
  return out;
}

namespace {

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
  if (start == std::string_view::npos)
    return std::pair{std::string(title.substr(0, n)), std::string()};
  return std::pair{std::string(title.substr(0, n)), std::string(title.substr(start))};
}

// A section header's title is its section's; a bare number takes the text
// under it (subtitle, then body) as the section's title.
void write_section_header(const slide_parts& s, int line, line_sink& out) {
  auto d = divider_title(s.title);
  if (!d) {
    // The title twice: the text reader's unnumbered section, whose first
    // slide (the same title, empty) read_slides drops again.
    out.add(" " + s.title, line);
    out.add(" " + s.title, line);
    return;
  }
  out.add(" " + d->first, line);
  std::string title = d->second;
  if (title.empty()) {
    for (const auto* ps : {&s.subtitle, &s.body}) {
      for (const auto& p : *ps) title += (title.empty() ? "" : " ") + p.text;
    }
  }
  if (!title.empty()) out.add(title, line);
}

void write_slide(const slide_parts& s, int line, bool dividers, line_sink& out) {
  if (dividers && s.section_header && s.title.find_first_not_of(" \t") != std::string::npos) {
    write_section_header(s, line, out);
    return;
  }
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

// The empty first slide of each unnumbered section a section header
// started (write_section_header): the section is the header, not a slide.
void drop_header_slides(report& r, const std::vector<slide_parts>& slides) {
  for (auto& sec : r.sections) {
    if (sec.number || sec.slides.empty() || sec.line < 1 ||
        static_cast<std::size_t>(sec.line) > slides.size() ||
        !slides[static_cast<std::size_t>(sec.line) - 1].section_header) {
      continue;
    }
    const slide& first = sec.slides.front();
    if (first.title == sec.title && first.items.empty() && first.links.empty()) {
      sec.slides.erase(sec.slides.begin());
    }
  }
}

// One note for the deck's speaker notes, at the first slide that has them.
void note_skipped_notes(const std::vector<slide_parts>& slides, const std::string& source,
                        diagnostics& diags) {
  int first = 0, count = 0;
  for (std::size_t n = 0; n < slides.size(); ++n) {
    if (!slides[n].has_notes) continue;
    if (count++ == 0) first = static_cast<int>(n) + 1;
  }
  if (count == 0) return;
  diags.note(source, first, 0,
             "slide " + std::to_string(first) + ": speaker notes are not kept (a handout has " +
                 "none); " +
                 (count == 1 ? std::string("this slide has them")
                             : count_text(count, "slide") + " have them, from this one"));
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

std::optional<report> read_slides(const std::vector<slide_parts>& slides,
                                  const std::vector<std::string>& section_by_slide,
                                  const std::string& source, diagnostics& diags) {
  line_sink out;
  metadata cover;
  for (std::size_t n = 0; n < slides.size(); ++n) {
    const int line = static_cast<int>(n) + 1;
    const slide_parts& parts = slides[n];
    if (!valid_text(parts)) {
      diags.error(source, line, 0, "slide " + std::to_string(line) + ": text is not valid UTF-8");
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
    write_slide(parts, line, section_by_slide.empty(), out);
  }
  std::vector<std::string_view> lines(out.lines.begin(), out.lines.end());
  report r = read_canonical_lines(lines, out.origins, source, diags);
  if (section_by_slide.empty()) {
    drop_header_slides(r, slides);
  } else {
    regroup(r, section_by_slide);
  }
  note_skipped_notes(slides, source, diags);
  r.meta = cover;
  utf8::nfc_in_place(r.meta.title);
  utf8::nfc_in_place(r.meta.subtitle);
  return r;
}

}  // namespace handout::slides
