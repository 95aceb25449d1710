// GraphStore: opening, writing (articles, deletes, bulk loads) and the simple
// lookups. Traversal queries live in graph_query.cc; the layout in internal/codec.h.
#include "graph/graph_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "graph/internal/adjacency_merge.h"
#include "graph/internal/codec.h"
#include "graph/internal/name_fold.h"
#include "graph/internal/store_rep.h"
#include "graph/status_macros.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"

namespace kg::graph {

using internal::AdjEntry;
using internal::ArticleRecord;
using internal::EntityRec;
using internal::EvidenceRef;
using internal::FoldName;
using internal::kEdgeConfirmed;
using internal::kEdgeHasEvidence;

namespace internal {

absl::Status FromRocks(const rocksdb::Status& s) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = "rocksdb: " + s.ToString();
  if (s.IsNotFound()) return absl::NotFoundError(msg);
  if (s.IsCorruption()) return absl::DataLossError(msg);
  if (s.IsBusy() || s.IsTryAgain()) return absl::UnavailableError(msg);
  return absl::InternalError(msg);
}

}  // namespace internal

namespace {

using internal::FromRocks;

rocksdb::Slice ToSlice(absl::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
absl::string_view ToView(const rocksdb::Slice& s) { return absl::string_view(s.data(), s.size()); }

bool StartsWith(const rocksdb::Slice& key, absl::string_view prefix) {
  return key.size() >= prefix.size() && std::memcmp(key.data(), prefix.data(), prefix.size()) == 0;
}

absl::Status ValidateArticleId(absl::string_view id) {
  if (id.empty()) return absl::InvalidArgumentError("article id is empty; give every article an id");
  if (id.size() > 1024) {
    return absl::InvalidArgumentError(
        absl::StrCat("article id is ", id.size(), " bytes long; at most 1024 are allowed"));
  }
  if (id.find('\0') != absl::string_view::npos) {
    return absl::InvalidArgumentError("article id contains a NUL byte");
  }
  return absl::OkStatus();
}

absl::Status ValidateMention(const EntityMention& m, absl::string_view where) {
  if (internal::CleanName(m.name).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ".name is empty"));
  }
  if (!internal::IsValidEntityType(m.type)) {
    return absl::InvalidArgumentError(absl::StrCat(where, ".type is not a known entity type"));
  }
  if (m.name.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(where, ".name contains a NUL byte"));
  }
  for (const std::string& alias : m.aliases) {
    if (alias.find('\0') != std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat(where, ".aliases contain a NUL byte"));
    }
  }
  return absl::OkStatus();
}

bool TypesCompatible(EntityType a, EntityType b) {
  return a == EntityType::kUnknown || b == EntityType::kUnknown || a == b;
}

using EdgeTriple = std::tuple<uint32_t, uint8_t, uint32_t>;  // subject, relation, object

// What one article change does to one edge.
struct EdgeTally {
  uint32_t other = 0;  // Evidence from other articles (or the bulk loader).
  bool other_confirmed = false;
  bool other_real = false;  // Some of `other` is stored evidence, not a loaded edge.
  uint32_t added = 0;       // Evidence from the new version of this article.
  bool added_confirmed = false;
};

// An entity as it will be after the change.
struct PendingEntity {
  Entity entity;
  bool is_new = false;
  std::vector<std::string> new_folded;  // Name-index keys to add.
};

}  // namespace

internal::StoreState::~StoreState() {
  snapshot.reset();
  if (db != nullptr) db->Close().PermitUncheckedError();
}

void internal::StoreState::RefreshSnapshot() {
  rocksdb::DB* raw = db.get();
  snapshot = std::shared_ptr<const rocksdb::Snapshot>(
      raw->GetSnapshot(), [raw](const rocksdb::Snapshot* s) { raw->ReleaseSnapshot(s); });
}

void internal::StoreState::AddName(std::string folded, uint32_t id) {
  auto [it, inserted] = names.try_emplace(std::move(folded));
  if (inserted) fuzzy.Add(it->first);
  it->second.push_back(id);
}

void internal::StoreState::DropName(const std::string& folded, uint32_t id) {
  auto n = names.find(folded);
  if (n == names.end()) return;
  auto& v = n->second;
  v.erase(std::remove(v.begin(), v.end(), id), v.end());
  if (v.empty()) {
    fuzzy.Remove(n->first);
    names.erase(n);
  }
}

std::unique_ptr<rocksdb::Iterator> internal::StoreState::NewIterator() const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.get();
  return std::unique_ptr<rocksdb::Iterator>(db->NewIterator(ro));
}

Entity internal::StoreState::MakeEntity(uint32_t id) const {
  const EntityRec& rec = entities[id];
  Entity e;
  e.id = id;
  e.name = rec.name;
  e.type = rec.type;
  e.aliases = rec.aliases;
  return e;
}

absl::Status internal::StoreState::ReadEdge(uint32_t s, RelationType rel, uint32_t o, uint8_t flags,
                                       bool include_unconfirmed, rocksdb::Iterator* it,
                                       std::vector<Evidence>* evidence, float* confidence) const {
  evidence->clear();
  if ((flags & kEdgeHasEvidence) == 0) {
    *confidence = 1.0f;  // A loaded edge: asserted by whoever loaded it.
    return absl::OkStatus();
  }
  evidence_reads.fetch_add(1, std::memory_order_relaxed);
  std::string prefix = internal::EdgeKey(internal::kEvidencePrefix, s, rel, o);
  double miss = 1.0;
  for (it->Seek(ToSlice(prefix)); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
    if (!include_unconfirmed && !internal::EvidenceValueConfirmed(ToView(it->value()))) continue;
    internal::EvidenceKeyParts parts;
    Evidence ev;
    if (!internal::DecodeEvidenceKey(ToView(it->key()), &parts) ||
        !internal::DecodeEvidence(ToView(it->value()), &ev)) {
      return absl::DataLossError("undecodable evidence record");
    }
    ev.article_id = std::string(parts.article_id);
    miss *= 1.0 - std::clamp(static_cast<double>(ev.confidence), 0.0, 1.0);
    evidence->push_back(std::move(ev));
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status()));
  *confidence = static_cast<float>(1.0 - miss);
  return absl::OkStatus();
}

absl::StatusOr<uint32_t> internal::StoreState::Resolve(absl::string_view name_or_id) const {
  std::string query = internal::CleanName(name_or_id);
  if (query.empty()) return absl::InvalidArgumentError("entity is empty; give a name or an id");
  uint64_t id = 0;
  if (absl::SimpleAtoi(query, &id) && IsLive(id)) return static_cast<uint32_t>(id);
  const std::string folded = FoldName(query);
  auto it = names.find(folded);
  if (it == names.end() || it->second.empty()) return ResolveByWordPrefix(query, folded);
  const auto& candidates = it->second;
  if (candidates.size() == 1) return candidates[0];
  // Several share the folded form: an exact canonical name wins, then an exact alias.
  std::vector<uint32_t> exact_name, exact_alias;
  for (uint32_t c : candidates) {
    const EntityRec& rec = entities[c];
    if (rec.name == query) exact_name.push_back(c);
    if (std::find(rec.aliases.begin(), rec.aliases.end(), query) != rec.aliases.end()) {
      exact_alias.push_back(c);
    }
  }
  if (exact_name.size() == 1) return exact_name[0];
  if (exact_name.empty() && exact_alias.size() == 1) return exact_alias[0];
  std::vector<std::string> listed;
  for (uint32_t c : candidates) {
    listed.push_back(absl::StrCat("\"", entities[c].name, "\" (id ", c, ", ",
                                  EntityTypeName(entities[c].type), ")"));
  }
  return absl::InvalidArgumentError(absl::StrCat("\"", query, "\" is ambiguous; it names ",
                                                 absl::StrJoin(listed, ", "),
                                                 ": ask again by id"));
}

// People shorten names ("Misa Zhu" for "Misa Zhu Mingming", "Vision Plus" for "Vision
// Plus Capital"), so a query that names nothing whole resolves to the one entity having a
// name or alias that starts with it at a word boundary. Never a bare prefix of a word:
// "Ali" does not name Alibaba.
absl::StatusOr<uint32_t> internal::StoreState::ResolveByWordPrefix(absl::string_view query,
                                                                   const std::string& folded) const {
  const std::string word_prefix = folded + " ";
  absl::btree_set<uint32_t> found;
  for (auto it = names.lower_bound(word_prefix);
       it != names.end() && absl::StartsWith(it->first, word_prefix) && found.size() <= 10; ++it) {
    found.insert(it->second.begin(), it->second.end());
  }
  if (found.size() == 1) return *found.begin();
  if (found.empty()) return absl::NotFoundError(absl::StrCat("no entity named \"", query, "\""));
  std::vector<std::string> listed;
  for (uint32_t c : found) {
    listed.push_back(absl::StrCat("\"", entities[c].name, "\" (id ", c, ")"));
  }
  return absl::InvalidArgumentError(absl::StrCat("\"", query, "\" is ambiguous; it starts ",
                                                 absl::StrJoin(listed, ", "),
                                                 ": give the full name or the id"));
}

GraphStore::GraphStore(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
GraphStore::~GraphStore() = default;

absl::StatusOr<std::unique_ptr<GraphStore>> GraphStore::Open(const GraphOptions& options) {
  if (options.path.empty()) return absl::InvalidArgumentError("GraphOptions.path is empty");
  rocksdb::Options ro;
  ro.create_if_missing = options.create_if_missing;
  ro.merge_operator = internal::NewAdjacencyMergeOperator();
  ro.IncreaseParallelism(2);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  ro.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(ro, options.path, &raw);
  if (!s.ok()) {
    if (s.IsInvalidArgument() && !options.create_if_missing) {
      return absl::NotFoundError(absl::StrCat("no store at ", options.path, ": ", s.ToString()));
    }
    return FromRocks(s);
  }
  auto rep = std::make_unique<Rep>();
  rep->path = options.path;
  rep->db.reset(raw);
  rocksdb::DB* db = raw;

  // Format version: a new, empty store gets ours; anything else must match it.
  std::string version;
  s = db->Get(rocksdb::ReadOptions(), internal::MetaKey("format_version"), &version);
  if (s.IsNotFound()) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions()));
    it->SeekToFirst();
    if (it->Valid()) {
      return absl::DataLossError(absl::StrCat("store at ", options.path,
                                              " has data but no format version; refusing to "
                                              "read it"));
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    KG_RETURN_IF_ERROR(FromRocks(db->Put(wo, internal::MetaKey("format_version"),
                                         std::to_string(internal::kFormatVersion))));
  } else if (!s.ok()) {
    return FromRocks(s);
  } else if (version != std::to_string(internal::kFormatVersion)) {
    return absl::DataLossError(absl::StrCat("store at ", options.path, " has format version ",
                                            version, "; this build reads only version ",
                                            internal::kFormatVersion));
  }

  Rep& r = *rep;
  absl::MutexLock wl(&r.write_mu);
  absl::MutexLock lock(&r.mu);
  std::string next_id;
  s = db->Get(rocksdb::ReadOptions(), internal::MetaKey("next_entity_id"), &next_id);
  if (s.ok() && next_id.size() == 8) {
    r.next_entity_id = internal::DecodeFixed64BE(next_id.data());
  } else if (!s.IsNotFound()) {
    return s.ok() ? absl::DataLossError("bad next_entity_id record") : FromRocks(s);
  }
  r.entities.resize(r.next_entity_id);

  rocksdb::ReadOptions scan;
  scan.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(scan));
  // Entities.
  for (it->Seek(std::string(1, internal::kEntityPrefix));
       it->Valid() && it->key()[0] == internal::kEntityPrefix; it->Next()) {
    if (it->key().size() != 9) return absl::DataLossError("bad entity key");
    uint64_t id = internal::DecodeFixed64BE(it->key().data() + 1);
    Entity e;
    if (id == 0 || id >= r.entities.size() || !internal::DecodeEntity(id, ToView(it->value()), &e)) {
      return absl::DataLossError(absl::StrCat("bad entity record for id ", id));
    }
    EntityRec& rec = r.entities[id];
    rec.name = std::move(e.name);
    rec.aliases = std::move(e.aliases);
    rec.type = e.type;
    rec.live = true;
    ++r.live_entities;
  }
  // Name index.
  for (it->Seek(std::string(1, internal::kNamePrefix));
       it->Valid() && it->key()[0] == internal::kNamePrefix; it->Next()) {
    rocksdb::Slice key = it->key();
    if (key.size() < 10) return absl::DataLossError("bad name key");
    uint64_t id = internal::DecodeFixed64BE(key.data() + key.size() - 8);
    if (!r.IsLive(id)) continue;
    r.AddName(std::string(key.data() + 1, key.size() - 10), static_cast<uint32_t>(id));
  }
  // Adjacency: keys come in (id, dir, rel) order and lists are sorted, so each
  // entity's entries arrive already in AdjBefore order.
  std::vector<uint64_t> ids;
  for (it->Seek(std::string(1, internal::kAdjacencyPrefix));
       it->Valid() && it->key()[0] == internal::kAdjacencyPrefix; it->Next()) {
    rocksdb::Slice key = it->key();
    if (key.size() != 11) return absl::DataLossError("bad adjacency key");
    uint64_t id = internal::DecodeFixed64BE(key.data() + 1);
    uint8_t dir = static_cast<uint8_t>(key[9]);
    uint8_t rel = static_cast<uint8_t>(key[10]);
    if (!r.IsLive(id) || !internal::IsValidRelation(static_cast<RelationType>(rel)) ||
        !internal::DecodeAdjacencyList(ToView(it->value()), &ids)) {
      return absl::DataLossError(absl::StrCat("bad adjacency list for entity ", id));
    }
    EntityRec& rec = r.entities[id];
    rec.adj.reserve(rec.adj.size() + ids.size());
    for (uint64_t n : ids) {
      rec.adj.push_back(AdjEntry{static_cast<uint32_t>(n), dir, rel, kEdgeConfirmed, 0});
    }
    if (dir == static_cast<uint8_t>(Direction::kOut)) r.edges_by_relation[rel] += ids.size();
  }
  auto mark_both = [&](uint64_t s_id, uint8_t rel, uint64_t o_id, auto&& fn) -> bool {
    if (!r.IsLive(s_id) || !r.IsLive(o_id)) return false;
    AdjEntry* out = internal::FindAdjMutable(r.entities[s_id], 1, rel, static_cast<uint32_t>(o_id));
    AdjEntry* in = internal::FindAdjMutable(r.entities[o_id], 2, rel, static_cast<uint32_t>(s_id));
    if (out == nullptr || in == nullptr) return false;
    fn(out, r.entities[s_id]);
    fn(in, r.entities[o_id]);
    return true;
  };
  // Unconfirmed-only edges.
  for (it->Seek(std::string(1, internal::kUnconfirmedPrefix));
       it->Valid() && it->key()[0] == internal::kUnconfirmedPrefix; it->Next()) {
    rocksdb::Slice key = it->key();
    if (key.size() != 18) return absl::DataLossError("bad unconfirmed-edge key");
    bool ok = mark_both(internal::DecodeFixed64BE(key.data() + 1), static_cast<uint8_t>(key[9]),
                        internal::DecodeFixed64BE(key.data() + 10),
                        [](AdjEntry* e, EntityRec& rec) {
                          if (e->flags & kEdgeConfirmed) ++rec.unconfirmed;
                          e->flags &= ~kEdgeConfirmed;
                        });
    if (!ok) return absl::DataLossError("unconfirmed-edge marker for a missing edge");
  }
  // Evidence.
  for (it->Seek(std::string(1, internal::kEvidencePrefix));
       it->Valid() && it->key()[0] == internal::kEvidencePrefix; it->Next()) {
    internal::EvidenceKeyParts parts;
    if (!internal::DecodeEvidenceKey(ToView(it->key()), &parts)) {
      return absl::DataLossError("bad evidence key");
    }
    bool ok = mark_both(parts.subject, static_cast<uint8_t>(parts.relation), parts.object,
                        [](AdjEntry* e, EntityRec&) { e->flags |= kEdgeHasEvidence; });
    if (!ok) return absl::DataLossError("evidence for a missing edge");
    ++r.evidence;
  }
  for (it->Seek(std::string(1, internal::kArticlePrefix));
       it->Valid() && it->key()[0] == internal::kArticlePrefix; it->Next()) {
    ++r.articles;
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status()));
  it.reset();
  r.RefreshSnapshot();
  return std::unique_ptr<GraphStore>(new GraphStore(std::move(rep)));
}

namespace {

// Plans and commits one article change: removes the old version's evidence (if
// any), adds the new facts, and derives every edge, degree, entity and index
// change, all in one WriteBatch; then updates the mirror under the reader lock.
// REQUIRES: r.write_mu held.
absl::Status CommitArticleChange(internal::StoreState& r, absl::string_view article_id,
                                 const ArticleRecord* old_record, const Article* article,
                                 const std::vector<RelationFact>* facts,
                                 IngestOutcome* ingest, DeleteOutcome* removal)
    ABSL_NO_THREAD_SAFETY_ANALYSIS {
  // Reading the mirror without mu is safe here: only writers change it, and we
  // hold write_mu.
  std::map<uint32_t, PendingEntity> pending;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> pending_names;
  uint64_t next_id = r.next_entity_id;

  auto entity_type = [&](uint32_t id) {
    auto p = pending.find(id);
    return p != pending.end() ? p->second.entity.type : r.entities[id].type;
  };
  auto touch = [&](uint32_t id) -> PendingEntity& {
    auto p = pending.find(id);
    if (p != pending.end()) return p->second;
    PendingEntity& pe = pending[id];
    pe.entity = r.MakeEntity(id);
    return pe;
  };
  auto has_folded = [&](const Entity& e, const std::string& folded) {
    if (FoldName(e.name) == folded) return true;
    for (const std::string& a : e.aliases) {
      if (FoldName(a) == folded) return true;
    }
    return false;
  };
  auto resolve = [&](const EntityMention& m) -> uint32_t {
    std::vector<std::string> names;
    std::vector<std::string> folded;
    auto add_name = [&](absl::string_view raw) {
      std::string clean = internal::CleanName(raw);
      if (clean.empty()) return;
      std::string f = FoldName(clean);
      if (std::find(folded.begin(), folded.end(), f) != folded.end()) return;
      names.push_back(std::move(clean));
      folded.push_back(std::move(f));
    };
    add_name(m.name);
    for (const std::string& a : m.aliases) add_name(a);
    uint32_t chosen = 0;
    for (const std::string& f : folded) {
      std::vector<uint32_t> candidates;
      auto g = r.names.find(f);
      if (g != r.names.end()) candidates.assign(g->second.begin(), g->second.end());
      auto p = pending_names.find(f);
      if (p != pending_names.end()) {
        candidates.insert(candidates.end(), p->second.begin(), p->second.end());
      }
      std::sort(candidates.begin(), candidates.end());
      for (uint32_t c : candidates) {
        if (TypesCompatible(entity_type(c), m.type)) {
          chosen = c;
          break;
        }
      }
      if (chosen != 0) break;
    }
    if (chosen == 0) {
      chosen = static_cast<uint32_t>(next_id++);
      PendingEntity& pe = pending[chosen];
      pe.is_new = true;
      pe.entity.id = chosen;
      pe.entity.name = names[0];
      pe.entity.type = m.type;
      pe.entity.aliases.assign(names.begin() + 1, names.end());
      for (const std::string& f : folded) {
        pe.new_folded.push_back(f);
        pending_names[f].push_back(chosen);
      }
      return chosen;
    }
    PendingEntity& pe = touch(chosen);
    if (pe.entity.type == EntityType::kUnknown) pe.entity.type = m.type;
    for (size_t i = 0; i < names.size(); ++i) {
      if (has_folded(pe.entity, folded[i])) continue;
      pe.entity.aliases.push_back(names[i]);
      pe.new_folded.push_back(folded[i]);
      pending_names[folded[i]].push_back(chosen);
    }
    return chosen;
  };

  rocksdb::WriteBatch batch;
  std::map<EdgeTriple, EdgeTally> tallies;
  ArticleRecord record;
  if (old_record != nullptr) {
    for (const EvidenceRef& ref : old_record->evidence) {
      batch.Delete(internal::EvidenceKey(ref.subject, ref.relation, ref.object, article_id,
                                         ref.seq));
      tallies[{static_cast<uint32_t>(ref.subject), static_cast<uint8_t>(ref.relation),
               static_cast<uint32_t>(ref.object)}];
    }
  }
  if (facts != nullptr) {
    std::set<uint32_t> used;
    for (size_t i = 0; i < facts->size(); ++i) {
      const RelationFact& fact = (*facts)[i];
      uint32_t s = resolve(fact.subject);
      uint32_t o = resolve(fact.object);
      if (s == o) continue;  // A fact relating an entity to itself says nothing here.
      Evidence ev = fact.evidence;
      batch.Put(internal::EvidenceKey(s, fact.relation, o, article_id, static_cast<uint32_t>(i)),
                internal::EncodeEvidence(ev));
      record.evidence.push_back(EvidenceRef{s, fact.relation, o, static_cast<uint32_t>(i)});
      EdgeTally& t = tallies[{s, static_cast<uint8_t>(fact.relation), o}];
      ++t.added;
      t.added_confirmed |= ev.confirmed;
      used.insert(s);
      used.insert(o);
    }
    // Mentions that only appeared in skipped facts change nothing.
    for (auto p = pending.begin(); p != pending.end();) {
      p = used.count(p->first) > 0 ? std::next(p) : pending.erase(p);
    }
  }

  // Other support of each touched edge, read from the latest state (write_mu held).
  std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(rocksdb::ReadOptions()));
  for (auto& [edge, t] : tallies) {
    auto [s, rel, o] = edge;
    if (s < r.entities.size() && r.entities[s].live) {
      const AdjEntry* e = internal::FindAdj(r.entities[s], 1, rel, o);
      if (e != nullptr && (e->flags & kEdgeHasEvidence) == 0) {
        ++t.other;  // A loaded edge keeps itself alive.
        t.other_confirmed = true;
      }
    }
    std::string prefix = internal::EdgeKey(internal::kEvidencePrefix, s,
                                           static_cast<RelationType>(rel), o);
    for (it->Seek(ToSlice(prefix)); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
      internal::EvidenceKeyParts parts;
      if (!internal::DecodeEvidenceKey(ToView(it->key()), &parts)) {
        return absl::DataLossError("bad evidence key");
      }
      if (parts.article_id == article_id) continue;
      ++t.other;
      t.other_real = true;
      t.other_confirmed |= internal::EvidenceValueConfirmed(ToView(it->value()));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status()));
  }
  it.reset();

  // Edge diffs.
  struct EdgeChange {
    EdgeTriple edge;
    bool existed;
    bool exists;
    uint8_t flags;  // When exists.
  };
  std::vector<EdgeChange> changes;
  std::map<std::tuple<uint32_t, uint8_t, uint8_t>, int64_t> degree_delta;  // (id, dir, rel)
  absl::flat_hash_map<uint32_t, int64_t> total_delta;
  for (const auto& [edge, t] : tallies) {
    auto [s, rel, o] = edge;
    const AdjEntry* cur = nullptr;
    if (s < r.entities.size() && r.entities[s].live) cur = internal::FindAdj(r.entities[s], 1, rel, o);
    bool exists = t.other + t.added > 0;
    uint8_t flags = 0;
    if (t.other_confirmed || t.added_confirmed) flags |= kEdgeConfirmed;
    if (t.other_real || t.added > 0) flags |= kEdgeHasEvidence;
    if (cur == nullptr && !exists) continue;
    if (cur != nullptr && exists && cur->flags == flags) continue;
    changes.push_back(EdgeChange{edge, cur != nullptr, exists, flags});
    RelationType relation = static_cast<RelationType>(rel);
    std::string u_key = internal::EdgeKey(internal::kUnconfirmedPrefix, s, relation, o);
    if (exists && !(flags & kEdgeConfirmed)) {
      batch.Put(u_key, "");
    } else {
      batch.Delete(u_key);
    }
    if (cur == nullptr || !exists) {
      int d = exists ? 1 : -1;
      std::string op(1, exists ? internal::kAdjacencyAdd : internal::kAdjacencyRemove);
      std::string op_s = op, op_o = op;
      internal::PutFixed64BE(&op_o, o);
      internal::PutFixed64BE(&op_s, s);
      batch.Merge(internal::AdjacencyKey(s, Direction::kOut, relation), op_o);
      batch.Merge(internal::AdjacencyKey(o, Direction::kIn, relation), op_s);
      degree_delta[{s, 1, rel}] += d;
      degree_delta[{o, 2, rel}] += d;
      total_delta[s] += d;
      total_delta[o] += d;
      if (removal != nullptr && !exists) ++removal->edges_removed;
    }
  }
  auto current_degree = [&](uint32_t id, uint8_t dir, uint8_t rel) -> int64_t {
    if (id >= r.entities.size() || !r.entities[id].live) return 0;
    auto [lo, hi] = internal::AdjRange(r.entities[id], dir, rel);
    return static_cast<int64_t>(hi - lo);
  };
  for (const auto& [key, delta] : degree_delta) {
    auto [id, dir, rel] = key;
    if (delta == 0) continue;
    int64_t value = current_degree(id, dir, rel) + delta;
    Direction d = static_cast<Direction>(dir);
    RelationType relation = static_cast<RelationType>(rel);
    if (value <= 0) {
      batch.Delete(internal::DegreeKey(id, d, relation));
      batch.Delete(internal::AdjacencyKey(id, d, relation));
    } else {
      std::string v;
      internal::PutFixed64BE(&v, static_cast<uint64_t>(value));
      batch.Put(internal::DegreeKey(id, d, relation), v);
    }
  }
  // Entities left with no edge go.
  std::vector<uint32_t> removed_entities;
  for (const auto& [id, delta] : total_delta) {
    if (delta >= 0 || pending.count(id) > 0) continue;
    if (static_cast<int64_t>(r.entities[id].adj.size()) + delta == 0) removed_entities.push_back(id);
  }
  std::sort(removed_entities.begin(), removed_entities.end());
  for (uint32_t id : removed_entities) {
    const EntityRec& rec = r.entities[id];
    batch.Delete(internal::EntityKey(id));
    batch.Delete(internal::NameKey(FoldName(rec.name), id));
    for (const std::string& a : rec.aliases) batch.Delete(internal::NameKey(FoldName(a), id));
  }
  if (removal != nullptr) removal->entities_removed = removed_entities.size();
  // Entities created or changed.
  size_t created = 0;
  for (const auto& [id, pe] : pending) {
    if (pe.is_new) ++created;
    if (!pe.is_new && pe.new_folded.empty() && pe.entity.type == r.entities[id].type) continue;
    batch.Put(internal::EntityKey(id), internal::EncodeEntity(pe.entity));
    for (const std::string& f : pe.new_folded) batch.Put(internal::NameKey(f, id), "");
  }
  if (next_id != r.next_entity_id) {
    std::string v;
    internal::PutFixed64BE(&v, next_id);
    batch.Put(internal::MetaKey("next_entity_id"), v);
  }
  if (article != nullptr) {
    record.title = article->title;
    record.source_url = article->source_url;
    record.content_hash = internal::ContentHash(article->text);
    record.text_bytes = article->text.size();
    record.fact_count = static_cast<uint32_t>(record.evidence.size());
    record.ingested_unix_seconds = absl::ToUnixSeconds(absl::Now());
    batch.Put(internal::ArticleKey(article_id), internal::EncodeArticle(record));
  } else {
    batch.Delete(internal::ArticleKey(article_id));
  }

  KG_RETURN_IF_ERROR(FromRocks(r.db->Write(rocksdb::WriteOptions(), &batch)));

  // The batch is durable (in the WAL); now the mirror, under the reader lock.
  absl::MutexLock lock(&r.mu);
  if (next_id > r.entities.size()) r.entities.resize(next_id);
  r.next_entity_id = next_id;
  for (auto& [id, pe] : pending) {
    EntityRec& rec = r.entities[id];
    if (pe.is_new) {
      rec.live = true;
      ++r.live_entities;
    }
    rec.name = pe.entity.name;
    rec.aliases = pe.entity.aliases;
    rec.type = pe.entity.type;
    for (const std::string& f : pe.new_folded) r.AddName(f, id);
  }
  for (const EdgeChange& c : changes) {
    auto [s, rel, o] = c.edge;
    EntityRec& srec = r.entities[s];
    EntityRec& orec = r.entities[o];
    auto update = [&](EntityRec& rec, uint8_t dir, uint32_t nbr) {
      auto pos = std::lower_bound(rec.adj.begin(), rec.adj.end(), 0u,
                                  [&](const AdjEntry& a, uint32_t) {
                                    return internal::AdjBefore(a, dir, rel, nbr);
                                  });
      bool found = pos != rec.adj.end() && pos->dir == dir && pos->rel == rel && pos->nbr == nbr;
      if (found && !(pos->flags & kEdgeConfirmed)) --rec.unconfirmed;
      if (!c.exists) {
        if (found) rec.adj.erase(pos);
        return;
      }
      if (!found) pos = rec.adj.insert(pos, AdjEntry{nbr, dir, rel, 0, 0});
      pos->flags = c.flags;
      if (!(c.flags & kEdgeConfirmed)) ++rec.unconfirmed;
    };
    update(srec, 1, o);
    update(orec, 2, s);
    if (c.existed && !c.exists) --r.edges_by_relation[rel];
    if (!c.existed && c.exists) ++r.edges_by_relation[rel];
  }
  for (uint32_t id : removed_entities) {
    EntityRec& rec = r.entities[id];
    auto drop = [&](const std::string& name) { r.DropName(FoldName(name), id); };
    drop(rec.name);
    for (const std::string& a : rec.aliases) drop(a);
    rec = EntityRec();
    --r.live_entities;
  }
  if (old_record == nullptr) ++r.articles;
  if (article == nullptr) --r.articles;
  r.evidence -= old_record != nullptr ? old_record->evidence.size() : 0;
  r.evidence += record.evidence.size();
  r.RefreshSnapshot();
  if (ingest != nullptr) {
    ingest->facts_stored = record.evidence.size();
    ingest->entities_created = created;
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> ReadArticleRecord(rocksdb::DB* db, const rocksdb::Snapshot* snapshot,
                                       absl::string_view id, ArticleRecord* record) {
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot;
  std::string value;
  rocksdb::Status s = db->Get(ro, internal::ArticleKey(id), &value);
  if (s.IsNotFound()) return false;
  KG_RETURN_IF_ERROR(FromRocks(s));
  if (!internal::DecodeArticle(value, record)) {
    return absl::DataLossError(absl::StrCat("bad record for article ", id));
  }
  return true;
}

}  // namespace

absl::StatusOr<IngestOutcome> GraphStore::AddArticle(const Article& article,
                                                     const std::vector<RelationFact>& facts) {
  KG_RETURN_IF_ERROR(ValidateArticleId(article.id));
  for (size_t i = 0; i < facts.size(); ++i) {
    const RelationFact& f = facts[i];
    std::string where = absl::StrCat("facts[", i, "]");
    if (!internal::IsValidRelation(f.relation)) {
      return absl::InvalidArgumentError(absl::StrCat(where, ".relation is not a known relation"));
    }
    KG_RETURN_IF_ERROR(ValidateMention(f.subject, where + ".subject"));
    KG_RETURN_IF_ERROR(ValidateMention(f.object, where + ".object"));
    if (!f.evidence.article_id.empty() && f.evidence.article_id != article.id) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ".evidence names article \"", f.evidence.article_id,
                       "\" but the fact is being added with article \"", article.id, "\""));
    }
  }
  Rep& r = *rep_;
  absl::MutexLock wl(&r.write_mu);
  ArticleRecord old;
  KG_ASSIGN_OR_RETURN(bool had_old, ReadArticleRecord(r.db.get(), nullptr, article.id, &old));
  IngestOutcome outcome;
  if (had_old && old.content_hash == internal::ContentHash(article.text) &&
      old.text_bytes == article.text.size()) {
    outcome.kind = IngestOutcomeKind::kUnchanged;
    outcome.facts_stored = old.fact_count;
    return outcome;
  }
  outcome.kind = had_old ? IngestOutcomeKind::kReplaced : IngestOutcomeKind::kAdded;
  KG_RETURN_IF_ERROR(CommitArticleChange(r, article.id, had_old ? &old : nullptr, &article,
                                         &facts, &outcome, nullptr));
  return outcome;
}

absl::StatusOr<DeleteOutcome> GraphStore::DeleteArticle(absl::string_view article_id) {
  KG_RETURN_IF_ERROR(ValidateArticleId(article_id));
  Rep& r = *rep_;
  absl::MutexLock wl(&r.write_mu);
  ArticleRecord old;
  KG_ASSIGN_OR_RETURN(bool had_old, ReadArticleRecord(r.db.get(), nullptr, article_id, &old));
  if (!had_old) return absl::NotFoundError(absl::StrCat("no article with id \"", article_id, "\""));
  DeleteOutcome outcome;
  KG_RETURN_IF_ERROR(
      CommitArticleChange(r, article_id, &old, nullptr, nullptr, nullptr, &outcome));
  return outcome;
}

absl::StatusOr<Entity> GraphStore::ResolveEntity(absl::string_view name_or_id) const {
  absl::ReaderMutexLock lock(&rep_->mu);
  KG_ASSIGN_OR_RETURN(uint32_t id, rep_->Resolve(name_or_id));
  return rep_->MakeEntity(id);
}

GraphCounters GraphStore::Counters() const {
  GraphCounters counters;
  counters.evidence_reads = rep_->evidence_reads.load(std::memory_order_relaxed);
  counters.fuzzy_candidates = rep_->fuzzy_candidates.load(std::memory_order_relaxed);
  return counters;
}

absl::StatusOr<Entity> GraphStore::GetEntity(EntityId id) const {
  absl::ReaderMutexLock lock(&rep_->mu);
  if (!rep_->IsLive(id)) return absl::NotFoundError(absl::StrCat("no entity with id ", id));
  return rep_->MakeEntity(static_cast<uint32_t>(id));
}

absl::StatusOr<std::vector<EntityMatch>> GraphStore::SearchEntities(absl::string_view query,
                                                                    size_t limit) const {
  std::string clean = internal::CleanName(query);
  if (clean.empty()) return absl::InvalidArgumentError("search query is empty");
  if (limit < 1 || limit > 100) {
    return absl::InvalidArgumentError(absl::StrCat("limit must be between 1 and 100, got ", limit));
  }
  std::string folded = FoldName(clean);
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  absl::flat_hash_map<uint32_t, EntityMatch> best;
  auto offer = [&](uint32_t id, absl::string_view matched, MatchKind kind, double score) {
    auto [it, inserted] = best.try_emplace(id);
    if (!inserted && it->second.score >= score) return;
    it->second.entity.id = id;
    it->second.matched_name = std::string(matched);
    it->second.kind = kind;
    it->second.score = score;
  };
  // Which of an entity's names folds to `key` (for matched_name).
  auto name_for = [&](uint32_t id, absl::string_view key) -> std::string {
    const EntityRec& rec = r.entities[id];
    if (FoldName(rec.name) == key) return rec.name;
    for (const std::string& a : rec.aliases) {
      if (FoldName(a) == key) return a;
    }
    return rec.name;
  };
  // Exact and folded.
  auto exact = r.names.find(folded);
  if (exact != r.names.end()) {
    for (uint32_t id : exact->second) {
      const EntityRec& rec = r.entities[id];
      if (rec.name == clean) {
        offer(id, rec.name, MatchKind::kExactName, 100);
      } else if (std::find(rec.aliases.begin(), rec.aliases.end(), clean) != rec.aliases.end()) {
        offer(id, clean, MatchKind::kAlias, 90);
      } else {
        offer(id, name_for(id, folded), MatchKind::kFolded, 80);
      }
    }
  }
  // Prefix: shorter completions rank higher.
  size_t scanned = 0;
  for (auto it = r.names.lower_bound(folded);
       it != r.names.end() && it->first.compare(0, folded.size(), folded) == 0 && scanned < 2000;
       ++it, ++scanned) {
    if (it->first.size() == folded.size()) continue;
    double score = 60 + 10.0 * folded.size() / it->first.size();
    for (uint32_t id : it->second) offer(id, name_for(id, it->first), MatchKind::kPrefix, score);
  }
  // Typos, only when the better kinds leave room. The trigram index narrows the
  // names to compare to those sharing enough trigrams with the query (see
  // internal/fuzzy_index.h): a small fraction of the store, never a scan of it.
  if (best.size() < limit && folded.size() >= 3) {
    const size_t max_dist = folded.size() >= 8 ? 2 : 1;
    std::vector<const std::string*> candidates;
    if (r.fuzzy.Candidates(folded, max_dist, /*prefix=*/false, &candidates)) {
      r.fuzzy_candidates.fetch_add(candidates.size(), std::memory_order_relaxed);
      for (const std::string* key : candidates) {
        const size_t d = internal::BoundedEditDistance(folded, *key, max_dist);
        if (d == 0 || d > max_dist) continue;
        auto ids = r.names.find(*key);
        if (ids == r.names.end()) continue;
        const double score = 40 - 10.0 * d;
        for (uint32_t id : ids->second) offer(id, name_for(id, *key), MatchKind::kFuzzy, score);
      }
    }
    // A typo in the first word of a longer name ("Moonshto" for "Moonshot AI"): one
    // edit from a prefix of the name. Ranks below whole-name typos.
    constexpr size_t kPrefixDist = 1;
    if (folded.size() >= 5 &&
        r.fuzzy.Candidates(folded, kPrefixDist, /*prefix=*/true, &candidates)) {
      r.fuzzy_candidates.fetch_add(candidates.size(), std::memory_order_relaxed);
      for (const std::string* key : candidates) {
        if (key->size() <= folded.size()) continue;  // Whole-name typos are handled above.
        const size_t d = internal::BoundedPrefixEditDistance(folded, *key, kPrefixDist);
        if (d == 0 || d > kPrefixDist) continue;
        auto ids = r.names.find(*key);
        if (ids == r.names.end()) continue;
        const double score = 25 + 5.0 * folded.size() / key->size();
        for (uint32_t id : ids->second) offer(id, name_for(id, *key), MatchKind::kFuzzy, score);
      }
    }
  }
  std::vector<EntityMatch> out;
  out.reserve(best.size());
  for (auto& [id, m] : best) {
    m.entity = r.MakeEntity(id);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const EntityMatch& a, const EntityMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.entity.name.size() != b.entity.name.size()) {
      return a.entity.name.size() < b.entity.name.size();
    }
    return a.entity.id < b.entity.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

absl::StatusOr<uint64_t> GraphStore::Degree(EntityId entity, RelationType relation,
                                            Direction direction) const {
  if (!internal::IsValidRelation(relation)) {
    return absl::InvalidArgumentError("relation is not a known relation");
  }
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  if (!r.IsLive(entity)) return absl::NotFoundError(absl::StrCat("no entity with id ", entity));
  rocksdb::ReadOptions ro;
  ro.snapshot = r.snapshot.get();
  uint64_t total = 0;
  for (Direction d : {Direction::kOut, Direction::kIn}) {
    if (direction != Direction::kBoth && direction != d) continue;
    std::string value;
    rocksdb::Status s = r.db->Get(ro, internal::DegreeKey(entity, d, relation), &value);
    if (s.IsNotFound()) continue;
    KG_RETURN_IF_ERROR(FromRocks(s));
    if (value.size() != 8) return absl::DataLossError("bad degree record");
    total += internal::DecodeFixed64BE(value.data());
  }
  return total;
}

namespace {
ArticleInfo MakeArticleInfo(absl::string_view id, const ArticleRecord& rec) {
  ArticleInfo info;
  info.id = std::string(id);
  info.title = rec.title;
  info.source_url = rec.source_url;
  info.content_hash = rec.content_hash;
  info.text_bytes = rec.text_bytes;
  info.fact_count = rec.fact_count;
  info.ingested_unix_seconds = rec.ingested_unix_seconds;
  return info;
}
}  // namespace

absl::StatusOr<ArticleInfo> GraphStore::GetArticle(absl::string_view article_id) const {
  KG_RETURN_IF_ERROR(ValidateArticleId(article_id));
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  ArticleRecord rec;
  KG_ASSIGN_OR_RETURN(bool found,
                      ReadArticleRecord(r.db.get(), r.snapshot.get(), article_id, &rec));
  if (!found) return absl::NotFoundError(absl::StrCat("no article with id \"", article_id, "\""));
  return MakeArticleInfo(article_id, rec);
}

absl::StatusOr<ArticlePage> GraphStore::ListArticles(size_t page_size,
                                                     absl::string_view page_token) const {
  if (page_size < 1 || page_size > 1000) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must be between 1 and 1000, got ", page_size));
  }
  std::string after;
  if (!page_token.empty()) {
    std::string raw;
    if (!absl::WebSafeBase64Unescape(page_token, &raw) || raw.empty() || raw[0] != 'a') {
      return absl::InvalidArgumentError("page_token is not one ListArticles returned");
    }
    after = raw.substr(1);
  }
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  std::unique_ptr<rocksdb::Iterator> it = r.NewIterator();
  ArticlePage page;
  std::string start = internal::ArticleKey(after);
  for (it->Seek(start); it->Valid() && it->key()[0] == internal::kArticlePrefix; it->Next()) {
    absl::string_view id = ToView(it->key()).substr(1);
    if (!page_token.empty() && id == after) continue;
    if (page.articles.size() == page_size) {
      page.next_page_token = absl::WebSafeBase64Escape(absl::StrCat("a", page.articles.back().id));
      break;
    }
    ArticleRecord rec;
    if (!internal::DecodeArticle(ToView(it->value()), &rec)) {
      return absl::DataLossError(absl::StrCat("bad record for article ", id));
    }
    page.articles.push_back(MakeArticleInfo(id, rec));
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status()));
  return page;
}

absl::StatusOr<std::vector<std::string>> GraphStore::ArticlesMentioning(EntityId entity) const {
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  if (!r.IsLive(entity)) return absl::NotFoundError(absl::StrCat("no entity with id ", entity));
  std::unique_ptr<rocksdb::Iterator> it = r.NewIterator();
  std::set<std::string> ids;
  for (const AdjEntry& e : r.entities[entity].adj) {
    if (!(e.flags & kEdgeHasEvidence)) continue;
    uint64_t s = e.dir == 1 ? entity : e.nbr;
    uint64_t o = e.dir == 1 ? e.nbr : entity;
    std::string prefix = internal::EdgeKey(internal::kEvidencePrefix, s,
                                           static_cast<RelationType>(e.rel), o);
    for (it->Seek(ToSlice(prefix)); it->Valid() && StartsWith(it->key(), prefix); it->Next()) {
      internal::EvidenceKeyParts parts;
      if (!internal::DecodeEvidenceKey(ToView(it->key()), &parts)) {
        return absl::DataLossError("bad evidence key");
      }
      ids.emplace(parts.article_id);
    }
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status()));
  return std::vector<std::string>(ids.begin(), ids.end());
}

absl::StatusOr<GraphStats> GraphStore::Stats() const {
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  GraphStats stats;
  stats.entities = r.live_entities;
  stats.articles = r.articles;
  stats.evidence = r.evidence;
  for (RelationType rel : kAllRelationTypes) {
    uint64_t n = r.edges_by_relation[static_cast<uint8_t>(rel)];
    stats.edges += n;
    stats.edges_by_relation[rel] = n;
  }
  return stats;
}

// The visitors run without any lock held, so they may call back into the store;
// consistency comes from the RocksDB snapshot that matched the mirror on entry.
absl::Status GraphStore::ForEachEntity(const std::function<bool(const Entity&)>& visit) const {
  std::shared_ptr<const rocksdb::Snapshot> snapshot = rep_->PinSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.get();
  std::unique_ptr<rocksdb::Iterator> it(rep_->db->NewIterator(ro));
  for (it->Seek(std::string(1, internal::kEntityPrefix));
       it->Valid() && it->key()[0] == internal::kEntityPrefix; it->Next()) {
    if (it->key().size() != 9) return absl::DataLossError("bad entity key");
    Entity e;
    uint64_t id = internal::DecodeFixed64BE(it->key().data() + 1);
    if (!internal::DecodeEntity(id, ToView(it->value()), &e)) {
      return absl::DataLossError(absl::StrCat("bad entity record for id ", id));
    }
    if (!visit(e)) return absl::OkStatus();
  }
  return FromRocks(it->status());
}

absl::Status GraphStore::ForEachEdge(bool include_unconfirmed,
                                     const std::function<bool(const Edge&)>& visit) const {
  std::shared_ptr<const rocksdb::Snapshot> snapshot = rep_->PinSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot.get();
  std::unique_ptr<rocksdb::Iterator> lists(rep_->db->NewIterator(ro));
  std::unique_ptr<rocksdb::Iterator> evidence(rep_->db->NewIterator(ro));
  std::vector<uint64_t> objects;
  for (lists->Seek(std::string(1, internal::kAdjacencyPrefix));
       lists->Valid() && lists->key()[0] == internal::kAdjacencyPrefix; lists->Next()) {
    rocksdb::Slice key = lists->key();
    if (key.size() != 11) return absl::DataLossError("bad adjacency key");
    if (static_cast<uint8_t>(key[9]) != static_cast<uint8_t>(Direction::kOut)) continue;
    uint64_t subject = internal::DecodeFixed64BE(key.data() + 1);
    RelationType relation = static_cast<RelationType>(static_cast<uint8_t>(key[10]));
    if (!internal::DecodeAdjacencyList(ToView(lists->value()), &objects)) {
      return absl::DataLossError(absl::StrCat("bad adjacency list for entity ", subject));
    }
    for (uint64_t object : objects) {
      std::string ignored;
      rocksdb::Status u = rep_->db->Get(
          ro, internal::EdgeKey(internal::kUnconfirmedPrefix, subject, relation, object), &ignored);
      if (!u.ok() && !u.IsNotFound()) return FromRocks(u);
      bool confirmed = u.IsNotFound();
      if (!confirmed && !include_unconfirmed) continue;
      Edge edge;
      edge.subject = subject;
      edge.relation = relation;
      edge.object = object;
      edge.confirmed = confirmed;
      KG_RETURN_IF_ERROR(rep_->ReadEdge(static_cast<uint32_t>(subject), relation,
                                        static_cast<uint32_t>(object), kEdgeHasEvidence,
                                        include_unconfirmed, evidence.get(), &edge.evidence,
                                        &edge.confidence));
      if (edge.evidence.empty()) edge.confidence = 1.0f;  // A loaded edge.
      if (!visit(edge)) return absl::OkStatus();
    }
  }
  return FromRocks(lists->status());
}

}  // namespace kg::graph
