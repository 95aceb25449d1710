#include "extract/extractor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "extract/gold_scorer.h"
#include "extract/internal/text.h"
#include "gtest/gtest.h"
#include "tests/test_util.h"

namespace kg::extract {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::unique_ptr<Extractor> MakeExtractor(ExtractorOptions options = {}) {
  auto e = Extractor::Create(options);
  EXPECT_TRUE(e.ok()) << e.status();
  return e.ok() ? std::move(e).value() : nullptr;
}

std::vector<graph::Article> ArticlesIn(const std::filesystem::path& dir) {
  std::vector<graph::Article> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    graph::Article a;
    a.id = entry.path().stem().string();
    a.text = ReadFile(entry.path());
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(),
            [](const graph::Article& a, const graph::Article& b) { return a.id < b.id; });
  return out;
}

std::vector<graph::Article> Seeds() {
  return ArticlesIn(std::filesystem::path(kg::testing::SourceDir()) / "seeds");
}

// Articles the team wrote to stand in for unseen news (tests/extract/dev/), with a
// gold file annotated before the extractor was run on them.
std::vector<graph::Article> DevArticles() {
  return ArticlesIn(std::filesystem::path(kg::testing::SourceDir()) / "tests" / "extract" / "dev");
}

bool HasName(const graph::EntityMention& m, const std::string& name) {
  std::string f = internal::Fold(name);
  if (internal::Fold(m.name) == f) return true;
  for (const auto& a : m.aliases) {
    if (internal::Fold(a) == f) return true;
  }
  return false;
}

TEST(ExtractorTest, FindsWhoAlibabaInvestedInWithEvidence) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  std::set<std::string> companies;
  for (const graph::Article& a : Seeds()) {
    auto facts = extractor->Extract(a);
    ASSERT_TRUE(facts.ok()) << facts.status();
    for (const auto& f : *facts) {
      if (f.relation != graph::RelationType::kInvestedIn || !HasName(f.subject, "Alibaba")) {
        continue;
      }
      companies.insert(internal::Fold(f.object.name));
      // The evidence sentence is the article's own text at the sentence span.
      EXPECT_EQ(a.text.substr(f.evidence.sentence_span.begin,
                              f.evidence.sentence_span.end - f.evidence.sentence_span.begin),
                f.evidence.sentence);
      EXPECT_EQ(f.evidence.article_id, a.id);
      EXPECT_TRUE(f.evidence.confirmed);
    }
  }
  EXPECT_TRUE(companies.count("moonshot ai"));
  EXPECT_TRUE(companies.count("zhipu ai"));
  EXPECT_TRUE(companies.count("minimax"));
}

TEST(ExtractorTest, SpansPointAtTheMentionsInTheOriginalText) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  for (const graph::Article& a : Seeds()) {
    auto facts = extractor->Extract(a);
    ASSERT_TRUE(facts.ok());
    for (const auto& f : *facts) {
      const auto& ev = f.evidence;
      ASSERT_LE(ev.sentence_span.end, a.text.size());
      EXPECT_LE(ev.sentence_span.begin, ev.subject_span.begin);
      EXPECT_LE(ev.subject_span.end, ev.sentence_span.end);
      EXPECT_LE(ev.sentence_span.begin, ev.object_span.begin);
      EXPECT_LE(ev.object_span.end, ev.sentence_span.end);
      EXPECT_GT(ev.confidence, 0.0f);
      EXPECT_LE(ev.confidence, 1.0f);
      EXPECT_FALSE(ev.rule.empty());
    }
  }
}

TEST(ExtractorTest, SeedsMeetThePrecisionAndRecallFloor) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  auto gold = ParseGold(ReadFile(std::filesystem::path(kg::testing::SourceDir()) / "tests" /
                                 "testdata" / "seeds.gold.tsv"));
  ASSERT_TRUE(gold.ok()) << gold.status();
  std::vector<graph::RelationFact> predicted;
  std::set<std::string> articles;
  for (const graph::Article& a : Seeds()) {
    auto facts = extractor->Extract(a);
    ASSERT_TRUE(facts.ok());
    predicted.insert(predicted.end(), facts->begin(), facts->end());
    articles.insert(a.id);
  }
  ASSERT_EQ(articles.size(), 5u);
  ScoreReport report = Score(*gold, predicted, articles);
  EXPECT_GE(report.total.precision(), 0.95) << FormatReport(report);
  EXPECT_GE(report.total.recall(), 0.90) << FormatReport(report);
}

TEST(ExtractorTest, DevSetMeetsThePrecisionAndRecallFloor) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  auto gold = ParseGold(ReadFile(std::filesystem::path(kg::testing::SourceDir()) / "tests" /
                                 "extract" / "dev" / "dev.gold.tsv"));
  ASSERT_TRUE(gold.ok()) << gold.status();
  std::vector<graph::RelationFact> predicted;
  std::set<std::string> articles;
  for (const graph::Article& a : DevArticles()) {
    auto facts = extractor->Extract(a);
    ASSERT_TRUE(facts.ok()) << a.id << ": " << facts.status();
    for (const auto& f : *facts) {
      // Evidence stays inside its sentence on unseen text too.
      EXPECT_LE(f.evidence.sentence_span.begin, f.evidence.subject_span.begin) << a.id;
      EXPECT_LE(f.evidence.object_span.end, f.evidence.sentence_span.end) << a.id;
    }
    predicted.insert(predicted.end(), facts->begin(), facts->end());
    articles.insert(a.id);
  }
  ASSERT_GE(articles.size(), 26u);
  ScoreReport report = Score(*gold, predicted, articles);
  // Floors just under what the extractor reaches (see the report), so a change that
  // loses generality on unseen text fails here.
  EXPECT_GE(report.total.precision(), 0.97) << FormatReport(report);
  EXPECT_GE(report.total.recall(), 0.91) << FormatReport(report);
}

// Finds the entity named `name` among the facts' subjects and objects.
const graph::EntityMention* FindEntity(const std::vector<graph::RelationFact>& facts,
                                       const std::string& name) {
  for (const auto& f : facts) {
    if (internal::Fold(f.subject.name) == internal::Fold(name)) return &f.subject;
    if (internal::Fold(f.object.name) == internal::Fold(name)) return &f.object;
  }
  return nullptr;
}

TEST(ExtractorTest, CorporateDesignatorsGiveTheBaseNameAsAlias) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  graph::Article a;
  a.id = "designators";
  a.text =
      "Quark AI có trụ sở tại Bắc Kinh. Alibaba Cloud có trụ sở tại Hàng Châu. "
      "Kestrel Dynamics Inc. is headquartered in Boston. Vina Group có trụ sở tại Hà Nội.";
  auto facts = extractor->Extract(a);
  ASSERT_TRUE(facts.ok()) << facts.status();
  const graph::EntityMention* quark = FindEntity(*facts, "Quark AI");
  ASSERT_NE(quark, nullptr);
  EXPECT_TRUE(HasName(*quark, "Quark"));
  const graph::EntityMention* kestrel = FindEntity(*facts, "Kestrel Dynamics Inc.");
  ASSERT_NE(kestrel, nullptr);
  EXPECT_TRUE(HasName(*kestrel, "Kestrel Dynamics"));
  // A unit word is not a designator: Alibaba Cloud is not Alibaba.
  const graph::EntityMention* cloud = FindEntity(*facts, "Alibaba Cloud");
  ASSERT_NE(cloud, nullptr);
  EXPECT_FALSE(HasName(*cloud, "Alibaba"));
  // A base of four letters that is neither a place nor a cue word is distinctive.
  const graph::EntityMention* vina = FindEntity(*facts, "Vina Group");
  ASSERT_NE(vina, nullptr);
  EXPECT_TRUE(HasName(*vina, "Vina"));
}

TEST(ExtractorTest, PlaceOrCueBaseNamesAreNotAliases) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  graph::Article a;
  a.id = "generic-bases";
  a.text = "Singapore Technologies có trụ sở tại Thượng Hải. Startup Holdings có trụ sở tại "
           "Hà Nội. HN AI có trụ sở tại Đà Nẵng.";
  auto facts = extractor->Extract(a);
  ASSERT_TRUE(facts.ok()) << facts.status();
  const graph::EntityMention* st = FindEntity(*facts, "Singapore Technologies");
  ASSERT_NE(st, nullptr);
  EXPECT_FALSE(HasName(*st, "Singapore"));
  const graph::EntityMention* hn = FindEntity(*facts, "HN AI");
  ASSERT_NE(hn, nullptr);
  EXPECT_FALSE(HasName(*hn, "HN"));
}

TEST(ExtractorTest, RegisteredVietnameseNamesKeepTheirLowerCaseSyllables) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  graph::Article a;
  a.id = "registered";
  a.text =
      "Công ty TNHH Dịch vụ Kho vận Minh Phát có trụ sở tại Hải Phòng. "
      "Minh Phát được thành lập năm 2015 bởi ông Võ Thanh Sơn.";
  auto facts = extractor->Extract(a);
  ASSERT_TRUE(facts.ok()) << facts.status();
  const graph::EntityMention* org = FindEntity(*facts, "Dịch vụ Kho vận Minh Phát");
  ASSERT_NE(org, nullptr) << "facts: " << facts->size();
  EXPECT_TRUE(HasName(*org, "Minh Phát"));
  bool founded = false, hq = false;
  for (const auto& f : *facts) {
    if (!HasName(f.subject, "Dịch vụ Kho vận Minh Phát")) continue;
    founded = founded || (f.relation == graph::RelationType::kFoundedBy &&
                          HasName(f.object, "Võ Thanh Sơn"));
    hq = hq || (f.relation == graph::RelationType::kHqIn && HasName(f.object, "Hải Phòng"));
  }
  EXPECT_TRUE(founded);
  EXPECT_TRUE(hq);
}

TEST(ExtractorTest, RegisteredFormsAndBrandsAreAliases) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  graph::Article a;
  a.id = "registered-aliases";
  a.text =
      "Công ty Cổ phần Công nghệ Thiên Phúc có trụ sở tại Cần Thơ. "
      "Ngân hàng TMCP Phúc Khang có trụ sở tại Hà Nội. "
      "Năm 2020, tập đoàn Vinacom có trụ sở tại Đà Nẵng.";
  auto facts = extractor->Extract(a);
  ASSERT_TRUE(facts.ok()) << facts.status();
  const graph::EntityMention* tp = FindEntity(*facts, "Công nghệ Thiên Phúc");
  ASSERT_NE(tp, nullptr);
  EXPECT_TRUE(HasName(*tp, "Thiên Phúc"));
  EXPECT_TRUE(HasName(*tp, "Công ty Cổ phần Công nghệ Thiên Phúc"));
  const graph::EntityMention* bank = FindEntity(*facts, "Phúc Khang");
  ASSERT_NE(bank, nullptr);
  EXPECT_TRUE(HasName(*bank, "Ngân hàng TMCP Phúc Khang"));
  const graph::EntityMention* group = FindEntity(*facts, "Vinacom");
  ASSERT_NE(group, nullptr);
  // Written lower-case mid-sentence, the registered form is capitalised as a name.
  EXPECT_TRUE(HasName(*group, "Tập đoàn Vinacom"));
  // A place is never given a designator.
  for (const auto& f : *facts) {
    if (f.relation == graph::RelationType::kHqIn) {
      EXPECT_FALSE(HasName(f.object, "Tập đoàn Đà Nẵng"));
    }
  }
}

TEST(ExtractorTest, EmptyTextIsInvalidArgument) {
  auto extractor = MakeExtractor();
  auto r = extractor->Extract(graph::Article{"a", "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(ExtractorTest, InvalidUtf8IsInvalidArgumentNamingTheOffset) {
  auto extractor = MakeExtractor();
  std::string text = "Alibaba \xC3\x28 invested";
  auto r = extractor->Extract(graph::Article{"a", "", text, ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(r.status().message(), "byte offset 9")) << r.status();
}

TEST(ExtractorTest, PlannedAndNegatedFactsAreKeptOnlyWhenAskedAndUnconfirmed) {
  const std::string text =
      "Sequoia Capital dự kiến sẽ đầu tư vào Finlytics. "
      "Accel did not invest in Finlytics.";
  auto plain = MakeExtractor();
  auto facts = plain->Extract(graph::Article{"a", "", text, ""});
  ASSERT_TRUE(facts.ok());
  EXPECT_TRUE(facts->empty());
  ExtractorOptions keep;
  keep.keep_unconfirmed = true;
  auto all = MakeExtractor(keep)->Extract(graph::Article{"a", "", text, ""});
  ASSERT_TRUE(all.ok());
  ASSERT_FALSE(all->empty());
  for (const auto& f : *all) EXPECT_FALSE(f.evidence.confirmed);
}

TEST(ExtractorTest, ToneMarkPlacementAndInvisibleCharactersDoNotChangeTheFacts) {
  // Old and new tone placement (hoà / hòa, Thuý / Thúy), a zero-width space and a
  // non-breaking space: the same facts, with offsets into each original text.
  const std::string a = "Công ty Hòa Bình Tech được thành lập bởi bà Nguyễn Thúy Hằng.";
  const std::string b =
      "C\xC3\xB4ng ty Ho\xC3\xA0 B\xC3\xACnh\xE2\x80\x8B Tech \xC4\x91\xC6\xB0\xE1\xBB\xA3"
      "c th\xC3\xA0nh l\xE1\xBA\xADp b\xE1\xBB\x9Fi b\xC3\xA0\xC2\xA0Nguy\xE1\xBB\x85n Thu"
      "\xC3\xBD H\xE1\xBA\xB1ng.";
  auto extractor = MakeExtractor();
  auto fa = extractor->Extract(graph::Article{"a", "", a, ""});
  auto fb = extractor->Extract(graph::Article{"b", "", b, ""});
  ASSERT_TRUE(fa.ok() && fb.ok());
  ASSERT_EQ(fa->size(), 1u);
  ASSERT_EQ(fb->size(), 1u);
  EXPECT_EQ((*fa)[0].subject.name, (*fb)[0].subject.name);
  EXPECT_EQ((*fa)[0].object.name, (*fb)[0].object.name);
  EXPECT_EQ((*fa)[0].object.name, "Nguyễn Thúy Hằng");
  const auto& span = (*fb)[0].evidence.object_span;
  EXPECT_EQ(b.substr(span.begin, span.end - span.begin),
            "Nguy\xE1\xBB\x85n Thu\xC3\xBD H\xE1\xBA\xB1ng");
  EXPECT_EQ((*fb)[0].evidence.sentence, b);
}

TEST(ExtractorTest, QualifiersCarryYearAmountAndRound) {
  auto extractor = MakeExtractor();
  auto facts = extractor->Extract(graph::Article{
      "a", "", "Sequoia Capital led a $40 million Series B round in Finlytics in 2023.", ""});
  ASSERT_TRUE(facts.ok());
  ASSERT_EQ(facts->size(), 1u);
  const auto& q = (*facts)[0].evidence.qualifiers;
  EXPECT_EQ(q.at("amount"), "$40 million");
  EXPECT_EQ(q.at("round"), "Series B");
  EXPECT_EQ(q.at("year"), "2023");
}

TEST(ExtractorTest, CoordinationDistributesOverEveryName) {
  auto extractor = MakeExtractor();
  auto facts = extractor->Extract(
      graph::Article{"a", "", "Lazada, Tiki và Sendo đều nhận tài trợ từ Rocket Internet.", ""});
  ASSERT_TRUE(facts.ok());
  std::set<std::string> objects;
  for (const auto& f : *facts) objects.insert(f.object.name);
  EXPECT_EQ(objects, (std::set<std::string>{"Lazada", "Tiki", "Sendo"}));
}

TEST(ExtractorTest, TableRowsUnderAHeadquartersHeading) {
  auto extractor = MakeExtractor();
  auto facts = extractor->Extract(graph::Article{
      "a", "",
      "Các công ty nổi bật\n\nCông ty Lĩnh vực Trụ sở\nNovaPay Thanh toán số Hà Nội\n"
      "GreenBox Logistics Thâm Quyến\n\nNguồn: báo cáo",
      ""});
  ASSERT_TRUE(facts.ok());
  std::set<std::string> got;
  for (const auto& f : *facts) got.insert(f.subject.name + ">" + f.object.name);
  EXPECT_EQ(got, (std::set<std::string>{"NovaPay>Hà Nội", "GreenBox>Thâm Quyến"}));
}

TEST(ExtractorTest, ConcurrentExtractionGivesTheSameFacts) {
  auto extractor = MakeExtractor();
  ASSERT_NE(extractor, nullptr);
  std::vector<graph::Article> seeds = Seeds();
  auto run = [&](std::vector<size_t>* counts) {
    for (int round = 0; round < 3; ++round) {
      for (const auto& a : seeds) {
        auto facts = extractor->Extract(a);
        counts->push_back(facts.ok() ? facts->size() : 0);
      }
    }
  };
  std::vector<size_t> a, b;
  std::thread t1(run, &a), t2(run, &b);
  t1.join();
  t2.join();
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
}

}  // namespace
}  // namespace kg::extract
