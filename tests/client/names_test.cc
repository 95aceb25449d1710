#include "client/names.h"

#include "gtest/gtest.h"

namespace kg::client {
namespace {

TEST(NamesTest, ParsesRelationsInAnyCaseWithDashOrUnderscore) {
  EXPECT_EQ(ParseRelation("invested-in"), v1::RELATION_INVESTED_IN);
  EXPECT_EQ(ParseRelation("INVESTED_IN"), v1::RELATION_INVESTED_IN);
  EXPECT_EQ(ParseRelation("Founded-By"), v1::RELATION_FOUNDED_BY);
  EXPECT_EQ(ParseRelation("alumni_of"), v1::RELATION_ALUMNI_OF);
  EXPECT_EQ(ParseRelation("HQ-in"), v1::RELATION_HQ_IN);
  EXPECT_EQ(ParseRelation("hq_in"), v1::RELATION_HQ_IN);
  EXPECT_EQ(ParseRelation("RELATION_HQ_IN"), v1::RELATION_HQ_IN);
}

TEST(NamesTest, RejectsUnknownRelations) {
  EXPECT_FALSE(ParseRelation("").has_value());
  EXPECT_FALSE(ParseRelation("invested").has_value());
  EXPECT_FALSE(ParseRelation("unspecified").has_value());
  EXPECT_FALSE(ParseRelation("RELATION_UNSPECIFIED").has_value());
}

TEST(NamesTest, RelationNamesRoundTrip) {
  for (v1::Relation r : {v1::RELATION_FOUNDED_BY, v1::RELATION_INVESTED_IN, v1::RELATION_ALUMNI_OF,
                         v1::RELATION_HQ_IN}) {
    EXPECT_EQ(ParseRelation(RelationName(r)), r) << RelationName(r);
    EXPECT_EQ(ParseRelation(RelationIdentifier(r)), r) << RelationIdentifier(r);
  }
  EXPECT_EQ(RelationName(v1::RELATION_HQ_IN), "HQ-in");
  EXPECT_EQ(RelationIdentifier(v1::RELATION_HQ_IN), "HQ_IN");
}

TEST(NamesTest, ParsesDirections) {
  EXPECT_EQ(ParseDirection("in"), v1::DIRECTION_IN);
  EXPECT_EQ(ParseDirection("OUT"), v1::DIRECTION_OUT);
  EXPECT_EQ(ParseDirection("both"), v1::DIRECTION_BOTH);
  EXPECT_FALSE(ParseDirection("sideways").has_value());
  EXPECT_EQ(DirectionName(v1::DIRECTION_UNSPECIFIED), "both");
}

TEST(NamesTest, HopArrowPointsFromSubjectToObject) {
  EXPECT_EQ(HopArrow(v1::RELATION_FOUNDED_BY, v1::DIRECTION_OUT), "-[founded-by]->");
  EXPECT_EQ(HopArrow(v1::RELATION_FOUNDED_BY, v1::DIRECTION_IN), "<-[founded-by]-");
}

}  // namespace
}  // namespace kg::client
