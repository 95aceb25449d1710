// client/command_runner.h: the `kg` commands. Each one calls the kg.v1 API through
// the generated stub and prints the answer (client/output.h) or the export
// (client/export_writer.h). main.cc parses the command line and builds one of these.
#ifndef KG_CLIENT_COMMAND_RUNNER_H_
#define KG_CLIENT_COMMAND_RUNNER_H_

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "client/output.h"
#include "grpcpp/grpcpp.h"
#include "proto/kg.grpc.pb.h"

namespace kg::client {

// What `kg` exits with. Scripts rely on these: do not renumber.
enum class ExitCode : int {
  kOk = 0,
  kNotFound = 1,     // Unknown entity or article, or no answer / empty result.
  kUsage = 2,        // Bad command line or a request the server rejected as invalid.
  kUnreachable = 3,  // No server at --server (UNAVAILABLE, or the deadline passed connecting).
  kServerError = 4,  // Any other failure, including a failed article in `kg ingest`.
};

// One command of `kg`, for help and for checking the command line.
struct CommandSpec {
  std::string name;
  std::string usage;    // "kg neighbors NAME [--relation R]... [--direction in|out|both]"
  std::string summary;  // One line for `kg --help`.
  std::string details;  // What it does and prints, its flags and examples, for `kg NAME --help`.
  // Flags it takes besides the common ones, spelled with '_' ("max_hops").
  std::vector<std::string> flags;
};

// Every command, in the order `kg --help` lists them.
const std::vector<CommandSpec>& Commands();
const CommandSpec* FindCommand(absl::string_view name);
// Flags every command takes: server, json, token_file, timeout, tls_ca_file, help.
const std::vector<std::string>& CommonFlags();

// `kg --help`: usage, the commands, the common flags, exit codes.
std::string GeneralHelp();
// `kg COMMAND --help`.
std::string CommandHelp(const CommandSpec& command);

struct ClientOptions {
  // host:port of kg-server; only used in messages (the channel is already made).
  std::string server = "localhost:50051";
  // Print each response as JSON (one object per line) instead of text.
  bool json = false;
  OutputStyle style;
  // Whether stderr is a terminal: `kg ingest` draws its progress bar there.
  bool progress_bar = false;
  // Sent as "authorization: Bearer <token>" on IngestArticle and DeleteArticle when set.
  std::string token;
  // Deadline of each call, in seconds; none when <= 0.
  double timeout_seconds = 30;
};

// The command line after the command name, parsed.
struct CommandArgs {
  std::vector<std::string> positional;
  std::vector<v1::Relation> relations;  // --relation, repeatable.
  v1::Direction direction = v1::DIRECTION_UNSPECIFIED;
  int hops = 0;                  // --hops; 0 means the server's default.
  int max_hops = 0;              // --max_hops.
  bool all = false;              // --all: every path up to --max_hops, not only the shortest.
  int limit = 0;                 // --limit: search matches, paths; 0 means the server's default.
  std::string format = "jsonl";  // --format for export.
  std::string around;            // --around for export.
  bool include_unconfirmed = false;
};

// Runs commands against one server. Not thread-safe; one command at a time.
class CommandRunner {
 public:
  // `out`, `err` and `in` must outlive the runner; `in` is read by `kg ingest -`.
  CommandRunner(std::shared_ptr<grpc::Channel> channel, ClientOptions options, std::ostream* out,
                std::ostream* err, std::istream* in);

  // Runs `command` (a name from Commands()) and returns its exit code. Results go to
  // `out`; errors go to `err` and say what to do next.
  ExitCode Run(absl::string_view command, const CommandArgs& args);

 private:
  ExitCode Ask(const CommandArgs& args);
  ExitCode Entity(const CommandArgs& args);
  ExitCode Search(const CommandArgs& args);
  ExitCode Neighbors(const CommandArgs& args);
  ExitCode Neighborhood(const CommandArgs& args);
  ExitCode Path(const CommandArgs& args);
  ExitCode Ingest(const CommandArgs& args);
  ExitCode Delete(const CommandArgs& args);
  ExitCode Articles(const CommandArgs& args);
  ExitCode Stats(const CommandArgs& args);
  ExitCode Export(const CommandArgs& args);

  // Sets the deadline and, for write calls, the bearer token.
  void Prepare(grpc::ClientContext* context, bool write) const;
  // Prints what went wrong and what to do about it; returns the exit code for it.
  ExitCode Fail(const grpc::Status& status, absl::string_view what);
  ExitCode Usage(absl::string_view message);

  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::KnowledgeGraph::Stub> stub_;
  ClientOptions options_;
  Formatter formatter_;
  std::ostream& out_;
  std::ostream& err_;
  std::istream& in_;
};

}  // namespace kg::client

#endif  // KG_CLIENT_COMMAND_RUNNER_H_
