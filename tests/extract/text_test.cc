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

TEST(NormalizeTest, AsciiRunsKeepTheirOffsetsAndStillCombine) {
  // Runs of spaces become one space that maps back to the whole run.
  const std::string spaced = "ab   cd\r\ne";
  NormalizedText n = Normalize(spaced);
  ASSERT_EQ(n.text, "ab cd \ne");
  graph::ByteSpan space = n.ToOriginal(2, 3);
  EXPECT_EQ(space.begin, 2u);
  EXPECT_EQ(space.end, 5u);
  graph::ByteSpan e = n.ToOriginal(n.text.size() - 1, n.text.size());
  EXPECT_EQ(spaced.substr(e.begin, e.end - e.begin), "e");
  // An ASCII letter followed by a combining mark composes with it.
  EXPECT_EQ(Normalize("Cafe\xCC\x81 Sa\xCC\x80i Go\xCC\x80n").text, "Café Sài Gòn");
}

TEST(NormalizeTest, MovesEveryOldToneAndMapsEachBack) {
  const std::string original = "Hoà và Thuý, khoẻ; hoà";
  NormalizedText n = Normalize(original);
  ASSERT_EQ(n.text, "Hòa và Thúy, khỏe; hòa");
  for (absl::string_view word : {"Thúy", "khỏe"}) {
    size_t b = n.text.find(std::string(word));
    ASSERT_NE(b, std::string::npos) << word;
    graph::ByteSpan span = n.ToOriginal(b, b + word.size());
    std::string back = original.substr(span.begin, span.end - span.begin);
    EXPECT_EQ(Normalize(back).text, word);
  }
  graph::ByteSpan last = n.ToOriginal(n.text.size() - 4, n.text.size());
  EXPECT_EQ(original.substr(last.begin, last.end - last.begin), "hoà");
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
  // Decomposed input, punctuation runs, and letters beyond the table of common scripts.
  EXPECT_EQ(Fold("Ha\xCC\x80ng -- Cha\xCC\x82u!"), "hang chau");
  EXPECT_EQ(Fold("\xEF\xBC\xA1\xEF\xBC\xA2"), "\xEF\xBD\x81\xEF\xBD\x82");  // Fullwidth AB.
  EXPECT_EQ(Fold("阿里巴巴 Group"), "阿里巴巴 group");
  EXPECT_EQ(Fold("Ωmega Σ"), "ωmega σ");
}

TEST(PhraseTableTest, MatchesTokensAndWordsAlike) {
  PhraseTable table;
  table.Add("quỹ đầu tư", 1);
  table.Add("quỹ", 2);
  table.Add("Capital", 3);
  std::vector<Token> t = Tokenize("Quỹ đầu tư Mekong Capital và quỹ khác");
  for (const Token& tok : t) EXPECT_EQ(tok.lower_hash, WordHash(tok.lower)) << tok.lower;
  int value = 0;
  EXPECT_EQ(table.Match(t, 0, &value), 3);
  EXPECT_EQ(value, 1);
  EXPECT_EQ(table.Match(t, 1), 0);
  EXPECT_EQ(table.MatchEndingAt(t, 5, &value), 1);
  EXPECT_EQ(value, 3);
  EXPECT_EQ(table.Match(t, 6, &value), 1);
  EXPECT_EQ(value, 2);
  EXPECT_EQ(table.Match(t, 99), 0);
  EXPECT_EQ(table.MatchEndingAt(t, 0), 0);
  for (const Token& tok : t) {
    EXPECT_EQ(table.Contains(tok), table.Contains(tok.lower)) << tok.lower;
  }
  EXPECT_TRUE(table.Contains("quỹ đầu tư"));
  EXPECT_TRUE(table.Contains(t[4]));
  EXPECT_FALSE(table.Contains(t[3]));
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
