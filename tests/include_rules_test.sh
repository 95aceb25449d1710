#!/usr/bin/env bash
# Fails when a file includes what its module may not (STYLE.md, section 3):
# RocksDB outside graph/ sources, ICU outside graph/ and extract/ sources, gRPC or
# generated protobuf headers outside server/, client/, tests/ and bench/, graph/
# extract/ server/ headers in client/, and graph/ headers other than model.h and
# status_macros.h in extract/.
set -u
root=${1:-.}
cd "$root" || exit 2
failures=0
fail() { echo "include rule broken: $1"; failures=$((failures + 1)); }

while IFS= read -r hit; do
  file=${hit%%:*}
  case "$file" in graph/*.cc|graph/internal/*) ;; *) fail "$hit (rocksdb/ only in graph/*.cc and graph/internal/)";; esac
done < <(grep -rnE '#include\s*[<"]rocksdb/' --include='*.h' --include='*.cc' graph extract server client 2>/dev/null)

while IFS= read -r hit; do
  file=${hit%%:*}
  case "$file" in graph/*.cc|graph/internal/*|extract/*.cc|extract/internal/*) ;;
    *) fail "$hit (unicode/ only in .cc and internal/ of graph/ and extract/)";; esac
done < <(grep -rnE '#include\s*[<"]unicode/' --include='*.h' --include='*.cc' graph extract server client 2>/dev/null)

while IFS= read -r hit; do
  fail "$hit (gRPC and generated protobuf code only in server/, client/, tests/)"
done < <(grep -rnE '#include\s*[<"](grpcpp/|grpc/|google/protobuf/|proto/)' --include='*.h' --include='*.cc' graph extract 2>/dev/null)

while IFS= read -r hit; do
  fail "$hit (client/ talks to the server only through proto/)"
done < <(grep -rnE '#include\s*"(graph|extract|server)/' --include='*.h' --include='*.cc' client 2>/dev/null)

while IFS= read -r hit; do
  case "$hit" in *'"graph/model.h"'*|*'"graph/status_macros.h"'*) ;;
    *) fail "$hit (extract/ may use only graph/model.h and graph/status_macros.h)";; esac
done < <(grep -rnE '#include\s*"graph/' --include='*.h' --include='*.cc' extract 2>/dev/null)

while IFS= read -r hit; do
  fail "$hit (graph/ includes nothing from other modules)"
done < <(grep -rnE '#include\s*"(extract|server|client)/' --include='*.h' --include='*.cc' graph 2>/dev/null)

if ((failures)); then echo "$failures include rule(s) broken"; exit 1; fi
echo "include rules hold"
