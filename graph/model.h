// graph/model.h: the vocabulary shared by extract/, graph/ and server/.
//
// Strings are UTF-8. Offsets are UTF-8 byte offsets into the article text, half-open
// [begin, end). These are in-memory types only; the on-disk encoding lives in
// graph/internal/ and never depends on the layout of these structs.
#ifndef KG_GRAPH_MODEL_H_
#define KG_GRAPH_MODEL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg::graph {

// Stored in edge keys. Append new types at the end and never renumber.
// Directions: founded-by is org -> founder, invested-in is investor -> company,
// alumni-of is person -> org, HQ-in is org -> city.
enum class RelationType : uint8_t { kFoundedBy = 1, kInvestedIn = 2, kAlumniOf = 3, kHqIn = 4 };

inline constexpr RelationType kAllRelationTypes[] = {
    RelationType::kFoundedBy, RelationType::kInvestedIn, RelationType::kAlumniOf,
    RelationType::kHqIn};

// "founded-by", "invested-in", "alumni-of", "HQ-in".
absl::string_view RelationName(RelationType relation);

// Accepts the names above case-insensitively, with '-' or '_' (so "hq_in" and
// "FOUNDED-BY" work). Returns nullopt for anything else.
std::optional<RelationType> ParseRelationName(absl::string_view name);

// Stored with entities. Append new types at the end and never renumber.
enum class EntityType : uint8_t { kUnknown = 0, kPerson = 1, kOrganization = 2, kPlace = 3 };

// "unknown", "person", "organization", "place".
absl::string_view EntityTypeName(EntityType type);

// Which way an edge is walked, seen from the entity a query starts at:
// kOut follows subject -> object, kIn follows object -> subject.
enum class Direction : uint8_t { kOut = 1, kIn = 2, kBoth = 3 };

absl::string_view DirectionName(Direction direction);  // "out", "in", "both"

struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const ByteSpan& a, const ByteSpan& b) {
    return a.begin == b.begin && a.end == b.end;
  }
};

struct Article {
  std::string id;  // Unique; the seed loader uses the file name without ".txt".
  std::string title;
  std::string text;  // Valid UTF-8.
  std::string source_url;
};

// An entity as the extractor found it in one article: the fullest name it saw,
// and the other names the article used for the same entity.
struct EntityMention {
  std::string name;
  EntityType type = EntityType::kUnknown;
  std::vector<std::string> aliases;
};

// Why the graph believes one edge: one statement in one article.
struct Evidence {
  std::string article_id;
  std::string sentence;     // The sentence text, as it appears in the article.
  ByteSpan sentence_span;   // Of the sentence in the article text.
  ByteSpan subject_span;    // Of the subject mention in the article text.
  ByteSpan object_span;     // Of the object mention in the article text.
  std::string rule;         // Name of the extraction rule that fired.
  float confidence = 0.0f;  // In [0, 1].
  // Planned, rumoured or negated statements are kept but unconfirmed; queries
  // leave them out unless asked to include them.
  bool confirmed = true;
  // Stated details such as "year", "amount", "round", "stake".
  std::map<std::string, std::string> qualifiers;
};

// One extracted relation: subject -[relation]-> object, with its evidence.
struct RelationFact {
  EntityMention subject;
  RelationType relation = RelationType::kFoundedBy;
  EntityMention object;
  Evidence evidence;
};

using EntityId = uint64_t;

struct Entity {
  EntityId id = 0;
  std::string name;  // Canonical name.
  EntityType type = EntityType::kUnknown;
  std::vector<std::string> aliases;  // Other names, canonical name excluded.
};

// A stored edge with all the evidence that supports it.
struct Edge {
  EntityId subject = 0;
  RelationType relation = RelationType::kFoundedBy;
  EntityId object = 0;
  std::vector<Evidence> evidence;
  float confidence = 0.0f;  // Combined over the evidence.
  bool confirmed = true;    // True when at least one piece of evidence is confirmed.
};

}  // namespace kg::graph

#endif  // KG_GRAPH_MODEL_H_
