// Relations stated in the claims' relation column (src/check/stated_relations.cpp).
#include <catch2/catch.hpp>

#include "check_helpers.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::claims_csv;
using finmetrics::test::finding_of;
using finmetrics::test::outcome_of;

TEST_CASE("growth_of with a prior_of claim: (31.742 / 28.066 - 1) x 100 against 13%", "[check][stated]") {
  auto set = parse_claims_csv(claims_csv(
      "S1,d,up 13%,13%,Co,,,revenue_growth,2024-12,2025-01-10,growth_of:S2,\n"
      "S2,d,Rmb31.742bn,Rmb31.742bn,Co,,,revenue,2024-12,2025-01-10,,\n"
      "S3,d,Rmb28.066bn a year earlier,Rmb28.066bn,Co,,,revenue,2023-12,2025-01-10,prior_of:S2,\n"));
  REQUIRE(set);
  auto data = parse_reference_data("", "");
  REQUIRE(data);
  const CheckResult r = check_claims(*set, *data);
  const Finding* f = finding_of(r, FindingKind::growth_of, "S1");
  REQUIRE(f != nullptr);
  CHECK(f->stated);
  CHECK(f->claims == std::vector<std::string>{"S1", "S2", "S3"});
  CHECK(f->verdict.computed->strict == Interval::open("13.0976982826"_dec, "13.0976982827"_dec));
  CHECK(f->verdict.kind == VerdictKind::consistent_by_rounding);
  CHECK(f->verdict.reading == "rounding");
  // The growth finding covers the prior: no separate prior_of finding.
  CHECK(finding_of(r, FindingKind::prior_of, "S3") == nullptr);
}

TEST_CASE("prior_of with 'up from' in the quote: the base must lie below", "[check][stated]") {
  auto set = parse_claims_csv(claims_csv(
      "U1,d,\"rose to Rmb25bn, up from Rmb20bn\",Rmb20bn,Co,,,revenue,2024,2025-01-10,prior_of:U2,\n"
      "U2,d,\"rose to Rmb25bn, up from Rmb20bn\",Rmb25bn,Co,,,revenue,2025,2025-01-10,,\n"
      "D1,d,\"fell to Rmb30bn, down from Rmb20bn\",Rmb20bn,Co,,,capex,2024,2025-01-10,prior_of:D2,\n"
      "D2,d,\"fell to Rmb30bn, down from Rmb20bn\",Rmb30bn,Co,,,capex,2025,2025-01-10,,\n"));
  REQUIRE(set);
  auto data = parse_reference_data("", "");
  REQUIRE(data);
  const CheckResult r = check_claims(*set, *data);
  const Finding* up = finding_of(r, FindingKind::prior_of, "U1");
  REQUIRE(up != nullptr);
  CHECK(up->title == "U1 Rmb20bn is the base of U2 Rmb25bn (up from)");
  CHECK(up->verdict.kind == VerdictKind::consistent);
  const Finding* down = finding_of(r, FindingKind::prior_of, "D1");
  REQUIRE(down != nullptr);
  CHECK(down->verdict.kind == VerdictKind::inconsistent);
  CHECK(outcome_of(r, "D1").kind == VerdictKind::inconsistent);
}

TEST_CASE("multiple_of without the metric it applies to shows the implied metric and says what is missing",
          "[check][stated]") {
  auto set = parse_claims_csv(claims_csv(
      "M1,d,valued at $300bn,$300bn,Co,,,market_cap,2025-01-10,2025-01-10,multiple_of:M2,\n"
      "M2,d,20 times earnings,20 times,Co,,,valuation_multiple,2025-01-10,2025-01-10,,\n"));
  REQUIRE(set);
  auto data = parse_reference_data("", "");
  REQUIRE(data);
  const CheckResult r = check_claims(*set, *data);
  const Finding* f = finding_of(r, FindingKind::multiple_of, "M1");
  REQUIRE(f != nullptr);
  CHECK(f->verdict.kind == VerdictKind::unverifiable);
  CHECK(f->verdict.missing ==
        std::vector<std::string>{"the metric the multiple M2 applies to (state it as multiple_of:M2/<claim>)"});
  REQUIRE_FALSE(f->verdict.arithmetic.empty());
  CHECK(f->verdict.arithmetic.front().rfind("implied metric = M1 / M2: strict ", 0) == 0);
}

TEST_CASE("per and compare relations are noted, never checked", "[check][stated]") {
  auto set = parse_claims_csv(claims_csv(
      "P1,d,$1bn for each 1%,$1bn,Co,,,other,2025,2025-01-10,per:P2,\n"
      "P2,d,1%,1%,Co,,,other,2025,2025-01-10,,\n"
      "C1,d,Rmb5bn then,Rmb5bn,Co,,,revenue,2024,2025-01-10,compare:C2,\n"
      "C2,d,Rmb6bn now,Rmb6bn,Co,,,revenue,2025,2025-01-10,,\n"));
  REQUIRE(set);
  auto data = parse_reference_data("", "");
  REQUIRE(data);
  const CheckResult r = check_claims(*set, *data);
  for (const auto& f : r.findings) CHECK_FALSE(f.stated);
  CHECK(outcome_of(r, "P1").reason.find("a sensitivity per P2: an assumption, no fact the data can confirm") !=
        std::string::npos);
  CHECK(outcome_of(r, "C1").reason.find("compared with C2 (a value at another date; each is checked on its own)") !=
        std::string::npos);
}
