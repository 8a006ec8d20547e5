// Reproducers of what the upper-layer fuzz targets found (fuzz_claims_csv,
// fuzz_check_claims, fuzz_extract, fuzz_series_loaders, fuzz_issuer_profile):
// each failed before its fix. The inputs are also in the targets' seed corpora
// (fuzz/corpus/<target>/finding-*), so every smoke run replays them.

#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/check/issuer_profile.hpp"
#include "finmetrics/error.hpp"

using namespace finmetrics;

TEST_CASE("issuer profile: a JSON number beyond double is an error naming the file, not an exception") {
  // nlohmann's parser throws out_of_range (not parse_error) for 1e999.
  const std::string text = R"({"issuer": "X", "reporting_currency": [{"date":1e999}]})";
  Result<IssuerProfile> p = parse_issuer_profile(text, "dir/issuer.json");
  REQUIRE_FALSE(p);
  CHECK(p.error().code == Errc::syntax);
  CHECK(p.error().message ==
        "dir/issuer.json: not JSON: [json.exception.out_of_range.406] number overflow parsing '1e999'");
}
