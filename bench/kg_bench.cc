// kg-bench: the graph/ performance benchmark of issue 4.
//
// Generates a deterministic power-law graph with supernodes, bulk-loads it
// through GraphStore::BulkLoad, reopens the store (rebuilding the in-memory
// mirror from disk) and times single-threaded, warm-cache queries:
// 1-hop Neighbors, 2-hop Neighborhood (capped at 10k nodes and edges) and
// shortest paths. Prints one report; see bench/README.md for figures.
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "graph/graph_store.h"

ABSL_FLAG(uint32_t, entities, 100'000, "Entities in the generated graph.");
ABSL_FLAG(uint64_t, edges, 1'000'000, "Edges to generate (duplicates collapse on load).");
ABSL_FLAG(uint32_t, supernode_edges, 100'000, "Out-edges of the biggest supernode.");
ABSL_FLAG(uint32_t, queries, 1000, "Queries per kind.");
ABSL_FLAG(uint64_t, seed, 42, "Generator seed.");
ABSL_FLAG(std::string, db, "", "Store directory (default: a fresh temp dir, removed at exit).");
ABSL_FLAG(bool, keep, false, "Keep the store directory.");
ABSL_FLAG(std::string, kinds, "1hop,2hop,path", "Which query kinds to time.");

namespace {

using kg::graph::BulkEdge;
using kg::graph::BulkEntity;
using kg::graph::Direction;
using kg::graph::EntityType;
using kg::graph::GraphOptions;
using kg::graph::GraphStore;
using kg::graph::RelationType;

double RssMiB(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::strtod(line.c_str() + std::strlen(field), nullptr) / 1024.0;
    }
  }
  return 0;
}

struct Graph {
  std::vector<BulkEntity> entities;
  std::vector<BulkEdge> edges;
};

// Power-law degrees: endpoints are drawn with probability ~ rank^-0.8 (a Zipf-like
// skew from inverse-CDF sampling), plus explicit supernodes: entity 0 invests in
// `supernode_edges` companies, and ten more entities have a tenth of that each.
Graph Generate(uint32_t n, uint64_t m, uint32_t super_edges, uint64_t seed) {
  Graph g;
  std::mt19937_64 rng(seed);
  g.entities.resize(n);
  const EntityType types[] = {EntityType::kPerson, EntityType::kOrganization,
                              EntityType::kOrganization, EntityType::kPlace};
  for (uint32_t i = 0; i < n; ++i) {
    g.entities[i].name = absl::StrCat("Entity ", i);
    g.entities[i].type = types[rng() % 4];
  }
  // A random permutation decouples "popular" from "low id".
  std::vector<uint32_t> perm(n);
  for (uint32_t i = 0; i < n; ++i) perm[i] = i;
  std::shuffle(perm.begin() + 11, perm.end(), rng);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto skewed = [&]() -> uint32_t {
    // Inverse CDF of p(r) ~ r^-0.8 over [1, n]: r = ((n^0.2 - 1) u + 1)^(1/0.2).
    double u = unit(rng);
    double r = std::pow((std::pow(static_cast<double>(n), 0.2) - 1.0) * u + 1.0, 5.0);
    uint32_t idx = std::min<uint32_t>(n - 1, static_cast<uint32_t>(r) - 1);
    return perm[idx];
  };
  const RelationType rels[] = {RelationType::kInvestedIn, RelationType::kInvestedIn,
                               RelationType::kFoundedBy, RelationType::kAlumniOf,
                               RelationType::kHqIn};
  g.edges.reserve(m);
  // Distinct edges only, so the loaded count is the requested one.
  absl::flat_hash_set<uint64_t> seen;
  seen.reserve(m);
  auto add = [&](uint32_t s, RelationType rel, uint32_t o) {
    uint64_t key = (static_cast<uint64_t>(s) << 32 | o) * 8 + static_cast<uint64_t>(rel);
    if (s != o && seen.insert(key).second) g.edges.push_back(BulkEdge{s, rel, o});
  };
  for (uint32_t k = 0; k < super_edges && g.edges.size() < m; ++k) {
    add(0, RelationType::kInvestedIn, 1 + rng() % (n - 1));
  }
  for (uint32_t s = 1; s <= 10; ++s) {
    for (uint32_t k = 0; k < super_edges / 10 && g.edges.size() < m; ++k) {
      add(s, RelationType::kInvestedIn, 11 + rng() % (n - 11));
    }
  }
  while (g.edges.size() < m) add(skewed(), rels[rng() % 5], skewed());
  return g;
}

// Thread CPU time: unlike wall time, it does not count the slices the scheduler
// gives other processes on a shared machine.
absl::Duration ThreadCpu() {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return absl::DurationFromTimespec(ts);
}

struct Latency {
  std::vector<double> ms;
  void Add(absl::Duration d) { ms.push_back(absl::ToDoubleMilliseconds(d)); }
  double Pct(double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))];
  }
};

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const uint32_t n = absl::GetFlag(FLAGS_entities);
  const uint64_t m = absl::GetFlag(FLAGS_edges);
  const uint32_t queries = absl::GetFlag(FLAGS_queries);
  if (n < 100 || queries < 1) {
    std::fprintf(stderr, "kg-bench: --entities must be at least 100 and --queries at least 1\n");
    return 2;
  }
  std::string dir = absl::GetFlag(FLAGS_db);
  bool temp_dir = dir.empty();
  if (temp_dir) {
    dir = (std::filesystem::temp_directory_path() / absl::StrCat("kg-bench-", getpid())).string();
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);

  absl::Time t0 = absl::Now();
  Graph g = Generate(n, m, absl::GetFlag(FLAGS_supernode_edges), absl::GetFlag(FLAGS_seed));
  absl::Duration gen_time = absl::Now() - t0;

  GraphOptions options;
  options.path = dir;
  uint64_t loaded_edges = 0;
  absl::Duration load_time;
  {
    auto store = GraphStore::Open(options);
    if (!store.ok()) {
      std::fprintf(stderr, "kg-bench: %s\n", store.status().ToString().c_str());
      return 1;
    }
    t0 = absl::Now();
    auto outcome = (*store)->BulkLoad(g.entities, g.edges);
    load_time = absl::Now() - t0;
    if (!outcome.ok()) {
      std::fprintf(stderr, "kg-bench: bulk load: %s\n", outcome.status().ToString().c_str());
      return 1;
    }
    loaded_edges = outcome->edges;
  }
  double rss_after_load = RssMiB("VmHWM:");
  g = Graph();  // The generator's copy is not part of the store's footprint.

  t0 = absl::Now();
  auto opened = GraphStore::Open(options);
  absl::Duration open_time = absl::Now() - t0;
  if (!opened.ok()) {
    std::fprintf(stderr, "kg-bench: reopen: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  GraphStore& store = **opened;
  double rss_after_open = RssMiB("VmRSS:");

  std::mt19937_64 rng(absl::GetFlag(FLAGS_seed) + 1);
  auto random_id = [&]() { return absl::StrCat(1 + rng() % n); };

  const std::string kinds = absl::GetFlag(FLAGS_kinds);
  const bool run_1hop = kinds.find("1hop") != std::string::npos;
  const bool run_2hop = kinds.find("2hop") != std::string::npos;
  const bool run_path = kinds.find("path") != std::string::npos;
  Latency hop1, hop2, path, hop1_cpu, hop2_cpu, path_cpu;
  uint64_t hop1_results = 0, hop2_nodes = 0, hop2_truncated = 0, paths_found = 0, path_len = 0;
  for (int pass = 0; pass < 2; ++pass) {  // Pass 0 warms up and is not counted.
    uint32_t count = pass == 0 ? std::min<uint32_t>(queries, 200) : queries;
    for (uint32_t i = 0; i < count && run_1hop; ++i) {
      kg::graph::NeighborsQuery q;
      q.entity = random_id();
      absl::Duration c = ThreadCpu();
      absl::Time s = absl::Now();
      auto page = store.Neighbors(q);
      absl::Duration d = absl::Now() - s;
      c = ThreadCpu() - c;
      if (!page.ok()) {
        std::fprintf(stderr, "kg-bench: %s\n", page.status().ToString().c_str());
        return 1;
      }
      if (pass == 1) {
        hop1.Add(d);
        hop1_cpu.Add(c);
        hop1_results += page->neighbors.size();
      }
    }
    for (uint32_t i = 0; i < count && run_2hop; ++i) {
      kg::graph::NeighborhoodQuery q;
      q.entity = random_id();
      q.hops = 2;
      q.max_nodes = 10'000;
      q.max_edges = 10'000;
      q.max_fanout = 10'000;
      absl::Duration c = ThreadCpu();
      absl::Time s = absl::Now();
      auto sub = store.Neighborhood(q);
      absl::Duration d = absl::Now() - s;
      c = ThreadCpu() - c;
      if (!sub.ok()) {
        std::fprintf(stderr, "kg-bench: %s\n", sub.status().ToString().c_str());
        return 1;
      }
      if (pass == 1) {
        hop2.Add(d);
        hop2_cpu.Add(c);
        hop2_nodes += sub->nodes.size();
        hop2_truncated += sub->truncated ? 1 : 0;
      }
    }
    for (uint32_t i = 0; i < count && run_path; ++i) {
      kg::graph::PathQuery q;
      q.from = random_id();
      q.to = random_id();
      q.max_hops = 6;
      absl::Duration c = ThreadCpu();
      absl::Time s = absl::Now();
      auto r = store.FindPaths(q);
      absl::Duration d = absl::Now() - s;
      c = ThreadCpu() - c;
      if (!r.ok()) {
        std::fprintf(stderr, "kg-bench: %s\n", r.status().ToString().c_str());
        return 1;
      }
      if (pass == 1) {
        path.Add(d);
        path_cpu.Add(c);
        if (!r->paths.empty()) {
          ++paths_found;
          path_len += r->paths[0].hops.size();
        }
      }
    }
  }
  auto stats = store.Stats();
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);

  std::printf("kg-bench: %u entities, %llu edges requested, %llu distinct edges loaded\n", n,
              static_cast<unsigned long long>(m), static_cast<unsigned long long>(loaded_edges));
  std::printf("  generate            %8.2f s (not counted)\n", absl::ToDoubleSeconds(gen_time));
  std::printf("  bulk load           %8.2f s  = %.0f edges/s\n", absl::ToDoubleSeconds(load_time),
              loaded_edges / absl::ToDoubleSeconds(load_time));
  std::printf("  reopen (mirror)     %8.2f s\n", absl::ToDoubleSeconds(open_time));
  std::printf("  %u queries each, single thread, warm:\n", queries);
  std::printf("  1-hop Neighbors     p50 %8.4f ms  p99 %8.4f ms  max %8.3f ms  (avg %.1f results)\n",
              hop1.Pct(0.5), hop1.Pct(0.99), hop1.Pct(1.0),
              static_cast<double>(hop1_results) / queries);
  std::printf("  2-hop Neighborhood  p50 %8.4f ms  p99 %8.4f ms  max %8.3f ms  (avg %.0f nodes, "
              "%llu capped at 10k)\n",
              hop2.Pct(0.5), hop2.Pct(0.99), hop2.Pct(1.0),
              static_cast<double>(hop2_nodes) / queries,
              static_cast<unsigned long long>(hop2_truncated));
  std::printf("  shortest path       p50 %8.4f ms  p99 %8.4f ms  max %8.3f ms  (%llu found, avg "
              "%.2f hops)\n",
              path.Pct(0.5), path.Pct(0.99), path.Pct(1.0),
              static_cast<unsigned long long>(paths_found),
              paths_found ? static_cast<double>(path_len) / paths_found : 0.0);
  std::printf("  thread CPU time (excludes time the scheduler gave other processes):\n");
  std::printf("  1-hop Neighbors     p50 %8.4f ms  p99 %8.4f ms\n", hop1_cpu.Pct(0.5),
              hop1_cpu.Pct(0.99));
  std::printf("  2-hop Neighborhood  p50 %8.4f ms  p99 %8.4f ms\n", hop2_cpu.Pct(0.5),
              hop2_cpu.Pct(0.99));
  std::printf("  shortest path       p50 %8.4f ms  p99 %8.4f ms\n", path_cpu.Pct(0.5),
              path_cpu.Pct(0.99));
  std::printf("  peak RSS            %8.0f MiB (incl. generator and load buffers)\n",
              usage.ru_maxrss / 1024.0);
  std::printf("  RSS after load      %8.0f MiB peak so far; after reopen %.0f MiB\n",
              rss_after_load, rss_after_open);
  if (stats.ok()) {
    std::printf("  store: %llu entities, %llu edges\n",
                static_cast<unsigned long long>(stats->entities),
                static_cast<unsigned long long>(stats->edges));
  }
  opened->reset();
  if (temp_dir && !absl::GetFlag(FLAGS_keep)) std::filesystem::remove_all(dir, ec);
  return 0;
}
