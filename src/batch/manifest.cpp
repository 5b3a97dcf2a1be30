#include "batch/manifest.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "io.hpp"
#include "json.hpp"

namespace handout::batch {

namespace {

constexpr int manifest_version = 3;  // 2: findings.unknown; 3: missing_glyphs

std::string path_in(const std::string& out_dir, const std::string& relative) {
  return out_dir + "/" + relative;
}

json to_json(const diagnostic& d) {
  return {{"level", severity_name(d.level)},
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
  return {{"input", d.input},
          {"key", d.key},
          {"outputs", outputs},
          {"pages", d.pages},
          {"links", d.links},
          {"missing_glyphs", d.missing_glyphs},
          {"findings",
           {{"error", d.finding_errors},
            {"warning", d.finding_warnings},
            {"info", d.finding_infos},
            {"unknown", d.finding_unknown}}},
          {"exit_code", d.exit_code},
          {"diagnostics", diags}};
}

// A deck as recorded at `where` (its JSON pointer); a damaged entry leaves
// its problem in `in`.
deck_result from_json(const std::string& stem, const json& j, const std::string& where,
                      json_fields& in) {
  deck_result d;
  d.relative_stem = stem;
  d.status = deck_status::unchanged;
  d.input = in.text(j, "input", where);
  d.key = in.text(j, "key", where);
  std::size_t i = 0;
  for (const auto& o : in.array(j, "outputs", where)) {
    const std::string at = where + "/outputs/" + std::to_string(i++);
    d.outputs.push_back({in.text(o, "path", at), in.integer<std::uintmax_t>(o, "size", at),
                         in.integer<std::int64_t>(o, "mtime_ns", at)});
  }
  d.pages = in.integer<int>(j, "pages", where);
  d.links = in.integer<int>(j, "links", where);
  d.missing_glyphs = in.integer<int>(j, "missing_glyphs", where);
  const json& findings = in.object(j, "findings", where);
  const std::string counts = where + "/findings";
  d.finding_errors = in.integer<int>(findings, "error", counts);
  d.finding_warnings = in.integer<int>(findings, "warning", counts);
  d.finding_infos = in.integer<int>(findings, "info", counts);
  d.finding_unknown = in.integer<int>(findings, "unknown", counts);
  d.exit_code = in.integer<int>(j, "exit_code", where);
  i = 0;
  for (const auto& x : in.array(j, "diagnostics", where)) {
    const std::string at = where + "/diagnostics/" + std::to_string(i++);
    const std::string level = in.text(x, "level", at);
    d.diags.add({level == "error"  ? severity::error
                 : level == "note" ? severity::note
                                   : severity::warning,
                 in.text(x, "file", at), in.integer<int>(x, "line", at),
                 in.integer<int>(x, "column", at), in.text(x, "message", at)});
  }
  return d;
}

}  // namespace

manifest read_manifest(const std::string& out_dir) {
  manifest m;
  diagnostics ignored;
  auto bytes = read_file(path_in(out_dir, manifest_name), std::size_t(1) << 30, ignored);
  if (!bytes) return m;
  json_parse_result parsed = parse_json(*bytes);
  if (!parsed.value || json_integer_member<int>(*parsed.value, "version") != manifest_version) {
    return m;  // damaged or foreign: rebuild everything
  }
  json_fields in;
  for (const auto& [stem, entry] : in.object(*parsed.value, "decks", "").items()) {
    const std::string where = (json::json_pointer("/decks") / stem).to_string();
    deck_result d = from_json(stem, entry, where, in);
    if (!in.ok()) return {};
    m.decks.emplace(stem, std::move(d));
  }
  return m;
}

bool write_manifest(const std::string& out_dir, const manifest& m, diagnostics& diags) {
  json decks = json::object();
  for (const auto& [stem, d] : m.decks) append_member(decks, stem, to_json(d));
  json j = {{"version", manifest_version},
            {"tool", "handout " HANDOUT_VERSION},
            {"decks", std::move(decks)}};
  return write_file_atomically(path_in(out_dir, manifest_name), json_text(j, 1), diags);
}

// The lock file is removed before it is released, so that OUT keeps no
// trace of it; a run that opened it meanwhile sees, once it holds the lock,
// that the name is gone or names another file, and tries again.
manifest_lock::manifest_lock(const std::string& out_dir, diagnostics& diags)
    : path_(path_in(out_dir, manifest_lock_name)) {
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    int rc = fd_ < 0 ? -1 : 0;
    while (rc == 0 && ::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) rc = -1;
    }
    if (rc != 0) break;
    struct stat held {}, named {};
    if (::fstat(fd_, &held) == 0 && ::lstat(path_.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      return;
    }
    ::close(fd_);  // removed by the run that held it: take the next one
  }
  diags.error(path_, 0, 0, std::string("cannot lock the manifest: ") + std::strerror(errno));
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

manifest_lock::~manifest_lock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);  // closing releases the flock
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
