// GraphStore's traversal queries: Neighbors, Neighborhood and FindPaths.
// Traversals walk the in-memory adjacency mirror (internal/store_rep.h) by id and
// read strings and evidence only for what they return.
#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "graph/graph_store.h"
#include "graph/internal/codec.h"
#include "graph/internal/store_rep.h"
#include "graph/status_macros.h"

namespace kg::graph {

using internal::AdjEntry;
using internal::EntityRec;
using internal::kEdgeConfirmed;

namespace {

// Which adjacency entries a query follows.
struct Filter {
  uint8_t dir_mask = 3;   // Bit values of Direction: kOut = 1, kIn = 2.
  uint8_t rel_mask = 0x1e;  // Bit i set: RelationType i accepted.
  bool include_unconfirmed = false;

  bool Accept(const AdjEntry& e) const {
    return (dir_mask & e.dir) != 0 && ((rel_mask >> e.rel) & 1) != 0 &&
           (include_unconfirmed || (e.flags & kEdgeConfirmed) != 0);
  }
  // The filter that walks the same edges from their other end.
  Filter Reversed() const {
    Filter f = *this;
    f.dir_mask = static_cast<uint8_t>(((dir_mask & 1) << 1) | ((dir_mask & 2) >> 1));
    return f;
  }
};

absl::StatusOr<Filter> MakeFilter(const std::vector<RelationType>& relations, Direction direction,
                                  bool include_unconfirmed) {
  Filter f;
  uint8_t d = static_cast<uint8_t>(direction);
  if (d < 1 || d > 3) return absl::InvalidArgumentError("direction must be out, in or both");
  f.dir_mask = d;
  if (!relations.empty()) {
    f.rel_mask = 0;
    for (RelationType rel : relations) {
      if (!internal::IsValidRelation(rel)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown relation ", static_cast<int>(rel),
            "; use founded-by, invested-in, alumni-of or HQ-in"));
      }
      f.rel_mask |= static_cast<uint8_t>(1u << static_cast<uint8_t>(rel));
    }
  }
  f.include_unconfirmed = include_unconfirmed;
  return f;
}

// Per-thread visit marks sized to the entity table, cleared in O(1) per query by
// bumping a generation, so a traversal never allocates or clears a big array.
class Marks {
 public:
  void Reset(size_t n) {
    if (stamp_.size() < n) {
      stamp_.resize(n, 0);
      value_.resize(n, 0);
    }
    if (++gen_ == 0) {
      std::fill(stamp_.begin(), stamp_.end(), 0);
      gen_ = 1;
    }
  }
  bool Has(uint32_t id) const { return stamp_[id] == gen_; }
  int32_t Get(uint32_t id) const { return value_[id]; }
  void Set(uint32_t id, int32_t v) {
    stamp_[id] = gen_;
    value_[id] = v;
  }
  void Clear(uint32_t id) { stamp_[id] = 0; }

 private:
  std::vector<uint32_t> stamp_;
  std::vector<int32_t> value_;
  uint32_t gen_ = 0;
};

Marks& MarksA() {
  thread_local Marks marks;
  return marks;
}
Marks& MarksB() {
  thread_local Marks marks;
  return marks;
}

// Counts visited edges and polls the deadline and the cancel callback.
class BudgetGuard {
 public:
  explicit BudgetGuard(const QueryBudget& budget) : budget_(budget) {}

  // False once the query must stop; reason() says why.
  bool Start() { return Poll(); }
  bool Tick() {
    if (!reason_.empty()) return false;
    if (++visited_ > budget_.max_edges_visited) {
      reason_ = absl::StrCat("max_edges_visited ", budget_.max_edges_visited, " reached");
      return false;
    }
    if ((visited_ & 1023) == 0) return Poll();
    return true;
  }
  // For turning what the walk found into an answer: false once the deadline has
  // passed or the call was cancelled, even if the walk itself finished. A walk cut
  // by max_edges_visited still gets its partial answer. Polls the clock for every
  // step that reads RocksDB (`reads_store`) and every 256th step otherwise.
  bool KeepMaterialising(bool reads_store) {
    if (interrupted_) return false;
    if (!reads_store && (++steps_ & 255) != 0) return true;
    return PollClock();
  }
  bool stopped() const { return !reason_.empty(); }
  const std::string& reason() const { return reason_; }

 private:
  bool Poll() {
    if (!reason_.empty()) return false;
    return PollClock();
  }
  bool PollClock() {
    if (budget_.deadline != absl::InfiniteFuture() && absl::Now() >= budget_.deadline) {
      reason_ = "deadline exceeded";
      interrupted_ = true;
    } else if (budget_.cancelled && budget_.cancelled()) {
      reason_ = "cancelled";
      interrupted_ = true;
    }
    return !interrupted_;
  }

  const QueryBudget& budget_;
  size_t visited_ = 0;
  size_t steps_ = 0;
  bool interrupted_ = false;  // Deadline passed or cancelled; reason_ says which.
  std::string reason_;
};

constexpr char kNeighborsTokenTag = 'n';

std::string NeighborsToken(const AdjEntry& e) {
  std::string raw(1, kNeighborsTokenTag);
  raw.push_back(static_cast<char>(e.dir));
  raw.push_back(static_cast<char>(e.rel));
  internal::PutFixed32BE(&raw, e.nbr);
  return absl::WebSafeBase64Escape(raw);
}

}  // namespace

absl::StatusOr<NeighborsPage> GraphStore::Neighbors(const NeighborsQuery& query) const {
  if (query.page_size < 1 || query.page_size > 1000) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size must be between 1 and 1000, got ", query.page_size));
  }
  KG_ASSIGN_OR_RETURN(Filter filter,
                      MakeFilter(query.relations, query.direction, query.include_unconfirmed));
  bool has_token = !query.page_token.empty();
  AdjEntry after;
  if (has_token) {
    std::string raw;
    if (!absl::WebSafeBase64Unescape(query.page_token, &raw) || raw.size() != 7 ||
        raw[0] != kNeighborsTokenTag) {
      return absl::InvalidArgumentError(
          "page_token is not one Neighbors returned; send it back unchanged or leave it empty");
    }
    after.dir = static_cast<uint8_t>(raw[1]);
    after.rel = static_cast<uint8_t>(raw[2]);
    after.nbr = internal::DecodeFixed32BE(raw.data() + 3);
  }
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  KG_ASSIGN_OR_RETURN(uint32_t id, r.Resolve(query.entity));
  const EntityRec& rec = r.entities[id];
  NeighborsPage page;
  page.entity = r.MakeEntity(id);
  bool scan_flags = !query.include_unconfirmed && rec.unconfirmed > 0;
  std::vector<const AdjEntry*> picked;
  bool more = false;
  for (uint8_t dir = 1; dir <= 2; ++dir) {
    if ((filter.dir_mask & dir) == 0) continue;
    for (uint8_t rel = 1; rel <= 4; ++rel) {
      if (((filter.rel_mask >> rel) & 1) == 0) continue;
      auto [lo, hi] = internal::AdjRange(rec, dir, rel);
      if (!scan_flags) {
        page.total += hi - lo;
      } else {
        for (size_t i = lo; i < hi; ++i) page.total += filter.Accept(rec.adj[i]) ? 1 : 0;
      }
      if (more) continue;
      size_t start = lo;
      if (has_token) {
        if (dir < after.dir || (dir == after.dir && rel < after.rel)) continue;
        if (dir == after.dir && rel == after.rel) {
          start = std::upper_bound(rec.adj.begin() + lo, rec.adj.begin() + hi, after.nbr,
                                   [](uint32_t n, const AdjEntry& a) { return n < a.nbr; }) -
                  rec.adj.begin();
        }
      }
      for (size_t i = start; i < hi; ++i) {
        if (!filter.Accept(rec.adj[i])) continue;
        if (picked.size() == query.page_size) {
          more = true;
          break;
        }
        picked.push_back(&rec.adj[i]);
      }
    }
  }
  if (more) page.next_page_token = NeighborsToken(*picked.back());
  std::unique_ptr<rocksdb::Iterator> it;
  page.neighbors.reserve(picked.size());
  for (const AdjEntry* e : picked) {
    Neighbor n;
    n.entity = r.MakeEntity(e->nbr);
    n.relation = static_cast<RelationType>(e->rel);
    n.direction = static_cast<Direction>(e->dir);
    n.confirmed = (e->flags & kEdgeConfirmed) != 0;
    if ((e->flags & internal::kEdgeHasEvidence) != 0 && it == nullptr) it = r.NewIterator();
    uint32_t s = e->dir == 1 ? id : e->nbr;
    uint32_t o = e->dir == 1 ? e->nbr : id;
    KG_RETURN_IF_ERROR(r.ReadEdge(s, n.relation, o, e->flags, query.include_unconfirmed, it.get(),
                                  &n.evidence, &n.confidence));
    page.neighbors.push_back(std::move(n));
  }
  return page;
}

absl::StatusOr<Subgraph> GraphStore::Neighborhood(const NeighborhoodQuery& query) const {
  if (query.hops < 1 || query.hops > 6) {
    return absl::InvalidArgumentError(
        absl::StrCat("hops must be between 1 and 6, got ", query.hops));
  }
  if (query.max_nodes < 1) return absl::InvalidArgumentError("max_nodes must be at least 1");
  if (query.max_fanout < 1) return absl::InvalidArgumentError("max_fanout must be at least 1");
  KG_ASSIGN_OR_RETURN(Filter filter,
                      MakeFilter(query.relations, query.direction, query.include_unconfirmed));
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  KG_ASSIGN_OR_RETURN(uint32_t center, r.Resolve(query.entity));
  Marks& dist = MarksA();
  dist.Reset(r.entities.size());
  std::vector<uint32_t> nodes{center};
  dist.Set(center, 0);
  struct RawEdge {
    uint32_t s;
    uint8_t rel;
    uint8_t flags;
    uint32_t o;
  };
  std::vector<RawEdge> edges;
  Subgraph out;
  out.center = center;
  BudgetGuard budget(query.budget);
  std::string reason;
  bool stop = !budget.Start();
  size_t level_begin = 0;
  for (int level = 0; level < query.hops && !stop; ++level) {
    size_t level_end = nodes.size();
    for (size_t i = level_begin; i < level_end && !stop; ++i) {
      uint32_t u = nodes[i];
      size_t taken = 0;
      for (const AdjEntry& e : r.entities[u].adj) {
        if (!filter.Accept(e)) continue;
        if (!budget.Tick()) {
          stop = true;
          break;
        }
        if (taken == query.max_fanout) {
          if (reason.empty()) {
            reason = absl::StrCat("max_fanout ", query.max_fanout, " reached at entity ", u);
          }
          break;
        }
        ++taken;
        uint32_t v = e.nbr;
        if (!dist.Has(v)) {
          if (nodes.size() == query.max_nodes) {
            reason = absl::StrCat("max_nodes ", query.max_nodes, " reached");
            stop = true;
            break;
          }
          dist.Set(v, level + 1);
          nodes.push_back(v);
        } else {
          // Walking both ways, an edge is seen from both ends: keep it from the end
          // nearer the center (the smaller id on a tie). One way, it is seen once.
          int32_t dv = dist.Get(v);
          if (filter.dir_mask == 3 && (dv < level || (dv == level && v <= u))) continue;
        }
        if (edges.size() == query.max_edges) {
          reason = absl::StrCat("max_edges ", query.max_edges, " reached");
          stop = true;
          break;
        }
        edges.push_back(e.dir == 1 ? RawEdge{u, e.rel, e.flags, v} : RawEdge{v, e.rel, e.flags, u});
      }
    }
    level_begin = level_end;
  }
  // Materialise: names from the mirror, evidence from RocksDB. The budget is polled
  // here too, so a deadline that passes while evidence is read still ends the query
  // promptly; the answer then holds the nodes and edges read so far, and an edge
  // only when both its ends are in it.
  Marks& kept = MarksB();
  kept.Reset(r.entities.size());
  out.nodes.reserve(nodes.size());
  for (uint32_t n : nodes) {
    if (!budget.KeepMaterialising(/*reads_store=*/false)) break;
    out.nodes.push_back(SubgraphNode{r.MakeEntity(n), dist.Get(n)});
    kept.Set(n, 0);
  }
  std::unique_ptr<rocksdb::Iterator> it;
  out.edges.reserve(edges.size());
  for (const RawEdge& e : edges) {
    if (!kept.Has(e.s) || !kept.Has(e.o)) continue;
    const bool has_evidence = (e.flags & internal::kEdgeHasEvidence) != 0;
    if (!budget.KeepMaterialising(has_evidence)) break;
    Edge edge;
    edge.subject = e.s;
    edge.relation = static_cast<RelationType>(e.rel);
    edge.object = e.o;
    edge.confirmed = (e.flags & kEdgeConfirmed) != 0;
    if (has_evidence && it == nullptr) it = r.NewIterator();
    KG_RETURN_IF_ERROR(r.ReadEdge(e.s, edge.relation, e.o, e.flags, query.include_unconfirmed,
                                  it.get(), &edge.evidence, &edge.confidence));
    out.edges.push_back(std::move(edge));
  }
  if (budget.stopped()) reason = budget.reason();
  out.truncated = !reason.empty();
  out.truncation_reason = reason;
  return out;
}

namespace {

// One step of a path: from the previous entity to `to` over an adjacency entry
// as seen from the previous entity.
struct RawHop {
  uint32_t to;
  uint8_t dir;
  uint8_t rel;
  uint8_t flags;
};
struct RawPath {
  uint32_t from;
  std::vector<RawHop> hops;
};

// Enumerates, from `v` back to the search root, every chain of entries through
// nodes whose mark drops by one per step. `marks` holds BFS distances from the
// root; `filter` is the filter the BFS used, so the walk back uses its reverse.
// Each half is listed from the root to `v`. Stops at `cap` halves.
void HalfPaths(const internal::StoreState& r, const Marks& marks, const Filter& filter, uint32_t v,
               size_t cap, BudgetGuard* budget, std::vector<RawHop>* stack,
               std::vector<std::vector<RawHop>>* out) {
  if (out->size() >= cap || budget->stopped()) return;
  int32_t d = marks.Get(v);
  if (d == 0) {
    out->emplace_back(stack->rbegin(), stack->rend());
    return;
  }
  Filter back = filter.Reversed();
  for (const AdjEntry& e : r.entities[v].adj) {
    if (!back.Accept(e)) continue;
    if (!budget->Tick()) return;
    uint32_t p = e.nbr;
    if (!marks.Has(p) || marks.Get(p) != d - 1) continue;
    // Seen from p, the same edge has the opposite direction.
    stack->push_back(RawHop{v, static_cast<uint8_t>(3 - e.dir), e.rel, e.flags});
    HalfPaths(r, marks, filter, p, cap, budget, stack, out);
    stack->pop_back();
    if (out->size() >= cap) return;
  }
}

}  // namespace

absl::StatusOr<PathResult> GraphStore::FindPaths(const PathQuery& query) const {
  if (query.max_hops < 1 || query.max_hops > 6) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_hops must be between 1 and 6, got ", query.max_hops));
  }
  if (query.max_paths < 1 || query.max_paths > 1000) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_paths must be between 1 and 1000, got ", query.max_paths));
  }
  if (query.mode != PathMode::kShortest && query.mode != PathMode::kAllShortest &&
      query.mode != PathMode::kAllUpToMaxHops) {
    return absl::InvalidArgumentError("mode must be shortest, all_shortest or all_up_to_max_hops");
  }
  KG_ASSIGN_OR_RETURN(Filter fwd,
                      MakeFilter(query.relations, query.direction, query.include_unconfirmed));
  Filter bwd = fwd.Reversed();
  const Rep& r = *rep_;
  absl::ReaderMutexLock lock(&r.mu);
  KG_ASSIGN_OR_RETURN(uint32_t from, r.Resolve(query.from));
  KG_ASSIGN_OR_RETURN(uint32_t to, r.Resolve(query.to));
  PathResult result;
  BudgetGuard budget(query.budget);
  std::vector<RawPath> raw;
  size_t cap = query.mode == PathMode::kShortest ? 1 : query.max_paths;
  bool capped = false;

  Marks& a = MarksA();
  Marks& b = MarksB();
  a.Reset(r.entities.size());
  b.Reset(r.entities.size());
  if (!budget.Start()) {
    // Nothing searched.
  } else if (from == to) {
    raw.push_back(RawPath{from, {}});
  } else if (query.mode != PathMode::kAllUpToMaxHops) {
    // Bidirectional BFS, one whole layer at a time, always on the cheaper side
    // (fewer adjacency entries to scan).
    std::vector<uint32_t> fa{from}, fb{to}, next, meet;
    a.Set(from, 0);
    b.Set(to, 0);
    int da = 0, db = 0;
    while (meet.empty() && da + db < query.max_hops && !budget.stopped()) {
      size_t cost_a = 0, cost_b = 0;
      for (uint32_t u : fa) cost_a += r.entities[u].adj.size();
      for (uint32_t u : fb) cost_b += r.entities[u].adj.size();
      bool forward = cost_a <= cost_b;
      Marks& mine = forward ? a : b;
      Marks& other = forward ? b : a;
      const Filter& f = forward ? fwd : bwd;
      std::vector<uint32_t>& frontier = forward ? fa : fb;
      int depth = (forward ? da : db) + 1;
      next.clear();
      for (uint32_t u : frontier) {
        for (const AdjEntry& e : r.entities[u].adj) {
          if (!f.Accept(e)) continue;
          if (!budget.Tick()) break;
          if (mine.Has(e.nbr)) continue;
          mine.Set(e.nbr, depth);
          next.push_back(e.nbr);
          if (other.Has(e.nbr)) meet.push_back(e.nbr);
        }
        if (budget.stopped()) break;
      }
      (forward ? da : db) = depth;
      frontier.swap(next);
      if (frontier.empty()) break;
    }
    if (!meet.empty() && !budget.stopped()) {
      int32_t best = INT32_MAX;
      for (uint32_t m : meet) best = std::min(best, a.Get(m) + b.Get(m));
      std::sort(meet.begin(), meet.end());
      std::vector<RawHop> stack;
      for (uint32_t m : meet) {
        if (a.Get(m) + b.Get(m) != best) continue;
        std::vector<std::vector<RawHop>> front_halves, back_halves;
        HalfPaths(r, a, fwd, m, cap + 1, &budget, &stack, &front_halves);
        HalfPaths(r, b, bwd, m, cap + 1, &budget, &stack, &back_halves);
        for (const auto& fh : front_halves) {
          for (const auto& bh : back_halves) {
            if (raw.size() == cap) {
              capped = true;
              break;
            }
            // bh runs from `to` to m; walk it backwards, flipping each hop.
            RawPath p{from, fh};
            for (size_t i = bh.size(); i-- > 0;) {
              uint32_t prev = i == 0 ? to : bh[i - 1].to;
              p.hops.push_back(RawHop{prev, static_cast<uint8_t>(3 - bh[i].dir), bh[i].rel,
                                      bh[i].flags});
            }
            raw.push_back(std::move(p));
          }
          if (capped) break;
        }
        if (capped) break;
      }
    }
  } else {
    // All simple paths up to max_hops: BFS distances to `to` prune a DFS from
    // `from`; lengths are tried in increasing order so shorter paths come first.
    std::vector<uint32_t> frontier{to}, next;
    b.Set(to, 0);
    for (int depth = 1; depth <= query.max_hops && !frontier.empty() && !budget.stopped();
         ++depth) {
      next.clear();
      for (uint32_t u : frontier) {
        for (const AdjEntry& e : r.entities[u].adj) {
          if (!bwd.Accept(e)) continue;
          if (!budget.Tick()) break;
          if (b.Has(e.nbr)) continue;
          b.Set(e.nbr, depth);
          next.push_back(e.nbr);
        }
        if (budget.stopped()) break;
      }
      frontier.swap(next);
    }
    if (b.Has(from) && !budget.stopped()) {
      std::vector<RawHop> stack;
      // `a` marks the entities on the current path.
      a.Set(from, 0);
      for (int length = b.Get(from); length <= query.max_hops && !capped && !budget.stopped();
           ++length) {
        struct Dfs {
          const internal::StoreState& r;
          const Filter& fwd;
          Marks& on_path;
          const Marks& dist;
          BudgetGuard& budget;
          uint32_t from, to;
          int length;
          size_t cap;
          std::vector<RawHop>& stack;
          std::vector<RawPath>& raw;
          bool& capped;
          void Go(uint32_t u, int depth) {
            if (u == to) {
              if (depth == length) {
                if (raw.size() == cap) {
                  capped = true;
                  return;
                }
                raw.push_back(RawPath{from, stack});
              }
              return;
            }
            for (const AdjEntry& e : r.entities[u].adj) {
              if (capped || !fwd.Accept(e)) continue;
              if (!budget.Tick()) return;
              uint32_t v = e.nbr;
              if (on_path.Has(v) || !dist.Has(v) || depth + 1 + dist.Get(v) > length) continue;
              on_path.Set(v, depth + 1);
              stack.push_back(RawHop{v, e.dir, e.rel, e.flags});
              Go(v, depth + 1);
              stack.pop_back();
              on_path.Clear(v);
            }
          }
        } dfs{r, fwd, a, b, budget, from, to, length, cap, stack, raw, capped};
        dfs.Go(from, 0);
      }
    }
  }
  // Materialise, polling the budget as Neighborhood does; a path is returned whole
  // or not at all.
  std::unique_ptr<rocksdb::Iterator> it;
  for (const RawPath& rp : raw) {
    Path p;
    p.entities.push_back(r.MakeEntity(rp.from));
    uint32_t cur = rp.from;
    bool complete = true;
    for (const RawHop& h : rp.hops) {
      const bool has_evidence = (h.flags & internal::kEdgeHasEvidence) != 0;
      if (!budget.KeepMaterialising(has_evidence)) {
        complete = false;
        break;
      }
      PathHop hop;
      hop.relation = static_cast<RelationType>(h.rel);
      hop.direction = static_cast<Direction>(h.dir);
      if (has_evidence && it == nullptr) it = r.NewIterator();
      uint32_t s = h.dir == 1 ? cur : h.to;
      uint32_t o = h.dir == 1 ? h.to : cur;
      KG_RETURN_IF_ERROR(r.ReadEdge(s, hop.relation, o, h.flags, query.include_unconfirmed,
                                    it.get(), &hop.evidence, &hop.confidence));
      p.hops.push_back(std::move(hop));
      p.entities.push_back(r.MakeEntity(h.to));
      cur = h.to;
    }
    if (!complete) break;
    result.paths.push_back(std::move(p));
  }
  if (budget.stopped()) {
    result.truncated = true;
    result.truncation_reason = budget.reason();
  } else if (capped && query.mode != PathMode::kShortest) {
    result.truncated = true;
    result.truncation_reason = absl::StrCat("max_paths ", query.max_paths, " reached");
  }
  return result;
}

}  // namespace kg::graph
