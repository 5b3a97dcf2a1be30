#include "render/pdf/layout.hpp"

#include <memory>

#include "limits.hpp"
#include "parse/metadata.hpp"
#include "render/pdf/compose.hpp"
#include "render/pdf/paginate.hpp"

namespace handout::pdf {

namespace {

std::string roman(int n) {
  static constexpr std::pair<int, const char*> digits[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  for (auto [value, text] : digits) {
    while (n >= value) {
      out += text;
      n -= value;
    }
  }
  return out;
}

// The running head (document title left, section right) and the footer
// (`N / M`) of a body page.
void add_page_furniture(std::vector<page_item>& items, const composer& c, const std::string& title,
                        const std::string& section, int number, int count) {
  const style& s = c.the_style();
  const double size = s.small_size;
  const rgb color = muted(s.text_color);
  if (s.header) {
    double base = c.top() - size * 2.2;
    double rule_y = base + size * 0.7;
    double section_width = section.empty() ? 0 : c.width(section, size);
    double room = c.right() - c.left() - section_width - size * 2;
    const std::size_t from = items.size();
    auto title_lines = c.lines(title, size, room > 0 ? room : 1, false);
    if (!title_lines.empty())
      c.place(title_lines.front(), c.left(), base, size, color, false, items);
    if (!section.empty()) {
      auto ls = c.lines(section, size, 1e9, false);
      c.place(ls.front(), c.right() - section_width, base, size, color, false, items);
    }
    items.push_back(rule{c.left(), rule_y, c.right(), rule_y, 0.4, s.rule_color});
    tag_artifact(items, from, artifact_kind::header);
  }
  if (s.footer) {
    std::string text = std::to_string(number) + " / " + std::to_string(count);
    double w = c.width(text, size);
    double base = c.bottom() + size * 3;
    auto ls = c.lines(text, size, 1e9, false);
    const std::size_t from = items.size();
    c.place(ls.front(), (c.left() + c.right() - w) / 2, base, size, color, false, items);
    tag_artifact(items, from, artifact_kind::footer);
  }
}

// How the body is laid out.
enum class body_mode {
  whole,              // composed and paginated with its items, held until drawn
  page_numbers_only,  // sizes only, for the heading pages; nothing drawn
  page_by_page,       // sizes only and the census; composed again as it is drawn
};

std::size_t text_bytes(const std::vector<item>& items) {
  std::size_t n = 0;
  for (const item& it : items) n += it.text.size() + text_bytes(it.children);
  return n;
}

// A long report's body, composed a second time and drawn page by page: the
// pages' blocks as the first pass placed them, with their furniture.
struct body_pages {
  const report& r;
  const style& s;
  const font_metrics& metrics;
  outline plan;
  std::string lang;
  int section_level = 1;
  std::vector<page> front;  // the cover and contents, drawn first
  std::vector<std::string> running_heads;
  std::vector<std::size_t> first_block;
  std::vector<double> block_y;

  bool draw_all(const page_drawer& draw) {
    const std::size_t offset = front.size();
    for (std::size_t i = 0; i < offset; ++i) {
      if (!draw(i, front[i])) return false;
    }
    std::vector<page>().swap(front);
    composer c(s, metrics, plan.words, r.meta.lang);
    // The body's elements are the first pass's: numbered again, not kept.
    structure_builder tags(lang, word_language_of(r.meta.lang));
    tags.section_level = section_level;
    tags.count_only();
    const std::size_t count = running_heads.size();
    std::size_t next = 0;   // the next body page
    std::size_t first = 0;  // the index of the sink's first block among all
    bool good = true;
    auto sink = [&](std::vector<block>& blocks) {
      std::size_t taken = 0;
      while (good && next < count && first_block[next + 1] - first <= blocks.size()) {
        const std::size_t from = first_block[next], n = first_block[next + 1] - from;
        std::vector<page_item> furniture;
        add_page_furniture(furniture, c, r.meta.title, running_heads[next],
                           static_cast<int>(next) + 1, static_cast<int>(count));
        page p;
        p.items =
            page_items(std::span(blocks).subspan(from - first, n),
                       std::span<const double>(block_y).subspan(from, n), std::move(furniture));
        good = draw(offset + next, p);
        ++next;
        taken = from - first + n;
      }
      if (!good) taken = blocks.size();
      blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(taken));
      first += taken;
    };
    c.body(plan, tags, sink);
    // Drawn: what only the drawing needed goes before the file is saved.
    plan = outline();
    std::vector<std::string>().swap(running_heads);
    std::vector<double>().swap(block_y);
    return good && next == count;
  }
};

page_layout lay_out(const report& r, const style& s, const font_metrics& metrics,
                    const std::string& creator, body_mode mode, page_source* pages) {
  outline plan = plan_outline(r);
  composer c(s, metrics, plan.words, r.meta.lang);
  page_layout out;
  out.width = s.page_width;
  out.height = s.page_height;
  const std::string lang = r.meta.lang.empty() ? detect_language(r) : r.meta.lang;
  out.info = {r.meta.title, r.meta.author, r.meta.subtitle, creator, {}, r.meta.date, lang};
  // The structure tree: the cover's title is the one heading of level 1.
  structure_builder tags(lang, word_language_of(r.meta.lang));  // the words plan_outline chose
  tags.section_level = s.cover ? 2 : 1;

  // 1. The body, paginated on its own: its page numbers do not depend on
  //    the front matter.
  //    Each page gets its running head and page number as it is filled.
  auto furnish = [&](std::size_t page, const std::string& head, int count,
                     std::vector<page_item>& items) {
    add_page_furniture(items, c, r.meta.title, head, static_cast<int>(page) + 1, count);
  };
  flow body;
  if (mode == body_mode::whole) {
    body = paginate(c.body(plan, tags), c.top(), c.bottom(), furnish);
  } else if (mode == body_mode::page_numbers_only) {
    c.keep_only_sizes();  // nothing drawn, not even the front matter
    tags.count_only();
    body = paginate(c.body(plan, tags), c.top(), c.bottom(), {}, false);
  } else {
    // The characters of the blocks are counted as they go, and those of
    // the furniture, composed as the one pass does right after the body (a
    // fallback font it needs gets the same index).
    c.keep_only_sizes([&](const std::vector<page_item>& items) { out.census.add(items); });
    body = paginate(c.body(plan, tags), c.top(), c.bottom(), {}, false);
    const int count = static_cast<int>(body.pages.size());
    for (std::size_t p = 0; p < body.pages.size(); ++p) {
      std::vector<page_item> furniture;
      furnish(p, body.running_heads[p], count, furniture);
      out.census.add(furniture);
    }
  }

  // 2. The front matter: cover and contents (whose page numbers are now known).
  std::vector<page> front;
  if (s.cover) front.push_back(c.cover(r, tags));
  flow contents;
  if (s.contents && !plan.headings.empty()) {
    auto page_of = [&](int anchor) {
      auto it = body.anchors.find(anchor);
      return it == body.anchors.end() ? std::string() : std::to_string(it->second.page + 1);
    };
    contents = paginate(c.contents(plan, page_of, tags), c.top(), c.bottom());
    for (auto& p : contents.pages) front.push_back(std::move(p));
  }
  const int offset = static_cast<int>(front.size());

  // 3. Resolve contents links to their body pages.
  for (page& p : front) {
    for (page_item& item : p.items) {
      if (auto* a = std::get_if<link_area>(&item); a && a->uri.empty() && a->target_page >= 0) {
        auto it = body.anchors.find(a->target_page);
        if (it == body.anchors.end()) {
          a->target_page = -1;
          continue;
        }
        a->target_page = offset + it->second.page;
        a->target_y = it->second.y;
      }
    }
  }

  // Front matter after the cover gets a roman page number.
  if (s.footer) {
    for (int i = s.cover ? 1 : 0; i < offset; ++i) {
      std::string text = roman(i + 1);
      double w = c.width(text, s.small_size);
      auto ls = c.lines(text, s.small_size, 1e9, false);
      auto& items = front[static_cast<std::size_t>(i)].items;
      const std::size_t from = items.size();
      c.place(ls.front(), (c.left() + c.right() - w) / 2, c.bottom() + s.small_size * 3,
              s.small_size, muted(s.text_color), false, items);
      tag_artifact(items, from, artifact_kind::footer);
    }
  }

  if (mode == body_mode::page_by_page) {
    for (const page& p : front) out.census.add(p.items);
    out.pages.resize(front.size() + body.pages.size());  // their number only
  } else {
    out.pages = std::move(front);
    for (auto& p : body.pages) out.pages.push_back(std::move(p));
    if (mode == body_mode::whole) {
      for (const page& p : out.pages) out.census.add(p.items);
    }
  }

  // 4. Bookmarks, heading pages and page labels.
  out.heading_pages.assign(plan.headings.size(), 0);
  for (std::size_t anchor = 0; anchor < plan.headings.size(); ++anchor) {
    auto it = body.anchors.find(static_cast<int>(anchor));
    if (it == body.anchors.end()) continue;
    out.heading_pages[anchor] = offset + it->second.page + 1;
    const heading& h = plan.headings[anchor];
    out.outline.push_back({h.level - 1, h.text, offset + it->second.page, it->second.y});
  }
  if (offset > 0) out.labels.push_back({0, true, 1});
  out.labels.push_back({offset, false, 1});
  out.structure = tags.take();
  if (mode == body_mode::page_by_page) {
    auto state = std::make_shared<body_pages>(body_pages{
        r, s, metrics, std::move(plan), lang, tags.section_level, std::move(front),
        std::move(body.running_heads), std::move(body.first_block), std::move(body.block_y)});
    *pages = [state](const page_drawer& draw) { return state->draw_all(draw); };
  }
  return out;
}

}  // namespace

page_layout layout_report(const report& r, const style& s, const font_metrics& metrics,
                          const std::string& creator, bool page_numbers_only) {
  return lay_out(r, s, metrics, creator,
                 page_numbers_only ? body_mode::page_numbers_only : body_mode::whole, nullptr);
}

bool lays_out_page_by_page(const report& r) {
  std::size_t n = 0;
  for (const section& sec : r.sections) {
    n += sec.title.size();
    for (const slide& sl : sec.slides) {
      n += sl.title.size() + text_bytes(sl.items);
      for (const link& l : sl.links) n += l.href.size();
    }
  }
  return n >= limits::min_pdf_text_bytes_laid_out_page_by_page;
}

page_layout layout_report_page_by_page(const report& r, const style& s, const font_metrics& metrics,
                                       const std::string& creator, page_source& pages) {
  return lay_out(r, s, metrics, creator, body_mode::page_by_page, &pages);
}

}  // namespace handout::pdf
