#include "extract/internal/analysis.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kg::extract::internal {
namespace {

class AnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = Analyzer::Create();
    ASSERT_TRUE(a.ok()) << a.status();
    analyzer_ = std::move(a).value();
  }
  // The entity a mention with this exact text resolves to ("" if none).
  static const EntityInfo* EntityOf(const Document& doc, const std::string& text, int nth = 0) {
    for (const Mention& m : doc.mentions) {
      if (m.text == text && nth-- == 0) {
        return m.entity >= 0 ? &doc.entities[m.entity] : nullptr;
      }
    }
    return nullptr;
  }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(AnalysisTest, TypesMentionsFromTheirCues) {
  Document doc = analyzer_->Analyze(
      "Ông Wang Lei gặp đại diện của Orion Capital, JD.com và Đại học Thanh Hoa tại Hàng Châu.");
  ASSERT_NE(EntityOf(doc, "Wang Lei"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Wang Lei")->type, graph::EntityType::kPerson);
  EXPECT_EQ(EntityOf(doc, "Orion Capital")->type, graph::EntityType::kOrganization);
  EXPECT_EQ(EntityOf(doc, "JD.com")->type, graph::EntityType::kOrganization);
  EXPECT_EQ(EntityOf(doc, "Đại học Thanh Hoa")->type, graph::EntityType::kOrganization);
  EXPECT_EQ(EntityOf(doc, "Hàng Châu")->type, graph::EntityType::kPlace);
}

TEST_F(AnalysisTest, SentenceInitialWordsAndTitlesAreNotNames) {
  Document doc = analyzer_->Analyze("Trong năm qua, Giám đốc Điều hành Nguyễn Văn Hùng nói.");
  std::vector<std::string> names;
  for (const Mention& m : doc.mentions) names.push_back(m.text);
  EXPECT_EQ(names, (std::vector<std::string>{"Nguyễn Văn Hùng"}));
}

TEST_F(AnalysisTest, OnePersonUnderSeveralNameForms) {
  Document doc = analyzer_->Analyze(
      "Eddie Wu Yongming trở thành CEO. Sau đó, ông Wu nói chuyện. Eddie Yongming Wu cười.");
  const EntityInfo* a = EntityOf(doc, "Eddie Wu Yongming");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(EntityOf(doc, "Wu"), a);
  EXPECT_EQ(EntityOf(doc, "Eddie Yongming Wu"), a);
  EXPECT_EQ(a->name, "Eddie Wu Yongming");
  EXPECT_EQ(a->type, graph::EntityType::kPerson);
}

TEST_F(AnalysisTest, ShortAndLongCompanyNamesMergeButUnitsStayApart) {
  Document doc = analyzer_->Analyze(
      "Moonshot AI gọi vốn. Moonshot tăng trưởng. Alibaba Group Holding và Alibaba Cloud "
      "hợp tác, còn Alibaba thì im lặng.");
  EXPECT_EQ(EntityOf(doc, "Moonshot"), EntityOf(doc, "Moonshot AI"));
  EXPECT_EQ(EntityOf(doc, "Moonshot")->name, "Moonshot AI");
  EXPECT_EQ(EntityOf(doc, "Alibaba"), EntityOf(doc, "Alibaba Group Holding"));
  EXPECT_NE(EntityOf(doc, "Alibaba Cloud"), EntityOf(doc, "Alibaba Group Holding"));
}

TEST_F(AnalysisTest, ParenthesisedReadingIsAnAlias) {
  Document doc = analyzer_->Analyze("Lý Ngạn Hoành (Robin Li) điều hành Baidu.");
  const EntityInfo* e = EntityOf(doc, "Lý Ngạn Hoành");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(EntityOf(doc, "Robin Li"), e);
  EXPECT_EQ(e->aliases, (std::vector<std::string>{"Robin Li"}));
}

TEST_F(AnalysisTest, PlacesCarryTheirOtherNames) {
  Document doc = analyzer_->Analyze("Công ty có văn phòng ở Thâm Quyến.");
  const EntityInfo* e = EntityOf(doc, "Thâm Quyến");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(std::find(e->aliases.begin(), e->aliases.end(), "Shenzhen"), e->aliases.end());
}

TEST_F(AnalysisTest, DemonstrativeTakesTheMostRecentOrganisation) {
  Document doc = analyzer_->Analyze(
      "Vingroup đầu tư mạnh. Sau đó VinFast ra mắt xe mới. Công ty này tăng trưởng nhanh.");
  EXPECT_EQ(EntityOf(doc, "Công ty này"), EntityOf(doc, "VinFast"));
}

TEST_F(AnalysisTest, PronounTakesTheMostRecentPerson) {
  Document doc = analyzer_->Analyze(
      "Ông Trần Văn Nam rời Viettel năm 2019. Sau đó ông thành lập Sao Mai Tech.");
  EXPECT_EQ(EntityOf(doc, "ông"), EntityOf(doc, "Trần Văn Nam"));
  doc = analyzer_->Analyze("Sarah Chen left Google. In 2020 she founded Nimbus Labs.");
  EXPECT_EQ(EntityOf(doc, "she"), EntityOf(doc, "Sarah Chen"));
}

TEST_F(AnalysisTest, BareCompanyPrefersTheOrganisationInItsOwnSentence) {
  Document doc = analyzer_->Analyze(
      "ByteDance tuyển thêm kỹ sư. Trong khi đó, đối thủ của ByteDance, Kuaishou Technology, "
      "chứng kiến Fu Ruiji rời công ty.");
  EXPECT_EQ(EntityOf(doc, "công ty"), EntityOf(doc, "Kuaishou Technology"));
  doc = analyzer_->Analyze("The company was founded in 2010. Acme Corp grew. The company hired.");
  EXPECT_EQ(EntityOf(doc, "The company", 1), EntityOf(doc, "Acme Corp"));
}

}  // namespace
}  // namespace kg::extract::internal
