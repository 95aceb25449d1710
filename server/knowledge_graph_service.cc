#include "server/knowledge_graph_service.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "graph/status_macros.h"
#include "server/convert.h"
#include "server/question.h"

namespace kg::server {
namespace {

// Most answers an Ask traversal collects per step, so a chain through a supernode stays
// bounded; the answer says when it stopped there.
constexpr size_t kMaxAskFrontier = 1000;

bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

absl::Status CheckDeadline(grpc::ServerContext* context) {
  // gRPC cancels a call when its deadline passes, by a timer on its own clock, which
  // can fire a little before the system clock reaches context->deadline(); a cancel
  // that close to the deadline is the deadline.
  constexpr std::chrono::milliseconds kTimerSlack(20);
  const auto now = std::chrono::system_clock::now();
  if (context->deadline() <= now ||
      (context->IsCancelled() && context->deadline() <= now + kTimerSlack)) {
    return absl::DeadlineExceededError("the call's deadline passed before the answer was complete");
  }
  if (context->IsCancelled()) return absl::CancelledError("the call was cancelled");
  return absl::OkStatus();
}

std::string StepChain(absl::string_view start, const std::vector<QuestionStep>& steps) {
  std::string chain(start);
  for (const QuestionStep& step : steps) {
    if (step.direction == graph::Direction::kIn) {
      absl::StrAppend(&chain, " <-[", graph::RelationName(step.relation), "]- ?");
    } else {
      absl::StrAppend(&chain, " -[", graph::RelationName(step.relation), "]-> ?");
    }
  }
  return chain;
}

// Resolves a name written in a question. People shorten names ("Misa Zhu" for "Misa Zhu
// Mingming"), so when nothing resolves exactly, a single prefix match is taken, and
// several are offered in the NOT_FOUND message.
absl::StatusOr<graph::Entity> ResolveQuestionEntity(const graph::GraphStore& store,
                                                    const std::string& name) {
  absl::StatusOr<graph::Entity> entity = store.ResolveEntity(name);
  if (entity.ok() || entity.status().code() != absl::StatusCode::kNotFound) return entity;
  absl::StatusOr<std::vector<graph::EntityMatch>> matches = store.SearchEntities(name, 5);
  if (!matches.ok()) return entity;
  std::vector<const graph::EntityMatch*> prefixes;
  for (const graph::EntityMatch& match : *matches) {
    if (match.kind != graph::MatchKind::kFuzzy) prefixes.push_back(&match);
  }
  if (prefixes.size() == 1) return prefixes[0]->entity;
  if (matches->empty()) return entity;
  std::vector<std::string> names;
  for (const graph::EntityMatch& match : *matches) names.push_back(match.entity.name);
  return absl::NotFoundError(
      absl::StrCat(entity.status().message(), "; did you mean ", absl::StrJoin(names, ", "), "?"));
}

// A reached entity and the edges that led to it from the question's entity.
struct Reached {
  graph::Entity entity;
  std::vector<v1::Edge> via;
};

}  // namespace

graph::QueryBudget BudgetForCall(grpc::ServerContext* context) {
  graph::QueryBudget budget;
  const std::chrono::system_clock::time_point deadline = context->deadline();
  if (deadline != std::chrono::system_clock::time_point::max()) {
    budget.deadline = absl::FromChrono(deadline);
  }
  budget.cancelled = [context] { return context->IsCancelled(); };
  return budget;
}

absl::Status KnowledgeGraphService::CheckWriteAuth(const grpc::ServerContextBase& context) const {
  if (options_.auth_token.empty()) return absl::OkStatus();
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return absl::UnauthenticatedError(
        "this server takes writes only with the metadata \"authorization: Bearer <token>\"; "
        "none was sent");
  }
  absl::string_view value(it->second.data(), it->second.size());
  value = absl::StripAsciiWhitespace(value);
  constexpr absl::string_view kScheme = "bearer ";
  if (value.size() < kScheme.size() ||
      !absl::EqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) {
    return absl::UnauthenticatedError("the authorization metadata must be \"Bearer <token>\"");
  }
  absl::string_view token = absl::StripAsciiWhitespace(value.substr(kScheme.size()));
  if (!ConstantTimeEquals(token, options_.auth_token)) {
    return absl::UnauthenticatedError("the bearer token is not the one this server accepts");
  }
  return absl::OkStatus();
}

grpc::Status KnowledgeGraphService::Finish(grpc::ServerContextBase* context,
                                           absl::string_view method, absl::Time start,
                                           const absl::Status& status) const {
  if (options_.log_requests) {
    const std::string line = absl::StrFormat(
        "kg-server: rpc=%s peer=%s code=%s ms=%.2f\n", method, context->peer(),
        absl::StatusCodeToString(status.code()), absl::ToDoubleMilliseconds(absl::Now() - start));
    std::fputs(line.c_str(), stderr);
  }
  return ToGrpcStatus(status);
}

// ---- Ask. ----

absl::Status KnowledgeGraphService::DoAsk(grpc::ServerContext* context,
                                          const v1::AskRequest& request,
                                          v1::AskResponse* response) {
  if (absl::StripAsciiWhitespace(request.question()).empty()) {
    return absl::InvalidArgumentError(
        "question is required, e.g. \"who did Alibaba invest in\" or \"ai thành lập Rokid\"");
  }
  KG_ASSIGN_OR_RETURN(std::vector<ParsedQuestion> readings, ParseQuestion(request.question()));

  // Take the first reading whose entities all exist; a question such as "X và Y liên
  // quan thế nào" can be split into names in more than one way. Exact names are tried
  // in every reading before shortened ones are.
  absl::Status first_error;
  const ParsedQuestion* parsed = nullptr;
  graph::Entity start;
  graph::Entity other;
  for (const bool lenient : {false, true}) {
    auto resolve = [&](const std::string& name) {
      return lenient ? ResolveQuestionEntity(*store_, name) : store_->ResolveEntity(name);
    };
    for (const ParsedQuestion& reading : readings) {
      absl::StatusOr<graph::Entity> a = resolve(reading.entity);
      absl::StatusOr<graph::Entity> b = a;
      if (a.ok() && reading.kind == ParsedQuestion::Kind::kConnection) {
        b = resolve(reading.other_entity);
      }
      if (a.ok() && b.ok()) {
        parsed = &reading;
        start = *std::move(a);
        other = *std::move(b);
        break;
      }
      if (lenient && first_error.ok()) first_error = a.ok() ? b.status() : a.status();
    }
    if (parsed != nullptr) break;
  }
  if (parsed == nullptr) return first_error;

  std::string description =
      absl::StrReplaceAll(parsed->description, {{"{X}", start.name}, {"{Y}", other.name}});

  if (parsed->kind == ParsedQuestion::Kind::kConnection) {
    v1::FindPathsRequest* find = response->mutable_find_paths();
    find->set_from_entity(start.name);
    find->set_to_entity(other.name);
    find->set_mode(v1::PATH_MODE_ALL_SHORTEST);
    find->set_max_hops(4);
    find->set_max_paths(10);
    find->set_include_unconfirmed(request.include_unconfirmed());
    KG_ASSIGN_OR_RETURN(graph::PathQuery query, PathQueryFromProto(*find));
    // Resolve by id, so a name shared with another entity cannot change the answer.
    query.from = absl::StrCat(start.id);
    query.to = absl::StrCat(other.id);
    query.budget = BudgetForCall(context);
    KG_ASSIGN_OR_RETURN(graph::PathResult result, store_->FindPaths(query));
    for (const graph::Path& path : result.paths) PathToProto(path, response->add_paths());
    response->set_understood_as(absl::StrCat(description, ": the shortest paths from ", start.name,
                                             " to ", other.name,
                                             ", at most 4 hops, over every relation"));
    return absl::OkStatus();
  }

  v1::TraversalQuery* traversal = response->mutable_traversal();
  traversal->set_entity(start.name);
  for (const QuestionStep& step : parsed->steps) {
    v1::TraversalStep* proto = traversal->add_steps();
    proto->set_relation(RelationToProto(step.relation));
    proto->set_direction(DirectionToProto(step.direction));
  }

  std::vector<Reached> frontier = {{start, {}}};
  bool capped = false;
  for (const QuestionStep& step : parsed->steps) {
    std::vector<Reached> next;
    std::unordered_set<graph::EntityId> seen;
    for (const Reached& from : frontier) {
      graph::NeighborsQuery query;
      query.entity = absl::StrCat(from.entity.id);
      query.relations = {step.relation};
      query.direction = step.direction;
      query.page_size = 1000;
      query.include_unconfirmed = request.include_unconfirmed();
      do {
        KG_RETURN_IF_ERROR(CheckDeadline(context));
        KG_ASSIGN_OR_RETURN(graph::NeighborsPage page, store_->Neighbors(query));
        for (const graph::Neighbor& neighbor : page.neighbors) {
          if (neighbor.entity.id == start.id || !seen.insert(neighbor.entity.id).second) continue;
          if (next.size() >= kMaxAskFrontier) {
            capped = true;
            break;
          }
          Reached reached{neighbor.entity, from.via};
          NeighborAsEdgeToProto(from.entity, neighbor, &reached.via.emplace_back());
          next.push_back(std::move(reached));
        }
        query.page_token = page.next_page_token;
      } while (!query.page_token.empty() && !capped);
    }
    frontier = std::move(next);
  }
  for (Reached& reached : frontier) {
    v1::AskAnswer* answer = response->add_answers();
    EntityToProto(reached.entity, answer->mutable_entity());
    for (v1::Edge& edge : reached.via) *answer->add_via() = std::move(edge);
  }
  response->set_understood_as(
      absl::StrCat(description, ": ", StepChain(start.name, parsed->steps),
                   capped ? absl::StrCat(" (stopped at ", kMaxAskFrontier, " answers)") : ""));
  return absl::OkStatus();
}

grpc::Status KnowledgeGraphService::Ask(grpc::ServerContext* context, const v1::AskRequest* request,
                                        v1::AskResponse* response) {
  const absl::Time start = absl::Now();
  return Finish(context, "Ask", start, DoAsk(context, *request, response));
}

// ---- Entities. ----

absl::Status KnowledgeGraphService::DoGetEntity(const v1::GetEntityRequest& request,
                                                v1::GetEntityResponse* response) {
  KG_RETURN_IF_ERROR(RequireEntity(request.entity(), "entity"));
  KG_ASSIGN_OR_RETURN(graph::Entity entity, store_->ResolveEntity(request.entity()));
  EntityToProto(entity, response->mutable_entity());
  for (graph::RelationType relation : graph::kAllRelationTypes) {
    KG_ASSIGN_OR_RETURN(uint64_t out, store_->Degree(entity.id, relation, graph::Direction::kOut));
    KG_ASSIGN_OR_RETURN(uint64_t in, store_->Degree(entity.id, relation, graph::Direction::kIn));
    if (out == 0 && in == 0) continue;
    v1::RelationDegree* degree = response->add_degrees();
    degree->set_relation(RelationToProto(relation));
    degree->set_out_degree(out);
    degree->set_in_degree(in);
  }
  KG_ASSIGN_OR_RETURN(std::vector<std::string> articles, store_->ArticlesMentioning(entity.id));
  for (std::string& id : articles) response->add_article_ids(std::move(id));
  return absl::OkStatus();
}

grpc::Status KnowledgeGraphService::GetEntity(grpc::ServerContext* context,
                                              const v1::GetEntityRequest* request,
                                              v1::GetEntityResponse* response) {
  const absl::Time start = absl::Now();
  return Finish(context, "GetEntity", start, DoGetEntity(*request, response));
}

grpc::Status KnowledgeGraphService::SearchEntities(grpc::ServerContext* context,
                                                   const v1::SearchEntitiesRequest* request,
                                                   v1::SearchEntitiesResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    if (absl::StripAsciiWhitespace(request->query()).empty()) {
      return absl::InvalidArgumentError(
          "query is required: send a name, alias or the start of one, e.g. \"Ali\"");
    }
    KG_ASSIGN_OR_RETURN(int64_t limit,
                        BoundedOrDefault(request->page_size(), 10, 100, "page_size"));
    KG_ASSIGN_OR_RETURN(std::vector<graph::EntityMatch> matches,
                        store_->SearchEntities(request->query(), static_cast<size_t>(limit)));
    for (const graph::EntityMatch& match : matches) MatchToProto(match, response->add_matches());
    return absl::OkStatus();
  };
  return Finish(context, "SearchEntities", start, run());
}

// ---- Traversals. ----

grpc::Status KnowledgeGraphService::Neighbors(grpc::ServerContext* context,
                                              const v1::NeighborsRequest* request,
                                              v1::NeighborsResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    KG_ASSIGN_OR_RETURN(graph::NeighborsQuery query, NeighborsQueryFromProto(*request));
    KG_ASSIGN_OR_RETURN(graph::NeighborsPage page, store_->Neighbors(query));
    NeighborsPageToProto(page, response);
    return absl::OkStatus();
  };
  return Finish(context, "Neighbors", start, run());
}

grpc::Status KnowledgeGraphService::Neighborhood(grpc::ServerContext* context,
                                                 const v1::NeighborhoodRequest* request,
                                                 v1::NeighborhoodResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    KG_ASSIGN_OR_RETURN(graph::NeighborhoodQuery query, NeighborhoodQueryFromProto(*request));
    query.budget = BudgetForCall(context);
    KG_ASSIGN_OR_RETURN(graph::Subgraph subgraph, store_->Neighborhood(query));
    // Cut by the deadline or a cancel: the caller will not read an answer, so say
    // why at once rather than converting a partial one.
    KG_RETURN_IF_ERROR(CheckDeadline(context));
    SubgraphToProto(subgraph, response);
    return absl::OkStatus();
  };
  return Finish(context, "Neighborhood", start, run());
}

grpc::Status KnowledgeGraphService::FindPaths(grpc::ServerContext* context,
                                              const v1::FindPathsRequest* request,
                                              v1::FindPathsResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    KG_ASSIGN_OR_RETURN(graph::PathQuery query, PathQueryFromProto(*request));
    query.budget = BudgetForCall(context);
    KG_ASSIGN_OR_RETURN(graph::PathResult result, store_->FindPaths(query));
    KG_RETURN_IF_ERROR(CheckDeadline(context));  // As in Neighborhood.
    PathResultToProto(result, response);
    return absl::OkStatus();
  };
  return Finish(context, "FindPaths", start, run());
}

// ---- Articles. ----

absl::Status KnowledgeGraphService::DoIngest(const grpc::ServerContextBase& context,
                                             const v1::IngestArticleRequest& request,
                                             v1::IngestArticleResponse* response) {
  KG_RETURN_IF_ERROR(CheckWriteAuth(context));
  if (request.text().empty()) {
    return absl::InvalidArgumentError("text is required: send the article's UTF-8 text");
  }
  if (request.text().size() > options_.max_article_bytes) {
    return absl::InvalidArgumentError(absl::StrCat("text is ", request.text().size(),
                                                   " bytes; this server takes articles of at "
                                                   "most ",
                                                   options_.max_article_bytes,
                                                   " bytes (--max_article_bytes)"));
  }
  KG_RETURN_IF_ERROR(ValidateUtf8(request.text()));
  for (const auto& [field, value] : {std::pair<const char*, const std::string&>{"id", request.id()},
                                     {"title", request.title()},
                                     {"source_url", request.source_url()}}) {
    if (absl::Status utf8 = ValidateUtf8(value); !utf8.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(field, ": ", utf8.message()));
    }
  }
  if (request.id().size() > 256) {
    return absl::InvalidArgumentError(
        absl::StrCat("id is ", request.id().size(), " bytes; send at most 256"));
  }
  graph::Article article;
  article.id = request.id().empty() ? ArticleIdFromText(request.text()) : request.id();
  article.title = request.title().empty() ? FirstLineTitle(request.text()) : request.title();
  article.text = request.text();
  article.source_url = request.source_url();
  KG_ASSIGN_OR_RETURN(IngestResult result, ingester_->Ingest(article));

  response->set_article_id(article.id);
  response->set_outcome(IngestOutcomeToProto(result.outcome.kind));
  auto entity_of = [this](const graph::EntityMention& mention) {
    absl::StatusOr<graph::Entity> stored = store_->ResolveEntity(mention.name);
    if (stored.ok()) return *std::move(stored);
    graph::Entity entity;  // Ambiguous names are shown as the article wrote them.
    entity.name = mention.name;
    entity.type = mention.type;
    entity.aliases = mention.aliases;
    return entity;
  };
  for (const graph::RelationFact& fact : result.facts) {
    v1::Edge* edge = response->add_facts();
    EntityToProto(entity_of(fact.subject), edge->mutable_subject());
    edge->set_relation(RelationToProto(fact.relation));
    EntityToProto(entity_of(fact.object), edge->mutable_object());
    EvidenceToProto(fact.evidence, edge->add_evidence());
    edge->set_confidence(fact.evidence.confidence);
    edge->set_confirmed(fact.evidence.confirmed);
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* KnowledgeGraphService::IngestArticle(grpc::CallbackServerContext* context,
                                                               const grpc::ByteBuffer* request,
                                                               grpc::ByteBuffer* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    std::vector<grpc::Slice> slices;
    if (!request->Dump(&slices).ok()) {
      return absl::InvalidArgumentError("the IngestArticleRequest message is unreadable");
    }
    std::string wire;
    for (const grpc::Slice& slice : slices) {
      wire.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
    KG_ASSIGN_OR_RETURN(v1::IngestArticleRequest parsed, IngestArticleRequestFromWire(wire));
    v1::IngestArticleResponse out;
    KG_RETURN_IF_ERROR(DoIngest(*context, parsed, &out));
    const std::string serialized = out.SerializeAsString();
    grpc::Slice slice(serialized);
    *response = grpc::ByteBuffer(&slice, 1);
    return absl::OkStatus();
  };
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(Finish(context, "IngestArticle", start, run()));
  return reactor;
}

grpc::Status KnowledgeGraphService::DeleteArticle(grpc::ServerContext* context,
                                                  const v1::DeleteArticleRequest* request,
                                                  v1::DeleteArticleResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    KG_RETURN_IF_ERROR(CheckWriteAuth(*context));
    if (request->id().empty()) {
      return absl::InvalidArgumentError(
          "id is required: send the id of the article to delete (see ListArticles)");
    }
    KG_ASSIGN_OR_RETURN(graph::DeleteOutcome outcome, store_->DeleteArticle(request->id()));
    response->set_edges_removed(outcome.edges_removed);
    response->set_entities_removed(outcome.entities_removed);
    return absl::OkStatus();
  };
  return Finish(context, "DeleteArticle", start, run());
}

grpc::Status KnowledgeGraphService::ListArticles(grpc::ServerContext* context,
                                                 const v1::ListArticlesRequest* request,
                                                 v1::ListArticlesResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    KG_ASSIGN_OR_RETURN(int64_t page_size,
                        BoundedOrDefault(request->page_size(), 100, 1000, "page_size"));
    KG_ASSIGN_OR_RETURN(
        graph::ArticlePage page,
        store_->ListArticles(static_cast<size_t>(page_size), request->page_token()));
    for (const graph::ArticleInfo& info : page.articles) {
      ArticleInfoToProto(info, response->add_articles());
    }
    response->set_next_page_token(page.next_page_token);
    return absl::OkStatus();
  };
  return Finish(context, "ListArticles", start, run());
}

grpc::Status KnowledgeGraphService::GetStats(grpc::ServerContext* context,
                                             const v1::GetStatsRequest* /*request*/,
                                             v1::GetStatsResponse* response) {
  const absl::Time start = absl::Now();
  auto run = [&]() -> absl::Status {
    KG_ASSIGN_OR_RETURN(graph::GraphStats stats, store_->Stats());
    StatsToProto(stats, response);
    return absl::OkStatus();
  };
  return Finish(context, "GetStats", start, run());
}

// ---- Export. ----

absl::Status KnowledgeGraphService::DoExport(grpc::ServerContext* context,
                                             const v1::ExportGraphRequest& request,
                                             grpc::ServerWriter<v1::ExportGraphResponse>* writer) {
  KG_ASSIGN_OR_RETURN(std::vector<graph::RelationType> relations,
                      RelationsFromProto(request.relations(), "relations"));
  auto wanted = [&relations](graph::RelationType relation) {
    if (relations.empty()) return true;
    for (graph::RelationType r : relations) {
      if (r == relation) return true;
    }
    return false;
  };
  bool client_gone = false;

  if (!request.around_entity().empty()) {
    v1::NeighborhoodRequest around;
    around.set_entity(request.around_entity());
    KG_ASSIGN_OR_RETURN(int64_t hops, BoundedOrDefault(request.hops(), 2, 6, "hops"));
    around.set_hops(static_cast<int32_t>(hops));
    *around.mutable_relations() = request.relations();
    around.set_max_nodes(100000);
    around.set_max_edges(500000);
    around.set_include_unconfirmed(request.include_unconfirmed());
    KG_ASSIGN_OR_RETURN(graph::NeighborhoodQuery query, NeighborhoodQueryFromProto(around));
    query.budget = BudgetForCall(context);
    KG_ASSIGN_OR_RETURN(graph::Subgraph subgraph, store_->Neighborhood(query));
    v1::NeighborhoodResponse converted;
    SubgraphToProto(subgraph, &converted);
    v1::ExportGraphResponse item;
    for (const v1::NeighborhoodNode& node : converted.nodes()) {
      *item.mutable_entity() = node.entity();
      if (!writer->Write(item)) return absl::CancelledError("the client went away");
    }
    for (const v1::Edge& edge : converted.edges()) {
      *item.mutable_edge() = edge;
      if (!writer->Write(item)) return absl::CancelledError("the client went away");
    }
    return absl::OkStatus();
  }
  if (request.hops() != 0) {
    return absl::InvalidArgumentError(
        "hops needs around_entity: send the center of the neighborhood to export, or hops 0 "
        "for the whole graph");
  }

  // The whole graph: entities first, so a loader meets every id before an edge uses it.
  std::unordered_map<graph::EntityId, graph::Entity> entities;
  v1::ExportGraphResponse item;
  KG_RETURN_IF_ERROR(store_->ForEachEntity([&](const graph::Entity& entity) {
    if (context->IsCancelled()) {
      client_gone = true;
      return false;
    }
    entities.emplace(entity.id, entity);
    EntityToProto(entity, item.mutable_entity());
    if (!writer->Write(item)) {
      client_gone = true;
      return false;
    }
    return true;
  }));
  if (client_gone) return absl::CancelledError("the client went away");
  auto lookup = [&](graph::EntityId id) {
    auto it = entities.find(id);
    if (it != entities.end()) return it->second;
    absl::StatusOr<graph::Entity> entity = store_->GetEntity(id);
    if (entity.ok()) return *std::move(entity);
    graph::Entity unknown;
    unknown.id = id;
    return unknown;
  };
  KG_RETURN_IF_ERROR(
      store_->ForEachEdge(request.include_unconfirmed(), [&](const graph::Edge& edge) {
        if (!wanted(edge.relation)) return true;
        if (context->IsCancelled()) {
          client_gone = true;
          return false;
        }
        EdgeToProto(edge, lookup, item.mutable_edge());
        if (!writer->Write(item)) {
          client_gone = true;
          return false;
        }
        return true;
      }));
  if (client_gone) return absl::CancelledError("the client went away");
  return absl::OkStatus();
}

grpc::Status KnowledgeGraphService::ExportGraph(
    grpc::ServerContext* context, const v1::ExportGraphRequest* request,
    grpc::ServerWriter<v1::ExportGraphResponse>* writer) {
  const absl::Time start = absl::Now();
  return Finish(context, "ExportGraph", start, DoExport(context, *request, writer));
}

}  // namespace kg::server
