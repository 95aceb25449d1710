// End-to-end tests of the `kg` binary against a real kg-server on a loopback port,
// started on a temp store and the shipped seeds: every command, every output mode
// (piped, --json, on a pseudo-terminal), every exit code, every export format.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/command_runner.h"
#include "client/export_writer.h"
#include "client/names.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "proto/health.grpc.pb.h"
#include "proto/kg.pb.h"
#include "tests/client/cli_test_util.h"
#include "tests/test_util.h"

namespace kg::client {
namespace {

using kg::testing::ProcessOptions;
using kg::testing::ProcessResult;
using kg::testing::RunProcess;

constexpr char kToken[] = "s3cret-token-for-tests";

[[maybe_unused]] std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

[[maybe_unused]] std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream buffer;
  buffer << file.rdbuf();
  return buffer.str();
}

template <typename Message>
[[maybe_unused]] bool ParseJson(const std::string& json, Message* message) {
  return google::protobuf::util::JsonStringToMessage(json, message).ok();
}

#ifdef KG_SERVER_BINARY

// A kg-server child process on 127.0.0.1, on a fresh store with the seeds.
class ServerProcess {
 public:
  // Starts the server and waits until its health service says SERVING.
  static std::unique_ptr<ServerProcess> Start(const std::string& name, bool with_token) {
    auto server = std::unique_ptr<ServerProcess>(new ServerProcess());
    std::string dir = kg::testing::FreshDir(name);
    server->log_path_ = dir + "/server.log";
    std::vector<std::string> argv = {KG_SERVER_BINARY, "--db=" + dir + "/db",
                                     "--seeds=" + kg::testing::SourceDir() + "/seeds"};
    if (with_token) {
      std::ofstream(dir + "/token") << kToken << "\n";
      argv.push_back("--auth_token_file=" + dir + "/token");
      server->token_file_ = dir + "/token";
    }
    // A port that is free now may be taken before the server binds it; try again then.
    for (int attempt = 0; attempt < 3; ++attempt) {
      int port = kg::testing::FreeLoopbackPort();
      server->address_ = absl::StrCat("127.0.0.1:", port);
      std::vector<std::string> args = argv;
      args.push_back("--listen=" + server->address_);
      if (server->Spawn(args) && server->WaitServing()) return server;
      server->Stop();
    }
    ADD_FAILURE() << "kg-server did not start; its log:\n" << ReadFile(server->log_path_);
    return nullptr;
  }

  ~ServerProcess() { Stop(); }

  const std::string& address() const { return address_; }
  const std::string& token_file() const { return token_file_; }
  std::string log() const { return ReadFile(log_path_); }

 private:
  ServerProcess() = default;

  bool Spawn(const std::vector<std::string>& argv) {
    pid_ = ::fork();
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      FILE* log = std::fopen(log_path_.c_str(), "a");
      if (log != nullptr) {
        ::dup2(::fileno(log), STDERR_FILENO);
        ::dup2(::fileno(log), STDOUT_FILENO);
      }
      std::vector<char*> args;
      for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    return true;
  }

  bool WaitServing() {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < give_up) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;  // It exited: most likely the port was taken.
      }
      // A fresh channel per attempt, once the port accepts connections: a channel
      // whose first attempts were refused waits out gRPC's reconnect backoff.
      if (PortAccepts()) {
        auto channel = grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
        auto health = grpc::health::v1::Health::NewStub(channel);
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
        context.set_wait_for_ready(true);
        grpc::health::v1::HealthCheckRequest request;
        grpc::health::v1::HealthCheckResponse response;
        if (health->Check(&context, request, &response).ok() &&
            response.status() == grpc::health::v1::HealthCheckResponse::SERVING) {
          return true;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  bool PortAccepts() const {
    int port = 0;
    if (!absl::SimpleAtoi(address_.substr(address_.rfind(':') + 1), &port)) return false;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    return ok;
  }

  void Stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  pid_t pid_ = -1;
  std::string address_;
  std::string log_path_;
  std::string token_file_;
};

class CliEndToEndTest : public ::testing::Test {
 protected:
  // One server per test binary run: gtest_discover_tests runs each test in its own
  // process, so this is one server per test there, and one for a whole local run.
  static void SetUpTestSuite() { server_ = ServerProcess::Start("cli_e2e", false).release(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  void SetUp() override {
    if (server_ == nullptr) GTEST_FAIL() << "no kg-server";
    // The graph picks an entity's canonical name ("Alibaba" may be stored as
    // "Alibaba Group Holding"); the tests compare against whatever it chose.
    alibaba_ = CanonicalName("Alibaba");
    ASSERT_FALSE(alibaba_.empty());
  }

  // The canonical name the server resolves `name` to, asked through gRPC directly.
  std::string CanonicalName(const std::string& name) {
    auto channel = grpc::CreateChannel(server_->address(), grpc::InsecureChannelCredentials());
    auto stub = v1::KnowledgeGraph::NewStub(channel);
    grpc::ClientContext context;
    v1::GetEntityRequest request;
    request.set_entity(name);
    v1::GetEntityResponse response;
    grpc::Status status = stub->GetEntity(&context, request, &response);
    EXPECT_TRUE(status.ok()) << name << ": " << status.error_message();
    return response.entity().name();
  }

  // Runs kg with KG_SERVER pointing at the server, piped unless options.pty.
  ProcessResult Kg(std::vector<std::string> args, ProcessOptions options = {}) {
    args.insert(args.begin(), KG_CLIENT_BINARY);
    options.env.emplace("KG_SERVER", server_->address());
    // No colours unless a test asks for them (an empty value unsets NO_COLOR).
    options.env.emplace("NO_COLOR", "1");
    options.env.emplace("TERM", "xterm-256color");
    return RunProcess(args, options);
  }

  ProcessResult KgOnTerminal(std::vector<std::string> args, ProcessOptions options = {}) {
    options.pty = true;
    return Kg(std::move(args), std::move(options));
  }

  static ServerProcess* server_;
  std::string alibaba_;
};

ServerProcess* CliEndToEndTest::server_ = nullptr;

// The seed text of an article id, to check that evidence sentences are real.
std::string SeedText(const std::string& article_id) {
  return ReadFile(kg::testing::SourceDir() + "/seeds/" + article_id + ".txt");
}

TEST_F(CliEndToEndTest, NeighborsAlibabaInvestedInListsTheThreeWithEvidence) {
  ProcessResult r = Kg({"neighbors", "Alibaba", "--relation", "invested-in"});
  ASSERT_EQ(r.exit_code, 0) << r.err << server_->log();
  EXPECT_EQ(r.err, "");
  // Piped layout: "name\tinvested-in\tout\ttype\tconfidence", then "\tarticle\tsentence".
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> evidence;
  std::string current;
  for (const std::string& line : Lines(r.out)) {
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    if (line[0] != '\t') {
      ASSERT_EQ(fields.size(), 5u) << line;
      EXPECT_EQ(fields[1], "invested-in") << line;
      EXPECT_EQ(fields[2], "out") << line;
      current = fields[0];
      evidence[current];
    } else {
      ASSERT_EQ(fields.size(), 3u) << line;
      ASSERT_FALSE(current.empty());
      evidence[current].emplace_back(fields[1], fields[2]);
    }
  }
  for (const char* company : {"Moonshot AI", "Zhipu AI", "MiniMax"}) {
    ASSERT_TRUE(evidence.count(company)) << company << " missing from:\n" << r.out;
    ASSERT_FALSE(evidence[company].empty()) << company << " has no evidence";
    for (const auto& [article, sentence] : evidence[company]) {
      std::string text = SeedText(article);
      ASSERT_FALSE(text.empty()) << "evidence names article " << article << ", not a seed";
      EXPECT_TRUE(absl::StrContains(text, sentence))
          << "sentence not in " << article << ": " << sentence;
    }
  }
}

TEST_F(CliEndToEndTest, NeighborsOnATerminalReadsAsArrowsWithEvidenceBelow) {
  ProcessResult r = KgOnTerminal({"neighbors", "Alibaba", "--relation", "INVESTED_IN"});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, alibaba_ + " (organization): ")) << r.out;
  for (const char* company : {"Moonshot AI", "Zhipu AI", "MiniMax"}) {
    EXPECT_TRUE(absl::StrContains(r.out, absl::StrCat("-[invested-in]-> ", company))) << r.out;
  }
  EXPECT_TRUE(absl::StrContains(r.out, "\u201c")) << "evidence sentence in quotes:\n" << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "\033[")) << "NO_COLOR is set";

  ProcessOptions colour;
  colour.env["NO_COLOR"] = "";
  ProcessResult coloured = KgOnTerminal({"neighbors", "Alibaba"}, colour);
  ASSERT_EQ(coloured.exit_code, 0) << coloured.out;
  EXPECT_TRUE(absl::StrContains(coloured.out, "\033[1m")) << coloured.out;
}

TEST_F(CliEndToEndTest, NeighborsFiltersByDirection) {
  ProcessResult r =
      Kg({"neighbors", "Moonshot AI", "--relation", "invested-in", "--direction", "in"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, alibaba_ + "\tinvested-in\tin\t")) << r.out;
  ProcessResult out =
      Kg({"neighbors", "Moonshot AI", "--relation", "invested-in", "--direction=out"});
  EXPECT_EQ(out.exit_code, 1) << "Moonshot AI invests in no one in the seeds:\n" << out.out;
  EXPECT_TRUE(absl::StrContains(out.err, "no neighbors")) << out.err;
}

TEST_F(CliEndToEndTest, JsonOnEveryReadCommandParsesAsTheResponse) {
  {
    ProcessResult r = Kg({"neighbors", "Alibaba", "--relation", "invested-in", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::NeighborsResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    EXPECT_EQ(response.entity().name(), alibaba_);
    EXPECT_GE(response.neighbors_size(), 3);
    EXPECT_TRUE(absl::StrContains(r.out, "\"article_id\"")) << "proto field names";
  }
  {
    ProcessResult r = Kg({"entity", "alibaba", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::GetEntityResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    EXPECT_EQ(response.entity().name(), alibaba_);
  }
  {
    ProcessResult r = Kg({"search", "Moon", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::SearchEntitiesResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    ASSERT_GE(response.matches_size(), 1);
    EXPECT_EQ(response.matches(0).entity().name(), "Moonshot AI");
  }
  {
    ProcessResult r = Kg({"neighborhood", "Alibaba", "--hops", "1", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::NeighborhoodResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    ASSERT_GE(response.nodes_size(), 4);
    EXPECT_EQ(response.nodes(0).entity().name(), alibaba_);
  }
  {
    ProcessResult r = Kg({"path", "Moonshot AI", "Zhipu AI", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::FindPathsResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    ASSERT_GE(response.paths_size(), 1);
  }
  {
    ProcessResult r = Kg({"ask", "who did Alibaba invest in", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::AskResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    EXPECT_FALSE(response.understood_as().empty());
  }
  {
    ProcessResult r = Kg({"stats", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    v1::GetStatsResponse response;
    ASSERT_TRUE(ParseJson(r.out, &response)) << r.out;
    EXPECT_EQ(response.articles(), 5u);
  }
  {
    ProcessResult r = Kg({"articles", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> lines = Lines(r.out);
    ASSERT_EQ(lines.size(), 5u) << r.out;
    for (const std::string& line : lines) {
      v1::Article article;
      ASSERT_TRUE(ParseJson(line, &article)) << line;
      EXPECT_FALSE(SeedText(article.id()).empty()) << article.id();
    }
  }
}

TEST_F(CliEndToEndTest, EntityAndSearch) {
  ProcessResult entity = Kg({"entity", "Alibaba"});
  ASSERT_EQ(entity.exit_code, 0) << entity.err;
  EXPECT_TRUE(absl::StrContains(entity.out, "name\t" + alibaba_ + "\n")) << entity.out;
  EXPECT_TRUE(absl::StrContains(entity.out, "type\torganization\n")) << entity.out;
  EXPECT_TRUE(absl::StrContains(entity.out, "degree\tinvested-in\t")) << entity.out;

  ProcessResult terminal = KgOnTerminal({"entity", "Alibaba"});
  ASSERT_EQ(terminal.exit_code, 0) << terminal.out;
  EXPECT_TRUE(absl::StrContains(terminal.out, "RELATION")) << terminal.out;
  EXPECT_TRUE(absl::StrContains(terminal.out, "articles: ")) << terminal.out;

  ProcessResult search = Kg({"search", "Zhip"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  bool zhipu = false;
  for (const std::string& line : Lines(search.out)) {
    std::vector<std::string> fields = absl::StrSplit(line, '\t');
    ASSERT_EQ(fields.size(), 6u) << line;
    zhipu |= fields[0] == "Zhipu AI";
  }
  EXPECT_TRUE(zhipu) << search.out;

  ProcessResult table = KgOnTerminal({"search", "Zhip"});
  EXPECT_TRUE(absl::StartsWith(table.out, "NAME ")) << table.out;
}

TEST_F(CliEndToEndTest, PathIsPrintedHopByHopWithEvidence) {
  ProcessResult r = Kg({"path", "Moonshot AI", "Zhipu AI", "--relation", "invested-in"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 3u) << r.out;
  EXPECT_EQ(lines[0], "Moonshot AI <-[invested-in]- " + alibaba_ + " -[invested-in]-> Zhipu AI")
      << r.out;
  // Each hop subject first, with its evidence: "\t<hop>\t<edge>\t<article>\t<sentence>".
  bool first_hop = false, second_hop = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> fields = absl::StrSplit(lines[i], '\t');
    ASSERT_EQ(fields.size(), 5u) << lines[i];
    EXPECT_TRUE(absl::StrContains(SeedText(fields[3]), fields[4])) << lines[i];
    first_hop |= fields[1] == "1" && fields[2] == alibaba_ + " -[invested-in]-> Moonshot AI";
    second_hop |= fields[1] == "2" && fields[2] == alibaba_ + " -[invested-in]-> Zhipu AI";
  }
  EXPECT_TRUE(first_hop && second_hop) << r.out;

  ProcessResult terminal =
      KgOnTerminal({"path", "Moonshot AI", "Zhipu AI", "--max-hops", "3", "--all"});
  ASSERT_EQ(terminal.exit_code, 0) << terminal.out;
  EXPECT_TRUE(absl::StrContains(terminal.out, "Path 1 (2 hops):")) << terminal.out;
  EXPECT_TRUE(absl::StrContains(terminal.out, "Path 2 (")) << "--all gives more than one";
  EXPECT_TRUE(absl::StrContains(terminal.out, ". " + alibaba_ + " -[invested-in]-> Moonshot AI"))
      << terminal.out;
}

// The example of the `kg path` issue, on the seeds.
TEST_F(CliEndToEndTest, PathFromMisaZhuToEddieWuReadsAsInTheIssue) {
  ProcessResult r = Kg({"path", "Misa Zhu Mingming", "Eddie Wu Yongming"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out).at(0),
            "Misa Zhu Mingming <-[founded-by]- Rokid <-[invested-in]- Vision Plus Capital "
            "-[founded-by]-> Eddie Wu Yongming")
      << r.out;
  for (const char* hop : {"\t1\tRokid -[founded-by]-> Misa Zhu Mingming\t000_2786d1448190f57d\t",
                          "\t2\tVision Plus Capital -[invested-in]-> Rokid\t",
                          "\t3\tVision Plus Capital -[founded-by]-> Eddie Wu Yongming\t"}) {
    EXPECT_TRUE(absl::StrContains(r.out, hop)) << hop << " in:\n" << r.out;
  }
}

TEST_F(CliEndToEndTest, AskAnswersWithTheQueryItUnderstood) {
  ProcessResult r = Kg({"ask", "who did Alibaba invest in"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(absl::StartsWith(lines[0], "# understood as: ")) << r.out;
  for (const char* company : {"Moonshot AI", "Zhipu AI", "MiniMax"}) {
    EXPECT_TRUE(absl::StrContains(r.out, absl::StrCat("\n", company, "\torganization\t")))
        << company << " in:\n"
        << r.out;
  }
  ProcessResult vietnamese = KgOnTerminal({"ask", "ai thành lập Rokid"});
  EXPECT_EQ(vietnamese.exit_code, 0) << vietnamese.out;
  EXPECT_TRUE(absl::StrContains(vietnamese.out, "Understood as: ")) << vietnamese.out;
  EXPECT_TRUE(absl::StrContains(vietnamese.out, "ANSWER")) << vietnamese.out;

  ProcessResult nonsense = Kg({"ask", "purple elephants sing"});
  EXPECT_EQ(nonsense.exit_code, 2) << nonsense.out << nonsense.err;
  EXPECT_FALSE(nonsense.err.empty());
}

TEST_F(CliEndToEndTest, NeighborhoodArticlesAndStats) {
  ProcessResult hood = Kg({"neighborhood", "Alibaba", "--hops", "1"});
  ASSERT_EQ(hood.exit_code, 0) << hood.err;
  EXPECT_TRUE(absl::StartsWith(hood.out, "node\t0\t" + alibaba_ + "\torganization\n")) << hood.out;
  EXPECT_TRUE(absl::StrContains(hood.out, "node\t1\tMoonshot AI\torganization\n")) << hood.out;
  EXPECT_TRUE(absl::StrContains(hood.out, "edge\t" + alibaba_ + "\tinvested-in\tMoonshot AI\t"))
      << hood.out;
  ProcessResult hood_terminal = KgOnTerminal({"neighborhood", "Alibaba", "--hops", "2"});
  EXPECT_EQ(hood_terminal.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(hood_terminal.out, "Around " + alibaba_ + ": "))
      << hood_terminal.out;

  ProcessResult articles = Kg({"articles"});
  ASSERT_EQ(articles.exit_code, 0) << articles.err;
  std::vector<std::string> lines = Lines(articles.out);
  ASSERT_EQ(lines.size(), 5u) << articles.out;
  EXPECT_TRUE(absl::StartsWith(lines[0], "000_2786d1448190f57d\t")) << articles.out;

  ProcessResult articles_terminal = KgOnTerminal({"articles"});
  EXPECT_TRUE(absl::StartsWith(articles_terminal.out, "ID ")) << articles_terminal.out;
  EXPECT_TRUE(absl::StrContains(articles_terminal.out, "INGESTED")) << articles_terminal.out;

  ProcessResult stats = Kg({"stats"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_TRUE(absl::StrContains(stats.out, "articles\t5\n")) << stats.out;
  EXPECT_TRUE(absl::StrContains(stats.out, "edges:invested-in\t")) << stats.out;
  ProcessResult stats_terminal = KgOnTerminal({"stats"});
  EXPECT_TRUE(absl::StartsWith(stats_terminal.out, "WHAT ")) << stats_terminal.out;
}

// The whole graph as jsonl, as the reference the other formats are compared with.
struct JsonlGraph {
  std::map<uint64_t, v1::Entity> entities;
  std::vector<v1::Edge> edges;
};

JsonlGraph ParseJsonl(const std::string& text) {
  JsonlGraph graph;
  for (const std::string& line : Lines(text)) {
    v1::ExportGraphResponse item;
    EXPECT_TRUE(ParseJson(line, &item)) << line;
    if (item.has_entity()) graph.entities[item.entity().id()] = item.entity();
    if (item.has_edge()) graph.edges.push_back(item.edge());
  }
  return graph;
}

TEST_F(CliEndToEndTest, ExportTsvRoundTripsAgainstJsonl) {
  ProcessResult jsonl = Kg({"export", "--format", "jsonl"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  JsonlGraph graph = ParseJsonl(jsonl.out);
  ASSERT_GE(graph.edges.size(), 3u);

  ProcessResult tsv = Kg({"export", "--format=tsv"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  absl::StatusOr<std::vector<TsvFact>> facts = ParseTsvExport(tsv.out);
  ASSERT_TRUE(facts.ok()) << facts.status();
  ASSERT_EQ(facts->size(), graph.edges.size());

  const auto names = [&](const v1::Entity& edge_end) {
    const v1::Entity& e =
        graph.entities.count(edge_end.id()) ? graph.entities[edge_end.id()] : edge_end;
    std::vector<std::string> all = {e.name()};
    all.insert(all.end(), e.aliases().begin(), e.aliases().end());
    return all;
  };
  using Key = std::tuple<std::vector<std::string>, std::string, std::vector<std::string>,
                         std::set<std::string>>;
  std::multiset<Key> from_jsonl, from_tsv;
  for (const v1::Edge& edge : graph.edges) {
    std::set<std::string> articles;
    for (const v1::Evidence& e : edge.evidence()) articles.insert(e.article_id());
    from_jsonl.insert(
        Key{names(edge.subject()), RelationName(edge.relation()), names(edge.object()), articles});
  }
  for (const TsvFact& fact : *facts) {
    from_tsv.insert(Key{fact.subject, fact.relation, fact.object,
                        std::set<std::string>(fact.article_ids.begin(), fact.article_ids.end())});
  }
  EXPECT_TRUE(from_jsonl == from_tsv);
}

TEST_F(CliEndToEndTest, ExportGraphmlIsValidXml) {
  ProcessResult r = Kg({"export", "--format", "graphml"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(kg::testing::XmlWellFormednessError(r.out), "");
  JsonlGraph graph = ParseJsonl(Kg({"export"}).out);
  size_t nodes = 0, edges = 0;
  for (const std::string& line : Lines(r.out)) {
    nodes += absl::StrContains(line, "<node ");
    edges += absl::StrContains(line, "<edge ");
  }
  EXPECT_EQ(nodes, graph.entities.size());
  EXPECT_EQ(edges, graph.edges.size());
  if (!kg::testing::HaveProgram("xmllint")) GTEST_SKIP() << "xmllint (libxml2-utils) missing";
  ProcessOptions options;
  options.stdin_data = r.out;
  ProcessResult lint = RunProcess({"/usr/bin/env", "xmllint", "--noout", "-"}, options);
  EXPECT_EQ(lint.exit_code, 0) << lint.err;
}

TEST_F(CliEndToEndTest, ExportDotAroundAlibabaRendersWithGraphviz) {
  ProcessResult r = Kg({"export", "--format", "dot", "--around", "Alibaba", "--hops", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "digraph kg {")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "[label=\"" + alibaba_ + "\", shape=box")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "[label=\"invested-in\", color=\"#d35400\"")) << r.out;
  if (!kg::testing::HaveProgram("dot")) GTEST_SKIP() << "Graphviz dot is not installed";
  ProcessOptions options;
  options.stdin_data = r.out;
  ProcessResult svg = RunProcess({"/usr/bin/env", "dot", "-Tsvg"}, options);
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_TRUE(absl::StrContains(svg.out, "Moonshot AI"));
}

TEST_F(CliEndToEndTest, ExportCypherAndNebulaCoverTheGraph) {
  JsonlGraph graph = ParseJsonl(Kg({"export", "--around", "Alibaba", "--hops", "1"}).out);
  ASSERT_FALSE(graph.edges.empty());
  ProcessResult cypher = Kg({"export", "--format", "cypher", "--around", "Alibaba", "--hops", "1"});
  ASSERT_EQ(cypher.exit_code, 0) << cypher.err;
  ProcessResult nebula = Kg({"export", "--format", "nebula", "--around", "Alibaba", "--hops", "1"});
  ASSERT_EQ(nebula.exit_code, 0) << nebula.err;
  size_t merges = 0, relationships = 0, vertices = 0, inserted_edges = 0;
  for (const std::string& line : Lines(cypher.out)) {
    merges += absl::StartsWith(line, "MERGE (n:Entity");
    relationships += absl::StartsWith(line, "MATCH (s:Entity");
  }
  for (const std::string& line : Lines(nebula.out)) {
    vertices += absl::StartsWith(line, "INSERT VERTEX");
    inserted_edges += absl::StartsWith(line, "INSERT EDGE");
  }
  EXPECT_EQ(merges, graph.entities.size());
  EXPECT_EQ(relationships, graph.edges.size());
  EXPECT_EQ(vertices, graph.entities.size());
  EXPECT_EQ(inserted_edges, graph.edges.size());
  EXPECT_TRUE(absl::StrContains(cypher.out, "[r:INVESTED_IN]"));
  EXPECT_TRUE(absl::StrContains(nebula.out, "INSERT EDGE invested_in("));
}

TEST_F(CliEndToEndTest, ExitCodes) {
  ProcessResult not_found = Kg({"entity", "Nobody Incorporated Zzyzx"});
  EXPECT_EQ(not_found.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(not_found.err, "Nobody Incorporated Zzyzx")) << not_found.err;

  EXPECT_EQ(Kg({"neighbors", "Alibaba", "--relation", "likes"}).exit_code, 2);
  EXPECT_EQ(Kg({"neighbors", "Alibaba", "--direction", "up"}).exit_code, 2);
  EXPECT_EQ(Kg({"neighbors"}).exit_code, 2);
  EXPECT_EQ(Kg({"path", "Alibaba"}).exit_code, 2);
  EXPECT_EQ(Kg({"export", "--format", "xlsx"}).exit_code, 2);
  EXPECT_EQ(Kg({"stats", "--bogus"}).exit_code, 2);
  EXPECT_EQ(Kg({"frobnicate"}).exit_code, 2);
  ProcessResult too_far = Kg({"path", "Alibaba", "Rokid", "--max-hops", "99"});
  EXPECT_EQ(too_far.exit_code, 2) << "the server rejects max_hops 99 as invalid: " << too_far.err;

  // Writes to a server without a token file need no token; deleting an unknown
  // article is NOT_FOUND.
  EXPECT_EQ(Kg({"delete", "no-such-article"}).exit_code, 1);
}

TEST_F(CliEndToEndTest, ServerFlagOverridesTheEnvironment) {
  int dead_port = kg::testing::FreeLoopbackPort();
  ProcessResult r = Kg({"stats", "--server", absl::StrCat("127.0.0.1:", dead_port)});
  EXPECT_EQ(r.exit_code, 3);
  ProcessOptions options;
  options.env["KG_SERVER"] = absl::StrCat("127.0.0.1:", dead_port);
  ProcessResult flag_wins =
      RunProcess({KG_CLIENT_BINARY, "stats", "--server", server_->address()}, options);
  EXPECT_EQ(flag_wins.exit_code, 0) << flag_wins.err;
}

class CliWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start("cli_write", true);
    ASSERT_NE(server_, nullptr);
    dir_ = kg::testing::FreshDir("cli_write_articles");
  }

  ProcessResult Kg(std::vector<std::string> args, ProcessOptions options = {}) {
    args.insert(args.begin(), KG_CLIENT_BINARY);
    options.env.emplace("KG_SERVER", server_->address());
    options.env.emplace("NO_COLOR", "1");
    return RunProcess(args, options);
  }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::unique_ptr<ServerProcess> server_;
  std::string dir_;
};

TEST_F(CliWriteTest, IngestNamesEachFailureAndExitsNonZero) {
  Write("alpha.txt", "Tencent đã đầu tư vào Zeta Robotics vào năm 2023.\n");
  Write("beta.txt", "Gamma Labs có trụ sở tại Thượng Hải.\n");
  Write("broken.txt", "Not UTF-8: \xff\xfe\xfd\n");
  Write("notes.md", "ignored: not a .txt file");
  std::string token = "--token_file=" + server_->token_file();

  ProcessResult r = Kg({"ingest", dir_, token});
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "added\talpha\t")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "added\tbeta\t")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "failed\tbroken\t0\t")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "# 3 articles: 2 new, 0 unchanged, 0 replaced, 1 failed;"))
      << r.out;
  EXPECT_TRUE(absl::StrContains(r.err, "failed to ingest " + dir_ + "/broken.txt: ")) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "notes")) << r.out;

  ProcessResult again = Kg({"ingest", dir_ + "/alpha.txt", token});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(absl::StrContains(again.out, "unchanged\talpha\t0\t")) << again.out;
  EXPECT_TRUE(absl::StrContains(again.out, "1 article: 0 new, 1 unchanged")) << again.out;

  ProcessResult listed = Kg({"articles"});
  EXPECT_TRUE(absl::StrContains(listed.out, "\nalpha\t")) << listed.out;
  EXPECT_TRUE(absl::StrContains(listed.out, "\nbeta\t")) << listed.out;
}

TEST_F(CliWriteTest, WritesNeedTheToken) {
  std::string path = Write("alpha.txt", "Tencent đã đầu tư vào Zeta Robotics.\n");
  ProcessResult no_token = Kg({"ingest", path});
  EXPECT_EQ(no_token.exit_code, 4) << no_token.out;
  EXPECT_TRUE(absl::StrContains(no_token.err, "--token_file")) << no_token.err;
  std::string wrong_path = Write("wrong-token", "not the token\n");
  EXPECT_EQ(Kg({"ingest", path, "--token_file", wrong_path}).exit_code, 4);
  EXPECT_EQ(Kg({"delete", "000_2786d1448190f57d"}).exit_code, 4);
  EXPECT_EQ(Kg({"delete", "000_2786d1448190f57d", "--token_file", dir_ + "/missing"}).exit_code, 2);
  ProcessResult articles = Kg({"articles"});
  EXPECT_FALSE(absl::StrContains(articles.out, "alpha")) << "nothing was written";
  EXPECT_TRUE(absl::StrContains(articles.out, "000_2786d1448190f57d")) << articles.out;
}

TEST_F(CliWriteTest, IngestFromStdinThenDelete) {
  std::string token = "--token_file=" + server_->token_file();
  ProcessOptions input;
  input.stdin_data = "Omega Capital đã đầu tư vào Sigma Robotics.\n";
  ProcessResult r = Kg({"ingest", "-", token, "--json"}, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_TRUE(absl::StrContains(lines[1], "\"summary\":{\"articles\":1,\"new\":1,")) << r.out;
  size_t at = lines[0].find("\"article_id\":\"");
  ASSERT_NE(at, std::string::npos) << lines[0];
  std::string id = lines[0].substr(at + 14, lines[0].find('"', at + 14) - at - 14);
  ASSERT_FALSE(id.empty());

  ProcessResult deleted = Kg({"delete", id, token});
  EXPECT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_TRUE(absl::StartsWith(deleted.out, "deleted\t" + id + "\t")) << deleted.out;
  EXPECT_FALSE(absl::StrContains(Kg({"articles"}).out, id));
  EXPECT_EQ(Kg({"delete", id, token}).exit_code, 1);
}

TEST_F(CliWriteTest, IngestShowsAProgressBarOnATerminal) {
  Write("one.txt", "Tencent đã đầu tư vào Zeta Robotics.\n");
  Write("two.txt", "Gamma Labs có trụ sở tại Thượng Hải.\n");
  ProcessOptions options;
  options.pty = true;
  ProcessResult r = Kg({"ingest", dir_, "--token_file", server_->token_file()}, options);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "[##############################] 2/2")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "2 articles: 2 new, 0 unchanged, 0 replaced, 0 failed"))
      << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "added\t")) << "no per-article lines on a terminal";
}

#endif  // KG_SERVER_BINARY

ProcessResult KgAlone(std::vector<std::string> args, ProcessOptions options = {}) {
  args.insert(args.begin(), KG_CLIENT_BINARY);
  return RunProcess(args, options);
}

TEST(CliTest, HelpListsCommandsAndExamples) {
  ProcessResult help = KgAlone({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const CommandSpec& command : Commands()) {
    EXPECT_TRUE(absl::StrContains(help.out, "  " + command.name + " ")) << command.name;
    ProcessResult own = KgAlone({command.name, "--help"});
    EXPECT_EQ(own.exit_code, 0) << command.name;
    EXPECT_TRUE(absl::StartsWith(own.out, "Usage: kg " + command.name)) << own.out;
    EXPECT_TRUE(absl::StrContains(own.out, "Examples:\n  kg " + command.name)) << own.out;
  }
  EXPECT_EQ(KgAlone({"help", "path"}).out, KgAlone({"path", "-h"}).out);
}

TEST(CliTest, UsageErrorsExitTwoWithoutContactingAServer) {
  ProcessResult none = KgAlone({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(none.err, "Usage: kg COMMAND")) << none.err;
  ProcessResult unknown = KgAlone({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(unknown.err, "see kg --help")) << unknown.err;
  ProcessResult wrong_flag = KgAlone({"search", "x", "--hops", "2"});
  EXPECT_EQ(wrong_flag.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(wrong_flag.err, "see kg search --help")) << wrong_flag.err;
  EXPECT_EQ(KgAlone({"neighborhood", "x", "--hops", "two"}).exit_code, 2);
  EXPECT_EQ(KgAlone({"neighbors", "x", "--relation"}).exit_code, 2);
  EXPECT_EQ(KgAlone({"ingest", "/no/such/file.txt"}).exit_code, 2);
}

TEST(CliTest, UnreachableServerExitsThreeAndSaysWhatToDo) {
  int port = kg::testing::FreeLoopbackPort();
  std::string address = absl::StrCat("127.0.0.1:", port);
  ProcessResult r = KgAlone({"neighbors", "Alibaba", "--server", address});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(absl::StrContains(r.err, "is kg-server running on " + address + "?")) << r.err;
}

TEST(CliTest, ServerThatNeverAnswersExitsThreeAtTheDeadline) {
  // Accepts TCP connections (the kernel does) but never speaks HTTP/2.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(::listen(fd, 8), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length), 0);
  std::string server = absl::StrCat("127.0.0.1:", ntohs(address.sin_port));
  auto start = std::chrono::steady_clock::now();
  ProcessResult r = KgAlone({"stats", "--server", server, "--timeout", "0.5"});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ::close(fd);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_LT(seconds, 10.0);
  EXPECT_TRUE(absl::StrContains(r.err, "is kg-server running on " + server)) << r.err;
}

}  // namespace
}  // namespace kg::client
