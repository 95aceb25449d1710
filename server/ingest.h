// server/ingest.h: the one place where extract/ and graph/ meet. An article's text
// goes through the extractor, and its facts into the store in one atomic batch.
#ifndef KG_SERVER_INGEST_H_
#define KG_SERVER_INGEST_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/extractor.h"
#include "graph/graph_store.h"
#include "graph/model.h"

namespace kg::server {

// Returns OK when `text` is valid UTF-8 (no overlong forms, surrogates or code points
// past U+10FFFF), else INVALID_ARGUMENT naming the byte offset of the first bad byte.
absl::Status ValidateUtf8(absl::string_view text);

// A stable article id for a text that came without one: "text-" followed by 16 hex
// digits of a 64-bit FNV-1a hash of the text. The same text always gets the same id,
// across processes and builds, so ingesting it twice changes nothing.
std::string ArticleIdFromText(absl::string_view text);

// The first non-empty line of `text`, trimmed, cut to at most 200 bytes on a UTF-8
// character boundary.
std::string FirstLineTitle(absl::string_view text);

struct IngestResult {
  graph::IngestOutcome outcome;
  std::vector<graph::RelationFact> facts;  // As extracted and handed to the store.
};

struct SeedReport {
  size_t files = 0;      // .txt files found.
  size_t added = 0;      // New or replaced articles.
  size_t unchanged = 0;  // Already stored with the same text.
  // One line per skipped file, naming it and why (e.g. the bad UTF-8 byte offset).
  std::vector<std::string> skipped;
};

// Ingester puts the extractor and the store together. It owns neither.
// Thread safety: Ingest may run concurrently; the store serializes the writes.
class Ingester {
 public:
  // REQUIRES: both outlive the Ingester.
  Ingester(const extract::Extractor* extractor, graph::GraphStore* store)
      : extractor_(extractor), store_(store) {}

  // Extracts the article's facts and stores them with it. The article id must be set.
  // Returns INVALID_ARGUMENT (with the byte offset) for empty or non-UTF-8 text.
  absl::StatusOr<IngestResult> Ingest(const graph::Article& article) const;

  // Ingests every regular file ending in ".txt" directly in `dir`, in name order:
  // id = file name without ".txt", title = first non-empty line. A file that cannot be
  // read or is not valid UTF-8 is skipped and reported; the others still load.
  // Returns NOT_FOUND when `dir` does not exist and an error from the store as is.
  absl::StatusOr<SeedReport> LoadSeeds(const std::string& dir) const;

 private:
  const extract::Extractor* extractor_;
  graph::GraphStore* store_;
};

}  // namespace kg::server

#endif  // KG_SERVER_INGEST_H_
