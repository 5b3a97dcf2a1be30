#include "batch/manifest.hpp"

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "io.hpp"

namespace handout::batch {

namespace {

using json = nlohmann::ordered_json;
constexpr int manifest_version = 1;

std::string path_in(const std::string& out_dir, const std::string& relative) {
  return out_dir + "/" + relative;
}

json to_json(const diagnostic& d) {
  return {{"level", d.level == severity::error ? "error" : "warning"},
          {"file", d.file},
          {"line", d.line},
          {"column", d.column},
          {"message", d.message}};
}

json to_json(const deck_result& d) {
  json outputs = json::array();
  for (const auto& o : d.outputs) {
    outputs.push_back({{"path", o.path}, {"size", o.size}, {"mtime_ns", o.mtime_ns}});
  }
  json diags = json::array();
  for (const auto& x : d.diags.all()) diags.push_back(to_json(x));
  return {
      {"input", d.input},
      {"key", d.key},
      {"outputs", outputs},
      {"pages", d.pages},
      {"links", d.links},
      {"findings",
       {{"error", d.finding_errors}, {"warning", d.finding_warnings}, {"info", d.finding_infos}}},
      {"exit_code", d.exit_code},
      {"diagnostics", diags}};
}

deck_result from_json(const std::string& stem, const json& j) {
  deck_result d;
  d.relative_stem = stem;
  d.status = deck_status::skipped;
  d.input = j.at("input").get<std::string>();
  d.key = j.at("key").get<std::string>();
  for (const auto& o : j.at("outputs")) {
    d.outputs.push_back({o.at("path").get<std::string>(), o.at("size").get<std::uintmax_t>(),
                         o.at("mtime_ns").get<std::int64_t>()});
  }
  d.pages = j.at("pages").get<int>();
  d.links = j.at("links").get<int>();
  d.finding_errors = j.at("findings").at("error").get<int>();
  d.finding_warnings = j.at("findings").at("warning").get<int>();
  d.finding_infos = j.at("findings").at("info").get<int>();
  d.exit_code = j.at("exit_code").get<int>();
  for (const auto& x : j.at("diagnostics")) {
    d.diags.add({x.at("level").get<std::string>() == "error" ? severity::error : severity::warning,
                 x.at("file").get<std::string>(), x.at("line").get<int>(),
                 x.at("column").get<int>(), x.at("message").get<std::string>()});
  }
  return d;
}

}  // namespace

manifest read_manifest(const std::string& out_dir) {
  manifest m;
  diagnostics ignored;
  auto bytes = read_file(path_in(out_dir, manifest_name), std::size_t(1) << 30, ignored);
  if (!bytes) return m;
  try {
    json j = json::parse(*bytes);
    if (j.at("version").get<int>() != manifest_version) return m;
    for (const auto& [stem, d] : j.at("decks").items()) m.decks.emplace(stem, from_json(stem, d));
  } catch (const json::exception&) {
    return {};  // damaged: rebuild everything
  }
  return m;
}

bool write_manifest(const std::string& out_dir, const manifest& m, diagnostics& diags) {
  json decks = json::object();
  for (const auto& [stem, d] : m.decks) decks[stem] = to_json(d);
  json j = {{"version", manifest_version}, {"tool", "handout " HANDOUT_VERSION}, {"decks", decks}};
  return write_file_atomically(path_in(out_dir, manifest_name), j.dump(1) + "\n", diags);
}

std::optional<output_file> stat_output(const std::string& out_dir, const std::string& relative) {
  struct stat st {};
  if (::stat(path_in(out_dir, relative).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::nullopt;
  }
  return output_file{
      relative, static_cast<std::uintmax_t>(st.st_size),
      static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool outputs_unchanged(const std::string& out_dir, const deck_result& d) {
  if (d.outputs.empty()) return false;
  for (const auto& o : d.outputs) {
    auto now = stat_output(out_dir, o.path);
    if (!now || now->size != o.size || now->mtime_ns != o.mtime_ns) return false;
  }
  return true;
}

}  // namespace handout::batch
