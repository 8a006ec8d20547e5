// Cross-listing parity in the checker: two claims quoting both listings on one day
// (decisive), and a share price against the other listing's close (supporting).
// Prices are the raw closes of ../shared/data/market/{9988HK,BABA}-daily-raw.csv,
// the fixings the ECB's of ../shared/data/fx/ecb-eurofxref-hist.csv; the expected
// intervals are worked out in tests/models/parity_test.cpp (Python decimal).
#include <catch2/catch.hpp>

#include <string>

#include "finmetrics/check/checker.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

const std::string market =
    "kind,symbol,date,field,value,currency,source\n"
    "price,9988.HK,2025-02-24,high,140.9,HKD,hk\n"
    "price,9988.HK,2025-02-24,close,135.7,HKD,hk\n"
    "price,9988.HK,2025-02-25,close,130.6,HKD,hk\n"
    "price,BABA,2025-02-24,close,129.04,USD,baba\n"
    "price,BABA,2025-02-25,close,134.01,USD,baba\n"
    "ads_ratio,BABA,2025-03-31,ratio,8,,sec\n"
    "fx,EUR/USD,2025-02-24,rate,1.0466,USD,ecb\n"
    "fx,EUR/HKD,2025-02-24,rate,8.1356,HKD,ecb\n"
    "fx,EUR/USD,2025-02-25,rate,1.0497,USD,ecb\n"
    "fx,EUR/HKD,2025-02-25,rate,8.1609,HKD,ecb\n";

const std::string claims =
    "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n"
    "P1,d,the ADS closed at $134.01,$134.01,Alibaba,BABA,,share_price,2025-02-25,2025-02-25,,\n"
    "P2,d,the shares closed at 130.6 HKD,130.6 HKD,Alibaba,9988.HK,,share_price,2025-02-25,2025-02-25,,\n"
    "P3,d,peak values of 140.9 HKD per share,140.9 HKD,Alibaba,9988.HK,,share_price,2025-02-24,2025-02-24,,\n";

const Finding* find(const CheckResult& r, const std::string& subject, bool supporting) {
  for (const auto& f : r.findings)
    if (f.kind == FindingKind::parity && f.subject == subject && f.supporting == supporting) return &f;
  return nullptr;
}

const ClaimOutcome& outcome(const CheckResult& r, const std::string& id) {
  for (const auto& c : r.claims)
    if (c.id == id) return c;
  FAIL("no claim " << id);
  return r.claims.front();
}

}  // namespace

TEST_CASE("claims quoting both listings on one day are checked for parity, and it decides", "[check][parity]") {
  auto set = parse_claims_csv(claims);
  REQUIRE(set);
  auto data = parse_reference_data(market, "");
  REQUIRE(data);
  data->issuer = "Alibaba";  // market.csv alone names no issuer
  const CheckResult r = check_claims(*set, *data);

  // P1 $134.01 against 130.6 HKD x 8 x USD per HKD of 2025-02-25 (1.0497 / 8.1609), +-3%.
  const Finding* pair = find(r, "P1", false);
  REQUIRE(pair != nullptr);
  CHECK(pair->claims == std::vector<std::string>{"P1", "P2"});
  CHECK_FALSE(pair->stated);
  CHECK(pair->verdict.computed->strict == Interval::open("130.356304230947264"_dec, "138.419580782391280"_dec));
  CHECK(pair->verdict.kind == VerdictKind::consistent);
  CHECK(outcome(r, "P1").kind == VerdictKind::consistent);
}

TEST_CASE("a share price against the other listing's close is a supporting finding only", "[check][parity]") {
  auto set = parse_claims_csv(claims);
  REQUIRE(set);
  auto data = parse_reference_data(market, "");
  REQUIRE(data);
  data->issuer = "Alibaba";  // market.csv alone names no issuer
  const CheckResult r = check_claims(*set, *data);

  // P3 140.9 HKD (the intraday high) x 8 x 1.0466 / 8.1356 = 145.008 USD; BABA closed
  // at 129.04 after a US-session fall: 11.0% below, outside the band.
  const Finding* f = find(r, "P3", true);
  REQUIRE(f != nullptr);
  CHECK(f->verdict.kind == VerdictKind::inconsistent);
  CHECK(f->verdict.computed->strict == Interval::open("140.657811887830536"_dec, "149.358295098548080"_dec));
  REQUIRE(f->verdict.gap);
  CHECK(f->verdict.gap->absolute == "11.617811887830536"_dec);
  // The claim's own listing decides: 140.9 is the recorded high of the day.
  const ClaimOutcome& p3 = outcome(r, "P3");
  CHECK(p3.kind == VerdictKind::consistent);
  for (std::size_t i : p3.findings) CHECK(r.findings[i].kind == FindingKind::share_price);
  CHECK_FALSE(r.any_inconsistent());

  // The tolerance is an option: at 12% the same comparison holds.
  CheckOptions wide;
  wide.parity_tolerance_percent = "12"_dec;
  const CheckResult w = check_claims(*set, *data, wide);
  const Finding* g = find(w, "P3", true);
  REQUIRE(g != nullptr);
  CHECK(g->verdict.kind == VerdictKind::consistent);
}

TEST_CASE("parity without the other listing's close that day says so", "[check][parity]") {
  const std::string one_claim =
      "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n"
      "P4,d,closed at 135.7 HKD,135.7 HKD,Alibaba,9988.HK,,share_price,2025-02-24,2025-02-24,,\n";
  auto set = parse_claims_csv(one_claim);
  REQUIRE(set);
  std::string no_baba = market;
  no_baba.erase(no_baba.find("price,BABA,2025-02-24"), std::string("price,BABA,2025-02-24,close,129.04,USD,baba\n").size());
  auto data = parse_reference_data(no_baba, "");
  REQUIRE(data);
  data->issuer = "Alibaba";  // market.csv alone names no issuer
  const CheckResult r = check_claims(*set, *data);
  const Finding* f = find(r, "P4", true);
  REQUIRE(f != nullptr);
  CHECK(f->verdict.kind == VerdictKind::unverifiable);
  CHECK(f->verdict.missing == std::vector<std::string>{"BABA close on 2025-02-24"});
  CHECK(outcome(r, "P4").kind == VerdictKind::consistent);
}
