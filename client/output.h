// client/output.h: how `kg` shows each kind of answer: a readable layout with tables
// and colours on a terminal, stable tab-separated lines when piped, or JSON.
#ifndef KG_CLIENT_OUTPUT_H_
#define KG_CLIENT_OUTPUT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "proto/kg.pb.h"

namespace kg::client {

struct OutputStyle {
  // Aligned tables and headers; when false, the piped layout described below.
  bool terminal = false;
  // ANSI colours; only honoured when `terminal` is true.
  bool color = false;
};

// Formatter turns responses into text. Every method returns complete lines.
//
// The piped layout, which scripts may rely on: one record per line with its fields
// separated by tabs, no header, and the evidence for a record on the lines right
// after it, each starting with a tab: "\t<article id>\t<sentence>". Lines starting
// with "# " are comments (how a question was understood, truncation notes).
// Thread-safe: the methods are const and keep no state.
class Formatter {
 public:
  explicit Formatter(OutputStyle style) : style_(style) {}

  // One line per neighbor (name, relation, direction, type, confidence), with its
  // evidence below. `total_size` and paging are the caller's business.
  std::string Neighbors(const v1::NeighborsResponse& response) const;
  std::string Entity(const v1::GetEntityResponse& response) const;
  std::string Search(const v1::SearchEntitiesResponse& response) const;
  std::string Neighborhood(const v1::NeighborhoodResponse& response) const;
  // Each path on one line with arrows, then the evidence for each hop.
  std::string Paths(const v1::FindPathsResponse& response) const;
  std::string Ask(const v1::AskResponse& response) const;
  std::string Articles(const v1::ListArticlesResponse& response) const;
  std::string Stats(const v1::GetStatsResponse& response) const;

  // "Misa Zhu Mingming <-[founded-by]- Rokid -[invested-in]-> ...": entities[i],
  // the arrow of hops[i], entities[i + 1], and so on.
  static std::string PathLine(const v1::Path& path);

  // "Alibaba -[invested-in]-> Moonshot AI", always subject first.
  static std::string EdgeLine(const v1::Edge& edge);

  // The evidence sentence as a terminal shows it: cut to about `max_chars`
  // characters around the subject and object mentions, with "…" where it was cut,
  // and the mentions in bold when colours are on. Spans that do not fall inside
  // the sentence are ignored (the sentence is then cut from its start).
  std::string Snippet(const v1::Evidence& evidence, size_t max_chars) const;

 private:
  std::string Paint(absl::string_view text, absl::string_view ansi) const;
  std::string Name(const v1::Entity& entity) const;
  std::string Relation(v1::Relation relation) const;
  std::string EvidenceLines(const google::protobuf::RepeatedPtrField<v1::Evidence>& evidence,
                            absl::string_view indent) const;

  OutputStyle style_;
};

// The message as JSON on one line, with the proto field names ("article_id"), enums
// by name, and fields at their default values left out.
std::string ToJson(const google::protobuf::Message& message);

// `text` as a JSON string literal, quotes included.
std::string JsonString(absl::string_view text);

}  // namespace kg::client

#endif  // KG_CLIENT_OUTPUT_H_
