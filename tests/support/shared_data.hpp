#pragma once
// Access to ../shared/data for tests: the real histories are read in place.
// A test that needs them calls FINMETRICS_REQUIRE_SHARED(path) first; when the
// file is absent the test is reported as skipped (a WARN) and returns.

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

namespace finmetrics::test {

inline std::filesystem::path shared_path(const std::string& relative) {
  return std::filesystem::path(FINMETRICS_SHARED_DIR) / relative;
}

inline std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(FINMETRICS_SOURCE_DIR) / relative;
}

}  // namespace finmetrics::test

#define FINMETRICS_REQUIRE_SHARED(relative)                                                    \
  do {                                                                                         \
    if (!std::filesystem::exists(::finmetrics::test::shared_path(relative))) {                 \
      WARN("SKIPPED: " << ::finmetrics::test::shared_path(relative).string()                   \
                       << " is absent (../shared/data is not beside the project)");            \
      return;                                                                                  \
    }                                                                                          \
  } while (false)
