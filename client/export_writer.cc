#include "client/export_writer.h"

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "client/names.h"
#include "client/output.h"

namespace kg::client {
namespace {

constexpr absl::string_view kTsvHeader = "subject\trelation\tobject\tarticle_ids";
constexpr absl::string_view kListSeparator = " | ";

// The articles that support an edge, each once, in evidence order.
std::vector<std::string> ArticleIds(const v1::Edge& edge) {
  std::vector<std::string> ids;
  for (const v1::Evidence& e : edge.evidence()) {
    bool seen = false;
    for (const std::string& id : ids) seen = seen || id == e.article_id();
    if (!seen) ids.push_back(e.article_id());
  }
  return ids;
}

std::vector<std::string> Sentences(const v1::Edge& edge) {
  std::vector<std::string> sentences;
  for (const v1::Evidence& e : edge.evidence()) sentences.push_back(e.sentence());
  return sentences;
}

std::string Number(double value) { return absl::StrFormat("%.4g", value); }

// Shared by the writers: remembers the entities seen so far, so that an edge can be
// written with the entity's full record (aliases, type) and so that an endpoint the
// stream did not send as an entity item is still declared before its first edge.
class WriterBase : public ExportWriter {
 public:
  explicit WriterBase(std::ostream* out) : out_(*out) {}

  void AddEntity(const v1::Entity& entity) final {
    if (Remember(entity)) WriteEntity(entity);
  }

  void AddEdge(const v1::Edge& edge) final {
    for (const v1::Entity* end : {&edge.subject(), &edge.object()}) {
      if (Remember(*end)) WriteEntity(*end);
    }
    WriteEdge(edge, entities_.at(edge.subject().id()), entities_.at(edge.object().id()));
    ++edges_;
  }

 protected:
  virtual void WriteEntity(const v1::Entity& entity) = 0;
  virtual void WriteEdge(const v1::Edge& edge, const v1::Entity& subject,
                         const v1::Entity& object) = 0;

  std::ostream& out_;
  int64_t edges_ = 0;

 private:
  // Returns true the first time an entity id is seen.
  bool Remember(const v1::Entity& entity) { return entities_.emplace(entity.id(), entity).second; }

  std::map<uint64_t, v1::Entity> entities_;
};

class JsonlWriter final : public WriterBase {
 public:
  using WriterBase::WriterBase;
  void Finish() override { out_.flush(); }

 private:
  void WriteEntity(const v1::Entity& entity) override {
    v1::ExportGraphResponse item;
    *item.mutable_entity() = entity;
    out_ << ToJson(item) << "\n";
  }
  void WriteEdge(const v1::Edge& edge, const v1::Entity&, const v1::Entity&) override {
    v1::ExportGraphResponse item;
    *item.mutable_edge() = edge;
    out_ << ToJson(item) << "\n";
  }
};

std::string TsvEscape(absl::string_view value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string TsvUnescape(absl::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    char next = value[++i];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
  }
  return out;
}

std::string TsvNames(const v1::Entity& entity) {
  std::vector<std::string> names = {TsvEscape(entity.name())};
  for (const std::string& alias : entity.aliases()) names.push_back(TsvEscape(alias));
  return absl::StrJoin(names, kListSeparator);
}

class TsvWriter final : public WriterBase {
 public:
  explicit TsvWriter(std::ostream* out) : WriterBase(out) { out_ << kTsvHeader << "\n"; }
  void Finish() override { out_.flush(); }

 private:
  void WriteEntity(const v1::Entity&) override {}
  void WriteEdge(const v1::Edge& edge, const v1::Entity& subject,
                 const v1::Entity& object) override {
    std::vector<std::string> ids;
    for (const std::string& id : ArticleIds(edge)) ids.push_back(TsvEscape(id));
    out_ << TsvNames(subject) << "\t" << RelationName(edge.relation()) << "\t" << TsvNames(object)
         << "\t" << absl::StrJoin(ids, kListSeparator) << "\n";
  }
};

// XML 1.0 text: the five entities escaped, and the control characters XML forbids
// dropped (tab, newline and carriage return stay).
std::string XmlEscape(absl::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

class GraphmlWriter final : public WriterBase {
 public:
  explicit GraphmlWriter(std::ostream* out) : WriterBase(out) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         << "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         << "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    const std::pair<const char*, const char*> node_keys[] = {
        {"name", "string"}, {"type", "string"}, {"aliases", "string"}};
    for (const auto& [name, type] : node_keys) {
      out_ << "  <key id=\"" << name << "\" for=\"node\" attr.name=\"" << name << "\" attr.type=\""
           << type << "\"/>\n";
    }
    const std::pair<const char*, const char*> edge_keys[] = {{"relation", "string"},
                                                             {"confidence", "double"},
                                                             {"confirmed", "boolean"},
                                                             {"article_ids", "string"},
                                                             {"evidence", "string"}};
    for (const auto& [name, type] : edge_keys) {
      out_ << "  <key id=\"" << name << "\" for=\"edge\" attr.name=\"" << name << "\" attr.type=\""
           << type << "\"/>\n";
    }
    out_ << "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  }

  void Finish() override {
    out_ << "  </graph>\n</graphml>\n";
    out_.flush();
  }

 private:
  void WriteEntity(const v1::Entity& entity) override {
    out_ << "    <node id=\"n" << entity.id() << "\">"
         << "<data key=\"name\">" << XmlEscape(entity.name()) << "</data>"
         << "<data key=\"type\">" << EntityTypeName(entity.type()) << "</data>";
    if (entity.aliases_size() > 0) {
      out_ << "<data key=\"aliases\">" << XmlEscape(absl::StrJoin(entity.aliases(), kListSeparator))
           << "</data>";
    }
    out_ << "</node>\n";
  }

  void WriteEdge(const v1::Edge& edge, const v1::Entity& subject,
                 const v1::Entity& object) override {
    out_ << "    <edge id=\"e" << edges_ << "\" source=\"n" << subject.id() << "\" target=\"n"
         << object.id() << "\">"
         << "<data key=\"relation\">" << RelationName(edge.relation()) << "</data>"
         << "<data key=\"confidence\">" << Number(edge.confidence()) << "</data>"
         << "<data key=\"confirmed\">" << (edge.confirmed() ? "true" : "false") << "</data>"
         << "<data key=\"article_ids\">"
         << XmlEscape(absl::StrJoin(ArticleIds(edge), kListSeparator)) << "</data>";
    if (edge.evidence_size() > 0) {
      out_ << "<data key=\"evidence\">" << XmlEscape(absl::StrJoin(Sentences(edge), "\n"))
           << "</data>";
    }
    out_ << "</edge>\n";
  }
};

// A DOT double-quoted string, quotes included.
std::string DotString(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out + "\"";
}

absl::string_view DotColor(v1::Relation relation) {
  switch (relation) {
    case v1::RELATION_FOUNDED_BY:
      return "#1e8449";  // green
    case v1::RELATION_INVESTED_IN:
      return "#d35400";  // orange
    case v1::RELATION_ALUMNI_OF:
      return "#7d3c98";  // purple
    case v1::RELATION_HQ_IN:
      return "#2471a3";  // blue
    default:
      return "#7f8c8d";
  }
}

absl::string_view DotShape(v1::EntityType type) {
  switch (type) {
    case v1::ENTITY_TYPE_PERSON:
      return "ellipse";
    case v1::ENTITY_TYPE_ORGANIZATION:
      return "box";
    case v1::ENTITY_TYPE_PLACE:
      return "house";
    default:
      return "diamond";
  }
}

class DotWriter final : public WriterBase {
 public:
  explicit DotWriter(std::ostream* out) : WriterBase(out) {
    out_ << "// kg export. Render with: dot -Tsvg kg.dot > kg.svg\n"
         << "// Shapes: box organization, ellipse person, house place. Edge colours: green\n"
         << "// founded-by, orange invested-in, purple alumni-of, blue HQ-in.\n"
         << "digraph kg {\n"
         << "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false];\n"
         << "  node [fontname=\"Helvetica\", style=filled, fillcolor=\"#f8f9f9\"];\n"
         << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  }

  void Finish() override {
    out_ << "}\n";
    out_.flush();
  }

 private:
  void WriteEntity(const v1::Entity& entity) override {
    out_ << "  n" << entity.id() << " [label=" << DotString(entity.name())
         << ", shape=" << DotShape(entity.type())
         << ", tooltip=" << DotString(EntityTypeName(entity.type())) << "];\n";
  }

  void WriteEdge(const v1::Edge& edge, const v1::Entity& subject,
                 const v1::Entity& object) override {
    absl::string_view color = DotColor(edge.relation());
    std::string tooltip =
        edge.evidence_size() > 0 ? edge.evidence(0).sentence() : RelationName(edge.relation());
    out_ << "  n" << subject.id() << " -> n" << object.id()
         << " [label=" << DotString(RelationName(edge.relation())) << ", color=\"" << color
         << "\", fontcolor=\"" << color << "\"" << (edge.confirmed() ? "" : ", style=dashed")
         << ", tooltip=" << DotString(tooltip) << "];\n";
  }
};

// A Cypher single-quoted string, quotes included.
std::string CypherString(absl::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string CypherList(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& v : values) quoted.push_back(CypherString(v));
  return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
}

absl::string_view CypherLabel(v1::EntityType type) {
  switch (type) {
    case v1::ENTITY_TYPE_PERSON:
      return "Person";
    case v1::ENTITY_TYPE_ORGANIZATION:
      return "Organization";
    case v1::ENTITY_TYPE_PLACE:
      return "Place";
    default:
      return "";
  }
}

// Statements for Neo4j 5 (cypher-shell < export.cypher). MERGE on the kg id makes a
// second load of the same export change nothing.
class CypherWriter final : public WriterBase {
 public:
  explicit CypherWriter(std::ostream* out) : WriterBase(out) {
    out_ << "// kg export for Neo4j 5: cypher-shell -u neo4j -p PASSWORD < kg.cypher\n"
         << "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.kg_id IS "
            "UNIQUE;\n";
  }
  void Finish() override { out_.flush(); }

 private:
  void WriteEntity(const v1::Entity& entity) override {
    std::vector<std::string> aliases(entity.aliases().begin(), entity.aliases().end());
    absl::string_view label = CypherLabel(entity.type());
    out_ << "MERGE (n:Entity {kg_id: " << entity.id() << "}) SET "
         << (label.empty() ? "" : absl::StrCat("n:", label, ", "))
         << "n.name = " << CypherString(entity.name())
         << ", n.type = " << CypherString(EntityTypeName(entity.type()))
         << ", n.aliases = " << CypherList(aliases) << ";\n";
  }

  void WriteEdge(const v1::Edge& edge, const v1::Entity& subject,
                 const v1::Entity& object) override {
    out_ << "MATCH (s:Entity {kg_id: " << subject.id() << "}), (o:Entity {kg_id: " << object.id()
         << "}) MERGE (s)-[r:" << RelationIdentifier(edge.relation()) << "]->(o) SET "
         << "r.confidence = " << Number(edge.confidence())
         << ", r.confirmed = " << (edge.confirmed() ? "true" : "false")
         << ", r.article_ids = " << CypherList(ArticleIds(edge))
         << ", r.evidence = " << CypherList(Sentences(edge)) << ";\n";
  }
};

// An nGQL double-quoted string, quotes included.
std::string NgqlString(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// nGQL for NebulaGraph 3: a space whose vertex ids are the kg ids as strings, one
// tag for entities and one edge type per relation.
class NebulaWriter final : public WriterBase {
 public:
  explicit NebulaWriter(std::ostream* out) : WriterBase(out) {
    out_ << "# kg export for NebulaGraph 3: nebula-console -f kg.ngql\n"
         << "CREATE SPACE IF NOT EXISTS kg(partition_num = 1, replica_factor = 1, "
            "vid_type = FIXED_STRING(32));\n"
         << "USE kg;\n"
         << "CREATE TAG IF NOT EXISTS entity(name string, type string, aliases string);\n";
    for (v1::Relation relation : {v1::RELATION_FOUNDED_BY, v1::RELATION_INVESTED_IN,
                                  v1::RELATION_ALUMNI_OF, v1::RELATION_HQ_IN}) {
      out_ << "CREATE EDGE IF NOT EXISTS " << absl::AsciiStrToLower(RelationIdentifier(relation))
           << "(confidence double, confirmed bool, article_ids string, evidence string);\n";
    }
    out_ << "# New schema reaches the storage service after two heartbeats (20 s by default).\n"
         << ":sleep 20\n";
  }
  void Finish() override { out_.flush(); }

 private:
  void WriteEntity(const v1::Entity& entity) override {
    out_ << "INSERT VERTEX entity(name, type, aliases) VALUES \"" << entity.id() << "\":("
         << NgqlString(entity.name()) << ", " << NgqlString(EntityTypeName(entity.type())) << ", "
         << NgqlString(absl::StrJoin(entity.aliases(), kListSeparator)) << ");\n";
  }

  void WriteEdge(const v1::Edge& edge, const v1::Entity& subject,
                 const v1::Entity& object) override {
    out_ << "INSERT EDGE " << absl::AsciiStrToLower(RelationIdentifier(edge.relation()))
         << "(confidence, confirmed, article_ids, evidence) VALUES \"" << subject.id() << "\"->\""
         << object.id() << "\":(" << Number(edge.confidence()) << ", "
         << (edge.confirmed() ? "true" : "false") << ", "
         << NgqlString(absl::StrJoin(ArticleIds(edge), kListSeparator)) << ", "
         << NgqlString(absl::StrJoin(Sentences(edge), "\n")) << ");\n";
  }
};

}  // namespace

void ExportWriter::Add(const v1::ExportGraphResponse& item) {
  if (item.has_entity()) AddEntity(item.entity());
  if (item.has_edge()) AddEdge(item.edge());
}

absl::StatusOr<std::unique_ptr<ExportWriter>> MakeExportWriter(absl::string_view format,
                                                               std::ostream* out) {
  std::string name = absl::AsciiStrToLower(format);
  if (name == "jsonl" || name == "json") return std::make_unique<JsonlWriter>(out);
  if (name == "tsv") return std::make_unique<TsvWriter>(out);
  if (name == "graphml") return std::make_unique<GraphmlWriter>(out);
  if (name == "dot") return std::make_unique<DotWriter>(out);
  if (name == "cypher") return std::make_unique<CypherWriter>(out);
  if (name == "nebula" || name == "ngql") return std::make_unique<NebulaWriter>(out);
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown export format \"", format, "\"; use one of ", absl::StrJoin(kExportFormats, ", ")));
}

absl::StatusOr<std::vector<TsvFact>> ParseTsvExport(absl::string_view text) {
  std::vector<TsvFact> facts;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    if (line.empty() || line == kTsvHeader) continue;
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() != 4) {
      return absl::InvalidArgumentError(absl::StrCat("line ", line_number, " has ", fields.size(),
                                                     " tab-separated fields, expected 4"));
    }
    const auto split_list = [](absl::string_view field) {
      std::vector<std::string> values;
      if (field.empty()) return values;
      for (absl::string_view v : absl::StrSplit(field, kListSeparator)) {
        values.push_back(TsvUnescape(v));
      }
      return values;
    };
    facts.push_back(TsvFact{split_list(fields[0]), std::string(fields[1]), split_list(fields[2]),
                            split_list(fields[3])});
  }
  return facts;
}

}  // namespace kg::client
