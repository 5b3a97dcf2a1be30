// Times the DOCX writer on a deck: model → package → Flat OPC + zip → both
// files written through temp files. Usage: docx_bench [DECK] [RUNS]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "parse/load.hpp"
#include "render/docx/docx.hpp"
#include "render/renderer.hpp"

int main(int argc, char** argv) {
  using clock = std::chrono::steady_clock;
  const std::string deck = argc > 1 ? argv[1] : "input/ai-2019-review.txt";
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;

  handout::diagnostics diags;
  auto r = handout::load_input(deck, diags);
  if (!r) {
    std::fprintf(stderr, "docx_bench: cannot load %s\n", deck.c_str());
    return 2;
  }
  const handout::style look = handout::default_style();
  std::string dir_pattern =
      (std::filesystem::temp_directory_path() / "handout-bench-XXXXXX").string();
  const std::string dir = mkdtemp(dir_pattern.data());
  handout::render_options options;
  options.output_stem = dir + "/out";
  options.style = &look;

  // Each phase alone, then the whole renderer as `convert` runs it.
  std::vector<double> build_ms, flat_ms, zip_ms, total_ms;
  double render_cpu_ms = 0;  // user + system CPU of render_docx, summed over runs
  auto cpu_ms = [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto ms = [](const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; };
    return ms(u.ru_utime) + ms(u.ru_stime);
  };
  for (int i = 0; i < runs; ++i) {
    auto t0 = clock::now();
    handout::diagnostics d;
    auto pkg = handout::docx::build_package(*r, look, d);
    auto t1 = clock::now();
    std::string flat = handout::docx::to_flat_opc(pkg);
    auto t2 = clock::now();
    std::string error;
    auto zipped = handout::docx::to_zip(pkg, error);
    auto t3 = clock::now();
    if (!zipped) return 1;
    const double cpu0 = cpu_ms();
    handout::render_docx(*r, options, d);
    auto t4 = clock::now();
    render_cpu_ms += cpu_ms() - cpu0;
    auto ms = [](auto a, auto b) {
      return std::chrono::duration<double, std::milli>(b - a).count();
    };
    build_ms.push_back(ms(t0, t1));
    flat_ms.push_back(ms(t1, t2));
    zip_ms.push_back(ms(t2, t3));
    total_ms.push_back(ms(t3, t4));
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  auto worst = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
  std::printf("deck %s, %d runs (median / max ms)\n", deck.c_str(), runs);
  std::printf("  build parts      %7.3f / %7.3f\n", median(build_ms), worst(build_ms));
  std::printf("  Flat OPC         %7.3f / %7.3f\n", median(flat_ms), worst(flat_ms));
  std::printf("  zip              %7.3f / %7.3f\n", median(zip_ms), worst(zip_ms));
  std::printf("  render_docx      %7.3f / %7.3f   (both files written)\n", median(total_ms),
              worst(total_ms));
  std::printf("  render_docx CPU  %7.3f mean (user + system)\n", render_cpu_ms / runs);

  // As `convert` runs it after the PDF renderer: the contents' page numbers
  // come with the options instead of a layout of the DOCX's own.
  // (Which pages they say does not change the time.)
  handout::render_stats after_pdf;
  after_pdf.heading_pages.assign(64, 3);
  options.stats = &after_pdf;
  std::vector<double> reuse_ms;
  double reuse_cpu_ms = 0;
  for (int i = 0; i < runs; ++i) {
    handout::diagnostics d;
    const double cpu0 = cpu_ms();
    auto t0 = clock::now();
    handout::render_docx(*r, options, d);
    reuse_ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
    reuse_cpu_ms += cpu_ms() - cpu0;
  }
  std::printf("  after the PDF    %7.3f / %7.3f   (its pagination reused), %.3f ms CPU mean\n",
              median(reuse_ms), worst(reuse_ms), reuse_cpu_ms / runs);
  std::filesystem::remove_all(dir);
  return 0;
}
