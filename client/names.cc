#include "client/names.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace kg::client {

std::string RelationName(v1::Relation relation) {
  switch (relation) {
    case v1::RELATION_FOUNDED_BY:
      return "founded-by";
    case v1::RELATION_INVESTED_IN:
      return "invested-in";
    case v1::RELATION_ALUMNI_OF:
      return "alumni-of";
    case v1::RELATION_HQ_IN:
      return "HQ-in";
    default:
      return "unspecified";
  }
}

std::optional<v1::Relation> ParseRelation(absl::string_view name) {
  std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  absl::StrReplaceAll({{"_", "-"}}, &key);
  if (absl::StartsWith(key, "relation-")) key = key.substr(9);
  if (key == "founded-by") return v1::RELATION_FOUNDED_BY;
  if (key == "invested-in") return v1::RELATION_INVESTED_IN;
  if (key == "alumni-of") return v1::RELATION_ALUMNI_OF;
  if (key == "hq-in") return v1::RELATION_HQ_IN;
  return std::nullopt;
}

std::string DirectionName(v1::Direction direction) {
  switch (direction) {
    case v1::DIRECTION_OUT:
      return "out";
    case v1::DIRECTION_IN:
      return "in";
    default:
      return "both";
  }
}

std::optional<v1::Direction> ParseDirection(absl::string_view name) {
  std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  if (key == "out") return v1::DIRECTION_OUT;
  if (key == "in") return v1::DIRECTION_IN;
  if (key == "both") return v1::DIRECTION_BOTH;
  return std::nullopt;
}

std::string EntityTypeName(v1::EntityType type) {
  switch (type) {
    case v1::ENTITY_TYPE_PERSON:
      return "person";
    case v1::ENTITY_TYPE_ORGANIZATION:
      return "organization";
    case v1::ENTITY_TYPE_PLACE:
      return "place";
    default:
      return "unknown";
  }
}

std::string IngestOutcomeName(v1::IngestOutcome outcome) {
  switch (outcome) {
    case v1::INGEST_OUTCOME_ADDED:
      return "added";
    case v1::INGEST_OUTCOME_UNCHANGED:
      return "unchanged";
    case v1::INGEST_OUTCOME_REPLACED:
      return "replaced";
    default:
      return "unspecified";
  }
}

std::string RelationIdentifier(v1::Relation relation) {
  std::string name = absl::AsciiStrToUpper(RelationName(relation));
  absl::StrReplaceAll({{"-", "_"}}, &name);
  return name;
}

std::string HopArrow(v1::Relation relation, v1::Direction direction) {
  if (direction == v1::DIRECTION_IN) return absl::StrCat("<-[", RelationName(relation), "]-");
  return absl::StrCat("-[", RelationName(relation), "]->");
}

}  // namespace kg::client
