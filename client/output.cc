#include "client/output.h"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/names.h"
#include "client/text_table.h"
#include "google/protobuf/util/json_util.h"

namespace kg::client {
namespace {

constexpr absl::string_view kBold = "\033[1m";
constexpr absl::string_view kDim = "\033[2m";
constexpr absl::string_view kReset = "\033[0m";
// A terminal shows this many evidence sentences per record; --json and the piped
// layout show them all.
constexpr int kTerminalEvidence = 3;
// ... each cut to about this many characters around its mentions.
constexpr size_t kSnippetChars = 140;

absl::string_view RelationColor(v1::Relation relation) {
  switch (relation) {
    case v1::RELATION_FOUNDED_BY:
      return "\033[32m";  // green
    case v1::RELATION_INVESTED_IN:
      return "\033[33m";  // yellow
    case v1::RELATION_ALUMNI_OF:
      return "\033[35m";  // magenta
    case v1::RELATION_HQ_IN:
      return "\033[36m";  // cyan
    default:
      return "";
  }
}

std::string Confidence(float confidence) { return absl::StrFormat("%.2f", confidence); }

std::string Qualifiers(const v1::Evidence& evidence) {
  // The map is unordered; sort so the output is stable.
  std::map<std::string, std::string> sorted(evidence.qualifiers().begin(),
                                            evidence.qualifiers().end());
  std::vector<std::string> parts;
  for (const auto& [key, value] : sorted) parts.push_back(absl::StrCat(key, " ", value));
  return absl::StrJoin(parts, ", ");
}

std::string UtcTime(int64_t unix_seconds) {
  if (unix_seconds <= 0) return "";
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

std::string Formatter::Paint(absl::string_view text, absl::string_view ansi) const {
  if (!style_.terminal || !style_.color || ansi.empty()) return std::string(text);
  return absl::StrCat(ansi, text, kReset);
}

std::string Formatter::Name(const v1::Entity& entity) const { return Paint(entity.name(), kBold); }

std::string Formatter::Relation(v1::Relation relation) const {
  return Paint(RelationName(relation), RelationColor(relation));
}

std::string Formatter::EvidenceLines(
    const google::protobuf::RepeatedPtrField<v1::Evidence>& evidence,
    absl::string_view indent) const {
  std::string out;
  if (!style_.terminal) {
    for (const v1::Evidence& e : evidence) {
      absl::StrAppend(&out, "\t", OneLine(e.article_id()), "\t", OneLine(e.sentence()), "\n");
    }
    return out;
  }
  int shown = 0;
  for (const v1::Evidence& e : evidence) {
    if (shown == kTerminalEvidence) {
      absl::StrAppend(&out, indent,
                      Paint(absl::StrCat("... and ", evidence.size() - shown,
                                         " more (kg --json shows them all)"),
                            kDim),
                      "\n");
      break;
    }
    std::string details = Qualifiers(e);
    if (!e.confirmed()) details = details.empty() ? "unconfirmed" : details + ", unconfirmed";
    absl::StrAppend(
        &out, indent, "\u201c", Snippet(e, kSnippetChars), "\u201d ",
        Paint(absl::StrCat("[", e.article_id(), details.empty() ? "" : "; " + details, "]"), kDim),
        "\n");
    ++shown;
  }
  return out;
}

std::string Formatter::Snippet(const v1::Evidence& evidence, size_t max_chars) const {
  const std::string sentence = OneLine(evidence.sentence());
  // Byte offsets where each character starts, and one past the end.
  std::vector<size_t> starts;
  for (size_t i = 0; i < sentence.size(); ++i) {
    if ((static_cast<unsigned char>(sentence[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(sentence.size());
  const size_t chars = starts.size() - 1;

  // Mentions relative to the sentence, as character indices [begin, end).
  struct Mention {
    size_t begin, end;
  };
  std::vector<Mention> mentions;
  const uint32_t base = evidence.sentence_span().begin();
  const bool sentence_known = evidence.sentence_span().end() > base;
  for (const v1::Span* span : {&evidence.subject_span(), &evidence.object_span()}) {
    if (!sentence_known || span->end() <= span->begin() || span->begin() < base ||
        span->end() - base > sentence.size()) {
      continue;
    }
    auto to_char = [&](size_t byte) {
      return static_cast<size_t>(std::lower_bound(starts.begin(), starts.end(), byte) -
                                 starts.begin());
    };
    size_t b = to_char(span->begin() - base), e = to_char(span->end() - base);
    if (b < e && e <= chars) mentions.push_back({b, e});
  }
  if (mentions.size() == 2 && mentions[0].begin < mentions[1].end &&
      mentions[1].begin < mentions[0].end) {
    mentions.clear();  // Overlapping mentions: nothing sensible to embolden.
  }

  // The window: the mentions, grown on both sides until it holds max_chars.
  size_t lo = 0, hi = 0;
  if (!mentions.empty()) {
    lo = mentions[0].begin;
    hi = mentions[0].end;
    for (const Mention& m : mentions) {
      lo = std::min(lo, m.begin);
      hi = std::max(hi, m.end);
    }
  }
  while (hi - lo < max_chars && (lo > 0 || hi < chars)) {
    if (hi < chars) ++hi;
    if (lo > 0 && hi - lo < max_chars) --lo;
  }

  // Cut between words when a space is near, never inside a mention.
  constexpr size_t kSnap = 15;
  const size_t keep_lo = mentions.empty() ? hi : std::min(mentions[0].begin, mentions.back().begin);
  const size_t keep_hi = mentions.empty() ? lo : std::max(mentions[0].end, mentions.back().end);
  const auto is_space = [&](size_t c) { return sentence[starts[c]] == ' '; };
  if (lo > 0) {
    for (size_t k = lo; k < std::min(lo + kSnap, keep_lo); ++k) {
      if (is_space(k)) {
        lo = k + 1;
        break;
      }
    }
  }
  if (hi < chars) {
    for (size_t k = hi; k > keep_hi && k + kSnap > hi; --k) {
      if (is_space(k - 1)) {
        hi = k - 1;
        break;
      }
    }
  }
  const bool colour = style_.terminal && style_.color;
  std::string out = lo > 0 ? "\u2026" : "";
  for (size_t c = lo; c < hi; ++c) {
    for (const Mention& m : mentions) {
      if (c == m.begin && colour) out.append(kBold.data(), kBold.size());
    }
    out.append(sentence, starts[c], starts[c + 1] - starts[c]);
    for (const Mention& m : mentions) {
      if (c + 1 == m.end && colour) out.append(kReset.data(), kReset.size());
    }
  }
  if (hi < chars) out += "\u2026";
  return out;
}

std::string Formatter::PathLine(const v1::Path& path) {
  std::string line;
  for (int i = 0; i < path.entities_size(); ++i) {
    if (i > 0) {
      if (i - 1 < path.hops_size()) {
        const v1::PathHop& hop = path.hops(i - 1);
        absl::StrAppend(&line, " ", HopArrow(hop.relation(), hop.direction()), " ");
      } else {
        absl::StrAppend(&line, " ? ");
      }
    }
    absl::StrAppend(&line, path.entities(i).name());
  }
  return line;
}

std::string Formatter::EdgeLine(const v1::Edge& edge) {
  return absl::StrCat(edge.subject().name(), " ", HopArrow(edge.relation(), v1::DIRECTION_OUT), " ",
                      edge.object().name());
}

std::string Formatter::Neighbors(const v1::NeighborsResponse& response) const {
  std::string out;
  if (!style_.terminal) {
    for (const v1::Neighbor& n : response.neighbors()) {
      absl::StrAppend(&out, OneLine(n.entity().name()), "\t", RelationName(n.relation()), "\t",
                      DirectionName(n.direction()), "\t", EntityTypeName(n.entity().type()), "\t",
                      Confidence(n.confidence()), "\n");
      out += EvidenceLines(n.evidence(), "");
    }
    return out;
  }
  absl::StrAppend(&out, Name(response.entity()), " (", EntityTypeName(response.entity().type()),
                  "): ", response.neighbors_size(),
                  response.neighbors_size() == 1 ? " neighbor" : " neighbors", "\n");
  for (const v1::Neighbor& n : response.neighbors()) {
    // Seen from the queried entity: "-[invested-in]-> Moonshot AI" for an out-edge,
    // "<-[invested-in]- SoftBank" for an in-edge.
    std::string arrow = n.direction() == v1::DIRECTION_IN
                            ? absl::StrCat("<-[", Relation(n.relation()), "]-")
                            : absl::StrCat("-[", Relation(n.relation()), "]->");
    absl::StrAppend(
        &out, "  ", arrow, " ", Name(n.entity()), " ",
        Paint(absl::StrCat("(", EntityTypeName(n.entity().type()), ", confidence ",
                           Confidence(n.confidence()), n.confirmed() ? "" : ", unconfirmed", ")"),
              kDim),
        "\n");
    out += EvidenceLines(n.evidence(), "      ");
  }
  return out;
}

std::string Formatter::Entity(const v1::GetEntityResponse& response) const {
  const v1::Entity& e = response.entity();
  std::string out;
  if (!style_.terminal) {
    absl::StrAppend(&out, "id\t", e.id(), "\n");
    absl::StrAppend(&out, "name\t", OneLine(e.name()), "\n");
    absl::StrAppend(&out, "type\t", EntityTypeName(e.type()), "\n");
    for (const std::string& alias : e.aliases())
      absl::StrAppend(&out, "alias\t", OneLine(alias), "\n");
    for (const v1::RelationDegree& d : response.degrees()) {
      absl::StrAppend(&out, "degree\t", RelationName(d.relation()), "\t", d.out_degree(), "\t",
                      d.in_degree(), "\n");
    }
    for (const std::string& id : response.article_ids())
      absl::StrAppend(&out, "article\t", OneLine(id), "\n");
    return out;
  }
  absl::StrAppend(&out, Name(e), " ",
                  Paint(absl::StrCat("(", EntityTypeName(e.type()), ", id ", e.id(), ")"), kDim),
                  "\n");
  if (e.aliases_size() > 0) {
    absl::StrAppend(&out, "  also known as: ", absl::StrJoin(e.aliases(), " | "), "\n");
  }
  if (response.degrees_size() > 0) {
    TextTable table({"  RELATION", "OUT", "IN"});
    for (const v1::RelationDegree& d : response.degrees()) {
      table.AddRow({absl::StrCat("  ", RelationName(d.relation())), absl::StrCat(d.out_degree()),
                    absl::StrCat(d.in_degree())});
    }
    out += table.Render(true, style_.color);
  }
  if (response.article_ids_size() > 0) {
    absl::StrAppend(&out, "  articles: ", absl::StrJoin(response.article_ids(), ", "), "\n");
  }
  return out;
}

std::string Formatter::Search(const v1::SearchEntitiesResponse& response) const {
  TextTable table({"NAME", "TYPE", "ID", "MATCHED", "HOW", "SCORE"});
  for (const v1::EntityMatch& m : response.matches()) {
    table.AddRow({m.entity().name(), EntityTypeName(m.entity().type()),
                  absl::StrCat(m.entity().id()), m.matched_name(), m.match_kind(),
                  absl::StrFormat("%.3f", m.score())});
  }
  return table.Render(style_.terminal, style_.color);
}

std::string Formatter::Neighborhood(const v1::NeighborhoodResponse& response) const {
  std::string out;
  if (!style_.terminal) {
    for (const v1::NeighborhoodNode& node : response.nodes()) {
      absl::StrAppend(&out, "node\t", node.distance(), "\t", OneLine(node.entity().name()), "\t",
                      EntityTypeName(node.entity().type()), "\n");
    }
    for (const v1::Edge& edge : response.edges()) {
      absl::StrAppend(&out, "edge\t", OneLine(edge.subject().name()), "\t",
                      RelationName(edge.relation()), "\t", OneLine(edge.object().name()), "\t",
                      Confidence(edge.confidence()), "\n");
      out += EvidenceLines(edge.evidence(), "");
    }
    if (response.truncated())
      absl::StrAppend(&out, "# truncated: ", response.truncation_reason(), "\n");
    return out;
  }
  std::string center = response.nodes_size() > 0 ? Name(response.nodes(0).entity()) : "?";
  absl::StrAppend(&out, "Around ", center, ": ", response.nodes_size(), " entities, ",
                  response.edges_size(), " edges\n");
  TextTable nodes({"  HOPS", "ENTITY", "TYPE"});
  for (const v1::NeighborhoodNode& node : response.nodes()) {
    nodes.AddRow({absl::StrCat("  ", node.distance()), node.entity().name(),
                  EntityTypeName(node.entity().type())});
  }
  out += nodes.Render(true, style_.color);
  if (response.edges_size() > 0) out += "Edges:\n";
  for (const v1::Edge& edge : response.edges()) {
    absl::StrAppend(&out, "  ", Name(edge.subject()), " -[", Relation(edge.relation()), "]-> ",
                    Name(edge.object()), "\n");
    out += EvidenceLines(edge.evidence(), "      ");
  }
  if (response.truncated()) {
    absl::StrAppend(
        &out, Paint(absl::StrCat("(truncated: ", response.truncation_reason(), ")"), kDim), "\n");
  }
  return out;
}

std::string Formatter::Paths(const v1::FindPathsResponse& response) const {
  std::string out;
  for (int p = 0; p < response.paths_size(); ++p) {
    const v1::Path& path = response.paths(p);
    if (style_.terminal) {
      absl::StrAppend(&out,
                      Paint(absl::StrCat("Path ", p + 1, " (", path.hops_size(),
                                         path.hops_size() == 1 ? " hop" : " hops", "):"),
                            kBold),
                      "\n  ", PathLine(path), "\n");
    } else {
      absl::StrAppend(&out, OneLine(PathLine(path)), "\n");
    }
    for (int h = 0; h < path.hops_size() && h + 1 < path.entities_size(); ++h) {
      const v1::PathHop& hop = path.hops(h);
      // Evidence reads subject first, whichever way the path walks the edge.
      const v1::Entity& subject =
          hop.direction() == v1::DIRECTION_IN ? path.entities(h + 1) : path.entities(h);
      const v1::Entity& object =
          hop.direction() == v1::DIRECTION_IN ? path.entities(h) : path.entities(h + 1);
      if (style_.terminal) {
        absl::StrAppend(&out, "    ", h + 1, ". ", Name(subject), " -[", Relation(hop.relation()),
                        "]-> ", Name(object), "\n");
        out += EvidenceLines(hop.evidence(), "       ");
      } else {
        std::string edge = absl::StrCat(subject.name(), " -[", RelationName(hop.relation()), "]-> ",
                                        object.name());
        if (hop.evidence_size() == 0)
          absl::StrAppend(&out, "\t", h + 1, "\t", OneLine(edge), "\t\t\n");
        for (const v1::Evidence& e : hop.evidence()) {
          absl::StrAppend(&out, "\t", h + 1, "\t", OneLine(edge), "\t", OneLine(e.article_id()),
                          "\t", OneLine(e.sentence()), "\n");
        }
      }
    }
  }
  if (response.truncated()) {
    out += style_.terminal
               ? Paint(absl::StrCat("(truncated: ", response.truncation_reason(), ")"), kDim) + "\n"
               : absl::StrCat("# truncated: ", response.truncation_reason(), "\n");
  }
  return out;
}

std::string Formatter::Ask(const v1::AskResponse& response) const {
  std::string out;
  if (style_.terminal) {
    absl::StrAppend(&out, Paint("Understood as: ", kDim), response.understood_as(), "\n");
  } else {
    absl::StrAppend(&out, "# understood as: ", OneLine(response.understood_as()), "\n");
  }
  if (response.answers_size() > 0) {
    TextTable table({style_.terminal ? "  ANSWER" : "ANSWER", "TYPE", "VIA"});
    for (const v1::AskAnswer& answer : response.answers()) {
      std::vector<std::string> via;
      std::string notes;
      for (const v1::Edge& edge : answer.via()) {
        via.push_back(EdgeLine(edge));
        notes += EvidenceLines(edge.evidence(), "      ");
      }
      if (!notes.empty() && notes.back() == '\n') notes.pop_back();
      std::vector<std::string> note_lines;
      if (!notes.empty()) note_lines.push_back(notes);
      table.AddRow({style_.terminal ? "  " + Name(answer.entity()) : answer.entity().name(),
                    EntityTypeName(answer.entity().type()), absl::StrJoin(via, "; ")},
                   note_lines);
    }
    out += table.Render(style_.terminal, style_.color);
  }
  if (response.paths_size() > 0) {
    v1::FindPathsResponse paths;
    *paths.mutable_paths() = response.paths();
    out += Paths(paths);
  }
  return out;
}

std::string Formatter::Articles(const v1::ListArticlesResponse& response) const {
  TextTable table({"ID", "FACTS", "BYTES", "INGESTED", "TITLE"});
  for (const v1::Article& a : response.articles()) {
    table.AddRow({a.id(), absl::StrCat(a.fact_count()), absl::StrCat(a.text_bytes()),
                  style_.terminal ? UtcTime(a.ingested_unix_seconds())
                                  : absl::StrCat(a.ingested_unix_seconds()),
                  a.title()});
  }
  return table.Render(style_.terminal, style_.color);
}

std::string Formatter::Stats(const v1::GetStatsResponse& response) const {
  TextTable table({"WHAT", "COUNT"});
  table.AddRow({"entities", absl::StrCat(response.entities())});
  table.AddRow({"edges", absl::StrCat(response.edges())});
  table.AddRow({"articles", absl::StrCat(response.articles())});
  table.AddRow({"evidence", absl::StrCat(response.evidence())});
  for (const v1::RelationCount& r : response.edges_by_relation()) {
    table.AddRow({absl::StrCat(style_.terminal ? "  edges " : "edges:", RelationName(r.relation())),
                  absl::StrCat(r.edges())});
  }
  return table.Render(style_.terminal, style_.color);
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  // Printing fails only on Any types it cannot resolve, which kg.v1 does not use.
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) return "{}";
  return json;
}

std::string JsonString(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace kg::client
