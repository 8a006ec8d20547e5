// Sum, inequality, order of magnitude, compound growth and ranges end to end, with
// exact intervals worked out by hand (quotients cut at 10^-12 outward).
#include <catch2/catch.hpp>

#include "finmetrics/models/compound.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/inequality.hpp"
#include "finmetrics/models/magnitude.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/sum.hpp"
#include "finmetrics/parse/parse_figure.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

Operand fig(std::string_view text) {
  const auto q = parse_figure(text);
  REQUIRE(q);
  Operand o{std::string(text), readings_of(*q, {}), q->unit, "test"};
  o.ends = range_ends(*q, {});
  return o;
}

}  // namespace

TEST_CASE("sum: underlying 11.2bn + revaluation 2.3bn is a net profit of 13.5bn", "[models][sum]") {
  const Verdict v = Sum{fig("$13.5bn"), {fig("$11.2bn"), fig("$2.3bn")}, {}}.evaluate();
  CHECK(v.computed->strict == Interval::point("13.5e9"_dec));
  CHECK(v.computed->rounded == Interval::closed_open("13.4e9"_dec, "13.6e9"_dec));
  CHECK(v.kind == VerdictKind::consistent);
  CHECK(v.arithmetic[0] == "$13.5bn = a1 + a2");
}

TEST_CASE("sum: three quarters of 10, 11 and 12 are not nine months of 35", "[models][sum]") {
  const Verdict v = Sum{fig("$35bn"), {fig("$10bn"), fig("$11bn"), fig("$12bn")}, {}}.evaluate();
  CHECK(v.computed->strict == Interval::point("33e9"_dec));
  // Each quarter is +-0.5bn rounded: [31.5bn, 34.5bn), still short of [34.5bn, 35.5bn).
  CHECK(v.computed->rounded == Interval::closed_open("31.5e9"_dec, "34.5e9"_dec));
  CHECK(v.kind == VerdictKind::inconsistent);
  CHECK(v.gap->absolute == "2e9"_dec);
}

TEST_CASE("difference: gross 20 minus costs 3.4 is net 16.6", "[models][sum]") {
  const Verdict v = Sum{fig("16.6 million"), {fig("20 million")}, {fig("3.4 million")}}.evaluate();
  CHECK(v.computed->strict == Interval::point("16.6e6"_dec));
  CHECK(v.kind == VerdictKind::consistent);
  CHECK(v.arithmetic[0] == "16.6 million = a1 - s1");
}

TEST_CASE("inequality: net proceeds at most the gross; above it is inconsistent", "[models][inequality]") {
  const Verdict ok = Inequality{fig("HK$2.2bn"), {fig("HK$2.3bn")}, BoundSide::at_most}.evaluate();
  CHECK(ok.computed->strict == Interval::at_most("2.3e9"_dec));
  CHECK(ok.kind == VerdictKind::consistent);
  const Verdict bad = Inequality{fig("HK$2.5bn"), {fig("HK$2.3bn")}, BoundSide::at_most}.evaluate();
  CHECK(bad.computed->rounded == Interval::less_than("2.35e9"_dec));
  CHECK(bad.kind == VerdictKind::inconsistent);
  CHECK(bad.gap->absolute == "0.2e9"_dec);
}

TEST_CASE("inequality: a placing at most price x shares; a percent factor is a fraction", "[models][inequality]") {
  const Verdict v = Inequality{fig("HK$1.8bn"), {fig("HK$5.50"), fig("318.5 million")}, BoundSide::at_most}.evaluate();
  CHECK(v.computed->strict == Interval::at_most("1751.75e6"_dec));
  CHECK(v.kind == VerdictKind::consistent_by_rounding);  // [1.75bn, 1.85bn) meets (-inf, 5.505 x 318.55m]
  const Verdict w = Inequality{fig("$40bn"), {fig("$100bn"), fig("30%")}, BoundSide::at_least}.evaluate();
  CHECK(w.computed->strict == Interval::at_least("30e9"_dec));
  CHECK(w.kind == VerdictKind::consistent);
}

TEST_CASE("magnitude: a daily figure against a year's total over 365 days", "[models][magnitude]") {
  // 36.5bn a year is 100m a day: 1bn a day is ten times that, on the open edge.
  const Verdict ten = Magnitude{fig("$1bn"), fig("$36.5bn"), "365"_dec}.evaluate();
  CHECK(ten.computed->strict == Interval::open("10e6"_dec, "1000e6"_dec));
  CHECK(ten.kind == VerdictKind::consistent_by_rounding);  // rounded: [0.5bn, 1.5bn) meets (9.986m, 1001.4m)
  const Verdict wrong = Magnitude{fig("$10bn"), fig("$36.5bn"), "365"_dec}.evaluate();
  CHECK(wrong.kind == VerdictKind::inconsistent);
  const Verdict fine = Magnitude{fig("$120 million"), fig("$36.5bn"), "365"_dec}.evaluate();
  CHECK(fine.kind == VerdictKind::consistent);
}

TEST_CASE("compound growth: 20% then 30% is 56% over the two years", "[models][compound]") {
  const Verdict v = CompoundGrowth{fig("56%"), {fig("20%"), fig("30%")}}.evaluate();
  CHECK(v.computed->strict == Interval::point("56"_dec));
  // (1.195 .. 1.205) x (1.295 .. 1.305): [54.7525, 57.2525).
  CHECK(v.computed->rounded == Interval::closed_open("54.7525"_dec, "57.2525"_dec));
  CHECK(v.kind == VerdictKind::consistent);
  CHECK(CompoundGrowth{fig("50%"), {fig("20%"), fig("30%")}}.evaluate().kind == VerdictKind::inconsistent);
}

TEST_CASE("annual growth: 10% a year over two years from 100 to 121", "[models][compound]") {
  const AnnualGrowth g{fig("10%"), fig("121 million"), fig("100 million"), 2};
  CHECK(g.factor_of_subject().readings.strict == Interval::point("1.21"_dec));
  // (1.095 .. 1.105)^2 = [1.199025, 1.221025).
  CHECK(g.factor_of_subject().readings.rounded == Interval::closed_open("1.199025"_dec, "1.221025"_dec));
  const Verdict v = g.evaluate();
  CHECK(v.computed->strict == Interval::point("1.21"_dec));
  CHECK(v.kind == VerdictKind::consistent);
  CHECK(AnnualGrowth{fig("15%"), fig("121 million"), fig("100 million"), 2}.evaluate().kind == VerdictKind::inconsistent);
}

TEST_CASE("ranges end to end: HK$4.00-5.50 x 318.5m shares against HK$1.7bn-HK$2.3bn", "[models][range]") {
  const Operand shares = Operand::stated("318.5m shares", "318.5e6"_dec, Unit::count_of("shares"), "test");
  // Low end 4.00 x 318.5m = 1.274bn against 1.7bn; the hulls overlap, the ends do not.
  const Verdict v = Product{fig("HK$1.7bn-HK$2.3bn"), {fig("HK$4.00-5.50"), shares}, {}, fig("HK$1bn").unit}.evaluate();
  CHECK(v.kind == VerdictKind::inconsistent);
  CHECK(v.computed->strict == Interval::point("1274e6"_dec));
  CHECK(v.gap->absolute == "426e6"_dec);
  // 1.274bn-1.752bn is met end to end by HK$1.3bn-HK$1.8bn (by rounding at both ends).
  const Verdict w = Product{fig("HK$1.3bn-HK$1.8bn"), {fig("HK$4.00-5.50"), shares}, {}, fig("HK$1bn").unit}.evaluate();
  CHECK(w.kind == VerdictKind::consistent_by_rounding);
  // Without the range on the claim's side the hull is compared as before.
  const Verdict h = Product{fig("HK$1.7bn"), {fig("HK$4.00-5.50"), shares}, {}, fig("HK$1bn").unit}.evaluate();
  CHECK(h.kind == VerdictKind::consistent);
}

TEST_CASE("a one-sided bound is never widened past itself by rounding", "[models][readings]") {
  const Readings more = fig("more than $14 billion").readings;
  CHECK(more.strict == Interval::greater_than("14e9"_dec));
  CHECK(more.rounded == more.strict);
  CHECK(more.truncated == more.strict);
  CHECK_FALSE(more.rounded.contains("13.5e9"_dec));
  CHECK(fig("at most 5%").readings.rounded == Interval::at_most("5"_dec));
  // nearly is an approximation, not a threshold: its digits round as usual.
  CHECK(fig("nearly 70%").readings.rounded == Interval::closed_open("66.5"_dec, "70.5"_dec));
  CHECK(fig("just over 60%").readings.rounded == Interval::closed("59.5"_dec, "63"_dec));
}

TEST_CASE("the threshold of a hedged figure is its stated number", "[models][readings]") {
  const auto q = parse_figure("more than RMB87.8bn");
  REQUIRE(q);
  const Readings t = threshold_readings(*q);
  CHECK(t.strict == Interval::point("87.8e9"_dec));
  CHECK(t.rounded == Interval::closed_open("87.75e9"_dec, "87.85e9"_dec));
}
