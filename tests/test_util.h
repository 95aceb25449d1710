// tests/test_util.h: helpers shared by the test binaries.
#ifndef KG_TESTS_TEST_UTIL_H_
#define KG_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

#include "gtest/gtest.h"

namespace kg::testing {

// Returns an empty directory under the GoogleTest temp dir, unique to `name` and
// this process, removing whatever an earlier run left there.
inline std::string FreshDir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                              ("kg_" + name + "_" + std::to_string(::getpid()));
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  std::filesystem::create_directories(dir, ignored);
  return dir.string();
}

// The project's source root, where seeds/ and tests/testdata/ live.
inline std::string SourceDir() { return KG_SOURCE_DIR; }

}  // namespace kg::testing

#endif  // KG_TESTS_TEST_UTIL_H_
