// Data-driven extraction cases from tests/extract/cases/*.tsv: sentences written for
// these tests (not taken from the seeds), each with the facts a careful reader finds.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "extract/extractor.h"
#include "extract/internal/text.h"
#include "gtest/gtest.h"
#include "tests/test_util.h"

namespace kg::extract {
namespace {

struct Case {
  std::string id;
  std::string lang;
  graph::RelationType relation = graph::RelationType::kFoundedBy;
  std::string text;
  std::vector<std::pair<std::string, std::string>> expected;  // (subject, object)
  std::string file;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.id; }

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::filesystem::path dir =
      std::filesystem::path(kg::testing::SourceDir()) / "tests" / "extract" / "cases";
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols = absl::StrSplit(line, '\t');
      if (cols.size() < 5) continue;
      Case c;
      c.id = cols[0];
      c.lang = cols[1];
      c.relation = graph::ParseRelationName(cols[2]).value_or(graph::RelationType::kFoundedBy);
      c.text = cols[3];
      c.file = path.filename().string();
      if (cols[4] != "-") {
        for (absl::string_view pair : absl::StrSplit(cols[4], ';')) {
          std::vector<std::string> so = absl::StrSplit(pair, '>');
          if (so.size() != 2) continue;
          c.expected.emplace_back(std::string(absl::StripAsciiWhitespace(so[0])),
                                  std::string(absl::StripAsciiWhitespace(so[1])));
        }
      }
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

const std::vector<Case>& AllCases() {
  static const std::vector<Case>* cases = new std::vector<Case>(LoadCases());
  return *cases;
}

bool Names(const graph::EntityMention& m, const std::string& want) {
  std::string w = internal::Fold(want);
  if (internal::Fold(m.name) == w) return true;
  for (const std::string& a : m.aliases) {
    if (internal::Fold(a) == w) return true;
  }
  return false;
}

std::string Describe(const std::vector<graph::RelationFact>& facts) {
  std::vector<std::string> parts;
  for (const auto& f : facts) {
    parts.push_back(f.subject.name + " -[" + std::string(graph::RelationName(f.relation)) + "]-> " +
                    f.object.name + " (" + f.evidence.rule + ")");
  }
  return parts.empty() ? "(none)" : absl::StrJoin(parts, "; ");
}

class ExtractionCaseTest : public ::testing::TestWithParam<Case> {
 protected:
  static void SetUpTestSuite() {
    auto e = Extractor::Create({});
    ASSERT_TRUE(e.ok()) << e.status();
    extractor_ = std::move(e).value().release();
  }
  static Extractor* extractor_;
};
Extractor* ExtractionCaseTest::extractor_ = nullptr;

TEST_P(ExtractionCaseTest, FindsExactlyTheExpectedFacts) {
  const Case& c = GetParam();
  graph::Article article{c.id, "", c.text, ""};
  auto facts = extractor_->Extract(article);
  ASSERT_TRUE(facts.ok()) << facts.status();
  std::vector<graph::RelationFact> of_relation;
  for (const auto& f : *facts) {
    if (f.relation == c.relation) of_relation.push_back(f);
  }
  for (const auto& [subject, object] : c.expected) {
    bool found = false;
    for (const auto& f : of_relation) {
      if (Names(f.subject, subject) && Names(f.object, object)) found = true;
    }
    EXPECT_TRUE(found) << c.id << ": missing " << subject << " -> " << object << " in \"" << c.text
                       << "\"; got " << Describe(*facts);
  }
  for (const auto& f : of_relation) {
    bool wanted = false;
    for (const auto& [subject, object] : c.expected) {
      if (Names(f.subject, subject) && Names(f.object, object)) wanted = true;
    }
    EXPECT_TRUE(wanted) << c.id << ": unexpected " << f.subject.name << " -> " << f.object.name
                        << " (" << f.evidence.rule << ") in \"" << c.text << "\"";
  }
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.id;
  for (char& ch : name) {
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, ExtractionCaseTest, ::testing::ValuesIn(AllCases()), CaseName);

TEST(ExtractionCaseFilesTest, CoverEveryRelationAndLanguage) {
  std::map<std::string, int> positive, negative;
  for (const Case& c : AllCases()) {
    std::string key = std::string(graph::RelationName(c.relation)) + "/" + c.lang;
    (c.expected.empty() ? negative : positive)[key]++;
  }
  for (graph::RelationType r : graph::kAllRelationTypes) {
    for (const char* lang : {"vi", "en"}) {
      std::string key = std::string(graph::RelationName(r)) + "/" + lang;
      EXPECT_GE(positive[key], 10) << key;
      EXPECT_GE(negative[key], 5) << key;
    }
  }
}

}  // namespace
}  // namespace kg::extract
