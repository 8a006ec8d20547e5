// Relations the checker finds on its own (same figure twice, growth with its value
// and prior, margin from profit and revenue), and the reference data loader.
#include <catch2/catch.hpp>

#include <string>

#include "finmetrics/check/checker.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

const std::string financials =
    "entity,metric,period,value,unit,currency,source,status\n"
    "Alibaba/Cloud Intelligence Group,revenue,FY2025 Q1,26.5,bn,CNY,s1,confirmed\n"
    "Alibaba/Cloud Intelligence Group,revenue,FY2024 Q1,25.12,bn,CNY,s2,confirmed\n"
    "Alibaba/Cloud Intelligence Group,adjusted_ebita,FY2025 Q1,2337,mn,CNY,s3,confirmed\n";

const std::string claims =
    "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n"
    "E1,d,revenues of 26.549 billion yuan,26.549 billion yuan,Alibaba,,Cloud Intelligence Group,revenue,FY2025 Q1,2025-04-14,,\n"
    "E2,d,revenue of Rmb26.5bn,Rmb26.5bn,Alibaba,,Cloud Intelligence Group,revenue,FY2025 Q1,2025-04-14,,\n"
    "E3,d,up 5.7%,5.7%,Alibaba,,Cloud Intelligence Group,revenue_growth,FY2025 Q1,2025-04-14,,\n"
    "E4,d,a margin of 9%,9%,Alibaba,,Cloud Intelligence Group,margin,FY2025 Q1,2025-04-14,,\n"
    "E5,d,EBITA of 2.337 billion yuan,2.337 billion yuan,Alibaba,,Cloud Intelligence Group,adjusted_ebita,FY2025 Q1,2025-04-14,,\n";

const Finding* find(const CheckResult& r, const std::string& kind, const std::string& subject) {
  for (const auto& f : r.findings)
    if (to_string(f.kind) == kind && f.subject == subject) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("claims of the same entity, metric and period are related without being told", "[check][finder]") {
  ClaimsOptions options;
  options.calendar = FiscalCalendar{date::March};
  auto set = parse_claims_csv(claims, "<memory>", options);
  REQUIRE(set);
  auto data = parse_reference_data("", financials, FiscalCalendar{date::March});
  REQUIRE(data);
  const CheckResult r = check_claims(*set, *data);

  const Finding* same = find(r, "same_figure", "E2");
  REQUIRE(same != nullptr);
  CHECK_FALSE(same->stated);
  CHECK(same->claims == std::vector<std::string>{"E2", "E1"});
  CHECK(same->verdict.kind == VerdictKind::consistent_by_rounding);

  // 26.549 / 25.12 - 1 from E1 and the reported year-ago revenue.
  const Finding* growth = find(r, "growth", "E3");
  REQUIRE(growth != nullptr);
  CHECK(growth->verdict.computed->strict == Interval::open("5.6886942675"_dec, "5.6886942676"_dec));
  CHECK(growth->verdict.kind == VerdictKind::consistent_by_rounding);

  // 2.337 / 26.549 from E5 and E1.
  const Finding* margin = find(r, "margin", "E4");
  REQUIRE(margin != nullptr);
  CHECK(margin->claims == std::vector<std::string>{"E4", "E5", "E1"});
  CHECK(margin->verdict.computed->strict == Interval::open("8.8025914347"_dec, "8.8025914348"_dec));

  // Against the data: 2337 mn / 26.5 bn, exact.
  const Finding* reported = find(r, "reported", "E4");
  REQUIRE(reported != nullptr);
  CHECK(reported->verdict.computed->strict == Interval::open("8.8188679245"_dec, "8.8188679246"_dec));
  CHECK(reported->verdict.kind == VerdictKind::consistent_by_rounding);
}

TEST_CASE("reference data errors name the file and line", "[check][data]") {
  const auto bad_kind = parse_reference_data("kind,symbol,date,field,value,currency,source\nprice2,BABA,2025-01-02,close,1,USD,s\n", "");
  REQUIRE_FALSE(bad_kind);
  CHECK(bad_kind.error().message == "market.csv:2: unknown kind 'price2' (expected price, shares, ads_ratio or fx)");
  const auto bad_value = parse_reference_data("kind,symbol,date,field,value,currency,source\nprice,BABA,2025-01-02,close,1.2.3,USD,s\n", "");
  REQUIRE_FALSE(bad_value);
  CHECK(bad_value.error().message == "market.csv:2: value '1.2.3' is not a decimal number");
  const auto bad_unit = parse_reference_data("", "entity,metric,period,value,unit,currency,source,status\nA,revenue,FY2025,1,kg,CNY,s,c\n",
                                              FiscalCalendar{date::March});
  REQUIRE_FALSE(bad_unit);
  CHECK(bad_unit.error().message ==
        "financials.csv:2: unknown unit 'kg' (expected bn, mn, %, shares, mn shares, bn shares, mn ADS, ratio)");
}

TEST_CASE("market.csv gives listings, share counts, the ADS ratio and an FX table through the euro", "[check][data]") {
  const std::string market =
      "kind,symbol,date,field,value,currency,source\n"
      "price,BABA,2025-03-27,close,135.63,USD,s\n"
      "shares,9988.HK,2025-03-31,count,18474235708,,s\n"
      "shares,9988.HK,2024-09-30,count,18620000000,,s\n"
      "ads_ratio,BABA,2025-03-31,ratio,8,,s\n"
      "fx,EUR/USD,2025-03-17,rate,1.0903,USD,s\n"
      "fx,EUR/CNY,2025-03-17,rate,7.8869,CNY,s\n";
  auto d = parse_reference_data(market, "");
  REQUIRE(d);
  const Listing* baba = d->listing("BABA");
  REQUIRE(baba != nullptr);
  CHECK(baba->per == Per::ads);
  CHECK(baba->close_on(Date{2025, 3, 27})->value == "135.63"_dec);
  CHECK(baba->close_before(Date{2025, 3, 28}, date::days{7})->date == Date{2025, 3, 27});
  CHECK(baba->close_before(Date{2025, 3, 27}, date::days{7}) == nullptr);
  CHECK(d->shares_on(Date{2025, 3, 30})->value == "18620000000"_dec);
  CHECK(d->shares_on(Date{2025, 3, 31})->value == "18474235708"_dec);
  CHECK(d->ads_ratio_on(Date{2020, 10, 27})->value == "8"_dec);  // the earliest known, assumed in force
  auto rate = d->fx.on(date::sys_days(Date{2025, 3, 17}), Currency{{'U', 'S', 'D'}}, Currency{{'C', 'N', 'Y'}});
  REQUIRE(rate);
  CHECK(rate->numerator() == "7.8869"_dec);
  CHECK(rate->denominator() == "1.0903"_dec);
}
