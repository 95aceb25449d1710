#include "extract/gold_scorer.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace kg::extract {
namespace {

graph::RelationFact Fact(const std::string& article, const std::string& subject,
                         graph::RelationType rel, const std::string& object,
                         std::vector<std::string> object_aliases = {}) {
  graph::RelationFact f;
  f.subject.name = subject;
  f.relation = rel;
  f.object.name = object;
  f.object.aliases = std::move(object_aliases);
  f.evidence.article_id = article;
  return f;
}

constexpr char kGold[] =
    "article\tsubject\trelation\tobject\tevidence\n"
    "a1\tAlibaba | Alibaba Group\tinvested-in\tMoonshot AI | Moonshot\tx\textra\n"
    "a1\tRokid\tHQ-in\tHàng Châu | Hangzhou\ty\n"
    "a2\tDeepSeek\tfounded-by\tLiang Wenfeng\tz\n";

TEST(GoldScorerTest, ParsesAliasesAndIgnoresExtraColumns) {
  auto gold = ParseGold(kGold);
  ASSERT_TRUE(gold.ok()) << gold.status();
  ASSERT_EQ(gold->size(), 3u);
  EXPECT_EQ((*gold)[0].subject, (std::vector<std::string>{"Alibaba", "Alibaba Group"}));
  EXPECT_EQ((*gold)[0].relation, graph::RelationType::kInvestedIn);
  EXPECT_EQ((*gold)[0].evidence, "x");
}

TEST(GoldScorerTest, RejectsUnknownRelationsNamingTheLine) {
  auto gold = ParseGold("a\tb\tworks-at\tc\td\n");
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(gold.status().message(), "line 1"));
}

TEST(GoldScorerTest, MatchesThroughAliasesCaseAndDiacritics) {
  auto gold = ParseGold(kGold);
  ASSERT_TRUE(gold.ok());
  std::vector<graph::RelationFact> predicted = {
      Fact("a1", "alibaba group", graph::RelationType::kInvestedIn, "Moonshot"),
      Fact("a1", "Alibaba Group", graph::RelationType::kInvestedIn, "Moonshot"),  // Repeat.
      Fact("a1", "Rokid", graph::RelationType::kHqIn, "Hang Chau"),
      Fact("a1", "Rokid", graph::RelationType::kFoundedBy, "Misa"),  // False positive.
  };
  ScoreReport r = Score(*gold, predicted, {"a1", "a2"});
  EXPECT_EQ(r.total.true_positives, 2);
  EXPECT_EQ(r.total.false_positives, 1);
  EXPECT_EQ(r.total.false_negatives, 1);  // DeepSeek in a2.
  EXPECT_DOUBLE_EQ(r.total.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(r.total.recall(), 2.0 / 3);
  EXPECT_EQ(r.per_relation[graph::RelationType::kHqIn].true_positives, 1);
  ASSERT_EQ(r.misses.size(), 1u);
  EXPECT_EQ(r.misses[0].article, "a2");
  std::string text = FormatReport(r);
  EXPECT_TRUE(absl::StrContains(text, "total")) << text;
  EXPECT_TRUE(absl::StrContains(text, "precision")) << text;
  EXPECT_TRUE(absl::StrContains(text, "Misa")) << text;
}

TEST(GoldScorerTest, OnlyScoresTheArticlesGiven) {
  auto gold = ParseGold(kGold);
  ASSERT_TRUE(gold.ok());
  ScoreReport r = Score(*gold, {}, {"a2"});
  EXPECT_EQ(r.total.false_negatives, 1);
  EXPECT_DOUBLE_EQ(r.total.precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.total.recall(), 0.0);
}

}  // namespace
}  // namespace kg::extract
