// graph/internal/fuzzy_index.h: a trigram index over the folded keys of the name
// index, so that SearchEntities' typo fallback looks at a few candidate names
// instead of every name in the store.
//
// Why trigrams and which ones: if a key k is within edit distance d of the query q,
// at most 4*d of q's distinct padded trigrams can be missing from k (a substitution,
// insertion or deletion touches at most three trigram occurrences, a transposition
// four). So k must contain at least one of ANY 4*d + 1 distinct trigrams of q, and
// the union of the posting lists of the 4*d + 1 rarest of them holds every such k. The same holds for "q is within d of a prefix of k"
// when q's trigrams are padded on the left only. Of those, only keys sharing at
// least (distinct trigrams of q) - 4*d trigrams with q are kept (a count filter, by
// binary search in the commoner lists), and these are verified with a bounded edit
// distance. Lives in memory beside the name index; nothing on disk.
#ifndef KG_GRAPH_INTERNAL_FUZZY_INDEX_H_
#define KG_GRAPH_INTERNAL_FUZZY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace kg::graph::internal {

// Thread safety: none of its own; GraphStore guards it with the mirror's mutex
// (const methods under the shared lock, Add/Remove under the exclusive one).
class FuzzyIndex {
 public:
  // Indexes `key`. REQUIRES: `key` is not indexed already (the caller adds a key
  // when the name index gains it and removes it when the name index drops it).
  void Add(absl::string_view key);
  // Forgets `key`; does nothing when it is not indexed.
  void Remove(absl::string_view key);

  // The indexed keys that may lie within `max_dist` edits of `query` (whole key),
  // or, with `prefix`, whose some prefix may; a superset, to be verified by the
  // caller, in key order. Returns false when the query has too few distinct trigrams for the
  // filter to be sound (e.g. "aaaa" at distance 2); the caller then skips typos.
  bool Candidates(absl::string_view query, size_t max_dist, bool prefix,
                  std::vector<const std::string*>* out) const;

  size_t size() const { return live_; }

 private:
  // Distinct trigrams of `text` padded on the left (and on the right unless
  // `left_only`), each packed into the low 24 bits.
  static std::vector<uint32_t> Grams(absl::string_view text, bool left_only);

  std::vector<std::string> keys_;  // By key number; removed keys are left empty.
  size_t live_ = 0;
  // Trigram -> key numbers, ascending (numbers are handed out in increasing order).
  absl::flat_hash_map<uint32_t, std::vector<uint32_t>> postings_;
};

// Edit distance over bytes counting insertions, deletions, substitutions and adjacent
// transpositions (optimal string alignment), or limit + 1 once it must exceed `limit`.
size_t BoundedEditDistance(absl::string_view a, absl::string_view b, size_t limit);
// The smallest edit distance between `query` and any prefix of `key`, bounded the same way.
size_t BoundedPrefixEditDistance(absl::string_view query, absl::string_view key, size_t limit);

}  // namespace kg::graph::internal

#endif  // KG_GRAPH_INTERNAL_FUZZY_INDEX_H_
