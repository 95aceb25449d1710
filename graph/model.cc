#include "graph/model.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"

namespace kg::graph {

absl::string_view RelationName(RelationType relation) {
  switch (relation) {
    case RelationType::kFoundedBy:
      return "founded-by";
    case RelationType::kInvestedIn:
      return "invested-in";
    case RelationType::kAlumniOf:
      return "alumni-of";
    case RelationType::kHqIn:
      return "HQ-in";
  }
  return "unknown";
}

std::optional<RelationType> ParseRelationName(absl::string_view name) {
  std::string key = absl::AsciiStrToLower(absl::StrReplaceAll(name, {{"_", "-"}}));
  for (RelationType relation : kAllRelationTypes) {
    if (key == absl::AsciiStrToLower(RelationName(relation))) return relation;
  }
  return std::nullopt;
}

absl::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
    case EntityType::kUnknown:
      break;
  }
  return "unknown";
}

absl::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kOut:
      return "out";
    case Direction::kIn:
      return "in";
    case Direction::kBoth:
      return "both";
  }
  return "both";
}

}  // namespace kg::graph
