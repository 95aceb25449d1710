#include "graph/internal/adjacency_merge.h"

#include <algorithm>
#include <string>
#include <vector>

#include "graph/internal/codec.h"

namespace kg::graph::internal {
namespace {

class AdjacencyMergeOperator : public rocksdb::MergeOperator {
 public:
  // Never throws (RocksDB is not exception-safe); returns false on bad input.
  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    std::vector<uint64_t> ids;
    if (in.existing_value != nullptr &&
        !DecodeAdjacencyList(absl::string_view(in.existing_value->data(),
                                               in.existing_value->size()),
                             &ids)) {
      return false;
    }
    for (const rocksdb::Slice& op : in.operand_list) {
      if (op.size() != 9) return false;
      uint64_t id = DecodeFixed64BE(op.data() + 1);
      auto it = std::lower_bound(ids.begin(), ids.end(), id);
      bool present = it != ids.end() && *it == id;
      if (op[0] == kAdjacencyAdd) {
        if (!present) ids.insert(it, id);
      } else if (op[0] == kAdjacencyRemove) {
        if (present) ids.erase(it);
      } else {
        return false;
      }
    }
    out->new_value = EncodeAdjacencyList(ids);
    return true;
  }

  const char* Name() const override { return "kg.AdjacencyMerge.v1"; }
};

}  // namespace

std::shared_ptr<rocksdb::MergeOperator> NewAdjacencyMergeOperator() {
  return std::make_shared<AdjacencyMergeOperator>();
}

}  // namespace kg::graph::internal
