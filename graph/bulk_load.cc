// GraphStore::BulkLoad: sorted SST files ingested in one atomic step.
#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/graph_store.h"
#include "graph/internal/adjacency_merge.h"
#include "graph/internal/codec.h"
#include "graph/internal/name_fold.h"
#include "graph/internal/store_rep.h"
#include "graph/status_macros.h"
#include "rocksdb/options.h"
#include "rocksdb/sst_file_writer.h"

namespace kg::graph {

using internal::AdjEntry;
using internal::EntityRec;
using internal::FromRocks;
using internal::kEdgeConfirmed;

namespace {

struct PackedEdge {
  uint32_t s;
  uint32_t o;
  uint8_t rel;
};

// Writes one SST file; keys must come in ascending order.
class SstOut {
 public:
  SstOut(const rocksdb::Options& options, std::string path)
      : writer_(rocksdb::EnvOptions(), options), path_(std::move(path)) {}
  absl::Status Open() { return FromRocks(writer_.Open(path_)); }
  absl::Status Put(const std::string& key, const std::string& value) {
    ++count_;
    return FromRocks(writer_.Put(key, value));
  }
  absl::Status Finish() { return count_ == 0 ? absl::OkStatus() : FromRocks(writer_.Finish()); }
  bool empty() const { return count_ == 0; }
  const std::string& path() const { return path_; }

 private:
  rocksdb::SstFileWriter writer_;
  std::string path_;
  size_t count_ = 0;
};

}  // namespace

absl::StatusOr<BulkLoadOutcome> GraphStore::BulkLoad(const std::vector<BulkEntity>& entities,
                                                     const std::vector<BulkEdge>& edges) {
  const size_t n = entities.size();
  if (n >= (1u << 31)) return absl::InvalidArgumentError("too many entities in one bulk load");
  for (size_t i = 0; i < n; ++i) {
    if (internal::CleanName(entities[i].name).empty()) {
      return absl::InvalidArgumentError(absl::StrCat("entities[", i, "].name is empty"));
    }
    if (!internal::IsValidEntityType(entities[i].type)) {
      return absl::InvalidArgumentError(absl::StrCat("entities[", i, "].type is unknown"));
    }
  }
  std::vector<PackedEdge> out;
  out.reserve(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    const BulkEdge& e = edges[i];
    if (e.subject >= n || e.object >= n) {
      return absl::InvalidArgumentError(absl::StrCat("edges[", i, "] refers to an entity index ",
                                                     "past the ", n, " entities given"));
    }
    if (!internal::IsValidRelation(e.relation)) {
      return absl::InvalidArgumentError(absl::StrCat("edges[", i, "].relation is unknown"));
    }
    if (e.subject == e.object) continue;
    out.push_back(PackedEdge{e.subject, e.object, static_cast<uint8_t>(e.relation)});
  }
  std::sort(out.begin(), out.end(), [](const PackedEdge& a, const PackedEdge& b) {
    if (a.s != b.s) return a.s < b.s;
    if (a.rel != b.rel) return a.rel < b.rel;
    return a.o < b.o;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const PackedEdge& a, const PackedEdge& b) {
                          return a.s == b.s && a.rel == b.rel && a.o == b.o;
                        }),
            out.end());
  // The in-side: a stable counting sort by (object, relation) keeps subjects ascending.
  std::vector<uint32_t> in_start(n * 5 + 1, 0);
  for (const PackedEdge& e : out) ++in_start[e.o * 5 + e.rel + 1];
  for (size_t i = 1; i < in_start.size(); ++i) in_start[i] += in_start[i - 1];
  std::vector<uint32_t> in_subject(out.size());
  {
    std::vector<uint32_t> fill(in_start.begin(), in_start.end() - 1);
    for (const PackedEdge& e : out) in_subject[fill[e.o * 5 + e.rel]++] = e.s;
  }
  std::vector<uint32_t> out_start(n + 1, 0);
  for (const PackedEdge& e : out) ++out_start[e.s + 1];
  for (size_t i = 1; i <= n; ++i) out_start[i] += out_start[i - 1];

  Rep& r = *rep_;
  absl::MutexLock wl(&r.write_mu);
  const uint64_t first = r.next_entity_id;
  if (first + n >= (1ull << 32)) return absl::ResourceExhaustedError("entity ids exhausted");

  std::vector<std::pair<std::string, uint32_t>> name_keys;
  name_keys.reserve(n);
  std::vector<std::string> clean_names(n);
  std::vector<std::vector<std::string>> clean_aliases(n);
  for (size_t i = 0; i < n; ++i) {
    uint32_t id = static_cast<uint32_t>(first + i);
    clean_names[i] = internal::CleanName(entities[i].name);
    std::string f = internal::FoldName(clean_names[i]);
    std::vector<std::string> seen{f};
    for (const std::string& a : entities[i].aliases) {
      std::string ca = internal::CleanName(a);
      if (ca.empty()) continue;
      std::string fa = internal::FoldName(ca);
      if (std::find(seen.begin(), seen.end(), fa) != seen.end()) continue;
      seen.push_back(fa);
      clean_aliases[i].push_back(std::move(ca));
      name_keys.emplace_back(std::move(fa), id);
    }
    name_keys.emplace_back(std::move(f), id);
  }
  std::sort(name_keys.begin(), name_keys.end());

  // One SST per key prefix, in prefix order; each file's keys ascend.
  rocksdb::Options options = r.db->GetOptions();
  std::vector<std::unique_ptr<SstOut>> files;
  auto new_file = [&](absl::string_view tag) -> absl::StatusOr<SstOut*> {
    files.push_back(std::make_unique<SstOut>(
        options, absl::StrCat(r.path, "/bulk-", first, "-", tag, ".sst")));
    KG_RETURN_IF_ERROR(files.back()->Open());
    return files.back().get();
  };
  auto cleanup = [&]() {
    for (const auto& f : files) {
      std::error_code ignored;
      std::filesystem::remove(f->path(), ignored);
    }
  };
  absl::Status status = [&]() -> absl::Status {
    std::string value;
    auto lists = [&](char prefix, SstOut* file) -> absl::Status {
      for (size_t i = 0; i < n; ++i) {
        uint64_t id = first + i;
        // kOut lists.
        size_t lo = out_start[i], hi = out_start[i + 1];
        while (lo < hi) {
          uint8_t rel = out[lo].rel;
          size_t end = lo;
          while (end < hi && out[end].rel == rel) ++end;
          value.clear();
          if (prefix == internal::kDegreePrefix) {
            internal::PutFixed64BE(&value, end - lo);
          } else {
            internal::PutVarint64(&value, end - lo);
            uint64_t prev = 0;
            for (size_t k = lo; k < end; ++k) {
              uint64_t o = first + out[k].o;
              internal::PutVarint64(&value, o - prev);
              prev = o;
            }
          }
          std::string key = prefix == internal::kDegreePrefix
                                ? internal::DegreeKey(id, Direction::kOut,
                                                      static_cast<RelationType>(rel))
                                : internal::AdjacencyKey(id, Direction::kOut,
                                                         static_cast<RelationType>(rel));
          KG_RETURN_IF_ERROR(file->Put(key, value));
          lo = end;
        }
        // kIn lists.
        for (uint8_t rel = 1; rel <= 4; ++rel) {
          size_t b = in_start[i * 5 + rel], e = in_start[i * 5 + rel + 1];
          if (b == e) continue;
          value.clear();
          if (prefix == internal::kDegreePrefix) {
            internal::PutFixed64BE(&value, e - b);
          } else {
            internal::PutVarint64(&value, e - b);
            uint64_t prev = 0;
            for (size_t k = b; k < e; ++k) {
              uint64_t s = first + in_subject[k];
              internal::PutVarint64(&value, s - prev);
              prev = s;
            }
          }
          std::string key =
              prefix == internal::kDegreePrefix
                  ? internal::DegreeKey(id, Direction::kIn, static_cast<RelationType>(rel))
                  : internal::AdjacencyKey(id, Direction::kIn, static_cast<RelationType>(rel));
          KG_RETURN_IF_ERROR(file->Put(key, value));
        }
      }
      return absl::OkStatus();
    };
    KG_ASSIGN_OR_RETURN(SstOut * degrees, new_file("d"));
    KG_RETURN_IF_ERROR(lists(internal::kDegreePrefix, degrees));
    KG_ASSIGN_OR_RETURN(SstOut * ents, new_file("e"));
    for (size_t i = 0; i < n; ++i) {
      Entity e;
      e.name = clean_names[i];
      e.type = entities[i].type;
      e.aliases = clean_aliases[i];
      KG_RETURN_IF_ERROR(ents->Put(internal::EntityKey(first + i), internal::EncodeEntity(e)));
    }
    KG_ASSIGN_OR_RETURN(SstOut * adjacency, new_file("l"));
    KG_RETURN_IF_ERROR(lists(internal::kAdjacencyPrefix, adjacency));
    KG_ASSIGN_OR_RETURN(SstOut * meta, new_file("m"));
    value.clear();
    internal::PutFixed64BE(&value, first + n);
    KG_RETURN_IF_ERROR(meta->Put(internal::MetaKey("next_entity_id"), value));
    KG_ASSIGN_OR_RETURN(SstOut * names, new_file("n"));
    for (const auto& [f, id] : name_keys) {
      KG_RETURN_IF_ERROR(names->Put(internal::NameKey(f, id), ""));
    }
    std::vector<std::string> paths;
    for (const auto& f : files) {
      KG_RETURN_IF_ERROR(f->Finish());
      if (!f->empty()) paths.push_back(f->path());
    }
    rocksdb::IngestExternalFileOptions ingest;
    ingest.move_files = true;
    return FromRocks(r.db->IngestExternalFile(paths, ingest));
  }();
  cleanup();
  KG_RETURN_IF_ERROR(status);

  absl::MutexLock lock(&r.mu);
  r.entities.resize(first + n);
  for (size_t i = 0; i < n; ++i) {
    EntityRec& rec = r.entities[first + i];
    rec.name = std::move(clean_names[i]);
    rec.aliases = std::move(clean_aliases[i]);
    rec.type = entities[i].type;
    rec.live = true;
    size_t out_deg = out_start[i + 1] - out_start[i];
    size_t in_deg = in_start[i * 5 + 5] - in_start[i * 5];
    rec.adj.reserve(out_deg + in_deg);
    for (size_t k = out_start[i]; k < out_start[i + 1]; ++k) {
      rec.adj.push_back(AdjEntry{static_cast<uint32_t>(first + out[k].o), 1, out[k].rel,
                                 kEdgeConfirmed, 0});
    }
    for (uint8_t rel = 1; rel <= 4; ++rel) {
      for (size_t k = in_start[i * 5 + rel]; k < in_start[i * 5 + rel + 1]; ++k) {
        rec.adj.push_back(
            AdjEntry{static_cast<uint32_t>(first + in_subject[k]), 2, rel, kEdgeConfirmed, 0});
      }
    }
  }
  for (auto& [f, id] : name_keys) r.AddName(std::move(f), id);
  for (const PackedEdge& e : out) ++r.edges_by_relation[e.rel];
  r.live_entities += n;
  r.next_entity_id = first + n;
  r.RefreshSnapshot();
  BulkLoadOutcome outcome;
  outcome.first_id = first;
  outcome.entities = n;
  outcome.edges = out.size();
  return outcome;
}

}  // namespace kg::graph
