#include "client/output.h"

#include <string>

#include "absl/strings/match.h"
#include "client/text_table.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace kg::client {
namespace {

v1::Entity MakeEntity(uint64_t id, const std::string& name, v1::EntityType type) {
  v1::Entity e;
  e.set_id(id);
  e.set_name(name);
  e.set_type(type);
  return e;
}

v1::Evidence MakeEvidence(const std::string& article, const std::string& sentence) {
  v1::Evidence e;
  e.set_article_id(article);
  e.set_sentence(sentence);
  e.set_confidence(0.9f);
  e.set_confirmed(true);
  return e;
}

v1::NeighborsResponse AlibabaInvestments() {
  v1::NeighborsResponse response;
  *response.mutable_entity() = MakeEntity(1, "Alibaba", v1::ENTITY_TYPE_ORGANIZATION);
  v1::Neighbor* moonshot = response.add_neighbors();
  *moonshot->mutable_entity() = MakeEntity(2, "Moonshot AI", v1::ENTITY_TYPE_ORGANIZATION);
  moonshot->set_relation(v1::RELATION_INVESTED_IN);
  moonshot->set_direction(v1::DIRECTION_OUT);
  moonshot->set_confidence(0.9f);
  moonshot->set_confirmed(true);
  *moonshot->add_evidence() = MakeEvidence("a1", "Alibaba đã rót vốn vào Moonshot AI.");
  v1::Neighbor* softbank = response.add_neighbors();
  *softbank->mutable_entity() = MakeEntity(3, "SoftBank", v1::ENTITY_TYPE_ORGANIZATION);
  softbank->set_relation(v1::RELATION_INVESTED_IN);
  softbank->set_direction(v1::DIRECTION_IN);
  softbank->set_confidence(0.5f);
  softbank->set_confirmed(false);
  *softbank->add_evidence() = MakeEvidence("a2", "SoftBank\tbacked\nAlibaba.");
  response.set_total_size(2);
  return response;
}

TEST(FormatterTest, PipedNeighborsPutEvidenceOnTabIndentedLines) {
  Formatter formatter(OutputStyle{false, false});
  EXPECT_EQ(formatter.Neighbors(AlibabaInvestments()),
            "Moonshot AI\tinvested-in\tout\torganization\t0.90\n"
            "\ta1\tAlibaba đã rót vốn vào Moonshot AI.\n"
            "SoftBank\tinvested-in\tin\torganization\t0.50\n"
            "\ta2\tSoftBank backed Alibaba.\n");
}

TEST(FormatterTest, TerminalNeighborsShowArrowsAndEvidenceBelow) {
  Formatter formatter(OutputStyle{true, false});
  std::string text = formatter.Neighbors(AlibabaInvestments());
  EXPECT_NE(text.find("Alibaba (organization): 2 neighbors\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  -[invested-in]-> Moonshot AI (organization, confidence 0.90)\n"
                      "      \u201cAlibaba đã rót vốn vào Moonshot AI.\u201d [a1]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("<-[invested-in]- SoftBank (organization, confidence 0.50, unconfirmed)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find('\033'), std::string::npos) << "no colour was asked for";
  EXPECT_EQ(text.find('\t'), std::string::npos);
}

TEST(FormatterTest, ColourOnlyOnATerminal) {
  EXPECT_NE(Formatter(OutputStyle{true, true}).Neighbors(AlibabaInvestments()).find("\033["),
            std::string::npos);
  EXPECT_EQ(Formatter(OutputStyle{false, true}).Neighbors(AlibabaInvestments()).find("\033["),
            std::string::npos);
}

TEST(FormatterTest, TerminalShowsAtMostThreeSentencesPerRecord) {
  v1::NeighborsResponse response = AlibabaInvestments();
  for (int i = 0; i < 4; ++i) {
    *response.mutable_neighbors(0)->add_evidence() = MakeEvidence("x", "More.");
  }
  std::string terminal = Formatter(OutputStyle{true, false}).Neighbors(response);
  EXPECT_NE(terminal.find("... and 2 more"), std::string::npos) << terminal;
  std::string piped = Formatter(OutputStyle{false, false}).Neighbors(response);
  size_t lines = 0;
  for (char c : piped) lines += c == '\n';
  EXPECT_EQ(lines, 2u + 1u + 4u + 1u);
}

v1::Path MisaToEddie() {
  v1::Path path;
  *path.add_entities() = MakeEntity(10, "Misa Zhu Mingming", v1::ENTITY_TYPE_PERSON);
  *path.add_entities() = MakeEntity(11, "Rokid", v1::ENTITY_TYPE_ORGANIZATION);
  *path.add_entities() = MakeEntity(12, "Vision Plus Capital", v1::ENTITY_TYPE_ORGANIZATION);
  *path.add_entities() = MakeEntity(13, "Eddie Wu Yongming", v1::ENTITY_TYPE_PERSON);
  const struct {
    v1::Relation relation;
    v1::Direction direction;
    const char* sentence;
  } hops[] = {
      {v1::RELATION_FOUNDED_BY, v1::DIRECTION_IN, "Rokid do Misa Zhu Mingming sáng lập."},
      {v1::RELATION_INVESTED_IN, v1::DIRECTION_IN, "Vision Plus Capital đầu tư vào Rokid."},
      {v1::RELATION_FOUNDED_BY, v1::DIRECTION_OUT, "Vision Plus Capital do Eddie Wu lập."},
  };
  for (const auto& h : hops) {
    v1::PathHop* hop = path.add_hops();
    hop->set_relation(h.relation);
    hop->set_direction(h.direction);
    *hop->add_evidence() = MakeEvidence("s1", h.sentence);
  }
  return path;
}

TEST(FormatterTest, PathLineReadsHopByHop) {
  EXPECT_EQ(Formatter::PathLine(MisaToEddie()),
            "Misa Zhu Mingming <-[founded-by]- Rokid <-[invested-in]- Vision Plus Capital "
            "-[founded-by]-> Eddie Wu Yongming");
}

TEST(FormatterTest, PipedPathsGiveEachHopSubjectFirstWithItsEvidence) {
  v1::FindPathsResponse response;
  *response.add_paths() = MisaToEddie();
  EXPECT_EQ(Formatter(OutputStyle{false, false}).Paths(response),
            "Misa Zhu Mingming <-[founded-by]- Rokid <-[invested-in]- Vision Plus Capital "
            "-[founded-by]-> Eddie Wu Yongming\n"
            "\t1\tRokid -[founded-by]-> Misa Zhu Mingming\ts1\tRokid do Misa Zhu Mingming sáng "
            "lập.\n"
            "\t2\tVision Plus Capital -[invested-in]-> Rokid\ts1\tVision Plus Capital đầu tư vào "
            "Rokid.\n"
            "\t3\tVision Plus Capital -[founded-by]-> Eddie Wu Yongming\ts1\tVision Plus Capital "
            "do Eddie Wu lập.\n");
}

TEST(FormatterTest, TerminalPathsNumberTheHops) {
  v1::FindPathsResponse response;
  *response.add_paths() = MisaToEddie();
  response.set_truncated(true);
  response.set_truncation_reason("max_paths 1 reached");
  std::string text = Formatter(OutputStyle{true, false}).Paths(response);
  EXPECT_NE(text.find("Path 1 (3 hops):\n  Misa Zhu Mingming <-[founded-by]- Rokid"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("    2. Vision Plus Capital -[invested-in]-> Rokid\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("(truncated: max_paths 1 reached)"), std::string::npos) << text;
}

TEST(FormatterTest, AskShowsHowTheQuestionWasUnderstood) {
  v1::AskResponse response;
  response.set_understood_as("entities that Alibaba invested-in");
  v1::AskAnswer* answer = response.add_answers();
  *answer->mutable_entity() = MakeEntity(2, "Moonshot AI", v1::ENTITY_TYPE_ORGANIZATION);
  v1::Edge* via = answer->add_via();
  *via->mutable_subject() = MakeEntity(1, "Alibaba", v1::ENTITY_TYPE_ORGANIZATION);
  *via->mutable_object() = answer->entity();
  via->set_relation(v1::RELATION_INVESTED_IN);
  *via->add_evidence() = MakeEvidence("a1", "Alibaba rót vốn vào Moonshot AI.");
  EXPECT_EQ(Formatter(OutputStyle{false, false}).Ask(response),
            "# understood as: entities that Alibaba invested-in\n"
            "Moonshot AI\torganization\tAlibaba -[invested-in]-> Moonshot AI\n"
            "\ta1\tAlibaba rót vốn vào Moonshot AI.\n");
  std::string terminal = Formatter(OutputStyle{true, false}).Ask(response);
  EXPECT_NE(terminal.find("Understood as: entities that Alibaba invested-in\n"), std::string::npos);
  EXPECT_NE(terminal.find("  ANSWER       TYPE          VIA\n"), std::string::npos) << terminal;
  EXPECT_NE(terminal.find("      \u201cAlibaba rót vốn vào Moonshot AI.\u201d [a1]"),
            std::string::npos)
      << terminal;
}

std::string StripAnsi(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\033' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E)) ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

TEST(FormatterTest, ColouredTablesLineUpLikePlainOnes) {
  v1::AskResponse response;
  response.set_understood_as("founders of Rokid");
  for (const char* name : {"Misa Zhu Mingming", "Li"}) {
    v1::AskAnswer* answer = response.add_answers();
    *answer->mutable_entity() = MakeEntity(7, name, v1::ENTITY_TYPE_PERSON);
  }
  std::string coloured = Formatter(OutputStyle{true, true}).Ask(response);
  EXPECT_NE(coloured, StripAnsi(coloured));
  EXPECT_EQ(StripAnsi(coloured), Formatter(OutputStyle{true, false}).Ask(response));
}

// Evidence whose sentence starts at byte 100 of its article, with the two mentions.
v1::Evidence SpannedEvidence(const std::string& sentence, const std::string& subject,
                             const std::string& object) {
  v1::Evidence e = MakeEvidence("a1", sentence);
  e.mutable_sentence_span()->set_begin(100);
  e.mutable_sentence_span()->set_end(100 + sentence.size());
  size_t s = sentence.find(subject), o = sentence.find(object);
  e.mutable_subject_span()->set_begin(100 + s);
  e.mutable_subject_span()->set_end(100 + s + subject.size());
  e.mutable_object_span()->set_begin(100 + o);
  e.mutable_object_span()->set_end(100 + o + object.size());
  return e;
}

TEST(FormatterTest, SnippetKeepsShortSentencesWhole) {
  v1::Evidence e = SpannedEvidence("Alibaba rót vốn vào Moonshot AI.", "Alibaba", "Moonshot AI");
  EXPECT_EQ(Formatter(OutputStyle{true, false}).Snippet(e, 140), e.sentence());
  EXPECT_EQ(Formatter(OutputStyle{true, true}).Snippet(e, 140),
            "\033[1mAlibaba\033[0m rót vốn vào \033[1mMoonshot AI\033[0m.");
}

TEST(FormatterTest, SnippetCutsLongSentencesAroundTheMentions) {
  std::string before(200, 'x'), after(200, 'y');
  v1::Evidence e = SpannedEvidence(before + " Hàng Châu là nơi Alibaba đặt trụ sở " + after,
                                   "Alibaba", "Hàng Châu");
  // 40 characters around the mentions, then cut at the nearest spaces.
  EXPECT_EQ(Formatter(OutputStyle{true, false}).Snippet(e, 40),
            "\u2026Hàng Châu là nơi Alibaba đặt\u2026");
  // Far from any space: cut mid-word, 60 characters and two ellipses.
  v1::Evidence dense = SpannedEvidence(before + "AlibabaMoonshot" + after, "Alibaba", "Moonshot");
  std::string snippet = Formatter(OutputStyle{true, false}).Snippet(dense, 60);
  EXPECT_EQ(DisplayWidth(snippet), 62u) << snippet;
  EXPECT_TRUE(absl::StrContains(snippet, "xAlibabaMoonshoty")) << snippet;
  // Without usable spans: the start of the sentence.
  e.clear_subject_span();
  e.clear_object_span();
  EXPECT_EQ(Formatter(OutputStyle{true, false}).Snippet(e, 10), std::string(10, 'x') + "\u2026");
}

TEST(FormatterTest, PipedEntityIsKeyValueLines) {
  v1::GetEntityResponse response;
  *response.mutable_entity() = MakeEntity(1, "Alibaba", v1::ENTITY_TYPE_ORGANIZATION);
  response.mutable_entity()->add_aliases("Alibaba Group");
  v1::RelationDegree* degree = response.add_degrees();
  degree->set_relation(v1::RELATION_INVESTED_IN);
  degree->set_out_degree(3);
  response.add_article_ids("a1");
  EXPECT_EQ(Formatter(OutputStyle{false, false}).Entity(response),
            "id\t1\nname\tAlibaba\ntype\torganization\nalias\tAlibaba Group\n"
            "degree\tinvested-in\t3\t0\narticle\ta1\n");
  std::string terminal = Formatter(OutputStyle{true, false}).Entity(response);
  EXPECT_NE(terminal.find("Alibaba (organization, id 1)\n  also known as: Alibaba Group\n"),
            std::string::npos)
      << terminal;
}

TEST(FormatterTest, NeighborhoodListsNodesThenEdges) {
  v1::NeighborhoodResponse response;
  v1::NeighborhoodNode* center = response.add_nodes();
  *center->mutable_entity() = MakeEntity(1, "Alibaba", v1::ENTITY_TYPE_ORGANIZATION);
  v1::NeighborhoodNode* near = response.add_nodes();
  *near->mutable_entity() = MakeEntity(2, "Hàng Châu", v1::ENTITY_TYPE_PLACE);
  near->set_distance(1);
  v1::Edge* edge = response.add_edges();
  *edge->mutable_subject() = center->entity();
  *edge->mutable_object() = near->entity();
  edge->set_relation(v1::RELATION_HQ_IN);
  edge->set_confidence(1.0f);
  *edge->add_evidence() = MakeEvidence("a3", "Alibaba có trụ sở tại Hàng Châu.");
  EXPECT_EQ(Formatter(OutputStyle{false, false}).Neighborhood(response),
            "node\t0\tAlibaba\torganization\n"
            "node\t1\tHàng Châu\tplace\n"
            "edge\tAlibaba\tHQ-in\tHàng Châu\t1.00\n"
            "\ta3\tAlibaba có trụ sở tại Hàng Châu.\n");
}

TEST(FormatterTest, StatsAndArticles) {
  v1::GetStatsResponse stats;
  stats.set_entities(40);
  stats.set_edges(30);
  stats.set_articles(5);
  stats.set_evidence(35);
  v1::RelationCount* count = stats.add_edges_by_relation();
  count->set_relation(v1::RELATION_FOUNDED_BY);
  count->set_edges(12);
  EXPECT_EQ(Formatter(OutputStyle{false, false}).Stats(stats),
            "entities\t40\nedges\t30\narticles\t5\nevidence\t35\nedges:founded-by\t12\n");

  v1::ListArticlesResponse articles;
  v1::Article* a = articles.add_articles();
  a->set_id("000_x");
  a->set_title("Tin tức");
  a->set_fact_count(4);
  a->set_text_bytes(1234);
  a->set_ingested_unix_seconds(1700000000);
  EXPECT_EQ(Formatter(OutputStyle{false, false}).Articles(articles),
            "000_x\t4\t1234\t1700000000\tTin tức\n");
  EXPECT_NE(Formatter(OutputStyle{true, false}).Articles(articles).find("2023-11-14 22:13:20Z"),
            std::string::npos);
}

TEST(FormatterTest, JsonUsesProtoFieldNamesAndParsesBack) {
  v1::NeighborsResponse response = AlibabaInvestments();
  std::string json = ToJson(response);
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_NE(json.find("\"article_id\":\"a1\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"RELATION_INVESTED_IN\""), std::string::npos) << json;
  v1::NeighborsResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok());
  EXPECT_EQ(parsed.SerializeAsString(), response.SerializeAsString());
}

TEST(FormatterTest, JsonStringEscapes) {
  EXPECT_EQ(JsonString("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  EXPECT_EQ(JsonString("Hà Nội"), "\"Hà Nội\"");
}

}  // namespace
}  // namespace kg::client
