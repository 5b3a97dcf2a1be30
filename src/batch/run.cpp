#include "batch/run.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "batch/hash.hpp"
#include "batch/manifest.hpp"
#include "batch/progress.hpp"
#include "batch/prune.hpp"
#include "batch/summary.hpp"
#include "colour.hpp"
#include "io.hpp"
#include "limits.hpp"
#include "links/audit.hpp"
#include "links/online/check.hpp"
#include "parse/load.hpp"
#include "parse/metadata.hpp"
#include "render/pdf/fonts.hpp"
#include "terminal_text.hpp"

namespace handout::batch {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

const char* status_name(deck_status s) {
  switch (s) {
    case deck_status::converted:
      return "converted";
    case deck_status::unchanged:
      return "unchanged";
    case deck_status::failed:
      return "failed";
  }
  return "failed";
}

namespace {

// Read-only settings shared by the workers (WriterEnv in pandoc's terms).
struct batch_env {
  const convert_request& request;
  std::string out_dir;  // as given, without a trailing slash
  // Hash of the tool, formats, style, fonts, SOURCE_DATE_EPOCH; "" when it
  // could not be computed (no deck then counts as unchanged).
  std::string fingerprint;
  const manifest& previous;
};

// What decides the online check's verdicts: whether it runs at all, and
// each of its options (the cache and the age of the verdicts it reuses
// among them).
void add_online_check(sha256& h, const std::optional<links::online::online_options>& o) {
  if (!o) {
    h.field("offline");
    return;
  }
  h.field("online").field(o->use_cache ? o->cache_path : std::string("no cache"));
  h.field(std::to_string(o->max_cache_age.count())).field(o->youtube_endpoint);
  h.field(o->allow_private ? "private addresses" : "public addresses");
  h.field(std::to_string(o->timeout.count())).field(std::to_string(o->deadline.count()));
  h.field(std::to_string(o->concurrency)).field(std::to_string(o->retries)).field(o->user_agent);
}

// Everything the outputs depend on besides the deck itself. The tool is
// identified by its version and its build ID, so a rebuilt binary rebuilds
// the decks; a font by its size and modification time (a new package
// version changes them), the style's and every installed TrueType font (the
// fallback for characters the style's lack), the style by its contents; the
// text dialect, the symlink policy, the online check and its options. Nothing
// when OpenSSL fails.
std::optional<std::string> run_fingerprint(const convert_request& request) {
  sha256 h;
  h.field("handout-batch-2").field(HANDOUT_VERSION);
  h.field(executable_identity());
  for (const renderer* r : request.formats) h.field(r->name);
  h.field(request.kinds.pdftotext ? "pdftotext dialect" : "detected dialect");
  h.field(follow_symlinks() ? "symlinks followed" : "symlinks inside the tree");
  h.field(request.style_file.empty()
              ? std::string("built-in style")
              : sha256_file(request.style_file).value_or("unreadable style"));
  for (const font_ref& f : request.style.fonts) {
    std::string file = f.file;
    int index = f.index;
    if (file.empty()) {
      if (auto found = pdf::find_font_family(f.family)) {
        file = found->file;
        index = found->index;
      }
    }
    h.field(f.family).field(file).field(std::to_string(index));
    h.field(file.empty() ? std::string("missing") : file_identity(file).value_or("unreadable"));
  }
  // A character the style's fonts lack is drawn from an installed font, so
  // any installed font may be one an output depends on.
  for (const pdf::font_location& f : pdf::installed_truetype_fonts()) {
    h.field(f.file)
        .field(std::to_string(f.index))
        .field(file_identity(f.file).value_or("unreadable"));
  }
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  h.field(epoch != nullptr ? epoch : "");
  add_online_check(h, request.online);
  return h.hex();
}

// The content hash of everything one deck's outputs depend on; "" (never
// unchanged) when it cannot be computed.
std::string deck_key(const batch_env& env, const deck& d) {
  if (env.fingerprint.empty()) return "";
  diagnostics ignored;
  auto bytes = read_file(d.input, limits::max_input_bytes(), ignored);
  if (!bytes) return "";  // unreadable: never matches, the conversion reports it
  sha256 h;
  h.field(env.fingerprint).field(d.input).field(*bytes);
  if (!is_intermediate_path(d.input)) {
    std::error_code ec;
    std::string sidecar = sidecar_path(d.input);
    if (fs::exists(sidecar, ec)) {
      auto meta = read_file(sidecar, limits::max_metadata_bytes, ignored);
      h.field("sidecar").field(meta ? *meta : std::string("unreadable"));
    } else {
      h.field("no sidecar");
    }
  }
  return h.hex().value_or("");
}

std::string relative_to(const std::string& path, const std::string& out_dir) {
  if (path.size() > out_dir.size() + 1 && path.compare(0, out_dir.size(), out_dir) == 0 &&
      path[out_dir.size()] == '/') {
    return path.substr(out_dir.size() + 1);
  }
  return fs::path(path).lexically_relative(out_dir).generic_string();
}

int exit_code_of(const deck_result& r, const links::fail_policy& fail_on) {
  links::finding_counts counts{r.finding_errors, r.finding_warnings - r.finding_unknown,
                               r.finding_infos, r.finding_unknown};
  return exit_status(r.status == deck_status::failed, links::fails(counts, fail_on));
}

// One deck, start to end, on a worker thread. Touches nothing shared but
// the read-only `env`; its diagnostics stay in its own result.
deck_result process(const batch_env& env, const deck& d) {
  const auto start = clock_type::now();
  deck_result result;
  result.input = d.input;
  result.relative_stem = d.relative_stem;
  result.key = deck_key(env, d);

  // An online check's verdicts change without the deck changing: never skip.
  auto previous = env.previous.decks.find(d.relative_stem);
  if (!env.request.force && !env.request.online && !result.key.empty() &&
      previous != env.previous.decks.end() && previous->second.key == result.key &&
      outputs_unchanged(env.out_dir, previous->second)) {
    result = previous->second;
    result.status = deck_status::unchanged;
    result.seconds = 0;
    result.exit_code = exit_code_of(result, env.request.fail_on);
    return result;
  }

  diagnostics& diags = result.diags;
  auto finish = [&](deck_status status) {
    result.status = diags.has_errors() ? deck_status::failed : status;
    result.exit_code = exit_code_of(result, env.request.fail_on);
    result.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    return result;
  };

  auto r = load_input(d.input, diags,
                      env.request.kinds.pdftotext ? text_dialect::pdftotext : text_dialect::detect,
                      d.tree);
  if (!r) return finish(deck_status::failed);
  if (env.request.online) {
    // One deck's check at a time: each honours the per-host limits and
    // updates the shared cache file.
    static std::mutex online_mutex;
    std::lock_guard lock(online_mutex);
    links::online::check_online({&*r}, *env.request.online, diags);
  }
  links::audit_result audit = links::audit(*r);
  result.links = audit.summary.links;
  result.finding_errors = audit.summary.errors;
  result.finding_warnings = audit.summary.warnings;
  result.finding_infos = audit.summary.infos;
  result.finding_unknown = links::count_findings({&audit, 1}).unknown;

  render_options options;
  options.output_stem = env.out_dir + "/" + d.relative_stem;
  options.style = &env.request.style;
  if (!env.request.output_file.empty()) {
    options.only_extension = renderer_for_file(env.request.output_file).second;
  }
  render_stats stats;
  options.stats = &stats;
  if (!make_directories(fs::path(options.output_stem).parent_path().string(), diags, env.out_dir)) {
    return finish(deck_status::failed);
  }
  output_recorder recorder;
  for (const renderer* format : env.request.formats) {
    std::error_code ec;
    if (format->name == "xml" && fs::equivalent(d.input, options.output_stem + ".xml", ec)) {
      diags.error(d.input, 0, 0, "the xml output would overwrite this input; choose another -o");
      continue;
    }
    format->render(*r, options, diags);
  }
  result.pages = stats.pages;
  result.missing_glyphs = stats.missing_glyphs;
  for (const auto& written : recorder.files()) {
    std::string relative = relative_to(written, env.out_dir);
    if (auto f = stat_output(env.out_dir, relative)) result.outputs.push_back(*f);
  }
  return finish(deck_status::converted);
}

// The decks of the request, without repeats; two decks that would write the
// same outputs are an error, and the later one is left out.
std::vector<deck> unique_decks(std::vector<deck> found, diagnostics& diags) {
  std::map<std::string, std::string> stems;  // relative stem → input
  std::vector<deck> unique;
  for (auto& d : found) {
    auto [it, inserted] = stems.emplace(d.relative_stem, d.input);
    std::error_code ec;
    if (inserted) {
      unique.push_back(std::move(d));
    } else if (!fs::equivalent(d.input, it->second, ec)) {
      diags.error(
          d.input, 0, 0,
          "has the same name as " + it->second + "; both would write " + d.relative_stem + ".*");
    }
  }
  return unique;
}

int worker_count(int requested, std::size_t decks) {
  int n = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  n = std::max(n, 1);
  return static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(n), std::max<std::size_t>(decks, 1)));
}

// Phases 1 and 2: the decks of the request, without repeats, and of the
// shard when one is asked for; nothing when there are none at all (the
// discovery said why) or the shard cannot be chosen.
std::optional<std::vector<deck>> decks_to_run(const convert_request& request,
                                              const std::string& out_dir, diagnostics& diags) {
  std::vector<deck> decks =
      unique_decks(discover_decks(request.inputs, request.kinds, out_dir, diags), diags);
  if (decks.empty()) return std::nullopt;
  if (!request.shard) return decks;
  std::vector<deck> mine;
  for (auto& d : decks) {
    std::optional<bool> in = in_shard(d.relative_stem, *request.shard);
    if (!in) {
      diags.error(d.input, 0, 0, "cannot choose the shard: SHA-256 (OpenSSL) failed");
      return std::nullopt;
    }
    if (*in) mine.push_back(std::move(d));
  }
  return mine;
}

// Phases 4 and 5: workers take decks in order and hand results back; the
// main thread does all the printing, so one deck's diagnostics are never
// interleaved.
std::vector<deck_result> run_decks(const batch_env& env, const std::vector<deck>& decks, int jobs,
                                   progress& bar) {
  std::vector<deck_result> results(decks.size());
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::size_t> started, finished;
  std::size_t next = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (next == decks.size()) return;
        i = next++;
        started.push_back(i);
      }
      changed.notify_one();
      deck_result r = process(env, decks[i]);
      {
        std::lock_guard<std::mutex> lock(mutex);
        results[i] = std::move(r);
        finished.push_back(i);
      }
      changed.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (int i = 0; i < jobs; ++i) pool.emplace_back(work);

  std::size_t done = 0;
  while (done < decks.size()) {
    std::deque<std::size_t> now_started, now_finished;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait_for(lock, std::chrono::milliseconds(250),
                       [&] { return !started.empty() || !finished.empty(); });
      now_started.swap(started);
      now_finished.swap(finished);
    }
    for (std::size_t i : now_started) bar.started(decks[i].input);
    for (std::size_t i : now_finished) bar.finished(results[i]);
    done += now_finished.size();
    if (now_started.empty() && now_finished.empty()) bar.tick();
  }
  for (auto& t : pool) t.join();
  return results;
}

// Phase 6: the manifest keeps what converted cleanly (failed decks are
// rebuilt), and the summaries, which say the run's exit status, are
// written. The manifest is read again and merged under its lock: another
// shard writing into OUT since this run read it keeps its decks. The run's
// exit status.
int record(const std::string& out_dir, const std::vector<std::string>& removed_stems,
           const std::vector<deck_result>& results, run_info info, diagnostics& diags) {
  info.status = diags.has_errors() ? exit_code::bad_input : exit_code::ok;
  for (const auto& r : results) info.status = std::max(info.status, r.exit_code);
  if (manifest_lock lock(out_dir, diags); lock) {
    manifest m = read_manifest(out_dir);
    for (const auto& stem : removed_stems) m.decks.erase(stem);
    for (const auto& r : results) {
      if (r.status == deck_status::failed) {
        m.decks.erase(r.relative_stem);
      } else {
        m.decks[r.relative_stem] = r;
      }
    }
    if (!write_manifest(out_dir, m, diags)) info.status = exit_code::bad_input;
  } else {
    info.status = exit_code::bad_input;
  }
  bool written =
      write_file_atomically(out_dir + "/summary.json", summary_json(results, info), diags);
  written =
      write_file_atomically(out_dir + "/summary.md", summary_markdown(results, info), diags) &&
      written;
  return written ? info.status : exit_code::bad_input;
}

// Decks gone since an earlier run into OUT: their recorded outputs are
// removed and their entries dropped from `m`, with a line each on standard
// error unless quiet. The inputs of the decks removed; their stems are
// added to `stems`.
std::vector<std::string> remove_deleted_decks(const convert_request& request,
                                              const std::string& out_dir, manifest& m,
                                              std::vector<std::string>& stems, diagnostics& diags) {
  std::vector<std::string> removed;
  for (const std::string& stem : deleted_decks(m, request.inputs)) {
    const deck_result& d = m.decks.at(stem);
    remove_outputs(out_dir, d, diags);
    if (!request.quiet) {
      std::cerr << "removed " << terminal_text(out_dir + "/" + stem)
                << ".*: " << terminal_text(d.input) << " no longer exists\n";
    }
    removed.push_back(d.input);
    stems.push_back(stem);
    m.decks.erase(stem);
  }
  return removed;
}

// The closing line: how many decks converted, were unchanged or failed.
std::string closing_line(const std::vector<deck_result>& results, const run_info& info,
                         const std::string& out_dir) {
  std::size_t converted = 0, unchanged = 0, failed = 0;
  for (const auto& r : results) {
    converted += r.status == deck_status::converted;
    unchanged += r.status == deck_status::unchanged;
    failed += r.status == deck_status::failed;
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f s", info.seconds);
  return std::to_string(converted) + " converted, " + std::to_string(unchanged) + " unchanged, " +
         std::to_string(failed) + " failed in " + seconds + " with " + std::to_string(info.jobs) +
         (info.jobs == 1 ? " job" : " jobs") + "; summary in " + out_dir + "/summary.md";
}

}  // namespace

namespace {

// `convert DECK -o FILE`: the one deck, written to FILE alone, without a
// manifest (it is converted every time) or summaries.
int run_one_file(const convert_request& request, diagnostics& diags) {
  std::optional<std::vector<deck>> decks = decks_to_run(request, "", diags);
  if (!decks) return exit_code::bad_input;
  if (decks->empty()) return exit_code::ok;  // another shard's deck
  const fs::path file(request.output_file);
  const std::string_view ext = renderer_for_file(request.output_file).second;
  const std::string name = file.filename().string();
  std::string out_dir = file.parent_path().string();
  if (out_dir.empty()) out_dir = ".";
  if (!make_directories(out_dir, diags)) return exit_code::bad_input;
  (*decks)[0].relative_stem = name.substr(0, name.size() - ext.size());
  const manifest none;
  const batch_env env{request, out_dir, "", none};
  progress bar(choose_progress_style(true, 1), 1, std::cerr, wants_colour(STDERR_FILENO));
  std::vector<deck_result> results = run_decks(env, *decks, 1, bar);
  return std::max(diags.has_errors() ? exit_code::bad_input : exit_code::ok,
                  results.empty() ? exit_code::bad_input : results[0].exit_code);
}

}  // namespace

int run_batch(const convert_request& request, diagnostics& diags) {
  if (!request.output_file.empty()) return run_one_file(request, diags);
  const auto start = clock_type::now();
  std::string out_dir = request.output_dir;
  while (out_dir.size() > 1 && out_dir.back() == '/') out_dir.pop_back();

  std::optional<std::vector<deck>> decks = decks_to_run(request, out_dir, diags);
  if (!decks) return exit_code::bad_input;
  if (!make_directories(out_dir, diags)) return exit_code::bad_input;

  // Phase 3: what every deck's outputs depend on besides the deck.
  manifest m = read_manifest(out_dir);
  std::vector<std::string> removed_stems;
  std::vector<std::string> removed =
      remove_deleted_decks(request, out_dir, m, removed_stems, diags);
  std::optional<std::string> fingerprint = run_fingerprint(request);
  if (!fingerprint) {
    diags.warning(out_dir + "/" + manifest_name, 0, 0,
                  "SHA-256 (OpenSSL) failed: every deck is converted, none counts as unchanged");
  }
  const batch_env env{request, out_dir, fingerprint.value_or(""), m};
  const int jobs = worker_count(request.jobs, decks->size());

  progress bar(choose_progress_style(request.quiet, decks->size()), decks->size(), std::cerr,
               wants_colour(STDERR_FILENO));
  std::vector<deck_result> results = run_decks(env, *decks, jobs, bar);
  run_info info{jobs, request.shard,
                std::chrono::duration<double>(clock_type::now() - start).count(),
                std::move(removed)};
  int status = record(out_dir, removed_stems, results, info, diags);
  bar.done(closing_line(results, info, out_dir));
  return status;
}

}  // namespace handout::batch
