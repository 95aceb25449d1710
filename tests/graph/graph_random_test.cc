// Paths and neighborhoods on random graphs, checked against a plain in-memory BFS.
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_test_util.h"
#include "tests/test_util.h"

namespace kg::graph {
namespace {

using ::kg::testing::FreshDir;

struct RefEdge {
  std::string s;
  RelationType rel;
  std::string o;
  bool confirmed;
};

// The reference: adjacency by name, walked with the same filter semantics.
class RefGraph {
 public:
  explicit RefGraph(std::vector<RefEdge> edges) : edges_(std::move(edges)) {
    for (size_t i = 0; i < edges_.size(); ++i) {
      names_.insert(edges_[i].s);
      names_.insert(edges_[i].o);
      adj_[edges_[i].s].push_back({i, true});
      adj_[edges_[i].o].push_back({i, false});
    }
  }
  const std::set<std::string>& names() const { return names_; }
  const std::vector<RefEdge>& edges() const { return edges_; }

  struct Step {
    std::string to;
    size_t edge;
    bool out;
  };
  // Steps from `u` allowed by the filter.
  std::vector<Step> Steps(const std::string& u, Direction dir, const std::set<RelationType>& rels,
                          bool include_unconfirmed) const {
    std::vector<Step> steps;
    auto it = adj_.find(u);
    if (it == adj_.end()) return steps;
    for (auto [i, out] : it->second) {
      const RefEdge& e = edges_[i];
      if (!rels.empty() && rels.count(e.rel) == 0) continue;
      if (!include_unconfirmed && !e.confirmed) continue;
      if (out && dir == Direction::kIn) continue;
      if (!out && dir == Direction::kOut) continue;
      steps.push_back({out ? e.o : e.s, i, out});
    }
    return steps;
  }
  std::map<std::string, int> Bfs(const std::string& from, int max_depth, Direction dir,
                                 const std::set<RelationType>& rels, bool unconfirmed) const {
    std::map<std::string, int> dist{{from, 0}};
    std::vector<std::string> frontier{from};
    for (int d = 1; d <= max_depth && !frontier.empty(); ++d) {
      std::vector<std::string> next;
      for (const std::string& u : frontier) {
        for (const Step& s : Steps(u, dir, rels, unconfirmed)) {
          if (dist.emplace(s.to, d).second) next.push_back(s.to);
        }
      }
      frontier.swap(next);
    }
    return dist;
  }
  // Every simple path from -> to of at most max_hops steps, as "name|rel|dir|name...".
  void AllPaths(const std::string& u, const std::string& to, int left, Direction dir,
                const std::set<RelationType>& rels, bool unconfirmed, std::set<std::string>* seen,
                std::string prefix, std::set<std::string>* out) const {
    if (u == to) {
      out->insert(prefix);
      return;
    }
    if (left == 0) return;
    for (const Step& s : Steps(u, dir, rels, unconfirmed)) {
      if (seen->count(s.to)) continue;
      seen->insert(s.to);
      AllPaths(s.to, to, left - 1, dir, rels, unconfirmed, seen,
               absl::StrCat(prefix, "|", static_cast<int>(edges_[s.edge].rel), s.out ? ">" : "<",
                            s.to),
               out);
      seen->erase(s.to);
    }
  }

 private:
  std::vector<RefEdge> edges_;
  std::set<std::string> names_;
  std::map<std::string, std::vector<std::pair<size_t, bool>>> adj_;
};

std::string PathKey(const Path& p) {
  std::string key = p.entities[0].name;
  for (size_t i = 0; i < p.hops.size(); ++i) {
    absl::StrAppend(&key, "|", static_cast<int>(p.hops[i].relation),
                    p.hops[i].direction == Direction::kOut ? ">" : "<", p.entities[i + 1].name);
  }
  return key;
}

// Compares every query kind on random (from, to, filter) choices.
void CheckAgainstReference(GraphStore& store, const RefGraph& ref, std::mt19937& rng, int rounds) {
  std::vector<std::string> names(ref.names().begin(), ref.names().end());
  ASSERT_FALSE(names.empty());
  const RelationType all_rels[] = {RelationType::kFoundedBy, RelationType::kInvestedIn,
                                   RelationType::kAlumniOf, RelationType::kHqIn};
  for (int round = 0; round < rounds; ++round) {
    std::string from = names[rng() % names.size()];
    std::string to = names[rng() % names.size()];
    Direction dir = static_cast<Direction>(1 + rng() % 3);
    std::set<RelationType> rels;
    if (rng() % 2) {
      for (RelationType r : all_rels) {
        if (rng() % 2) rels.insert(r);
      }
    }
    bool unconfirmed = rng() % 3 == 0;
    int max_hops = 1 + rng() % 4;
    std::vector<RelationType> rel_list(rels.begin(), rels.end());
    SCOPED_TRACE(absl::StrCat("round ", round, " ", from, " -> ", to, " dir ",
                              static_cast<int>(dir), " rels ", rel_list.size(), " hops ",
                              max_hops, " unconfirmed ", unconfirmed));

    // Neighbors: the set and the total.
    NeighborsQuery nq;
    nq.entity = from;
    nq.direction = dir;
    nq.relations = rel_list;
    nq.include_unconfirmed = unconfirmed;
    nq.page_size = 1000;
    auto page = store.Neighbors(nq);
    ASSERT_TRUE(page.ok()) << page.status();
    std::multiset<std::string> got_n, want_n;
    for (const Neighbor& n : page->neighbors) {
      got_n.insert(absl::StrCat(n.entity.name, static_cast<int>(n.relation),
                                static_cast<int>(n.direction)));
    }
    for (const auto& s : ref.Steps(from, dir, rels, unconfirmed)) {
      want_n.insert(absl::StrCat(s.to, static_cast<int>(ref.edges()[s.edge].rel),
                                 s.out ? 1 : 2));
    }
    EXPECT_EQ(got_n, want_n);
    EXPECT_EQ(page->total, want_n.size());

    // Neighborhood without caps: nodes, distances and edges.
    NeighborhoodQuery hq;
    hq.entity = from;
    hq.hops = max_hops;
    hq.direction = dir;
    hq.relations = rel_list;
    hq.include_unconfirmed = unconfirmed;
    hq.max_nodes = hq.max_edges = hq.max_fanout = 1'000'000;
    auto sub = store.Neighborhood(hq);
    ASSERT_TRUE(sub.ok()) << sub.status();
    EXPECT_FALSE(sub->truncated);
    std::map<std::string, int> want_dist = ref.Bfs(from, max_hops, dir, rels, unconfirmed);
    std::map<std::string, int> got_dist;
    for (const SubgraphNode& n : sub->nodes) got_dist[n.entity.name] = n.distance;
    EXPECT_EQ(got_dist, want_dist);
    std::map<EntityId, std::string> id_name;
    for (const SubgraphNode& n : sub->nodes) id_name[n.entity.id] = n.entity.name;
    std::multiset<std::string> got_e, want_e;
    for (const Edge& e : sub->edges) {
      got_e.insert(absl::StrCat(id_name[e.subject], ">", static_cast<int>(e.relation), ">",
                                id_name[e.object]));
    }
    for (const RefEdge& e : ref.edges()) {
      if (!rels.empty() && rels.count(e.rel) == 0) continue;
      if (!unconfirmed && !e.confirmed) continue;
      auto ds = want_dist.find(e.s);
      auto d_o = want_dist.find(e.o);
      bool from_s = dir != Direction::kIn && ds != want_dist.end() && ds->second < max_hops;
      bool from_o = dir != Direction::kOut && d_o != want_dist.end() && d_o->second < max_hops;
      if (from_s || from_o) {
        want_e.insert(absl::StrCat(e.s, ">", static_cast<int>(e.rel), ">", e.o));
      }
    }
    EXPECT_EQ(got_e, want_e);

    // Paths.
    std::set<std::string> seen{from}, all;
    ref.AllPaths(from, to, max_hops, dir, rels, unconfirmed, &seen, from, &all);
    size_t shortest = SIZE_MAX;
    for (const std::string& p : all) {
      shortest = std::min<size_t>(shortest, std::count(p.begin(), p.end(), '|'));
    }
    std::set<std::string> all_shortest;
    for (const std::string& p : all) {
      if (static_cast<size_t>(std::count(p.begin(), p.end(), '|')) == shortest) {
        all_shortest.insert(p);
      }
    }
    PathQuery pq;
    pq.from = from;
    pq.to = to;
    pq.max_hops = max_hops;
    pq.direction = dir;
    pq.relations = rel_list;
    pq.include_unconfirmed = unconfirmed;
    pq.max_paths = 1000;
    for (PathMode mode : {PathMode::kShortest, PathMode::kAllShortest, PathMode::kAllUpToMaxHops}) {
      pq.mode = mode;
      auto r = store.FindPaths(pq);
      ASSERT_TRUE(r.ok()) << r.status();
      std::set<std::string> got;
      for (const Path& p : r->paths) {
        ASSERT_EQ(p.entities.size(), p.hops.size() + 1);
        EXPECT_TRUE(got.insert(PathKey(p)).second) << "duplicate path " << PathKey(p);
      }
      if (mode == PathMode::kShortest) {
        if (all.empty()) {
          EXPECT_TRUE(got.empty());
        } else {
          ASSERT_EQ(got.size(), 1u);
          EXPECT_EQ(all_shortest.count(*got.begin()), 1u) << *got.begin();
        }
      } else if (mode == PathMode::kAllShortest) {
        if (all_shortest.size() <= 1000) {
          EXPECT_EQ(got, all_shortest);
        }
      } else if (all.size() <= 1000) {
        EXPECT_EQ(got, all);
        EXPECT_FALSE(r->truncated);
      }
    }
  }
}

std::vector<RefEdge> RandomEdges(std::mt19937& rng, int n, int m, double confirmed_share) {
  std::set<std::tuple<int, int, int>> used;
  std::vector<RefEdge> edges;
  std::uniform_real_distribution<double> coin(0, 1);
  while (static_cast<int>(edges.size()) < m) {
    int s = rng() % n, o = rng() % n, rel = 1 + rng() % 4;
    if (s == o || !used.insert({s, rel, o}).second) continue;
    edges.push_back({absl::StrCat("N", s), static_cast<RelationType>(rel), absl::StrCat("N", o),
                     coin(rng) < confirmed_share});
  }
  return edges;
}

TEST(RandomGraphTest, BulkLoadedGraphsMatchBfs) {
  std::mt19937 rng(12345);
  for (int g = 0; g < 6; ++g) {
    int n = 8 + rng() % 30;
    int m = n + rng() % (3 * n);
    std::vector<RefEdge> edges = RandomEdges(rng, n, m, 1.0);
    auto store = OpenStore(FreshDir(absl::StrCat("random_bulk_", g)));
    std::vector<BulkEntity> entities(n);
    for (int i = 0; i < n; ++i) entities[i].name = absl::StrCat("N", i);
    std::vector<BulkEdge> bulk;
    for (const RefEdge& e : edges) {
      uint32_t s = 0, o = 0;
      ASSERT_TRUE(absl::SimpleAtoi(e.s.substr(1), &s));
      ASSERT_TRUE(absl::SimpleAtoi(e.o.substr(1), &o));
      bulk.push_back({s, e.rel, o});
    }
    ASSERT_TRUE(store->BulkLoad(entities, bulk).ok());
    RefGraph ref(edges);
    CheckAgainstReference(*store, ref, rng, 40);
  }
}

// Articles with rumours, replaced and deleted: the store must match the reference
// rebuilt from the articles that remain.
TEST(RandomGraphTest, IngestedArticlesMatchBfsAfterReplaceAndDelete) {
  std::mt19937 rng(777);
  for (int g = 0; g < 3; ++g) {
    int n = 10 + rng() % 15;
    std::map<std::string, std::vector<RefEdge>> articles;
    auto store = OpenStore(FreshDir(absl::StrCat("random_articles_", g)));
    auto put = [&](const std::string& id, int version) {
      std::vector<RefEdge> facts = RandomEdges(rng, n, 4 + rng() % 8, 0.7);
      std::vector<RelationFact> rf;
      for (const RefEdge& e : facts) {
        rf.push_back(Fact(Mention(e.s), e.rel, Mention(e.o), "", e.confirmed));
      }
      auto outcome = store->AddArticle(MakeArticle(id, absl::StrCat("v", version)), rf);
      ASSERT_TRUE(outcome.ok()) << outcome.status();
      articles[id] = facts;
    };
    for (int a = 0; a < 8; ++a) put(absl::StrCat("art", a), 0);
    put("art3", 1);
    put("art5", 1);
    for (const char* id : {"art1", "art6"}) {
      ASSERT_TRUE(store->DeleteArticle(id).ok());
      articles.erase(id);
    }
    // Merge the remaining facts into edges: confirmed if any statement is.
    std::map<std::tuple<std::string, RelationType, std::string>, bool> merged;
    for (const auto& [id, facts] : articles) {
      for (const RefEdge& e : facts) merged[{e.s, e.rel, e.o}] |= e.confirmed;
    }
    std::vector<RefEdge> edges;
    for (const auto& [k, confirmed] : merged) {
      edges.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), confirmed});
    }
    RefGraph ref(edges);
    auto stats = store->Stats();
    EXPECT_EQ(stats->edges, edges.size());
    EXPECT_EQ(stats->entities, ref.names().size());
    CheckAgainstReference(*store, ref, rng, 40);
  }
}

}  // namespace
}  // namespace kg::graph
