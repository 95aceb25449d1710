// server/knowledge_graph_service.h: the kg.v1.KnowledgeGraph service.
#ifndef KG_SERVER_KNOWLEDGE_GRAPH_SERVICE_H_
#define KG_SERVER_KNOWLEDGE_GRAPH_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "graph/graph_store.h"
#include "proto/kg.grpc.pb.h"
#include "server/ingest.h"

namespace kg::server {

struct ServiceOptions {
  // When not empty, IngestArticle and DeleteArticle need the metadata
  // "authorization: Bearer <auth_token>"; else they are open to every caller.
  std::string auth_token;
  // One line on stderr per request: method, peer, status code, duration.
  bool log_requests = false;
  // Largest article text IngestArticle takes, in bytes; 1 MiB by default.
  size_t max_article_bytes = size_t{1} << 20;
};

// KnowledgeGraphService answers the kg.v1 API from a GraphStore. Each handler converts
// and validates the request (server/convert.h), calls graph/ and converts back.
// It owns nothing: the store and the ingester must outlive it (and the server it is
// registered with). Thread safety: handlers run concurrently, as gRPC calls them.
//
// IngestArticle is served from the raw bytes of the request (a callback method), so
// text that is not UTF-8 gets INVALID_ARGUMENT with its byte offset instead of the
// bare parse failure protobuf gives a proto3 string that is not UTF-8.
class KnowledgeGraphService final
    : public v1::KnowledgeGraph::WithRawCallbackMethod_IngestArticle<v1::KnowledgeGraph::Service> {
 public:
  KnowledgeGraphService(graph::GraphStore* store, const Ingester* ingester, ServiceOptions options)
      : store_(store), ingester_(ingester), options_(std::move(options)) {}

  grpc::Status Ask(grpc::ServerContext* context, const v1::AskRequest* request,
                   v1::AskResponse* response) override;
  grpc::Status GetEntity(grpc::ServerContext* context, const v1::GetEntityRequest* request,
                         v1::GetEntityResponse* response) override;
  grpc::Status SearchEntities(grpc::ServerContext* context,
                              const v1::SearchEntitiesRequest* request,
                              v1::SearchEntitiesResponse* response) override;
  grpc::Status Neighbors(grpc::ServerContext* context, const v1::NeighborsRequest* request,
                         v1::NeighborsResponse* response) override;
  grpc::Status Neighborhood(grpc::ServerContext* context, const v1::NeighborhoodRequest* request,
                            v1::NeighborhoodResponse* response) override;
  grpc::Status FindPaths(grpc::ServerContext* context, const v1::FindPathsRequest* request,
                         v1::FindPathsResponse* response) override;
  grpc::ServerUnaryReactor* IngestArticle(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::Status DeleteArticle(grpc::ServerContext* context, const v1::DeleteArticleRequest* request,
                             v1::DeleteArticleResponse* response) override;
  grpc::Status ListArticles(grpc::ServerContext* context, const v1::ListArticlesRequest* request,
                            v1::ListArticlesResponse* response) override;
  grpc::Status GetStats(grpc::ServerContext* context, const v1::GetStatsRequest* request,
                        v1::GetStatsResponse* response) override;
  grpc::Status ExportGraph(grpc::ServerContext* context, const v1::ExportGraphRequest* request,
                           grpc::ServerWriter<v1::ExportGraphResponse>* writer) override;

 private:
  absl::Status DoAsk(grpc::ServerContext* context, const v1::AskRequest& request,
                     v1::AskResponse* response);
  absl::Status DoGetEntity(const v1::GetEntityRequest& request, v1::GetEntityResponse* response);
  absl::Status DoIngest(const grpc::ServerContextBase& context,
                        const v1::IngestArticleRequest& request,
                        v1::IngestArticleResponse* response);
  absl::Status DoExport(grpc::ServerContext* context, const v1::ExportGraphRequest& request,
                        grpc::ServerWriter<v1::ExportGraphResponse>* writer);

  // UNAUTHENTICATED unless the call carries the bearer token (when one is configured).
  absl::Status CheckWriteAuth(const grpc::ServerContextBase& context) const;
  // Logs the request when asked to and returns `status` as a grpc::Status.
  grpc::Status Finish(grpc::ServerContextBase* context, absl::string_view method, absl::Time start,
                      const absl::Status& status) const;

  graph::GraphStore* store_;
  const Ingester* ingester_;
  const ServiceOptions options_;
};

// The budget of a query run for this call: its deadline, and its cancellation.
graph::QueryBudget BudgetForCall(grpc::ServerContext* context);

}  // namespace kg::server

#endif  // KG_SERVER_KNOWLEDGE_GRAPH_SERVICE_H_
