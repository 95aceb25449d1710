// graph/graph_store.h: the knowledge graph on disk and the queries over it.
#ifndef KG_GRAPH_GRAPH_STORE_H_
#define KG_GRAPH_GRAPH_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "graph/model.h"

namespace kg::graph {

struct GraphOptions {
  std::string path;                // Directory of the RocksDB store. Required.
  bool create_if_missing = true;   // Create an empty store when none exists at `path`.
  size_t block_cache_bytes = 256u << 20;  // Shared block cache; 256 MiB by default.
};

// Limits that stop a traversal cleanly. A query that hits one returns what it
// found so far with `truncated` set and a reason.
struct QueryBudget {
  size_t max_edges_visited = 10'000'000;
  absl::Time deadline = absl::InfiniteFuture();
  // Polled during traversal; returning true stops the query (client cancelled).
  std::function<bool()> cancelled;
};

struct NeighborsQuery {
  std::string entity;                   // Name, alias or numeric id (see ResolveEntity).
  std::vector<RelationType> relations;  // Empty means every relation.
  Direction direction = Direction::kBoth;
  size_t page_size = 50;                // 1..1000.
  std::string page_token;               // Empty for the first page; else a returned token.
  bool include_unconfirmed = false;
};

struct Neighbor {
  Entity entity;
  RelationType relation = RelationType::kFoundedBy;
  // kOut: the queried entity is the subject and `entity` the object; kIn: the reverse.
  Direction direction = Direction::kOut;
  std::vector<Evidence> evidence;
  float confidence = 0.0f;
  bool confirmed = true;
};

struct NeighborsPage {
  Entity entity;  // The resolved query entity.
  std::vector<Neighbor> neighbors;
  std::string next_page_token;  // Empty on the last page.
  uint64_t total = 0;           // Neighbors matching the filters, across all pages.
};

struct NeighborhoodQuery {
  std::string entity;
  int hops = 1;  // 1..6.
  std::vector<RelationType> relations;
  Direction direction = Direction::kBoth;
  size_t max_nodes = 1000;
  size_t max_edges = 5000;
  size_t max_fanout = 1000;  // Edges expanded per node, so a supernode cannot blow up.
  bool include_unconfirmed = false;
  QueryBudget budget;
};

struct SubgraphNode {
  Entity entity;
  int distance = 0;  // Hops from the center.
};

struct Subgraph {
  EntityId center = 0;
  std::vector<SubgraphNode> nodes;  // Center first, then by distance.
  std::vector<Edge> edges;
  bool truncated = false;
  std::string truncation_reason;  // e.g. "max_nodes 1000 reached"; empty when complete.
};

enum class PathMode { kShortest = 1, kAllShortest = 2, kAllUpToMaxHops = 3 };

struct PathQuery {
  std::string from;
  std::string to;
  PathMode mode = PathMode::kShortest;
  int max_hops = 4;  // 1..6.
  std::vector<RelationType> relations;
  Direction direction = Direction::kBoth;
  size_t max_paths = 10;  // 1..1000.
  bool include_unconfirmed = false;
  QueryBudget budget;
};

struct PathHop {
  RelationType relation = RelationType::kFoundedBy;
  // kOut: entities[i] is the subject of the edge to entities[i + 1]; kIn: its object.
  Direction direction = Direction::kOut;
  std::vector<Evidence> evidence;
  float confidence = 0.0f;
};

struct Path {
  std::vector<Entity> entities;  // hops.size() + 1 entities, from first to last.
  std::vector<PathHop> hops;
};

struct PathResult {
  std::vector<Path> paths;
  bool truncated = false;
  std::string truncation_reason;
};

enum class MatchKind { kExactName = 1, kAlias = 2, kFolded = 3, kPrefix = 4, kFuzzy = 5 };

struct EntityMatch {
  Entity entity;
  std::string matched_name;  // The name or alias that matched.
  MatchKind kind = MatchKind::kExactName;
  double score = 0.0;  // Higher is better; results come sorted by it.
};

struct ArticleInfo {
  std::string id;
  std::string title;
  std::string source_url;
  std::string content_hash;  // Hex digest of the text.
  uint64_t text_bytes = 0;
  uint32_t fact_count = 0;
  int64_t ingested_unix_seconds = 0;
};

struct ArticlePage {
  std::vector<ArticleInfo> articles;
  std::string next_page_token;
};

enum class IngestOutcomeKind { kAdded = 1, kUnchanged = 2, kReplaced = 3 };

struct IngestOutcome {
  IngestOutcomeKind kind = IngestOutcomeKind::kAdded;
  size_t facts_stored = 0;
  size_t entities_created = 0;
};

struct DeleteOutcome {
  size_t edges_removed = 0;
  size_t entities_removed = 0;
};

// Input of GraphStore::BulkLoad: entities are created as given (no name
// resolution against each other or the store), edges refer to them by index.
struct BulkEntity {
  std::string name;
  EntityType type = EntityType::kUnknown;
  std::vector<std::string> aliases;
};

struct BulkEdge {
  uint32_t subject = 0;  // Index into the entities passed to BulkLoad.
  RelationType relation = RelationType::kFoundedBy;
  uint32_t object = 0;  // Index into the entities passed to BulkLoad.
};

struct BulkLoadOutcome {
  EntityId first_id = 0;  // entities[i] got id first_id + i.
  uint64_t entities = 0;
  uint64_t edges = 0;  // Distinct edges written (duplicates in the input collapse).
};

struct GraphStats {
  uint64_t entities = 0;
  uint64_t edges = 0;
  uint64_t articles = 0;
  uint64_t evidence = 0;
  std::map<RelationType, uint64_t> edges_by_relation;
};

// How much work the store has done since Open, for tests and benchmarks that check
// a query's cost without timing it.
struct GraphCounters {
  uint64_t evidence_reads = 0;    // Edges whose evidence records were read from RocksDB.
  uint64_t fuzzy_candidates = 0;  // Names the typo fallback of SearchEntities compared.
};

// GraphStore is the knowledge graph on disk: entities and their aliases, typed
// edges indexed in both directions, the evidence for each edge, and the articles
// it came from.
// Thread safety: all const methods may run concurrently with each other and with
// writes; writes serialize internally. Each query reads from a single snapshot,
// so it never sees half of an article.
class GraphStore {
 public:
  // Opens (or, with options.create_if_missing, creates) the store at options.path.
  // Returns DATA_LOSS if the on-disk format version is not one this build reads.
  static absl::StatusOr<std::unique_ptr<GraphStore>> Open(const GraphOptions& options);
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  // Writes the article, its entities and its facts in one atomic batch.
  // The same id with the same text changes nothing (kUnchanged); the same id
  // with a different text replaces that article's facts (kReplaced).
  // Each mention resolves to an existing entity when its name or an alias equals,
  // after folding (case, diacritics, NFC, whitespace), a name or alias of that
  // entity and the types are compatible (kUnknown matches any); otherwise a new
  // entity is created. Aliases are unioned; canonical names are kept; names are
  // never merged by prefix. A fact whose subject and object resolve to the same
  // entity is skipped (not counted in facts_stored).
  // Returns INVALID_ARGUMENT for an empty id or a fact whose evidence names
  // another article.
  absl::StatusOr<IngestOutcome> AddArticle(const Article& article,
                                           const std::vector<RelationFact>& facts);

  // Removes the article, its evidence, every edge left with no evidence and every
  // entity left with no edge. Returns NOT_FOUND for an unknown id.
  absl::StatusOr<DeleteOutcome> DeleteArticle(absl::string_view article_id);

  // Finds one entity by numeric id, canonical name or alias, exactly or case- and
  // diacritic-insensitively; failing that, the one entity with a name or alias that
  // starts with `name_or_id` at a word boundary ("Misa Zhu" for "Misa Zhu Mingming").
  // Returns NOT_FOUND naming `name_or_id` when nothing matches, and INVALID_ARGUMENT
  // listing the candidates when several do.
  absl::StatusOr<Entity> ResolveEntity(absl::string_view name_or_id) const;

  // Ranked matches for completion: exact, alias, folded, prefix, then typos.
  // `limit` is 1..100. An empty query is INVALID_ARGUMENT.
  absl::StatusOr<std::vector<EntityMatch>> SearchEntities(absl::string_view query,
                                                          size_t limit) const;

  // One entity's edges, filtered and ordered deterministically, one page at a time.
  // Returns NOT_FOUND for an unknown entity and INVALID_ARGUMENT for a bad page
  // token or page size.
  absl::StatusOr<NeighborsPage> Neighbors(const NeighborsQuery& query) const;

  // Everything within query.hops of an entity, under the query's caps.
  absl::StatusOr<Subgraph> Neighborhood(const NeighborhoodQuery& query) const;

  // Paths from query.from to query.to. Returns NOT_FOUND if either entity is
  // unknown, and an empty result if no path exists within max_hops.
  absl::StatusOr<PathResult> FindPaths(const PathQuery& query) const;

  // Degree of an entity per relation and direction (kOut or kIn).
  absl::StatusOr<uint64_t> Degree(EntityId entity, RelationType relation,
                                  Direction direction) const;

  absl::StatusOr<ArticleInfo> GetArticle(absl::string_view article_id) const;
  // page_size 1..1000; articles in id order.
  absl::StatusOr<ArticlePage> ListArticles(size_t page_size, absl::string_view page_token) const;
  // The article ids that support at least one edge touching the entity.
  absl::StatusOr<std::vector<std::string>> ArticlesMentioning(EntityId entity) const;

  absl::StatusOr<GraphStats> Stats() const;

  // Visits every entity, then every edge, in key order from one snapshot; the
  // visitor returns false to stop early. No lock is held while the visitor runs,
  // so it may call the store (and see later writes there).
  absl::Status ForEachEntity(const std::function<bool(const Entity&)>& visit) const;
  absl::Status ForEachEdge(bool include_unconfirmed,
                           const std::function<bool(const Edge&)>& visit) const;

  absl::StatusOr<Entity> GetEntity(EntityId id) const;

  // Running totals since Open; cheap, lock-free, safe to call at any time.
  GraphCounters Counters() const;

  // Loads a large generated graph fast: writes sorted SST files and ingests them
  // atomically, then extends the in-memory index. Edges have no evidence and count
  // as confirmed (confidence 1). Returns INVALID_ARGUMENT for an edge index out of
  // range, an empty name or an unknown relation. Meant for generators and bulk
  // imports; articles are ingested with AddArticle.
  absl::StatusOr<BulkLoadOutcome> BulkLoad(const std::vector<BulkEntity>& entities,
                                           const std::vector<BulkEdge>& edges);

 private:
  struct Rep;  // Owns the rocksdb::DB and its column family handles; see graph_store.cc.
  explicit GraphStore(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_GRAPH_STORE_H_
