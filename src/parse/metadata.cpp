#include "parse/metadata.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "io.hpp"
#include "limits.hpp"
#include "terminal_text.hpp"
#include "utf8.hpp"
#include "yaml_message.hpp"

namespace handout {

namespace fs = std::filesystem;

std::string sidecar_path(const std::string& input) {
  fs::path p(input);
  const fs::path yaml = p.parent_path() / (p.stem().string() + ".meta.yaml");
  const fs::path yml = p.parent_path() / (p.stem().string() + ".meta.yml");
  std::error_code ec;
  return (!fs::exists(yaml, ec) && fs::exists(yml, ec) ? yml : yaml).string();
}

bool sidecars_conflict(const std::string& input, diagnostics& diags) {
  fs::path p(input);
  const fs::path yaml = p.parent_path() / (p.stem().string() + ".meta.yaml");
  const fs::path yml = p.parent_path() / (p.stem().string() + ".meta.yml");
  std::error_code ec;
  if (!fs::exists(yaml, ec) || !fs::exists(yml, ec)) return false;
  diags.error(yml.string(), 0, 0,
              "both " + yaml.string() + " and " + yml.string() +
                  " are there; keep one (the deck's metadata must come from one file)");
  return true;
}

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_calendar_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(s[i])) return false;
  }
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
}

// Cleans a metadata value in place (outer whitespace trimmed, inner line
// breaks and tabs made spaces); returns what is wrong with it, if anything.
std::optional<std::string> value_problem(const std::string& key, std::string& value) {
  if (utf8::find_invalid(value)) return "'" + excerpt(key) + "' is not valid UTF-8";
  std::size_t first = value.find_first_not_of(" \t\r\n");
  value = first == std::string::npos
              ? std::string()
              : value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
  for (char& c : value) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  for (std::size_t i = 0; i < value.size();) {
    if (utf8::is_xml_illegal(utf8::decode(value, i))) {
      return "'" + excerpt(key) + "' holds a control character";
    }
  }
  if (key == "date" && !is_calendar_date(value)) {
    return "date must be a real date as YYYY-MM-DD, not '" + excerpt(value) + "'";
  }
  if (key == "lang" && !is_language_tag(value)) {
    return "lang must be a language tag such as zh-CN, not '" + excerpt(value) + "'";
  }
  return std::nullopt;
}

}  // namespace

bool is_language_tag(const std::string& tag) {
  // A primary subtag of 2–3 letters, then subtags of 2–8 letters or digits.
  std::size_t start = 0;
  for (bool first = true;; first = false) {
    std::size_t end = std::min(tag.find('-', start), tag.size());
    std::string_view part(tag.data() + start, end - start);
    bool ok = first ? part.size() >= 2 && part.size() <= 3 &&
                          std::all_of(part.begin(), part.end(), is_alpha)
                    : part.size() >= 2 && part.size() <= 8 &&
                          std::all_of(part.begin(), part.end(),
                                      [](char c) { return is_alpha(c) || is_digit(c); });
    if (!ok) return false;
    if (end == tag.size()) return true;
    start = end + 1;
  }
}

bool read_sidecar(const std::string& path, metadata& meta, diagnostics& diags) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  diagnostics local;
  auto bytes = read_file(path, limits::max_metadata_bytes, local);
  if (!bytes) {
    diags.append(local);
    return false;
  }
  auto at = [&](const YAML::Mark& m) { return std::pair{m.line + 1, m.column + 1}; };
  try {
    YAML::Node root = YAML::Load(*bytes);
    if (root.IsNull()) return true;
    if (!root.IsMap()) {
      auto [l, c] = at(root.Mark());
      diags.error(path, l, c, "metadata must be a mapping of keys to values");
      return false;
    }
    bool ok = true;
    std::set<std::string> seen;
    for (const auto& kv : root) {
      const std::string key = kv.first.as<std::string>();
      auto [kl, kc] = at(kv.first.Mark());
      auto [vl, vc] = at(kv.second.Mark());
      std::string* field = key == "title"      ? &meta.title
                           : key == "subtitle" ? &meta.subtitle
                           : key == "author"   ? &meta.author
                           : key == "date"     ? &meta.date
                           : key == "lang"     ? &meta.lang
                                               : nullptr;
      if (!field) {
        diags.error(
            path, kl, kc,
            "unknown key '" + excerpt(key) + "'; known keys: title, subtitle, author, date, lang");
        ok = false;
        continue;
      }
      if (!kv.second.IsScalar()) {
        diags.error(path, vl, vc, "'" + excerpt(key) + "' must be a single value");
        ok = false;
        continue;
      }
      if (!seen.insert(key).second) {
        diags.error(path, kl, kc, "'" + excerpt(key) + "' is given twice");
        ok = false;
        continue;
      }
      std::string value = kv.second.as<std::string>();
      if (auto problem = value_problem(key, value)) {
        diags.error(path, vl, vc, *problem);
        ok = false;
        continue;
      }
      *field = utf8::nfc(value);
    }
    return ok;
  } catch (const YAML::Exception& e) {
    auto [l, c] = at(e.mark);
    diags.error(path, l, c, yaml_error_message(e));
    return false;
  }
}

namespace {

// The language a script most often stands for in slide text; the sidecar's
// `lang` overrides the guess.
struct script {
  char32_t first, last;
  const char* lang;
  int weight;  // CJK characters stand alone, letters come in words
};

constexpr script scripts[] = {
    {'A', 'Z', "en", 1},          {'a', 'z', "en", 1},
    {0xC0, 0x24F, "en", 1},       {0x370, 0x3FF, "el", 1},
    {0x400, 0x4FF, "ru", 1},      {0x590, 0x5FF, "he", 1},
    {0x600, 0x6FF, "ar", 1},      {0x900, 0x97F, "hi", 1},
    {0xE00, 0xE7F, "th", 1},      {0x3040, 0x30FF, "ja", 40},
    {0xAC00, 0xD7AF, "ko", 4},    {0x1100, 0x11FF, "ko", 4},
    {0x3400, 0x4DBF, "zh-CN", 4}, {0x4E00, 0x9FFF, "zh-CN", 4},
    {0xF900, 0xFAFF, "zh-CN", 4}, {0x20000, 0x3FFFF, "zh-CN", 4},
};

struct script_counts {
  long weight[std::size(scripts)] = {};
  long letters = 0;
  // The first letters tell the script; a large deck need not be read whole.
  bool enough() const { return letters >= 20'000; }
};

void count_script(std::string_view s, script_counts& c) {
  for (std::size_t i = 0; i < s.size() && !c.enough();) {
    char32_t cp = utf8::decode(s, i);
    for (std::size_t k = 0; k < std::size(scripts); ++k) {
      if (cp >= scripts[k].first && cp <= scripts[k].last) {
        c.weight[k] += scripts[k].weight;
        ++c.letters;
        break;
      }
    }
  }
}

void count_items(const std::vector<item>& items, script_counts& c) {
  for (const auto& it : items) {
    if (c.enough()) return;
    count_script(it.text, c);
    count_items(it.children, c);
  }
}

}  // namespace

std::string detect_language(const report& r) {
  script_counts c;
  for (const auto& sec : r.sections) {
    if (c.enough()) break;
    count_script(sec.title, c);
    for (const auto& sl : sec.slides) {
      count_script(sl.title, c);
      count_items(sl.items, c);
    }
  }
  // Sum the weights per language; kana anywhere makes Han text Japanese.
  std::map<std::string, long> by_lang;
  for (std::size_t k = 0; k < std::size(scripts); ++k) by_lang[scripts[k].lang] += c.weight[k];
  if (by_lang["ja"] > 0) by_lang["ja"] += by_lang["zh-CN"];
  std::string best = "en";
  long best_weight = 0;
  for (const auto& [lang, weight] : by_lang) {
    if (weight > best_weight) {
      best = lang;
      best_weight = weight;
    }
  }
  return best;
}

std::optional<long long> source_date_epoch(std::string* problem) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0') return std::nullopt;
  const std::string_view text(epoch);
  long long seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  // At most year 9999, so the date keeps four digits.
  if (ec != std::errc() || end != text.data() + text.size() || seconds < 0 ||
      seconds > 253402300799LL) {
    if (problem) *problem = std::string(text);
    return std::nullopt;
  }
  return seconds;
}

void derive_metadata(report& r, const std::string& input_path) {
  if (r.meta.title.empty()) {
    std::string stem = fs::path(input_path).stem().string();
    for (char& ch : stem) {
      if (ch == '-' || ch == '_') ch = ' ';
    }
    r.meta.title = utf8::find_invalid(stem) ? std::string("Untitled") : utf8::nfc(stem);
  }
  if (r.meta.lang.empty()) r.meta.lang = detect_language(r);
  if (r.meta.date.empty()) {
    if (std::optional<long long> seconds = source_date_epoch()) {
      std::time_t t = static_cast<std::time_t>(*seconds);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char buf[16];
      std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
      r.meta.date = buf;
    }
  }
}

}  // namespace handout
