// client/export_writer.h: writes an exported graph (the ExportGraph stream) in the
// formats other tools load: JSON lines, TSV, GraphML, Graphviz DOT, Cypher for
// Neo4j and nGQL for NebulaGraph.
#ifndef KG_CLIENT_EXPORT_WRITER_H_
#define KG_CLIENT_EXPORT_WRITER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/kg.pb.h"

namespace kg::client {

// The formats MakeExportWriter accepts, as `kg export --help` lists them.
inline constexpr absl::string_view kExportFormats[] = {"jsonl", "tsv",    "graphml",
                                                       "dot",   "cypher", "nebula"};

// ExportWriter receives the items of an export in stream order (entities before the
// edges that use them) and writes them to the stream given at construction, which
// must outlive it. Call Finish() once after the last item: some formats close
// their document there. Not thread-safe.
class ExportWriter {
 public:
  virtual ~ExportWriter() = default;
  virtual void AddEntity(const v1::Entity& entity) = 0;
  virtual void AddEdge(const v1::Edge& edge) = 0;
  virtual void Finish() = 0;

  void Add(const v1::ExportGraphResponse& item);
};

// Returns the writer for `format` (one of kExportFormats, case-insensitive), or
// INVALID_ARGUMENT naming the formats there are.
absl::StatusOr<std::unique_ptr<ExportWriter>> MakeExportWriter(absl::string_view format,
                                                               std::ostream* out);

// The TSV layout, one fact per line after a header line:
//   subject <TAB> relation <TAB> object <TAB> article ids
// where subject and object are the name followed by the aliases, all joined by
// " | ", and the article ids are joined by " | " too. Backslash, tab, newline and
// carriage return inside a value are written as \\, \t, \n and \r.
struct TsvFact {
  std::vector<std::string> subject;  // Name, then aliases.
  std::string relation;              // "invested-in".
  std::vector<std::string> object;
  std::vector<std::string> article_ids;
};

// Parses what the "tsv" writer wrote. Returns INVALID_ARGUMENT naming the line that
// does not have four fields.
absl::StatusOr<std::vector<TsvFact>> ParseTsvExport(absl::string_view text);

}  // namespace kg::client

#endif  // KG_CLIENT_EXPORT_WRITER_H_
