#include "client/export_writer.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/client/cli_test_util.h"
#include "tests/test_util.h"

namespace kg::client {
namespace {

// A small graph with the characters each format must escape.
std::vector<v1::ExportGraphResponse> SampleExport() {
  std::vector<v1::ExportGraphResponse> items;
  const auto entity = [&](uint64_t id, const std::string& name, v1::EntityType type,
                          std::vector<std::string> aliases) {
    v1::ExportGraphResponse item;
    v1::Entity* e = item.mutable_entity();
    e->set_id(id);
    e->set_name(name);
    e->set_type(type);
    for (const std::string& a : aliases) e->add_aliases(a);
    items.push_back(item);
    return *e;
  };
  v1::Entity alibaba =
      entity(1, "Alibaba", v1::ENTITY_TYPE_ORGANIZATION, {"Alibaba Group", "阿里巴巴"});
  v1::Entity moonshot = entity(2, "Moonshot AI", v1::ENTITY_TYPE_ORGANIZATION, {});
  v1::Entity yang = entity(3, "Yang \"Zhilin\" O'Neil", v1::ENTITY_TYPE_PERSON, {});
  v1::Entity beijing = entity(4, "Bắc Kinh <&> \\ city", v1::ENTITY_TYPE_PLACE, {"Beijing"});
  const auto edge = [&](const v1::Entity& s, v1::Relation r, const v1::Entity& o,
                        std::vector<std::pair<std::string, std::string>> evidence) {
    v1::ExportGraphResponse item;
    v1::Edge* e = item.mutable_edge();
    *e->mutable_subject() = s;
    *e->mutable_object() = o;
    e->set_relation(r);
    e->set_confidence(0.875f);
    e->set_confirmed(true);
    for (const auto& [article, sentence] : evidence) {
      v1::Evidence* ev = e->add_evidence();
      ev->set_article_id(article);
      ev->set_sentence(sentence);
    }
    items.push_back(item);
  };
  edge(alibaba, v1::RELATION_INVESTED_IN, moonshot,
       {{"a1", "Alibaba rót vốn vào Moonshot AI."},
        {"a2", "Again: \"Alibaba\" & Moonshot."},
        {"a1", "Alibaba dẫn dắt vòng gọi vốn."}});
  edge(moonshot, v1::RELATION_FOUNDED_BY, yang, {{"a1", "Moonshot AI do Yang\tZhilin lập.\n"}});
  edge(moonshot, v1::RELATION_HQ_IN, beijing, {{"a3", "Trụ sở ở Bắc Kinh."}});
  edge(yang, v1::RELATION_ALUMNI_OF, alibaba, {});
  return items;
}

std::string Export(absl::string_view format, const std::vector<v1::ExportGraphResponse>& items) {
  std::ostringstream out;
  absl::StatusOr<std::unique_ptr<ExportWriter>> writer = MakeExportWriter(format, &out);
  EXPECT_TRUE(writer.ok()) << writer.status();
  if (!writer.ok()) return "";
  for (const v1::ExportGraphResponse& item : items) (*writer)->Add(item);
  (*writer)->Finish();
  return out.str();
}

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

TEST(ExportWriterTest, UnknownFormatIsInvalidArgumentListingTheFormats) {
  std::ostringstream out;
  absl::StatusOr<std::unique_ptr<ExportWriter>> writer = MakeExportWriter("csv", &out);
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(writer.status().message(), "graphml")) << writer.status();
  EXPECT_TRUE(MakeExportWriter("GraphML", &out).ok());
}

TEST(ExportWriterTest, JsonlIsOneParsableItemPerLine) {
  std::vector<v1::ExportGraphResponse> items = SampleExport();
  std::string text = Export("jsonl", items);
  std::vector<std::string> lines = absl::StrSplit(text, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), items.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    v1::ExportGraphResponse parsed;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(lines[i], &parsed).ok()) << lines[i];
    EXPECT_EQ(parsed.SerializeAsString(), items[i].SerializeAsString()) << lines[i];
  }
}

TEST(ExportWriterTest, TsvRoundTripsNamesAliasesAndArticles) {
  std::string text = Export("tsv", SampleExport());
  EXPECT_TRUE(absl::StartsWith(text, "subject\trelation\tobject\tarticle_ids\n")) << text;
  absl::StatusOr<std::vector<TsvFact>> facts = ParseTsvExport(text);
  ASSERT_TRUE(facts.ok()) << facts.status();
  ASSERT_EQ(facts->size(), 4u);
  const TsvFact& first = (*facts)[0];
  EXPECT_EQ(first.subject, (std::vector<std::string>{"Alibaba", "Alibaba Group", "阿里巴巴"}));
  EXPECT_EQ(first.relation, "invested-in");
  EXPECT_EQ(first.object, (std::vector<std::string>{"Moonshot AI"}));
  EXPECT_EQ(first.article_ids, (std::vector<std::string>{"a1", "a2"}));  // each article once
  EXPECT_EQ((*facts)[1].object, (std::vector<std::string>{"Yang \"Zhilin\" O'Neil"}));
  EXPECT_EQ((*facts)[2].relation, "HQ-in");
  EXPECT_EQ((*facts)[2].object, (std::vector<std::string>{"Bắc Kinh <&> \\ city", "Beijing"}));
  EXPECT_TRUE((*facts)[3].article_ids.empty());
  // Exactly four fields on every line, whatever the values hold.
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    EXPECT_EQ(Count(std::string(line), "\t"), 3) << line;
  }
}

TEST(ExportWriterTest, TsvEscapesTabsAndNewlinesInValues) {
  std::vector<v1::ExportGraphResponse> items(1);
  v1::Edge* edge = items[0].mutable_edge();
  edge->mutable_subject()->set_id(1);
  edge->mutable_subject()->set_name("Tab\there");
  edge->mutable_object()->set_id(2);
  edge->mutable_object()->set_name("New\nline \\n");
  edge->set_relation(v1::RELATION_INVESTED_IN);
  std::string text = Export("tsv", items);
  EXPECT_EQ(Count(text, "\n"), 2) << text;
  absl::StatusOr<std::vector<TsvFact>> facts = ParseTsvExport(text);
  ASSERT_TRUE(facts.ok()) << facts.status();
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_EQ((*facts)[0].subject[0], "Tab\there");
  EXPECT_EQ((*facts)[0].object[0], "New\nline \\n");
}

TEST(ExportWriterTest, ParseTsvRejectsLinesWithoutFourFields) {
  absl::StatusOr<std::vector<TsvFact>> facts = ParseTsvExport("a\tb\tc\td\nx\ty\n");
  ASSERT_FALSE(facts.ok());
  EXPECT_TRUE(absl::StrContains(facts.status().message(), "line 2")) << facts.status();
}

TEST(ExportWriterTest, GraphmlIsWellFormedXmlWithKeys) {
  std::string xml = Export("graphml", SampleExport());
  EXPECT_EQ(kg::testing::XmlWellFormednessError(xml), "") << xml;
  EXPECT_EQ(Count(xml, "<key "), 8);
  EXPECT_EQ(Count(xml, "<node "), 4);
  EXPECT_EQ(Count(xml, "<edge "), 4);
  EXPECT_NE(xml.find("Bắc Kinh &lt;&amp;&gt; \\ city"), std::string::npos) << xml;
  EXPECT_NE(xml.find("source=\"n1\" target=\"n2\""), std::string::npos);
  if (kg::testing::HaveProgram("xmllint")) {
    std::string path = kg::testing::FreshDir("graphml") + "/kg.graphml";
    std::ofstream(path) << xml;
    kg::testing::ProcessResult lint =
        kg::testing::RunProcess({"/usr/bin/env", "xmllint", "--noout", path});
    EXPECT_EQ(lint.exit_code, 0) << lint.err;
  }
}

TEST(ExportWriterTest, XmlCheckCatchesBrokenDocuments) {
  using kg::testing::XmlWellFormednessError;
  EXPECT_EQ(XmlWellFormednessError("<a><b x=\"1\"/>t &amp; u</a>"), "");
  EXPECT_NE(XmlWellFormednessError("<a><b></a></b>"), "");
  EXPECT_NE(XmlWellFormednessError("<a>x & y</a>"), "");
  EXPECT_NE(XmlWellFormednessError("<a x=1></a>"), "");
  EXPECT_NE(XmlWellFormednessError("<a></a><b></b>"), "");
  EXPECT_NE(XmlWellFormednessError("<a>"), "");
}

TEST(ExportWriterTest, DotColoursEdgesByRelationAndShapesNodesByType) {
  std::string dot = Export("dot", SampleExport());
  EXPECT_TRUE(absl::StrContains(dot, "digraph kg {")) << dot;
  EXPECT_TRUE(absl::EndsWith(dot, "}\n"));
  EXPECT_TRUE(absl::StrContains(dot, "n1 [label=\"Alibaba\", shape=box"));
  EXPECT_TRUE(absl::StrContains(dot, "n3 [label=\"Yang \\\"Zhilin\\\" O'Neil\", shape=ellipse"));
  EXPECT_TRUE(absl::StrContains(dot, "n4 [label=\"Bắc Kinh <&> \\\\ city\", shape=house"));
  EXPECT_TRUE(absl::StrContains(dot, "n1 -> n2 [label=\"invested-in\", color=\"#d35400\""));
  EXPECT_TRUE(absl::StrContains(dot, "n2 -> n3 [label=\"founded-by\", color=\"#1e8449\""));
  EXPECT_TRUE(absl::StrContains(dot, "n2 -> n4 [label=\"HQ-in\", color=\"#2471a3\""));
  EXPECT_EQ(Count(dot, "->"), 4);
  if (!kg::testing::HaveProgram("dot")) GTEST_SKIP() << "Graphviz dot is not installed";
  kg::testing::ProcessOptions options;
  options.stdin_data = dot;
  kg::testing::ProcessResult rendered =
      kg::testing::RunProcess({"/usr/bin/env", "dot", "-Tsvg"}, options);
  EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
  EXPECT_TRUE(absl::StrContains(rendered.out, "<svg"));
}

TEST(ExportWriterTest, CypherMergesEveryEntityAndEdge) {
  std::string cypher = Export("cypher", SampleExport());
  EXPECT_EQ(Count(cypher, "MERGE (n:Entity {kg_id: "), 4) << cypher;
  EXPECT_EQ(Count(cypher, "MERGE (s)-["), 4);
  EXPECT_TRUE(absl::StrContains(cypher, "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS"));
  EXPECT_TRUE(absl::StrContains(
      cypher, "MATCH (s:Entity {kg_id: 1}), (o:Entity {kg_id: 2}) MERGE (s)-[r:INVESTED_IN]->(o)"));
  EXPECT_TRUE(absl::StrContains(cypher, "[r:HQ_IN]"));
  EXPECT_TRUE(absl::StrContains(cypher, "SET n:Person, n.name = 'Yang \"Zhilin\" O\\'Neil'"));
  EXPECT_TRUE(absl::StrContains(cypher, "n.aliases = ['Alibaba Group', '阿里巴巴']"));
  EXPECT_TRUE(absl::StrContains(cypher, "r.article_ids = ['a1', 'a2']"));
  for (absl::string_view line : absl::StrSplit(cypher, '\n', absl::SkipEmpty())) {
    if (!absl::StartsWith(line, "//")) {
      EXPECT_TRUE(absl::EndsWith(line, ";")) << line;
    }
  }
}

TEST(ExportWriterTest, NebulaDeclaresSchemaThenInserts) {
  std::string ngql = Export("nebula", SampleExport());
  EXPECT_TRUE(absl::StrContains(ngql, "CREATE TAG IF NOT EXISTS entity(")) << ngql;
  EXPECT_EQ(Count(ngql, "CREATE EDGE IF NOT EXISTS "), 4);
  EXPECT_EQ(Count(ngql, "INSERT VERTEX entity"), 4);
  EXPECT_EQ(Count(ngql, "INSERT EDGE "), 4);
  EXPECT_LT(ngql.find("CREATE EDGE"), ngql.find("INSERT VERTEX"));
  EXPECT_TRUE(absl::StrContains(ngql,
                                "INSERT EDGE invested_in(confidence, confirmed, article_ids, "
                                "evidence) VALUES \"1\"->\"2\":(0.875, true, \"a1 | a2\""));
  EXPECT_TRUE(absl::StrContains(ngql, "VALUES \"3\":(\"Yang \\\"Zhilin\\\" O'Neil\", \"person\""));
  EXPECT_TRUE(absl::StrContains(ngql, "Yang\tZhilin lập.\\n\")")) << "newline escaped";
}

TEST(ExportWriterTest, EndpointsNotSentAsEntitiesAreStillDeclared) {
  std::vector<v1::ExportGraphResponse> items = SampleExport();
  std::vector<v1::ExportGraphResponse> edges_only;
  for (const auto& item : items) {
    if (item.has_edge()) edges_only.push_back(item);
  }
  EXPECT_EQ(Count(Export("graphml", edges_only), "<node "), 4);
  EXPECT_EQ(Count(Export("cypher", edges_only), "MERGE (n:Entity"), 4);
  EXPECT_EQ(Count(Export("nebula", edges_only), "INSERT VERTEX"), 4);
  EXPECT_EQ(kg::testing::XmlWellFormednessError(Export("graphml", edges_only)), "");
}

}  // namespace
}  // namespace kg::client
