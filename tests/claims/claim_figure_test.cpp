// Claim figures read into strict, rounded and truncated sets (docs/checking.md).
#include <catch2/catch.hpp>

#include "finmetrics/claims/claim_figure.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {
Readings readings(std::string_view figure, std::string_view quote = {}, std::string_view metric = "revenue") {
  const ClaimFigure f = read_claim_figure(figure, quote.empty() ? figure : quote, metric);
  REQUIRE(f.has_value());
  return *f.readings;
}
}  // namespace

TEST_CASE("an exact figure is its point, its rounding interval and its truncation interval", "[claims][figure]") {
  const Readings r = readings("Rmb81bn");
  CHECK(r.strict == Interval::point("81e9"_dec));
  CHECK(r.rounded == Interval::closed_open("80.5e9"_dec, "81.5e9"_dec));
  CHECK(r.truncated == Interval::closed_open("81e9"_dec, "82e9"_dec));
}

TEST_CASE("nearly keeps its hedge strictly and adds the rounding of the digits", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("nearly 70%", "skyrocketed nearly 70%", "price_change");
  const Readings r = *f.readings;
  CHECK(r.strict == Interval::closed_open("66.5"_dec, "70"_dec));
  // An approximation, not a threshold: the digits' rounding and truncation widen it.
  CHECK(r.rounded == Interval::closed_open("66.5"_dec, "70.5"_dec));
  CHECK(r.truncated == Interval::closed_open("66.5"_dec, "71"_dec));
  CHECK(f.notes == std::vector<std::string>{
                       "'nearly' reaches 5% below the figure (HedgeTolerances::just_below = 0.05)"});
  REQUIRE(f.threshold);
  CHECK(f.threshold->strict == Interval::point("70"_dec));
}

TEST_CASE("more than is a bound: 'more than $14 billion' never admits 13.5bn", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("more than $14 billion", "more than $14 billion", "revenue");
  CHECK(f.readings->strict == Interval::greater_than("14e9"_dec));
  CHECK(f.readings->rounded == Interval::greater_than("14e9"_dec));
  CHECK(f.readings->truncated == Interval::greater_than("14e9"_dec));
  CHECK(f.notes.back() == "'more than' is a bound: the rounding of the digits never widens it past the figure");
  CHECK(f.threshold->rounded == Interval::closed_open("13.5e9"_dec, "14.5e9"_dec));
}

TEST_CASE("approximately is the tolerance band, which already holds the rounding interval", "[claims][figure]") {
  const Readings r = readings("approximately $250 billion");
  CHECK(r.strict == Interval::closed("237.5e9"_dec, "262.5e9"_dec));
  CHECK(r.rounded == r.strict);
}

TEST_CASE("a qualifying verb before the figure in the quote hedges the figure", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("$858 billion", "with its market capitalization exceeding $858 billion.", "market_cap");
  REQUIRE(f.has_value());
  CHECK(f.readings->strict == Interval::greater_than("858e9"_dec));
  CHECK(f.readings->rounded == Interval::greater_than("858e9"_dec));
  REQUIRE(f.notes.size() == 2);
  CHECK(f.notes[0] == "'exceeding' before the figure in the quote: read as more than $858 billion");
  const ClaimFigure t = read_claim_figure("100 billion yuan", "CMR surpassed the 100 billion yuan threshold", "revenue");
  CHECK(t.readings->strict == Interval::greater_than("100e9"_dec));
}

TEST_CASE("a change the quote says fell is negative", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("80 per cent", "Its share price was down 80 per cent from its peak.", "price_change");
  REQUIRE(f.has_value());
  CHECK(f.readings->strict == Interval::point("-80"_dec));
  CHECK(f.readings->rounded == Interval::open_closed("-80.5"_dec, "-79.5"_dec));
  CHECK(f.notes.back() == "the quote says the value fell: read as negative");
  // Not for a level: "declined to $10bn" is a positive profit.
  const ClaimFigure level = read_claim_figure("$10bn", "Alibaba's profit declined to $10bn in 2023", "net_income");
  CHECK(level.readings->strict == Interval::point("10e9"_dec));
}

TEST_CASE("verbal figures are sets without rounding", "[claims][figure]") {
  CHECK(readings("triple-digit").strict == Interval::closed_open("100"_dec, "1000"_dec));
  CHECK(readings("single digits").rounded == Interval::closed_open("0"_dec, "10"_dec));
  CHECK(readings("nearly doubled").strict == Interval::closed_open("1.8"_dec, "2"_dec));
  CHECK(readings("less than half").truncated == Interval::less_than("0.5"_dec));
  CHECK(read_claim_figure("triple-digit", "triple-digit", "other").unit.dimension == Dimension::percent);
  CHECK(read_claim_figure("nearly doubled", "nearly doubled", "other").unit.dimension == Dimension::multiple);
}

TEST_CASE("a figure that states no number has no readings and says why", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("zero valuation", "used to have zero valuation", "market_cap");
  CHECK_FALSE(f.has_value());
  CHECK(f.problem == "figure 'zero valuation' states no number (expected a number, found 'zero')");
}

TEST_CASE("direction words come from the lexicon: retreat, declining and decrease are falls", "[claims][figure]") {
  CHECK(read_claim_figure("3%", "a 3% retreat in the shares", "price_change").readings->strict == Interval::point("-3"_dec));
  CHECK(read_claim_figure("5%", "declining 5% year on year", "revenue_growth").readings->strict == Interval::point("-5"_dec));
  CHECK(read_claim_figure("20%", "a decrease of 20%", "usage_change").readings->strict == Interval::point("-20"_dec));
  CHECK(read_claim_figure("5%", "rising 5% year on year", "revenue_growth").readings->strict == Interval::point("5"_dec));
}
