// Link audit benchmark: generates a deck with N links (default 100,000) in
// many URL forms, then times parsing, the audit and every output format.
//
//   build/bench/links_bench [N] [--write DECK.txt]
//
// With --write it only writes the deck (for timing the CLI with hyperfine:
// bench/links.sh). Times are the best of 5, in process CPU time.
// Results go to docs/PERFORMANCE.md.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "links/audit.hpp"
#include "links/format.hpp"
#include "parse/text_reader.hpp"

namespace {

using namespace handout;

constexpr int links_per_slide = 10;
constexpr int slides_per_section = 100;

// A deterministic id of the right shape; every 97th one has a bad last character.
std::string video_id(unsigned n) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  static const char* last = "AEIMQUYcgkosw048";
  std::string id;
  unsigned x = n * 2654435761u + 12345u;
  for (int i = 0; i < 10; ++i) {
    id += alphabet[x % 64];
    x = x / 64 + (n + static_cast<unsigned>(i)) * 40503u;
  }
  id += n % 97 == 0 ? 'B' : last[n % 16];
  return id;
}

std::string link_for(unsigned n) {
  std::string id = video_id(n % 60000);  // some videos repeat across slides
  switch (n % 8) {
    case 0:
      return "https://www.youtube.com/watch?v=" + id + "&pp=ygULZ29vZ2xlIEJFUlQ%3D";
    case 1:
      return "https://youtu.be/" + id + "?si=AbCdEf&t=1m30s";
    case 2:
      return "https://www.youtube.com/shorts/" + id;
    case 3:
      return "https://m.youtube.com/watch?v=" + id + "&t=527s&list=PL123&index=2";
    case 4:
      return "https://www.youtube-nocookie.com/embed/" + id + "?start=90";
    case 5:
      return "https://www.youtube.com/watch?v=" + id + "&pp=ygUSZ29vZ2xlIFRyYW5zZm9ybWVy";
    case 6:  // other web links, a quarter of them IRIs (a CJK path, or host and path)
      if (n % 32 == 14) return "https://zh.wikipedia.org/wiki/机器学习_" + std::to_string(n);
      if (n % 32 == 30) return "https://例子.测试/文章/" + std::to_string(n);
      return "https://example.org/articles/" + std::to_string(n) + "?utm_source=deck";
    default:
      return n % 1000 == 7 ? "www.youtube.com/watch?v=" + id : "https://youtu.be/" + id;
  }
}

std::string generate(int links) {
  std::string deck;
  deck.reserve(static_cast<std::size_t>(links) * 120);
  int slides = (links + links_per_slide - 1) / links_per_slide;
  unsigned n = 0;
  for (int s = 0; s < slides; ++s) {
    if (s % slides_per_section == 0) {
      char number[8];
      std::snprintf(number, sizeof number, " %02d\n", s / slides_per_section % 1000);
      deck += number;
      deck += "第 " + std::to_string(s / slides_per_section + 1) + " 部分\n";
    }
    deck += " 幻灯片 " + std::to_string(s + 1) + "：Transformer 与 BERT\n";
    deck += "• 事件：\n◦ BERT 在 2019年成为 NLP领域的标杆，推动了 NLP 技术的快速发展。\n";
    for (int k = 0; k < links_per_slide && static_cast<int>(n) < links; ++k) {
      deck += link_for(n++) + "\n";
    }
  }
  return deck;
}

// Process CPU time in milliseconds: on a shared machine, wall time also
// measures the other processes.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

template <typename F>
double best_ms(int runs, F&& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    double start = cpu_ms();
    f();
    best = std::min(best, cpu_ms() - start);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  int links = 100'000;
  std::string write_path;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--write" && i + 1 < argc) {
      write_path = argv[++i];
    } else {
      links = std::atoi(a.c_str());
    }
  }
  if (links <= 0) {
    std::fprintf(stderr, "usage: links_bench [N] [--write DECK.txt]\n");
    return 2;
  }
  const std::string deck = generate(links);
  if (!write_path.empty()) {
    std::ofstream(write_path, std::ios::binary) << deck;
    return 0;
  }

  constexpr int runs = 5;
  diagnostics diags;
  std::optional<report> r;
  double parse = best_ms(runs, [&] { r = read_text(deck, "bench.txt", diags); });
  // Each result is destroyed after its clock stops.
  double audit = 1e300;
  for (int i = 0; i < runs; ++i) {
    double start = cpu_ms();
    links::audit_result timed = links::audit(*r);
    audit = std::min(audit, cpu_ms() - start);
  }
  const links::audit_result a = links::audit(*r);
  std::printf("deck: %d links, %zu slides, %.1f MiB\n", a.summary.links, a.slides.size(),
              static_cast<double>(deck.size()) / (1 << 20));
  std::printf("findings: %d errors, %d warnings, %d infos\n", a.summary.errors, a.summary.warnings,
              a.summary.infos);
  std::printf("%-10s %8.1f ms\n", "parse", parse);
  std::printf("%-10s %8.1f ms\n", "audit", audit);
  const std::vector<links::audit_result> audits = {a};
  for (auto [name, format] : {std::pair{"text", links::output_format::text},
                              std::pair{"json", links::output_format::json},
                              std::pair{"markdown", links::output_format::markdown},
                              std::pair{"junit", links::output_format::junit},
                              std::pair{"sarif", links::output_format::sarif},
                              std::pair{"github", links::output_format::github}}) {
    std::size_t bytes = 0;
    double ms = best_ms(runs, [&] { bytes = links::format_audit(audits, format).size(); });
    std::printf("%-10s %8.1f ms  (%.1f MiB)\n", name, ms, static_cast<double>(bytes) / (1 << 20));
  }
  return 0;
}
