#include "server/convert.h"

#include <string>

#include "gtest/gtest.h"
#include "proto/kg.pb.h"

namespace kg::server {
namespace {

TEST(ConvertTest, StatusCodesCrossUnchanged) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  grpc::Status status = ToGrpcStatus(absl::NotFoundError("no entity named \"Nobody\""));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "no entity named \"Nobody\"");
  EXPECT_EQ(ToGrpcStatus(absl::InvalidArgumentError("x")).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ToGrpcStatus(absl::UnauthenticatedError("x")).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ToGrpcStatus(absl::DeadlineExceededError("x")).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_EQ(ToGrpcStatus(absl::ResourceExhaustedError("x")).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST(ConvertTest, RelationsRoundTrip) {
  for (graph::RelationType relation : graph::kAllRelationTypes) {
    absl::StatusOr<graph::RelationType> back =
        RelationFromProto(RelationToProto(relation), "relations[0]");
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, relation);
  }
}

TEST(ConvertTest, UnspecifiedRelationSaysWhatToSend) {
  absl::StatusOr<graph::RelationType> relation =
      RelationFromProto(v1::RELATION_UNSPECIFIED, "relations[1]");
  ASSERT_EQ(relation.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(relation.status().message().find("relations[1]"), std::string::npos);
  EXPECT_NE(relation.status().message().find("RELATION_INVESTED_IN"), std::string::npos);
}

TEST(ConvertTest, UnknownRelationValueIsRejected) {
  v1::NeighborsRequest request;
  request.set_entity("Alibaba");
  request.add_relations(v1::RELATION_INVESTED_IN);
  request.add_relations(static_cast<v1::Relation>(42));
  absl::StatusOr<graph::NeighborsQuery> query = NeighborsQueryFromProto(request);
  ASSERT_EQ(query.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(query.status().message().find("42"), std::string::npos);
  EXPECT_NE(query.status().message().find("relations[1]"), std::string::npos);
}

TEST(ConvertTest, NeighborsRequestDefaults) {
  v1::NeighborsRequest request;
  request.set_entity("Zhipu AI");
  request.add_relations(v1::RELATION_HQ_IN);
  request.add_relations(v1::RELATION_HQ_IN);
  absl::StatusOr<graph::NeighborsQuery> query = NeighborsQueryFromProto(request);
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_EQ(query->entity, "Zhipu AI");
  EXPECT_EQ(query->page_size, 50u);
  EXPECT_EQ(query->direction, graph::Direction::kBoth);
  ASSERT_EQ(query->relations.size(), 1u);  // Duplicates collapse.
  EXPECT_EQ(query->relations[0], graph::RelationType::kHqIn);
}

TEST(ConvertTest, MissingEntityIsInvalidArgumentNamingTheField) {
  v1::NeighborsRequest request;
  absl::StatusOr<graph::NeighborsQuery> query = NeighborsQueryFromProto(request);
  ASSERT_EQ(query.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(query.status().message().find("entity is required"), std::string::npos);

  v1::FindPathsRequest paths;
  paths.set_from_entity("Rokid");
  absl::StatusOr<graph::PathQuery> path_query = PathQueryFromProto(paths);
  ASSERT_EQ(path_query.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(path_query.status().message().find("to_entity"), std::string::npos);
}

TEST(ConvertTest, BoundsAreCheckedWithTheRangeInTheMessage) {
  EXPECT_EQ(*BoundedOrDefault(0, 4, 6, "max_hops"), 4);
  EXPECT_EQ(*BoundedOrDefault(6, 4, 6, "max_hops"), 6);
  absl::StatusOr<int64_t> too_many = BoundedOrDefault(9, 4, 6, "max_hops");
  ASSERT_EQ(too_many.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(too_many.status().message().find("max_hops must be between 1 and 6"),
            std::string::npos);
  EXPECT_NE(too_many.status().message().find("got 9"), std::string::npos);
  EXPECT_EQ(BoundedOrDefault(-1, 50, 1000, "page_size").status().code(),
            absl::StatusCode::kInvalidArgument);

  v1::NeighborhoodRequest around;
  around.set_entity("Alibaba");
  around.set_hops(7);
  EXPECT_EQ(NeighborhoodQueryFromProto(around).status().code(), absl::StatusCode::kInvalidArgument);
  around.set_hops(0);
  absl::StatusOr<graph::NeighborhoodQuery> query = NeighborhoodQueryFromProto(around);
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_EQ(query->hops, 1);
  EXPECT_EQ(query->max_nodes, 1000u);
}

TEST(ConvertTest, PathRequestModesAndDefaults) {
  v1::FindPathsRequest request;
  request.set_from_entity("Misa Zhu");
  request.set_to_entity("Eddie Wu");
  absl::StatusOr<graph::PathQuery> query = PathQueryFromProto(request);
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_EQ(query->mode, graph::PathMode::kShortest);
  EXPECT_EQ(query->max_hops, 4);
  EXPECT_EQ(query->max_paths, 10u);
  request.set_mode(v1::PATH_MODE_ALL);
  EXPECT_EQ(PathQueryFromProto(request)->mode, graph::PathMode::kAllUpToMaxHops);
  request.set_mode(static_cast<v1::PathMode>(7));
  EXPECT_EQ(PathQueryFromProto(request).status().code(), absl::StatusCode::kInvalidArgument);
  request.set_mode(v1::PATH_MODE_SHORTEST);
  request.set_direction(static_cast<v1::Direction>(9));
  EXPECT_EQ(PathQueryFromProto(request).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ConvertTest, NeighborBecomesEdgeInTheRightDirection) {
  graph::Entity alibaba{1, "Alibaba", graph::EntityType::kOrganization, {"Alibaba Group"}};
  graph::Neighbor neighbor;
  neighbor.entity = graph::Entity{2, "Moonshot AI", graph::EntityType::kOrganization, {}};
  neighbor.relation = graph::RelationType::kInvestedIn;
  neighbor.direction = graph::Direction::kOut;
  graph::Evidence evidence;
  evidence.article_id = "001";
  evidence.sentence = "Alibaba backed Moonshot AI.";
  evidence.sentence_span = {10, 37};
  evidence.qualifiers["year"] = "2024";
  neighbor.evidence.push_back(evidence);

  v1::Edge edge;
  NeighborAsEdgeToProto(alibaba, neighbor, &edge);
  EXPECT_EQ(edge.subject().name(), "Alibaba");
  EXPECT_EQ(edge.object().name(), "Moonshot AI");
  EXPECT_EQ(edge.relation(), v1::RELATION_INVESTED_IN);
  ASSERT_EQ(edge.evidence_size(), 1);
  EXPECT_EQ(edge.evidence(0).sentence_span().end(), 37u);
  EXPECT_EQ(edge.evidence(0).qualifiers().at("year"), "2024");

  neighbor.direction = graph::Direction::kIn;
  v1::Edge reverse;
  NeighborAsEdgeToProto(alibaba, neighbor, &reverse);
  EXPECT_EQ(reverse.subject().name(), "Moonshot AI");
  EXPECT_EQ(reverse.object().name(), "Alibaba");
}

TEST(ConvertTest, IngestRequestFromWireKeepsBytesProtobufWouldReject) {
  v1::IngestArticleRequest request;
  request.set_id("a1");
  request.set_title("Tiêu đề");
  request.set_text("Lotus Ventures đã đầu tư vào Foobar Robotics.");
  request.set_source_url("https://example.com/a1");
  absl::StatusOr<v1::IngestArticleRequest> parsed =
      IngestArticleRequestFromWire(request.SerializeAsString());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->SerializeAsString(), request.SerializeAsString());

  // Field 3 (text), length 3, bytes "a\xffb": not UTF-8, kept as is.
  const std::string wire(
      "\x1a\x03"
      "a\xff"
      "b\x2a\x01x",
      8);  // Plus unknown field 5.
  parsed = IngestArticleRequestFromWire(wire);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->text(), std::string("a\xff"
                                        "b",
                                        3));

  EXPECT_EQ(IngestArticleRequestFromWire(std::string("\x1a\x09"
                                                     "abc",
                                                     5))
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ConvertTest, StatsListEveryRelation) {
  graph::GraphStats stats;
  stats.entities = 3;
  stats.edges = 2;
  stats.edges_by_relation[graph::RelationType::kHqIn] = 2;
  v1::GetStatsResponse response;
  StatsToProto(stats, &response);
  EXPECT_EQ(response.entities(), 3u);
  ASSERT_EQ(response.edges_by_relation_size(), 4);
  for (const v1::RelationCount& count : response.edges_by_relation()) {
    EXPECT_EQ(count.edges(), count.relation() == v1::RELATION_HQ_IN ? 2u : 0u);
  }
}

}  // namespace
}  // namespace kg::server
