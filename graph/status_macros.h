// graph/status_macros.h: early-return helpers for absl::Status, which Abseil
// 20220623 does not provide.
#ifndef KG_GRAPH_STATUS_MACROS_H_
#define KG_GRAPH_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define KG_STATUS_CONCAT_INNER_(a, b) a##b
#define KG_STATUS_CONCAT_(a, b) KG_STATUS_CONCAT_INNER_(a, b)

// Returns the status of `expr` from the enclosing function when it is not OK.
#define KG_RETURN_IF_ERROR(expr)                          \
  do {                                                    \
    ::absl::Status kg_status_ = (expr);                   \
    if (!kg_status_.ok()) return kg_status_;              \
  } while (false)

// Evaluates `expr` (a StatusOr); returns its status when not OK, else moves the
// value into `lhs`, which may be a declaration such as `auto x`.
#define KG_ASSIGN_OR_RETURN(lhs, expr) \
  KG_ASSIGN_OR_RETURN_IMPL_(KG_STATUS_CONCAT_(kg_statusor_, __LINE__), lhs, expr)

#define KG_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                              \
  if (!statusor.ok()) return statusor.status();        \
  lhs = std::move(statusor).value()

#endif  // KG_GRAPH_STATUS_MACROS_H_
