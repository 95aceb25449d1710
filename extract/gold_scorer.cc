#include "extract/gold_scorer.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "extract/internal/text.h"

namespace kg::extract {

double RelationScore::precision() const {
  int predicted = true_positives + false_positives;
  return predicted == 0 ? 1.0 : static_cast<double>(true_positives) / predicted;
}

double RelationScore::recall() const {
  int expected = true_positives + false_negatives;
  return expected == 0 ? 1.0 : static_cast<double>(true_positives) / expected;
}

double RelationScore::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

namespace {

std::vector<std::string> SplitNames(absl::string_view field) {
  std::vector<std::string> names;
  for (absl::string_view n : absl::StrSplit(field, '|')) {
    n = absl::StripAsciiWhitespace(n);
    if (!n.empty()) names.emplace_back(n);
  }
  return names;
}

absl::flat_hash_set<std::string> FoldedNames(const graph::EntityMention& m) {
  absl::flat_hash_set<std::string> out;
  out.insert(internal::Fold(m.name));
  for (const std::string& a : m.aliases) out.insert(internal::Fold(a));
  return out;
}

bool AnyMatch(const absl::flat_hash_set<std::string>& predicted,
              const std::vector<std::string>& gold) {
  for (const std::string& g : gold) {
    if (predicted.contains(internal::Fold(g))) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<std::vector<GoldFact>> ParseGold(absl::string_view tsv) {
  std::vector<GoldFact> out;
  for (internal::TsvLine& l : internal::ParseTsvLines(tsv)) {
    const int number = l.number;
    std::vector<std::string>& cols = l.fields;
    if (number == 1 && cols[0] == "article") continue;
    if (cols.size() < 4) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "gold line %d has %d columns; want article, subject, relation, object, evidence", number,
          cols.size()));
    }
    std::optional<graph::RelationType> rel = graph::ParseRelationName(cols[2]);
    if (!rel) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "gold line %d: unknown relation \"%s\"; use founded-by, invested-in, alumni-of or "
          "HQ-in",
          number, cols[2]));
    }
    GoldFact g;
    g.article = std::string(absl::StripAsciiWhitespace(cols[0]));
    g.subject = SplitNames(cols[1]);
    g.relation = *rel;
    g.object = SplitNames(cols[3]);
    if (cols.size() > 4) g.evidence = cols[4];
    out.push_back(std::move(g));
  }
  return out;
}

ScoreReport Score(const std::vector<GoldFact>& gold,
                  const std::vector<graph::RelationFact>& predicted,
                  const std::set<std::string>& articles) {
  ScoreReport report;
  for (graph::RelationType r : graph::kAllRelationTypes) report.per_relation[r];
  std::vector<const GoldFact*> expected;
  for (const GoldFact& g : gold) {
    if (articles.count(g.article)) expected.push_back(&g);
  }
  std::vector<bool> matched(expected.size(), false);
  absl::flat_hash_set<std::string> seen;
  for (const graph::RelationFact& f : predicted) {
    std::string key =
        absl::StrCat(f.evidence.article_id, "\t", static_cast<int>(f.relation), "\t",
                     internal::Fold(f.subject.name), "\t", internal::Fold(f.object.name));
    if (!seen.insert(key).second) continue;
    absl::flat_hash_set<std::string> subj = FoldedNames(f.subject);
    absl::flat_hash_set<std::string> obj = FoldedNames(f.object);
    int hit = -1;
    bool hit_already_matched = false;
    for (size_t i = 0; i < expected.size(); ++i) {
      const GoldFact& g = *expected[i];
      if (g.article != f.evidence.article_id || g.relation != f.relation) continue;
      if (!AnyMatch(subj, g.subject) || !AnyMatch(obj, g.object)) continue;
      if (!matched[i]) {
        hit = static_cast<int>(i);
        break;
      }
      hit_already_matched = true;
    }
    RelationScore& rs = report.per_relation[f.relation];
    if (hit >= 0) {
      matched[hit] = true;
      rs.true_positives++;
    } else if (!hit_already_matched) {
      rs.false_positives++;
      report.false_positives.push_back(f);
    }
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    if (!matched[i]) {
      report.per_relation[expected[i]->relation].false_negatives++;
      report.misses.push_back(*expected[i]);
    }
  }
  for (const auto& [rel, rs] : report.per_relation) {
    report.total.true_positives += rs.true_positives;
    report.total.false_positives += rs.false_positives;
    report.total.false_negatives += rs.false_negatives;
  }
  return report;
}

std::string FormatReport(const ScoreReport& report) {
  std::string out;
  auto line = [&](absl::string_view name, const RelationScore& s) {
    absl::StrAppendFormat(
        &out, "%-12s precision %.3f  recall %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", name,
        s.precision(), s.recall(), s.f1(), s.true_positives, s.false_positives, s.false_negatives);
  };
  for (const auto& [rel, s] : report.per_relation) line(graph::RelationName(rel), s);
  line("total", report.total);
  absl::StrAppend(&out, "\nmisses (", report.misses.size(), "):\n");
  for (const GoldFact& g : report.misses) {
    absl::StrAppend(&out, "  ", g.article, "\t", absl::StrJoin(g.subject, " | "), "\t",
                    graph::RelationName(g.relation), "\t", absl::StrJoin(g.object, " | "), "\t",
                    g.evidence, "\n");
  }
  absl::StrAppend(&out, "\nfalse positives (", report.false_positives.size(), "):\n");
  for (const graph::RelationFact& f : report.false_positives) {
    absl::StrAppend(&out, "  ", f.evidence.article_id, "\t", f.subject.name, "\t",
                    graph::RelationName(f.relation), "\t", f.object.name, "\t[", f.evidence.rule,
                    "] ", f.evidence.sentence, "\n");
  }
  return out;
}

}  // namespace kg::extract
