// graph/internal/adjacency_merge.h: the RocksDB merge operator for "L" keys.
#ifndef KG_GRAPH_INTERNAL_ADJACENCY_MERGE_H_
#define KG_GRAPH_INTERNAL_ADJACENCY_MERGE_H_

#include <memory>

#include "rocksdb/merge_operator.h"

namespace kg::graph::internal {

// Applies "+" id and "-" id operands (codec.h) to a packed adjacency list, so
// adding one edge to a supernode costs one small write instead of rewriting its
// list. Operands on keys other than "L" keys are a corruption and fail the merge.
std::shared_ptr<rocksdb::MergeOperator> NewAdjacencyMergeOperator();

}  // namespace kg::graph::internal

#endif  // KG_GRAPH_INTERNAL_ADJACENCY_MERGE_H_
