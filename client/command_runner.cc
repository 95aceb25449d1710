#include "client/command_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "client/export_writer.h"
#include "client/names.h"
#include "client/text_table.h"

namespace kg::client {
namespace {

// Servers page neighbors and articles; a runaway token loop stops here.
constexpr int kMaxPages = 10000;
// Titles sent with `kg ingest` are the first line of the text, cut to this many bytes.
constexpr size_t kMaxTitleBytes = 200;

std::string JoinArgs(const std::vector<std::string>& args) { return absl::StrJoin(args, " "); }

std::string CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return absl::StrCat("code ", static_cast<int>(code));
  }
}

// One input of `kg ingest`: a file, or standard input when `path` is "-".
struct IngestInput {
  std::string path;
  std::string id;  // Empty: the server derives one from the text.
};

std::string TitleOf(absl::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = absl::StripAsciiWhitespace(text.substr(start, end - start));
    if (!line.empty()) {
      if (line.size() <= kMaxTitleBytes) return std::string(line);
      // Cut at a UTF-8 boundary: never in front of a continuation byte.
      size_t cut = kMaxTitleBytes;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      return std::string(line.substr(0, cut));
    }
    start = end + 1;
  }
  return "";
}

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or npos.
// Proto3 strings must be UTF-8, and the server's extractor reads nothing else.
size_t FirstInvalidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length = 0;
    uint32_t min = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    uint32_t cp = lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return absl::string_view::npos;
}

std::string ProgressBar(size_t done, size_t total, absl::string_view current) {
  constexpr size_t kWidth = 30;
  size_t filled = total == 0 ? kWidth : done * kWidth / total;
  std::string name(current.substr(0, 40));
  return absl::StrCat("\r\033[K[", std::string(filled, '#'), std::string(kWidth - filled, '.'),
                      "] ", done, "/", total, " ", name);
}

}  // namespace

const std::vector<CommandSpec>& Commands() {
  static const auto* const kCommands = new std::vector<CommandSpec>{
      {"ask",
       "kg ask \"QUESTION\"",
       "answer a question in English or Vietnamese",
       "Answers from the graph, with the evidence sentence under each answer and the\n"
       "query the question was understood as. Exits 1 when the graph has no answer.\n\n"
       "Examples:\n"
       "  kg ask \"who did Alibaba invest in\"\n"
       "  kg ask \"who founded Rokid\"\n"
       "  kg ask \"how is Misa Zhu connected to Eddie Wu\"\n"
       "  kg ask \"Alibaba đã đầu tư vào những công ty nào\"\n",
       {"include_unconfirmed"}},
      {"entity",
       "kg entity NAME",
       "show one entity: type, aliases, edge counts, articles",
       "NAME is a name, alias or numeric id; case and diacritics do not matter.\n\n"
       "Examples:\n"
       "  kg entity Alibaba\n"
       "  kg entity \"Moonshot AI\" --json\n",
       {}},
      {"search",
       "kg search PREFIX [--limit N]",
       "find entities by name, alias or prefix",
       "Ranked matches, best first, for completion; small typos match too.\n"
       "Piped columns: name, type, id, matched name, how it matched, score.\n\n"
       "Examples:\n"
       "  kg search Ali\n"
       "  kg search moonshot --limit 3\n",
       {"limit"}},
      {"neighbors",
       "kg neighbors NAME [--relation R]... [--direction in|out|both]",
       "the entities one edge away, with the evidence for each edge",
       "One neighbor per line, with the evidence sentences (and their article ids) below it.\n"
       "Relations: founded-by, invested-in, alumni-of, HQ-in (case-insensitive, '-' or '_');\n"
       "--relation can be given several times. --direction out follows subject -> object\n"
       "(\"who did Alibaba invest in\"), in the reverse (\"who invested in Moonshot AI\").\n"
       "Piped: name, relation, direction, type, confidence; then one line per evidence:\n"
       "<tab>article id<tab>sentence.\n\n"
       "Examples:\n"
       "  kg neighbors Alibaba --relation invested-in\n"
       "  kg neighbors \"Moonshot AI\" --relation invested-in --direction in\n"
       "  kg neighbors Rokid --relation founded-by --relation HQ-in\n",
       {"relation", "direction", "include_unconfirmed"}},
      {"neighborhood",
       "kg neighborhood NAME --hops K [--relation R]... [--direction D]",
       "everything within K hops of an entity",
       "The entities by distance, then the edges among them with their evidence.\n"
       "Piped: node<tab>distance<tab>name<tab>type and edge<tab>subject<tab>relation<tab>\n"
       "object<tab>confidence, each edge followed by its evidence lines.\n\n"
       "Examples:\n"
       "  kg neighborhood Alibaba --hops 2\n"
       "  kg neighborhood Rokid --hops 1 --relation founded-by\n",
       {"hops", "relation", "direction", "include_unconfirmed"}},
      {"path",
       "kg path FROM TO [--max-hops N] [--all] [--limit N]",
       "how two entities are connected, hop by hop",
       "Prints each path with arrows, e.g.\n"
       "  Misa Zhu Mingming <-[founded-by]- Rokid <-[invested-in]- Vision Plus Capital\n"
       "then each hop with its evidence. By default one shortest path; --all gives every\n"
       "path up to --max-hops (default 4), shortest first, at most --limit of them.\n"
       "Exits 1 when no path exists within --max-hops.\n\n"
       "Examples:\n"
       "  kg path \"Misa Zhu\" \"Eddie Wu\"\n"
       "  kg path Alibaba Rokid --max-hops 3 --all\n",
       {"max_hops", "all", "limit", "relation", "direction", "include_unconfirmed"}},
      {"ingest",
       "kg ingest FILE|DIR|- ...",
       "extract and store articles",
       "Sends each article to the server, which extracts its facts and stores them.\n"
       "A DIR means every *.txt file under it; - reads one article from standard input.\n"
       "A file's article id is its name without .txt, so ingesting it again changes nothing.\n"
       "Shows a progress bar on a terminal, one line per article otherwise\n"
       "(outcome<tab>article id<tab>facts<tab>file), then a summary. Exits 4 if any\n"
       "article failed, naming each failure and why. Needs --token_file when the server\n"
       "was started with --auth_token_file.\n\n"
       "Examples:\n"
       "  kg ingest seeds/\n"
       "  kg ingest article.txt --token_file ~/.kg-token\n"
       "  curl -s https://example.com/news.txt | kg ingest -\n",
       {}},
      {"delete",
       "kg delete ARTICLE_ID",
       "remove an article and the facts only it supported",
       "Needs --token_file when the server was started with --auth_token_file.\n\n"
       "Examples:\n"
       "  kg delete 000_2786d1448190f57d\n",
       {}},
      {"articles",
       "kg articles",
       "list the stored articles",
       "Piped columns: id, facts, bytes, ingested (unix seconds), title.\n\n"
       "Examples:\n"
       "  kg articles\n"
       "  kg articles --json | jq -r .id\n",
       {}},
      {"stats",
       "kg stats",
       "count entities, edges, articles and evidence",
       "Examples:\n"
       "  kg stats\n",
       {}},
      {"export",
       "kg export --format jsonl|tsv|graphml|dot|cypher|nebula [--around NAME --hops K]",
       "write the whole graph, or a neighborhood, for other tools",
       "Formats:\n"
       "  jsonl    one JSON object per line: {\"entity\": ...} then {\"edge\": ...}\n"
       "  tsv      one fact per line: subject, relation, object (each as name | aliases),\n"
       "           article ids; after a header line\n"
       "  graphml  GraphML for Gephi, yEd, NetworkX\n"
       "  dot      Graphviz: relation-coloured edges, shapes by entity type\n"
       "  cypher   MERGE statements for Neo4j (cypher-shell < kg.cypher)\n"
       "  nebula   nGQL for NebulaGraph (CREATE TAG/EDGE, INSERT VERTEX/EDGE)\n\n"
       "Examples:\n"
       "  kg export --format dot --around Alibaba --hops 2 | dot -Tsvg > alibaba.svg\n"
       "  kg export --format tsv > kg.tsv\n"
       "  kg export --format cypher | cypher-shell -u neo4j -p secret\n",
       {"format", "around", "hops", "relation", "include_unconfirmed"}},
  };
  return *kCommands;
}

const CommandSpec* FindCommand(absl::string_view name) {
  for (const CommandSpec& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

const std::vector<std::string>& CommonFlags() {
  static const auto* const kFlags = new std::vector<std::string>{
      "server", "json", "token_file", "timeout", "tls_ca_file", "help"};
  return *kFlags;
}

std::string GeneralHelp() {
  std::string text =
      "kg: explore the kg knowledge graph (companies, founders, investors, alumni, cities)\n\n"
      "Usage: kg COMMAND [ARGS] [FLAGS]\n\nCommands:\n";
  for (const CommandSpec& command : Commands()) {
    absl::StrAppend(&text, "  ", command.name, std::string(14 - command.name.size(), ' '),
                    command.summary, "\n");
  }
  absl::StrAppend(
      &text,
      "\nCommon flags:\n"
      "  --server HOST:PORT   kg-server to talk to (default localhost:50051, or $KG_SERVER)\n"
      "  --json               machine output: one JSON object per line\n"
      "  --token_file FILE    bearer token for ingest and delete\n"
      "  --timeout SECONDS    deadline of each call (default 30)\n"
      "  --tls_ca_file FILE   use TLS, trusting these root certificates (PEM)\n\n"
      "Output: tables and colours on a terminal (NO_COLOR turns colours off); plain,\n"
      "tab-separated lines when piped.\n"
      "Exit codes: 0 success, 1 not found or no answer, 2 usage error, 3 server\n"
      "unreachable, 4 other server error.\n\n"
      "Examples:\n"
      "  kg neighbors Alibaba --relation invested-in\n"
      "  kg ask \"who founded Rokid\"\n"
      "  kg path \"Misa Zhu\" \"Eddie Wu\"\n"
      "  kg export --format dot --around Alibaba --hops 2 | dot -Tsvg > alibaba.svg\n\n"
      "Run kg COMMAND --help for a command's flags and examples.\n");
  return text;
}

std::string CommandHelp(const CommandSpec& command) {
  return absl::StrCat("Usage: ", command.usage, "\n\n", command.summary, ".\n\n", command.details,
                      "\nCommon flags: --server, --json, --token_file, --timeout, --tls_ca_file "
                      "(kg --help).\n");
}

CommandRunner::CommandRunner(std::shared_ptr<grpc::Channel> channel, ClientOptions options,
                             std::ostream* out, std::ostream* err, std::istream* in)
    : channel_(std::move(channel)),
      stub_(v1::KnowledgeGraph::NewStub(channel_)),
      options_(std::move(options)),
      formatter_(options_.style),
      out_(*out),
      err_(*err),
      in_(*in) {}

ExitCode CommandRunner::Run(absl::string_view command, const CommandArgs& args) {
  if (command == "ask") return Ask(args);
  if (command == "entity") return Entity(args);
  if (command == "search") return Search(args);
  if (command == "neighbors") return Neighbors(args);
  if (command == "neighborhood") return Neighborhood(args);
  if (command == "path") return Path(args);
  if (command == "ingest") return Ingest(args);
  if (command == "delete") return Delete(args);
  if (command == "articles") return Articles(args);
  if (command == "stats") return Stats(args);
  if (command == "export") return Export(args);
  return Usage(absl::StrCat("unknown command \"", command, "\"; kg --help lists the commands"));
}

void CommandRunner::Prepare(grpc::ClientContext* context, bool write) const {
  if (options_.timeout_seconds > 0) {
    context->set_deadline(
        std::chrono::system_clock::now() +
        std::chrono::milliseconds(static_cast<int64_t>(options_.timeout_seconds * 1000)));
  }
  if (write && !options_.token.empty()) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", options_.token));
  }
}

ExitCode CommandRunner::Usage(absl::string_view message) {
  err_ << "kg: " << message << "\n";
  return ExitCode::kUsage;
}

ExitCode CommandRunner::Fail(const grpc::Status& status, absl::string_view what) {
  const std::string& message = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      // A deadline that passes while still connecting means nobody answers at all.
      if (channel_->GetState(false) == GRPC_CHANNEL_READY) {
        err_ << "kg: " << what << ": the server did not answer within " << options_.timeout_seconds
             << " s; try again with a larger --timeout\n";
        return ExitCode::kServerError;
      }
      [[fallthrough]];
    case grpc::StatusCode::UNAVAILABLE:
      err_ << "kg: cannot reach kg-server at " << options_.server << " (" << message << ")\n"
           << "    is kg-server running on " << options_.server
           << "? Start it with scripts/serve.sh, or point kg at it with --server HOST:PORT or "
              "the KG_SERVER environment variable.\n";
      return ExitCode::kUnreachable;
    case grpc::StatusCode::NOT_FOUND:
      err_ << "kg: " << message << "\n    (kg search PREFIX finds names the graph knows)\n";
      return ExitCode::kNotFound;
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      err_ << "kg: " << message << "\n";
      return ExitCode::kUsage;
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      err_ << "kg: " << what << " was refused: " << message << "\n"
           << "    this server needs its bearer token: pass --token_file FILE (the file the "
              "server was started with as --auth_token_file)\n";
      return ExitCode::kServerError;
    default:
      err_ << "kg: " << what << " failed: " << CodeName(status.error_code()) << ": " << message
           << "\n";
      return ExitCode::kServerError;
  }
}

ExitCode CommandRunner::Ask(const CommandArgs& args) {
  if (args.positional.empty()) return Usage("ask needs a question: kg ask \"who founded Rokid\"");
  v1::AskRequest request;
  request.set_question(JoinArgs(args.positional));
  request.set_include_unconfirmed(args.include_unconfirmed);
  v1::AskResponse response;
  grpc::ClientContext context;
  Prepare(&context, false);
  grpc::Status status = stub_->Ask(&context, request, &response);
  if (!status.ok()) return Fail(status, "ask");
  out_ << (options_.json ? ToJson(response) + "\n" : formatter_.Ask(response));
  if (response.answers_size() == 0 && response.paths_size() == 0) {
    err_ << "kg: the graph has no answer to that question\n";
    return ExitCode::kNotFound;
  }
  return ExitCode::kOk;
}

ExitCode CommandRunner::Entity(const CommandArgs& args) {
  if (args.positional.empty()) return Usage("entity needs a NAME: kg entity Alibaba");
  v1::GetEntityRequest request;
  request.set_entity(JoinArgs(args.positional));
  v1::GetEntityResponse response;
  grpc::ClientContext context;
  Prepare(&context, false);
  grpc::Status status = stub_->GetEntity(&context, request, &response);
  if (!status.ok()) return Fail(status, "entity");
  out_ << (options_.json ? ToJson(response) + "\n" : formatter_.Entity(response));
  return ExitCode::kOk;
}

ExitCode CommandRunner::Search(const CommandArgs& args) {
  if (args.positional.empty()) return Usage("search needs a PREFIX: kg search Ali");
  v1::SearchEntitiesRequest request;
  request.set_query(JoinArgs(args.positional));
  request.set_page_size(args.limit);
  v1::SearchEntitiesResponse response;
  grpc::ClientContext context;
  Prepare(&context, false);
  grpc::Status status = stub_->SearchEntities(&context, request, &response);
  if (!status.ok()) return Fail(status, "search");
  out_ << (options_.json ? ToJson(response) + "\n" : formatter_.Search(response));
  if (response.matches_size() == 0) {
    err_ << "kg: no entity matches \"" << request.query() << "\"\n";
    return ExitCode::kNotFound;
  }
  return ExitCode::kOk;
}

ExitCode CommandRunner::Neighbors(const CommandArgs& args) {
  if (args.positional.empty()) {
    return Usage("neighbors needs a NAME: kg neighbors Alibaba --relation invested-in");
  }
  v1::NeighborsRequest request;
  request.set_entity(JoinArgs(args.positional));
  for (v1::Relation relation : args.relations) request.add_relations(relation);
  request.set_direction(args.direction);
  request.set_include_unconfirmed(args.include_unconfirmed);
  // All pages, merged into one response.
  v1::NeighborsResponse all;
  for (int page = 0; page < kMaxPages; ++page) {
    v1::NeighborsResponse response;
    grpc::ClientContext context;
    Prepare(&context, false);
    grpc::Status status = stub_->Neighbors(&context, request, &response);
    if (!status.ok()) return Fail(status, "neighbors");
    if (page == 0) {
      *all.mutable_entity() = response.entity();
      all.set_total_size(response.total_size());
    }
    for (v1::Neighbor& n : *response.mutable_neighbors()) *all.add_neighbors() = std::move(n);
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  out_ << (options_.json ? ToJson(all) + "\n" : formatter_.Neighbors(all));
  if (all.neighbors_size() == 0) {
    err_ << "kg: " << all.entity().name() << " has no neighbors"
         << (args.relations.empty() ? "" : " with those relations") << "\n";
    return ExitCode::kNotFound;
  }
  return ExitCode::kOk;
}

ExitCode CommandRunner::Neighborhood(const CommandArgs& args) {
  if (args.positional.empty()) {
    return Usage("neighborhood needs a NAME: kg neighborhood Alibaba --hops 2");
  }
  v1::NeighborhoodRequest request;
  request.set_entity(JoinArgs(args.positional));
  request.set_hops(args.hops);
  for (v1::Relation relation : args.relations) request.add_relations(relation);
  request.set_direction(args.direction);
  request.set_include_unconfirmed(args.include_unconfirmed);
  v1::NeighborhoodResponse response;
  grpc::ClientContext context;
  Prepare(&context, false);
  grpc::Status status = stub_->Neighborhood(&context, request, &response);
  if (!status.ok()) return Fail(status, "neighborhood");
  out_ << (options_.json ? ToJson(response) + "\n" : formatter_.Neighborhood(response));
  return ExitCode::kOk;
}

ExitCode CommandRunner::Path(const CommandArgs& args) {
  if (args.positional.size() != 2) {
    return Usage(
        absl::StrCat("path needs FROM and TO (quote names with spaces): "
                     "kg path \"Misa Zhu\" \"Eddie Wu\"; got ",
                     args.positional.size(), " argument(s)"));
  }
  v1::FindPathsRequest request;
  request.set_from_entity(args.positional[0]);
  request.set_to_entity(args.positional[1]);
  request.set_mode(args.all ? v1::PATH_MODE_ALL : v1::PATH_MODE_SHORTEST);
  request.set_max_hops(args.max_hops);
  request.set_max_paths(args.limit);
  for (v1::Relation relation : args.relations) request.add_relations(relation);
  request.set_direction(args.direction);
  request.set_include_unconfirmed(args.include_unconfirmed);
  v1::FindPathsResponse response;
  grpc::ClientContext context;
  Prepare(&context, false);
  grpc::Status status = stub_->FindPaths(&context, request, &response);
  if (!status.ok()) return Fail(status, "path");
  out_ << (options_.json ? ToJson(response) + "\n" : formatter_.Paths(response));
  if (response.paths_size() == 0) {
    err_ << "kg: no path from " << request.from_entity() << " to " << request.to_entity()
         << " within " << (args.max_hops > 0 ? args.max_hops : 4)
         << " hops (try a larger --max-hops)\n";
    return ExitCode::kNotFound;
  }
  return ExitCode::kOk;
}

ExitCode CommandRunner::Ingest(const CommandArgs& args) {
  if (args.positional.empty()) return Usage("ingest needs FILE, DIR or -: kg ingest seeds/");
  std::vector<IngestInput> inputs;
  for (const std::string& arg : args.positional) {
    if (arg == "-") {
      inputs.push_back({"-", ""});
      continue;
    }
    std::error_code ec;
    std::filesystem::file_status st = std::filesystem::status(arg, ec);
    if (ec || !std::filesystem::exists(st)) {
      return Usage(absl::StrCat("cannot ingest ", arg, ": no such file or directory"));
    }
    if (std::filesystem::is_directory(st)) {
      std::vector<std::string> files;
      std::filesystem::recursive_directory_iterator it(arg, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") {
          files.push_back(it->path().string());
        }
      }
      if (ec) return Usage(absl::StrCat("cannot list ", arg, ": ", ec.message()));
      if (files.empty()) return Usage(absl::StrCat("no *.txt files under ", arg));
      std::sort(files.begin(), files.end());
      for (std::string& file : files) {
        std::string stem = std::filesystem::path(file).stem().string();
        inputs.push_back({std::move(file), std::move(stem)});
      }
    } else {
      inputs.push_back({arg, std::filesystem::path(arg).stem().string()});
    }
  }

  struct Failure {
    std::string path;
    std::string reason;
  };
  std::vector<Failure> failures;
  int added = 0, unchanged = 0, replaced = 0;
  int64_t facts_added = 0;
  const bool bar = options_.progress_bar && !options_.json;
  const auto record_failure = [&](const IngestInput& input, absl::string_view code,
                                  absl::string_view message) {
    if (options_.json) {
      out_ << "{\"file\":" << JsonString(input.path) << ",\"error\":{\"code\":" << JsonString(code)
           << ",\"message\":" << JsonString(message) << "}}\n";
    } else if (!bar) {
      out_ << "failed\t" << OneLine(input.id) << "\t0\t" << OneLine(input.path) << "\t"
           << OneLine(absl::StrCat(code, ": ", message)) << "\n";
    }
    failures.push_back({input.path, absl::StrCat(code, ": ", message)});
  };
  for (size_t i = 0; i < inputs.size(); ++i) {
    const IngestInput& input = inputs[i];
    if (bar) err_ << ProgressBar(i, inputs.size(), input.path) << std::flush;
    std::string text;
    if (input.path == "-") {
      text.assign(std::istreambuf_iterator<char>(in_), std::istreambuf_iterator<char>());
    } else {
      std::ifstream file(input.path, std::ios::binary);
      if (!file) {
        record_failure(input, "NOT_FOUND", "cannot read the file");
        continue;
      }
      text.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    }
    if (size_t bad = FirstInvalidUtf8(text); bad != absl::string_view::npos) {
      record_failure(input, "INVALID_ARGUMENT",
                     absl::StrCat("not UTF-8 text (invalid byte at offset ", bad,
                                  "); convert it first, e.g. with iconv -t UTF-8"));
      continue;
    }
    v1::IngestArticleRequest request;
    request.set_id(input.id);
    request.set_title(TitleOf(text));
    request.set_text(std::move(text));
    v1::IngestArticleResponse response;
    grpc::ClientContext context;
    Prepare(&context, true);
    grpc::Status status = stub_->IngestArticle(&context, request, &response);
    const grpc::StatusCode code = status.error_code();
    if (code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::UNAUTHENTICATED ||
        code == grpc::StatusCode::PERMISSION_DENIED ||
        (code == grpc::StatusCode::DEADLINE_EXCEEDED &&
         channel_->GetState(false) != GRPC_CHANNEL_READY)) {
      // Every other article would fail the same way.
      if (bar) err_ << "\r\033[K";
      return Fail(status, absl::StrCat("ingest ", input.path));
    }
    if (!status.ok()) {
      record_failure(input, CodeName(code), status.error_message());
      continue;
    }
    int facts = 0;
    switch (response.outcome()) {
      case v1::INGEST_OUTCOME_UNCHANGED:
        ++unchanged;
        break;
      case v1::INGEST_OUTCOME_REPLACED:
        ++replaced;
        facts = response.facts_size();
        break;
      default:
        ++added;
        facts = response.facts_size();
    }
    facts_added += facts;
    if (options_.json) {
      out_ << "{\"file\":" << JsonString(input.path) << ",\"response\":" << ToJson(response)
           << "}\n";
    } else if (!bar) {
      out_ << IngestOutcomeName(response.outcome()) << "\t" << OneLine(response.article_id())
           << "\t" << facts << "\t" << OneLine(input.path) << "\n";
    }
  }
  if (bar) err_ << ProgressBar(inputs.size(), inputs.size(), "") << "\n";
  const int failed = static_cast<int>(failures.size());
  if (options_.json) {
    out_ << "{\"summary\":{\"articles\":" << inputs.size() << ",\"new\":" << added
         << ",\"unchanged\":" << unchanged << ",\"replaced\":" << replaced
         << ",\"failed\":" << failed << ",\"facts_added\":" << facts_added << "}}\n";
  } else {
    out_ << (options_.style.terminal ? "" : "# ") << inputs.size()
         << (inputs.size() == 1 ? " article: " : " articles: ") << added << " new, " << unchanged
         << " unchanged, " << replaced << " replaced, " << failed << " failed; " << facts_added
         << (facts_added == 1 ? " fact added\n" : " facts added\n");
  }
  for (const Failure& f : failures)
    err_ << "kg: failed to ingest " << f.path << ": " << f.reason << "\n";
  return failures.empty() ? ExitCode::kOk : ExitCode::kServerError;
}

ExitCode CommandRunner::Delete(const CommandArgs& args) {
  if (args.positional.size() != 1) {
    return Usage("delete needs one ARTICLE_ID (kg articles lists them): kg delete ID");
  }
  v1::DeleteArticleRequest request;
  request.set_id(args.positional[0]);
  v1::DeleteArticleResponse response;
  grpc::ClientContext context;
  Prepare(&context, true);
  grpc::Status status = stub_->DeleteArticle(&context, request, &response);
  if (!status.ok()) return Fail(status, absl::StrCat("delete ", request.id()));
  if (options_.json) {
    out_ << ToJson(response) << "\n";
  } else if (options_.style.terminal) {
    out_ << "deleted article " << request.id() << ": " << response.edges_removed() << " edges and "
         << response.entities_removed() << " entities removed\n";
  } else {
    out_ << "deleted\t" << OneLine(request.id()) << "\t" << response.edges_removed() << "\t"
         << response.entities_removed() << "\n";
  }
  return ExitCode::kOk;
}

ExitCode CommandRunner::Articles(const CommandArgs& args) {
  if (!args.positional.empty()) return Usage("articles takes no arguments");
  v1::ListArticlesRequest request;
  v1::ListArticlesResponse all;
  for (int page = 0; page < kMaxPages; ++page) {
    v1::ListArticlesResponse response;
    grpc::ClientContext context;
    Prepare(&context, false);
    grpc::Status status = stub_->ListArticles(&context, request, &response);
    if (!status.ok()) return Fail(status, "articles");
    for (v1::Article& a : *response.mutable_articles()) {
      if (options_.json) {
        out_ << ToJson(a) << "\n";
      } else {
        *all.add_articles() = std::move(a);
      }
    }
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  if (!options_.json) out_ << formatter_.Articles(all);
  return ExitCode::kOk;
}

ExitCode CommandRunner::Stats(const CommandArgs& args) {
  if (!args.positional.empty()) return Usage("stats takes no arguments");
  v1::GetStatsResponse response;
  grpc::ClientContext context;
  Prepare(&context, false);
  grpc::Status status = stub_->GetStats(&context, v1::GetStatsRequest(), &response);
  if (!status.ok()) return Fail(status, "stats");
  out_ << (options_.json ? ToJson(response) + "\n" : formatter_.Stats(response));
  return ExitCode::kOk;
}

ExitCode CommandRunner::Export(const CommandArgs& args) {
  if (!args.positional.empty()) {
    return Usage("export takes no arguments; use --around NAME for a neighborhood");
  }
  if (args.hops != 0 && args.around.empty()) {
    return Usage("--hops needs --around NAME: kg export --format dot --around Alibaba --hops 2");
  }
  // The export goes to a buffer first, so that a failed stream prints no half document.
  std::ostringstream buffer;
  absl::StatusOr<std::unique_ptr<ExportWriter>> writer = MakeExportWriter(args.format, &buffer);
  if (!writer.ok()) return Usage(writer.status().message());
  v1::ExportGraphRequest request;
  request.set_around_entity(args.around);
  request.set_hops(args.hops);
  for (v1::Relation relation : args.relations) request.add_relations(relation);
  request.set_include_unconfirmed(args.include_unconfirmed);
  grpc::ClientContext context;
  Prepare(&context, false);
  std::unique_ptr<grpc::ClientReader<v1::ExportGraphResponse>> reader =
      stub_->ExportGraph(&context, request);
  v1::ExportGraphResponse item;
  while (reader->Read(&item)) (*writer)->Add(item);
  grpc::Status status = reader->Finish();
  if (!status.ok()) return Fail(status, "export");
  (*writer)->Finish();
  out_ << buffer.str();
  out_.flush();
  return ExitCode::kOk;
}

}  // namespace kg::client
