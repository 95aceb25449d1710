// Tests that run the real kg-server binary as a child process, and a reflection client
// that discovers the API the way grpcurl does.
#include <google/protobuf/descriptor.pb.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_context.h>
#include <grpcpp/impl/codegen/rpc_method.h>
#include <grpcpp/impl/codegen/sync_stream.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/health.grpc.pb.h"
#include "proto/kg.grpc.pb.h"
#include "tests/server/reflection_wire.pb.h"
#include "tests/server/server_test_support.h"
#include "tests/test_util.h"

namespace kg::server {
namespace {

using ::kg::server::testing::ReadWholeFile;
using ::kg::server::testing::SeedIds;
using ::kg::server::testing::SeedsDir;
using HealthStatus = grpc::health::v1::HealthCheckResponse;

// A kg-server child process with its stderr in a file.
class ServerProcess {
 public:
  ServerProcess(const std::string& name, std::vector<std::string> args)
      : stderr_path_(kg::testing::FreshDir(name) + "/stderr.txt") {
    std::vector<std::string> argv = {KG_SERVER_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_ = fork();
    if (pid_ == 0) {
      FILE* err = std::freopen(stderr_path_.c_str(), "w", stderr);
      (void)err;
      std::vector<char*> raw;
      for (std::string& arg : argv) raw.push_back(arg.data());
      raw.push_back(nullptr);
      execv(raw[0], raw.data());
      _exit(127);
    }
  }
  ~ServerProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  std::string Stderr() const { return ReadWholeFile(stderr_path_); }

  // Waits for the "listening on 127.0.0.1:PORT" line; 0 if the process died first.
  int WaitForPort() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < until) {
      const std::string err = Stderr();
      const size_t at = err.find("listening on 127.0.0.1:");
      if (at != std::string::npos) {
        size_t begin = at + std::string("listening on 127.0.0.1:").size();
        size_t end = begin;
        while (end < err.size() && std::isdigit(static_cast<unsigned char>(err[end]))) ++end;
        int port = 0;
        if (end > begin && absl::SimpleAtoi(err.substr(begin, end - begin), &port)) return port;
      }
      if (HasExited()) return 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return 0;
  }

  bool HasExited() {
    if (exited_) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      exit_status_ = status;
    }
    return exited_;
  }

  // Sends `signal` and returns the exit code (-1 if it did not exit within 20 s).
  int Stop(int signal) {
    kill(pid_, signal);
    return WaitForExit();
  }

  int WaitForExit() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!HasExited() && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!exited_) return -1;
    return WIFEXITED(exit_status_) ? WEXITSTATUS(exit_status_) : 128 + WTERMSIG(exit_status_);
  }

 private:
  std::string stderr_path_;
  pid_t pid_ = -1;
  bool exited_ = false;
  int exit_status_ = 0;
};

// Polls Health/Check until SERVING; records whether it saw NOT_SERVING first.
bool WaitForServing(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    if (stub->Check(&context, request, &response).ok() &&
        response.status() == HealthStatus::SERVING) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

v1::GetStatsResponse Stats(v1::KnowledgeGraph::Stub* stub) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  v1::GetStatsResponse stats;
  grpc::Status status = stub->GetStats(&context, {}, &stats);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return stats;
}

TEST(BinaryTest, ServesTheSeedsAndStopsCleanlyOnSigterm) {
  const std::string db = kg::testing::FreshDir("binary_db");
  const std::string seeds = kg::testing::FreshDir("binary_seeds");
  for (const std::string& id : SeedIds()) {
    std::filesystem::copy_file(SeedsDir() + "/" + id + ".txt", seeds + "/" + id + ".txt");
  }
  {
    std::ofstream bad(seeds + "/broken.txt", std::ios::binary);
    bad << "ok\n\xc3";
  }
  const std::vector<std::string> args = {"--listen=127.0.0.1:0", "--db=" + db, "--seeds=" + seeds,
                                         "--log_requests"};
  v1::GetStatsResponse first;
  {
    ServerProcess server("binary_run1", args);
    const int port = server.WaitForPort();
    ASSERT_GT(port, 0) << server.Stderr();
    auto channel = testing::ChannelTo(port);
    ASSERT_TRUE(WaitForServing(channel)) << server.Stderr();
    auto stub = v1::KnowledgeGraph::NewStub(channel);

    grpc::ClientContext context;
    v1::NeighborsRequest request;
    request.set_entity("Alibaba");
    request.add_relations(v1::RELATION_INVESTED_IN);
    v1::NeighborsResponse response;
    ASSERT_TRUE(stub->Neighbors(&context, request, &response).ok());
    std::set<std::string> names;
    for (const v1::Neighbor& n : response.neighbors()) names.insert(n.entity().name());
    for (const char* company : {"Moonshot AI", "Zhipu AI", "MiniMax"}) {
      EXPECT_TRUE(names.count(company)) << company;
    }
    first = Stats(stub.get());
    EXPECT_EQ(first.articles(), SeedIds().size());

    EXPECT_EQ(server.Stop(SIGTERM), 0) << server.Stderr();
    const std::string err = server.Stderr();
    EXPECT_TRUE(absl::StrContains(err, "broken.txt")) << err;
    EXPECT_TRUE(absl::StrContains(err, "byte offset 3")) << err;
    EXPECT_TRUE(
        absl::StrContains(err, absl::StrCat(first.articles(), " articles, ", first.entities(),
                                            " entities, ", first.edges(), " relations")))
        << err;
    EXPECT_TRUE(absl::StrContains(err, "rpc=Neighbors")) << err;
    EXPECT_TRUE(absl::StrContains(err, "SIGTERM received")) << err;
    EXPECT_TRUE(absl::StrContains(err, "kg-server: stopped")) << err;
  }
  // Again on the same store: nothing is added twice.
  ServerProcess server("binary_run2", args);
  const int port = server.WaitForPort();
  ASSERT_GT(port, 0) << server.Stderr();
  auto channel = testing::ChannelTo(port);
  ASSERT_TRUE(WaitForServing(channel)) << server.Stderr();
  auto stub = v1::KnowledgeGraph::NewStub(channel);
  EXPECT_EQ(Stats(stub.get()).SerializeAsString(), first.SerializeAsString());
  EXPECT_EQ(server.Stop(SIGINT), 0) << server.Stderr();
}

TEST(BinaryTest, RefusesAnExposedAddressWithoutAToken) {
  ServerProcess server(
      "binary_exposed",
      {"--listen=0.0.0.0:0", "--db=" + kg::testing::FreshDir("binary_exposed_db"), "--seeds="});
  EXPECT_EQ(server.WaitForExit(), 1);
  EXPECT_TRUE(absl::StrContains(server.Stderr(), "--auth_token_file")) << server.Stderr();
}

TEST(BinaryTest, WritesNeedTheTokenFromTheTokenFile) {
  const std::string dir = kg::testing::FreshDir("binary_auth");
  {
    std::ofstream token(dir + "/token");
    token << "tok-123\n";
  }
  ServerProcess server("binary_auth_run", {"--listen=127.0.0.1:0", "--db=" + dir + "/db",
                                           "--seeds=", "--auth_token_file=" + dir + "/token"});
  const int port = server.WaitForPort();
  ASSERT_GT(port, 0) << server.Stderr();
  auto channel = testing::ChannelTo(port);
  ASSERT_TRUE(WaitForServing(channel)) << server.Stderr();
  auto stub = v1::KnowledgeGraph::NewStub(channel);
  v1::IngestArticleRequest request;
  request.set_text("Lotus Ventures đã đầu tư vào Foobar Robotics.");
  v1::IngestArticleResponse response;
  grpc::ClientContext anonymous;
  EXPECT_EQ(stub->IngestArticle(&anonymous, request, &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Stats(stub.get()).articles(), 0u);
  grpc::ClientContext authorized;
  authorized.AddMetadata("authorization", "Bearer tok-123");
  grpc::Status status = stub->IngestArticle(&authorized, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(Stats(stub.get()).articles(), 1u);
}

// ---- Reflection, as grpcurl uses it. ----

using ::kg::testing::reflection::ReflectionRequest;
using ::kg::testing::reflection::ReflectionResponse;

class ReflectionClient {
 public:
  explicit ReflectionClient(std::shared_ptr<grpc::Channel> channel)
      : channel_(std::move(channel)),
        method_("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                grpc::internal::RpcMethod::BIDI_STREAMING, channel_) {}

  bool Call(const ReflectionRequest& request, ReflectionResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    std::unique_ptr<grpc::ClientReaderWriter<ReflectionRequest, ReflectionResponse>> stream(
        grpc::internal::ClientReaderWriterFactory<ReflectionRequest, ReflectionResponse>::Create(
            channel_.get(), method_, &context));
    if (!stream->Write(request)) return false;
    stream->WritesDone();
    const bool read = stream->Read(response);
    while (stream->Read(&scratch_)) {
    }
    grpc::Status status = stream->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return read && status.ok();
  }

 private:
  std::shared_ptr<grpc::Channel> channel_;
  grpc::internal::RpcMethod method_;
  ReflectionResponse scratch_;
};

TEST(ReflectionTest, ListsAndDescribesTheServicesWithNoProtoFiles) {
  std::unique_ptr<KgServer> server = testing::StartServer("reflection", /*seeds=*/false);
  ASSERT_NE(server, nullptr);
  ReflectionClient client(testing::ChannelTo(server->port()));

  ReflectionRequest list;
  list.set_list_services("");
  ReflectionResponse listed;
  ASSERT_TRUE(client.Call(list, &listed));
  std::set<std::string> services;
  for (const auto& service : listed.list_services_response().service()) {
    services.insert(service.name());
  }
  EXPECT_TRUE(services.count("kg.v1.KnowledgeGraph"));
  EXPECT_TRUE(services.count("grpc.health.v1.Health"));
  EXPECT_TRUE(services.count("grpc.reflection.v1alpha.ServerReflection"));

  // The descriptors of both services come back, as grpcurl needs to call them.
  std::map<std::string, std::set<std::string>> methods;
  for (const char* symbol : {"kg.v1.KnowledgeGraph", "grpc.health.v1.Health"}) {
    ReflectionRequest describe;
    describe.set_file_containing_symbol(symbol);
    ReflectionResponse described;
    ASSERT_TRUE(client.Call(describe, &described));
    ASSERT_TRUE(described.has_file_descriptor_response())
        << symbol << ": " << described.error_response().error_message();
    for (const std::string& bytes : described.file_descriptor_response().file_descriptor_proto()) {
      google::protobuf::FileDescriptorProto file;
      ASSERT_TRUE(file.ParseFromString(bytes));
      for (const auto& service : file.service()) {
        for (const auto& method : service.method()) {
          methods[file.package() + "." + service.name()].insert(method.name());
        }
      }
    }
  }
  EXPECT_TRUE(methods["grpc.health.v1.Health"].count("Check"));
  for (const char* rpc :
       {"Ask", "GetEntity", "SearchEntities", "Neighbors", "Neighborhood", "FindPaths",
        "IngestArticle", "DeleteArticle", "ListArticles", "GetStats", "ExportGraph"}) {
    EXPECT_TRUE(methods["kg.v1.KnowledgeGraph"].count(rpc)) << rpc;
  }
}

}  // namespace
}  // namespace kg::server
