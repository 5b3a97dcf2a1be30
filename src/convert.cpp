#include "convert.hpp"

#include "batch/run.hpp"

namespace handout {

std::vector<std::string> collect_decks(const std::vector<std::string>& inputs, diagnostics& diags) {
  std::vector<std::string> paths;
  for (auto& d : batch::discover_decks(inputs, batch::deck_kinds{}, "", diags)) {
    paths.push_back(std::move(d.input));
  }
  return paths;
}

int convert(const convert_request& request, diagnostics& diags) {
  return batch::run_batch(request, diags);
}

}  // namespace handout
