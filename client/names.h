// client/names.h: how relations, directions and entity types are spelled on the
// command line and in the output of `kg`.
#ifndef KG_CLIENT_NAMES_H_
#define KG_CLIENT_NAMES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "proto/kg.pb.h"

namespace kg::client {

// "founded-by", "invested-in", "alumni-of", "HQ-in"; "unspecified" for anything else.
std::string RelationName(v1::Relation relation);

// Accepts the names above case-insensitively with '-' or '_' ("hq_in", "FOUNDED-BY"),
// and the proto enum names ("RELATION_INVESTED_IN"). Returns nullopt for anything else.
std::optional<v1::Relation> ParseRelation(absl::string_view name);

// "out", "in", "both"; DIRECTION_UNSPECIFIED reads as "both", as in requests.
std::string DirectionName(v1::Direction direction);

// Accepts "in", "out", "both" (case-insensitive). Returns nullopt for anything else.
std::optional<v1::Direction> ParseDirection(absl::string_view name);

// "person", "organization", "place", "unknown".
std::string EntityTypeName(v1::EntityType type);

// "added", "unchanged", "replaced", "unspecified".
std::string IngestOutcomeName(v1::IngestOutcome outcome);

// A stable identifier form of the relation for graph databases: "FOUNDED_BY",
// "INVESTED_IN", "ALUMNI_OF", "HQ_IN" (Cypher relationship types and, lower-cased,
// nGQL edge types).
std::string RelationIdentifier(v1::Relation relation);

// One edge hop written with arrows as `kg path` prints it: "-[invested-in]->" when
// the walk goes from subject to object (OUT), "<-[invested-in]-" otherwise.
std::string HopArrow(v1::Relation relation, v1::Direction direction);

}  // namespace kg::client

#endif  // KG_CLIENT_NAMES_H_
