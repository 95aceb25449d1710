// Kill -9 during ingest: the store must reopen holding each article wholly or not
// at all. The child is this test binary re-executed with KG_CRASH_CHILD_DIR set,
// running CrashTest.ChildIngestLoop until killed. The child reports the start of
// each operation on a pipe, and the parent kills it after a random number of them (plus a
// random few milliseconds, so that kills land in the middle of writes), so the test
// does not depend on how fast a loaded machine or a sanitizer build runs.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "graph/graph_store.h"
#include "gtest/gtest.h"
#include "tests/graph/graph_test_util.h"
#include "tests/test_util.h"

namespace kg::graph {
namespace {

constexpr int kArticles = 400;

// Article i at version v: its text (whose length identifies the version) and facts.
std::string CrashText(int i, int v) {
  return absl::StrCat("article ", i, " version ", v, std::string(v * 3, '!'));
}

std::vector<RelationFact> CrashFacts(int i, int v) {
  std::mt19937 rng(i * 31 + v);
  std::vector<RelationFact> facts;
  int n = 2 + rng() % 5;
  for (int k = 0; k < n; ++k) {
    int a = rng() % 30, b = rng() % 30;
    if (a == b) b = (b + 1) % 30;
    RelationType rel = static_cast<RelationType>(1 + rng() % 4);
    facts.push_back(Fact(Mention(absl::StrCat("Org ", a), EntityType::kOrganization), rel,
                         Mention(absl::StrCat("Org ", b), EntityType::kOrganization),
                         absl::StrCat("a", i, " v", v, " f", k), rng() % 4 != 0));
  }
  return facts;
}

// Runs only as the child of KillNineLeavesWholeArticles.
TEST(CrashTest, ChildIngestLoop) {
  const char* dir = std::getenv("KG_CRASH_CHILD_DIR");
  if (dir == nullptr) GTEST_SKIP() << "runs only as the child of the kill test";
  int progress_fd = -1;
  if (const char* fd = std::getenv("KG_CRASH_PROGRESS_FD"); fd != nullptr) {
    ASSERT_TRUE(absl::SimpleAtoi(fd, &progress_fd));
  }
  auto store = OpenStore(dir);
  ASSERT_NE(store, nullptr);
  std::mt19937 rng(static_cast<unsigned>(getpid()));
  for (;;) {
    if (progress_fd >= 0 && write(progress_fd, "+", 1) != 1) return;
    int i = rng() % kArticles;
    int action = rng() % 10;
    if (action < 6) {
      int v = rng() % 3;
      ASSERT_TRUE(store->AddArticle(MakeArticle(absl::StrCat("k", i), CrashText(i, v)),
                                    CrashFacts(i, v))
                      .ok());
    } else if (action < 8) {
      auto s = store->DeleteArticle(absl::StrCat("k", i));
      ASSERT_TRUE(s.ok() || s.status().code() == absl::StatusCode::kNotFound);
    } else {
      NeighborsQuery q;
      q.entity = absl::StrCat("Org ", i % 30);
      q.include_unconfirmed = true;
      auto page = store->Neighbors(q);
      ASSERT_TRUE(page.ok() || page.status().code() == absl::StatusCode::kNotFound);
    }
  }
}

void CheckInvariants(GraphStore& store) {
  // Which version of each article is present.
  std::map<std::string, int> version;
  std::string token;
  do {
    auto page = store.ListArticles(1000, token);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const ArticleInfo& a : page->articles) {
      int i = 0;
      ASSERT_TRUE(absl::SimpleAtoi(a.id.substr(1), &i));
      int v = 0;
      while (v < 3 && CrashText(i, v).size() != a.text_bytes) ++v;
      ASSERT_LT(v, 3) << a.id;
      version[a.id] = v;
      EXPECT_EQ(a.fact_count, CrashFacts(i, v).size());
    }
    token = page->next_page_token;
  } while (!token.empty());

  // Every edge has evidence, each from a present article's present version.
  std::set<std::string> sentences;
  size_t edges = 0, evidence = 0;
  ASSERT_TRUE(store.ForEachEdge(true, [&](const Edge& e) {
    ++edges;
    EXPECT_FALSE(e.evidence.empty());
    bool any_confirmed = false;
    for (const Evidence& ev : e.evidence) {
      ++evidence;
      any_confirmed |= ev.confirmed;
      auto it = version.find(ev.article_id);
      EXPECT_NE(it, version.end()) << "evidence from missing article " << ev.article_id;
      if (it != version.end()) {
        EXPECT_EQ(ev.sentence.find(absl::StrCat(ev.article_id.substr(1).insert(0, "a"), " v",
                                                it->second, " ")),
                  0u)
            << ev.sentence;
      }
      sentences.insert(ev.sentence);
    }
    EXPECT_EQ(e.confirmed, any_confirmed);
    return true;
  }).ok());
  // Every fact of every present article is there.
  size_t expected = 0;
  for (const auto& [id, v] : version) {
    int i = 0;
    ASSERT_TRUE(absl::SimpleAtoi(id.substr(1), &i));
    for (const RelationFact& f : CrashFacts(i, v)) {
      ++expected;
      EXPECT_EQ(sentences.count(f.evidence.sentence), 1u) << f.evidence.sentence;
    }
  }
  auto stats = store.Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, version.size());
  EXPECT_EQ(stats->evidence, expected);
  EXPECT_EQ(evidence, expected);
  EXPECT_EQ(stats->edges, edges);
  // Degree counts match the edges; no entity is left without an edge.
  size_t entities = 0;
  ASSERT_TRUE(store.ForEachEntity([&](const Entity& e) {
    ++entities;
    uint64_t total = 0;
    for (RelationType rel : kAllRelationTypes) {
      for (Direction dir : {Direction::kOut, Direction::kIn}) {
        NeighborsQuery q;
        q.entity = absl::StrCat(e.id);
        q.relations = {rel};
        q.direction = dir;
        q.include_unconfirmed = true;
        auto page = store.Neighbors(q);
        EXPECT_TRUE(page.ok());
        auto degree = store.Degree(e.id, rel, dir);
        EXPECT_TRUE(degree.ok());
        if (page.ok() && degree.ok()) {
          EXPECT_EQ(*degree, page->total) << e.name;
        }
        if (page.ok()) total += page->total;
      }
    }
    EXPECT_GT(total, 0u) << e.name << " has no edge";
    return true;
  }).ok());
  EXPECT_EQ(stats->entities, entities);
}

TEST(CrashTest, KillNineLeavesWholeArticles) {
  std::string dir = kg::testing::FreshDir("crash");
  std::mt19937 rng(4242);
  std::string self = "/proc/self/exe";
  char exe[4096];
  ssize_t len = readlink(self.c_str(), exe, sizeof(exe) - 1);
  ASSERT_GT(len, 0);
  exe[len] = '\0';
  std::string env_dir = absl::StrCat("KG_CRASH_CHILD_DIR=", dir);
  int rounds_with_data = 0;
  uint64_t most_articles = 0;
  for (int round = 0; round < 10; ++round) {
    int progress[2];
    ASSERT_EQ(pipe(progress), 0);
    std::string env_fd = absl::StrCat("KG_CRASH_PROGRESS_FD=", progress[1]);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(progress[0]);
      char* argv[] = {exe, const_cast<char*>("--gtest_filter=CrashTest.ChildIngestLoop"),
                      nullptr};
      char* envp[] = {const_cast<char*>(env_dir.c_str()), const_cast<char*>(env_fd.c_str()),
                      nullptr};
      int null_fd = open("/dev/null", O_WRONLY);
      if (null_fd >= 0) {
        dup2(null_fd, 1);
        dup2(null_fd, 2);
      }
      execve(exe, argv, envp);
      _exit(127);
    }
    close(progress[1]);
    // Wait until 10..69 operations have started (or the child ends: read returns 0).
    const size_t wanted = 10 + rng() % 60;
    size_t done = 0;
    char buffer[64];
    while (done < wanted) {
      const ssize_t got = read(progress[0], buffer, sizeof(buffer));
      if (got <= 0) break;
      done += static_cast<size_t>(got);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 5000));
    ASSERT_EQ(kill(pid, SIGKILL), 0);
    close(progress[0]);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exited early with status " << status;
    auto store = OpenStore(dir);
    ASSERT_NE(store, nullptr);
    CheckInvariants(*store);
    uint64_t articles = store->Stats()->articles;
    if (articles > 0) ++rounds_with_data;
    most_articles = std::max<uint64_t>(most_articles, articles);
    if (HasFailure()) break;
  }
  EXPECT_GT(rounds_with_data, 0);
  // The child got well into its loop, so kills landed among writes.
  EXPECT_GE(most_articles, 20u);
  std::cout << "kill test: " << rounds_with_data << " rounds with data, up to " << most_articles
            << " articles\n";
}

}  // namespace
}  // namespace kg::graph
