#include "extract/internal/analysis.h"

#include <algorithm>
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

// The anaphor mention with this exact text, in sentence `sentence`; the entity it
// takes, or nullptr.
const EntityInfo* AnaphorEntity(const Document& doc, const std::string& text, int sentence) {
  for (const Mention& m : doc.mentions) {
    if (m.anaphor && m.text == text && m.sentence == sentence) {
      return m.entity >= 0 ? &doc.entities[m.entity] : nullptr;
    }
  }
  return nullptr;
}

std::vector<std::string> Names(const Document& doc) {
  std::vector<std::string> names;
  for (const Mention& m : doc.mentions) {
    if (!m.anaphor) names.push_back(m.text);
  }
  return names;
}

TEST_F(AnalysisTest, NameBoundariesAroundCountriesJoinersAndNumbers) {
  Document doc = analyzer_->Analyze(
      "Quỹ Việt Nam BluePeak Ventures và doanh nhân Singapore Rachel Tan đầu tư vào Long Phu 2 "
      "Power Company. Bà Tan từng làm ở McKinsey & Company và tốt nghiệp University of Hong Kong. "
      "Ông Lê Văn Hòa tốt nghiệp Đại học Bách khoa Đà Nẵng khóa 2005.");
  std::vector<std::string> names = Names(doc);
  for (const char* want :
       {"BluePeak Ventures", "Rachel Tan", "Long Phu 2 Power Company", "McKinsey & Company",
        "University of Hong Kong", "Đại học Bách khoa Đà Nẵng"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
  for (const char* never : {"Việt Nam BluePeak Ventures", "Singapore Rachel Tan", "Long Phu",
                            "McKinsey", "University of", "Đại học Bách khoa Đà Nẵng khóa"}) {
    EXPECT_EQ(std::find(names.begin(), names.end(), never), names.end()) << never;
  }
  ASSERT_NE(EntityOf(doc, "Rachel Tan"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Rachel Tan")->type, graph::EntityType::kPerson);
}

TEST_F(AnalysisTest, HomeCountryBeforeAVietnameseNameStaysInIt) {
  Document doc = analyzer_->Analyze("Ngân hàng Việt Nam Thịnh Vượng vừa ra mắt ứng dụng mới.");
  EXPECT_EQ(Names(doc), (std::vector<std::string>{"Việt Nam Thịnh Vượng"}));
}

TEST_F(AnalysisTest, HyphenatedGivenNameIsAPersonNotABrand) {
  Document doc = analyzer_->Analyze(
      "Tessel was started by Mei-Ling Chang in 2021. Its line sits in Saigon Hi-Tech Park.");
  ASSERT_NE(EntityOf(doc, "Mei-Ling Chang"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Mei-Ling Chang")->type, graph::EntityType::kPerson);
  ASSERT_NE(EntityOf(doc, "Saigon Hi-Tech Park"), nullptr);
  EXPECT_NE(EntityOf(doc, "Saigon Hi-Tech Park")->type, graph::EntityType::kPerson);
}

TEST_F(AnalysisTest, AFirmThatLooksLikeAPersonIsNotOneAfterAt) {
  Document doc = analyzer_->Analyze("Bà Lan từng làm việc tại Morgan Stanley ở Singapore.");
  ASSERT_NE(EntityOf(doc, "Morgan Stanley"), nullptr);
  EXPECT_NE(EntityOf(doc, "Morgan Stanley")->type, graph::EntityType::kPerson);
}

TEST_F(AnalysisTest, TypedAnaphorTakesTheNearestEntityOfItsKind) {
  Document doc = analyzer_->Analyze(
      "Tập đoàn Hoa Lâm lập ra quỹ Hoa Lâm Ventures năm 2020. "
      "Ngoài Hoa Lâm Ventures, tập đoàn còn sở hữu cổ phần tại Nhanh.vn. "
      "Bên cạnh đó, Hana Partners là cổ đông của Kima. Quỹ này cũng rót vốn vào Tiki.");
  const EntityInfo* group = AnaphorEntity(doc, "tập đoàn", 1);
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->name, "Hoa Lâm");
  const EntityInfo* fund = AnaphorEntity(doc, "Quỹ này", 3);
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(fund->name, "Hana Partners");
}

TEST_F(AnalysisTest, TypedAnaphorInEnglishAndTheFirmKind) {
  Document doc = analyzer_->Analyze(
      "Kuro Holdings, the Japanese maker of tractors, backed Lua Vang. "
      "Lua Vang is a startup based in Can Tho. Hana Ventures also joined. "
      "Last year the group bought AgriNet.");
  const EntityInfo* group = AnaphorEntity(doc, "the group", 3);
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->name, "Kuro Holdings");
}

TEST_F(AnalysisTest, SentenceOpeningAnaphorContinuesThePreviousSubject) {
  Document doc = analyzer_->Analyze(
      "Đáng chú ý nhất là Lúa Vàng, startup nông nghiệp tại Cần Thơ. Lúa Vàng gọi vốn. "
      "Trong khi đó, Hạt Ngọc tiếp tục mở rộng ra Lào. Công ty được thành lập năm 2020.");
  const EntityInfo* e = AnaphorEntity(doc, "Công ty", 3);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Hạt Ngọc");
}

TEST_F(AnalysisTest, ItAfterAnInvestorsSentenceIsThatInvestor) {
  Document doc = analyzer_->Analyze(
      "Pixelo raised $8 million in a round led by Orchid. "
      "Orchid, the Singapore state investor, has been busy. It also backed Zeno.");
  const EntityInfo* it = AnaphorEntity(doc, "It", 2);
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->name, "Orchid");
  EXPECT_NE(EntityOf(doc, "Orchid")->type, graph::EntityType::kPerson);
}

TEST_F(AnalysisTest, PersonPronounSkipsACompanyInAnOpeningClause) {
  Document doc = analyzer_->Analyze(
      "Người đồng sáng lập thứ hai là bà Trần Mỹ Linh. "
      "Trước khi gia nhập Bảo Long Online, bà từng làm việc tại Deloitte.");
  const EntityInfo* e = AnaphorEntity(doc, "bà", 1);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Trần Mỹ Linh");
  ASSERT_NE(EntityOf(doc, "Bảo Long Online"), nullptr);
  EXPECT_NE(EntityOf(doc, "Bảo Long Online")->type, graph::EntityType::kPerson);
}

TEST_F(AnalysisTest, LeadingWordsOfACompanyNameJoinItButUnitsAndParentsStayApart) {
  Document doc = analyzer_->Analyze(
      "Startup Bảo Long Online bán bảo hiểm. Bà Hà gia nhập Bảo Long năm 2020. "
      "Đối thủ là Sao Khuê Solar, một công ty con của Tập đoàn Sao Khuê. "
      "Quỹ Hoa Lâm Ventures thuộc Hoa Lâm. Sau đó, Hoa Lâm bán xe.");
  ASSERT_NE(EntityOf(doc, "Bảo Long"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Bảo Long"), EntityOf(doc, "Bảo Long Online"));
  ASSERT_NE(EntityOf(doc, "Sao Khuê"), nullptr);
  EXPECT_NE(EntityOf(doc, "Sao Khuê"), EntityOf(doc, "Sao Khuê Solar"));
  ASSERT_NE(EntityOf(doc, "Hoa Lâm", 1), nullptr);
  EXPECT_NE(EntityOf(doc, "Hoa Lâm", 1), EntityOf(doc, "Hoa Lâm Ventures"));
}

TEST_F(AnalysisTest, ANameCalledTheCompanyIsAnOrganisationUnlessItMayBeAPerson) {
  Document doc = analyzer_->Analyze(
      "Mèo Lười mở phòng khám đầu tiên năm 2019. Công ty vừa gọi thêm vốn. "
      "Brightwave co-founder James Okafor said the startup had tripled its revenue.");
  ASSERT_NE(EntityOf(doc, "Mèo Lười"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Mèo Lười")->type, graph::EntityType::kOrganization);
  ASSERT_NE(EntityOf(doc, "James Okafor"), nullptr);
  EXPECT_NE(EntityOf(doc, "James Okafor")->type, graph::EntityType::kOrganization);
}

TEST_F(AnalysisTest, NationalityAfterTheNounKeepsAnAnaphor) {
  Document doc = analyzer_->Analyze(
      "Tập đoàn Kaito Holdings mua lại Bảo An. Năm ngoái, tập đoàn Nhật cũng mua lại Ziko.");
  const EntityInfo* e = AnaphorEntity(doc, "tập đoàn Nhật", 1);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Kaito Holdings");
}

TEST_F(AnalysisTest, AQuestionOrSentenceAboutHeadquartersIsNoTableHeading) {
  // An interview question names the headquarters but heads no table, so the answer is
  // a sentence whose words are not a row's cells.
  Document doc = analyzer_->Analyze(
      "Nhịp là ứng dụng nghe nhạc.\nHiện công ty đặt trụ sở ở đâu?\nTrụ sở chính của Nhịp vẫn "
      "ở TP HCM.\n");
  for (const SentenceInfo& s : doc.sentences) EXPECT_FALSE(s.table_row);
  EXPECT_EQ(EntityOf(doc, "Trụ"), nullptr);
  // A real heading line without sentence punctuation still makes rows.
  Document table = analyzer_->Analyze(
      "Các startup nổi bật:\nTên  Lĩnh vực  Trụ sở\nRokid  Kính thông minh  Hàng Châu\n");
  bool row = false;
  for (const SentenceInfo& s : table.sentences) row = row || s.table_row;
  EXPECT_TRUE(row);
}

// The publisher a byline names ("CafeF | 14:20 07/10/2026") is a source wherever the
// article names it, and never what "công ty này" / "the company" points back to.
TEST_F(AnalysisTest, BylinePublisherIsNoAntecedent) {
  Document doc = analyzer_->Analyze(
      "Nuôi cá công nghệ cao hút vốn\n\nTin Nhanh | 09:30 12/05/2026\n\n"
      "Tin Nhanh điểm lại các thương vụ. Quỹ Lam Sơn Capital rót vốn vào Cá Bạc. "
      "Công ty này có trụ sở tại Huế.");
  for (const Mention& m : doc.mentions) {
    if (m.text == "Tin Nhanh") {
      EXPECT_TRUE(m.source) << "sentence " << m.sentence;
    }
  }
  const EntityInfo* firm = nullptr;
  for (const Mention& m : doc.mentions) {
    if (m.anaphor && m.text == "Công ty này") {
      firm = m.entity >= 0 ? &doc.entities[m.entity] : nullptr;
    }
  }
  ASSERT_NE(firm, nullptr);
  EXPECT_NE(firm->name, "Tin Nhanh");

  Document en = analyzer_->Analyze(
      "Deals of the week\n\nAsia Wire | May 2, 2026 9:00 AM\n\n"
      "Asia Wire has learned that Orchid Partners backed Lumen. The company is based in Manila.");
  for (const Mention& m : en.mentions) {
    if (m.text == "Asia Wire") {
      EXPECT_TRUE(m.source);
    }
    if (m.anaphor && m.text == "The company" && m.entity >= 0) {
      EXPECT_NE(en.entities[m.entity].name, "Asia Wire");
    }
  }
  // "Người Tin Nhanh - Sáng 2/5, ...": a dateline opening with a common word.
  Document dash = analyzer_->Analyze(
      "Tiêu đề\n\nNgười Tin Nhanh - Sáng 2/5, Cá Bạc khai trương nhà máy.\n"
      "Công ty này do ông Lê Văn Nam sáng lập.");
  for (const Mention& m : dash.mentions) {
    if (m.text == "Tin Nhanh") {
      EXPECT_TRUE(m.source);
    }
  }
}

// A table row has bars too, but no date: its first cell is a company, not a publisher.
TEST_F(AnalysisTest, TableRowIsNoByline) {
  Document doc = analyzer_->Analyze(
      "Các startup và trụ sở:\nCông ty | Lĩnh vực | Thành phố\nCá Bạc | Thủy sản | Huế\n"
      "Lúa Vàng | Nông nghiệp | Cần Thơ\n");
  for (const Mention& m : doc.mentions) {
    if (m.text == "Cá Bạc" || m.text == "Lúa Vàng") {
      EXPECT_FALSE(m.outlet) << m.text;
      EXPECT_FALSE(m.source) << m.text;
    }
  }
}

// "Trường" opens a school's name, but stays a given name after a family name or an
// honorific; the whole compound family name "Tôn Thất" is a person's.
TEST_F(AnalysisTest, SchoolNamesAndCompoundFamilyNames) {
  Document doc = analyzer_->Analyze(
      "Ông Nguyễn Xuân Trường tốt nghiệp Trường Quốc tế Sông Hàn. Bà Trường cho biết "
      "thầy giáo Tôn Thất Bình lập ra Hệ thống Trường Thực Nghiệm Ánh Sao.");
  ASSERT_NE(EntityOf(doc, "Nguyễn Xuân Trường"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Nguyễn Xuân Trường")->type, graph::EntityType::kPerson);
  ASSERT_NE(EntityOf(doc, "Trường Quốc tế Sông Hàn"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Trường Quốc tế Sông Hàn")->type, graph::EntityType::kOrganization);
  ASSERT_NE(EntityOf(doc, "Trường"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Trường")->type, graph::EntityType::kPerson);
  ASSERT_NE(EntityOf(doc, "Tôn Thất Bình"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Tôn Thất Bình")->type, graph::EntityType::kPerson);
  ASSERT_NE(EntityOf(doc, "Hệ thống Trường Thực Nghiệm Ánh Sao"), nullptr);
  EXPECT_EQ(EntityOf(doc, "Hệ thống Trường Thực Nghiệm Ánh Sao")->type,
            graph::EntityType::kOrganization);
}

// "X, tập đoàn có trụ sở tại Y": the bare noun after a name and a comma is that name.
TEST_F(AnalysisTest, BareNounAppositiveTakesTheNameBeforeIt) {
  Document doc = analyzer_->Analyze(
      "Minh Phú Holdings mua lại Cá Ngon. Sau đó, Hòa Bình Steel, tập đoàn có trụ sở tại "
      "Hải Phòng, cũng tham gia.");
  const EntityInfo* e = AnaphorEntity(doc, "tập đoàn", 1);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->name, "Hòa Bình Steel");
  // After a clause ("Sau khi mua lại X, tập đoàn ..."), the name is the clause's object.
  Document clause = analyzer_->Analyze(
      "Hải Sản Việt là tập đoàn thủy sản lớn. Sau khi mua lại Minh Phú, tập đoàn mở rộng.");
  const EntityInfo* c = AnaphorEntity(clause, "tập đoàn", 1);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Hải Sản Việt");
}

// A row whose place the lexicon does not know does not end a '|' table: the rows after it
// are still rows.
TEST_F(AnalysisTest, UnknownPlaceRowDoesNotEndABarTable) {
  Document doc = analyzer_->Analyze(
      "Các thương vụ:\nTrường | Nhà đầu tư | Trụ sở\nHoa Mai | Sao Bắc Capital | Làng Vân Xa\n"
      "Cá Bạc | Lam Sơn Capital | Huế\n");
  bool known_row = false;
  for (const SentenceInfo& s : doc.sentences) {
    std::string text = doc.norm.text.substr(s.span.begin, s.span.end - s.span.begin);
    if (text.find("Cá Bạc") != std::string::npos) known_row = s.table_row;
  }
  EXPECT_TRUE(known_row);
}

}  // namespace
}  // namespace kg::extract::internal
