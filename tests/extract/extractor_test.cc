#include "extract/extractor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
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
      EXPECT_LE(f.evidence.subject_span.end, f.evidence.sentence_span.end) << a.id;
      EXPECT_LE(f.evidence.sentence_span.begin, f.evidence.object_span.begin) << a.id;
      EXPECT_LE(f.evidence.object_span.end, f.evidence.sentence_span.end) << a.id;
    }
    predicted.insert(predicted.end(), facts->begin(), facts->end());
    articles.insert(a.id);
  }
  ASSERT_GE(articles.size(), 50u);
  // Subsets by prefix: b* to g* and i* to l* were blind sets written apart from the rules until the
  // round they joined; each keeps its own floor so gains elsewhere cannot hide losses there.
  // Prefix "" stands for every article older than the c* round, "-" for those of them
  // older than the b* round (the seeds-era dev articles and h*).
  struct Subset {
    std::string prefix;
    size_t articles;
    double min_precision, min_recall;
  };
  // Floors just under what the extractor reaches (see the report), so a change that
  // loses generality on unseen text fails here.
  const std::vector<Subset> subsets = {
      {"", 38, 0.98, 0.91},
      {"-", 26, 0.98, 0.94},
      // Blind set A, joined in round 2.
      {"b", 12, 0.97, 0.87},
      // Blind set B (round 3). Its gold reads ownership ("thuộc sở hữu của", "owned by",
      // "công ty mẹ của", "nắm quyền chi phối") as invested-in owner -> company, and a
      // company's fund or arm as founded-by fund -> company.
      {"c", 12, 0.96, 0.73},
      // Blind set C: P .82 R .53 before anyone tuned on it; round 4 reached P 1.00 R .90.
      {"d", 12, 0.97, 0.86},
      // Blind sets D and E: P .93 R .59 (e*) and P .86 R .53 (f*) with the rules before
      // round 4, P .97 R .69 and P .92 R .59 with round 4's (which never saw them), and
      // P .99 R .87 and P .98 R .84 after round 5 tuned on them.
      {"e", 12, 0.97, 0.84},
      {"f", 12, 0.96, 0.80},
      // Blind set F judged round 5: P .81 R .45 before round 4, P .81 R .50 after round 5,
      // which never saw it; P .85 R .57 after a few general fixes. Round 6 tuned on it by
      // classes of phrasing (ownership, co-investment, fronted founding clauses, bounded
      // past jobs, appositive headquarters): P .95 R .74 with the mention work of the
      // same round.
      {"g", 12, 0.90, 0.68},
      // Blind set G judged round 6: P .86 R .65 with round 5's rules, P .88 R .68 with
      // round 6's, which never saw it. Round 7 tuned on it by classes (spelled-out and
      // fractional stakes, control, owner's vehicle, leaving a post, city possessives)
      // with the mention and coreference work of the same round: P .98 R .83.
      {"i", 12, 0.95, 0.80},
      // Blind set H judged rounds 6 and 7: P .84 R .63 with round 5's rules, P .84 R .67
      // with round 6's and P .85 R .67 with round 7's, none of which saw it. Round 8 took
      // its false positives by class (appositives and relative clauses that describe the
      // name before them, families as owners, rounds read as companies, a bare "công
      // ty"/"the firm" after leaving a job): P .93 R .70.
      {"j", 12, 0.90, 0.68},
      // Blind sets K and L judged round 8, which never saw them: K P .87 R .65 (P .86
      // R .65 with round 7's rules), L P .94 R .78 (the same with round 7's).
      {"k", 12, 0.84, 0.62},
      {"l", 12, 0.91, 0.75},
  };
  // The blind set an article came from ("c" for "c07_..."), or "-" for the older ones.
  auto set_of = [](const std::string& id) -> std::string {
    if (id.size() < 4) return "-";
    bool lettered = (id[0] >= 'b' && id[0] <= 'g') || (id[0] >= 'i' && id[0] <= 'l');
    bool blind = lettered && absl::ascii_isdigit(id[1]) && absl::ascii_isdigit(id[2]) &&
                 id[3] == '_';
    return blind ? id.substr(0, 1) : "-";
  };
  for (const Subset& subset : subsets) {
    std::set<std::string> ids;
    for (const std::string& id : articles) {
      std::string set = set_of(id);
      bool in = subset.prefix.empty() ? (set == "-" || set == "b") : set == subset.prefix;
      if (in) ids.insert(id);
    }
    ASSERT_EQ(ids.size(), subset.articles) << "subset '" << subset.prefix << "'";
    std::vector<graph::RelationFact> facts;
    for (const auto& f : predicted) {
      if (ids.count(f.evidence.article_id)) facts.push_back(f);
    }
    ScoreReport report = Score(*gold, facts, ids);
    EXPECT_GE(report.total.precision(), subset.min_precision)
        << "subset '" << subset.prefix << "'\n" << FormatReport(report);
    EXPECT_GE(report.total.recall(), subset.min_recall)
        << "subset '" << subset.prefix << "'\n" << FormatReport(report);
  }
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
  a.text =
      "Singapore Technologies có trụ sở tại Thượng Hải. Startup Holdings có trụ sở tại "
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
    founded = founded ||
              (f.relation == graph::RelationType::kFoundedBy && HasName(f.object, "Võ Thanh Sơn"));
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

// The year qualifier of each fact, by "subject|relation|object"; "" when it has none.
std::map<std::string, std::string> YearsOf(const Extractor& extractor, const std::string& text) {
  std::map<std::string, std::string> years;
  auto facts = extractor.Extract(graph::Article{"a", "", text, ""});
  EXPECT_TRUE(facts.ok()) << facts.status();
  if (!facts.ok()) return years;
  for (const auto& f : *facts) {
    auto it = f.evidence.qualifiers.find("year");
    years[absl::StrCat(f.subject.name, "|", graph::RelationName(f.relation), "|", f.object.name)] =
        it == f.evidence.qualifiers.end() ? "" : it->second;
  }
  return years;
}

// A year belongs to the clause that states it: never to a fact of another clause.
TEST(ExtractorTest, YearComesFromTheFactsOwnClause) {
  auto extractor = MakeExtractor();
  auto y = YearsOf(*extractor,
                   "Vision Plus Capital do Eddie Wu thành lập trước khi trở thành CEO của Alibaba "
                   "năm 2023.");
  ASSERT_TRUE(y.count("Vision Plus Capital|founded-by|Eddie Wu"));
  EXPECT_EQ(y["Vision Plus Capital|founded-by|Eddie Wu"], "");

  y = YearsOf(*extractor,
              "Công ty Lạc Hồng có trụ sở tại Hàng Châu, được thành lập bởi Jack Ma vào năm 1999.");
  ASSERT_TRUE(y.count("Lạc Hồng|HQ-in|Hàng Châu"));
  EXPECT_EQ(y["Lạc Hồng|HQ-in|Hàng Châu"], "");
  ASSERT_TRUE(y.count("Lạc Hồng|founded-by|Jack Ma"));
  EXPECT_EQ(y["Lạc Hồng|founded-by|Jack Ma"], "1999");

  y = YearsOf(*extractor,
              "Orbis Labs, founded by Daniel Ruiz, moved its headquarters to Austin in 2021.");
  ASSERT_TRUE(y.count("Orbis Labs|founded-by|Daniel Ruiz"));
  EXPECT_EQ(y["Orbis Labs|founded-by|Daniel Ruiz"], "");

  // The year sits in the clause, past an appositive.
  y = YearsOf(*extractor,
              "Kestrel Works was founded by Daniel Ruiz, a former Google engineer, in 2015.");
  ASSERT_TRUE(y.count("Kestrel Works|founded-by|Daniel Ruiz"));
  EXPECT_EQ(y["Kestrel Works|founded-by|Daniel Ruiz"], "2015");
  ASSERT_TRUE(y.count("Daniel Ruiz|alumni-of|Google"));
  EXPECT_EQ(y["Daniel Ruiz|alumni-of|Google"], "");

  // A fronted adverbial applies to the main clause.
  y = YearsOf(*extractor, "Năm 2019, ông Trần Văn Hải thành lập Công ty Cổ phần Minh Long.");
  ASSERT_TRUE(y.count("Minh Long|founded-by|Trần Văn Hải"));
  EXPECT_EQ(y["Minh Long|founded-by|Trần Văn Hải"], "2019");

  // A year in a fronted clause of its own ("Sau khi rời Google năm 2015, ...") is not
  // the main clause's.
  y = YearsOf(*extractor,
              "Sau khi rời Google năm 2015, bà Lê Thu Trang sáng lập Công ty Cổ phần Hoa Sen năm "
              "2018.");
  ASSERT_TRUE(y.count("Hoa Sen|founded-by|Lê Thu Trang"));
  EXPECT_EQ(y["Hoa Sen|founded-by|Lê Thu Trang"], "2018");
  y = YearsOf(*extractor,
              "Sau khi rời Google năm 2015, bà Lê Thu Trang sáng lập Công ty Cổ phần Hoa Sen.");
  ASSERT_TRUE(y.count("Hoa Sen|founded-by|Lê Thu Trang"));
  EXPECT_EQ(y["Hoa Sen|founded-by|Lê Thu Trang"], "");
}

// "subject|relation|object" of every fact of one relation.
std::set<std::string> FactsOf(const Extractor& extractor, const std::string& text,
                              graph::RelationType relation) {
  std::set<std::string> out;
  auto facts = extractor.Extract(graph::Article{"a", "", text, ""});
  EXPECT_TRUE(facts.ok()) << facts.status();
  if (!facts.ok()) return out;
  for (const auto& f : *facts) {
    if (f.relation == relation) out.insert(absl::StrCat(f.subject.name, "|", f.object.name));
  }
  return out;
}

// A table split by '|' states each row's headquarters in the column so headed,
// wherever that column stands; a table with no such column states none.
TEST(ExtractorTest, TablesGiveHeadquartersFromTheirColumn) {
  auto extractor = MakeExtractor();
  auto hq = FactsOf(*extractor,
                    "Các startup nổi bật:\n\n"
                    "Startup | Lĩnh vực | Trụ sở | Nhà đầu tư\n"
                    "Bếp Nhà | Giao đồ ăn | Đà Nẵng | Quỹ Sao Bắc (20%)\n"
                    "Cánh Cam | Du lịch | Cần Thơ | Quỹ Đông Du\n",
                    graph::RelationType::kHqIn);
  EXPECT_EQ(hq, (std::set<std::string>{"Bếp Nhà|Đà Nẵng", "Cánh Cam|Cần Thơ"}));

  hq = FactsOf(*extractor,
               "Startups to watch:\n\n"
               "Company | Headquarters | Founded | Lead investor\n"
               "Orbis Labs | Austin | 2019 | Lumen Group\n"
               "Kumo Robotics | Osaka | 2021 | Crest Ventures\n",
               graph::RelationType::kHqIn);
  EXPECT_EQ(hq, (std::set<std::string>{"Orbis Labs|Austin", "Kumo Robotics|Osaka"}));

  hq = FactsOf(*extractor,
               "Deals this year:\n\n"
               "Company | Sector | Lead investor | Office\n"
               "Orbis Labs | Chips | Lumen Group | Austin\n",
               graph::RelationType::kHqIn);
  EXPECT_TRUE(hq.empty()) << *hq.begin();
}

// A table is read by its header row: each column whose header names a role (city,
// investors, founders) gives that fact for the row's company, the first column without
// a role; list cells give one fact per name, and empty cells give none.
TEST(ExtractorTest, TablesReadEachColumnByItsHeader) {
  auto extractor = MakeExtractor();
  const std::string vi =
      "Bảng: Một số chuỗi trường tư\n\n"
      "Trường/Chuỗi | Nhà đầu tư chính | Trụ sở\n"
      "Trường Quốc tế Hồng Lĩnh | Kim Phát Edu | Đà Nẵng\n"
      "Mầm non Hoa Sữa | Quỹ Tân Á và Bách Việt Partners | Hà Nội\n"
      "Trường Song ngữ Cây Cọ | chưa công bố | Cần Thơ\n";
  EXPECT_EQ(FactsOf(*extractor, vi, graph::RelationType::kInvestedIn),
            (std::set<std::string>{"Kim Phát Edu|Trường Quốc tế Hồng Lĩnh",
                                   "Quỹ Tân Á|Mầm non Hoa Sữa",
                                   "Bách Việt Partners|Mầm non Hoa Sữa"}));
  EXPECT_EQ(FactsOf(*extractor, vi, graph::RelationType::kHqIn),
            (std::set<std::string>{"Trường Quốc tế Hồng Lĩnh|Đà Nẵng", "Mầm non Hoa Sữa|Hà Nội",
                                   "Trường Song ngữ Cây Cọ|Cần Thơ"}));

  const std::string en =
      "Startup | Founders | Lead investor | Based in\n"
      "Quarry Labs | Mira Holt, Dev Anand | Crest Ventures; Lumen Group | Austin\n"
      "Tidewell | Sara Quist | Not disclosed | Singapore\n";
  EXPECT_EQ(FactsOf(*extractor, en, graph::RelationType::kFoundedBy),
            (std::set<std::string>{"Quarry Labs|Mira Holt", "Quarry Labs|Dev Anand",
                                   "Tidewell|Sara Quist"}));
  EXPECT_EQ(FactsOf(*extractor, en, graph::RelationType::kInvestedIn),
            (std::set<std::string>{"Crest Ventures|Quarry Labs", "Lumen Group|Quarry Labs"}));
  EXPECT_EQ(FactsOf(*extractor, en, graph::RelationType::kHqIn),
            (std::set<std::string>{"Quarry Labs|Austin", "Tidewell|Singapore"}));

  // Vietnamese founders and investors, a round column with no role, and an
  // acquirer column.
  const std::string vi2 =
      "Công ty | Người sáng lập | Vòng gọi vốn | Nhà đầu tư | Thành phố\n"
      "Bếp Lửa Hồng | Trần Minh Khang | Series A | Quỹ Đông Du | Hải Phòng\n"
      "Cá Vàng Pay | Lê Thu Hà và Phạm Quốc Bảo | Hạt giống | — | Đà Nẵng\n"
      "\n"
      "Startup | Acquirer | HQ\n"
      "Nimbus Maps | Orbit Holdings | Hanoi\n";
  EXPECT_EQ(FactsOf(*extractor, vi2, graph::RelationType::kFoundedBy),
            (std::set<std::string>{"Bếp Lửa Hồng|Trần Minh Khang", "Cá Vàng Pay|Lê Thu Hà",
                                   "Cá Vàng Pay|Phạm Quốc Bảo"}));
  EXPECT_EQ(FactsOf(*extractor, vi2, graph::RelationType::kInvestedIn),
            (std::set<std::string>{"Quỹ Đông Du|Bếp Lửa Hồng", "Orbit Holdings|Nimbus Maps"}));

  // A city the place lexicon lacks is taken under a headquarters header only when the
  // column's other cells are known cities.
  const std::string unlisted =
      "Chuỗi | Số cửa hàng | Trụ sở\n"
      "Gió Núi Coffee | 38 | Pleiku\n"
      "Mộc Lan Tea | 110 | Hà Nội\n"
      "Sương Sớm | 95 | Đà Nẵng\n";
  EXPECT_EQ(FactsOf(*extractor, unlisted, graph::RelationType::kHqIn),
            (std::set<std::string>{"Gió Núi Coffee|Pleiku", "Mộc Lan Tea|Hà Nội",
                                   "Sương Sớm|Đà Nẵng"}));
}

// Tables that state no company fact: products, a city column listing offices, a
// header with no role, and rows after the table has ended.
TEST(ExtractorTest, TablesWithoutCompanyRolesGiveNothing) {
  auto extractor = MakeExtractor();
  EXPECT_TRUE(FactsOf(*extractor,
                      "Sản phẩm | Nhà sáng lập | Thành phố\n"
                      "Ví Gấu | Trần Văn Tâm | Hà Nội\n",
                      graph::RelationType::kFoundedBy)
                  .empty());
  EXPECT_TRUE(FactsOf(*extractor,
                      "Văn phòng của Sao Khuê Group\n\n"
                      "Đơn vị | Thành phố\n"
                      "Sao Khuê Miền Bắc | Hà Nội\n"
                      "Sao Khuê Miền Trung | Đà Nẵng\n",
                      graph::RelationType::kHqIn)
                  .empty());
  EXPECT_TRUE(FactsOf(*extractor,
                      "Lumen Group offices\n\n"
                      "Unit | City\n"
                      "Lumen Asia | Singapore\n"
                      "Lumen Labs | Tokyo\n",
                      graph::RelationType::kHqIn)
                  .empty());
  EXPECT_TRUE(FactsOf(*extractor,
                      "Product | Price | Maker\n"
                      "Orbit Phone | $300 | Kumo Robotics\n",
                      graph::RelationType::kInvestedIn)
                  .empty());
  // A row with a different number of cells ends the table.
  EXPECT_EQ(FactsOf(*extractor,
                    "Company | Investors | HQ\n"
                    "Kite Pay | Crest Ventures | Hanoi\n"
                    "Note | Lumen Group\n",
                    graph::RelationType::kInvestedIn),
            (std::set<std::string>{"Crest Ventures|Kite Pay"}));
}

// A timeline's items ("- Tháng 6/2021: nhận vốn từ X") name no subject: it is the
// organisation the list's heading names, even one whose brand reads like a person's name.
TEST(ExtractorTest, TimelineItemsTakeTheTopicOfTheirHeading) {
  auto extractor = MakeExtractor();
  auto facts = FactsOf(*extractor,
                       "Hoa Mai Foods là chuỗi thực phẩm sạch.\n\n"
                       "Các mốc chính của Hoa Mai:\n"
                       "- Tháng 6/2021: nhận vốn từ Mekong Capital.\n"
                       "- Tháng 3/2023: nhận đầu tư từ quỹ Sao Bắc Ventures.\n",
                       graph::RelationType::kInvestedIn);
  EXPECT_EQ(facts, (std::set<std::string>{"Mekong Capital|Hoa Mai Foods",
                                          "Sao Bắc Ventures|Hoa Mai Foods"}));

  facts = FactsOf(*extractor,
                  "Timeline of Skyloom:\n"
                  "- March 2022: raised $3 million from Arcadia Fund.\n"
                  "- May 2023: received funding from Crest Ventures.\n",
                  graph::RelationType::kInvestedIn);
  EXPECT_EQ(facts, (std::set<std::string>{"Arcadia Fund|Skyloom", "Crest Ventures|Skyloom"}));

  facts = FactsOf(*extractor,
                  "Lịch sử gọi vốn của Bếp Nhà:\n"
                  "- Quý 2/2022: nhận vốn từ quỹ Đông Du Ventures.\n",
                  graph::RelationType::kInvestedIn);
  EXPECT_EQ(facts, (std::set<std::string>{"Đông Du Ventures|Bếp Nhà"}));

  // An item that names its own subject, or a line that is no timeline item.
  facts = FactsOf(*extractor,
                  "Các mốc chính của Hoa Mai:\n"
                  "- Tháng 6/2021: Mekong Capital mở văn phòng tại Hà Nội.\n",
                  graph::RelationType::kInvestedIn);
  EXPECT_TRUE(facts.empty()) << *facts.begin();
  facts = FactsOf(*extractor,
                  "Bếp Nhà là chuỗi bếp trung tâm. Sau đó nhận vốn từ quỹ Đông Du Ventures là "
                  "điều dễ hiểu.\n",
                  graph::RelationType::kInvestedIn);
  EXPECT_EQ(facts.count("Đông Du Ventures|Bếp Nhà"), 0u);
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
