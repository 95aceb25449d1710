#include "graph/internal/fuzzy_index.h"

#include <algorithm>
#include <utility>

namespace kg::graph::internal {
namespace {

constexpr size_t kGram = 3;
constexpr char kPad = '\0';  // Folded names never hold NUL.

}  // namespace

std::vector<uint32_t> FuzzyIndex::Grams(absl::string_view text, bool left_only) {
  std::string padded(kGram - 1, kPad);
  padded.append(text.data(), text.size());
  if (!left_only) padded.append(kGram - 1, kPad);
  std::vector<uint32_t> grams;
  if (padded.size() < kGram) return grams;
  grams.reserve(padded.size() - kGram + 1);
  for (size_t i = 0; i + kGram <= padded.size(); ++i) {
    grams.push_back(static_cast<uint32_t>(static_cast<unsigned char>(padded[i])) << 16 |
                    static_cast<uint32_t>(static_cast<unsigned char>(padded[i + 1])) << 8 |
                    static_cast<uint32_t>(static_cast<unsigned char>(padded[i + 2])));
  }
  std::sort(grams.begin(), grams.end());
  grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
  return grams;
}

void FuzzyIndex::Add(absl::string_view key) {
  const uint32_t number = static_cast<uint32_t>(keys_.size());
  keys_.emplace_back(key);
  ++live_;
  for (uint32_t gram : Grams(key, /*left_only=*/false)) postings_[gram].push_back(number);
}

void FuzzyIndex::Remove(absl::string_view key) {
  const std::vector<uint32_t> grams = Grams(key, /*left_only=*/false);
  // Find the key's number through its rarest trigram.
  const std::vector<uint32_t>* shortest = nullptr;
  for (uint32_t gram : grams) {
    auto it = postings_.find(gram);
    if (it == postings_.end()) return;  // Some trigram of it is indexed by no key: not indexed.
    if (shortest == nullptr || it->second.size() < shortest->size()) shortest = &it->second;
  }
  if (shortest == nullptr) return;
  uint32_t number = 0;
  bool found = false;
  for (uint32_t n : *shortest) {
    if (keys_[n] == key) {
      number = n;
      found = true;
      break;
    }
  }
  if (!found) return;
  for (uint32_t gram : grams) {
    auto it = postings_.find(gram);
    std::vector<uint32_t>& list = it->second;
    auto pos = std::lower_bound(list.begin(), list.end(), number);
    if (pos != list.end() && *pos == number) list.erase(pos);
    if (list.empty()) postings_.erase(it);
  }
  std::string().swap(keys_[number]);
  --live_;
}

bool FuzzyIndex::Candidates(absl::string_view query, size_t max_dist, bool prefix,
                            std::vector<const std::string*>* out) const {
  out->clear();
  const std::vector<uint32_t> grams = Grams(query, /*left_only=*/prefix);
  // A substitution, insertion or deletion touches at most kGram trigram occurrences
  // of the query, a transposition kGram + 1.
  const size_t need = (kGram + 1) * max_dist + 1;
  if (grams.size() < need) return false;
  std::vector<std::pair<size_t, const std::vector<uint32_t>*>> lists;
  lists.reserve(grams.size());
  for (uint32_t gram : grams) {
    auto it = postings_.find(gram);
    lists.emplace_back(it == postings_.end() ? 0 : it->second.size(),
                       it == postings_.end() ? nullptr : &it->second);
  }
  std::sort(lists.begin(), lists.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // Count filter on top: a key within max_dist shares at least `min_shared` of the
  // query's distinct trigrams. The union of the `need` rarest lists gives each
  // candidate's count among those lists; the commoner lists are probed by binary
  // search only for candidates that could still reach min_shared.
  const size_t min_shared = grams.size() - (need - 1);
  // ScanCount: a per-thread counter per key number, touched only for the keys in the
  // rare lists and reset before returning, so the cost is the length of those lists.
  thread_local std::vector<uint8_t> counts;
  thread_local std::vector<uint32_t> touched;
  if (counts.size() < keys_.size()) counts.resize(keys_.size(), 0);
  touched.clear();
  for (size_t i = 0; i < need; ++i) {
    if (lists[i].second == nullptr) continue;
    for (uint32_t n : *lists[i].second) {
      if (counts[n]++ == 0) touched.push_back(n);
    }
  }
  for (uint32_t n : touched) {
    size_t shared = counts[n];
    counts[n] = 0;
    for (size_t k = need; k < lists.size() && shared < min_shared; ++k) {
      if (shared + (lists.size() - k) < min_shared) break;  // Cannot reach it any more.
      const std::vector<uint32_t>& list = *lists[k].second;  // Non-null: sorted after the rare ones.
      if (std::binary_search(list.begin(), list.end(), n)) ++shared;
    }
    if (shared >= min_shared && !keys_[n].empty()) out->push_back(&keys_[n]);
  }
  // In key order, so that callers see the same order whatever numbers keys got.
  std::sort(out->begin(), out->end(),
            [](const std::string* a, const std::string* b) { return *a < *b; });
  return true;
}

namespace {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions, so
// "Alibaab" is one edit from "Alibaba") between `a` and the prefixes of `b`: on
// return, row[j] is the distance from `a` to b[0, j). Gives up early, returning
// false, once every entry of a row exceeds `limit`.
bool OsaRows(absl::string_view a, absl::string_view b, size_t limit, std::vector<size_t>** row) {
  thread_local std::vector<size_t> before, prev, cur;
  before.assign(b.size() + 1, 0);
  prev.assign(b.size() + 1, 0);
  cur.assign(b.size() + 1, 0);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return false;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  *row = &prev;
  return true;
}

}  // namespace

size_t BoundedEditDistance(absl::string_view a, absl::string_view b, size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<size_t>* row = nullptr;
  if (!OsaRows(a, b, limit, &row)) return limit + 1;
  return std::min((*row)[b.size()], limit + 1);
}

size_t BoundedPrefixEditDistance(absl::string_view query, absl::string_view key, size_t limit) {
  // Only prefixes of `key` up to query.size() + limit bytes can be within `limit`.
  const absl::string_view b = key.substr(0, std::min(key.size(), query.size() + limit));
  std::vector<size_t>* row = nullptr;
  if (!OsaRows(query, b, limit, &row)) return limit + 1;
  return std::min(*std::min_element(row->begin(), row->end()), limit + 1);
}

}  // namespace kg::graph::internal
