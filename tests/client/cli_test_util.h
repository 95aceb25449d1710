// tests/client/cli_test_util.h: running programs the way a user does (piped, or on a
// pseudo-terminal) and checking documents the export writes.
#ifndef KG_TESTS_CLIENT_CLI_TEST_UTIL_H_
#define KG_TESTS_CLIENT_CLI_TEST_UTIL_H_

#include <map>
#include <string>
#include <vector>

namespace kg::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when the program did not exit normally.
  std::string out;     // stdout; on a pseudo-terminal, stdout and stderr together.
  std::string err;
};

struct ProcessOptions {
  std::string stdin_data;                  // Written to the program's standard input.
  std::map<std::string, std::string> env;  // Set (or, with an empty value, unset) on top of ours.
  bool pty = false;                        // Run on a pseudo-terminal (isatty is true).
  int timeout_seconds = 30;                // Killed after this long.
};

// Runs argv[0] with the arguments argv[1..] and waits for it.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Whether `program` is found on PATH.
bool HaveProgram(const std::string& program);

// A small XML well-formedness check: one root, tags nested and matched, attributes
// quoted, entity references among the five predefined ones or numeric. Returns ""
// when well-formed, else what is wrong.
std::string XmlWellFormednessError(const std::string& xml);

// A free TCP port on 127.0.0.1 at the time of the call.
int FreeLoopbackPort();

}  // namespace kg::testing

#endif  // KG_TESTS_CLIENT_CLI_TEST_UTIL_H_
