// The main of every layer's test program: Catch2's, plus the exit code that
// tells ctest some checks were skipped for want of ../shared (shared_data.hpp).
#define CATCH_CONFIG_RUNNER
#include <iostream>

#include <catch2/catch.hpp>

#include "shared_data.hpp"

int main(int argc, char* argv[]) {
  const int failed = Catch::Session().run(argc, argv);
  if (failed == 0 && finmetrics::test::skipped_count() > 0) {
    std::cerr << finmetrics::test::skipped_count()
              << " test case(s) skipped: data absent (see the SKIPPED warnings above)\n";
    return finmetrics::test::skip_exit_code;
  }
  return failed;
}
