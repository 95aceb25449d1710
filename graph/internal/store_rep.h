// graph/internal/store_rep.h: GraphStore's state, shared by its .cc files.
//
// RocksDB (layout in codec.h) is the source of truth. Open builds an id-level
// mirror of it in memory (entities, name index, adjacency), and every write
// updates the mirror right after its WriteBatch commits, under the same lock
// readers hold for a whole query. Traversals therefore touch only integers; strings
// and evidence are read when an answer is materialised, through the RocksDB
// snapshot taken together with the mirror's current state, so a query never
// sees half an article.
#ifndef KG_GRAPH_INTERNAL_STORE_REP_H_
#define KG_GRAPH_INTERNAL_STORE_REP_H_

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/btree_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "graph/graph_store.h"
#include "graph/internal/fuzzy_index.h"
#include "rocksdb/db.h"

namespace kg::graph::internal {

inline constexpr uint8_t kEdgeConfirmed = 1;    // At least one confirmed evidence (or loaded).
inline constexpr uint8_t kEdgeHasEvidence = 2;  // "X" keys exist for the edge.

// One end of an edge in an entity's adjacency. Each edge appears twice: as kOut
// in its subject's list and as kIn in its object's list.
struct AdjEntry {
  uint32_t nbr = 0;
  uint8_t dir = 0;  // Direction::kOut or kIn.
  uint8_t rel = 0;  // RelationType.
  uint8_t flags = 0;
  uint8_t pad = 0;
};

// Adjacency lists are sorted by (dir, rel, nbr): the order Neighbors pages in.
inline bool AdjBefore(const AdjEntry& a, uint8_t dir, uint8_t rel, uint32_t nbr) {
  if (a.dir != dir) return a.dir < dir;
  if (a.rel != rel) return a.rel < rel;
  return a.nbr < nbr;
}

struct EntityRec {
  std::string name;
  std::vector<std::string> aliases;
  EntityType type = EntityType::kUnknown;
  bool live = false;
  uint32_t unconfirmed = 0;  // Entries in adj without kEdgeConfirmed.
  std::vector<AdjEntry> adj;
};

// [begin, end) of the entries of one (dir, rel) in rec.adj.
inline std::pair<size_t, size_t> AdjRange(const EntityRec& rec, uint8_t dir, uint8_t rel) {
  auto lo = std::lower_bound(rec.adj.begin(), rec.adj.end(), 0u,
                             [&](const AdjEntry& a, uint32_t) { return AdjBefore(a, dir, rel, 0); });
  auto hi = std::lower_bound(lo, rec.adj.end(), 0u, [&](const AdjEntry& a, uint32_t) {
    return a.dir < dir || (a.dir == dir && a.rel <= rel);
  });
  return {static_cast<size_t>(lo - rec.adj.begin()), static_cast<size_t>(hi - rec.adj.begin())};
}

inline const AdjEntry* FindAdj(const EntityRec& rec, uint8_t dir, uint8_t rel, uint32_t nbr) {
  auto it = std::lower_bound(rec.adj.begin(), rec.adj.end(), 0u,
                             [&](const AdjEntry& a, uint32_t) { return AdjBefore(a, dir, rel, nbr); });
  if (it == rec.adj.end() || it->dir != dir || it->rel != rel || it->nbr != nbr) return nullptr;
  return &*it;
}

inline AdjEntry* FindAdjMutable(EntityRec& rec, uint8_t dir, uint8_t rel, uint32_t nbr) {
  return const_cast<AdjEntry*>(FindAdj(rec, dir, rel, nbr));
}

absl::Status FromRocks(const rocksdb::Status& s);

// GraphStore::Rep's contents, named here so that file-local helpers can take it.
struct StoreState {
  std::string path;
  std::unique_ptr<rocksdb::DB> db;

  // Serializes writers. Held across planning, the RocksDB write and the mirror update.
  absl::Mutex write_mu;
  // Readers hold it shared for a whole query; writers exclusively to update the mirror.
  mutable absl::Mutex mu ABSL_ACQUIRED_AFTER(write_mu);

  std::vector<EntityRec> entities ABSL_GUARDED_BY(mu);  // By id; [0] unused.
  // Folded name or alias -> ids of live entities carrying it.
  // Change it only through AddName / DropName, which keep `fuzzy` in step.
  absl::btree_map<std::string, absl::InlinedVector<uint32_t, 1>> names ABSL_GUARDED_BY(mu);
  // Trigrams of the keys of `names`, for the typo fallback of SearchEntities.
  FuzzyIndex fuzzy ABSL_GUARDED_BY(mu);
  uint64_t live_entities ABSL_GUARDED_BY(mu) = 0;
  uint64_t articles ABSL_GUARDED_BY(mu) = 0;
  uint64_t evidence ABSL_GUARDED_BY(mu) = 0;
  std::array<uint64_t, 5> edges_by_relation ABSL_GUARDED_BY(mu) = {};
  uint64_t next_entity_id ABSL_GUARDED_BY(write_mu) = 1;
  // Matches the mirror; replaced after each write.
  std::shared_ptr<const rocksdb::Snapshot> snapshot ABSL_GUARDED_BY(mu);

  // Work counters (see GraphStore::Counters); relaxed, for tests and benchmarks.
  mutable std::atomic<uint64_t> evidence_reads{0};
  mutable std::atomic<uint64_t> fuzzy_candidates{0};

  ~StoreState();

  // Adds `id` under the folded name `folded`. REQUIRES: mu held exclusively.
  void AddName(std::string folded, uint32_t id);
  // Removes `id` from under `folded`, dropping the key when no id is left.
  // REQUIRES: mu held exclusively.
  void DropName(const std::string& folded, uint32_t id);

  // REQUIRES: mu held exclusively.
  void RefreshSnapshot();

  // The snapshot that matches the mirror now, kept alive by the caller, so a long
  // scan can run without holding mu. REQUIRES: mu not held.
  std::shared_ptr<const rocksdb::Snapshot> PinSnapshot() ABSL_LOCKS_EXCLUDED(mu) {
    absl::ReaderMutexLock lock(&mu);
    return snapshot;
  }

  bool IsLive(uint64_t id) const {
    return id > 0 && id < entities.size() && entities[id].live;
  }
  Entity MakeEntity(uint32_t id) const;
  // Resolution as documented on GraphStore::ResolveEntity. REQUIRES: mu held.
  absl::StatusOr<uint32_t> Resolve(absl::string_view name_or_id) const;
  // The fallback of Resolve when no name or alias folds to `folded`.
  absl::StatusOr<uint32_t> ResolveByWordPrefix(absl::string_view query,
                                               const std::string& folded) const;
  // Reads the evidence of one edge from `snapshot` (only confirmed pieces unless
  // include_unconfirmed) and combines the confidence. REQUIRES: mu held.
  absl::Status ReadEdge(uint32_t s, RelationType rel, uint32_t o, uint8_t flags,
                        bool include_unconfirmed, rocksdb::Iterator* it,
                        std::vector<Evidence>* evidence, float* confidence) const;
  // An iterator over `snapshot`. REQUIRES: mu held.
  std::unique_ptr<rocksdb::Iterator> NewIterator() const;
};

}  // namespace kg::graph::internal

namespace kg::graph {

struct GraphStore::Rep : public internal::StoreState {};

}  // namespace kg::graph

#endif  // KG_GRAPH_INTERNAL_STORE_REP_H_
