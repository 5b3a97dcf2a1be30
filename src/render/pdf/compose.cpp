#include "render/pdf/compose.hpp"

#include <algorithm>
#include <cmath>

#include "links/url.hpp"
#include "render/pdf/qr.hpp"

namespace handout::pdf {

namespace {

constexpr double huge_width = 1e9;

}  // namespace

bool is_lead_in(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text.ends_with(":") || text.ends_with("：");
}

rgb muted(const rgb& c) {
  auto mix = [](double v) { return v + (1 - v) * 0.4; };
  return {mix(c.r), mix(c.g), mix(c.b)};
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
  o.urls = urls;
  o.hyphenation = hyphenation_;
  o.hyphenate_beside_cjk = hyphenate_beside_cjk_;
  return break_lines(text, o, metrics_);
}

void composer::place(const line& l, double x, double baseline, double size, const rgb& color,
                     bool bold, std::vector<page_item>& out) const {
  for (const text_piece& p : l.pieces) {
    text_run run;
    run.x = x + p.x;
    run.y = baseline;
    run.font = p.font;
    run.size = size;
    run.color = color;
    run.text = p.text;
    run.char_space = p.char_space;
    run.bold = bold;
    out.push_back(std::move(run));
  }
}

// The baseline in a line box: the CJK em box (0.88 above, 0.12 below the
// baseline) centred in the box.
double composer::baseline_in(double line_height, double size) const {
  return line_height / 2 + 0.38 * size;
}

page composer::cover(const report& r) const {
  const style& s = style_;
  page p;
  double area = right() - left();
  double y = s.page_height * 0.30;
  p.items.push_back(rule{left(), y, left() + 56, y, 3, s.heading_color});
  y += s.title_size * 0.9;
  for (const line& l : lines(r.meta.title, s.title_size, area, false)) {
    y += s.title_size * 1.3;
    place(l, left(), y - s.title_size * 0.3, s.title_size, s.heading_color, true, p.items);
  }
  if (!r.meta.subtitle.empty()) {
    y += s.subtitle_size * 0.8;
    for (const line& l : lines(r.meta.subtitle, s.subtitle_size, area, false)) {
      y += s.subtitle_size * 1.5;
      place(l, left(), y - s.subtitle_size * 0.3, s.subtitle_size, s.text_color, false, p.items);
    }
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
  p.items.push_back(rule{left(), yd - step * 0.5, right(), yd - step * 0.5, 0.5, s.rule_color});
  for (const auto& [label, value] : details) {
    double base = yd + baseline_in(step, size);
    place(lines(label, size, huge_width, false).front(), left(), base, size, muted(s.text_color),
          false, p.items);
    for (const line& l : lines(value, size, area - label_width - size * 1.5, false)) {
      place(l, left() + label_width + size * 1.5, base, size, s.text_color, false, p.items);
      break;  // details are one line each
    }
    yd += step;
  }
  return p;
}

std::vector<block> composer::contents(const outline& o,
                                      const std::function<std::string(int)>& page_of) const {
  const style& s = style_;
  std::vector<block> out;
  const double text_width = right() - left();

  block title;
  double h1 = s.heading1_size;
  title.height = h1 * 1.4 + 10;
  place(lines(words_.contents, h1, text_width, false).front(), left(), baseline_in(h1 * 1.4, h1),
        h1, s.heading_color, true, title.items);
  title.items.push_back(rule{left(), h1 * 1.4 + 4, right(), h1 * 1.4 + 4, 0.75, s.heading_color});
  title.keep_with_next = true;
  out.push_back(std::move(title));

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
    if (!h.number.empty()) {
      place(lines(h.number, size, huge_width, false).front(), left(), baseline_in(step, size), size,
            color, bold, b.items);
    }
    auto ls = lines(h.title, size, right() - number_room - x, false);
    if (ls.empty()) ls.emplace_back();  // a number without a title still gets its page
    double y = 0;
    for (std::size_t i = 0; i < ls.size(); ++i) {
      double base = y + baseline_in(step, size);
      place(ls[i], x, base, size, color, bold, b.items);
      if (i + 1 == ls.size()) {
        std::string number = page_of(static_cast<int>(anchor));
        double nw = width(number, size);
        place(lines(number, size, huge_width, false).front(), right() - nw, base, size,
              s.text_color, bold, b.items);
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
      }
      y += step;
    }
    b.height = y;
    link_area target;
    target.x0 = left();
    target.y0 = 0;
    target.x1 = right();
    target.y1 = y;
    target.target_page = static_cast<int>(anchor);  // resolved to a page by layout
    b.items.push_back(target);
    out.push_back(std::move(b));
  }
  return out;
}

std::vector<block> composer::body(const outline& o) const {
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
      if (!sh->number.empty()) {
        place(lines(sh->number, size, huge_width, false).front(), left(), baseline_in(step, size),
              size, s.heading_color, true, b.items);
        title_x += width(sh->number, size) + size * 0.6;
      }
      double y = 0;
      for (const line& l : lines(sh->title, size, right() - title_x, false)) {
        place(l, title_x, y + baseline_in(step, size), size, s.heading_color, true, b.items);
        y += step;
      }
      y = std::max(y, step);  // a number without a title
      b.items.push_back(rule{left(), y + 3, right(), y + 3, 0.75, s.heading_color});
      b.height = y + 9;
      out.push_back(std::move(b));
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
        b.height = y + 2;
        out.push_back(std::move(b));
      }
      for (const item& it : sl.source->items) bullet_blocks(it, head, out);
      link_blocks(sl.links, head, out);
    }
  }
  return out;
}

void composer::bullet_blocks(const item& it, const std::string& head,
                             std::vector<block>& out) const {
  const style& s = style_;
  const int level = std::clamp(it.level, 1, 3);
  const double size = s.body_size, step = size * s.leading;
  const double bullet_x = left() + (level - 1) * s.indent;
  const double text_x = bullet_x + s.indent;
  auto ls = lines(it.text, size, right() - text_x, s.justify, it.urls);
  if (ls.empty()) ls.emplace_back();
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
      }
    }
    // No orphaned first line, no widowed last line; a lead-in (`事件：`)
    // stays with what it introduces.
    b.keep_with_next = (ls.size() > 1 && (i == 0 || i + 2 == ls.size())) ||
                       (i + 1 == ls.size() && is_lead_in(it.text));
    place(ls[i], text_x, baseline_in(step, size), size, s.text_color, false, b.items);
    // URLs in the text are clickable where they are set.
    for (const url_span& u : it.urls) {
      std::size_t from = std::max(u.offset, ls[i].begin);
      std::size_t to = std::min(u.offset + u.length, ls[i].end);
      if (from >= to || ls[i].pieces.empty()) continue;
      link_area area;
      area.x0 = text_x + ls[i].x_at(from);
      area.x1 = text_x + ls[i].x_at(to);
      area.y0 = baseline_in(step, size) - size * 0.95;
      area.y1 = baseline_in(step, size) + size * 0.3;
      area.uri = links::to_uri(std::string_view(it.text).substr(u.offset, u.length));
      if (area.x1 > area.x0) b.items.push_back(std::move(area));
    }
    out.push_back(std::move(b));
  }
  for (const item& child : it.children) bullet_blocks(child, head, out);
}

void composer::link_blocks(const std::vector<link_row>& links, const std::string& head,
                           std::vector<block>& out) const {
  if (links.empty()) return;
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
    out.push_back(std::move(row));
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
    std::string uri = links::to_uri(l.href);
    double text_x = x;
    if (qr) {
      if (auto code = encode_qr(uri)) {
        code->x = x;
        code->y = 0;
        code->size = qr_size;
        code->color = s.text_color;
        row.items.push_back(std::move(*code));
      }
      text_x += qr_size + 6;
    }
    double base = qr ? qr_size / 2 + 0.38 * size : baseline_in(row_height, size);
    if (!label_lines.empty()) {
      place(label_lines.front(), text_x, base, size, s.link_color, false, row.items);
    }
    link_area area;
    area.x0 = x;
    area.y0 = qr ? 0 : base - size * 0.95;
    area.x1 = text_x + label_width;
    area.y1 = qr ? qr_size : base + size * 0.3;
    area.uri = uri;
    row.items.push_back(area);
    x += cell + gap;
  }
  flush(first_row);
}

}  // namespace handout::pdf
