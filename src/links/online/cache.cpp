#include "links/online/cache.hpp"

#include <filesystem>
#include <optional>

#include "io.hpp"
#include "json.hpp"
#include "limits.hpp"
#include "links/online/verdict.hpp"

namespace handout::links {

std::string_view verdict_name(link_verdict v) {
  switch (v) {
    case link_verdict::ok:
      return "ok";
    case link_verdict::broken:
      return "broken";
    case link_verdict::restricted:
      return "restricted";
    case link_verdict::unknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<link_verdict> parse_verdict(std::string_view name) {
  for (auto v :
       {link_verdict::ok, link_verdict::broken, link_verdict::restricted, link_verdict::unknown}) {
    if (verdict_name(v) == name) return v;
  }
  return std::nullopt;
}

namespace online {

namespace {

constexpr int cache_version = 1;
// The "tool" member of every cache file: what tells a cache from another file.
constexpr const char* cache_tool = "handout links --online";

// The member `key` of `object` when it is a string, else "".
std::string string_member(const json& object, std::string_view key) {
  const std::string* s = json_string_member(object, key);
  return s ? *s : std::string();
}

}  // namespace

std::optional<verdict_cache> verdict_cache::load(const std::string& path, diagnostics& diags) {
  verdict_cache cache;
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return cache;
  // A file that is not one of our caches (`--cache deck.txt`) is refused, so
  // that saving never replaces it.
  auto refuse = [&](int line, int column, const std::string& why) {
    diags.error(path, line, column,
                "is not a verdict cache (" + why +
                    "); it is left alone: remove it or choose another --cache");
    return std::nullopt;
  };
  diagnostics read_diags;
  std::optional<std::string> text = read_file(path, limits::max_cache_bytes, read_diags);
  if (!text) return refuse(0, 0, read_diags.all().at(0).message);
  json_parse_result parsed = parse_json(*text);
  // Not the parser's description: it quotes the file, which may be anything.
  if (!parsed.value) return refuse(parsed.line, parsed.column, "not JSON");
  const json& root = *parsed.value;
  const std::string* tool = json_string_member(root, "tool");
  if (!tool || *tool != cache_tool) {
    return refuse(0, 0, "no \"tool\": \"" + std::string(cache_tool) + "\"");
  }
  auto version = json_integer_member<int>(root, "version");
  const json* entries = json_member(root, "entries");
  if (version != cache_version || !entries || !entries->is_object()) {
    diags.warning(path, 0, 0,
                  "the cache has another version or layout; it is ignored and will be rewritten");
    return cache;
  }
  for (const auto& [key, value] : entries->items()) {
    auto verdict = parse_verdict(string_member(value, "verdict"));
    auto checked = json_integer_member<std::int64_t>(value, "checked");
    if (!verdict || !is_definite(*verdict) || !checked) continue;  // skip what we cannot use
    entry e;
    e.check.verdict = *verdict;
    e.check.http_status = json_integer_member<int>(value, "status").value_or(0);
    e.check.detail = string_member(value, "detail");
    e.check.title = string_member(value, "title");
    e.check.channel = string_member(value, "channel");
    e.checked_at = *checked;
    cache.entries_.emplace(key, std::move(e));
  }
  return cache;
}

const link_check* verdict_cache::find(const std::string& key, std::int64_t now,
                                      std::chrono::seconds max_age) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  std::int64_t age = now - it->second.checked_at;
  if (age < 0 || age >= max_age.count()) return nullptr;  // stale, or from a clock gone wrong
  return &it->second.check;
}

void verdict_cache::put(const std::string& key, const link_check& check, std::int64_t now) {
  if (!is_definite(check.verdict)) return;
  entries_[key] = entry{check, now};
  changed_ = true;
}

bool verdict_cache::save(const std::string& path, std::int64_t now, std::chrono::seconds max_age,
                         diagnostics& diags) const {
  json entries = json::object();
  for (const auto& [key, e] : entries_) {
    std::int64_t age = now - e.checked_at;
    if (age < 0 || age > max_age.count()) continue;  // keeps what this run checked
    append_member(entries, key,
                  json_object({{"verdict", verdict_name(e.check.verdict)},
                               {"checked", e.checked_at},
                               {"status", e.check.http_status},
                               {"detail", e.check.detail},
                               {"title", e.check.title},
                               {"channel", e.check.channel}}));
  }
  const json file = json_object(
      {{"version", cache_version}, {"tool", cache_tool}, {"entries", std::move(entries)}});
  diagnostics write_diags;
  if (write_file_atomically(path, json_text(file), write_diags)) return true;
  for (const auto& d : write_diags.all()) {
    diags.warning(d.file, 0, 0, d.message + " (the cache was not saved)");
  }
  return false;
}

}  // namespace online

}  // namespace handout::links
