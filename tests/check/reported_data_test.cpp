// Claims against financials.csv (src/check/reported_data.cpp): amounts, sums of
// quarters, growth from reported amounts, other entities.
#include <catch2/catch.hpp>

#include "check_helpers.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::claims_csv;
using finmetrics::test::finding_of;
using finmetrics::test::outcome_of;

namespace {

const std::string financials =
    "entity,metric,period,value,unit,currency,source,status\n"
    "Alibaba,capex,FY2025 Q2,17.5,bn,CNY,s1,confirmed\n"
    "Alibaba,capex,FY2025 Q3,31.7,bn,CNY,s2,confirmed\n"
    "Alibaba,revenue,FY2025 Q3,280.2,bn,CNY,s3,confirmed\n"
    "Alibaba,revenue,FY2024 Q3,260.3,bn,CNY,s4,confirmed\n";

CheckResult run(const std::string& rows) {
  ClaimsOptions options;
  options.calendar = FiscalCalendar{date::March};
  auto set = parse_claims_csv(claims_csv(rows), "<memory>", options);
  REQUIRE(set);
  auto data = parse_reference_data("", financials, FiscalCalendar{date::March});
  REQUIRE(data);
  return check_claims(*set, *data);
}

}  // namespace

TEST_CASE("a flow over quarters with some missing is a lower bound: it refutes, never confirms", "[check][reported]") {
  const CheckResult low = run("R1,d,Rmb81bn,Rmb81bn,Alibaba,,,capex,FY2025 Q1..FY2025 Q3,2025-03-17,,\n");
  const Finding* f = finding_of(low, FindingKind::reported, "R1");
  REQUIRE(f != nullptr);
  CHECK(f->verdict.kind == VerdictKind::unverifiable);
  CHECK(f->verdict.missing == std::vector<std::string>{"Alibaba capex FY2025 Q1"});
  const CheckResult high = run("R2,d,Rmb40bn,Rmb40bn,Alibaba,,,capex,FY2025 Q1..FY2025 Q3,2025-03-17,,\n");
  const Finding* g = finding_of(high, FindingKind::reported, "R2");
  REQUIRE(g != nullptr);
  CHECK(g->verdict.kind == VerdictKind::inconsistent);  // 17.5 + 31.7 = 49.2 > 40 already
  CHECK(g->verdict.computed->strict == Interval(Bound::closed("49.2e9"_dec), Bound::unbounded()));
}

TEST_CASE("a growth rate without a reported rate is computed from the reported amounts", "[check][reported]") {
  const CheckResult r = run("R3,d,up 8%,8%,Alibaba,,,revenue_growth,FY2025 Q3,2025-03-17,,\n");
  const Finding* f = finding_of(r, FindingKind::reported, "R3");
  REQUIRE(f != nullptr);
  // 280.2 / 260.3 - 1 = 7.645%: not 8 itself, but inside its rounding [7.5, 8.5).
  CHECK(f->verdict.kind == VerdictKind::consistent_by_rounding);
  CHECK(f->verdict.computed->strict == Interval::open("7.6450249711"_dec, "7.6450249712"_dec));
}

TEST_CASE("figures of another entity than the data's issuer are not checked against it", "[check][reported]") {
  const CheckResult r = run("R4,d,Rmb10bn,Rmb10bn,Ant Group,,,revenue,FY2025 Q3,2025-03-17,,\n");
  CHECK(outcome_of(r, "R4").kind == VerdictKind::unverifiable);
  CHECK(outcome_of(r, "R4").reason == "missing: reported figures of Ant Group");
}
