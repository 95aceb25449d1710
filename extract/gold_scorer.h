// extract/gold_scorer.h: scores extracted facts against a hand-made gold file.
#ifndef KG_EXTRACT_GOLD_SCORER_H_
#define KG_EXTRACT_GOLD_SCORER_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace kg::extract {

// One line of a gold file: article, subject, relation, object, evidence. Subject
// and object list every acceptable name (the file separates them with " | ").
struct GoldFact {
  std::string article;
  std::vector<std::string> subject;
  graph::RelationType relation = graph::RelationType::kFoundedBy;
  std::vector<std::string> object;
  std::string evidence;
};

// Parses a tab-separated gold file. A first line starting with "article" is a
// header; columns after the fifth are ignored; '#' lines and blank lines are skipped.
// Returns INVALID_ARGUMENT naming the line when a line has fewer than four columns
// or an unknown relation.
absl::StatusOr<std::vector<GoldFact>> ParseGold(absl::string_view tsv);

struct RelationScore {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double precision() const;  // 1 when nothing was predicted.
  double recall() const;     // 1 when nothing was expected.
  double f1() const;
};

struct ScoreReport {
  std::map<graph::RelationType, RelationScore> per_relation;
  RelationScore total;
  std::vector<GoldFact> misses;
  std::vector<graph::RelationFact> false_positives;
};

// Scores `predicted` (their evidence.article_id names the article) against the gold
// facts of the articles in `articles`. Facts are compared per article and relation;
// names match when any of the predicted names (name and aliases) equals any gold
// name, ignoring case and diacritics. Repeated predictions of one fact count once.
ScoreReport Score(const std::vector<GoldFact>& gold,
                  const std::vector<graph::RelationFact>& predicted,
                  const std::set<std::string>& articles);

// Human-readable report: one line per relation and a "total" line with precision,
// recall and F1, then the misses and the false positives.
std::string FormatReport(const ScoreReport& report);

}  // namespace kg::extract

#endif  // KG_EXTRACT_GOLD_SCORER_H_
