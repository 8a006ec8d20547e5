// Verbal figures: multiples in words with documented, configurable tolerances.
#include <catch2/catch.hpp>

#include "finmetrics/claims/claim_figure.hpp"
#include "finmetrics/claims/verbal_figure.hpp"
#include "lexicon_with_cues.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {
Interval values(std::string_view words, std::string_view metric = "other", const VerbalTolerances& t = {}) {
  const auto v = read_verbal_figure(words, metric, t);
  REQUIRE(v);
  return v->values;
}
}  // namespace

TEST_CASE("plain multiples are within 5% of themselves", "[claims][verbal]") {
  CHECK(values("doubled") == Interval::closed("1.9"_dec, "2.1"_dec));
  CHECK(values("tripled") == Interval::closed("2.85"_dec, "3.15"_dec));
  CHECK(values("fourfold") == Interval::closed("3.8"_dec, "4.2"_dec));
  CHECK(values("four-fold") == Interval::closed("3.8"_dec, "4.2"_dec));
  CHECK(values("halved") == Interval::closed("0.475"_dec, "0.525"_dec));
  CHECK(read_verbal_figure("doubled", "other")->unit.dimension == Dimension::multiple);
}

TEST_CASE("nearly a multiple is short of it by up to 10%; nearly halved is above a half", "[claims][verbal]") {
  CHECK(values("nearly doubled") == Interval::closed_open("1.8"_dec, "2"_dec));
  CHECK(values("near fourfold") == Interval::closed_open("3.6"_dec, "4"_dec));
  CHECK(values("almost tripled") == Interval::closed_open("2.7"_dec, "3"_dec));
  CHECK(values("nearly halved") == Interval::open_closed("0.5"_dec, "0.55"_dec));
  const auto v = read_verbal_figure("nearly doubled", "other");
  CHECK(v->note == "verbal figure 'nearly doubled' read as [1.8, 2) x: short of 2x by at most 10% of it "
                   "(VerbalTolerances::nearly = 0.1)");
}

TEST_CASE("more than double and at least are bounds; more than halved is a deeper fall", "[claims][verbal]") {
  CHECK(values("more than double") == Interval::greater_than("2"_dec));
  CHECK(values("more than doubled") == Interval::greater_than("2"_dec));
  CHECK(values("at least tripled") == Interval::at_least("3"_dec));
  CHECK(values("more than halved") == Interval::less_than("0.5"_dec));
  CHECK(values("less than half") == Interval::less_than("0.5"_dec));
}

TEST_CASE("unchanged is no change within half a percent", "[claims][verbal]") {
  CHECK(values("unchanged") == Interval::closed("0.995"_dec, "1.005"_dec));
  CHECK(values("unchanged", "revenue_growth") == Interval::closed("-0.5"_dec, "0.5"_dec));
  CHECK(read_verbal_figure("unchanged", "revenue_growth")->unit.dimension == Dimension::percent);
}

TEST_CASE("for a growth or change metric a multiple is a change in percent", "[claims][verbal]") {
  CHECK(values("doubled", "revenue_growth") == Interval::closed("90"_dec, "110"_dec));
  CHECK(values("more than double", "profit_growth") == Interval::greater_than("100"_dec));
  CHECK(values("halved", "price_change") == Interval::closed("-52.5"_dec, "-47.5"_dec));
}

TEST_CASE("the tolerances are configurable", "[claims][verbal]") {
  VerbalTolerances t;
  t.nearly = "0.05"_dec;
  t.multiple = "0.02"_dec;
  CHECK(values("nearly doubled", "other", t) == Interval::closed_open("1.9"_dec, "2"_dec));
  CHECK(values("tripled", "other", t) == Interval::closed("2.94"_dec, "3.06"_dec));
}

TEST_CASE("words that are no multiple are not read", "[claims][verbal]") {
  CHECK_FALSE(read_verbal_figure("accelerated growth", "other"));
  CHECK_FALSE(read_verbal_figure("nearly unchanged", "other"));
}

TEST_CASE("a stated exchange rate is a figure of its own", "[claims][figure]") {
  const ClaimFigure a = read_claim_figure("USD1 to RMB6.7335", "at USD1 to RMB6.7335", "fx_rate");
  REQUIRE(a.rate);
  CHECK(a.rate->from.code() == "USD");
  CHECK(a.rate->to.code() == "CNY");
  CHECK(a.readings->strict == Interval::point("6.7335"_dec));
  CHECK(a.readings->rounded == Interval::closed_open("6.73345"_dec, "6.73355"_dec));
  const ClaimFigure b = read_claim_figure("($1 = 6.5864 yuan)", "($1 = 6.5864 yuan)", "fx_rate");
  REQUIRE(b.rate);
  CHECK(b.rate->to.code() == "CNY");
  CHECK(b.readings->strict == Interval::point("6.5864"_dec));
}

TEST_CASE("an amount per 10 shares is a tenth of it per share", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("RMB3.40 per 10 shares", "a final dividend of RMB3.40 per 10 shares", "dividend");
  REQUIRE(f.has_value());
  CHECK(f.unit.per == Per::share);
  CHECK(f.readings->strict == Interval::point("0.34"_dec));
  CHECK(f.readings->rounded == Interval::closed_open("0.3395"_dec, "0.3405"_dec));
  CHECK(f.notes.back() == "'per 10 shares': read as the amount per share, divided by 10");
}

TEST_CASE("a range keeps both ends for checks end to end", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("HK$1.7bn-HK$2.3bn", "raise HK$1.7bn-HK$2.3bn", "proceeds");
  REQUIRE(f.ends);
  CHECK(f.ends->low.strict == Interval::point("1.7e9"_dec));
  CHECK(f.ends->high.rounded == Interval::closed_open("2.25e9"_dec, "2.35e9"_dec));
}

TEST_CASE("a figure beyond the decimal range has no value and says so", "[claims][figure]") {
  const ClaimFigure f = read_claim_figure("about 12345678901234567890123456789012345678", "q", "other");
  CHECK_FALSE(f.has_value());
  CHECK(f.problem.rfind("figure 'about 12345678901234567890123456789012345678' is beyond the 38-digit decimal range", 0) == 0);
}

TEST_CASE("the words of verbal figures are the lexicon's", "[claims][verbal]") {
  // Any currency word, not only dollars; the intervals are the extractor's vague_magnitude rows.
  const auto euros = read_verbal_figure("several billion euros", "other");
  REQUIRE(euros);
  CHECK(euros->unit == Unit::money(Currency{{'E', 'U', 'R'}}));
  CHECK(euros->values == Interval::closed_open("2e9"_dec, "1e10"_dec));
  CHECK(values("Billions of dollars") == Interval::closed_open("1e9"_dec, "1e12"_dec));
  CHECK(read_verbal_figure("Billions of dollars", "other")->unit == Unit::money(Currency{{'U', 'S', 'D'}}));
  // Every hedge of qualifiers.csv: "upwards of" is a bound, "around" no hedge of the multiple.
  CHECK(values("upwards of doubled") == Interval::greater_than("2"_dec));
  CHECK(values("around half") == Interval::closed("0.475"_dec, "0.525"_dec));
  CHECK(values("a threefold increase") == Interval::closed("2.85"_dec, "3.15"_dec));
  CHECK(values("twenty times") == Interval::closed("19"_dec, "21"_dec));
  // One cue row more reads one word more, with no C++.
  CHECK_FALSE(read_verbal_figure("sextupled", "other"));
  const Lexicon lexicon = test::lexicon_with_cues("sextupled,verbal_multiple,6,\n");
  const auto six = read_verbal_figure("sextupled", "other", {}, lexicon);
  REQUIRE(six);
  CHECK(six->values == Interval::closed("5.7"_dec, "6.3"_dec));
}
