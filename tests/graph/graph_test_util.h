// tests/graph/graph_test_util.h: building facts and stores for the graph tests.
#ifndef KG_TESTS_GRAPH_GRAPH_TEST_UTIL_H_
#define KG_TESTS_GRAPH_GRAPH_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "tests/test_util.h"

namespace kg::graph {

inline EntityMention Mention(std::string name, EntityType type = EntityType::kUnknown,
                             std::vector<std::string> aliases = {}) {
  EntityMention m;
  m.name = std::move(name);
  m.type = type;
  m.aliases = std::move(aliases);
  return m;
}

inline RelationFact Fact(EntityMention subject, RelationType relation, EntityMention object,
                         std::string sentence = "", bool confirmed = true,
                         float confidence = 0.9f) {
  RelationFact f;
  f.subject = std::move(subject);
  f.relation = relation;
  f.object = std::move(object);
  f.evidence.sentence = sentence.empty() ? f.subject.name + " ~ " + f.object.name : sentence;
  f.evidence.sentence_span = {0, static_cast<uint32_t>(f.evidence.sentence.size())};
  f.evidence.subject_span = {0, 1};
  f.evidence.object_span = {1, 2};
  f.evidence.rule = "test";
  f.evidence.confidence = confidence;
  f.evidence.confirmed = confirmed;
  return f;
}

inline Article MakeArticle(std::string id, std::string text) {
  Article a;
  a.id = std::move(id);
  a.title = "title of " + a.id;
  a.text = std::move(text);
  a.source_url = "https://example.test/" + a.id;
  return a;
}

inline std::unique_ptr<GraphStore> OpenStore(const std::string& path) {
  GraphOptions options;
  options.path = path;
  options.block_cache_bytes = 8 << 20;
  absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

inline std::vector<std::string> NeighborNames(const NeighborsPage& page) {
  std::vector<std::string> names;
  for (const Neighbor& n : page.neighbors) names.push_back(n.entity.name);
  return names;
}

}  // namespace kg::graph

#endif  // KG_TESTS_GRAPH_GRAPH_TEST_UTIL_H_
