// scripts/fx_spread.py on ../shared/data/fx: the figures docs/fx-policy.md quotes
// (and /work/requests/to-check.md recommended the default --fx-tolerance from) are
// the ones the script prints. Needs Debian's /usr/bin/python3 and ../shared.

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "shared_data.hpp"

namespace {

std::string run(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe.get())) out += buffer.data();
  return out;
}

}  // namespace

TEST_CASE("fx_spread.py prints the spreads docs/fx-policy.md quotes", "[data][fx_policy][shared]") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  FINMETRICS_REQUIRE_SHARED("data/fx/fred-h10-monthly.csv");
  if (!std::filesystem::exists("/usr/bin/python3")) {
    WARN("SKIPPED: /usr/bin/python3 is absent");
    return;
  }
  const std::string script = finmetrics::test::source_path("scripts/fx_spread.py").string();
  const std::string shared = finmetrics::test::shared_path("data").string();
  const std::string out = run("/usr/bin/python3 '" + script + "' --shared '" + shared + "' 2>&1");
  INFO(out);
  // measure, currency, n, p50, p95, p99, max (|a/b - 1| in %), 2019-2025
  for (const char* line : {
           "noon_vs_ecb      all   1008   0.038   0.166   0.256   0.410",
           "noon_vs_ecb      CNY     84   0.023   0.072   0.106   0.132",
           "noon_vs_ecb      HKD     84   0.003   0.013   0.024   0.041",
           "end_vs_avg       all    336   1.178   4.640   6.985  19.229",
           "end_vs_avg       CNY+HKD 56   0.313   2.372   3.663   3.845",
           "year_end_vs_avg  all     84   2.285   7.340  11.191  13.195",
           "lag_1d           all  21504   0.205   1.006   1.661   6.489",
           "lag_45d          all    336   1.204   5.546   8.117   9.234",
           "end_to_hull_45d  all    336   0.058   3.035   4.425   7.077",
           "end_to_hull_45d  CNY+HKD 56   0.015   1.123   1.925   2.147",
           "end_to_hull_45d    77.1| 92.9   91.4| 98.2   92.6|100.0   94.6|100.0   97.9|100.0   99.1|100.0",
       }) {
    INFO(line);
    CHECK(out.find(std::string(line) + "\n") != std::string::npos);
  }
}
