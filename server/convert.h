// server/convert.h: the border between the kg.v1 API (proto/kg.proto) and the model
// (graph/model.h, graph/graph_store.h). Requests are validated here, so a handler gets
// either a well-formed graph query or an INVALID_ARGUMENT that says what to send.
#ifndef KG_SERVER_CONVERT_H_
#define KG_SERVER_CONVERT_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/graph_store.h"
#include "graph/model.h"
#include "proto/kg.pb.h"

namespace kg::server {

// absl::StatusCode and grpc::StatusCode share their numbering (both are google.rpc.Code),
// so the code is carried over unchanged along with the message.
grpc::Status ToGrpcStatus(const absl::Status& status);

// ---- Enums. ----
v1::Relation RelationToProto(graph::RelationType relation);
v1::EntityType EntityTypeToProto(graph::EntityType type);
v1::Direction DirectionToProto(graph::Direction direction);

// `field` names the request field in error messages, e.g. "relations".
// RELATION_UNSPECIFIED and values outside the enum are INVALID_ARGUMENT listing the
// accepted values.
absl::StatusOr<graph::RelationType> RelationFromProto(int value, absl::string_view field);
absl::StatusOr<std::vector<graph::RelationType>> RelationsFromProto(
    const google::protobuf::RepeatedField<int>& values, absl::string_view field);
// DIRECTION_UNSPECIFIED means both; an unknown value is INVALID_ARGUMENT.
absl::StatusOr<graph::Direction> DirectionFromProto(int value, absl::string_view field);
absl::StatusOr<graph::PathMode> PathModeFromProto(int value, absl::string_view field);

// Returns `default_value` for 0, the value when it is in [1, max_value], else
// INVALID_ARGUMENT naming `field`, the range and what was sent.
absl::StatusOr<int64_t> BoundedOrDefault(int64_t value, int64_t default_value, int64_t max_value,
                                         absl::string_view field);

// INVALID_ARGUMENT "`field` is required: send a name, alias or numeric id ..." when empty.
absl::Status RequireEntity(absl::string_view value, absl::string_view field);

// ---- Requests -> graph queries. The budget is the caller's to fill in. ----
absl::StatusOr<graph::NeighborsQuery> NeighborsQueryFromProto(const v1::NeighborsRequest& request);
absl::StatusOr<graph::NeighborhoodQuery> NeighborhoodQueryFromProto(
    const v1::NeighborhoodRequest& request);
absl::StatusOr<graph::PathQuery> PathQueryFromProto(const v1::FindPathsRequest& request);

// Parses a serialized IngestArticleRequest without protobuf's UTF-8 check on string
// fields, so that text that is not UTF-8 reaches ValidateUtf8 and gets an
// INVALID_ARGUMENT naming the byte offset, rather than a bare parse failure.
// Unknown fields are skipped; a malformed message is INVALID_ARGUMENT.
absl::StatusOr<v1::IngestArticleRequest> IngestArticleRequestFromWire(absl::string_view wire);

// ---- Model -> proto. ----
void EntityToProto(const graph::Entity& entity, v1::Entity* out);
void EvidenceToProto(const graph::Evidence& evidence, v1::Evidence* out);
void NeighborToProto(const graph::Neighbor& neighbor, v1::Neighbor* out);
void NeighborsPageToProto(const graph::NeighborsPage& page, v1::NeighborsResponse* out);
// `lookup` gives the entity for an id that the edge refers to.
void EdgeToProto(const graph::Edge& edge,
                 const std::function<graph::Entity(graph::EntityId)>& lookup, v1::Edge* out);
void SubgraphToProto(const graph::Subgraph& subgraph, v1::NeighborhoodResponse* out);
void PathToProto(const graph::Path& path, v1::Path* out);
void PathResultToProto(const graph::PathResult& result, v1::FindPathsResponse* out);
void ArticleInfoToProto(const graph::ArticleInfo& info, v1::Article* out);
void StatsToProto(const graph::GraphStats& stats, v1::GetStatsResponse* out);
void MatchToProto(const graph::EntityMatch& match, v1::EntityMatch* out);
v1::IngestOutcome IngestOutcomeToProto(graph::IngestOutcomeKind kind);

// The edge `subject -[relation]-> object` seen from the queried entity `from` as `neighbor`.
void NeighborAsEdgeToProto(const graph::Entity& from, const graph::Neighbor& neighbor,
                           v1::Edge* out);

}  // namespace kg::server

#endif  // KG_SERVER_CONVERT_H_
