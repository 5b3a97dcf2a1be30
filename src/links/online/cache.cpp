#include "links/online/cache.hpp"

#include <cmath>
#include <filesystem>

#include "io.hpp"
#include "limits.hpp"
#include "links/json_reader.hpp"
#include "links/json_writer.hpp"
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

std::string string_member(const json_value& v, std::string_view key) {
  const json_value* m = v.find(key);
  const std::string* s = m ? m->as_string() : nullptr;
  return s ? *s : std::string();
}

std::optional<double> number_member(const json_value& v, std::string_view key) {
  const json_value* m = v.find(key);
  const double* d = m ? m->as_number() : nullptr;
  if (!d || !std::isfinite(*d)) return std::nullopt;
  return *d;
}

}  // namespace

verdict_cache verdict_cache::load(const std::string& path, diagnostics& diags) {
  verdict_cache cache;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return cache;
  diagnostics read_diags;
  std::optional<std::string> text = read_file(path, limits::max_cache_bytes, read_diags);
  if (!text) {
    for (const auto& d : read_diags.all()) {
      diags.warning(d.file, 0, 0, d.message + "; the cache is not used");
    }
    return cache;
  }
  json_parse_result parsed = parse_json(*text);
  if (!parsed.value) {
    diags.warning(path, 0, 0,
                  "the cache is not valid JSON (" + parsed.error + " at byte " +
                      std::to_string(parsed.offset) + "); it is ignored and will be rewritten");
    return cache;
  }
  const json_value& root = *parsed.value;
  auto version = number_member(root, "version");
  const json_value* entries = root.find("entries");
  if (!version || *version != cache_version || !entries || !entries->as_object()) {
    diags.warning(path, 0, 0,
                  "the cache has another version or layout; it is ignored and will be rewritten");
    return cache;
  }
  for (const auto& [key, value] : *entries->as_object()) {
    auto verdict = parse_verdict(string_member(value, "verdict"));
    auto checked = number_member(value, "checked");
    if (!verdict || !is_definite(*verdict) || !checked) continue;  // skip what we cannot use
    entry e;
    e.check.verdict = *verdict;
    e.check.http_status = static_cast<int>(number_member(value, "status").value_or(0));
    e.check.detail = string_member(value, "detail");
    e.check.title = string_member(value, "title");
    e.check.channel = string_member(value, "channel");
    e.checked_at = static_cast<std::int64_t>(*checked);
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
  json_writer w;
  w.begin_object();
  w.field("version", cache_version);
  w.field("tool", "handout links --online");
  w.key("entries");
  w.begin_object();
  for (const auto& [key, e] : entries_) {
    std::int64_t age = now - e.checked_at;
    if (age < 0 || age > max_age.count()) continue;  // keeps what this run checked
    w.key(key);
    w.begin_object();
    w.field("verdict", verdict_name(e.check.verdict));
    w.field("checked", static_cast<long>(e.checked_at));
    w.field("status", e.check.http_status);
    w.field("detail", e.check.detail);
    w.field("title", e.check.title);
    w.field("channel", e.check.channel);
    w.end_object();
  }
  w.end_object();
  w.end_object();
  diagnostics write_diags;
  if (write_file_atomically(path, w.finish(), write_diags)) return true;
  for (const auto& d : write_diags.all()) {
    diags.warning(d.file, 0, 0, d.message + " (the cache was not saved)");
  }
  return false;
}

}  // namespace online

}  // namespace handout::links
