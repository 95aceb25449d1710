// kg-server: the kg.v1 gRPC service over a RocksDB knowledge graph, loaded at startup
// with the articles in --seeds. Flags live here and only here (STYLE.md); they are
// copied into kg::server::ServerOptions.
#include <pthread.h>
#include <signal.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "graph/graph_store.h"
#include "server/kg_server.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to listen on; port 0 picks a free port. A non-loopback address needs "
          "--auth_token_file or --allow_unauthenticated_writes.");
ABSL_FLAG(std::string, db, "data", "Directory of the RocksDB store; created when missing.");
ABSL_FLAG(std::string, seeds, "seeds",
          "Directory whose .txt articles are loaded at startup; empty to load none.");
ABSL_FLAG(std::string, auth_token_file, "",
          "File holding the bearer token that IngestArticle and DeleteArticle require.");
ABSL_FLAG(bool, allow_unauthenticated_writes, false,
          "Allow listening on a non-loopback address without --auth_token_file.");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain; with --tls_key, serve TLS.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key for --tls_cert.");
ABSL_FLAG(bool, log_requests, false, "Log one line per request on stderr.");
ABSL_FLAG(uint64_t, max_article_bytes, 1u << 20,
          "Largest article text IngestArticle accepts, in bytes.");

namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path, const char* flag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("--", flag, ": cannot read \"", path, "\""));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "kg-server: %s\n", std::string(status.message()).c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "kg-server --listen=127.0.0.1:50051 --db=data --seeds=seeds: serves the kg.v1 API");
  absl::ParseCommandLine(argc, argv);

  // Block the stop signals in every thread (gRPC's included, which inherit the mask), so
  // that only sigwait below sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  kg::server::ServerOptions options;
  options.listen = absl::GetFlag(FLAGS_listen);
  options.db_path = absl::GetFlag(FLAGS_db);
  options.allow_unauthenticated_writes = absl::GetFlag(FLAGS_allow_unauthenticated_writes);
  options.log_requests = absl::GetFlag(FLAGS_log_requests);
  options.max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  if (const std::string path = absl::GetFlag(FLAGS_auth_token_file); !path.empty()) {
    absl::StatusOr<std::string> token = ReadFile(path, "auth_token_file");
    if (!token.ok()) return Fail(token.status());
    options.auth_token = std::string(absl::StripAsciiWhitespace(*token));
    if (options.auth_token.empty()) {
      return Fail(absl::InvalidArgumentError(
          absl::StrCat("--auth_token_file: \"", path, "\" holds no token")));
    }
  }
  const std::string cert = absl::GetFlag(FLAGS_tls_cert);
  const std::string key = absl::GetFlag(FLAGS_tls_key);
  if (cert.empty() != key.empty()) {
    return Fail(absl::InvalidArgumentError("TLS needs both --tls_cert and --tls_key"));
  }
  if (!cert.empty()) {
    absl::StatusOr<std::string> cert_pem = ReadFile(cert, "tls_cert");
    if (!cert_pem.ok()) return Fail(cert_pem.status());
    absl::StatusOr<std::string> key_pem = ReadFile(key, "tls_key");
    if (!key_pem.ok()) return Fail(key_pem.status());
    options.tls_cert_pem = *std::move(cert_pem);
    options.tls_key_pem = *std::move(key_pem);
  }

  absl::StatusOr<std::unique_ptr<kg::server::KgServer>> server =
      kg::server::KgServer::Start(options);
  if (!server.ok()) return Fail(server.status());
  std::fprintf(stderr,
               "kg-server: store %s open; listening on %s (%s), health NOT_SERVING until the "
               "seeds are loaded\n",
               options.db_path.c_str(), (*server)->address().c_str(),
               options.tls_cert_pem.empty() ? "plaintext" : "TLS");

  if (const std::string seeds = absl::GetFlag(FLAGS_seeds); !seeds.empty()) {
    absl::StatusOr<kg::server::SeedReport> report = (*server)->LoadSeeds(seeds);
    if (!report.ok()) {
      std::fprintf(stderr, "kg-server: cannot load seeds from %s: %s\n", seeds.c_str(),
                   std::string(report.status().message()).c_str());
      if (report.status().code() != absl::StatusCode::kNotFound) {
        (*server)->Shutdown(absl::Seconds(1));
        return 1;
      }
    } else {
      for (const std::string& skipped : report->skipped) {
        std::fprintf(stderr, "kg-server: skipped seed %s\n", skipped.c_str());
      }
      std::fprintf(stderr,
                   "kg-server: seeds from %s: %zu files, %zu loaded, %zu unchanged, %zu "
                   "skipped\n",
                   seeds.c_str(), report->files, report->added, report->unchanged,
                   report->skipped.size());
    }
  }
  (*server)->SetServing(true);
  absl::StatusOr<kg::graph::GraphStats> stats = (*server)->store()->Stats();
  if (stats.ok()) {
    std::fprintf(stderr,
                 "kg-server: holds %llu articles, %llu entities, %llu relations; serving on %s\n",
                 static_cast<unsigned long long>(stats->articles),
                 static_cast<unsigned long long>(stats->entities),
                 static_cast<unsigned long long>(stats->edges), (*server)->address().c_str());
  } else {
    std::fprintf(stderr, "kg-server: serving on %s (stats unavailable: %s)\n",
                 (*server)->address().c_str(), std::string(stats.status().message()).c_str());
  }

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::fprintf(stderr, "kg-server: %s received, draining calls and closing the store\n",
               signal_number == SIGINT ? "SIGINT" : "SIGTERM");
  (*server)->Shutdown(absl::Seconds(10));
  std::fprintf(stderr, "kg-server: stopped\n");
  return 0;
}
