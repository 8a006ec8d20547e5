// Each relation kind on the seed figures, with exact intervals worked out by hand
// (checked with Python's decimal module: quotients are cut at 10^-12, the lower
// end floored and the upper end ceilinged, both open when inexact).
#include <catch2/catch.hpp>

#include "finmetrics/claims/claim_figure.hpp"
#include "finmetrics/models/agreement.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/difference.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/order.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/quotient.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

Operand claim(std::string_view figure, std::string_view quote = {}, std::string_view metric = "revenue") {
  const ClaimFigure f = read_claim_figure(figure, quote.empty() ? figure : quote, metric);
  REQUIRE(f.has_value());
  return Operand{std::string(figure), *f.readings, f.unit, "test"};
}

Operand exact(const Decimal& v, Unit u = Unit::of(Dimension::number)) { return Operand::exact("x", v, u, "test"); }

const Unit usd = Unit::money(Currency{{'U', 'S', 'D'}});

}  // namespace

TEST_CASE("conversion: Rmb81bn ($11bn) agrees only by rounding at the ECB cross rate of 2025-03-17", "[models][conversion]") {
  // USD per CNY = 1.0903 / 7.8869, cut to 12 places outward.
  const Interval rate = divide(Interval::point("1.0903"_dec), Interval::point("7.8869"_dec), -12);
  CHECK(rate == Interval::open("0.138241894787"_dec, "0.138241894788"_dec));
  const Verdict v = Conversion{claim("$11bn"), claim("Rmb81bn"), Operand{"rate", Readings::exact(rate), {}, "ECB"}}.evaluate();
  REQUIRE(v.computed);
  CHECK(v.computed->strict == Interval::open("11197593477.747"_dec, "11197593477.828"_dec));
  CHECK(v.computed->rounded == Interval::open("11128472530.3535"_dec, "11266714425.222"_dec));
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
  CHECK(v.reading == "rounding");
  CHECK(v.arithmetic.back() == "=> consistent only by rounding");
}

TEST_CASE("growth: 33% from 2.337 to 3.1 billion yuan agrees only by rounding", "[models][growth]") {
  const Verdict v = Growth{claim("33%"), claim("3.1 billion yuan"), claim("2.337 billion yuan")}.evaluate();
  REQUIRE(v.computed);
  CHECK(v.computed->strict == Interval::open("32.6486949080"_dec, "32.6486949081"_dec));
  CHECK(v.computed->rounded == Interval::open("30.4812834224"_dec, "34.8170340253"_dec));
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
}

TEST_CASE("price change: 66 per cent from 84.79 to 141.10 agrees only by rounding; nearly 60% to 135.63 agrees",
          "[models][growth]") {
  const Unit per_ads = Unit::money(Currency{{'U', 'S', 'D'}}, Per::ads);
  const Verdict v = Growth{claim("66 per cent", {}, "price_change"), exact("141.1"_dec, per_ads), exact("84.79"_dec, per_ads)}.evaluate();
  CHECK(v.computed->strict == Interval::open("66.4111333883"_dec, "66.4111333884"_dec));
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
  const Verdict w = Growth{claim("nearly 60%", {}, "price_change"), exact("135.63"_dec), exact("84.79"_dec)}.evaluate();
  CHECK(w.kind == VerdictKind::consistent);
  CHECK(w.reading == "strict");
}

TEST_CASE("price change: 'down 80 per cent from its peak' against 319.32 -> 88.09 is inconsistent", "[models][growth]") {
  const Verdict v = Growth{claim("80 per cent", "Its share price was down 80 per cent from its peak.", "price_change"),
                           exact("88.09"_dec), exact("319.32"_dec)}
                        .evaluate();
  CHECK(v.computed->strict == Interval::open("-72.413253163"_dec, "-72.4132531629"_dec));
  CHECK(v.kind == VerdictKind::inconsistent);
  REQUIRE(v.gap);
  // -72.413253163 - (-80): the distance from the claim's point to the nearest computed end.
  CHECK(v.gap->absolute == "7.586746837"_dec);
  CHECK(v.gap->relative_percent == "10.48"_dec);
}

TEST_CASE("margin: 9% from 2.337 over 26.549 billion yuan agrees only by rounding", "[models][ratio]") {
  const Verdict v = Quotient{claim("9%"), claim("2.337 billion yuan"), claim("26.549 billion yuan"), true}.evaluate();
  CHECK(v.computed->strict == Interval::open("8.8025914347"_dec, "8.8025914348"_dec));
  CHECK(v.computed->rounded == Interval::open("8.800542383"_dec, "8.8046405635"_dec));
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
}

TEST_CASE("ratio: 'nearly doubled' from 7% to 13% (1.857x) agrees: nearly doubled is [1.8, 2)", "[models][ratio]") {
  const Verdict v = Quotient{claim("nearly doubled"), claim("13%"), claim("7%"), false}.evaluate();
  CHECK(v.computed->strict == Interval::open("1.857142857142"_dec, "1.857142857143"_dec));
  CHECK(v.computed->rounded == Interval::open("1.666666666666"_dec, "2.076923076924"_dec));
  CHECK(v.kind == VerdictKind::consistent);
  CHECK(v.claimed->strict == Interval::closed_open("1.8"_dec, "2"_dec));
}

TEST_CASE("market cap: 'exceeding $858 billion' is a bound, and 857.85bn at the 2020-10-27 high is below it",
          "[models][product]") {
  const Operand subject = claim("$858 billion", "market capitalization exceeding $858 billion", "market_cap");
  const Verdict v = Product{subject, {exact("319.32"_dec), exact("21491994944"_dec)}, {exact("8"_dec)}, usd}.evaluate();
  // 319.32 x 21491994944 / 8, exact.
  CHECK(v.computed->strict == Interval::point("857852978189.76"_dec));
  // Before the bound was kept out of the rounding, [857.5bn, +inf) let this pass by rounding.
  CHECK(v.claimed->rounded == Interval::greater_than("858e9"_dec));
  CHECK(v.kind == VerdictKind::inconsistent);
  CHECK(v.gap->absolute == "147021810.24"_dec);
  CHECK(v.gap->relative_percent == "0.01714"_dec);
}

TEST_CASE("market cap: 'almost $700bn' for the week of 2020-10-26 is inconsistent", "[models][product]") {
  // The lowest close of the week, 304.69, gives the smallest market cap.
  const Verdict v = Product{claim("almost $700bn"), {exact("304.69"_dec), exact("21491994944"_dec)}, {exact("8"_dec)}, usd}.evaluate();
  CHECK(v.computed->strict == Interval::point("818549492435.92"_dec));
  CHECK(v.kind == VerdictKind::inconsistent);
  CHECK(v.gap->absolute == "118549492435.92"_dec);
  CHECK(v.gap->relative_percent == "14.48"_dec);
}

TEST_CASE("difference: the market value added from 84.79 to 135.63 is more than $100 billion", "[models][difference]") {
  const Operand end = Operand::computed("end", Computed{Interval::point("135.63"_dec * "2327500000"_dec),
                                                        Interval::point("135.63"_dec * "2327500000"_dec)},
                                        usd, "test");
  const Operand start = Operand::computed("start", Computed{Interval::point("84.79"_dec * "2327500000"_dec),
                                                            Interval::point("84.79"_dec * "2327500000"_dec)},
                                          usd, "test");
  const Verdict v = Difference{claim("more than $100 billion"), end, start}.evaluate();
  CHECK(v.computed->strict == Interval::point("118330100000"_dec));
  CHECK(v.kind == VerdictKind::consistent);
}

TEST_CASE("agreement: 30% against a reported 34% is inconsistent by 4 points", "[models][agreement]") {
  const Verdict v = Agreement{claim("30%"), Operand::stated("reported", "34"_dec, Unit::of(Dimension::percent), "r")}.evaluate();
  CHECK(v.claimed->rounded == Interval::closed_open("29.5"_dec, "30.5"_dec));
  CHECK(v.computed->rounded == Interval::closed_open("33.5"_dec, "34.5"_dec));
  CHECK(v.kind == VerdictKind::inconsistent);
  CHECK(v.gap->absolute == "4"_dec);
  CHECK(v.gap->relative_percent == "11.76"_dec);
  CHECK(v.arithmetic.back() == "=> INCONSISTENT: the claim is 4 pp below the computed value (11.76% of 34%)");
}

TEST_CASE("agreement: 'over 380 billion yuan' and 'Rmb380bn' meet only by rounding", "[models][agreement]") {
  const Verdict v = Agreement{claim("over 380 billion yuan"), claim("Rmb380bn")}.evaluate();
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
  const Verdict same = Agreement{claim("380 billion yuan"), claim("Rmb380bn")}.evaluate();
  CHECK(same.kind == VerdictKind::consistent);
}

TEST_CASE("truncation: 66% can be the digits of 66.9% cut off", "[models][agreement]") {
  const Verdict v = Agreement{claim("66%"), exact("66.9"_dec, Unit::of(Dimension::percent))}.evaluate();
  CHECK(v.kind == VerdictKind::consistent_by_rounding);
  CHECK(v.reading == "truncation");
}

TEST_CASE("order: 'up from Rmb34bn' holds when the new amount is above it", "[models][order]") {
  const Verdict v = Order{claim("Rmb34bn"), claim("Rmb81bn"), false}.evaluate();
  CHECK(v.computed->strict == Interval::less_than("81e9"_dec));
  CHECK(v.computed->rounded == Interval::less_than("81.5e9"_dec));
  CHECK(v.kind == VerdictKind::consistent);
  const Verdict wrong = Order{claim("Rmb91bn"), claim("Rmb81bn"), false}.evaluate();
  CHECK(wrong.kind == VerdictKind::inconsistent);
  CHECK(wrong.gap->absolute == "10e9"_dec);
}
