// graph/internal/name_fold.h: the folded form of a name, the key of the name index.
#ifndef KG_GRAPH_INTERNAL_NAME_FOLD_H_
#define KG_GRAPH_INTERNAL_NAME_FOLD_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kg::graph::internal {

// Folds a UTF-8 name so that spellings a reader would call the same name compare
// equal: NFD, nonspacing marks removed, NFC (ICU transliterator), Unicode case
// folding, đ/Đ mapped to d, surrounding whitespace trimmed and inner runs of
// whitespace collapsed to one space. "Hàng Châu", "HÀNG CHÂU" and "hang  chau"
// all fold to "hang chau". Pure-ASCII input takes a fast path with the same result.
// Never fails: invalid UTF-8 sequences become U+FFFD. Thread-safe.
std::string FoldName(absl::string_view name);

// Trims and collapses whitespace without changing anything else; the form in
// which names and aliases are stored.
std::string CleanName(absl::string_view name);

}  // namespace kg::graph::internal

#endif  // KG_GRAPH_INTERNAL_NAME_FOLD_H_
