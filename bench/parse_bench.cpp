// Parser benchmark: generates a large deck, then parses it and writes its
// intermediate, reporting throughput and peak memory. Not a test: see
// docs/PERFORMANCE.md for the figures and bench/run_parse_bench.sh to run it.
//
//   parse_bench gen FILE [MB] [dense]
//                               write a generated deck of about MB megabytes (default 10);
//                               `dense`: many small slides (title, one bullet, one link)
//   parse_bench run FILE [N]    parse + write the intermediate N times (default 5)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

#include "io.hpp"
#include "limits.hpp"
#include "parse/text_reader.hpp"
#include "parse/xml_writer.hpp"

namespace {

// A deck shaped like the sample: numbered sections, slides, two levels of
// mixed Chinese and Latin bullets hard-wrapped mid-word with blank lines
// between the pieces, and YouTube links.
std::string generate(std::size_t bytes, bool dense) {
  const char* sentences[] = {
      "BERT（Bidirectional Encoder Representations from Transformers）在 2019年成为 "
      "NLP领域的标杆，",
      "其预训练-微调模式被广泛应用于问答系统、文本分类等任务，推动了NLP技术的快速发展。",
      "Memory safety without a garbage collector: the borrow checker rejects data races. ",
      "谷歌推出 AutoML工具，降低了 AI模型开发的门槛，使非专家用户也能构建高性能模型。",
  };
  std::string out;
  out.reserve(bytes + 4096);
  unsigned seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  int section = 0;
  while (dense && out.size() < bytes) {
    ++section;
    out += " " + std::to_string(section % 1000) + "\n第" + std::to_string(section) + "部分\n";
    for (int s = 0; s < 50; ++s) {
      out += " 标题 " + std::to_string(s) + "\n\n• 要点：模型在基准测试中刷新了记录\n\n";
      out += "https://www.youtube.com/watch?v=t45S_MwAcOw&pp=ygULZ29vZ2xlIEJFUlQ%3D\n";
    }
  }
  while (out.size() < bytes) {
    ++section;
    out += " " + std::to_string(section % 1000) + "\n第" + std::to_string(section) + "部分\n";
    for (int s = 0; s < 4; ++s) {
      out += " 幻灯片标题 " + std::to_string(s) + "\n\n";
      for (int b = 0; b < 3; ++b) {
        out += "• 要点：\n\n◦ ";
        std::string text;
        for (int k = 0; k < 3; ++k) text += sentences[next() % 4];
        // Hard-wrap at about 150 bytes, at a character boundary.
        std::size_t pos = 0;
        while (text.size() - pos > 150) {
          std::size_t cut = pos + 150;
          while ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
          out.append(text, pos, cut - pos);
          out += "\n\n";
          pos = cut;
        }
        out.append(text, pos);
        out += "\n\n";
      }
      out += "https://www.youtube.com/watch?v=t45S_MwAcOw&pp=ygULZ29vZ2xlIEJFUlQ%3D\n";
    }
  }
  return out;
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: parse_bench gen FILE [MB] | run FILE [N]\n");
    return 2;
  }
  std::string mode = argv[1], path = argv[2];
  if (mode == "gen") {
    double mb = argc > 3 ? std::atof(argv[3]) : 10;
    bool dense = argc > 4 && std::string(argv[4]) == "dense";
    std::ofstream(path, std::ios::binary) << generate(static_cast<std::size_t>(mb * 1e6), dense);
    return 0;
  }
  handout::diagnostics diags;
  auto bytes = handout::read_file(path, handout::limits::max_input_bytes(), diags);
  if (!bytes) return 2;
  int runs = argc > 3 ? std::atoi(argv[3]) : 5;
  double best = 1e9, best_cpu = 1e9;
  std::size_t xml_size = 0;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    auto r = handout::read_text(*bytes, path, diags);
    if (!r) return 2;
    xml_size = 0;
    handout::write_xml(*r, [&](std::string_view piece) { xml_size += piece.size(); });
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, s);
    best_cpu = std::min(best_cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  double mb = static_cast<double>(bytes->size()) / 1e6;
  std::printf(
      "input %.1f MB, intermediate %.1f MB, best of %d: %.1f ms wall (%.1f MB/s), %.1f ms CPU "
      "(%.1f MB/s), peak RSS %.1f MB (%.1fx input)\n",
      mb, static_cast<double>(xml_size) / 1e6, runs, best * 1e3, mb / best, best_cpu * 1e3,
      mb / best_cpu, static_cast<double>(peak_rss_kib()) / 1024,
      static_cast<double>(peak_rss_kib()) * 1024 / 1e6 / mb);
  return 0;
}
