#include "server/convert.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <unordered_map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "graph/status_macros.h"

namespace kg::server {
namespace {

constexpr absl::string_view kRelationChoices =
    "RELATION_FOUNDED_BY, RELATION_INVESTED_IN, RELATION_ALUMNI_OF or RELATION_HQ_IN";

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

v1::Relation RelationToProto(graph::RelationType relation) {
  switch (relation) {
    case graph::RelationType::kFoundedBy:
      return v1::RELATION_FOUNDED_BY;
    case graph::RelationType::kInvestedIn:
      return v1::RELATION_INVESTED_IN;
    case graph::RelationType::kAlumniOf:
      return v1::RELATION_ALUMNI_OF;
    case graph::RelationType::kHqIn:
      return v1::RELATION_HQ_IN;
  }
  return v1::RELATION_UNSPECIFIED;
}

v1::EntityType EntityTypeToProto(graph::EntityType type) {
  switch (type) {
    case graph::EntityType::kPerson:
      return v1::ENTITY_TYPE_PERSON;
    case graph::EntityType::kOrganization:
      return v1::ENTITY_TYPE_ORGANIZATION;
    case graph::EntityType::kPlace:
      return v1::ENTITY_TYPE_PLACE;
    case graph::EntityType::kUnknown:
      break;
  }
  return v1::ENTITY_TYPE_UNSPECIFIED;
}

v1::Direction DirectionToProto(graph::Direction direction) {
  switch (direction) {
    case graph::Direction::kOut:
      return v1::DIRECTION_OUT;
    case graph::Direction::kIn:
      return v1::DIRECTION_IN;
    case graph::Direction::kBoth:
      return v1::DIRECTION_BOTH;
  }
  return v1::DIRECTION_UNSPECIFIED;
}

absl::StatusOr<graph::RelationType> RelationFromProto(int value, absl::string_view field) {
  switch (value) {
    case v1::RELATION_FOUNDED_BY:
      return graph::RelationType::kFoundedBy;
    case v1::RELATION_INVESTED_IN:
      return graph::RelationType::kInvestedIn;
    case v1::RELATION_ALUMNI_OF:
      return graph::RelationType::kAlumniOf;
    case v1::RELATION_HQ_IN:
      return graph::RelationType::kHqIn;
    case v1::RELATION_UNSPECIFIED:
      return absl::InvalidArgumentError(
          absl::StrCat(field, " is RELATION_UNSPECIFIED; send ", kRelationChoices,
                       " (or leave the list empty for every relation)"));
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(field, " has the unknown value ", value, "; send ", kRelationChoices));
  }
}

absl::StatusOr<std::vector<graph::RelationType>> RelationsFromProto(
    const google::protobuf::RepeatedField<int>& values, absl::string_view field) {
  std::vector<graph::RelationType> relations;
  for (int i = 0; i < values.size(); ++i) {
    absl::StatusOr<graph::RelationType> relation =
        RelationFromProto(values.Get(i), absl::StrCat(field, "[", i, "]"));
    if (!relation.ok()) return relation.status();
    bool seen = false;
    for (graph::RelationType r : relations) seen = seen || r == *relation;
    if (!seen) relations.push_back(*relation);
  }
  return relations;
}

absl::StatusOr<graph::Direction> DirectionFromProto(int value, absl::string_view field) {
  switch (value) {
    case v1::DIRECTION_UNSPECIFIED:
    case v1::DIRECTION_BOTH:
      return graph::Direction::kBoth;
    case v1::DIRECTION_OUT:
      return graph::Direction::kOut;
    case v1::DIRECTION_IN:
      return graph::Direction::kIn;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(field, " has the unknown value ", value,
                       "; send DIRECTION_OUT, DIRECTION_IN or DIRECTION_BOTH"));
  }
}

absl::StatusOr<graph::PathMode> PathModeFromProto(int value, absl::string_view field) {
  switch (value) {
    case v1::PATH_MODE_UNSPECIFIED:
    case v1::PATH_MODE_SHORTEST:
      return graph::PathMode::kShortest;
    case v1::PATH_MODE_ALL_SHORTEST:
      return graph::PathMode::kAllShortest;
    case v1::PATH_MODE_ALL:
      return graph::PathMode::kAllUpToMaxHops;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(field, " has the unknown value ", value,
                       "; send PATH_MODE_SHORTEST, PATH_MODE_ALL_SHORTEST or PATH_MODE_ALL"));
  }
}

absl::StatusOr<int64_t> BoundedOrDefault(int64_t value, int64_t default_value, int64_t max_value,
                                         absl::string_view field) {
  if (value == 0) return default_value;
  if (value < 1 || value > max_value) {
    return absl::InvalidArgumentError(absl::StrCat(field, " must be between 1 and ", max_value,
                                                   " (0 means ", default_value, "), got ", value));
  }
  return value;
}

absl::Status RequireEntity(absl::string_view value, absl::string_view field) {
  if (!value.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      field, " is required: send an entity's name, alias or numeric id, e.g. \"Alibaba\""));
}

absl::StatusOr<graph::NeighborsQuery> NeighborsQueryFromProto(const v1::NeighborsRequest& request) {
  KG_RETURN_IF_ERROR(RequireEntity(request.entity(), "entity"));
  graph::NeighborsQuery query;
  query.entity = request.entity();
  KG_ASSIGN_OR_RETURN(query.relations, RelationsFromProto(request.relations(), "relations"));
  KG_ASSIGN_OR_RETURN(query.direction, DirectionFromProto(request.direction(), "direction"));
  KG_ASSIGN_OR_RETURN(int64_t page_size,
                      BoundedOrDefault(request.page_size(), 50, 1000, "page_size"));
  query.page_size = static_cast<size_t>(page_size);
  query.page_token = request.page_token();
  query.include_unconfirmed = request.include_unconfirmed();
  return query;
}

absl::StatusOr<graph::NeighborhoodQuery> NeighborhoodQueryFromProto(
    const v1::NeighborhoodRequest& request) {
  KG_RETURN_IF_ERROR(RequireEntity(request.entity(), "entity"));
  graph::NeighborhoodQuery query;
  query.entity = request.entity();
  KG_ASSIGN_OR_RETURN(int64_t hops, BoundedOrDefault(request.hops(), 1, 6, "hops"));
  query.hops = static_cast<int>(hops);
  KG_ASSIGN_OR_RETURN(query.relations, RelationsFromProto(request.relations(), "relations"));
  KG_ASSIGN_OR_RETURN(query.direction, DirectionFromProto(request.direction(), "direction"));
  KG_ASSIGN_OR_RETURN(int64_t max_nodes,
                      BoundedOrDefault(request.max_nodes(), 1000, 100000, "max_nodes"));
  KG_ASSIGN_OR_RETURN(int64_t max_edges,
                      BoundedOrDefault(request.max_edges(), 5000, 500000, "max_edges"));
  KG_ASSIGN_OR_RETURN(int64_t max_fanout,
                      BoundedOrDefault(request.max_fanout(), 1000, 100000, "max_fanout"));
  query.max_nodes = static_cast<size_t>(max_nodes);
  query.max_edges = static_cast<size_t>(max_edges);
  query.max_fanout = static_cast<size_t>(max_fanout);
  query.include_unconfirmed = request.include_unconfirmed();
  return query;
}

absl::StatusOr<graph::PathQuery> PathQueryFromProto(const v1::FindPathsRequest& request) {
  KG_RETURN_IF_ERROR(RequireEntity(request.from_entity(), "from_entity"));
  KG_RETURN_IF_ERROR(RequireEntity(request.to_entity(), "to_entity"));
  graph::PathQuery query;
  query.from = request.from_entity();
  query.to = request.to_entity();
  KG_ASSIGN_OR_RETURN(query.mode, PathModeFromProto(request.mode(), "mode"));
  KG_ASSIGN_OR_RETURN(int64_t max_hops, BoundedOrDefault(request.max_hops(), 4, 6, "max_hops"));
  query.max_hops = static_cast<int>(max_hops);
  KG_ASSIGN_OR_RETURN(query.relations, RelationsFromProto(request.relations(), "relations"));
  KG_ASSIGN_OR_RETURN(query.direction, DirectionFromProto(request.direction(), "direction"));
  KG_ASSIGN_OR_RETURN(int64_t max_paths,
                      BoundedOrDefault(request.max_paths(), 10, 1000, "max_paths"));
  query.max_paths = static_cast<size_t>(max_paths);
  query.include_unconfirmed = request.include_unconfirmed();
  return query;
}

absl::StatusOr<v1::IngestArticleRequest> IngestArticleRequestFromWire(absl::string_view wire) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(wire.data()),
                                            static_cast<int>(wire.size()));
  v1::IngestArticleRequest request;
  for (;;) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) break;
    const int field = WireFormatLite::GetTagFieldNumber(tag);
    std::string* target = nullptr;
    if (WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      switch (field) {
        case v1::IngestArticleRequest::kIdFieldNumber:
          target = request.mutable_id();
          break;
        case v1::IngestArticleRequest::kTitleFieldNumber:
          target = request.mutable_title();
          break;
        case v1::IngestArticleRequest::kTextFieldNumber:
          target = request.mutable_text();
          break;
        case v1::IngestArticleRequest::kSourceUrlFieldNumber:
          target = request.mutable_source_url();
          break;
        default:
          break;
      }
    }
    const bool ok = target != nullptr ? WireFormatLite::ReadBytes(&in, target)
                                      : WireFormatLite::SkipField(&in, tag);
    if (!ok) {
      return absl::InvalidArgumentError("the IngestArticleRequest message is malformed");
    }
  }
  if (!in.ConsumedEntireMessage()) {
    return absl::InvalidArgumentError("the IngestArticleRequest message is malformed");
  }
  return request;
}

void EntityToProto(const graph::Entity& entity, v1::Entity* out) {
  out->set_id(entity.id);
  out->set_name(entity.name);
  out->set_type(EntityTypeToProto(entity.type));
  for (const std::string& alias : entity.aliases) out->add_aliases(alias);
}

void EvidenceToProto(const graph::Evidence& evidence, v1::Evidence* out) {
  out->set_article_id(evidence.article_id);
  out->set_sentence(evidence.sentence);
  out->mutable_sentence_span()->set_begin(evidence.sentence_span.begin);
  out->mutable_sentence_span()->set_end(evidence.sentence_span.end);
  out->mutable_subject_span()->set_begin(evidence.subject_span.begin);
  out->mutable_subject_span()->set_end(evidence.subject_span.end);
  out->mutable_object_span()->set_begin(evidence.object_span.begin);
  out->mutable_object_span()->set_end(evidence.object_span.end);
  out->set_rule(evidence.rule);
  out->set_confidence(evidence.confidence);
  out->set_confirmed(evidence.confirmed);
  for (const auto& [key, value] : evidence.qualifiers) (*out->mutable_qualifiers())[key] = value;
}

void NeighborToProto(const graph::Neighbor& neighbor, v1::Neighbor* out) {
  EntityToProto(neighbor.entity, out->mutable_entity());
  out->set_relation(RelationToProto(neighbor.relation));
  out->set_direction(DirectionToProto(neighbor.direction));
  for (const graph::Evidence& evidence : neighbor.evidence) {
    EvidenceToProto(evidence, out->add_evidence());
  }
  out->set_confidence(neighbor.confidence);
  out->set_confirmed(neighbor.confirmed);
}

void NeighborsPageToProto(const graph::NeighborsPage& page, v1::NeighborsResponse* out) {
  EntityToProto(page.entity, out->mutable_entity());
  for (const graph::Neighbor& neighbor : page.neighbors) {
    NeighborToProto(neighbor, out->add_neighbors());
  }
  out->set_next_page_token(page.next_page_token);
  out->set_total_size(page.total);
}

void EdgeToProto(const graph::Edge& edge,
                 const std::function<graph::Entity(graph::EntityId)>& lookup, v1::Edge* out) {
  EntityToProto(lookup(edge.subject), out->mutable_subject());
  out->set_relation(RelationToProto(edge.relation));
  EntityToProto(lookup(edge.object), out->mutable_object());
  for (const graph::Evidence& evidence : edge.evidence) {
    EvidenceToProto(evidence, out->add_evidence());
  }
  out->set_confidence(edge.confidence);
  out->set_confirmed(edge.confirmed);
}

void SubgraphToProto(const graph::Subgraph& subgraph, v1::NeighborhoodResponse* out) {
  std::unordered_map<graph::EntityId, const graph::Entity*> by_id;
  for (const graph::SubgraphNode& node : subgraph.nodes) {
    by_id[node.entity.id] = &node.entity;
    v1::NeighborhoodNode* proto = out->add_nodes();
    EntityToProto(node.entity, proto->mutable_entity());
    proto->set_distance(node.distance);
  }
  auto lookup = [&by_id](graph::EntityId id) {
    auto it = by_id.find(id);
    if (it != by_id.end()) return *it->second;
    graph::Entity unknown;  // The graph returns the nodes of every edge; this is a fallback.
    unknown.id = id;
    return unknown;
  };
  for (const graph::Edge& edge : subgraph.edges) EdgeToProto(edge, lookup, out->add_edges());
  out->set_truncated(subgraph.truncated);
  out->set_truncation_reason(subgraph.truncation_reason);
}

void PathToProto(const graph::Path& path, v1::Path* out) {
  for (const graph::Entity& entity : path.entities) EntityToProto(entity, out->add_entities());
  for (const graph::PathHop& hop : path.hops) {
    v1::PathHop* proto = out->add_hops();
    proto->set_relation(RelationToProto(hop.relation));
    proto->set_direction(DirectionToProto(hop.direction));
    for (const graph::Evidence& evidence : hop.evidence) {
      EvidenceToProto(evidence, proto->add_evidence());
    }
    proto->set_confidence(hop.confidence);
  }
}

void PathResultToProto(const graph::PathResult& result, v1::FindPathsResponse* out) {
  for (const graph::Path& path : result.paths) PathToProto(path, out->add_paths());
  out->set_truncated(result.truncated);
  out->set_truncation_reason(result.truncation_reason);
}

void ArticleInfoToProto(const graph::ArticleInfo& info, v1::Article* out) {
  out->set_id(info.id);
  out->set_title(info.title);
  out->set_source_url(info.source_url);
  out->set_content_hash(info.content_hash);
  out->set_text_bytes(info.text_bytes);
  out->set_fact_count(info.fact_count);
  out->set_ingested_unix_seconds(info.ingested_unix_seconds);
}

void StatsToProto(const graph::GraphStats& stats, v1::GetStatsResponse* out) {
  out->set_entities(stats.entities);
  out->set_edges(stats.edges);
  out->set_articles(stats.articles);
  out->set_evidence(stats.evidence);
  for (graph::RelationType relation : graph::kAllRelationTypes) {
    auto it = stats.edges_by_relation.find(relation);
    v1::RelationCount* count = out->add_edges_by_relation();
    count->set_relation(RelationToProto(relation));
    count->set_edges(it == stats.edges_by_relation.end() ? 0 : it->second);
  }
}

void MatchToProto(const graph::EntityMatch& match, v1::EntityMatch* out) {
  EntityToProto(match.entity, out->mutable_entity());
  out->set_matched_name(match.matched_name);
  switch (match.kind) {
    case graph::MatchKind::kExactName:
      out->set_match_kind("exact");
      break;
    case graph::MatchKind::kAlias:
      out->set_match_kind("alias");
      break;
    case graph::MatchKind::kFolded:
      out->set_match_kind("folded");
      break;
    case graph::MatchKind::kPrefix:
      out->set_match_kind("prefix");
      break;
    case graph::MatchKind::kFuzzy:
      out->set_match_kind("fuzzy");
      break;
  }
  out->set_score(match.score);
}

v1::IngestOutcome IngestOutcomeToProto(graph::IngestOutcomeKind kind) {
  switch (kind) {
    case graph::IngestOutcomeKind::kAdded:
      return v1::INGEST_OUTCOME_ADDED;
    case graph::IngestOutcomeKind::kUnchanged:
      return v1::INGEST_OUTCOME_UNCHANGED;
    case graph::IngestOutcomeKind::kReplaced:
      return v1::INGEST_OUTCOME_REPLACED;
  }
  return v1::INGEST_OUTCOME_UNSPECIFIED;
}

void NeighborAsEdgeToProto(const graph::Entity& from, const graph::Neighbor& neighbor,
                           v1::Edge* out) {
  const bool out_edge = neighbor.direction != graph::Direction::kIn;
  EntityToProto(out_edge ? from : neighbor.entity, out->mutable_subject());
  out->set_relation(RelationToProto(neighbor.relation));
  EntityToProto(out_edge ? neighbor.entity : from, out->mutable_object());
  for (const graph::Evidence& evidence : neighbor.evidence) {
    EvidenceToProto(evidence, out->add_evidence());
  }
  out->set_confidence(neighbor.confidence);
  out->set_confirmed(neighbor.confirmed);
}

}  // namespace kg::server
