// Ingest, entity resolution, articles, deletes and the on-disk format.
#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/graph/graph_test_util.h"
#include "tests/test_util.h"

namespace kg::graph {
namespace {

using ::kg::testing::FreshDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kPerson = EntityType::kPerson;
constexpr EntityType kPlace = EntityType::kPlace;

std::vector<RelationFact> AlibabaFacts() {
  return {
      Fact(Mention("Alibaba", kOrg, {"Tập đoàn Alibaba"}), RelationType::kInvestedIn,
           Mention("Moonshot AI", kOrg, {"Moonshot"}), "Alibaba đã rót vốn vào Moonshot AI."),
      Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn, Mention("Zhipu AI", kOrg),
           "Alibaba cũng đầu tư vào Zhipu AI."),
      Fact(Mention("Alibaba", kOrg), RelationType::kHqIn, Mention("Hàng Châu", kPlace),
           "Alibaba có trụ sở tại Hàng Châu."),
      Fact(Mention("Alibaba", kOrg), RelationType::kFoundedBy, Mention("Jack Ma", kPerson),
           "Alibaba do Jack Ma sáng lập."),
  };
}

TEST(GraphStoreTest, AddArticleThenNeighborsWithEvidence) {
  auto store = OpenStore(FreshDir("add_neighbors"));
  ASSERT_NE(store, nullptr);
  auto outcome = store->AddArticle(MakeArticle("a1", "text one"), AlibabaFacts());
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->kind, IngestOutcomeKind::kAdded);
  EXPECT_EQ(outcome->facts_stored, 4u);
  EXPECT_EQ(outcome->entities_created, 5u);

  NeighborsQuery q;
  q.entity = "Alibaba";
  q.relations = {RelationType::kInvestedIn};
  q.direction = Direction::kOut;
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->entity.name, "Alibaba");
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Moonshot AI", "Zhipu AI"));
  EXPECT_EQ(page->total, 2u);
  EXPECT_TRUE(page->next_page_token.empty());
  ASSERT_EQ(page->neighbors[0].evidence.size(), 1u);
  const Evidence& ev = page->neighbors[0].evidence[0];
  EXPECT_EQ(ev.article_id, "a1");
  EXPECT_EQ(ev.sentence, "Alibaba đã rót vốn vào Moonshot AI.");
  EXPECT_EQ(ev.rule, "test");
  EXPECT_FLOAT_EQ(ev.confidence, 0.9f);
  EXPECT_EQ(page->neighbors[0].direction, Direction::kOut);
  EXPECT_EQ(page->neighbors[0].relation, RelationType::kInvestedIn);
  EXPECT_NEAR(page->neighbors[0].confidence, 0.9f, 1e-6);

  // From the other end the same edge is an in-edge.
  q.entity = "moonshot";
  q.direction = Direction::kIn;
  page = store->Neighbors(q);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Alibaba"));
  EXPECT_EQ(page->neighbors[0].direction, Direction::kIn);

  // Both directions, every relation: out-edges first, by relation.
  q.entity = "Alibaba";
  q.relations.clear();
  q.direction = Direction::kBoth;
  page = store->Neighbors(q);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Jack Ma", "Moonshot AI", "Zhipu AI", "Hàng Châu"));

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->entities, 5u);
  EXPECT_EQ(stats->edges, 4u);
  EXPECT_EQ(stats->articles, 1u);
  EXPECT_EQ(stats->evidence, 4u);
  EXPECT_EQ(stats->edges_by_relation[RelationType::kInvestedIn], 2u);
}

TEST(GraphStoreTest, SameTextIsUnchangedAndReopenDoesNotDuplicate) {
  std::string dir = FreshDir("idempotent");
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "text"), AlibabaFacts()).ok());
    auto again = store->AddArticle(MakeArticle("a1", "text"), AlibabaFacts());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->kind, IngestOutcomeKind::kUnchanged);
  }
  auto store = OpenStore(dir);
  auto again = store->AddArticle(MakeArticle("a1", "text"), AlibabaFacts());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, IngestOutcomeKind::kUnchanged);
  auto stats = store->Stats();
  EXPECT_EQ(stats->entities, 5u);
  EXPECT_EQ(stats->edges, 4u);
  EXPECT_EQ(stats->evidence, 4u);
  EXPECT_EQ(stats->articles, 1u);
  NeighborsQuery q;
  q.entity = "Alibaba";
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4u);
  for (const Neighbor& n : page->neighbors) EXPECT_EQ(n.evidence.size(), 1u);
}

TEST(GraphStoreTest, ChangedTextReplacesFacts) {
  auto store = OpenStore(FreshDir("replace"));
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "v1"), AlibabaFacts()).ok());
  std::vector<RelationFact> v2 = {Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn,
                                       Mention("MiniMax", kOrg), "Alibaba đầu tư vào MiniMax.")};
  auto outcome = store->AddArticle(MakeArticle("a1", "v2"), v2);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->kind, IngestOutcomeKind::kReplaced);
  NeighborsQuery q;
  q.entity = "Alibaba";
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(NeighborNames(*page), ElementsAre("MiniMax"));
  EXPECT_EQ(store->ResolveEntity("Zhipu AI").status().code(), absl::StatusCode::kNotFound);
  auto stats = store->Stats();
  EXPECT_EQ(stats->entities, 2u);
  EXPECT_EQ(stats->edges, 1u);
  EXPECT_EQ(stats->evidence, 1u);
  EXPECT_EQ(stats->articles, 1u);
  auto info = store->GetArticle("a1");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->fact_count, 1u);
  EXPECT_EQ(info->text_bytes, 2u);
}

TEST(GraphStoreTest, DeleteArticleKeepsEdgesWithOtherSupport) {
  auto store = OpenStore(FreshDir("delete"));
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "one"), AlibabaFacts()).ok());
  std::vector<RelationFact> b = {
      Fact(Mention("Alibaba Group", kOrg, {"Alibaba"}), RelationType::kInvestedIn,
           Mention("Moonshot AI", kOrg), "Moonshot AI nhận vốn từ Alibaba."),
      Fact(Mention("Tencent", kOrg), RelationType::kInvestedIn, Mention("Moonshot AI", kOrg),
           "Tencent đầu tư vào Moonshot AI.")};
  ASSERT_TRUE(store->AddArticle(MakeArticle("b1", "two"), b).ok());
  auto stats = store->Stats();
  EXPECT_EQ(stats->entities, 6u);
  EXPECT_EQ(stats->edges, 5u);

  auto gone = store->DeleteArticle("a1");
  ASSERT_TRUE(gone.ok()) << gone.status();
  EXPECT_EQ(gone->edges_removed, 3u);
  EXPECT_EQ(gone->entities_removed, 3u);  // Zhipu AI, Hàng Châu, Jack Ma.
  stats = store->Stats();
  EXPECT_EQ(stats->entities, 3u);
  EXPECT_EQ(stats->edges, 2u);
  EXPECT_EQ(stats->articles, 1u);
  EXPECT_EQ(stats->evidence, 2u);
  NeighborsQuery q;
  q.entity = "Moonshot AI";
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Alibaba", "Tencent"));
  ASSERT_EQ(page->neighbors[0].evidence.size(), 1u);
  EXPECT_EQ(page->neighbors[0].evidence[0].article_id, "b1");
  EXPECT_EQ(store->ResolveEntity("Hàng Châu").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->GetArticle("a1").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->DeleteArticle("a1").status().code(), absl::StatusCode::kNotFound);

  ASSERT_TRUE(store->DeleteArticle("b1").ok());
  stats = store->Stats();
  EXPECT_EQ(stats->entities, 0u);
  EXPECT_EQ(stats->edges, 0u);
  EXPECT_EQ(stats->evidence, 0u);
}

TEST(GraphStoreTest, BadArticlesAreInvalidArgument) {
  auto store = OpenStore(FreshDir("bad_articles"));
  EXPECT_EQ(store->AddArticle(MakeArticle("", "x"), {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  RelationFact f = Fact(Mention("A"), RelationType::kInvestedIn, Mention("B"));
  f.evidence.article_id = "other";
  auto s = store->AddArticle(MakeArticle("a1", "x"), {f});
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.status().message()), HasSubstr("other"));
  RelationFact empty_name = Fact(Mention("  "), RelationType::kInvestedIn, Mention("B"));
  EXPECT_EQ(store->AddArticle(MakeArticle("a1", "x"), {empty_name}).status().code(),
            absl::StatusCode::kInvalidArgument);
  RelationFact bad_rel = Fact(Mention("A"), static_cast<RelationType>(9), Mention("B"));
  EXPECT_EQ(store->AddArticle(MakeArticle("a1", "x"), {bad_rel}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->Stats()->articles, 0u);
}

TEST(GraphStoreTest, ResolveFoldsCaseAndDiacritics) {
  auto store = OpenStore(FreshDir("resolve"));
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), AlibabaFacts()).ok());
  std::vector<RelationFact> f = {Fact(Mention("Nguyễn Văn Đức", kPerson),
                                      RelationType::kAlumniOf, Mention("Đại học Bách khoa", kOrg))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a2", "y"), f).ok());
  auto city = store->ResolveEntity("Hàng Châu");
  ASSERT_TRUE(city.ok()) << city.status();
  for (const char* spelling : {"hang chau", "HÀNG CHÂU", "  Hàng   Châu ", "HANG CHAU"}) {
    auto e = store->ResolveEntity(spelling);
    ASSERT_TRUE(e.ok()) << spelling << ": " << e.status();
    EXPECT_EQ(e->id, city->id) << spelling;
    EXPECT_EQ(e->name, "Hàng Châu");
  }
  auto duc = store->ResolveEntity("nguyen van duc");
  ASSERT_TRUE(duc.ok()) << duc.status();
  EXPECT_EQ(duc->name, "Nguyễn Văn Đức");
  EXPECT_TRUE(store->ResolveEntity("dai hoc bach khoa").ok());
  // By alias and by id.
  EXPECT_EQ(store->ResolveEntity("Moonshot")->name, "Moonshot AI");
  EXPECT_EQ(store->ResolveEntity("tập đoàn alibaba")->name, "Alibaba");
  EXPECT_EQ(store->ResolveEntity(absl::StrCat(city->id))->name, "Hàng Châu");
  auto unknown = store->ResolveEntity("Nobody Inc");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(unknown.status().message()), HasSubstr("Nobody Inc"));
  EXPECT_EQ(store->ResolveEntity("").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(GraphStoreTest, ShortenedNameResolvesAtAWordBoundary) {
  auto store = OpenStore(FreshDir("word_prefix"));
  std::vector<RelationFact> f = {
      Fact(Mention("Rokid", kOrg), RelationType::kFoundedBy, Mention("Misa Zhu Mingming", kPerson)),
      Fact(Mention("Vision Plus Capital", kOrg), RelationType::kFoundedBy,
           Mention("Eddie Wu Yongming", kPerson)),
      Fact(Mention("Vision Plus Labs", kOrg), RelationType::kHqIn, Mention("Hàng Châu", kPlace))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), f).ok());
  // One entity starts with the words given: it is the answer, case and diacritics aside.
  EXPECT_EQ(store->ResolveEntity("Misa Zhu")->name, "Misa Zhu Mingming");
  EXPECT_EQ(store->ResolveEntity("eddie wu")->name, "Eddie Wu Yongming");
  EXPECT_EQ(store->ResolveEntity("HANG")->name, "Hàng Châu");
  // Never inside a word.
  EXPECT_EQ(store->ResolveEntity("Misa Zh").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store->ResolveEntity("Rok").status().code(), absl::StatusCode::kNotFound);
  // Several: the error names them.
  auto both = store->ResolveEntity("Vision Plus");
  EXPECT_EQ(both.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(both.status().message()), HasSubstr("Vision Plus Capital"));
  EXPECT_THAT(std::string(both.status().message()), HasSubstr("Vision Plus Labs"));
}

TEST(GraphStoreTest, AmbiguousNameListsCandidates) {
  auto store = OpenStore(FreshDir("ambiguous"));
  std::vector<RelationFact> f = {
      Fact(Mention("Jordan", kPerson), RelationType::kAlumniOf, Mention("Chicago Bulls", kOrg)),
      Fact(Mention("Arab Bank", kOrg), RelationType::kHqIn, Mention("JORDAN", kPlace))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), f).ok());
  EXPECT_EQ(store->Stats()->entities, 4u);  // Incompatible types stay apart.
  auto r = store->ResolveEntity("jordan");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("person"));
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("place"));
  // An exact spelling picks one.
  EXPECT_EQ(store->ResolveEntity("Jordan")->type, kPerson);
  EXPECT_EQ(store->ResolveEntity("JORDAN")->type, kPlace);
}

TEST(GraphStoreTest, IngestMergesByAliasButNeverByPrefix) {
  auto store = OpenStore(FreshDir("merge"));
  std::vector<RelationFact> a = {
      Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn, Mention("Moonshot", kOrg)),
      Fact(Mention("Alibaba Cloud", kOrg), RelationType::kHqIn, Mention("Hàng Châu", kPlace))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), a).ok());
  std::vector<RelationFact> b = {
      Fact(Mention("Tencent", kOrg), RelationType::kInvestedIn,
           Mention("Moonshot AI", kOrg, {"Moonshot"})),
      Fact(Mention("ALIBABA", EntityType::kUnknown), RelationType::kInvestedIn,
           Mention("hàng châu ventures", kOrg))};
  auto outcome = store->AddArticle(MakeArticle("b1", "y"), b);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->entities_created, 2u);  // Tencent, Hàng Châu Ventures.
  auto moonshot = store->ResolveEntity("Moonshot AI");
  ASSERT_TRUE(moonshot.ok());
  EXPECT_EQ(moonshot->name, "Moonshot");  // The canonical name is kept.
  EXPECT_THAT(moonshot->aliases, ElementsAre("Moonshot AI"));
  EXPECT_NE(store->ResolveEntity("Alibaba")->id, store->ResolveEntity("Alibaba Cloud")->id);
  NeighborsQuery q;
  q.entity = "Moonshot";
  q.direction = Direction::kIn;
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Alibaba", "Tencent"));
  q.entity = "Alibaba";
  q.direction = Direction::kOut;
  page = store->Neighbors(q);
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Moonshot", "hàng châu ventures"));
  // Survives a reopen: the alias is in the on-disk name index.
}

TEST(GraphStoreTest, UnconfirmedEvidenceIsHiddenUnlessAsked) {
  auto store = OpenStore(FreshDir("unconfirmed"));
  std::vector<RelationFact> f = {
      Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn, Mention("Rumour Co", kOrg),
           "Alibaba có thể sẽ đầu tư vào Rumour Co.", /*confirmed=*/false),
      Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn, Mention("Zhipu AI", kOrg),
           "Alibaba đầu tư vào Zhipu AI."),
      Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn, Mention("Zhipu AI", kOrg),
           "Có tin Alibaba sẽ rót thêm vốn vào Zhipu AI.", /*confirmed=*/false, 0.5f)};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), f).ok());
  NeighborsQuery q;
  q.entity = "Alibaba";
  auto page = store->Neighbors(q);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(NeighborNames(*page), ElementsAre("Zhipu AI"));
  EXPECT_EQ(page->total, 1u);
  EXPECT_EQ(page->neighbors[0].evidence.size(), 1u);
  q.include_unconfirmed = true;
  page = store->Neighbors(q);
  EXPECT_THAT(NeighborNames(*page), UnorderedElementsAre("Zhipu AI", "Rumour Co"));
  EXPECT_EQ(page->total, 2u);
  for (const Neighbor& n : page->neighbors) {
    if (n.entity.name == "Rumour Co") {
      EXPECT_FALSE(n.confirmed);
    } else {
      EXPECT_TRUE(n.confirmed);
      EXPECT_EQ(n.evidence.size(), 2u);
      EXPECT_NEAR(n.confidence, 1 - 0.1 * 0.5, 1e-5);
    }
  }
  PathQuery p;
  p.from = "Alibaba";
  p.to = "Rumour Co";
  EXPECT_TRUE(store->FindPaths(p)->paths.empty());
  p.include_unconfirmed = true;
  EXPECT_EQ(store->FindPaths(p)->paths.size(), 1u);
  int edges = 0;
  ASSERT_TRUE(store->ForEachEdge(false, [&](const Edge&) { return ++edges, true; }).ok());
  EXPECT_EQ(edges, 1);
  // A confirmed statement elsewhere makes the rumoured edge confirmed.
  std::vector<RelationFact> g = {Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn,
                                      Mention("Rumour Co", kOrg), "Alibaba đã đầu tư.")};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a2", "y"), g).ok());
  q.include_unconfirmed = false;
  EXPECT_EQ(store->Neighbors(q)->total, 2u);
  ASSERT_TRUE(store->DeleteArticle("a2").ok());
  EXPECT_EQ(store->Neighbors(q)->total, 1u);
}

TEST(GraphStoreTest, ReopenRebuildsTheSameGraph) {
  std::string dir = FreshDir("reopen");
  std::vector<std::string> before;
  {
    auto store = OpenStore(dir);
    ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), AlibabaFacts()).ok());
    std::vector<RelationFact> g = {
        Fact(Mention("Moonshot AI", kOrg), RelationType::kFoundedBy, Mention("Yang Zhilin", kPerson)),
        Fact(Mention("Tencent", kOrg), RelationType::kInvestedIn, Mention("Moonshot AI", kOrg),
             "", false)};
    ASSERT_TRUE(store->AddArticle(MakeArticle("a2", "y"), g).ok());
    ASSERT_TRUE(store->ForEachEdge(true, [&](const Edge& e) {
      before.push_back(absl::StrCat(e.subject, "-", static_cast<int>(e.relation), "-", e.object,
                                    e.confirmed, e.evidence.size()));
      return true;
    }).ok());
  }
  auto store = OpenStore(dir);
  std::vector<std::string> after;
  ASSERT_TRUE(store->ForEachEdge(true, [&](const Edge& e) {
    after.push_back(absl::StrCat(e.subject, "-", static_cast<int>(e.relation), "-", e.object,
                                 e.confirmed, e.evidence.size()));
    return true;
  }).ok());
  EXPECT_EQ(before, after);
  EXPECT_EQ(store->ResolveEntity("moonshot")->name, "Moonshot AI");
  EXPECT_EQ(store->Stats()->evidence, 6u);
  // New ids continue after the old ones.
  std::vector<RelationFact> h = {
      Fact(Mention("New Co", kOrg), RelationType::kHqIn, Mention("Hà Nội", kPlace))};
  auto outcome = store->AddArticle(MakeArticle("a3", "z"), h);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(store->ResolveEntity("New Co")->id, 8u);
}

TEST(GraphStoreTest, OtherFormatVersionIsDataLoss) {
  std::string dir = FreshDir("format");
  { ASSERT_NE(OpenStore(dir), nullptr); }
  {
    rocksdb::DB* db = nullptr;
    rocksdb::Options options;
    ASSERT_TRUE(rocksdb::DB::Open(options, dir, &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "Mformat_version", "99").ok());
    delete db;
  }
  GraphOptions options;
  options.path = dir;
  auto store = GraphStore::Open(options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("99"));
  GraphOptions missing;
  missing.path = FreshDir("format_missing") + "/nothing";
  missing.create_if_missing = false;
  EXPECT_FALSE(GraphStore::Open(missing).ok());
}

TEST(GraphStoreTest, ArticlesListGetAndMentioning) {
  auto store = OpenStore(FreshDir("articles"));
  for (int i = 0; i < 7; ++i) {
    std::vector<RelationFact> f = {Fact(Mention(absl::StrCat("Fund ", i), kOrg),
                                        RelationType::kInvestedIn, Mention("Target", kOrg))};
    ASSERT_TRUE(store->AddArticle(MakeArticle(absl::StrCat("art-", i), "t"), f).ok());
  }
  std::vector<std::string> ids;
  std::string token;
  int pages = 0;
  do {
    auto page = store->ListArticles(3, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const ArticleInfo& a : page->articles) ids.push_back(a.id);
    token = page->next_page_token;
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(ids, ElementsAre("art-0", "art-1", "art-2", "art-3", "art-4", "art-5", "art-6"));
  EXPECT_EQ(store->ListArticles(0, "").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->ListArticles(3, "garbage!").status().code(),
            absl::StatusCode::kInvalidArgument);
  auto info = store->GetArticle("art-3");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->title, "title of art-3");
  EXPECT_EQ(info->source_url, "https://example.test/art-3");
  EXPECT_EQ(info->content_hash.size(), 32u);
  EXPECT_EQ(info->fact_count, 1u);
  EXPECT_GT(info->ingested_unix_seconds, 1600000000);
  auto target = store->ResolveEntity("Target");
  auto mentioning = store->ArticlesMentioning(target->id);
  ASSERT_TRUE(mentioning.ok());
  EXPECT_EQ(mentioning->size(), 7u);
  auto fund = store->ResolveEntity("Fund 2");
  EXPECT_THAT(*store->ArticlesMentioning(fund->id), ElementsAre("art-2"));
  EXPECT_EQ(store->ArticlesMentioning(999).status().code(), absl::StatusCode::kNotFound);
}

TEST(GraphStoreTest, DegreeCountsFollowWrites) {
  auto store = OpenStore(FreshDir("degree"));
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), AlibabaFacts()).ok());
  EntityId alibaba = store->ResolveEntity("Alibaba")->id;
  EntityId zhipu = store->ResolveEntity("Zhipu AI")->id;
  EXPECT_EQ(*store->Degree(alibaba, RelationType::kInvestedIn, Direction::kOut), 2u);
  EXPECT_EQ(*store->Degree(alibaba, RelationType::kInvestedIn, Direction::kIn), 0u);
  EXPECT_EQ(*store->Degree(alibaba, RelationType::kHqIn, Direction::kOut), 1u);
  EXPECT_EQ(*store->Degree(zhipu, RelationType::kInvestedIn, Direction::kIn), 1u);
  std::vector<RelationFact> f = {Fact(Mention("Alibaba", kOrg), RelationType::kInvestedIn,
                                      Mention("MiniMax", kOrg))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a2", "y"), f).ok());
  EXPECT_EQ(*store->Degree(alibaba, RelationType::kInvestedIn, Direction::kOut), 3u);
  ASSERT_TRUE(store->DeleteArticle("a1").ok());
  EXPECT_EQ(*store->Degree(alibaba, RelationType::kInvestedIn, Direction::kOut), 1u);
  EXPECT_EQ(*store->Degree(alibaba, RelationType::kHqIn, Direction::kOut), 0u);
  EXPECT_EQ(store->Degree(zhipu, RelationType::kInvestedIn, Direction::kIn).status().code(),
            absl::StatusCode::kNotFound);
}

TEST(GraphStoreTest, SearchRanksExactAliasFoldedPrefixFuzzy) {
  auto store = OpenStore(FreshDir("search"));
  std::vector<RelationFact> f = {
      Fact(Mention("Alibaba", kOrg, {"A Li Ba Ba"}), RelationType::kInvestedIn,
           Mention("Alibaba Cloud", kOrg)),
      Fact(Mention("Alibaba Pictures", kOrg), RelationType::kHqIn, Mention("Bắc Kinh", kPlace)),
      Fact(Mention("Alibabb Foods", kOrg), RelationType::kHqIn, Mention("Hàng Châu", kPlace))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), f).ok());
  auto m = store->SearchEntities("Alibaba", 10);
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_GE(m->size(), 3u);
  EXPECT_EQ((*m)[0].entity.name, "Alibaba");
  EXPECT_EQ((*m)[0].kind, MatchKind::kExactName);
  EXPECT_EQ((*m)[1].entity.name, "Alibaba Cloud");
  EXPECT_EQ((*m)[1].kind, MatchKind::kPrefix);
  EXPECT_EQ((*m)[2].entity.name, "Alibaba Pictures");
  m = store->SearchEntities("bac kinh", 5);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].kind, MatchKind::kFolded);
  EXPECT_EQ((*m)[0].matched_name, "Bắc Kinh");
  m = store->SearchEntities("a li ba ba", 5);
  EXPECT_EQ((*m)[0].entity.name, "Alibaba");
  EXPECT_EQ((*m)[0].kind, MatchKind::kFolded);
  m = store->SearchEntities("Hang Chou", 5);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].kind, MatchKind::kFuzzy);
  EXPECT_EQ((*m)[0].entity.name, "Hàng Châu");
  m = store->SearchEntities("ali", 2);
  EXPECT_EQ(m->size(), 2u);
  EXPECT_EQ(store->SearchEntities("", 5).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->SearchEntities("x", 0).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(GraphStoreTest, ForEachEntityVisitsInIdOrderAndStops) {
  auto store = OpenStore(FreshDir("foreach"));
  ASSERT_TRUE(store->AddArticle(MakeArticle("a1", "x"), AlibabaFacts()).ok());
  std::vector<EntityId> ids;
  ASSERT_TRUE(store->ForEachEntity([&](const Entity& e) {
    ids.push_back(e.id);
    return true;
  }).ok());
  EXPECT_THAT(ids, ElementsAre(1, 2, 3, 4, 5));
  int seen = 0;
  ASSERT_TRUE(store->ForEachEntity([&](const Entity&) { return ++seen < 2; }).ok());
  EXPECT_EQ(seen, 2);
  auto e = store->GetEntity(2);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->name, "Moonshot AI");
  EXPECT_EQ(store->GetEntity(77).status().code(), absl::StatusCode::kNotFound);
}

// Readers see each article wholly or not at all while a writer ingests.
TEST(GraphStoreTest, QueriesNeverSeeHalfAnArticle) {
  auto store = OpenStore(FreshDir("snapshot"));
  std::vector<RelationFact> seed = {
      Fact(Mention("Hub", kOrg), RelationType::kHqIn, Mention("Seed City", kPlace))};
  ASSERT_TRUE(store->AddArticle(MakeArticle("seed", "s"), seed).ok());
  std::atomic<bool> done{false};
  std::atomic<int> checks{0};
  std::thread reader([&] {
    NeighborsQuery q;
    q.entity = "Hub";
    q.relations = {RelationType::kInvestedIn};
    q.direction = Direction::kOut;
    q.page_size = 1000;
    while (!done.load()) {
      auto page = store->Neighbors(q);
      ASSERT_TRUE(page.ok());
      // Each article adds "Target i" and "Target i bis": both or none.
      std::set<std::string> names;
      for (const Neighbor& n : page->neighbors) names.insert(n.entity.name);
      for (const std::string& n : names) {
        if (n.size() > 4 && n.substr(n.size() - 4) == " bis") {
          EXPECT_TRUE(names.count(n.substr(0, n.size() - 4))) << n;
        } else {
          EXPECT_TRUE(names.count(n + " bis")) << n;
        }
      }
      EXPECT_EQ(page->total % 2, 0u);
      ++checks;
    }
  });
  for (int i = 0; i < 150; ++i) {
    std::vector<RelationFact> f = {
        Fact(Mention("Hub", kOrg), RelationType::kInvestedIn, Mention(absl::StrCat("Target ", i))),
        Fact(Mention("Hub", kOrg), RelationType::kInvestedIn,
             Mention(absl::StrCat("Target ", i, " bis")))};
    ASSERT_TRUE(store->AddArticle(MakeArticle(absl::StrCat("a", i), "t"), f).ok());
    if (i % 3 == 2) {
      ASSERT_TRUE(store->DeleteArticle(absl::StrCat("a", i - 1)).ok());
    }
  }
  done = true;
  reader.join();
  EXPECT_GT(checks.load(), 0);
}

// Typos are found through the trigram index, not by comparing the query with every
// name: among 20,000 names, a search compares a few hundred at most. Transposed
// letters count as one typo, and a typo in the first word of a longer name is found.
TEST(GraphStoreTest, TypoSearchUsesTheTrigramIndexAndRanks) {
  const std::string dir = FreshDir("typo_index");
  constexpr size_t kNames = 20000;
  {
    auto store = OpenStore(dir);
    std::vector<BulkEntity> entities;
    uint64_t state = 42;  // A fixed sequence: the same names every run.
    for (size_t i = 0; i < kNames; ++i) {
      std::string name;
      for (int word = 0; word < 2; ++word) {
        if (word > 0) name += ' ';
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const int length = 4 + static_cast<int>((state >> 40) % 6);
        for (int c = 0; c < length; ++c) {
          state = state * 6364136223846793005ULL + 1442695040888963407ULL;
          name += static_cast<char>((c == 0 ? 'A' : 'a') + (state >> 33) % 26);
        }
      }
      entities.push_back({name, kOrg, {}});
    }
    for (const char* name : {"Alibaba", "Alibaba Cloud", "Moonshot AI", "MiniMax"}) {
      entities.push_back({name, kOrg, {}});
    }
    ASSERT_TRUE(store->BulkLoad(entities, {}).ok());
  }
  auto store = OpenStore(dir);  // The index is rebuilt from disk at Open.
  ASSERT_NE(store, nullptr);

  uint64_t before = store->Counters().fuzzy_candidates;
  auto m = store->SearchEntities("Alibaab", 10);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_LT(store->Counters().fuzzy_candidates - before, 1000u);
  ASSERT_GE(m->size(), 2u);
  EXPECT_EQ((*m)[0].entity.name, "Alibaba");
  EXPECT_EQ((*m)[0].kind, MatchKind::kFuzzy);
  EXPECT_EQ((*m)[1].entity.name, "Alibaba Cloud");  // One typo from its first word.
  for (size_t i = 1; i < m->size(); ++i) EXPECT_GE((*m)[i - 1].score, (*m)[i].score);

  before = store->Counters().fuzzy_candidates;
  m = store->SearchEntities("Moonshto", 10);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_LT(store->Counters().fuzzy_candidates - before, 1000u);
  ASSERT_FALSE(m->empty());
  EXPECT_EQ((*m)[0].entity.name, "Moonshot AI");
  EXPECT_EQ((*m)[0].kind, MatchKind::kFuzzy);

  m = store->SearchEntities("Moonshot AJ", 10);  // Two typos are allowed from 8 letters on.
  ASSERT_FALSE(m->empty());
  EXPECT_EQ((*m)[0].entity.name, "Moonshot AI");
  m = store->SearchEntities("MiniMqz", 10);  // Two typos, but only one under 8 letters.
  ASSERT_TRUE(m.ok());
  for (const EntityMatch& match : *m) EXPECT_NE(match.entity.name, "MiniMax");
  m = store->SearchEntities("Qqqqzzzz", 10);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->empty());
}

// The typo index follows writes: names added by an article are found, and names of
// entities removed with their article are not.
TEST(GraphStoreTest, TypoIndexFollowsIngestAndDelete) {
  auto store = OpenStore(FreshDir("typo_follow"));
  ASSERT_TRUE(store
                  ->AddArticle(MakeArticle("a1", "x"),
                               {Fact(Mention("Zhipu AI", kOrg), RelationType::kHqIn,
                                     Mention("Bắc Kinh", kPlace))})
                  .ok());
  auto m = store->SearchEntities("Zhpiu AI", 5);
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].entity.name, "Zhipu AI");
  m = store->SearchEntities("Bac Kinj", 5);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].matched_name, "Bắc Kinh");
  ASSERT_TRUE(store->DeleteArticle("a1").ok());
  m = store->SearchEntities("Zhpiu AI", 5);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->empty());
  ASSERT_TRUE(store
                  ->AddArticle(MakeArticle("a2", "y"),
                               {Fact(Mention("Zhipu AI", kOrg), RelationType::kHqIn,
                                     Mention("Bắc Kinh", kPlace))})
                  .ok());
  m = store->SearchEntities("Zhpiu AI", 5);
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].entity.name, "Zhipu AI");
}

}  // namespace
}  // namespace kg::graph
