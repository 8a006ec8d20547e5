// The checker on the claims of the five seed articles, with the bundled reference
// data only (data/alibaba/market.csv and financials.csv). Each verdict below was
// worked out by hand (data/alibaba/README.md, "Worked checks") and in Python.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/report.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

struct Seeds {
  ClaimSet claims;
  ReferenceData data;
  CheckResult result;
};

const Seeds& seeds() {
  static const Seeds s = [] {
    ReferenceSources src;
    src.data_dir = test::source_path("data/alibaba");
    auto data = load_reference_data(src);
    REQUIRE(data);
    // The fiscal calendar comes from the issuer profile, as in `finmetrics check`.
    REQUIRE(data->calendar == FiscalCalendar{date::March});
    ClaimsOptions options;
    options.calendar = data->calendar;
    auto claims = load_claims_csv(test::source_path("data/alibaba/claims.csv"), options);
    REQUIRE(claims);
    CheckResult r = check_claims(*claims, *data);
    return Seeds{std::move(*claims), std::move(*data), std::move(r)};
  }();
  return s;
}

VerdictKind verdict_of(const std::string& id) {
  for (const auto& c : seeds().result.claims)
    if (c.id == id) return c.kind;
  FAIL("no claim " << id);
  return VerdictKind::unverifiable;
}

const Finding& finding(const std::string& kind, const std::string& subject) {
  for (const auto& f : seeds().result.findings)
    if (to_string(f.kind) == kind && f.subject == subject) return f;
  FAIL("no finding " << kind << " of " << subject);
  return seeds().result.findings.front();
}

}  // namespace

TEST_CASE("every seed claim gets a verdict", "[check][seeds]") {
  const auto& r = seeds().result;
  REQUIRE(r.claims.size() == 70);
  CHECK(r.count(VerdictKind::consistent) == 24);  // A18, A19: within the 3% FX band
  CHECK(r.count(VerdictKind::consistent_by_rounding) == 11);
  CHECK(r.count(VerdictKind::inconsistent) == 6);
  CHECK(r.count(VerdictKind::unverifiable) == 29);
  CHECK(r.any_inconsistent());
  for (const auto& c : r.claims) CHECK_FALSE(c.reason.empty());
}

TEST_CASE("the seed claims the data contradicts", "[check][seeds]") {
  std::set<std::string> bad;
  for (const auto& c : seeds().result.claims)
    if (c.kind == VerdictKind::inconsistent) bad.insert(c.id);
  CHECK(bad == std::set<std::string>{"A3", "A9", "A13", "A24", "A27", "A28"});
}

TEST_CASE("A3 'exceeding $858 billion' is a bound that 857.85bn at the 2020-10-27 high does not pass", "[check][seeds]") {
  // A one-sided hedge is never widened past its bound by rounding (docs/figures.md):
  // before, [857.5bn, +inf) let 857.85bn pass by rounding.
  const Finding& f = finding("market_cap", "A3");
  CHECK(f.verdict.kind == VerdictKind::inconsistent);
  CHECK(f.verdict.claimed->rounded == Interval::greater_than("858e9"_dec));
  CHECK(f.verdict.gap->absolute == "147021810.24"_dec);
}

TEST_CASE("A13 'almost $700bn' the week before: the closes and high of 2020-10-26..30 give $818.5bn to $857.9bn",
          "[check][seeds]") {
  const Finding& f = finding("market_cap", "A13");
  CHECK(f.verdict.kind == VerdictKind::inconsistent);
  // 304.69 and 319.32 USD x 21491994944 shares / 8.
  CHECK(f.verdict.computed->strict == Interval::closed("818549492435.92"_dec, "857852978189.76"_dec));
  CHECK(f.verdict.gap->absolute == "118549492435.92"_dec);
}

TEST_CASE("A9 'down 80 per cent from its peak' is -72.41% from 319.32 to 88.09", "[check][seeds]") {
  const Finding& f = finding("price_change", "A9");
  CHECK(f.verdict.kind == VerdictKind::inconsistent);
  CHECK(f.verdict.computed->strict == Interval::open("-72.413253163"_dec, "-72.4132531629"_dec));
}

TEST_CASE("A27 'nearly 80% within the year': BABA rose 34.41% and 9988.HK 30.60% to 2025-04-14", "[check][seeds]") {
  const Finding& f = finding("price_change", "A27");
  CHECK(f.verdict.kind == VerdictKind::inconsistent);
  // The nearer listing is reported: BABA, 113.97 / 84.79 - 1.
  CHECK(f.verdict.computed->strict == Interval::open("34.4144356645"_dec, "34.4144356646"_dec));
}

TEST_CASE("A24 'cloud revenue surged 30%' against the reported 34% of FY2026 Q2", "[check][seeds]") {
  const Finding& f = finding("reported", "A24");
  CHECK(f.verdict.kind == VerdictKind::inconsistent);
  CHECK(f.verdict.gap->absolute == "4"_dec);
}

TEST_CASE("A28 'nearly $100 billion increase' against A27's 80% and against the prices", "[check][seeds]") {
  const Finding& stated = finding("change_of", "A28");
  CHECK(stated.verdict.kind == VerdictKind::inconsistent);
  // [76%, 80%) x 84.79 x 18620000000 / 8.
  CHECK(stated.verdict.computed->strict == Interval::closed_open("149985031000"_dec, "157878980000"_dec));
  const Finding& data = finding("market_cap_change", "A28");
  CHECK(data.verdict.kind == VerdictKind::inconsistent);
  // 113.97 x 18474235708 / 8 - 84.79 x 18620000000 / 8 (the share counts in force on each day).
  CHECK(data.verdict.computed->strict == Interval::point("65839855455.095"_dec));
}

TEST_CASE("seed claims consistent only by rounding", "[check][seeds]") {
  for (const char* id :
       {"A10", "A41", "A45", "A47", "A55", "A57", "A61", "A63", "A65"}) {
    INFO(id);
    CHECK(verdict_of(id) == VerdictKind::consistent_by_rounding);
  }
  // A57's growth_of:A56 has a prior since financials.csv holds FY2024 Q3 (28066 mn):
  // 31.742 / 28.066 - 1 = 13.0977%, which "13%" states only to its rounding.
  CHECK(finding("growth_of", "A57").verdict.reading == "rounding");
  const Finding& a63 = finding("to", "A63");
  // [140.85, 140.95) / 82.85 - 1, in percent.
  CHECK(a63.verdict.computed->rounded == Interval::open("70.006035003"_dec, "70.1267350634"_dec));
  CHECK(a63.verdict.reading == "rounding");
}

TEST_CASE("seed claims that agree", "[check][seeds]") {
  for (const char* id : {"A1", "A2", "A7", "A18", "A19", "A20", "A21", "A34", "A35", "A43", "A52", "A53", "A56", "A59", "A60", "A64",
                         "A66", "A67", "A68", "A69"}) {
    INFO(id);
    CHECK(verdict_of(id) == VerdictKind::consistent);
  }
  // 50.84 x 18620000000 / 8 added from 2024-12-31 to 2025-03-27.
  CHECK(finding("market_cap_change", "A2").verdict.computed->strict == Interval::point("118330100000"_dec));
}

TEST_CASE("seed claims without the data to check them say what is missing", "[check][seeds]") {
  std::map<std::string, std::string> reason;
  for (const auto& c : seeds().result.claims) reason[c.id] = c.reason;
  CHECK(verdict_of("A46") == VerdictKind::unverifiable);
  CHECK(reason["A46"] ==
        "missing: Alibaba/Taobao and Tmall Group adjusted_ebita_yoy_growth FY2025 Q3 (or adjusted_ebita FY2025 Q3 and "
        "FY2024 Q3)");
  CHECK(reason["A12"] == "missing: market data for Ant Group (the reference data covers Alibaba)");
  CHECK(reason["A8"] == "figure 'accelerated growth' states no number (expected a number, found 'accelerated')");
  CHECK(verdict_of("A51") == VerdictKind::unverifiable);
  CHECK(reason["A51"] == "a projection (the quote says could/would/will/...): market data cannot confirm it");
}

TEST_CASE("the text report opens with the summary and lists every claim", "[check][report]") {
  const std::string text = format_text_report(seeds().result, seeds().claims);
  CHECK(text.find("Summary: 70 claims: 24 consistent, 11 consistent only by rounding, 6 inconsistent, 29 unverifiable\n") !=
        std::string::npos);
  CHECK(text.find("\nA13    INCONSISTENT ") != std::string::npos);
  CHECK(text.find("=> INCONSISTENT: the claim is 118.5495bn USD below the computed value (14.48% of 818.5495bn USD)") !=
        std::string::npos);
  const std::string json = format_json_report(seeds().result, seeds().claims);
  CHECK(json.find("\"summary\":{\"claims\":70,\"consistent\":24,\"consistent_by_rounding\":11,\"inconsistent\":6,"
                  "\"unverifiable\":29}") != std::string::npos);
  const std::string md = format_markdown_report(seeds().result, seeds().claims);
  CHECK(md.find("| INCONSISTENT | 6 |") != std::string::npos);
}

TEST_CASE("A64 '140.9 HKD' gets a supporting parity finding that does not change its verdict", "[check][seeds][parity]") {
  // The bundled market.csv has no BABA close of 2025-02-24, so the parity check
  // against it is unverifiable here (with ../shared it is 11.0% off: the intraday
  // high against a US close after a fall; see tests/check/parity_check_test.cpp).
  const Finding& f = finding("parity", "A64");
  CHECK(f.supporting);
  CHECK(f.verdict.kind == VerdictKind::unverifiable);
  CHECK(f.verdict.missing == std::vector<std::string>{"BABA close on 2025-02-24"});
  CHECK(verdict_of("A64") == VerdictKind::consistent);
}
