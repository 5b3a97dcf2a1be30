#include "batch/discover.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>

#include "batch/hash.hpp"
#include "io.hpp"

namespace handout::batch {

namespace fs = std::filesystem;

std::optional<deck_kinds> parse_deck_kinds(std::string_view list) {
  deck_kinds kinds{false, false, false};
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string_view name =
        list.substr(start, comma == std::string_view::npos ? list.npos : comma - start);
    if (name == "txt") {
      kinds.text = true;
    } else if (name == "pdftotext") {
      kinds.text = kinds.pdftotext = true;
    } else if (name == "xml") {
      kinds.intermediate = true;
    } else if (name == "slides") {
      kinds.slides = true;
    } else {
      return std::nullopt;
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return kinds;
}

namespace {

// By extension, in any case (`A.TXT` is a deck).
bool is_deck(const fs::path& p, const deck_kinds& kinds) {
  const std::string ext = lower_extension(p.string());
  return (kinds.text && ext == ".txt") || (kinds.intermediate && ext == ".xml") ||
         (kinds.slides && (ext == ".pptx" || ext == ".odp" || ext == ".fodp"));
}

std::string no_decks_message(const deck_kinds& kinds) {
  std::string names;
  auto add = [&](bool on, const char* what) {
    if (on) names += (names.empty() ? "" : ", ") + std::string(what);
  };
  add(kinds.text, ".txt");
  add(kinds.slides, ".pptx, .odp, .fodp");
  add(kinds.intermediate, ".xml");
  return "no " + names + " files in this directory";
}

// The decks below `root`, sorted by their relative path.
std::vector<deck> walk(const fs::path& root, const deck_kinds& kinds, const std::string& skip_dir,
                       diagnostics& diags) {
  std::vector<std::pair<std::string, deck>> found;  // relative path → deck
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    diags.error(root.string(), 0, 0, "cannot list directory: " + ec.message());
    return {};
  }
  std::error_code skip_ec;
  // A failed increment leaves `it` at the end (it names nothing then, and
  // the loop stops): the error is reported after the loop, at the last path.
  fs::path last = root;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    last = p;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      const std::string name = p.filename().string();
      if ((!name.empty() && name[0] == '.') ||
          (!skip_dir.empty() && fs::equivalent(p, skip_dir, skip_ec))) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!is_deck(p, kinds)) continue;
    if (!it->is_regular_file(type_ec)) {
      // A fifo would block the run, a device never ends: neither is a deck.
      diags.warning(p.string(), 0, 0, not_a_regular_file(p.string()) + "; skipped");
      continue;
    }
    fs::path relative = p.lexically_relative(root);
    std::string stem = relative.parent_path().empty()
                           ? relative.stem().generic_string()
                           : (relative.parent_path() / relative.stem()).generic_string();
    found.push_back({relative.generic_string(), deck{p.string(), stem, root.string()}});
  }
  if (ec) diags.error(last.string(), 0, 0, "cannot list directory: " + ec.message());
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<deck> decks;
  for (auto& [relative, d] : found) decks.push_back(std::move(d));
  return decks;
}

}  // namespace

std::vector<deck> discover_decks(const std::vector<std::string>& inputs, const deck_kinds& kinds,
                                 const std::string& skip_dir, diagnostics& diags) {
  std::vector<deck> decks;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      // A missing file is reported when it is read; standard input is `stdin`.
      decks.push_back(
          {input, is_standard_stream(input) ? "stdin" : fs::path(input).stem().generic_string(),
           fs::path(input).parent_path().string()});
      continue;
    }
    int errors = diags.error_count();
    std::vector<deck> found = walk(input, kinds, skip_dir, diags);
    if (found.empty() && diags.error_count() == errors) {
      diags.error(input, 0, 0, no_decks_message(kinds));
    }
    decks.insert(decks.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  }
  return decks;
}

std::optional<shard> parse_shard(std::string_view text) {
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  shard s;
  auto parse = [](std::string_view part, int& value) {
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    return ec == std::errc() && end == part.data() + part.size();
  };
  if (!parse(text.substr(0, slash), s.index) || !parse(text.substr(slash + 1), s.count)) {
    return std::nullopt;
  }
  if (s.count < 1 || s.index < 1 || s.index > s.count) return std::nullopt;
  return s;
}

std::optional<bool> in_shard(const std::string& relative_stem, const shard& s) {
  std::optional<std::uint64_t> hash = stable_hash64(relative_stem);
  if (!hash) return std::nullopt;
  return *hash % static_cast<std::uint64_t>(s.count) == static_cast<std::uint64_t>(s.index - 1);
}

}  // namespace handout::batch
