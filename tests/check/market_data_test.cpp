// Market figures against recorded prices (src/check/market_data.cpp): price moves,
// market caps, share prices, projections.
#include <catch2/catch.hpp>

#include "check_helpers.hpp"
#include "lexicon_with_cues.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::claims_csv;
using finmetrics::test::finding_of;
using finmetrics::test::outcome_of;

namespace {

const std::string market =
    "kind,symbol,date,field,value,currency,source\n"
    "price,BABA,2024-12-31,close,84.79,USD,b\n"
    "price,BABA,2025-03-27,close,135.63,USD,b\n"
    "price,BABA,2025-03-27,high,137.1,USD,b\n"
    "shares,9988.HK,2025-03-31,count,18474235708,,s\n"
    "shares,9988.HK,2024-09-30,count,18620000000,,s\n"
    "ads_ratio,BABA,2025-03-31,ratio,8,,s\n";

CheckResult run(const std::string& rows) {
  auto set = parse_claims_csv(claims_csv(rows));
  REQUIRE(set);
  auto data = parse_reference_data(market, "");
  REQUIRE(data);
  data->issuer = "Alibaba";  // market.csv alone names no issuer
  return check_claims(*set, *data);
}

}  // namespace

TEST_CASE("a price move runs from the last close before the window to the close of as_of", "[check][market]") {
  const CheckResult r = run("M1,d,risen nearly 60% this year,nearly 60%,Alibaba,BABA,,price_change,"
                            "2025-01-01..2025-03-28,2025-03-27,,\n");
  const Finding* f = finding_of(r, FindingKind::price_change, "M1");
  REQUIRE(f != nullptr);
  // 135.63 / 84.79 - 1
  CHECK(f->verdict.computed->strict == Interval::open("59.9599009317"_dec, "59.9599009318"_dec));
  CHECK(f->verdict.kind == VerdictKind::consistent);
}

TEST_CASE("a market cap is price x ordinary shares in force / ADS ratio", "[check][market]") {
  const CheckResult r = run("M2,d,worth $300bn,$300bn,Alibaba,BABA,,market_cap,2025-03-27,2025-03-27,,\n");
  const Finding* f = finding_of(r, FindingKind::market_cap, "M2");
  REQUIRE(f != nullptr);
  // 135.63 and 137.1 x 18620000000 (the count of 2024-09-30, in force on 2025-03-27) / 8
  CHECK(f->verdict.computed->strict == Interval::closed("315678825000"_dec, "319100250000"_dec));
  CHECK(f->verdict.kind == VerdictKind::inconsistent);
}

TEST_CASE("a share price outside the day's recorded range is inconsistent", "[check][market]") {
  const CheckResult r = run("M3,d,closed at $150,$150,Alibaba,BABA,,share_price,2025-03-27,2025-03-27,,\n");
  const Finding* f = finding_of(r, FindingKind::share_price, "M3");
  REQUIRE(f != nullptr);
  CHECK(f->verdict.computed->strict == Interval::closed("135.63"_dec, "137.1"_dec));
  CHECK(f->verdict.kind == VerdictKind::inconsistent);
}

TEST_CASE("a projected market figure is not checked against prices", "[check][market]") {
  const CheckResult r = run("M4,d,could reach $500bn,$500bn,Alibaba,BABA,,market_cap,2025-03-27,2025-03-27,,\n");
  CHECK(r.findings.empty());
  CHECK(outcome_of(r, "M4").reason == "a projection (the quote says could/would/will/...): market data cannot confirm it");
}

TEST_CASE("the month May is no modal: a dated price is checked, 'may' still projects", "[check][market]") {
  // Before, "may" matched in any case: a quote dated in May was "a projection", unverifiable.
  const CheckResult dated =
      run("M5,d,\"On May 27, 2025, the ADSs closed at $150\",$150,Alibaba,BABA,,share_price,2025-03-27,2025-03-27,,\n");
  const Finding* f = finding_of(dated, FindingKind::share_price, "M5");
  REQUIRE(f != nullptr);
  CHECK(f->verdict.kind == VerdictKind::inconsistent);
  const CheckResult modal = run("M6,d,the ADSs may reach $150,$150,Alibaba,BABA,,share_price,2025-03-27,2025-03-27,,\n");
  CHECK(modal.findings.empty());
  CHECK(outcome_of(modal, "M6").reason ==
        "a projection (the quote says could/would/will/...): market data cannot confirm it");
}

TEST_CASE("projection words are the lexicon's cues: one row makes one more", "[check][market]") {
  const std::string row = "M7,d,the ADSs are poised to reach $150,$150,Alibaba,BABA,,share_price,2025-03-27,2025-03-27,,\n";
  CHECK(finding_of(run(row), FindingKind::share_price, "M7") != nullptr);
  const Lexicon lexicon = finmetrics::test::lexicon_with_cues("poised,projection,yes,\n");
  CheckOptions options;
  options.lexicon = &lexicon;
  auto set = parse_claims_csv(claims_csv(row));
  REQUIRE(set);
  auto data = parse_reference_data(market, "");
  REQUIRE(data);
  data->issuer = "Alibaba";
  const CheckResult r = check_claims(*set, *data, options);
  CHECK(r.findings.empty());
  CHECK(outcome_of(r, "M7").reason == "a projection (the quote says could/would/will/...): market data cannot confirm it");
}
