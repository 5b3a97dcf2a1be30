#include "convert.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "io.hpp"
#include "parse/load.hpp"

namespace handout {

namespace fs = std::filesystem;

std::vector<std::string> collect_decks(const std::vector<std::string>& inputs, diagnostics& diags) {
  std::vector<std::string> decks;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      decks.push_back(input);  // a missing file is reported when it is read
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(input, ec)) {
      if (entry.path().extension() == ".txt" && entry.is_regular_file(ec)) {
        found.push_back(entry.path().string());
      }
    }
    if (ec) {
      diags.error(input, 0, 0, "cannot list directory: " + ec.message());
    } else if (found.empty()) {
      diags.error(input, 0, 0, "no .txt files in this directory");
    }
    std::sort(found.begin(), found.end());
    decks.insert(decks.end(), found.begin(), found.end());
  }
  return decks;
}

int convert(const convert_request& request, diagnostics& diags) {
  std::vector<std::string> decks = collect_decks(request.inputs, diags);
  if (decks.empty()) return exit_code::bad_input;
  if (!make_directories(request.output_dir, diags)) return exit_code::bad_input;

  // A deck named twice is converted once; two decks of the same name would
  // overwrite each other's outputs, so the later one is refused.
  std::map<std::string, std::string> stems;
  std::vector<std::string> unique;
  bool ok = true;
  for (const auto& deck : decks) {
    std::string stem = (fs::path(request.output_dir) / fs::path(deck).stem()).string();
    auto [it, inserted] = stems.emplace(stem, deck);
    std::error_code ec;
    if (inserted) {
      unique.push_back(deck);
    } else if (!fs::equivalent(deck, it->second, ec)) {
      diags.error(deck, 0, 0,
                  "has the same name as " + it->second + "; both would write " + stem + ".*");
      ok = false;
    }
  }

  for (const auto& deck : unique) {
    auto r = load_input(deck, diags);
    if (!r) {
      ok = false;
      continue;
    }
    if (request.online) links::online::check_online({&*r}, *request.online, diags);
    render_options options;
    options.output_stem = (fs::path(request.output_dir) / fs::path(deck).stem()).string();
    options.style = &request.style;
    for (const renderer* format : request.formats) {
      std::error_code ec;
      if (format->name == "xml" && fs::equivalent(deck, options.output_stem + ".xml", ec)) {
        diags.error(deck, 0, 0, "the xml output would overwrite this input; choose another -o");
        ok = false;
        continue;
      }
      if (!format->render(*r, options, diags)) ok = false;
    }
  }
  return ok && !diags.has_errors() ? exit_code::ok : exit_code::bad_input;
}

}  // namespace handout
