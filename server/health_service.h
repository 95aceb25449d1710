// server/health_service.h: grpc.health.v1.Health (proto/health.proto), our own rather
// than gRPC's built-in one, which reports SERVING from the moment the server starts,
// before anything can set NOT_SERVING: a load balancer probing then would send
// traffic to a server whose seeds are not loaded yet.
#ifndef KG_SERVER_HEALTH_SERVICE_H_
#define KG_SERVER_HEALTH_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "proto/health.grpc.pb.h"

namespace kg::server {

// HealthService knows a fixed set of service names ("" is the server as a whole),
// each NOT_SERVING until SetServing(true).
// - Check answers the current status; an unknown name is NOT_FOUND.
// - Watch sends the current status at once (SERVICE_UNKNOWN for an unknown name),
//   then every change, until the client cancels or the service shuts down. Each open
//   Watch holds one of the synchronous server's threads, so at most `max_watches` are
//   open at once; one more is RESOURCE_EXHAUSTED, saying to poll Check instead.
// Thread safety: every method may be called from any thread.
class HealthService final : public grpc::health::v1::Health::Service {
 public:
  // `services`: the names Check and Watch know, all starting NOT_SERVING.
  // `max_watches`: how many Watch streams may be open at once.
  HealthService(const std::vector<std::string>& services, int max_watches);

  // Sets every known service SERVING or NOT_SERVING and tells the watchers. Ignored
  // after Shutdown, which leaves everything NOT_SERVING.
  void SetServing(bool serving);

  // Sets everything NOT_SERVING, sends that to every watcher and ends their streams
  // (status OK); a Watch that starts later gets NOT_SERVING and ends at once. Call it
  // before grpc::Server::Shutdown, which otherwise waits for open Watch streams.
  void Shutdown();

  grpc::Status Check(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::health::v1::HealthCheckResponse* response) override;
  grpc::Status Watch(grpc::ServerContext* context,
                     const grpc::health::v1::HealthCheckRequest* request,
                     grpc::ServerWriter<grpc::health::v1::HealthCheckResponse>* writer) override;

 private:
  using ServingStatus = grpc::health::v1::HealthCheckResponse::ServingStatus;

  // How often a waiting Watch looks whether its client has gone: the synchronous API
  // has no callback for that.
  static constexpr absl::Duration kCancelPoll = absl::Milliseconds(100);

  // SERVICE_UNKNOWN for a name not in statuses_.
  ServingStatus StatusOf(const std::string& service) const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  absl::Mutex mu_;
  std::map<std::string, ServingStatus> statuses_ ABSL_GUARDED_BY(mu_);
  uint64_t version_ ABSL_GUARDED_BY(mu_) = 0;  // Bumped on every change; watchers wait on it.
  bool shut_down_ ABSL_GUARDED_BY(mu_) = false;
  const int max_watches_;
  int open_watches_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace kg::server

#endif  // KG_SERVER_HEALTH_SERVICE_H_
