// How a claim's verdict follows from its findings (src/check/verdicts.cpp).
#include <catch2/catch.hpp>

#include "check_helpers.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::claims_csv;
using finmetrics::test::outcome_of;

namespace {

CheckResult run(const std::string& rows, const std::string& market = "") {
  auto set = parse_claims_csv(claims_csv(rows));
  REQUIRE(set);
  auto data = parse_reference_data(market, "");
  REQUIRE(data);
  return check_claims(*set, *data);
}

}  // namespace

TEST_CASE("a claim that is the subject of no decisive finding takes the verdict of one it takes part in",
          "[check][verdicts]") {
  const CheckResult r = run("V1,d,Rmb100bn,Rmb100bn,Co,,,other,2025,2025-01-10,,\n"
                            "V2,d,Rmb100bn again,Rmb100bn,Co,,,other,2025,2025-01-10,same_as:V1,\n");
  CHECK(outcome_of(r, "V2").kind == VerdictKind::consistent);
  CHECK(outcome_of(r, "V2").reason == "F1 same_as: claim {100} bn CNY vs computed {100} bn CNY");
  CHECK(outcome_of(r, "V1").kind == VerdictKind::consistent);
  CHECK(outcome_of(r, "V1").reason == "F1 same_as (via V2): claim {100} bn CNY vs computed {100} bn CNY");
}

TEST_CASE("the worst decisive finding decides; unverifiable findings list what is missing", "[check][verdicts]") {
  const CheckResult r = run("W1,d,Rmb100bn,Rmb100bn,Co,,,other,2025,2025-01-10,,\n"
                            "W2,d,Rmb100bn,Rmb100bn,Co,,,other,2025,2025-01-10,same_as:W1,\n"
                            "W3,d,Rmb120bn,Rmb120bn,Co,,,other,2025,2025-01-10,same_as:W1,\n"
                            "W4,d,$10bn,$10bn,Co,,,other,2025,2025-01-10,converts:W1,\n");
  // W1 takes part in W2's (consistent) and W3's (inconsistent) findings: the worse decides.
  CHECK(outcome_of(r, "W1").kind == VerdictKind::inconsistent);
  CHECK(outcome_of(r, "W3").kind == VerdictKind::inconsistent);
  // No FX table: W4's conversion cannot be made, and the reason says why.
  CHECK(outcome_of(r, "W4").kind == VerdictKind::unverifiable);
  CHECK(outcome_of(r, "W4").reason.rfind("missing: CNY/USD rate as of 2025-01-10 (", 0) == 0);
}

TEST_CASE("a claim with nothing to check it against says so", "[check][verdicts]") {
  const CheckResult r = run("N1,d,accelerated growth,accelerated growth,Co,,,revenue_growth,2025,2025-01-10,,\n");
  CHECK(outcome_of(r, "N1").kind == VerdictKind::unverifiable);
  CHECK(outcome_of(r, "N1").reason == "figure 'accelerated growth' states no number (expected a number, found 'accelerated')");
}
