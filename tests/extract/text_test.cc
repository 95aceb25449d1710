#include "extract/internal/text.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "extract/internal/lexicon.h"
#include "gtest/gtest.h"

namespace kg::extract::internal {
namespace {

TEST(NormalizeTest, ComposesToNfc) {
  // "Hà Nội" with combining marks (NFD) becomes the precomposed form.
  NormalizedText n = Normalize("Ha\xCC\x80 N\xC3\xB4\xCC\xA3i");
  EXPECT_EQ(n.text, "H\xC3\xA0 N\xE1\xBB\x99i");
}

TEST(NormalizeTest, BothTonePlacementsGiveIdenticalText) {
  EXPECT_EQ(Normalize("hoà").text, Normalize("hòa").text);
  EXPECT_EQ(Normalize("thuý").text, Normalize("thúy").text);
  EXPECT_EQ(Normalize("HOÀ BÌNH").text, Normalize("HÒA BÌNH").text);
  EXPECT_EQ(Normalize("khoẻ").text, Normalize("khỏe").text);
  // "qu" keeps its tone on the vowel after it, and so do closed syllables.
  EXPECT_EQ(Normalize("quý").text, "quý");
  EXPECT_EQ(Normalize("hoàng").text, "hoàng");
  EXPECT_EQ(Normalize("thuyết").text, "thuyết");
}

TEST(NormalizeTest, InvisibleSpacesAndQuotes) {
  NormalizedText n = Normalize(
      "A\xE2\x80\x8B"
      "B\xC2\xA0"
      "C \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x98y\xE2\x80\x99 a\xE2\x80\x93"
      "b");
  EXPECT_EQ(n.text, "AB C \"x\" 'y' a-b");
}

TEST(NormalizeTest, MapsEveryByteBackToTheOriginal) {
  const std::string original =
      "x\xE2\x80\x8B"
      "Ho\xC3\xA0 \xC2\xA0 y";
  NormalizedText n = Normalize(original);
  ASSERT_EQ(n.text, "xHòa y");
  // "Hòa" in the normalised text maps to "Hoà" in the original.
  size_t b = n.text.find("H");
  graph::ByteSpan span = n.ToOriginal(b, b + std::string("Hòa").size());
  EXPECT_EQ(original.substr(span.begin, span.end - span.begin), "Ho\xC3\xA0");
  graph::ByteSpan y = n.ToOriginal(n.text.size() - 1, n.text.size());
  EXPECT_EQ(original.substr(y.begin, y.end - y.begin), "y");
}

TEST(ValidateUtf8Test, NamesTheOffsetOfTheFirstBadByte) {
  EXPECT_TRUE(ValidateUtf8("Hà Nội").ok());
  absl::Status s =
      ValidateUtf8(std::string("ab\xFF"
                               "cd"));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(s.message(), "byte offset 2")) << s;
  EXPECT_FALSE(ValidateUtf8(std::string("\xE1\xBB")).ok());          // Truncated.
  EXPECT_FALSE(ValidateUtf8(std::string("\xC0\xAF")).ok());          // Overlong.
  EXPECT_FALSE(ValidateUtf8(std::string("\xED\xA0\x80")).ok());      // Surrogate.
  EXPECT_FALSE(ValidateUtf8(std::string("\xF4\x90\x80\x80")).ok());  // > U+10FFFF.
}

TEST(FoldTest, DropsCaseAndDiacritics) {
  EXPECT_EQ(Fold("Hàng Châu"), "hang chau");
  EXPECT_EQ(Fold("Đại học Bắc Kinh"), "dai hoc bac kinh");
  EXPECT_EQ(Fold("01.AI"), "01 ai");
}

TEST(TokenizeTest, KeepsNamesWithDotsAndDigitsWhole) {
  std::vector<Token> t = Tokenize("01.ai, Udeer.AI và JD.com; Shenzhen-based X's");
  std::vector<std::string> words;
  for (const Token& tok : t) words.push_back(tok.lower);
  EXPECT_EQ(words, (std::vector<std::string>{"01.ai", ",", "udeer.ai", "và", "jd.com", ";",
                                             "shenzhen", "-", "based", "x", "'s"}));
  EXPECT_TRUE(t[0].cap);
  EXPECT_TRUE(t[2].cap);
}

class SentenceSplitterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lex = Lexicons::Load();
    ASSERT_TRUE(lex.ok()) << lex.status();
    auto s = SentenceSplitter::Create((*lex)->abbreviations, (*lex)->letter_labels);
    ASSERT_TRUE(s.ok()) << s.status();
    splitter_ = std::move(s).value();
  }
  std::vector<std::string> Split(const std::string& text) {
    std::vector<std::string> out;
    for (const Sentence& s : splitter_->Split(text)) {
      out.push_back(text.substr(s.begin, s.end - s.begin));
    }
    return out;
  }
  std::unique_ptr<SentenceSplitter> splitter_;
};

TEST_F(SentenceSplitterTest, SplitsSentencesAndKeepsAbbreviations) {
  EXPECT_EQ(Split("Công ty có trụ sở tại TP. Hồ Chí Minh. ThS. Lan nói vậy. Mr. Smith left."),
            (std::vector<std::string>{"Công ty có trụ sở tại TP. Hồ Chí Minh.", "ThS. Lan nói vậy.",
                                      "Mr. Smith left."}));
}

TEST_F(SentenceSplitterTest, ARoundLetterEndsTheSentenceButAnInitialDoesNot) {
  EXPECT_EQ(Split("Kiwi raised $5 million in Series A. Vega led it. Anna B. Berg founded it."),
            (std::vector<std::string>{"Kiwi raised $5 million in Series A.", "Vega led it.",
                                      "Anna B. Berg founded it."}));
  EXPECT_EQ(Split("Bếp Xanh vừa xong vòng B. Quỹ Mekong dẫn dắt."),
            (std::vector<std::string>{"Bếp Xanh vừa xong vòng B.", "Quỹ Mekong dẫn dắt."}));
}

TEST_F(SentenceSplitterTest, LinesBulletsAndTableRowsAreSentences) {
  EXPECT_EQ(Split("Tiêu đề\n- Ý một.\n- Ý hai\nRokid Kính Hàng Châu\n"),
            (std::vector<std::string>{"Tiêu đề", "Ý một.", "Ý hai", "Rokid Kính Hàng Châu"}));
}

}  // namespace
}  // namespace kg::extract::internal
