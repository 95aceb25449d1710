// kg: the command line client of kg-server. See `kg --help`.
//
// The flags are absl flags, but the command line is read here rather than by
// absl::ParseCommandLine: `kg` has subcommands, --relation may be repeated, and a
// bad flag must exit with 2 (usage) and point at `kg COMMAND --help`.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/reflection.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "client/command_runner.h"
#include "client/names.h"
#include "grpcpp/grpcpp.h"

ABSL_FLAG(std::string, server, "localhost:50051",
          "kg-server address, host:port; the KG_SERVER environment variable when not given");
ABSL_FLAG(bool, json, false, "print machine output: one JSON object per line");
ABSL_FLAG(std::string, token_file, "", "file holding the bearer token for ingest and delete");
ABSL_FLAG(double, timeout, 30, "deadline of each call in seconds; 0 for none");
ABSL_FLAG(std::string, tls_ca_file, "", "use TLS, trusting the root certificates in this PEM file");
ABSL_FLAG(bool, help, false, "show help");
ABSL_FLAG(std::string, direction, "both", "in, out or both");
ABSL_FLAG(int32_t, hops, 0, "radius in hops");
ABSL_FLAG(int32_t, max_hops, 0, "longest path, in hops");
ABSL_FLAG(bool, all, false, "every path up to --max_hops, not only the shortest");
ABSL_FLAG(int32_t, limit, 0, "at most this many results");
ABSL_FLAG(std::string, format, "jsonl", "export format");
ABSL_FLAG(std::string, around, "", "export only the neighborhood of this entity");
ABSL_FLAG(bool, include_unconfirmed, false, "include planned, rumoured or negated relations");

namespace {

using kg::client::ExitCode;

constexpr absl::string_view kBoolFlags[] = {"json", "all", "help", "include_unconfirmed"};

bool IsBoolFlag(absl::string_view name) {
  for (absl::string_view b : kBoolFlags) {
    if (b == name) return true;
  }
  return false;
}

int UsageError(const std::string& message, const std::string& command) {
  std::cerr << "kg: " << message << "\n"
            << "    see kg " << (command.empty() ? "" : command + " ") << "--help\n";
  return static_cast<int>(ExitCode::kUsage);
}

bool ReadTokenFile(const std::string& path, std::string* token, std::string* error) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    *error = absl::StrCat("cannot read --token_file ", path);
    return false;
  }
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  *token = std::string(absl::StripAsciiWhitespace(text));
  if (token->empty()) {
    *error = absl::StrCat("--token_file ", path, " is empty");
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command;
  kg::client::CommandArgs args;
  std::set<std::string> given;  // Flags on the command line, '-' spelled '_'.
  std::vector<std::string> relation_values;

  bool flags_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (flags_done || arg == "-" || !absl::StartsWith(arg, "-")) {
      if (command.empty()) {
        command = arg;
      } else {
        args.positional.push_back(arg);
      }
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg == "-h") arg = "--help";
    std::string name = std::string(absl::StripPrefix(absl::StripPrefix(arg, "-"), "-"));
    std::string value;
    bool has_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    absl::StrReplaceAll({{"-", "_"}}, &name);
    if (!has_value && absl::StartsWith(name, "no") && IsBoolFlag(name.substr(2))) {
      name = name.substr(2);
      value = "false";
      has_value = true;
    }
    if (!has_value && IsBoolFlag(name)) {
      value = "true";
      has_value = true;
    }
    if (name != "relation" && absl::FindCommandLineFlag(name) == nullptr) {
      return UsageError(absl::StrCat("unknown flag --", name), command);
    }
    if (!has_value) {
      if (i + 1 >= argc) return UsageError(absl::StrCat("--", name, " needs a value"), command);
      value = argv[++i];
    }
    given.insert(name);
    if (name == "relation") {
      for (absl::string_view v : absl::StrSplit(value, ',', absl::SkipEmpty())) {
        relation_values.emplace_back(v);
      }
      continue;
    }
    std::string error;
    if (!absl::FindCommandLineFlag(name)->ParseFrom(value, &error)) {
      return UsageError(absl::StrCat("bad value for --", name, ": ", error), command);
    }
  }

  if (command == "help") {
    command = args.positional.empty() ? "" : args.positional[0];
    absl::SetFlag(&FLAGS_help, true);
  }
  if (command.empty()) {
    if (absl::GetFlag(FLAGS_help)) {
      std::cout << kg::client::GeneralHelp();
      return 0;
    }
    std::cerr << kg::client::GeneralHelp();
    return static_cast<int>(ExitCode::kUsage);
  }
  const kg::client::CommandSpec* spec = kg::client::FindCommand(command);
  if (spec == nullptr) {
    return UsageError(absl::StrCat("unknown command \"", command, "\""), "");
  }
  if (absl::GetFlag(FLAGS_help)) {
    std::cout << kg::client::CommandHelp(*spec);
    return 0;
  }
  for (const std::string& flag : given) {
    bool known = false;
    for (const std::string& f : kg::client::CommonFlags()) known = known || f == flag;
    for (const std::string& f : spec->flags) known = known || f == flag;
    if (!known) {
      return UsageError(absl::StrCat("kg ", command, " does not take --", flag), command);
    }
  }

  for (const std::string& value : relation_values) {
    std::optional<kg::v1::Relation> relation = kg::client::ParseRelation(value);
    if (!relation) {
      return UsageError(absl::StrCat("unknown relation \"", value,
                                     "\"; use founded-by, invested-in, alumni-of or HQ-in"),
                        command);
    }
    args.relations.push_back(*relation);
  }
  std::optional<kg::v1::Direction> direction =
      kg::client::ParseDirection(absl::GetFlag(FLAGS_direction));
  if (!direction) {
    return UsageError(absl::StrCat("unknown direction \"", absl::GetFlag(FLAGS_direction),
                                   "\"; use in, out or both"),
                      command);
  }
  args.direction = given.count("direction") ? *direction : kg::v1::DIRECTION_UNSPECIFIED;
  args.hops = absl::GetFlag(FLAGS_hops);
  args.max_hops = absl::GetFlag(FLAGS_max_hops);
  args.all = absl::GetFlag(FLAGS_all);
  args.limit = absl::GetFlag(FLAGS_limit);
  args.format = absl::GetFlag(FLAGS_format);
  args.around = absl::GetFlag(FLAGS_around);
  args.include_unconfirmed = absl::GetFlag(FLAGS_include_unconfirmed);
  if (args.hops < 0 || args.max_hops < 0 || args.limit < 0) {
    return UsageError("--hops, --max_hops and --limit must not be negative", command);
  }

  kg::client::ClientOptions options;
  options.server = absl::GetFlag(FLAGS_server);
  if (!given.count("server")) {
    const char* env = std::getenv("KG_SERVER");
    if (env != nullptr && *env != '\0') options.server = env;
  }
  options.json = absl::GetFlag(FLAGS_json);
  options.style.terminal = ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  options.style.color = options.style.terminal && (no_color == nullptr || *no_color == '\0') &&
                        !(term != nullptr && std::string(term) == "dumb");
  options.progress_bar = ::isatty(STDERR_FILENO) == 1;
  options.timeout_seconds = absl::GetFlag(FLAGS_timeout);
  if (!absl::GetFlag(FLAGS_token_file).empty()) {
    std::string error;
    if (!ReadTokenFile(absl::GetFlag(FLAGS_token_file), &options.token, &error)) {
      return UsageError(error, command);
    }
  }

  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (!absl::GetFlag(FLAGS_tls_ca_file).empty()) {
    std::ifstream file(absl::GetFlag(FLAGS_tls_ca_file), std::ios::binary);
    if (!file) {
      return UsageError(
          absl::StrCat("cannot read --tls_ca_file ", absl::GetFlag(FLAGS_tls_ca_file)), command);
    }
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs.assign(std::istreambuf_iterator<char>(file),
                              std::istreambuf_iterator<char>());
    credentials = grpc::SslCredentials(ssl);
  }
  grpc::ChannelArguments channel_args;
  // Answers with many evidence sentences, and whole-graph exports, exceed 4 MiB.
  channel_args.SetMaxReceiveMessageSize(64 << 20);
  std::shared_ptr<grpc::Channel> channel =
      grpc::CreateCustomChannel(options.server, credentials, channel_args);
  kg::client::CommandRunner runner(channel, options, &std::cout, &std::cerr, &std::cin);
  ExitCode code = runner.Run(command, args);
  std::cout.flush();
  return static_cast<int>(code);
}
