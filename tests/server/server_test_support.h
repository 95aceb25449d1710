// tests/server/server_test_support.h: starting real servers and talking to them.
#ifndef KG_TESTS_SERVER_SERVER_TEST_SUPPORT_H_
#define KG_TESTS_SERVER_SERVER_TEST_SUPPORT_H_

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/health.grpc.pb.h"
#include "proto/kg.grpc.pb.h"
#include "server/kg_server.h"
#include "tests/test_util.h"

namespace kg::server::testing {

inline std::string SeedsDir() { return kg::testing::SourceDir() + "/seeds"; }

// The seed article ids: file names without ".txt".
inline std::set<std::string> SeedIds() {
  std::set<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator(SeedsDir())) {
    if (entry.path().extension() == ".txt") ids.insert(entry.path().stem().string());
  }
  return ids;
}

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Starts a server on 127.0.0.1:0 over a fresh store. With `seeds`, loads them and
// reports SERVING, as kg-server does.
inline std::unique_ptr<KgServer> StartServer(const std::string& name, bool seeds,
                                             ServerOptions options = {}) {
  options.listen = "127.0.0.1:0";
  if (options.db_path == "data") options.db_path = kg::testing::FreshDir(name);
  absl::StatusOr<std::unique_ptr<KgServer>> server = KgServer::Start(options);
  EXPECT_TRUE(server.ok()) << server.status();
  if (!server.ok()) return nullptr;
  if (seeds) {
    absl::StatusOr<SeedReport> report = (*server)->LoadSeeds(SeedsDir());
    EXPECT_TRUE(report.ok()) << report.status();
    (*server)->SetServing(true);
  }
  return *std::move(server);
}

inline std::shared_ptr<grpc::Channel> ChannelTo(int port) {
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials());
}

inline std::unique_ptr<v1::KnowledgeGraph::Stub> StubFor(int port) {
  return v1::KnowledgeGraph::NewStub(ChannelTo(port));
}

// The health of the server as a whole ("") or of one service.
inline grpc::health::v1::HealthCheckResponse::ServingStatus Health(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& service = "") {
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.status();
}

// The names and aliases of an entity, for matching against evidence text.
inline std::vector<std::string> NamesOf(const v1::Entity& entity) {
  std::vector<std::string> names = {entity.name()};
  for (const std::string& alias : entity.aliases()) names.push_back(alias);
  return names;
}

inline bool ContainsAny(const std::string& text, const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    if (!needle.empty() && text.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace kg::server::testing

#endif  // KG_TESTS_SERVER_SERVER_TEST_SUPPORT_H_
