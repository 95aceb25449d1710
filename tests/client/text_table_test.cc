#include "client/text_table.h"

#include <string>

#include "gtest/gtest.h"

namespace kg::client {
namespace {

TEST(TextTableTest, DisplayWidthCountsCharactersNotBytes) {
  EXPECT_EQ(DisplayWidth("Alibaba"), 7u);
  EXPECT_EQ(DisplayWidth("Hà Nội"), 6u);                          // precomposed letters
  EXPECT_EQ(DisplayWidth("Ha\xCC\x80 No\xCC\xA3\xCC\x82i"), 6u);  // decomposed: combining marks
  EXPECT_EQ(DisplayWidth("阿里巴巴"), 8u);                        // wide
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2u);                        // invalid bytes count one each
  EXPECT_EQ(DisplayWidth("\xE4\xBD"), 2u);                        // truncated sequence
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("\033[1mAlibaba\033[0m"), 7u);  // colours take no columns
  EXPECT_EQ(DisplayWidth("\033[38;5;208mx"), 1u);
}

TEST(TextTableTest, PipedRowsAreTabSeparatedWithoutHeader) {
  TextTable table({"NAME", "TYPE"});
  table.AddRow({"Moonshot AI", "organization"}, {"\tarticle\tsentence"});
  table.AddRow({"Zhipu\tAI", "organization"});
  EXPECT_EQ(table.Render(false, false),
            "Moonshot AI\torganization\n\tarticle\tsentence\nZhipu AI\torganization\n");
}

TEST(TextTableTest, TerminalColumnsLineUpByDisplayWidth) {
  TextTable table({"NAME", "TYPE"});
  table.AddRow({"Hà Nội", "place"});
  table.AddRow({"Alibaba Group", "organization"});
  EXPECT_EQ(table.Render(true, false),
            "NAME           TYPE\n"
            "Hà Nội         place\n"
            "Alibaba Group  organization\n");
}

TEST(TextTableTest, HeaderIsBoldOnlyWithColour) {
  TextTable table({"A"});
  table.AddRow({"x"});
  EXPECT_EQ(table.Render(true, true), "\033[1mA\033[0m\nx\n");
  EXPECT_EQ(table.Render(true, false), "A\nx\n");
}

TEST(TextTableTest, ShortRowsArePadded) {
  TextTable table({"A", "B", "C"});
  table.AddRow({"x"});
  EXPECT_EQ(table.Render(false, false), "x\t\t\n");
}

}  // namespace
}  // namespace kg::client
