#pragma once
// Access to ../shared/data for tests: the real histories are read in place.
// A test that needs them calls FINMETRICS_REQUIRE_SHARED(path) first. When the
// file is absent:
// - under CI (environment CI=true) the test fails: CI has ../shared beside it,
//   and a check that did not run must not count as passed;
// - elsewhere the test case returns, the skip is counted, and the test program
//   (tests/support/test_main.cpp) exits with `skip_exit_code`, which ctest
//   reports as "Skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt) unless some
//   other check failed, which still fails the program.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

namespace finmetrics::test {

/// The exit code of a test program of which some checks were skipped and none failed.
inline constexpr int skip_exit_code = 77;

// The two directories are compiled into tests/support/paths.cpp alone, so that
// no other test source depends on where the checkout lives (ccache then shares
// test objects between checkouts).
const char* configured_shared_dir();
const char* configured_source_dir();

/// `relative` in ../shared, or in the directory the environment variable
/// FINMETRICS_SHARED_DIR names (the ctests of this mechanism point it elsewhere).
inline std::filesystem::path shared_path(const std::string& relative) {
  const char* dir = std::getenv("FINMETRICS_SHARED_DIR");
  return std::filesystem::path(dir != nullptr && *dir != '\0' ? dir : configured_shared_dir()) / relative;
}

/// `relative` in the project's source tree.
inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(configured_source_dir()) / relative;
}

/// Whether the tests run under CI (the environment variable CI is "true", as CI
/// services set it): missing data is then a failure, not a skip.
inline bool under_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

/// How many test cases returned early for want of data in this process.
inline int& skipped_count() {
  static int count = 0;  // one test program, one thread: Catch2 runs cases in sequence
  return count;
}

}  // namespace finmetrics::test

/// Skips (or under CI fails) the current test case when `path` is absent.
/// `FINMETRICS_REQUIRE_SHARED("data/fx/ecb.csv")` for a file in ../shared;
/// FINMETRICS_REQUIRE_FILE(path, why) for any other file.
#define FINMETRICS_REQUIRE_FILE(file, why)                                                         \
  do {                                                                                           \
    const std::filesystem::path finmetrics_required_ = (file);                                   \
    if (!std::filesystem::exists(finmetrics_required_)) {                                        \
      if (::finmetrics::test::under_ci()) {                                                      \
        FAIL("CI=true and " << finmetrics_required_.string() << " is absent (" << (why) << ")"); \
      }                                                                                          \
      ++::finmetrics::test::skipped_count();                                                     \
      WARN("SKIPPED: " << finmetrics_required_.string() << " is absent (" << (why) << ")");      \
      return;                                                                                    \
    }                                                                                            \
  } while (false)

#define FINMETRICS_REQUIRE_SHARED(relative) \
  FINMETRICS_REQUIRE_FILE(::finmetrics::test::shared_path(relative), "../shared/data is not beside the project")
