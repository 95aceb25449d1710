// extract/extractor.h: article text -> typed relation facts with evidence.
#ifndef KG_EXTRACT_EXTRACTOR_H_
#define KG_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/model.h"

namespace kg::extract {

struct ExtractorOptions {
  // Facts below this confidence are dropped. 0.5 by default.
  float min_confidence = 0.5f;
  // Keep planned, rumoured and negated statements, marked unconfirmed. Off by default.
  bool keep_unconfirmed = false;
};

// Extractor finds founded-by, invested-in, alumni-of and HQ-in relations in
// Vietnamese and English news text, with rules and lexicons (data files compiled
// into the binary), and no model.
// Thread safety: Extract is const and may run concurrently from many threads.
class Extractor {
 public:
  // Loads the lexicons and compiles the rules. Returns INTERNAL if a lexicon is
  // malformed (a build defect, not a user error).
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Returns the facts stated in the article, each with evidence whose offsets are
  // UTF-8 byte offsets into article.text. Returns INVALID_ARGUMENT, naming the
  // byte offset, when the text is not valid UTF-8, and when it is empty.
  absl::StatusOr<std::vector<graph::RelationFact>> Extract(const graph::Article& article) const;

 private:
  struct Rep;
  explicit Extractor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace kg::extract

#endif  // KG_EXTRACT_EXTRACTOR_H_
