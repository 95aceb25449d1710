// server/kg_server.h: a running kg-server: the store, the extractor and the gRPC server
// with the KnowledgeGraph, health and reflection services. server/main.cc and the
// end-to-end tests both run the server through this class.
#ifndef KG_SERVER_KG_SERVER_H_
#define KG_SERVER_KG_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "extract/extractor.h"
#include "graph/graph_store.h"
#include "server/health_service.h"
#include "server/ingest.h"
#include "server/knowledge_graph_service.h"

namespace kg::server {

struct ServerOptions {
  // host:port to listen on; port 0 picks a free one (see KgServer::port()).
  std::string listen = "127.0.0.1:50051";
  // Directory of the RocksDB store; created when missing.
  std::string db_path = "data";
  // The bearer token that IngestArticle and DeleteArticle require; empty for none.
  std::string auth_token;
  // Without a token, a non-loopback `listen` is refused unless this is set.
  bool allow_unauthenticated_writes = false;
  // PEM certificate chain and private key; both empty for plaintext, both set for TLS.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  bool log_requests = false;
  // Largest article IngestArticle takes, in bytes; 1 MiB by default. The server's
  // receive limit is this plus 1 MiB, so an article just over the limit still gets a
  // clear INVALID_ARGUMENT rather than gRPC's RESOURCE_EXHAUSTED.
  size_t max_article_bytes = size_t{1} << 20;
  // Open grpc.health.v1.Health/Watch streams allowed at once; each holds a thread.
  int max_health_watches = 32;
};

// True for 127.0.0.0/8, ::1, "localhost" and unix: sockets.
bool IsLoopbackListenAddress(absl::string_view listen);

// KgServer owns the store, the extractor and the gRPC server, and shuts them down in
// the right order. Thread safety: Shutdown may be called from any thread, once or more.
class KgServer {
 public:
  // Opens the store and starts listening with health NOT_SERVING (from the first call
  // on: there is no moment at which it reports SERVING before SetServing(true)). Returns
  // FAILED_PRECONDITION for a non-loopback address without a token (unless allowed),
  // INVALID_ARGUMENT for half a TLS configuration, UNAVAILABLE when it cannot listen,
  // and the store's error when the store cannot be opened.
  static absl::StatusOr<std::unique_ptr<KgServer>> Start(const ServerOptions& options);
  ~KgServer();
  KgServer(const KgServer&) = delete;
  KgServer& operator=(const KgServer&) = delete;

  // The port the server listens on (the chosen one when the options said 0).
  int port() const { return port_; }
  // listen with the port filled in, e.g. "127.0.0.1:50051".
  std::string address() const;

  // Loads every .txt in `dir` (see Ingester::LoadSeeds). Health is not changed.
  absl::StatusOr<SeedReport> LoadSeeds(const std::string& dir);
  // Sets the health of the server as a whole and of kg.v1.KnowledgeGraph. Ignored once
  // Shutdown has begun.
  void SetServing(bool serving);

  graph::GraphStore* store() { return store_.get(); }
  grpc::Server* grpc_server() { return server_.get(); }

  // Reports NOT_SERVING and ends every health Watch, stops taking calls, lets
  // in-flight calls finish until `grace` has passed (then cancels them), and closes
  // the store.
  void Shutdown(absl::Duration grace);

 private:
  KgServer() = default;

  ServerOptions options_;
  std::unique_ptr<graph::GraphStore> store_;
  std::unique_ptr<extract::Extractor> extractor_;
  std::unique_ptr<Ingester> ingester_;
  std::unique_ptr<KnowledgeGraphService> service_;
  std::unique_ptr<HealthService> health_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
  absl::Mutex shutdown_mu_;
  bool shut_down_ ABSL_GUARDED_BY(shutdown_mu_) = false;
};

}  // namespace kg::server

#endif  // KG_SERVER_KG_SERVER_H_
