#include "server/kg_server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/security/server_credentials.h>

#include <algorithm>
#include <chrono>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "graph/status_macros.h"

namespace kg::server {
namespace {

// Splits "host:port" or "[v6]:port" into host and port; host keeps no brackets.
bool SplitHostPort(absl::string_view listen, absl::string_view* host, absl::string_view* port) {
  if (absl::StartsWith(listen, "[")) {
    const size_t close = listen.find(']');
    if (close == absl::string_view::npos || close + 1 >= listen.size() ||
        listen[close + 1] != ':') {
      return false;
    }
    *host = listen.substr(1, close - 1);
    *port = listen.substr(close + 2);
    return true;
  }
  const size_t colon = listen.rfind(':');
  if (colon == absl::string_view::npos) return false;
  *host = listen.substr(0, colon);
  *port = listen.substr(colon + 1);
  return true;
}

constexpr absl::string_view kServiceName = "kg.v1.KnowledgeGraph";

}  // namespace

bool IsLoopbackListenAddress(absl::string_view listen) {
  if (absl::StartsWith(listen, "unix:") || absl::StartsWith(listen, "unix-abstract:")) {
    return true;
  }
  absl::string_view host;
  absl::string_view port;
  if (!SplitHostPort(listen, &host, &port)) return false;
  if (absl::StartsWith(host, "ipv4:")) host.remove_prefix(5);
  if (absl::StartsWith(host, "ipv6:")) host.remove_prefix(5);
  if (absl::EqualsIgnoreCase(host, "localhost") || host == "::1") return true;
  return absl::StartsWith(host, "127.");
}

absl::StatusOr<std::unique_ptr<KgServer>> KgServer::Start(const ServerOptions& options) {
  absl::string_view host;
  absl::string_view port_text;
  int port_number = 0;
  if (!SplitHostPort(options.listen, &host, &port_text) || host.empty() ||
      !absl::SimpleAtoi(port_text, &port_number) || port_number < 0 || port_number > 65535) {
    if (!absl::StartsWith(options.listen, "unix:")) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--listen must be host:port, e.g. 127.0.0.1:50051, got \"", options.listen, "\""));
    }
  }
  if (!IsLoopbackListenAddress(options.listen) && options.auth_token.empty() &&
      !options.allow_unauthenticated_writes) {
    return absl::FailedPreconditionError(absl::StrCat(
        "refusing to listen on ", options.listen,
        ", which is not a loopback address, without --auth_token_file: anyone who can reach "
        "it could write to the graph. Give --auth_token_file, or "
        "--allow_unauthenticated_writes if that is intended"));
  }
  if (options.tls_cert_pem.empty() != options.tls_key_pem.empty()) {
    return absl::InvalidArgumentError("TLS needs both --tls_cert and --tls_key");
  }
  if (options.max_article_bytes == 0) {
    return absl::InvalidArgumentError("--max_article_bytes must be at least 1");
  }

  std::unique_ptr<KgServer> server(new KgServer());
  server->options_ = options;

  graph::GraphOptions graph_options;
  graph_options.path = options.db_path;
  graph_options.create_if_missing = true;
  KG_ASSIGN_OR_RETURN(server->store_, graph::GraphStore::Open(graph_options));
  KG_ASSIGN_OR_RETURN(server->extractor_, extract::Extractor::Create(extract::ExtractorOptions{}));
  server->ingester_ = std::make_unique<Ingester>(server->extractor_.get(), server->store_.get());
  ServiceOptions service_options;
  service_options.auth_token = options.auth_token;
  service_options.log_requests = options.log_requests;
  service_options.max_article_bytes = options.max_article_bytes;
  server->service_ = std::make_unique<KnowledgeGraphService>(
      server->store_.get(), server->ingester_.get(), std::move(service_options));

  // Our own health service (see server/health_service.h), NOT_SERVING from the start.
  // gRPC's built-in one stays disabled: it would report SERVING until told otherwise.
  server->health_ = std::make_unique<HealthService>(
      std::vector<std::string>{"", std::string(kServiceName)}, options.max_health_watches);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (options.tls_cert_pem.empty()) {
    credentials = grpc::InsecureServerCredentials();
  } else {
    grpc::SslServerCredentialsOptions ssl;
    ssl.pem_key_cert_pairs.push_back({options.tls_key_pem, options.tls_cert_pem});
    credentials = grpc::SslServerCredentials(ssl);
  }

  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, credentials, &server->port_);
  builder.RegisterService(server->service_.get());
  builder.RegisterService(server->health_.get());
  const size_t receive_limit = options.max_article_bytes + (size_t{1} << 20);
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(std::min<size_t>(receive_limit, size_t{1} << 30)));
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr ||
      (server->port_ == 0 && !absl::StartsWith(options.listen, "unix:"))) {
    server->server_.reset();
    return absl::UnavailableError(absl::StrCat(
        "cannot listen on ", options.listen,
        " (is the port in use, the address not local to this machine, or the TLS key invalid?)"));
  }
  return server;
}

KgServer::~KgServer() { Shutdown(absl::Seconds(5)); }

std::string KgServer::address() const {
  absl::string_view host;
  absl::string_view port;
  if (!SplitHostPort(options_.listen, &host, &port)) return options_.listen;
  if (absl::StrContains(host, ":")) return absl::StrCat("[", host, "]:", port_);
  return absl::StrCat(host, ":", port_);
}

absl::StatusOr<SeedReport> KgServer::LoadSeeds(const std::string& dir) {
  return ingester_->LoadSeeds(dir);
}

void KgServer::SetServing(bool serving) {
  if (health_ != nullptr) health_->SetServing(serving);
}

void KgServer::Shutdown(absl::Duration grace) {
  {
    absl::MutexLock lock(&shutdown_mu_);
    if (shut_down_) return;
    shut_down_ = true;
  }
  // NOT_SERVING first, so that health checkers stop sending calls, and the watchers
  // woken, so that their open streams do not hold up the drain below.
  if (health_ != nullptr) health_->Shutdown();
  if (server_ != nullptr) {
    server_->Shutdown(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(grace));
    server_->Wait();
    server_.reset();
  }
  service_.reset();
  health_.reset();
  ingester_.reset();
  extractor_.reset();
  store_.reset();
}

}  // namespace kg::server
