#include "render/pdf/compose.hpp"

#include <algorithm>
#include <cmath>

#include "links/url.hpp"
#include "render/link_label.hpp"
#include "render/pdf/qr.hpp"

namespace handout::pdf {

namespace {

constexpr double huge_width = 1e9;

}  // namespace

bool is_lead_in(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text.ends_with(":") || text.ends_with("：");
}

composer::composer(const style& s, const font_metrics& metrics, const fixed_words& words,
                   std::string_view lang)
    : style_(s), metrics_(metrics), words_(words), hyphenation_(hyphenator::for_language(lang)) {
  // A language with no patterns (Chinese, Japanese, Korean, none given):
  // Latin text there is mostly English, so paragraphs without Han are
  // hyphenated as English and the others not at all.
  if (!hyphenation_) {
    hyphenation_ = hyphenator::for_language("en-US");
    hyphenate_beside_cjk_ = false;
  }
}

double composer::width(std::string_view text, double size) const {
  auto ls = lines(text, size, huge_width, false);
  return ls.empty() ? 0 : ls.front().width;
}

std::vector<line> composer::lines(std::string_view text, double size, double width, bool justify,
                                  const std::vector<url_span>& urls) const {
  break_options o;
  o.size = size;
  o.width = width;
  o.justify = justify;
  o.cjk_latin_space = style_.cjk_latin_space;
  o.ligatures = style_.ligatures;
  o.urls = urls;
  o.hyphenation = hyphenation_;
  o.hyphenate_beside_cjk = hyphenate_beside_cjk_;
  o.sizes_only = !draws();
  return break_lines(text, o, metrics_);
}

void composer::place(const line& l, double x, double baseline, double size, const rgb& color,
                     bool bold, std::vector<page_item>& out) const {
  if (!draws()) return;  // sizes only: the line has no pieces
  for (const text_piece& p : l.pieces) {
    text_run run;
    run.x = x + p.x;
    run.y = baseline;
    run.font = p.font;
    run.size = size;
    run.color = color;
    run.text = p.text;
    run.char_space = p.char_space;
    run.kerns = p.kerns;
    run.ligatures = p.ligatures;
    run.bold = bold;
    out.push_back(std::move(run));
  }
}

// The baseline in a line box: the CJK em box (0.88 above, 0.12 below the
// baseline) centred in the box.
double composer::baseline_in(double line_height, double size) const {
  return line_height / 2 + 0.38 * size;
}

page composer::cover(const report& r, structure_builder& tags) const {
  const style& s = style_;
  page p;
  double area = right() - left();
  double y = s.page_height * 0.30;
  p.items.push_back(rule{left(), y, left() + 56, y, 3, s.heading_color});
  tag_artifact(p.items, 0, artifact_kind::layout);
  y += s.title_size * 0.9;
  std::size_t from = p.items.size();
  for (const line& l : lines(r.meta.title, s.title_size, area, false)) {
    y += s.title_size * 1.3;
    place(l, left(), y - s.title_size * 0.3, s.title_size, s.heading_color, true, p.items);
  }
  tag(p.items, from, tags.add(structure_type::heading, tags.root(), 1));
  if (!r.meta.subtitle.empty()) {
    y += s.subtitle_size * 0.8;
    from = p.items.size();
    for (const line& l : lines(r.meta.subtitle, s.subtitle_size, area, false)) {
      y += s.subtitle_size * 1.5;
      place(l, left(), y - s.subtitle_size * 0.3, s.subtitle_size, s.text_color, false, p.items);
    }
    tag(p.items, from, tags.add(structure_type::paragraph, tags.root()));
  }

  // The details at the foot of the cover: author, date, source file.
  std::vector<std::pair<std::string_view, std::string_view>> details;
  if (!r.meta.author.empty()) details.emplace_back(words_.author, r.meta.author);
  if (!r.meta.date.empty()) details.emplace_back(words_.date, r.meta.date);
  if (!r.source.empty()) details.emplace_back(words_.source, r.source);
  double size = s.body_size, step = size * s.leading;
  double label_width = 0;
  for (const auto& d : details) label_width = std::max(label_width, width(d.first, size));
  double yd = bottom() - step * static_cast<double>(details.size());
  from = p.items.size();
  p.items.push_back(rule{left(), yd - step * 0.5, right(), yd - step * 0.5, 0.5, s.rule_color});
  tag_artifact(p.items, from, artifact_kind::layout);
  for (const auto& [label, value] : details) {
    // A paragraph each: the label (fixed words) and the value.
    const int detail = tags.add(structure_type::paragraph, tags.root());
    double base = yd + baseline_in(step, size);
    from = p.items.size();
    place(lines(label, size, huge_width, false).front(), left(), base, size, muted(s.text_color),
          false, p.items);
    tag(p.items, from, tags.words(detail));
    from = p.items.size();
    for (const line& l : lines(value, size, area - label_width - size * 1.5, false)) {
      place(l, left() + label_width + size * 1.5, base, size, s.text_color, false, p.items);
      break;  // details are one line each
    }
    tag(p.items, from, detail);
    yd += step;
  }
  return p;
}

std::vector<block> composer::contents(const outline& o,
                                      const std::function<std::string(int)>& page_of,
                                      structure_builder& tags) const {
  const style& s = style_;
  std::vector<block> out;
  const double text_width = right() - left();

  block title;
  double h1 = s.heading1_size;
  title.height = h1 * 1.4 + 10;
  place(lines(words_.contents, h1, text_width, false).front(), left(), baseline_in(h1 * 1.4, h1),
        h1, s.heading_color, true, title.items);
  tag(title.items, 0,
      tags.words(tags.add(structure_type::heading, tags.root(), tags.section_level)));
  const std::size_t rule_from = title.items.size();
  title.items.push_back(rule{left(), h1 * 1.4 + 4, right(), h1 * 1.4 + 4, 0.75, s.heading_color});
  tag_artifact(title.items, rule_from, artifact_kind::layout);
  title.keep_with_next = true;
  out.push_back(std::move(title));

  // TOC › TOCI › Reference › Link per entry; a slide's entry sits in a TOC
  // inside its section's entry.
  const int toc = tags.add(structure_type::toc, tags.root());
  std::vector<int> section_of(o.headings.size(), -1);  // heading → its section's heading
  for (const section_outline& sec : o.sections) {
    for (const slide_outline& sl : sec.slides) {
      if (sl.heading >= 0) section_of[static_cast<std::size_t>(sl.heading)] = sec.heading;
    }
  }
  std::vector<int> toci_of(o.headings.size(), -1), inner_toc_of(o.headings.size(), -1);

  const double size = s.body_size, step = size * s.leading;
  const double number_room = size * 3;  // the page number column
  const double dot_pitch = size * 0.6;
  const double dot_width = metrics_.advance(metrics_.font_for(U'.'), U'.') * size / 1000.0;
  // Section numbers in a column of their own; every title starts after it.
  double number_column = 0;
  for (const heading& h : o.headings) {
    if (!h.number.empty()) number_column = std::max(number_column, width(h.number, size) + size);
  }
  for (std::size_t anchor = 0; anchor < o.headings.size(); ++anchor) {
    const heading& h = o.headings[anchor];
    block b;
    const bool section = h.level == 1;
    b.space_before = section ? step * 0.5 : 0;
    const double x = left() + number_column;
    const bool bold = section;
    const rgb color = section ? s.heading_color : s.text_color;
    int parent = toc;
    if (const int sec = section_of[anchor]; sec >= 0) {
      int& inner = inner_toc_of[static_cast<std::size_t>(sec)];
      if (inner < 0) inner = tags.add(structure_type::toc, toci_of[static_cast<std::size_t>(sec)]);
      parent = inner;
    }
    toci_of[anchor] = tags.add(structure_type::toc_item, parent);
    const int link =
        tags.add(structure_type::link, tags.add(structure_type::reference, toci_of[anchor]));
    // Number, title and page number are marks of their own, read as words.
    if (!h.number.empty()) {
      place(lines(h.number, size, huge_width, false).front(), left(), baseline_in(step, size), size,
            color, bold, b.items);
      tag(b.items, 0, link);
    }
    std::size_t mark_from = b.items.size();
    auto ls = lines(h.title, size, right() - number_room - x, false);
    if (ls.empty()) ls.emplace_back();  // a number without a title still gets its page
    double y = 0;
    for (std::size_t i = 0; i < ls.size(); ++i) {
      double base = y + baseline_in(step, size);
      place(ls[i], x, base, size, color, bold, b.items);
      if (i + 1 == ls.size()) {
        tag(b.items, mark_from, link);
        std::string number = page_of(static_cast<int>(anchor));
        double nw = width(number, size);
        mark_from = b.items.size();
        place(lines(number, size, huge_width, false).front(), right() - nw, base, size,
              s.text_color, bold, b.items);
        tag(b.items, mark_from, link);
        if (draws()) {  // else the entry's height is all there is to know
          const std::size_t leader_from = b.items.size();
          // Dot leaders on a grid shared by every entry, so that dots line up.
          double from = x + ls[i].width + size * 0.6, to = right() - number_room + size * 0.8;
          double first = left() + std::ceil((from - left()) / dot_pitch) * dot_pitch;
          int dots = static_cast<int>(std::floor((to - first) / dot_pitch));
          if (dots > 0) {
            text_run leader;
            leader.x = first;
            leader.y = base;
            leader.font = metrics_.font_for(U'.');
            leader.size = size;
            leader.color = muted(s.text_color);
            leader.text.assign(static_cast<std::size_t>(dots), '.');
            leader.char_space = dot_pitch - dot_width;
            b.items.push_back(std::move(leader));
          }
          tag_artifact(b.items, leader_from, artifact_kind::layout);
        }
      }
      y += step;
    }
    b.height = y;
    if (!draws()) {
      out.push_back(std::move(b));
      continue;
    }
    link_area target;
    target.x0 = left();
    target.y0 = 0;
    target.x1 = right();
    target.y1 = y;
    target.target_page = static_cast<int>(anchor);  // resolved to a page by layout
    target.element = link;
    target.contents = h.text;
    b.items.push_back(target);
    out.push_back(std::move(b));
  }
  return out;
}

void composer::add_block(block&& b, std::vector<block>& out) const {
  if (!keep_items_) {
    if (seen_) seen_(b.items);
    std::vector<page_item>().swap(b.items);
  }
  out.push_back(std::move(b));
}

std::vector<block> composer::body(const outline& o, structure_builder& tags,
                                  const block_sink& sink) const {
  const style& s = style_;
  std::vector<block> out;
  const double text_width = right() - left();
  for (const section_outline& sec : o.sections) {
    const heading* sh =
        sec.heading < 0 ? nullptr : &o.headings[static_cast<std::size_t>(sec.heading)];
    const std::string head = sh ? sh->text : std::string();
    if (sh) {
      block b;
      const double size = s.heading1_size, step = size * 1.35;
      b.space_before = s.body_size * s.leading * 1.5;
      b.keep_with_next = true;
      b.anchor = sec.heading;
      b.running_head = head;
      b.starts_section = true;
      double title_x = left();
      // The number and the title are two marks, read as two words.
      const int heading = tags.add(structure_type::heading, tags.root(), tags.section_level);
      if (!sh->number.empty()) {
        place(lines(sh->number, size, huge_width, false).front(), left(), baseline_in(step, size),
              size, s.heading_color, true, b.items);
        tag(b.items, 0, heading);
        title_x += width(sh->number, size) + size * 0.6;
      }
      double y = 0;
      const std::size_t title_from = b.items.size();
      for (const line& l : lines(sh->title, size, right() - title_x, false)) {
        place(l, title_x, y + baseline_in(step, size), size, s.heading_color, true, b.items);
        y += step;
      }
      y = std::max(y, step);  // a number without a title
      tag(b.items, title_from, heading);
      const std::size_t rule_from = b.items.size();
      b.items.push_back(rule{left(), y + 3, right(), y + 3, 0.75, s.heading_color});
      tag_artifact(b.items, rule_from, artifact_kind::layout);
      b.height = y + 9;
      add_block(std::move(b), out);
    }
    for (const slide_outline& sl : sec.slides) {
      if (sl.heading >= 0) {
        const heading& h = o.headings[static_cast<std::size_t>(sl.heading)];
        block b;
        const double size = s.heading2_size, step = size * 1.45;
        b.space_before = s.body_size * s.leading * 0.7;
        b.keep_with_next = true;
        b.anchor = sl.heading;
        b.running_head = head;
        double y = 0;
        for (const line& l : lines(h.title, size, text_width, false)) {
          place(l, left(), y + baseline_in(step, size), size, s.heading_color, true, b.items);
          y += step;
        }
        // A level below its section's heading, at the section's level without one.
        tag(b.items, 0,
            tags.add(structure_type::heading, tags.root(), tags.section_level + (sh ? 1 : 0)));
        b.height = y + 2;
        add_block(std::move(b), out);
      }
      if (!sl.source->items.empty()) {
        const int list = tags.add(structure_type::list, tags.root());
        for (const item& it : sl.source->items) bullet_blocks(it, head, list, tags, out);
      }
      link_blocks(sl.links, head, tags, out);
      if (sink) sink(out);
    }
  }
  if (sink) sink(out);
  return out;
}

// L › LI › (Lbl, LBody); a URL in the text is a Link in the LBody, the
// children's list is an L in it too.
void composer::bullet_blocks(const item& it, const std::string& head, int list,
                             structure_builder& tags, std::vector<block>& out) const {
  const style& s = style_;
  const int level = std::clamp(it.level, 1, 3);
  const double size = s.body_size, step = size * s.leading;
  const double bullet_x = left() + (level - 1) * s.indent;
  const double text_x = bullet_x + s.indent;
  auto ls = lines(it.text, size, right() - text_x, s.justify, it.urls);
  if (ls.empty()) ls.emplace_back();
  const int list_item = tags.add(structure_type::list_item, list);
  const int label = tags.add(structure_type::label, list_item);
  const int body = tags.add(structure_type::list_body, list_item);
  std::vector<int> url_links;  // the Link of each URL of the text
  for (std::size_t k = 0; k < it.urls.size(); ++k) {
    url_links.push_back(tags.add(structure_type::link, body));
  }
  for (std::size_t i = 0; i < ls.size(); ++i) {
    block b;
    b.height = step;
    b.running_head = head;
    if (i == 0) {
      b.space_before = s.paragraph_spacing;
      const std::string& glyph = s.bullets[static_cast<std::size_t>(level - 1)];
      if (!glyph.empty()) {
        place(lines(glyph, size, huge_width, false).front(), bullet_x, baseline_in(step, size),
              size, level == 1 ? s.heading_color : s.text_color, false, b.items);
        tag(b.items, 0, label);
      }
    }
    // No orphaned first line, no widowed last line; a lead-in (`事件：`)
    // stays with what it introduces.
    b.keep_with_next = (ls.size() > 1 && (i == 0 || i + 2 == ls.size())) ||
                       (i + 1 == ls.size() && is_lead_in(it.text));
    const std::size_t text_from = b.items.size();
    place(ls[i], text_x, baseline_in(step, size), size, s.text_color, false, b.items);
    if (!draws()) {
      add_block(std::move(b), out);
      continue;
    }
    // The URLs' stretches of this line, from its start; line breaking
    // starts a new piece (so a new run) at each URL's ends.
    std::vector<std::pair<double, double>> url_x(it.urls.size(), {0, 0});
    for (std::size_t k = 0; k < it.urls.size(); ++k) {
      const url_span& u = it.urls[k];
      std::size_t from = std::max(u.offset, ls[i].begin);
      std::size_t to = std::min(u.offset + u.length, ls[i].end);
      if (from < to && !ls[i].pieces.empty()) url_x[k] = {ls[i].x_at(from), ls[i].x_at(to)};
    }
    tag_each(b.items, text_from, [&](const page_item& item) {
      const auto* run = std::get_if<text_run>(&item);
      if (run == nullptr) return body;
      const double x = run->x - text_x;
      // A hyphen added by hyphenation is no text of the bullet.
      if (ls[i].hyphen && run->text == "-" && std::abs(x - ls[i].pieces.back().x) < 1e-6) {
        return -1;
      }
      for (std::size_t k = 0; k < url_x.size(); ++k) {
        if (x >= url_x[k].first - 1e-6 && x < url_x[k].second - 1e-6) return url_links[k];
      }
      return body;
    });
    // URLs in the text are clickable where they are set.
    for (std::size_t k = 0; k < it.urls.size(); ++k) {
      if (url_x[k].second <= url_x[k].first) continue;
      const url_span& u = it.urls[k];
      link_area area;
      area.x0 = text_x + url_x[k].first;
      area.x1 = text_x + url_x[k].second;
      area.y0 = baseline_in(step, size) - size * 0.95;
      area.y1 = baseline_in(step, size) + size * 0.3;
      const std::string_view text = std::string_view(it.text).substr(u.offset, u.length);
      area.uri = links::to_uri(text);
      area.element = url_links[k];
      area.contents = std::string(text);
      b.items.push_back(std::move(area));
    }
    add_block(std::move(b), out);
  }
  if (!it.children.empty()) {
    const int children = tags.add(structure_type::list, body);
    for (const item& child : it.children) bullet_blocks(child, head, children, tags, out);
  }
}

// A paragraph of Links, each with its QR code as a Figure.
void composer::link_blocks(const std::vector<link_row>& links, const std::string& head,
                           structure_builder& tags, std::vector<block>& out) const {
  if (links.empty()) return;
  const int paragraph = tags.add(structure_type::paragraph, tags.root());
  const style& s = style_;
  const double size = s.small_size;
  const double x0 = left() + s.indent;
  const double gap = size * 2;
  const bool qr = s.qr_codes;
  const double qr_size = s.qr_size;
  const double row_height = qr ? qr_size + 8 : size * s.leading;

  block row;
  double x = x0;
  auto flush = [&](bool first) {
    row.height = row_height;
    row.running_head = head;
    row.space_before = first ? s.paragraph_spacing * 2 : (qr ? 4 : 0);
    add_block(std::move(row), out);
    row = block{};
    x = x0;
  };
  bool first_row = true;
  for (const link_row& l : links) {
    auto label_lines = lines(l.caption, size, right() - x0 - (qr ? qr_size + 6 : 0), false);
    double label_width = label_lines.empty() ? 0 : label_lines.front().width;
    double cell = (qr ? qr_size + 6 : 0) + label_width;
    if (x > x0 && x + cell > right()) {
      flush(first_row);
      first_row = false;
    }
    const int link = tags.add(structure_type::link, paragraph);
    if (!draws()) {  // the row's cells, without their QR codes and links
      x += cell + gap;
      continue;
    }
    std::string uri = links::to_uri(l.href);
    double text_x = x;
    if (qr) {
      if (auto code = encode_qr(uri)) {
        code->x = x;
        code->y = 0;
        code->size = qr_size;
        code->color = s.text_color;
        const std::size_t from = row.items.size();
        row.items.push_back(std::move(*code));
        const int figure = tags.add(structure_type::figure, link);
        tags.set_english_alt(figure, "QR code: " + link_label(l.href));
        tag(row.items, from, figure);
      }
      text_x += qr_size + 6;
    }
    double base = qr ? qr_size / 2 + 0.38 * size : baseline_in(row_height, size);
    if (!label_lines.empty()) {
      const std::size_t from = row.items.size();
      place(label_lines.front(), text_x, base, size, s.link_color, false, row.items);
      tag(row.items, from, link);
    }
    link_area area;
    area.x0 = x;
    area.y0 = qr ? 0 : base - size * 0.95;
    area.x1 = text_x + label_width;
    area.y1 = qr ? qr_size : base + size * 0.3;
    area.uri = uri;
    area.element = link;
    area.contents = l.caption;
    row.items.push_back(area);
    x += cell + gap;
  }
  flush(first_row);
}

}  // namespace handout::pdf
