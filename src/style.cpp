#include "style.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "io.hpp"
#include "limits.hpp"
#include "terminal_text.hpp"
#include "utf8.hpp"
#include "yaml_message.hpp"

namespace handout {

style default_style() { return style{}; }

double relative_luminance(const rgb& c) {
  auto linear = [](double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const rgb& a, const rgb& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

rgb muted(const rgb& c) {
  auto mix = [](double v) { return v + (1 - v) * 0.4; };
  return {mix(c.r), mix(c.g), mix(c.b)};
}

std::vector<text_colour> text_colours(const style& s) {
  return {{"text", "body text", s.text_color, false},
          {"text", "the header, footer and cover details", muted(s.text_color), true},
          {"heading", "headings and bullets", s.heading_color, false},
          {"link", "links", s.link_color, false}};
}

std::string hex_string(const rgb& c) {
  auto byte = [](double v) {
    return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

namespace {

std::string compact(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string points(double v) { return compact(v) + "pt"; }

// Reports errors at YAML nodes of one file.
class style_reader {
 public:
  style_reader(const std::string& path, diagnostics& diags) : path_(path), diags_(diags) {}

  bool ok() const { return ok_; }

  void error(const YAML::Node& at, const std::string& message) {
    YAML::Mark m = at.Mark();
    diags_.error(path_, m.line + 1, m.column + 1, message);
    ok_ = false;
  }

  void warning(const YAML::Node& at, const std::string& message) {
    YAML::Mark m = at.Mark();
    diags_.warning(path_, m.line + 1, m.column + 1, message);
  }

  // Calls `handlers[key]` for each key of the mapping; other keys are errors.
  void mapping(const YAML::Node& node, const std::string& where,
               const std::map<std::string, std::function<void(const YAML::Node&)>>& handlers) {
    if (!node.IsMap()) {
      error(node, where + " must be a mapping");
      return;
    }
    for (const auto& kv : node) {
      std::string key = kv.first.Scalar();
      auto h = handlers.find(key);
      if (h == handlers.end()) {
        std::string known;
        for (const auto& [k, _] : handlers) known += (known.empty() ? "" : ", ") + k;
        error(kv.first,
              "unknown key '" + excerpt(key) + "' in " + where + " (known: " + known + ")");
        continue;
      }
      h->second(kv.second);
    }
  }

  std::optional<std::string> string(const YAML::Node& n, const std::string& what) {
    if (!n.IsScalar()) {
      error(n, what + " must be a single value");
      return std::nullopt;
    }
    if (utf8::find_invalid(n.Scalar())) {
      error(n, what + " is not valid UTF-8");
      return std::nullopt;
    }
    return n.Scalar();
  }

  // A length: a number of points, or a number with a unit (pt, mm, cm, in).
  void length(const YAML::Node& n, const std::string& what, double& out, double min, double max) {
    auto s = string(n, what);
    if (!s) return;
    char* end = nullptr;
    double v = std::strtod(s->c_str(), &end);
    std::string unit = end ? std::string(end) : "";
    while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
    double factor = unit.empty() || unit == "pt" ? 1
                    : unit == "mm"               ? points_per_mm
                    : unit == "cm"               ? 72 / 2.54
                    : unit == "in"               ? 72
                                                 : 0;
    if (end == s->c_str() || factor == 0 || !std::isfinite(v)) {
      error(n,
            what + " must be a length such as 12pt, 20mm, 2cm or 1in, not '" + excerpt(*s) + "'");
      return;
    }
    v *= factor;
    if (v < min || v > max) {
      error(n, what + " must be between " + points(min) + " and " + points(max));
      return;
    }
    out = v;
  }

  void number(const YAML::Node& n, const std::string& what, double& out, double min, double max) {
    auto s = string(n, what);
    if (!s) return;
    char* end = nullptr;
    double v = std::strtod(s->c_str(), &end);
    if (end == s->c_str() || *end != '\0' || !(v >= min && v <= max)) {
      error(n, what + " must be a number from " + compact(min) + " to " + compact(max) + ", not '" +
                   excerpt(*s) + "'");
      return;
    }
    out = v;
  }

  void boolean(const YAML::Node& n, const std::string& what, bool& out) {
    auto s = string(n, what);
    if (!s) return;
    if (*s == "true" || *s == "yes" || *s == "on") {
      out = true;
    } else if (*s == "false" || *s == "no" || *s == "off") {
      out = false;
    } else {
      error(n, what + " must be true or false, not '" + excerpt(*s) + "'");
    }
  }

  void colour(const YAML::Node& n, const std::string& what, rgb& out) {
    auto s = string(n, what);
    if (!s) return;
    unsigned v = 0;
    if (s->size() != 7 || (*s)[0] != '#' || std::sscanf(s->c_str() + 1, "%6x", &v) != 1 ||
        s->find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos) {
      error(n, what + " must be a colour #RRGGBB, not '" + excerpt(*s) + "'");
      return;
    }
    out = hex_rgb(v);
  }

 private:
  const std::string& path_;
  diagnostics& diags_;
  bool ok_ = true;
};

struct paper {
  const char* name;
  double width, height;  // points, portrait
};

constexpr paper papers[] = {
    {"A3", 841.890, 1190.551}, {"A4", 595.276, 841.890}, {"A5", 419.528, 595.276},
    {"B5", 498.898, 708.661},  {"Letter", 612, 792},     {"Legal", 612, 1008},
};

void read_page(style_reader& in, const YAML::Node& node, style& s) {
  in.mapping(
      node, "page",
      {{"size",
        [&](const YAML::Node& n) {
          if (n.IsSequence() && n.size() == 2) {
            in.length(n[0], "page width", s.page_width, 72, 14400);
            in.length(n[1], "page height", s.page_height, 72, 14400);
            return;
          }
          auto name = in.string(n, "page size");
          if (!name) return;
          for (const auto& p : papers) {
            if (*name == p.name) {
              s.page_width = p.width;
              s.page_height = p.height;
              return;
            }
          }
          in.error(n, "unknown page size '" + excerpt(*name) +
                          "' (known: A3, A4, A5, B5, Letter, Legal, or [width, height])");
        }},
       {"orientation",
        [&](const YAML::Node& n) {
          auto o = in.string(n, "orientation");
          if (!o) return;
          bool landscape = *o == "landscape";
          if (!landscape && *o != "portrait") {
            in.error(n, "orientation must be portrait or landscape");
          } else if (landscape != (s.page_width > s.page_height)) {
            std::swap(s.page_width, s.page_height);
          }
        }},
       {"margins", [&](const YAML::Node& n) {
          if (n.IsScalar()) {
            double m = 0;
            in.length(n, "margins", m, 0, 720);
            if (in.ok()) s.margin_top = s.margin_bottom = s.margin_left = s.margin_right = m;
            return;
          }
          in.mapping(
              n, "page.margins",
              {{"top",
                [&](const YAML::Node& v) { in.length(v, "top margin", s.margin_top, 0, 720); }},
               {"bottom",
                [&](const YAML::Node& v) {
                  in.length(v, "bottom margin", s.margin_bottom, 0, 720);
                }},
               {"left",
                [&](const YAML::Node& v) { in.length(v, "left margin", s.margin_left, 0, 720); }},
               {"right", [&](const YAML::Node& v) {
                  in.length(v, "right margin", s.margin_right, 0, 720);
                }}});
        }}});
}

void read_fonts(style_reader& in, const YAML::Node& node, style& s) {
  if (!node.IsSequence() || node.size() == 0) {
    in.error(node, "fonts must be a list of font families or files");
    return;
  }
  s.fonts.clear();
  for (const auto& f : node) {
    font_ref ref;
    if (f.IsMap()) {
      double index = 0;
      in.mapping(
          f, "a font",
          {{"family",
            [&](const YAML::Node& v) { ref.family = in.string(v, "family").value_or(""); }},
           {"file", [&](const YAML::Node& v) { ref.file = in.string(v, "file").value_or(""); }},
           {"index",
            [&](const YAML::Node& v) { in.number(v, "collection index", index, 0, 255); }}});
      ref.index = static_cast<int>(index);
      if (ref.family.empty() == ref.file.empty()) in.error(f, "a font needs either family or file");
    } else if (auto name = in.string(f, "a font")) {
      bool is_file = name->find('/') != std::string::npos || name->ends_with(".ttf") ||
                     name->ends_with(".ttc");
      (is_file ? ref.file : ref.family) = *name;
    }
    s.fonts.push_back(ref);
  }
}

// `sizes`: the font sizes of the body, cover, headings and small print.
void read_sizes(style_reader& in, const YAML::Node& node, style& s) {
  auto size = [&](const char* what, double& out, double max) {
    return [&in, what, &out, max](const YAML::Node& v) { in.length(v, what, out, 4, max); };
  };
  in.mapping(node, "sizes",
             {{"body", size("body size", s.body_size, 72)},
              {"title", size("title size", s.title_size, 144)},
              {"subtitle", size("subtitle size", s.subtitle_size, 144)},
              {"heading1", size("heading1 size", s.heading1_size, 144)},
              {"heading2", size("heading2 size", s.heading2_size, 144)},
              {"small", size("small size", s.small_size, 72)}});
}

// `spacing`: the space after paragraphs and the indent.
void read_spacing(style_reader& in, const YAML::Node& node, style& s) {
  in.mapping(node, "spacing",
             {{"paragraph",
               [&](const YAML::Node& v) {
                 in.length(v, "paragraph spacing", s.paragraph_spacing, 0, 72);
               }},
              {"indent", [&](const YAML::Node& v) { in.length(v, "indent", s.indent, 0, 144); }}});
}

// `colors`: text, heading, link and rule colours.
void read_colors(style_reader& in, const YAML::Node& node, style& s) {
  auto colour = [&](const char* what, rgb& out) {
    return [&in, what, &out](const YAML::Node& v) { in.colour(v, what, out); };
  };
  in.mapping(node, "colors",
             {{"text", colour("text colour", s.text_color)},
              {"heading", colour("heading colour", s.heading_color)},
              {"link", colour("link colour", s.link_color)},
              {"rule", colour("rule colour", s.rule_color)}});
  // Text too light to read: a warning at the colour, with its ratio. Rules
  // are no text and need no such contrast.
  if (!node.IsMap()) return;
  for (const text_colour& t : text_colours(s)) {
    const YAML::Node at = node[t.key];
    const double ratio = contrast_ratio(t.colour, page_color);
    if (!at || ratio >= min_text_contrast) continue;
    char figure[16];
    // Rounded as contrast checkers show it, but never up to the minimum.
    double shown = std::round(ratio * 100) / 100;
    if (shown >= min_text_contrast) shown = std::floor(ratio * 100) / 100;
    std::snprintf(figure, sizeof figure, "%.2f", shown);
    const std::string own = std::string("the ") + t.key + " colour " + at.Scalar();
    const std::string what =
        t.lightened ? own + " prints " + t.what + " in " + hex_string(t.colour) + ", a contrast of "
                    : own + " (" + t.what + ") has a contrast of ";
    in.warning(
        at, what + figure + ":1 against the white page; WCAG 2.2 AA asks at least 4.5:1 for text");
  }
}

// `bullets`: one glyph per level, three levels.
void read_bullets(style_reader& in, const YAML::Node& node, style& s) {
  if (!node.IsSequence() || node.size() != 3) {
    in.error(node, "bullets must be a list of three glyphs, one per level");
    return;
  }
  for (std::size_t i = 0; i < 3; ++i) {
    if (auto g = in.string(node[i], "a bullet glyph")) s.bullets[i] = *g;
  }
}

// The handler of a yes/no key: sets `out`, named `what` in errors.
std::function<void(const YAML::Node&)> flag(style_reader& in, const char* what, bool& out) {
  return [&in, what, &out](const YAML::Node& v) { in.boolean(v, what, out); };
}

// `parts`: which parts of the document are made.
void read_parts(style_reader& in, const YAML::Node& node, style& s) {
  in.mapping(node, "parts",
             {{"cover", flag(in, "cover", s.cover)},
              {"contents", flag(in, "contents", s.contents)},
              {"header", flag(in, "header", s.header)},
              {"footer", flag(in, "footer", s.footer)},
              {"qr_codes", flag(in, "qr_codes", s.qr_codes)}});
}

// `typography`: justification, the space between CJK and Latin, ligatures.
void read_typography(style_reader& in, const YAML::Node& node, style& s) {
  in.mapping(node, "typography",
             {{"justify", flag(in, "justify", s.justify)},
              {"cjk_latin_space", flag(in, "cjk_latin_space", s.cjk_latin_space)},
              {"ligatures", flag(in, "ligatures", s.ligatures)}});
}

// Every top-level key of a style file, each read into `s`.
void read_style(style_reader& in, const YAML::Node& root, style& s) {
  using node = const YAML::Node&;
  in.mapping(root, "the style",
             {{"page", [&](node n) { read_page(in, n, s); }},
              {"fonts", [&](node n) { read_fonts(in, n, s); }},
              {"sizes", [&](node n) { read_sizes(in, n, s); }},
              {"leading", [&](node n) { in.number(n, "leading", s.leading, 1, 3); }},
              {"spacing", [&](node n) { read_spacing(in, n, s); }},
              {"colors", [&](node n) { read_colors(in, n, s); }},
              {"bullets", [&](node n) { read_bullets(in, n, s); }},
              {"parts", [&](node n) { read_parts(in, n, s); }},
              {"qr_size", [&](node n) { in.length(n, "qr_size", s.qr_size, 18, 288); }},
              {"typography", [&](node n) { read_typography(in, n, s); }}});
}

}  // namespace

std::optional<style> load_style(const std::string& path, diagnostics& diags) {
  if (std::string why =
          outside_input_tree(path, std::filesystem::path(path).parent_path().string());
      !why.empty()) {
    diags.error(path, 0, 0, why);
    return std::nullopt;
  }
  auto bytes = read_file(path, limits::max_metadata_bytes, diags);
  if (!bytes) return std::nullopt;
  return parse_style(*bytes, path, diags);
}

std::optional<style> parse_style(std::string_view yaml, const std::string& path,
                                 diagnostics& diags) {
  if (auto bad = utf8::find_invalid(yaml)) {
    auto [line, column] = utf8::line_column(yaml, *bad);
    diags.error(path, line, column, "invalid UTF-8; save the style as UTF-8");
    return std::nullopt;
  }
  style s = default_style();
  s.name = std::filesystem::path(path).stem().string();
  style_reader in(path, diags);
  try {
    // yaml-cpp reports malformed YAML by throwing: caught here, at its mark.
    YAML::Node root = YAML::Load(std::string(yaml));
    if (root.IsNull()) return s;
    read_style(in, root, s);
  } catch (const YAML::Exception& e) {
    diags.error(path, e.mark.line + 1, e.mark.column + 1, yaml_error_message(e));
    return std::nullopt;
  }
  if (!in.ok()) return std::nullopt;
  if (s.margin_left + s.margin_right + 72 > s.page_width ||
      s.margin_top + s.margin_bottom + 72 > s.page_height) {
    diags.error(path, 0, 0, "the margins leave less than 1 inch of page");
    return std::nullopt;
  }
  return s;
}

}  // namespace handout
