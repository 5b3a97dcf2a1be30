#include "parse/metadata.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <regex>

#include "io.hpp"
#include "limits.hpp"
#include "parse/utf8.hpp"

namespace handout {

namespace fs = std::filesystem;

std::string sidecar_path(const std::string& input) {
  fs::path p(input);
  return (p.parent_path() / (p.stem().string() + ".meta.yaml")).string();
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
        diags.error(path, kl, kc,
                    "unknown key '" + key + "'; known keys: title, subtitle, author, date, lang");
        ok = false;
        continue;
      }
      if (!kv.second.IsScalar()) {
        diags.error(path, vl, vc, "'" + key + "' must be a single value");
        ok = false;
        continue;
      }
      std::string value = kv.second.as<std::string>();
      if (utf8::find_invalid(value)) {
        diags.error(path, vl, vc, "'" + key + "' is not valid UTF-8");
        ok = false;
        continue;
      }
      if (key == "date" && !std::regex_match(value, std::regex(R"(\d{4}-\d{2}-\d{2})"))) {
        diags.error(path, vl, vc, "date must be YYYY-MM-DD, not '" + value + "'");
        ok = false;
        continue;
      }
      if (key == "lang" &&
          !std::regex_match(value, std::regex(R"([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)"))) {
        diags.error(path, vl, vc, "lang must be a language tag such as zh-CN, not '" + value + "'");
        ok = false;
        continue;
      }
      *field = utf8::nfc(value);
    }
    return ok;
  } catch (const YAML::Exception& e) {
    auto [l, c] = at(e.mark);
    diags.error(path, l, c, "malformed YAML: " + e.msg);
    return false;
  }
}

namespace {

struct script_counts {
  long han = 0, kana = 0, hangul = 0, latin = 0;
  // The first letters tell the script; a large deck need not be read whole.
  bool enough() const { return han + kana + hangul + latin >= 20'000; }
};

void count_script(std::string_view s, script_counts& c) {
  for (std::size_t i = 0; i < s.size() && !c.enough();) {
    char32_t cp = utf8::decode(s, i);
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
      ++c.han;
    } else if (cp >= 0x3040 && cp <= 0x30FF) {
      ++c.kana;
    } else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)) {
      ++c.hangul;
    } else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 0xC0 && cp <= 0x24F)) {
      ++c.latin;
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
  // Latin letters come in words of several letters, CJK characters alone:
  // weigh one CJK character as much as a short word.
  const long cjk = c.han + c.kana + c.hangul;
  if (cjk * 4 < c.latin) return "en";
  if (c.kana > 0 && c.kana * 10 >= c.han) return "ja";
  if (c.hangul > c.han) return "ko";
  return "zh-CN";
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
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
      char* end = nullptr;
      long long seconds = std::strtoll(epoch, &end, 10);
      if (end != epoch && *end == '\0' && seconds >= 0) {
        std::time_t t = static_cast<std::time_t>(seconds);
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[16];
        std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
        r.meta.date = buf;
      }
    }
  }
}

}  // namespace handout
