// kg-extract-bench: measures extraction speed, in MB of article text per second on
// one core. Usage: kg-extract-bench [--seconds N] FILE...
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "extract/extractor.h"

int main(int argc, char** argv) {
  double seconds = 5;
  std::vector<kg::graph::Article> articles;
  size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      if (!absl::SimpleAtod(argv[++i], &seconds)) {
        std::fprintf(stderr, "kg-extract-bench: --seconds wants a number\n");
        return 2;
      }
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "kg-extract-bench: cannot read %s\n", arg.c_str());
      return 1;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    kg::graph::Article a;
    a.id = arg;
    a.text = ss.str();
    bytes += a.text.size();
    articles.push_back(std::move(a));
  }
  if (articles.empty()) {
    std::fprintf(stderr, "usage: kg-extract-bench [--seconds N] FILE...\n");
    return 2;
  }
  auto extractor = kg::extract::Extractor::Create({});
  if (!extractor.ok()) {
    std::fprintf(stderr, "kg-extract-bench: %s\n", extractor.status().ToString().c_str());
    return 1;
  }
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  std::clock_t cpu_start = std::clock();
  size_t done = 0, facts = 0, rounds = 0;
  while (std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
    for (const auto& a : articles) {
      auto r = (*extractor)->Extract(a);
      if (r.ok()) facts += r->size();
    }
    done += bytes;
    ++rounds;
  }
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  // Per core: CPU time of this single-threaded loop, so a busy machine does not
  // make the extractor look slower than it is.
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("%zu articles x %zu rounds, %.1f KB each round, %zu facts/round\n", articles.size(),
              rounds, bytes / 1024.0, rounds ? facts / rounds : 0);
  std::printf("%.2f MB/s of article text per core (CPU time; %.2f ms per article)\n",
              done / cpu / 1e6, cpu * 1000 / (rounds * articles.size()));
  std::printf("%.2f MB/s by wall clock\n", done / elapsed / 1e6);
  return 0;
}
