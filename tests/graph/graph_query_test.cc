// Neighbors paging and filters, Neighborhood caps, FindPaths modes, filters and budgets.
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_test_util.h"
#include "tests/test_util.h"

namespace kg::graph {
namespace {

using ::kg::testing::FreshDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr RelationType kInv = RelationType::kInvestedIn;
constexpr RelationType kFnd = RelationType::kFoundedBy;
constexpr RelationType kAlm = RelationType::kAlumniOf;
constexpr RelationType kHq = RelationType::kHqIn;

// A store holding a bulk-loaded graph of entities "E0".."En-1".
struct Loaded {
  std::unique_ptr<GraphStore> store;
  EntityId first = 0;
  std::string Name(uint32_t i) const { return absl::StrCat("E", i); }
};

Loaded LoadGraph(const std::string& name, uint32_t n, const std::vector<BulkEdge>& edges) {
  Loaded l;
  l.store = OpenStore(FreshDir(name));
  std::vector<BulkEntity> entities(n);
  for (uint32_t i = 0; i < n; ++i) entities[i].name = absl::StrCat("E", i);
  auto outcome = l.store->BulkLoad(entities, edges);
  EXPECT_TRUE(outcome.ok()) << outcome.status();
  if (outcome.ok()) l.first = outcome->first_id;
  return l;
}

std::vector<std::string> PathNames(const Path& p) {
  std::vector<std::string> names;
  for (const Entity& e : p.entities) names.push_back(e.name);
  return names;
}

TEST(NeighborsTest, PagesAcrossPagesInOrder) {
  std::vector<BulkEdge> edges;
  for (uint32_t i = 1; i <= 120; ++i) edges.push_back({0, kInv, i});
  for (uint32_t i = 121; i <= 130; ++i) edges.push_back({i, kInv, 0});
  for (uint32_t i = 131; i <= 135; ++i) edges.push_back({0, kHq, i});
  Loaded g = LoadGraph("paging", 136, edges);
  NeighborsQuery q;
  q.entity = "E0";
  q.page_size = 50;
  std::vector<std::string> all;
  std::set<std::string> unique;
  int pages = 0;
  do {
    auto page = g.store->Neighbors(q);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_EQ(page->total, 135u);
    EXPECT_LE(page->neighbors.size(), 50u);
    for (const Neighbor& n : page->neighbors) {
      all.push_back(n.entity.name);
      unique.insert(n.entity.name);
    }
    q.page_token = page->next_page_token;
    ++pages;
  } while (!q.page_token.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(all.size(), 135u);
  EXPECT_EQ(unique.size(), 135u);
  EXPECT_EQ(all.front(), "E1");
  EXPECT_EQ(all[119], "E120");
  EXPECT_EQ(all[120], "E131");  // Out-edges by relation: invested-in, then HQ-in.
  EXPECT_EQ(all.back(), "E130");  // Then in-edges.

  q.page_token.clear();
  q.direction = Direction::kIn;
  auto page = g.store->Neighbors(q);
  EXPECT_EQ(page->total, 10u);
  q.direction = Direction::kOut;
  q.relations = {kHq};
  page = g.store->Neighbors(q);
  EXPECT_EQ(page->total, 5u);
  EXPECT_THAT(NeighborNames(*page), ElementsAre("E131", "E132", "E133", "E134", "E135"));
  EXPECT_TRUE(page->neighbors[0].evidence.empty());  // Loaded edges carry no evidence.
  q.relations = {kFnd};
  EXPECT_EQ(g.store->Neighbors(q)->total, 0u);
}

TEST(NeighborsTest, BadArgumentsAreInvalid) {
  Loaded g = LoadGraph("neighbors_bad", 3, {{0, kInv, 1}});
  NeighborsQuery q;
  q.entity = "E0";
  q.page_size = 0;
  EXPECT_EQ(g.store->Neighbors(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.page_size = 1001;
  EXPECT_EQ(g.store->Neighbors(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.page_size = 10;
  q.page_token = "not-a-token";
  auto bad = g.store->Neighbors(q);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("page_token"));
  q.page_token.clear();
  q.relations = {static_cast<RelationType>(0)};
  EXPECT_EQ(g.store->Neighbors(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.relations.clear();
  q.entity = "Nobody";
  auto missing = g.store->Neighbors(q);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("Nobody"));
  q.entity = absl::StrCat(g.first + 1);  // By id.
  auto by_id = g.store->Neighbors(q);
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->entity.name, "E1");
}

// A supernode with 5000 out-edges; each leaf has one more edge.
Loaded Supernode() {
  std::vector<BulkEdge> edges;
  for (uint32_t i = 1; i <= 5000; ++i) edges.push_back({0, kInv, i});
  for (uint32_t i = 1; i <= 5000; ++i) edges.push_back({i, kHq, 5000 + i});
  return LoadGraph("supernode", 10001, edges);
}

TEST(NeighborhoodTest, SupernodeIsCappedByFanout) {
  Loaded g = Supernode();
  NeighborhoodQuery q;
  q.entity = "E0";
  q.hops = 2;
  q.max_fanout = 100;
  q.max_nodes = 100000;
  q.max_edges = 100000;
  auto sub = g.store->Neighborhood(q);
  ASSERT_TRUE(sub.ok()) << sub.status();
  EXPECT_TRUE(sub->truncated);
  EXPECT_THAT(sub->truncation_reason, HasSubstr("max_fanout 100"));
  EXPECT_EQ(sub->nodes.size(), 201u);
  EXPECT_EQ(sub->edges.size(), 200u);
  EXPECT_EQ(sub->nodes[0].entity.name, "E0");
  EXPECT_EQ(sub->nodes[0].distance, 0);
  for (size_t i = 1; i < sub->nodes.size(); ++i) {
    EXPECT_LE(sub->nodes[i - 1].distance, sub->nodes[i].distance);
  }
  EXPECT_EQ(sub->nodes.back().distance, 2);
}

TEST(NeighborhoodTest, NodeAndEdgeCapsTruncate) {
  Loaded g = Supernode();
  NeighborhoodQuery q;
  q.entity = "E0";
  q.hops = 2;
  q.max_fanout = 10000;
  q.max_nodes = 300;
  q.max_edges = 100000;
  auto sub = g.store->Neighborhood(q);
  ASSERT_TRUE(sub.ok());
  EXPECT_TRUE(sub->truncated);
  EXPECT_EQ(sub->truncation_reason, "max_nodes 300 reached");
  EXPECT_EQ(sub->nodes.size(), 300u);
  q.max_nodes = 100000;
  q.max_edges = 42;
  sub = g.store->Neighborhood(q);
  EXPECT_TRUE(sub->truncated);
  EXPECT_EQ(sub->truncation_reason, "max_edges 42 reached");
  EXPECT_EQ(sub->edges.size(), 42u);
  q.max_edges = 100000;
  sub = g.store->Neighborhood(q);
  EXPECT_FALSE(sub->truncated);
  EXPECT_TRUE(sub->truncation_reason.empty());
  EXPECT_EQ(sub->nodes.size(), 10001u);
  EXPECT_EQ(sub->edges.size(), 10000u);
  q.budget.max_edges_visited = 1000;
  sub = g.store->Neighborhood(q);
  EXPECT_TRUE(sub->truncated);
  EXPECT_THAT(sub->truncation_reason, HasSubstr("max_edges_visited"));
}

TEST(NeighborhoodTest, HopsFiltersAndErrors) {
  // 0 -inv-> 1 -inv-> 2 -hq-> 3 ; 4 -inv-> 0
  Loaded g = LoadGraph("hood", 5, {{0, kInv, 1}, {1, kInv, 2}, {2, kHq, 3}, {4, kInv, 0}});
  NeighborhoodQuery q;
  q.entity = "E0";
  q.hops = 1;
  auto sub = g.store->Neighborhood(q);
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(sub->nodes.size(), 3u);  // E0, E1, E4
  EXPECT_EQ(sub->center, g.first);
  q.hops = 3;
  sub = g.store->Neighborhood(q);
  EXPECT_EQ(sub->nodes.size(), 5u);
  EXPECT_EQ(sub->edges.size(), 4u);
  q.direction = Direction::kOut;
  sub = g.store->Neighborhood(q);
  EXPECT_EQ(sub->nodes.size(), 4u);  // Not E4.
  q.relations = {kInv};
  sub = g.store->Neighborhood(q);
  EXPECT_EQ(sub->nodes.size(), 3u);  // Not E3.
  for (int bad : {0, 7}) {
    q.hops = bad;
    auto r = g.store->Neighborhood(q);
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(r.status().message()), HasSubstr("between 1 and 6"));
  }
  q.hops = 2;
  q.entity = "nope";
  EXPECT_EQ(g.store->Neighborhood(q).status().code(), absl::StatusCode::kNotFound);
}

TEST(NeighborhoodTest, DeadlineAndCancelStopCleanly) {
  Loaded g = Supernode();
  NeighborhoodQuery q;
  q.entity = "E0";
  q.hops = 2;
  q.max_fanout = 10000;
  q.max_nodes = 100000;
  q.max_edges = 100000;
  q.budget.deadline = absl::Now() - absl::Seconds(1);
  auto sub = g.store->Neighborhood(q);
  ASSERT_TRUE(sub.ok());
  EXPECT_TRUE(sub->truncated);
  EXPECT_EQ(sub->truncation_reason, "deadline exceeded");
  q.budget.deadline = absl::InfiniteFuture();
  int polls = 0;
  q.budget.cancelled = [&] { return ++polls > 2; };
  sub = g.store->Neighborhood(q);
  EXPECT_TRUE(sub->truncated);
  EXPECT_EQ(sub->truncation_reason, "cancelled");
  EXPECT_LT(sub->edges.size(), 10000u);
}

// A diamond with a tail and a side road:
//   0 -inv-> 1 -inv-> 3 -hq-> 4
//   0 -inv-> 2 -fnd-> 3
//   0 -alm-> 5 -alm-> 6 -alm-> 7 -alm-> 4
Loaded Diamond() {
  return LoadGraph("diamond", 8,
                   {{0, kInv, 1}, {1, kInv, 3}, {0, kInv, 2}, {2, kFnd, 3}, {3, kHq, 4},
                    {0, kAlm, 5}, {5, kAlm, 6}, {6, kAlm, 7}, {7, kAlm, 4}});
}

TEST(FindPathsTest, ShortestAndAllShortest) {
  Loaded g = Diamond();
  PathQuery q;
  q.from = "E0";
  q.to = "E4";
  auto r = g.store->FindPaths(q);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->paths.size(), 1u);
  EXPECT_EQ(r->paths[0].hops.size(), 3u);
  EXPECT_FALSE(r->truncated);
  q.mode = PathMode::kAllShortest;
  r = g.store->FindPaths(q);
  ASSERT_EQ(r->paths.size(), 2u);
  std::set<std::vector<std::string>> got;
  for (const Path& p : r->paths) got.insert(PathNames(p));
  EXPECT_EQ(got, (std::set<std::vector<std::string>>{{"E0", "E1", "E3", "E4"},
                                                     {"E0", "E2", "E3", "E4"}}));
  for (const Path& p : r->paths) {
    EXPECT_EQ(p.hops.size() + 1, p.entities.size());
    for (const PathHop& h : p.hops) EXPECT_EQ(h.direction, Direction::kOut);
    EXPECT_EQ(p.hops[2].relation, kHq);
  }
  // Walking backwards: every hop is an in-hop.
  q.from = "E4";
  q.to = "E0";
  q.direction = Direction::kIn;
  r = g.store->FindPaths(q);
  ASSERT_EQ(r->paths.size(), 2u);
  for (const Path& p : r->paths) {
    for (const PathHop& h : p.hops) EXPECT_EQ(h.direction, Direction::kIn);
  }
  q.direction = Direction::kOut;
  EXPECT_TRUE(g.store->FindPaths(q)->paths.empty());
  q.max_paths = 1;
  q.direction = Direction::kBoth;
  r = g.store->FindPaths(q);
  EXPECT_EQ(r->paths.size(), 1u);
  EXPECT_TRUE(r->truncated);
  EXPECT_THAT(r->truncation_reason, HasSubstr("max_paths"));
}

TEST(FindPathsTest, AllUpToMaxHopsAndFilters) {
  Loaded g = Diamond();
  PathQuery q;
  q.from = "E0";
  q.to = "E4";
  q.mode = PathMode::kAllUpToMaxHops;
  q.max_hops = 3;
  auto r = g.store->FindPaths(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->paths.size(), 2u);
  q.max_hops = 4;
  r = g.store->FindPaths(q);
  ASSERT_EQ(r->paths.size(), 3u);
  EXPECT_EQ(r->paths[0].hops.size(), 3u);  // Shorter first.
  EXPECT_THAT(PathNames(r->paths[2]), ElementsAre("E0", "E5", "E6", "E7", "E4"));
  q.relations = {kAlm};
  r = g.store->FindPaths(q);
  ASSERT_EQ(r->paths.size(), 1u);
  for (const PathHop& h : r->paths[0].hops) EXPECT_EQ(h.relation, kAlm);
  q.mode = PathMode::kShortest;
  r = g.store->FindPaths(q);
  ASSERT_EQ(r->paths.size(), 1u);
  EXPECT_EQ(r->paths[0].hops.size(), 4u);
  q.max_hops = 3;
  EXPECT_TRUE(g.store->FindPaths(q)->paths.empty());  // No path within 3 alumni-of hops.
  q.relations = {kFnd, kHq};
  EXPECT_TRUE(g.store->FindPaths(q)->paths.empty());  // E0 has no such edge.
  q.relations = {kInv, kHq};
  r = g.store->FindPaths(q);
  ASSERT_EQ(r->paths.size(), 1u);
  EXPECT_THAT(PathNames(r->paths[0]), ElementsAre("E0", "E1", "E3", "E4"));
  q.relations = {kInv, kHq, kFnd};
  EXPECT_EQ(g.store->FindPaths(q)->paths.size(), 1u);
}

TEST(FindPathsTest, ErrorsAndTrivialCases) {
  Loaded g = Diamond();
  PathQuery q;
  q.from = "E0";
  q.to = "Nobody";
  auto r = g.store->FindPaths(q);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("Nobody"));
  q.to = "E0";
  r = g.store->FindPaths(q);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->paths.size(), 1u);
  EXPECT_TRUE(r->paths[0].hops.empty());
  q.to = "E4";
  q.max_hops = 7;
  EXPECT_EQ(g.store->FindPaths(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.max_hops = 4;
  q.max_paths = 0;
  EXPECT_EQ(g.store->FindPaths(q).status().code(), absl::StatusCode::kInvalidArgument);
  q.max_paths = 10;
  q.direction = static_cast<Direction>(9);
  EXPECT_EQ(g.store->FindPaths(q).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(FindPathsTest, BudgetsStopCleanly) {
  Loaded g = Supernode();
  PathQuery q;
  q.from = "E5001";
  q.to = "E10000";
  q.mode = PathMode::kAllUpToMaxHops;
  q.max_hops = 6;
  q.budget.max_edges_visited = 500;
  auto r = g.store->FindPaths(q);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->truncated);
  EXPECT_THAT(r->truncation_reason, HasSubstr("max_edges_visited 500"));
  q.budget.max_edges_visited = 10'000'000;
  q.budget.deadline = absl::Now() - absl::Milliseconds(1);
  r = g.store->FindPaths(q);
  EXPECT_TRUE(r->truncated);
  EXPECT_EQ(r->truncation_reason, "deadline exceeded");
  q.budget.deadline = absl::InfiniteFuture();
  q.mode = PathMode::kShortest;
  r = g.store->FindPaths(q);
  EXPECT_FALSE(r->truncated);
  ASSERT_EQ(r->paths.size(), 1u);
  EXPECT_THAT(PathNames(r->paths[0]), ElementsAre("E5001", "E1", "E0", "E5000", "E10000"));
}

TEST(FindPathsTest, HopsCarryEvidence) {
  auto store = OpenStore(FreshDir("path_evidence"));
  std::vector<RelationFact> f = {
      Fact(Mention("Alibaba", EntityType::kOrganization), kInv, Mention("Moonshot AI"),
           "Alibaba rót vốn vào Moonshot AI."),
      Fact(Mention("Moonshot AI"), kFnd, Mention("Dương Thực Lâm", EntityType::kPerson),
           "Moonshot AI do Dương Thực Lâm sáng lập.")};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), f).ok());
  PathQuery q;
  q.from = "alibaba";
  q.to = "duong thuc lam";
  auto r = store->FindPaths(q);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->paths.size(), 1u);
  const Path& p = r->paths[0];
  EXPECT_THAT(PathNames(p), ElementsAre("Alibaba", "Moonshot AI", "Dương Thực Lâm"));
  ASSERT_EQ(p.hops.size(), 2u);
  EXPECT_EQ(p.hops[0].relation, kInv);
  EXPECT_EQ(p.hops[0].direction, Direction::kOut);
  ASSERT_EQ(p.hops[0].evidence.size(), 1u);
  EXPECT_EQ(p.hops[0].evidence[0].sentence, "Alibaba rót vốn vào Moonshot AI.");
  EXPECT_EQ(p.hops[1].evidence[0].article_id, "a1");
  EXPECT_NEAR(p.hops[1].confidence, 0.9f, 1e-6);
}

TEST(BulkLoadTest, SurvivesReopenAndMeetsArticles) {
  std::string dir = FreshDir("bulk_reopen");
  {
    auto store = OpenStore(dir);
    std::vector<BulkEntity> entities = {{"Quỹ Đầu Tư A", EntityType::kOrganization, {"QDTA"}},
                                        {"Startup B", EntityType::kOrganization, {}},
                                        {"Hà Nội", EntityType::kPlace, {}}};
    auto outcome = store->BulkLoad(entities, {{0, kInv, 1}, {1, kHq, 2}, {0, kInv, 1}, {2, kHq, 2}});
    ASSERT_TRUE(outcome.ok()) << outcome.status();
    EXPECT_EQ(outcome->first_id, 1u);
    EXPECT_EQ(outcome->entities, 3u);
    EXPECT_EQ(outcome->edges, 2u);  // The duplicate and the self-loop are dropped.
    EXPECT_EQ(store->BulkLoad(entities, {{0, kInv, 3}}).status().code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(store->BulkLoad({{"", EntityType::kPlace, {}}}, {}).status().code(),
              absl::StatusCode::kInvalidArgument);
  }
  auto store = OpenStore(dir);
  EXPECT_EQ(store->ResolveEntity("quy dau tu a")->id, 1u);
  EXPECT_EQ(store->ResolveEntity("qdta")->id, 1u);
  EXPECT_EQ(*store->Degree(1, kInv, Direction::kOut), 1u);
  EXPECT_EQ(*store->Degree(2, kInv, Direction::kIn), 1u);
  EXPECT_EQ(*store->Degree(3, kHq, Direction::kIn), 1u);
  auto stats = store->Stats();
  EXPECT_EQ(stats->entities, 3u);
  EXPECT_EQ(stats->edges, 2u);
  // An article about a loaded entity lands on it, not on a new one.
  std::vector<RelationFact> f = {Fact(Mention("Startup B", EntityType::kOrganization), kFnd,
                                      Mention("Nguyễn Văn C", EntityType::kPerson))};
  auto added = store->AddArticle(MakeArticle("a1", "x"), f);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->entities_created, 1u);
  EXPECT_EQ(store->ResolveEntity("Nguyen Van C")->id, 4u);  // Ids continue after the load.
  NeighborsQuery q;
  q.entity = "Startup B";
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Nguyễn Văn C", "Hà Nội", "Quỹ Đầu Tư A"));
  EXPECT_FLOAT_EQ(page->neighbors[1].confidence, 1.0f);
  PathQuery pq;
  pq.from = "QDTA";
  pq.to = "nguyen van c";
  auto r = store->FindPaths(pq);
  ASSERT_EQ(r->paths.size(), 1u);
  EXPECT_TRUE(r->paths[0].hops[0].evidence.empty());
  EXPECT_EQ(r->paths[0].hops[1].evidence.size(), 1u);
}

// ---- Supernodes and budgets while an answer is materialised. ----

// A hub "E0" with `leaves` bulk-loaded out-edges E0 -inv-> E1..E<leaves>, of which the
// first `with_evidence` also get evidence from one article.
Loaded EvidencedSupernode(const std::string& name, uint32_t leaves, uint32_t with_evidence) {
  std::vector<BulkEdge> edges;
  edges.reserve(leaves);
  for (uint32_t i = 1; i <= leaves; ++i) edges.push_back({0, kInv, i});
  Loaded g = LoadGraph(name, leaves + 1, edges);
  std::vector<RelationFact> facts;
  for (uint32_t i = 1; i <= with_evidence; ++i) {
    facts.push_back(Fact(Mention("E0"), kInv, Mention(absl::StrCat("E", i)),
                         absl::StrCat("E0 invested in E", i, ".")));
  }
  auto added = g.store->AddArticle(MakeArticle("hub", "x"), facts);
  EXPECT_TRUE(added.ok()) << added.status();
  return g;
}

// Building one page of a 50k-edge supernode reads the evidence of that page's edges
// only, and page 2 continues exactly where page 1 stopped.
TEST(NeighborsTest, SupernodePageReadsOnlyItsOwnEvidence) {
  constexpr uint32_t kLeaves = 50000;
  Loaded g = EvidencedSupernode("supernode_page", kLeaves, 500);
  NeighborsQuery q;
  q.entity = "E0";
  q.direction = Direction::kOut;
  q.page_size = 100;
  std::vector<std::string> seen;
  for (int page_number = 0; page_number < 3; ++page_number) {
    const uint64_t reads_before = g.store->Counters().evidence_reads;
    auto page = g.store->Neighbors(q);
    ASSERT_TRUE(page.ok()) << page.status();
    const uint64_t reads = g.store->Counters().evidence_reads - reads_before;
    EXPECT_EQ(page->total, kLeaves);
    ASSERT_EQ(page->neighbors.size(), 100u);
    // Every edge of the first three pages has evidence, and only they were read.
    EXPECT_EQ(reads, 100u);
    for (size_t i = 0; i < page->neighbors.size(); ++i) {
      const Neighbor& n = page->neighbors[i];
      const std::string expected = absl::StrCat("E", page_number * 100 + i + 1);
      EXPECT_EQ(n.entity.name, expected);
      ASSERT_EQ(n.evidence.size(), 1u) << expected;
      EXPECT_EQ(n.evidence[0].sentence, absl::StrCat("E0 invested in ", expected, "."));
      seen.push_back(n.entity.name);
    }
    ASSERT_FALSE(page->next_page_token.empty());
    q.page_token = page->next_page_token;
  }
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 300u);
  // A page of loaded edges without evidence reads nothing from the evidence records.
  q.page_token.clear();
  q.direction = Direction::kIn;
  q.entity = "E7";
  const uint64_t reads_before = g.store->Counters().evidence_reads;
  auto page = g.store->Neighbors(q);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->neighbors.size(), 1u);
  EXPECT_EQ(g.store->Counters().evidence_reads - reads_before, 1u);  // E0 -> E7 has evidence.
}

// A cancel (or deadline) that arrives after the walk, while evidence is read, stops
// the reading: the answer is marked truncated and holds only whole edges.
TEST(NeighborhoodTest, BudgetIsCheckedWhileReadingEvidence) {
  constexpr uint32_t kLeaves = 300;
  Loaded g = EvidencedSupernode("materialise_budget", kLeaves, kLeaves);
  NeighborhoodQuery q;
  q.entity = "E0";
  q.hops = 1;
  uint64_t reads_before = g.store->Counters().evidence_reads;
  auto full = g.store->Neighborhood(q);
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_FALSE(full->truncated);
  ASSERT_EQ(full->edges.size(), kLeaves);
  EXPECT_EQ(g.store->Counters().evidence_reads - reads_before, kLeaves);

  // The walk (300 edges) polls the budget once, at its start; every later poll is
  // made while materialising, and the fifth says "cancelled".
  int polls = 0;
  q.budget.cancelled = [&] { return ++polls > 4; };
  reads_before = g.store->Counters().evidence_reads;
  auto cut = g.store->Neighborhood(q);
  ASSERT_TRUE(cut.ok()) << cut.status();
  EXPECT_TRUE(cut->truncated);
  EXPECT_EQ(cut->truncation_reason, "cancelled");
  EXPECT_EQ(cut->nodes.size(), kLeaves + 1);
  EXPECT_GE(cut->edges.size(), 1u);
  EXPECT_LT(cut->edges.size(), 10u);
  EXPECT_EQ(g.store->Counters().evidence_reads - reads_before, cut->edges.size());
  for (const Edge& e : cut->edges) EXPECT_EQ(e.evidence.size(), 1u);

  // A max_edges_visited cut still gets its partial answer materialised.
  q.budget.cancelled = nullptr;
  q.budget.max_edges_visited = 50;
  auto capped = g.store->Neighborhood(q);
  ASSERT_TRUE(capped.ok());
  EXPECT_TRUE(capped->truncated);
  EXPECT_THAT(capped->truncation_reason, HasSubstr("max_edges_visited 50"));
  EXPECT_EQ(capped->edges.size(), 50u);
  for (const Edge& e : capped->edges) EXPECT_EQ(e.evidence.size(), 1u);
}

// The same for paths: paths come back whole or not at all.
TEST(FindPathsTest, BudgetIsCheckedWhileReadingEvidence) {
  auto store = OpenStore(FreshDir("paths_materialise_budget"));
  std::vector<RelationFact> facts;
  for (int i = 0; i < 100; ++i) {
    const std::string middle = absl::StrCat("Middle ", i);
    facts.push_back(Fact(Mention("Start Fund"), kInv, Mention(middle)));
    facts.push_back(Fact(Mention(middle), kInv, Mention("Target Labs")));
  }
  ASSERT_TRUE(store->AddArticle(MakeArticle("paths", "x"), facts).ok());
  PathQuery q;
  q.from = "Start Fund";
  q.to = "Target Labs";
  q.mode = PathMode::kAllShortest;
  q.max_paths = 1000;
  auto all = store->FindPaths(q);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_FALSE(all->truncated);
  ASSERT_EQ(all->paths.size(), 100u);

  int polls = 0;
  q.budget.cancelled = [&] { return ++polls > 6; };
  const uint64_t reads_before = store->Counters().evidence_reads;
  auto cut = store->FindPaths(q);
  ASSERT_TRUE(cut.ok()) << cut.status();
  EXPECT_TRUE(cut->truncated);
  EXPECT_EQ(cut->truncation_reason, "cancelled");
  EXPECT_GE(cut->paths.size(), 1u);
  EXPECT_LT(cut->paths.size(), 10u);
  EXPECT_LT(store->Counters().evidence_reads - reads_before, 20u);
  for (const Path& p : cut->paths) {
    ASSERT_EQ(p.hops.size(), 2u);
    EXPECT_EQ(p.entities.size(), 3u);
    for (const PathHop& h : p.hops) EXPECT_EQ(h.evidence.size(), 1u);
  }
}

}  // namespace
}  // namespace kg::graph
