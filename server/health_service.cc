#include "server/health_service.h"

#include "absl/strings/str_cat.h"

namespace kg::server {

using grpc::health::v1::HealthCheckRequest;
using grpc::health::v1::HealthCheckResponse;

HealthService::HealthService(const std::vector<std::string>& services, int max_watches)
    : max_watches_(max_watches) {
  absl::MutexLock lock(&mu_);
  for (const std::string& service : services) statuses_[service] = HealthCheckResponse::NOT_SERVING;
}

HealthService::ServingStatus HealthService::StatusOf(const std::string& service) const {
  auto it = statuses_.find(service);
  return it == statuses_.end() ? HealthCheckResponse::SERVICE_UNKNOWN : it->second;
}

void HealthService::SetServing(bool serving) {
  absl::MutexLock lock(&mu_);
  if (shut_down_) return;
  for (auto& [name, status] : statuses_) {
    status = serving ? HealthCheckResponse::SERVING : HealthCheckResponse::NOT_SERVING;
  }
  ++version_;
}

void HealthService::Shutdown() {
  absl::MutexLock lock(&mu_);
  shut_down_ = true;
  for (auto& [name, status] : statuses_) status = HealthCheckResponse::NOT_SERVING;
  ++version_;
}

grpc::Status HealthService::Check(grpc::ServerContext* /*context*/,
                                  const HealthCheckRequest* request,
                                  HealthCheckResponse* response) {
  absl::MutexLock lock(&mu_);
  const ServingStatus status = StatusOf(request->service());
  if (status == HealthCheckResponse::SERVICE_UNKNOWN) {
    std::string known;
    for (const auto& [name, unused] : statuses_) {
      absl::StrAppend(&known, known.empty() ? "" : ", ", "\"", name, "\"");
    }
    return grpc::Status(grpc::StatusCode::NOT_FOUND,
                        absl::StrCat("unknown service \"", request->service(),
                                     "\"; this server reports health for ", known));
  }
  response->set_status(status);
  return grpc::Status::OK;
}

grpc::Status HealthService::Watch(grpc::ServerContext* context,
                                  const HealthCheckRequest* request,
                                  grpc::ServerWriter<HealthCheckResponse>* writer) {
  const std::string& service = request->service();
  bool sent_any = false;
  ServingStatus sent = HealthCheckResponse::UNKNOWN;
  uint64_t seen_version = 0;
  mu_.Lock();
  if (open_watches_ >= max_watches_) {
    mu_.Unlock();
    return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        absl::StrCat("this server already has ", max_watches_,
                                     " open health watches, its limit; poll "
                                     "grpc.health.v1.Health/Check instead, or close a watch"));
  }
  ++open_watches_;
  // Every return below passes through here with mu_ not held.
  struct Release {
    HealthService* self;
    ~Release() {
      absl::MutexLock lock(&self->mu_);
      --self->open_watches_;
    }
  } release{this};
  while (true) {
    const ServingStatus current = StatusOf(service);
    const bool shut_down = shut_down_;
    seen_version = version_;
    if (!sent_any || current != sent) {
      // Never write while holding the lock: a slow client must not stall SetServing.
      mu_.Unlock();
      HealthCheckResponse response;
      response.set_status(current);
      if (!writer->Write(response)) {
        return grpc::Status(grpc::StatusCode::CANCELLED, "the client went away");
      }
      sent_any = true;
      sent = current;
      mu_.Lock();
      continue;  // The status may have changed while writing.
    }
    if (shut_down) break;
    if (context->IsCancelled()) {
      mu_.Unlock();
      return grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled the watch");
    }
    auto changed = [this, seen_version]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return version_ != seen_version;
    };
    mu_.AwaitWithTimeout(absl::Condition(&changed), kCancelPoll);
  }
  mu_.Unlock();
  return grpc::Status::OK;
}

}  // namespace kg::server
