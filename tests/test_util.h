// tests/test_util.h: helpers shared by the test binaries.
#ifndef KG_TESTS_TEST_UTIL_H_
#define KG_TESTS_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "gtest/gtest.h"

namespace kg::testing {

// Removes the directories FreshDir made when the test process exits, unless
// KG_KEEP_TEST_DIRS is set (to look at a failed run's store). A forked child that
// exits leaves its parent's directories alone.
class TestDirCleaner {
 public:
  void Add(const std::filesystem::path& dir) { dirs_.push_back(dir); }
  ~TestDirCleaner() {
    if (::getpid() != owner_ || std::getenv("KG_KEEP_TEST_DIRS") != nullptr) return;
    std::error_code ignored;
    for (const std::filesystem::path& dir : dirs_) std::filesystem::remove_all(dir, ignored);
  }

 private:
  pid_t owner_ = ::getpid();
  std::vector<std::filesystem::path> dirs_;
};

// Returns an empty directory under the GoogleTest temp dir, unique to `name` and
// this process, removing whatever an earlier run left there; it is removed again
// when the process exits.
inline std::string FreshDir(const std::string& name) {
  static TestDirCleaner cleaner;
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                              ("kg_" + name + "_" + std::to_string(::getpid()));
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  std::filesystem::create_directories(dir, ignored);
  cleaner.Add(dir);
  return dir.string();
}

// The project's source root, where seeds/ and tests/testdata/ live.
inline std::string SourceDir() { return KG_SOURCE_DIR; }

}  // namespace kg::testing

#endif  // KG_TESTS_TEST_UTIL_H_
