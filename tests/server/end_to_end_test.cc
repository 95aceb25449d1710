// End-to-end tests: a real KgServer (RocksDB in a temp dir, the real extractor, the
// shipped seeds) on 127.0.0.1:0, called through real gRPC stubs.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "proto/kg.grpc.pb.h"
#include "server/kg_server.h"
#include "tests/server/server_test_support.h"
#include "tests/test_util.h"

namespace kg::server {
namespace {

using ::kg::server::testing::ContainsAny;
using ::kg::server::testing::NamesOf;
using ::kg::server::testing::ReadWholeFile;
using ::kg::server::testing::SeedIds;
using ::kg::server::testing::SeedsDir;
using ::kg::server::testing::StartServer;
using ::kg::server::testing::StubFor;
using HealthStatus = grpc::health::v1::HealthCheckResponse;

// An article the extractor reads, with several facts about one investor.
constexpr char kArticle[] =
    "Quỹ đầu tư Lotus Ventures công bố danh mục mới\n\n"
    "Lotus Ventures đã đầu tư vào Foobar Robotics. "
    "Lotus Ventures cũng đã đầu tư vào Nimbus Cloud. "
    "Lotus Ventures đã dẫn đầu vòng gây quỹ cho Quasar Labs.\n";

std::unique_ptr<grpc::ClientContext> Context(
    std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + timeout);
  return context;
}

// Each assertion of an error checks the code and that the message says something useful.
#define EXPECT_RPC_ERROR(status, code, substring)                                               \
  do {                                                                                          \
    const grpc::Status rpc_status_ = (status);                                                  \
    EXPECT_EQ(rpc_status_.error_code(), grpc::StatusCode::code) << rpc_status_.error_message(); \
    EXPECT_TRUE(absl::StrContains(rpc_status_.error_message(), substring))                      \
        << "message \"" << rpc_status_.error_message() << "\" lacks \"" << substring << "\"";   \
  } while (false)

class SeededServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = StartServer("seeded", /*seeds=*/true).release(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    stub_ = StubFor(server_->port());
  }

  v1::NeighborsResponse Neighbors(const v1::NeighborsRequest& request) {
    v1::NeighborsResponse response;
    grpc::Status status = stub_->Neighbors(Context().get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  static KgServer* server_;
  std::unique_ptr<v1::KnowledgeGraph::Stub> stub_;
};

KgServer* SeededServerTest::server_ = nullptr;

// The first question a user asks: who did Alibaba invest in?
TEST_F(SeededServerTest, AlibabaInvestedInHasEvidenceFromTheSeeds) {
  v1::NeighborsRequest request;
  request.set_entity("Alibaba");
  request.add_relations(v1::RELATION_INVESTED_IN);
  v1::NeighborsResponse response = Neighbors(request);
  EXPECT_EQ(response.entity().name().find("Alibaba"), 0u) << response.entity().name();

  const std::set<std::string> seed_ids = SeedIds();
  std::map<std::string, const v1::Neighbor*> by_name;
  for (const v1::Neighbor& neighbor : response.neighbors()) {
    EXPECT_EQ(neighbor.relation(), v1::RELATION_INVESTED_IN);
    for (const std::string& name : NamesOf(neighbor.entity())) by_name[name] = &neighbor;
  }
  for (const char* company : {"Moonshot AI", "Zhipu AI", "MiniMax"}) {
    SCOPED_TRACE(company);
    ASSERT_TRUE(by_name.count(company)) << "Alibaba's invested-in neighbors lack " << company;
    const v1::Neighbor& neighbor = *by_name[company];
    EXPECT_EQ(neighbor.direction(), v1::DIRECTION_OUT);
    ASSERT_GT(neighbor.evidence_size(), 0);
    bool stated = false;
    for (const v1::Evidence& evidence : neighbor.evidence()) {
      ASSERT_TRUE(seed_ids.count(evidence.article_id())) << evidence.article_id();
      // The sentence is where the evidence says it is in the seed file.
      const std::string text = ReadWholeFile(SeedsDir() + "/" + evidence.article_id() + ".txt");
      ASSERT_LE(evidence.sentence_span().end(), text.size());
      EXPECT_EQ(text.substr(evidence.sentence_span().begin(),
                            evidence.sentence_span().end() - evidence.sentence_span().begin()),
                evidence.sentence());
      stated = stated || (ContainsAny(evidence.sentence(), NamesOf(neighbor.entity())) &&
                          ContainsAny(evidence.sentence(), NamesOf(response.entity())));
    }
    EXPECT_TRUE(stated) << "no evidence sentence names both Alibaba and " << company;
  }
}

TEST_F(SeededServerTest, NeighborsValidatesItsRequest) {
  v1::NeighborsRequest request;
  v1::NeighborsResponse response;
  EXPECT_RPC_ERROR(stub_->Neighbors(Context().get(), request, &response), INVALID_ARGUMENT,
                   "entity is required");

  request.set_entity("Alibaba");
  request.add_relations(v1::RELATION_UNSPECIFIED);
  EXPECT_RPC_ERROR(stub_->Neighbors(Context().get(), request, &response), INVALID_ARGUMENT,
                   "RELATION_UNSPECIFIED");

  request.clear_relations();
  request.add_relations(static_cast<v1::Relation>(42));
  EXPECT_RPC_ERROR(stub_->Neighbors(Context().get(), request, &response), INVALID_ARGUMENT,
                   "unknown value 42");

  request.clear_relations();
  request.set_direction(static_cast<v1::Direction>(9));
  EXPECT_RPC_ERROR(stub_->Neighbors(Context().get(), request, &response), INVALID_ARGUMENT,
                   "direction");

  request.set_direction(v1::DIRECTION_OUT);
  request.set_page_size(5000);
  EXPECT_RPC_ERROR(stub_->Neighbors(Context().get(), request, &response), INVALID_ARGUMENT,
                   "page_size must be between 1 and 1000");

  request.set_page_size(0);
  request.set_page_token("not a token");
  EXPECT_EQ(stub_->Neighbors(Context().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  request.set_page_token("");
  request.set_entity("Nobody Incorporated");
  EXPECT_RPC_ERROR(stub_->Neighbors(Context().get(), request, &response), NOT_FOUND,
                   "Nobody Incorporated");
}

TEST_F(SeededServerTest, NeighborsPagesCoverEveryNeighborOnce) {
  v1::NeighborsRequest request;
  request.set_entity("Alibaba");
  const v1::NeighborsResponse all = Neighbors(request);
  ASSERT_GT(all.neighbors_size(), 3);
  EXPECT_EQ(all.total_size(), static_cast<uint64_t>(all.neighbors_size()));

  request.set_page_size(2);
  std::vector<std::string> paged;
  int pages = 0;
  do {
    v1::NeighborsResponse page = Neighbors(request);
    ASSERT_LE(page.neighbors_size(), 2);
    for (const v1::Neighbor& n : page.neighbors()) {
      paged.push_back(absl::StrCat(n.entity().id(), "/", n.relation(), "/", n.direction()));
    }
    request.set_page_token(page.next_page_token());
    ASSERT_LT(++pages, 1000);
  } while (!request.page_token().empty());
  std::vector<std::string> expected;
  for (const v1::Neighbor& n : all.neighbors()) {
    expected.push_back(absl::StrCat(n.entity().id(), "/", n.relation(), "/", n.direction()));
  }
  EXPECT_EQ(paged, expected);
}

TEST_F(SeededServerTest, GetEntityResolvesNamesCaseAndIds) {
  v1::GetEntityRequest request;
  request.set_entity("alibaba");
  v1::GetEntityResponse response;
  ASSERT_TRUE(stub_->GetEntity(Context().get(), request, &response).ok());
  EXPECT_EQ(response.entity().name().find("Alibaba"), 0u);
  EXPECT_EQ(response.entity().type(), v1::ENTITY_TYPE_ORGANIZATION);
  bool invests = false;
  for (const v1::RelationDegree& degree : response.degrees()) {
    if (degree.relation() == v1::RELATION_INVESTED_IN) invests = degree.out_degree() >= 3;
  }
  EXPECT_TRUE(invests);
  const std::set<std::string> seed_ids = SeedIds();
  ASSERT_GT(response.article_ids_size(), 0);
  for (const std::string& id : response.article_ids()) EXPECT_TRUE(seed_ids.count(id)) << id;

  v1::GetEntityRequest by_id;
  by_id.set_entity(absl::StrCat(response.entity().id()));
  v1::GetEntityResponse again;
  ASSERT_TRUE(stub_->GetEntity(Context().get(), by_id, &again).ok());
  EXPECT_EQ(again.entity().id(), response.entity().id());

  v1::GetEntityRequest missing;
  EXPECT_RPC_ERROR(stub_->GetEntity(Context().get(), missing, &again), INVALID_ARGUMENT,
                   "entity is required");
  missing.set_entity("Nobody Incorporated");
  EXPECT_RPC_ERROR(stub_->GetEntity(Context().get(), missing, &again), NOT_FOUND,
                   "Nobody Incorporated");
}

TEST_F(SeededServerTest, SearchEntitiesCompletesPrefixes) {
  v1::SearchEntitiesRequest request;
  request.set_query("Alib");
  v1::SearchEntitiesResponse response;
  ASSERT_TRUE(stub_->SearchEntities(Context().get(), request, &response).ok());
  ASSERT_GT(response.matches_size(), 0);
  EXPECT_EQ(response.matches(0).entity().name().find("Alibaba"), 0u);
  EXPECT_LE(response.matches_size(), 10);
  for (int i = 1; i < response.matches_size(); ++i) {
    EXPECT_GE(response.matches(i - 1).score(), response.matches(i).score());
  }

  request.set_query("");
  EXPECT_RPC_ERROR(stub_->SearchEntities(Context().get(), request, &response), INVALID_ARGUMENT,
                   "query is required");
  request.set_query("Ali");
  request.set_page_size(101);
  EXPECT_RPC_ERROR(stub_->SearchEntities(Context().get(), request, &response), INVALID_ARGUMENT,
                   "page_size must be between 1 and 100");
}

// Typos on the seeds: transposed letters, and a typo in the first word of a name.
TEST_F(SeededServerTest, SearchEntitiesForgivesTypos) {
  for (const auto& [typo, wanted] : std::vector<std::pair<std::string, std::string>>{
           {"Alibaab", "Alibaba"}, {"Moonshto", "Moonshot AI"}, {"MiniMxa", "MiniMax"}}) {
    v1::SearchEntitiesRequest request;
    request.set_query(typo);
    v1::SearchEntitiesResponse response;
    ASSERT_TRUE(stub_->SearchEntities(Context().get(), request, &response).ok());
    ASSERT_GT(response.matches_size(), 0) << typo;
    const std::vector<std::string> names = NamesOf(response.matches(0).entity());
    EXPECT_NE(std::find(names.begin(), names.end(), wanted), names.end())
        << typo << " found " << response.matches(0).entity().name();
    EXPECT_EQ(response.matches(0).match_kind(), "fuzzy") << typo;
    for (int i = 1; i < response.matches_size(); ++i) {
      EXPECT_GE(response.matches(i - 1).score(), response.matches(i).score()) << typo;
    }
  }
}

TEST_F(SeededServerTest, NeighborhoodAroundAlibaba) {
  v1::NeighborhoodRequest request;
  request.set_entity("Alibaba");
  request.add_relations(v1::RELATION_INVESTED_IN);
  v1::NeighborhoodResponse response;
  ASSERT_TRUE(stub_->Neighborhood(Context().get(), request, &response).ok());
  ASSERT_GT(response.nodes_size(), 3);
  EXPECT_EQ(response.nodes(0).distance(), 0);
  EXPECT_EQ(response.nodes(0).entity().name().find("Alibaba"), 0u);
  std::set<std::string> names;
  for (const auto& node : response.nodes()) {
    EXPECT_LE(node.distance(), 1);
    names.insert(node.entity().name());
  }
  EXPECT_TRUE(names.count("Moonshot AI"));
  for (const v1::Edge& edge : response.edges()) {
    EXPECT_FALSE(edge.subject().name().empty());
    EXPECT_FALSE(edge.object().name().empty());
    EXPECT_EQ(edge.relation(), v1::RELATION_INVESTED_IN);
    EXPECT_GT(edge.evidence_size(), 0);
  }

  request.set_hops(7);
  EXPECT_RPC_ERROR(stub_->Neighborhood(Context().get(), request, &response), INVALID_ARGUMENT,
                   "hops must be between 1 and 6");
  request.set_hops(-1);
  EXPECT_EQ(stub_->Neighborhood(Context().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  request.set_hops(2);
  request.set_entity("");
  EXPECT_RPC_ERROR(stub_->Neighborhood(Context().get(), request, &response), INVALID_ARGUMENT,
                   "entity is required");
  request.set_entity("Nobody Incorporated");
  EXPECT_RPC_ERROR(stub_->Neighborhood(Context().get(), request, &response), NOT_FOUND,
                   "Nobody Incorporated");
}

TEST_F(SeededServerTest, FindPathsBetweenTwoInvestees) {
  v1::FindPathsRequest request;
  request.set_from_entity("Moonshot AI");
  request.set_to_entity("MiniMax");
  request.set_mode(v1::PATH_MODE_ALL_SHORTEST);
  v1::FindPathsResponse response;
  ASSERT_TRUE(stub_->FindPaths(Context().get(), request, &response).ok());
  ASSERT_GT(response.paths_size(), 0);
  for (const v1::Path& path : response.paths()) {
    ASSERT_EQ(path.entities_size(), path.hops_size() + 1);
    EXPECT_EQ(path.entities(0).name(), "Moonshot AI");
    EXPECT_EQ(path.entities(path.entities_size() - 1).name(), "MiniMax");
    for (const v1::PathHop& hop : path.hops()) EXPECT_GT(hop.evidence_size(), 0);
  }

  request.set_max_hops(9);
  EXPECT_RPC_ERROR(stub_->FindPaths(Context().get(), request, &response), INVALID_ARGUMENT,
                   "max_hops must be between 1 and 6");
  request.set_max_hops(0);
  request.set_max_paths(5000);
  EXPECT_RPC_ERROR(stub_->FindPaths(Context().get(), request, &response), INVALID_ARGUMENT,
                   "max_paths");
  request.set_max_paths(0);
  request.set_mode(static_cast<v1::PathMode>(7));
  EXPECT_RPC_ERROR(stub_->FindPaths(Context().get(), request, &response), INVALID_ARGUMENT, "mode");
  request.set_mode(v1::PATH_MODE_SHORTEST);
  request.set_to_entity("");
  EXPECT_RPC_ERROR(stub_->FindPaths(Context().get(), request, &response), INVALID_ARGUMENT,
                   "to_entity is required");
  request.set_to_entity("Nobody Incorporated");
  EXPECT_RPC_ERROR(stub_->FindPaths(Context().get(), request, &response), NOT_FOUND,
                   "Nobody Incorporated");
}

TEST_F(SeededServerTest, AskAnswersEnglishAndVietnamese) {
  for (const char* question :
       {"who did Alibaba invest in?", "Alibaba đã đầu tư vào những công ty nào?",
        "which companies has alibaba invested in"}) {
    SCOPED_TRACE(question);
    v1::AskRequest request;
    request.set_question(question);
    v1::AskResponse response;
    grpc::Status status = stub_->Ask(Context().get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_TRUE(response.has_traversal());
    EXPECT_EQ(response.traversal().entity().find("Alibaba"), 0u);
    ASSERT_EQ(response.traversal().steps_size(), 1);
    EXPECT_EQ(response.traversal().steps(0).relation(), v1::RELATION_INVESTED_IN);
    EXPECT_EQ(response.traversal().steps(0).direction(), v1::DIRECTION_OUT);
    EXPECT_TRUE(absl::StrContains(response.understood_as(), "invested"))
        << response.understood_as();
    std::set<std::string> names;
    for (const v1::AskAnswer& answer : response.answers()) {
      names.insert(answer.entity().name());
      ASSERT_EQ(answer.via_size(), 1);
      EXPECT_EQ(answer.via(0).object().id(), answer.entity().id());
      EXPECT_GT(answer.via(0).evidence_size(), 0);
    }
    for (const char* company : {"Moonshot AI", "Zhipu AI", "MiniMax"}) {
      EXPECT_TRUE(names.count(company)) << company;
    }
  }
}

TEST_F(SeededServerTest, AskFollowsInvertedAndChainedRelations) {
  struct Case {
    const char* question;
    const char* answer;
  };
  for (const Case& c :
       {Case{"ai đã đầu tư vào Moonshot AI", "Alibaba"},
        Case{"who invested in Zhipu AI?", "Alibaba"}, Case{"who founded Sogou", "Wang Xiaochuan"},
        Case{"where is MiniMax headquartered?", ""}, Case{"MiniMax có trụ sở ở đâu", ""}}) {
    SCOPED_TRACE(c.question);
    v1::AskRequest request;
    request.set_question(c.question);
    v1::AskResponse response;
    grpc::Status status = stub_->Ask(Context().get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_GT(response.answers_size(), 0) << response.understood_as();
    if (*c.answer == '\0') continue;
    bool found = false;
    for (const v1::AskAnswer& answer : response.answers()) {
      found = found || absl::StartsWith(answer.entity().name(), c.answer);
    }
    EXPECT_TRUE(found) << response.DebugString();
  }

  v1::AskRequest chain;
  chain.set_question("which companies did alumni of Alibaba found");
  v1::AskResponse response;
  ASSERT_TRUE(stub_->Ask(Context().get(), chain, &response).ok());
  ASSERT_EQ(response.traversal().steps_size(), 2);
  for (const v1::AskAnswer& answer : response.answers()) EXPECT_EQ(answer.via_size(), 2);
}

TEST_F(SeededServerTest, AskConnectionQuestionRunsFindPaths) {
  v1::AskRequest request;
  request.set_question("how is Moonshot AI connected to MiniMax?");
  v1::AskResponse response;
  grpc::Status status = stub_->Ask(Context().get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(response.has_find_paths());
  EXPECT_EQ(response.find_paths().from_entity(), "Moonshot AI");
  EXPECT_EQ(response.find_paths().to_entity(), "MiniMax");
  EXPECT_GT(response.paths_size(), 0);

  request.set_question("Moonshot AI và MiniMax liên quan với nhau thế nào?");
  ASSERT_TRUE(stub_->Ask(Context().get(), request, &response).ok());
  EXPECT_GT(response.paths_size(), 0);
}

TEST_F(SeededServerTest, AskTakesAShortenedNameWhenOnlyOneEntityFits) {
  v1::AskRequest request;
  request.set_question("how is Misa Zhu connected to Eddie Wu?");
  v1::AskResponse response;
  grpc::Status status = stub_->Ask(Context().get(), request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(response.has_find_paths());
  // "Misa Zhu" is no name or alias of anyone; the one entity it starts is taken.
  v1::SearchEntitiesRequest search;
  search.set_query("Misa Zhu");
  v1::SearchEntitiesResponse matches;
  ASSERT_TRUE(stub_->SearchEntities(Context().get(), search, &matches).ok());
  ASSERT_EQ(matches.matches_size(), 1);
  EXPECT_EQ(response.find_paths().from_entity(), matches.matches(0).entity().name());
  EXPECT_TRUE(absl::StrContains(response.understood_as(), matches.matches(0).entity().name()));
  // Misa Zhu founded Rokid, which Vision Plus Capital backed, which Eddie Wu founded.
  ASSERT_GT(response.paths_size(), 0) << response.DebugString();
  for (const v1::Path& path : response.paths()) {
    EXPECT_EQ(path.entities(0).name(), response.find_paths().from_entity());
    EXPECT_EQ(path.entities(path.entities_size() - 1).name(), response.find_paths().to_entity());
  }

  // A prefix of several entities is not guessed: they are offered instead.
  search.set_query("Ali");
  ASSERT_TRUE(stub_->SearchEntities(Context().get(), search, &matches).ok());
  ASSERT_GT(matches.matches_size(), 1);
  request.set_question("who founded Ali");
  EXPECT_RPC_ERROR(stub_->Ask(Context().get(), request, &response), NOT_FOUND, "did you mean");
}

TEST_F(SeededServerTest, AskRejectsWhatItCannotParseOrFind) {
  v1::AskRequest request;
  v1::AskResponse response;
  EXPECT_RPC_ERROR(stub_->Ask(Context().get(), request, &response), INVALID_ARGUMENT,
                   "question is required");
  request.set_question("what is the weather in Hanoi");
  EXPECT_RPC_ERROR(stub_->Ask(Context().get(), request, &response), INVALID_ARGUMENT,
                   "who did Alibaba invest in");
  request.set_question("who founded Nobody Incorporated");
  EXPECT_RPC_ERROR(stub_->Ask(Context().get(), request, &response), NOT_FOUND,
                   "Nobody Incorporated");
}

TEST_F(SeededServerTest, ListArticlesPagesThroughTheSeeds) {
  v1::ListArticlesRequest request;
  v1::ListArticlesResponse response;
  ASSERT_TRUE(stub_->ListArticles(Context().get(), request, &response).ok());
  std::set<std::string> ids;
  for (const v1::Article& article : response.articles()) {
    ids.insert(article.id());
    EXPECT_FALSE(article.title().empty());
    EXPECT_GT(article.text_bytes(), 0u);
  }
  EXPECT_EQ(ids, SeedIds());
  EXPECT_TRUE(response.next_page_token().empty());

  request.set_page_size(2);
  std::set<std::string> paged;
  do {
    v1::ListArticlesResponse page;
    ASSERT_TRUE(stub_->ListArticles(Context().get(), request, &page).ok());
    ASSERT_LE(page.articles_size(), 2);
    for (const v1::Article& article : page.articles()) paged.insert(article.id());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  EXPECT_EQ(paged, SeedIds());

  request.set_page_size(-1);
  EXPECT_RPC_ERROR(stub_->ListArticles(Context().get(), request, &response), INVALID_ARGUMENT,
                   "page_size");
}

TEST_F(SeededServerTest, GetStatsCountsTheSeeds) {
  v1::GetStatsResponse stats;
  ASSERT_TRUE(stub_->GetStats(Context().get(), v1::GetStatsRequest(), &stats).ok());
  EXPECT_EQ(stats.articles(), SeedIds().size());
  EXPECT_GT(stats.entities(), 5u);
  EXPECT_GT(stats.edges(), 5u);
  EXPECT_GE(stats.evidence(), stats.edges());
  uint64_t sum = 0;
  for (const v1::RelationCount& count : stats.edges_by_relation()) sum += count.edges();
  EXPECT_EQ(sum, stats.edges());
}

TEST_F(SeededServerTest, ExportGraphStreamsEntitiesBeforeEdges) {
  v1::GetStatsResponse stats;
  ASSERT_TRUE(stub_->GetStats(Context().get(), v1::GetStatsRequest(), &stats).ok());

  auto context = Context();
  std::unique_ptr<grpc::ClientReader<v1::ExportGraphResponse>> reader =
      stub_->ExportGraph(context.get(), v1::ExportGraphRequest());
  v1::ExportGraphResponse item;
  std::set<uint64_t> entities;
  uint64_t edges = 0;
  while (reader->Read(&item)) {
    if (item.has_entity()) {
      EXPECT_EQ(edges, 0u) << "an entity came after an edge";
      entities.insert(item.entity().id());
    } else {
      ASSERT_TRUE(item.has_edge());
      ++edges;
      EXPECT_TRUE(entities.count(item.edge().subject().id()));
      EXPECT_TRUE(entities.count(item.edge().object().id()));
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(entities.size(), stats.entities());
  EXPECT_EQ(edges, stats.edges());

  v1::ExportGraphRequest around;
  around.set_around_entity("Alibaba");
  around.set_hops(1);
  auto around_context = Context();
  auto around_reader = stub_->ExportGraph(around_context.get(), around);
  uint64_t around_items = 0;
  while (around_reader->Read(&item)) ++around_items;
  ASSERT_TRUE(around_reader->Finish().ok());
  EXPECT_GT(around_items, 3u);
  EXPECT_LT(around_items, entities.size() + edges);

  around.set_hops(9);
  auto bad_context = Context();
  auto bad_reader = stub_->ExportGraph(bad_context.get(), around);
  while (bad_reader->Read(&item)) {
  }
  EXPECT_RPC_ERROR(bad_reader->Finish(), INVALID_ARGUMENT, "hops must be between 1 and 6");

  around.set_hops(1);
  around.set_around_entity("Nobody Incorporated");
  auto missing_context = Context();
  auto missing_reader = stub_->ExportGraph(missing_context.get(), around);
  while (missing_reader->Read(&item)) {
  }
  EXPECT_RPC_ERROR(missing_reader->Finish(), NOT_FOUND, "Nobody Incorporated");
}

// A traversal stops when the caller's deadline passes: the server itself answers
// DEADLINE_EXCEEDED (its log line says so), soon after the deadline rather than after
// the whole traversal and the reading of everything it found.
TEST(DeadlineTest, TraversalStopsAtTheCallersDeadline) {
  ServerOptions options;
  options.log_requests = true;
  std::unique_ptr<KgServer> server = StartServer("deadline", /*seeds=*/false, options);
  ASSERT_NE(server, nullptr);
  std::vector<graph::BulkEntity> entities(30000);
  for (size_t i = 0; i < entities.size(); ++i) {
    entities[i].name = absl::StrCat("Company ", i);
    entities[i].type = graph::EntityType::kOrganization;
  }
  std::vector<graph::BulkEdge> edges;
  uint64_t state = 12345;  // A fixed linear congruential sequence: the same graph each run.
  for (uint32_t i = 0; i < entities.size(); ++i) {
    for (int k = 0; k < 8; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      edges.push_back({i, graph::RelationType::kInvestedIn,
                       static_cast<uint32_t>((state >> 33) % entities.size())});
    }
  }
  ASSERT_TRUE(server->store()->BulkLoad(entities, edges).ok());
  grpc::ChannelArguments unlimited;
  unlimited.SetMaxReceiveMessageSize(-1);  // The full answer is larger than the 4 MiB default.
  auto stub = v1::KnowledgeGraph::NewStub(grpc::CreateCustomChannel(
      absl::StrCat("127.0.0.1:", server->port()), grpc::InsecureChannelCredentials(), unlimited));
  v1::NeighborhoodRequest request;
  request.set_entity("Company 0");
  request.set_hops(6);
  request.set_max_nodes(100000);
  request.set_max_edges(500000);
  request.set_max_fanout(100000);

  ::testing::internal::CaptureStderr();
  const auto begin = std::chrono::steady_clock::now();
  v1::NeighborhoodResponse full;
  grpc::Status status = stub->Neighborhood(Context(std::chrono::seconds(60)).get(), request, &full);
  const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - begin)
                           .count();
  v1::NeighborhoodResponse cut;
  grpc::Status late =
      stub->Neighborhood(Context(std::chrono::milliseconds(20)).get(), request, &cut);
  server->Shutdown(absl::Seconds(30));  // Waits for the cut call to finish and log.
  const std::string log = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_GT(full.nodes_size(), 1000);
  ASSERT_GT(full_ms, 150) << "the graph is too small for this test to mean anything";
  EXPECT_EQ(late.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The second logged Neighborhood call is the one with the 20 ms deadline.
  std::vector<std::string> lines;
  std::vector<double> durations;
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (!absl::StrContains(line, "rpc=Neighborhood")) continue;
    double ms = 0;
    ASSERT_TRUE(absl::SimpleAtod(line.substr(line.find("ms=") + 3), &ms)) << line;
    lines.emplace_back(line);
    durations.push_back(ms);
  }
  ASSERT_EQ(durations.size(), 2u) << log;
  std::printf("deadline test: whole traversal %.1f ms, cut by a 20 ms deadline %.1f ms\n",
              durations[0], durations[1]);
  EXPECT_TRUE(absl::StrContains(lines[0], "code=OK")) << lines[0];
  EXPECT_TRUE(absl::StrContains(lines[1], "code=DEADLINE_EXCEEDED")) << lines[1];
  // An absolute bound, generous against a loaded machine (or a sanitizer build), yet
  // well under what the whole traversal costs there.
  EXPECT_LT(durations[1], 1000.0) << log;
}

// ---- Servers of their own: health, writes, auth, restarts. ----

TEST(ServerLifecycleTest, HealthIsNotServingUntilTheSeedsAreLoaded) {
  std::unique_ptr<KgServer> server = StartServer("health", /*seeds=*/false);
  ASSERT_NE(server, nullptr);
  auto channel = testing::ChannelTo(server->port());
  EXPECT_EQ(testing::Health(channel), HealthStatus::NOT_SERVING);
  EXPECT_EQ(testing::Health(channel, "kg.v1.KnowledgeGraph"), HealthStatus::NOT_SERVING);
  absl::StatusOr<SeedReport> report = server->LoadSeeds(SeedsDir());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->added, SeedIds().size());
  server->SetServing(true);
  EXPECT_EQ(testing::Health(channel), HealthStatus::SERVING);
  EXPECT_EQ(testing::Health(channel, "kg.v1.KnowledgeGraph"), HealthStatus::SERVING);
}

// A Watch started before the seeds load sees NOT_SERVING, then SERVING once they are
// loaded, then NOT_SERVING when shutdown begins, and its stream ends without holding
// up the shutdown.
TEST(HealthTest, WatchFollowsStartupAndShutdown) {
  std::unique_ptr<KgServer> server = StartServer("health_watch", /*seeds=*/false);
  ASSERT_NE(server, nullptr);
  auto channel = testing::ChannelTo(server->port());
  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::health::v1::HealthCheckResponse response;

  grpc::ClientContext service_context;
  service_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  grpc::health::v1::HealthCheckRequest service_request;
  service_request.set_service("kg.v1.KnowledgeGraph");
  auto service_watch = health->Watch(&service_context, service_request);
  ASSERT_TRUE(service_watch->Read(&response));
  EXPECT_EQ(response.status(), HealthStatus::NOT_SERVING);

  grpc::ClientContext server_context;
  server_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto server_watch = health->Watch(&server_context, grpc::health::v1::HealthCheckRequest());
  ASSERT_TRUE(server_watch->Read(&response));
  EXPECT_EQ(response.status(), HealthStatus::NOT_SERVING);
  EXPECT_EQ(testing::Health(channel), HealthStatus::NOT_SERVING);

  absl::StatusOr<SeedReport> report = server->LoadSeeds(SeedsDir());
  ASSERT_TRUE(report.ok()) << report.status();
  server->SetServing(true);
  ASSERT_TRUE(service_watch->Read(&response));
  EXPECT_EQ(response.status(), HealthStatus::SERVING);
  ASSERT_TRUE(server_watch->Read(&response));
  EXPECT_EQ(response.status(), HealthStatus::SERVING);
  EXPECT_EQ(testing::Health(channel, "kg.v1.KnowledgeGraph"), HealthStatus::SERVING);

  // The grace period is long; open watches must not make the shutdown use it.
  const auto begin = std::chrono::steady_clock::now();
  std::thread stopper([&] { server->Shutdown(absl::Seconds(60)); });
  for (auto* watch : {service_watch.get(), server_watch.get()}) {
    ASSERT_TRUE(watch->Read(&response));
    EXPECT_EQ(response.status(), HealthStatus::NOT_SERVING);
    EXPECT_FALSE(watch->Read(&response));
    const grpc::Status finished = watch->Finish();
    EXPECT_TRUE(finished.ok()) << finished.error_message();
  }
  stopper.join();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(20));
}

TEST(HealthTest, UnknownServiceIsNotFoundOrServiceUnknown) {
  std::unique_ptr<KgServer> server = StartServer("health_unknown", /*seeds=*/true);
  ASSERT_NE(server, nullptr);
  auto health = grpc::health::v1::Health::NewStub(testing::ChannelTo(server->port()));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service("kg.v1.NoSuchService");
  grpc::health::v1::HealthCheckResponse response;
  EXPECT_RPC_ERROR(health->Check(Context().get(), request, &response), NOT_FOUND,
                   "kg.v1.NoSuchService");

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  auto watch = health->Watch(&context, request);
  ASSERT_TRUE(watch->Read(&response));
  EXPECT_EQ(response.status(), HealthStatus::SERVICE_UNKNOWN);
  // The watch stays open (the service might appear) until the client cancels.
  context.TryCancel();
  EXPECT_FALSE(watch->Read(&response));
  EXPECT_EQ(watch->Finish().error_code(), grpc::StatusCode::CANCELLED);
  // The server noticed: shutting down does not wait for that watch.
  const auto begin = std::chrono::steady_clock::now();
  server->Shutdown(absl::Seconds(60));
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(20));
}

// Each Watch holds a server thread, so their number is capped: one over the cap is
// RESOURCE_EXHAUSTED with a message that says what to do, and a closed watch frees
// its place for the next one.
TEST(HealthTest, OpenWatchesAreCapped) {
  ServerOptions options;
  options.max_health_watches = 2;
  std::unique_ptr<KgServer> server = StartServer("health_cap", /*seeds=*/true, options);
  ASSERT_NE(server, nullptr);
  auto health = grpc::health::v1::Health::NewStub(testing::ChannelTo(server->port()));
  grpc::health::v1::HealthCheckResponse response;
  auto deadline = [] { return std::chrono::system_clock::now() + std::chrono::seconds(60); };

  grpc::ClientContext first_context, second_context;
  first_context.set_deadline(deadline());
  second_context.set_deadline(deadline());
  auto first = health->Watch(&first_context, grpc::health::v1::HealthCheckRequest());
  auto second = health->Watch(&second_context, grpc::health::v1::HealthCheckRequest());
  ASSERT_TRUE(first->Read(&response));
  ASSERT_TRUE(second->Read(&response));

  {
    grpc::ClientContext context;
    context.set_deadline(deadline());
    auto third = health->Watch(&context, grpc::health::v1::HealthCheckRequest());
    EXPECT_FALSE(third->Read(&response));
    const grpc::Status status = third->Finish();
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_NE(status.error_message().find("Health/Check"), std::string::npos)
        << status.error_message();
  }
  // Check is not limited.
  EXPECT_EQ(testing::Health(testing::ChannelTo(server->port())), HealthStatus::SERVING);

  first_context.TryCancel();
  EXPECT_FALSE(first->Read(&response));
  first->Finish();
  // The server notices the cancellation within its poll interval; then a watch fits.
  bool admitted = false;
  for (int attempt = 0; attempt < 100 && !admitted; ++attempt) {
    grpc::ClientContext context;
    context.set_deadline(deadline());
    auto again = health->Watch(&context, grpc::health::v1::HealthCheckRequest());
    admitted = again->Read(&response);
    if (admitted) {
      EXPECT_EQ(response.status(), HealthStatus::SERVING);
      context.TryCancel();
      again->Read(&response);
      again->Finish();
    } else {
      EXPECT_EQ(again->Finish().error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  EXPECT_TRUE(admitted);
  second_context.TryCancel();
  second->Read(&response);
  second->Finish();
}

TEST(ServerLifecycleTest, RestartOnTheSameStoreDuplicatesNothing) {
  const std::string db = kg::testing::FreshDir("restart");
  ServerOptions options;
  options.db_path = db;
  v1::GetStatsResponse first;
  {
    std::unique_ptr<KgServer> server = StartServer("restart", /*seeds=*/true, options);
    ASSERT_NE(server, nullptr);
    ASSERT_TRUE(StubFor(server->port())->GetStats(Context().get(), {}, &first).ok());
    server->Shutdown(absl::Seconds(2));
  }
  std::unique_ptr<KgServer> server = StartServer("restart", /*seeds=*/false, options);
  ASSERT_NE(server, nullptr);
  absl::StatusOr<SeedReport> report = server->LoadSeeds(SeedsDir());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->unchanged, SeedIds().size());
  EXPECT_EQ(report->added, 0u);
  v1::GetStatsResponse second;
  ASSERT_TRUE(StubFor(server->port())->GetStats(Context().get(), {}, &second).ok());
  EXPECT_EQ(second.SerializeAsString(), first.SerializeAsString())
      << first.DebugString() << " vs " << second.DebugString();
}

TEST(ServerLifecycleTest, BadSeedIsSkippedAndTheOthersLoad) {
  const std::string seeds = kg::testing::FreshDir("bad_seeds");
  std::filesystem::copy_file(SeedsDir() + "/" + *SeedIds().begin() + ".txt", seeds + "/good.txt");
  {
    std::ofstream bad(seeds + "/bad.txt", std::ios::binary);
    bad << "Tiêu đề\nAlibaba \xff\xfe đầu tư";
  }
  std::unique_ptr<KgServer> server = StartServer("bad_seeds_db", /*seeds=*/false);
  ASSERT_NE(server, nullptr);
  absl::StatusOr<SeedReport> report = server->LoadSeeds(seeds);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->files, 2u);
  EXPECT_EQ(report->added, 1u);
  ASSERT_EQ(report->skipped.size(), 1u);
  EXPECT_TRUE(absl::StrContains(report->skipped[0], "bad.txt")) << report->skipped[0];
  EXPECT_TRUE(absl::StrContains(report->skipped[0], "byte offset 20")) << report->skipped[0];
}

TEST(ServerLifecycleTest, NonLoopbackNeedsATokenOrConsent) {
  ServerOptions options;
  options.listen = "0.0.0.0:0";
  options.db_path = kg::testing::FreshDir("exposed");
  absl::StatusOr<std::unique_ptr<KgServer>> refused = KgServer::Start(options);
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "--auth_token_file"));
  options.allow_unauthenticated_writes = true;
  absl::StatusOr<std::unique_ptr<KgServer>> allowed = KgServer::Start(options);
  ASSERT_TRUE(allowed.ok()) << allowed.status();
  EXPECT_GT((*allowed)->port(), 0);
}

class WritableServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.max_article_bytes = 4096;
    server_ = StartServer("writable", /*seeds=*/true, options);
    ASSERT_NE(server_, nullptr);
    stub_ = StubFor(server_->port());
  }
  v1::GetStatsResponse Stats() {
    v1::GetStatsResponse stats;
    EXPECT_TRUE(stub_->GetStats(Context().get(), {}, &stats).ok());
    return stats;
  }
  std::unique_ptr<KgServer> server_;
  std::unique_ptr<v1::KnowledgeGraph::Stub> stub_;
};

TEST_F(WritableServerTest, IngestIsIdempotentAndDeleteUndoesIt) {
  const v1::GetStatsResponse before = Stats();
  v1::IngestArticleRequest request;
  request.set_text(kArticle);
  request.set_source_url("https://example.com/lotus");
  v1::IngestArticleResponse added;
  grpc::Status status = stub_->IngestArticle(Context().get(), request, &added);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(added.outcome(), v1::INGEST_OUTCOME_ADDED);
  EXPECT_EQ(added.article_id().rfind("text-", 0), 0u) << added.article_id();
  ASSERT_GE(added.facts_size(), 2) << added.DebugString();
  for (const v1::Edge& fact : added.facts()) {
    ASSERT_EQ(fact.evidence_size(), 1);
    EXPECT_EQ(fact.evidence(0).article_id(), added.article_id());
    EXPECT_FALSE(fact.subject().name().empty());
  }
  const v1::GetStatsResponse after = Stats();
  EXPECT_EQ(after.articles(), before.articles() + 1);
  EXPECT_GT(after.edges(), before.edges());

  // The same text again: the same id, nothing changes.
  v1::IngestArticleResponse again;
  ASSERT_TRUE(stub_->IngestArticle(Context().get(), request, &again).ok());
  EXPECT_EQ(again.article_id(), added.article_id());
  EXPECT_EQ(again.outcome(), v1::INGEST_OUTCOME_UNCHANGED);
  EXPECT_EQ(Stats().SerializeAsString(), after.SerializeAsString());

  v1::ListArticlesResponse articles;
  ASSERT_TRUE(stub_->ListArticles(Context().get(), {}, &articles).ok());
  bool listed = false;
  for (const v1::Article& article : articles.articles()) {
    if (article.id() != added.article_id()) continue;
    listed = true;
    EXPECT_EQ(article.title(), "Quỹ đầu tư Lotus Ventures công bố danh mục mới");
    EXPECT_EQ(article.source_url(), "https://example.com/lotus");
  }
  EXPECT_TRUE(listed);

  v1::DeleteArticleRequest remove;
  remove.set_id(added.article_id());
  v1::DeleteArticleResponse removed;
  ASSERT_TRUE(stub_->DeleteArticle(Context().get(), remove, &removed).ok());
  EXPECT_GT(removed.edges_removed(), 0u);
  EXPECT_EQ(Stats().SerializeAsString(), before.SerializeAsString());

  EXPECT_RPC_ERROR(stub_->DeleteArticle(Context().get(), remove, &removed), NOT_FOUND,
                   added.article_id());
  remove.set_id("");
  EXPECT_RPC_ERROR(stub_->DeleteArticle(Context().get(), remove, &removed), INVALID_ARGUMENT,
                   "id is required");
}

TEST_F(WritableServerTest, IngestRejectsBadText) {
  const v1::GetStatsResponse before = Stats();
  v1::IngestArticleRequest request;
  v1::IngestArticleResponse response;
  EXPECT_RPC_ERROR(stub_->IngestArticle(Context().get(), request, &response), INVALID_ARGUMENT,
                   "text is required");
  request.set_text(std::string("Alibaba \xc3\x28 Rokid", 16));
  EXPECT_RPC_ERROR(stub_->IngestArticle(Context().get(), request, &response), INVALID_ARGUMENT,
                   "byte offset 8");
  request.set_text(std::string(5000, 'a'));
  EXPECT_RPC_ERROR(stub_->IngestArticle(Context().get(), request, &response), INVALID_ARGUMENT,
                   "at most 4096 bytes");
  // Past the receive limit gRPC itself refuses the message.
  request.set_text(std::string(3 << 20, 'a'));
  EXPECT_EQ(stub_->IngestArticle(Context().get(), request, &response).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(Stats().SerializeAsString(), before.SerializeAsString());
}

TEST_F(WritableServerTest, ReadersSeeNoneOrAllOfAnArticle) {
  // Learn how many invested-in edges the article gives Lotus Ventures.
  v1::IngestArticleRequest request;
  request.set_id("lotus");
  request.set_text(kArticle);
  v1::IngestArticleResponse response;
  ASSERT_TRUE(stub_->IngestArticle(Context().get(), request, &response).ok());
  v1::NeighborsRequest query;
  query.set_entity("Lotus Ventures");
  v1::NeighborsResponse full;
  ASSERT_TRUE(stub_->Neighbors(Context().get(), query, &full).ok());
  const int complete = full.neighbors_size();
  ASSERT_GE(complete, 2);
  v1::DeleteArticleRequest remove;
  remove.set_id("lotus");
  v1::DeleteArticleResponse removed;
  ASSERT_TRUE(stub_->DeleteArticle(Context().get(), remove, &removed).ok());

  std::atomic<bool> stop{false};
  std::atomic<int> partial{0};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) {
    readers.emplace_back([&] {
      auto stub = StubFor(server_->port());
      while (!stop.load()) {
        v1::NeighborsResponse seen;
        grpc::Status status = stub->Neighbors(Context().get(), query, &seen);
        if (status.ok()) {
          ++reads;
          if (seen.neighbors_size() != complete) ++partial;
        } else if (status.error_code() != grpc::StatusCode::NOT_FOUND) {
          ++partial;  // Only "not there yet" is an acceptable failure.
        }
      }
    });
  }
  for (int round = 0; round < 15; ++round) {
    ASSERT_TRUE(stub_->IngestArticle(Context().get(), request, &response).ok());
    ASSERT_TRUE(stub_->DeleteArticle(Context().get(), remove, &removed).ok());
  }
  stop = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(partial.load(), 0) << "of " << reads.load() << " reads";
}

TEST(AuthTest, WritesNeedTheBearerToken) {
  ServerOptions options;
  options.auth_token = "s3cret-token";
  std::unique_ptr<KgServer> server = StartServer("auth", /*seeds=*/true, options);
  ASSERT_NE(server, nullptr);
  auto stub = StubFor(server->port());
  v1::GetStatsResponse before;
  ASSERT_TRUE(stub->GetStats(Context().get(), {}, &before).ok());  // Reads need no token.

  v1::IngestArticleRequest request;
  request.set_id("lotus");
  request.set_text(kArticle);
  v1::IngestArticleResponse response;
  EXPECT_RPC_ERROR(stub->IngestArticle(Context().get(), request, &response), UNAUTHENTICATED,
                   "authorization: Bearer");
  auto wrong = Context();
  wrong->AddMetadata("authorization", "Bearer not-the-token");
  EXPECT_EQ(stub->IngestArticle(wrong.get(), request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  auto basic = Context();
  basic->AddMetadata("authorization", "Basic s3cret-token");
  EXPECT_EQ(stub->IngestArticle(basic.get(), request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::DeleteArticleRequest remove;
  remove.set_id(*SeedIds().begin());
  v1::DeleteArticleResponse removed;
  EXPECT_EQ(stub->DeleteArticle(Context().get(), remove, &removed).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::GetStatsResponse unchanged;
  ASSERT_TRUE(stub->GetStats(Context().get(), {}, &unchanged).ok());
  EXPECT_EQ(unchanged.SerializeAsString(), before.SerializeAsString()) << "nothing written";

  auto right = Context();
  right->AddMetadata("authorization", "Bearer s3cret-token");
  grpc::Status status = stub->IngestArticle(right.get(), request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  auto right_delete = Context();
  right_delete->AddMetadata("authorization", "Bearer s3cret-token");
  remove.set_id("lotus");
  status = stub->DeleteArticle(right_delete.get(), remove, &removed);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST(TlsTest, ServesOverTlsWithASelfSignedCertificate) {
  if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "openssl is not installed, so no certificate can be made for this test";
  }
  const std::string dir = kg::testing::FreshDir("tls");
  const std::string command = absl::StrCat(
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout ",
      dir, "/key.pem -out ", dir, "/cert.pem >/dev/null 2>&1");
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  ServerOptions options;
  options.tls_cert_pem = ReadWholeFile(dir + "/cert.pem");
  options.tls_key_pem = ReadWholeFile(dir + "/key.pem");
  std::unique_ptr<KgServer> server = StartServer("tls_db", /*seeds=*/true, options);
  ASSERT_NE(server, nullptr);

  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = options.tls_cert_pem;
  // The certificate names localhost; connecting by address skips a DNS lookup.
  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");
  auto stub = v1::KnowledgeGraph::NewStub(grpc::CreateCustomChannel(
      absl::StrCat("127.0.0.1:", server->port()), grpc::SslCredentials(ssl), args));
  v1::GetStatsResponse stats;
  grpc::Status status = stub->GetStats(Context().get(), {}, &stats);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(stats.articles(), SeedIds().size());

  // A plaintext client cannot talk to it.
  auto plaintext = StubFor(server->port());
  EXPECT_FALSE(plaintext->GetStats(Context(std::chrono::seconds(2)).get(), {}, &stats).ok());

  ServerOptions half;
  half.tls_cert_pem = options.tls_cert_pem;
  half.db_path = kg::testing::FreshDir("tls_half");
  half.listen = "127.0.0.1:0";
  EXPECT_EQ(KgServer::Start(half).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kg::server
