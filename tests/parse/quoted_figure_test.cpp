#include "finmetrics/parse/quoted_figure.hpp"

#include <catch2/catch.hpp>

#include "figure_test_support.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::read_figure;

namespace {
std::string interval_of(std::string_view text) { return read_figure(text).interval().to_string(); }
}  // namespace

TEST_CASE("a figure allows the values that round to it", "[quoted_figure]") {
  CHECK(interval_of("Rmb81bn") == "[80500000000, 81500000000)");
  CHECK(interval_of("26.549 billion yuan") == "[26548500000, 26549500000)");
  CHECK(interval_of("HK$140.9 per share") == "[140.85, 140.95)");
  CHECK(interval_of("1,500 Hong Kong dollars") == "[1499.5, 1500.5)");
  CHECK(read_figure("Rmb81bn").rounding_interval().to_string() == "[80500000000, 81500000000)");
}

TEST_CASE("rounding of a negative figure goes half away from zero", "[quoted_figure]") {
  CHECK(read_figure("-5%").rounding_interval().to_string() == "(-5.5, -4.5]");
  CHECK(read_figure("0%").rounding_interval().to_string() == "(-0.5, 0.5)");
}

TEST_CASE("the truncation reading is the alternative: digits cut off towards zero", "[quoted_figure]") {
  CHECK(read_figure("Rmb81bn").truncation_interval().to_string() == "[81000000000, 82000000000)");
  CHECK(read_figure("26.549 billion yuan").truncation_interval().to_string() == "[26549000000, 26550000000)");
  CHECK(read_figure("-5%").truncation_interval().to_string() == "(-6, -5]");
  const QuotedFigure f = read_figure("Rmb81bn");
  CHECK(f.interval(f.tolerances, Reading::truncated) == f.truncation_interval());
}

TEST_CASE("nearly and almost allow values just below the figure", "[quoted_figure]") {
  CHECK(interval_of("nearly 60%") == "[57, 60)");
  CHECK(interval_of("almost $2bn") == "[1900000000, 2000000000)");
  CHECK(interval_of("just under 60%") == "[57, 60)");
  // with no tolerance, the half unit below the last digit is left
  HedgeTolerances strict;
  strict.just_below = "0"_dec;
  CHECK(read_figure("nearly 60%").interval(strict).to_string() == "[59.5, 60)");
}

TEST_CASE("just over allows values just above the figure", "[quoted_figure]") {
  CHECK(interval_of("just over 60%") == "(60, 63]");
}

TEST_CASE("more than, at least, less than and up to are one-sided and not widened by rounding", "[quoted_figure]") {
  CHECK(interval_of("more than $100 billion") == "(100000000000, +inf)");
  CHECK(interval_of("over $100bn") == "(100000000000, +inf)");
  CHECK(interval_of("north of $100bn") == "(100000000000, +inf)");
  CHECK(interval_of("at least 5%") == "[5, +inf)");
  CHECK(interval_of("less than 5%") == "(-inf, 5)");
  CHECK(interval_of("under 5%") == "(-inf, 5)");
  CHECK(interval_of("up to $3bn") == "(-inf, 3000000000]");
  CHECK(interval_of("at most $3bn") == "(-inf, 3000000000]");
}

TEST_CASE("about allows the hull of the rounding and the tolerance band", "[quoted_figure]") {
  // 13 -+ 0.65 is wider than 13 -+ 0.5
  CHECK(interval_of("about 13%") == "[12.35, 13.65]");
  // 26.549bn -+ 5% is 25.22155bn .. 27.87645bn
  CHECK(interval_of("roughly 26.549 billion yuan") == "[25221550000, 27876450000]");
  HedgeTolerances tight;
  tight.approximate = "0.01"_dec;
  // 13 -+ 0.13 is inside the rounding interval
  CHECK(read_figure("about 13%").interval(tight).to_string() == "[12.5, 13.5)");
  // truncated reading: [13, 14) with 13 -+ 0.65
  CHECK(read_figure("about 13%").interval(HedgeTolerances{}, Reading::truncated).to_string() == "[12.35, 14)");
}

TEST_CASE("the parse options' tolerances travel with the figure", "[quoted_figure]") {
  ParseOptions options;
  options.tolerances.approximate = "0.1"_dec;
  const QuotedFigure f = read_figure("about 13%", options);
  CHECK(f.tolerances.approximate == "0.1"_dec);
  CHECK(f.interval().to_string() == "[11.7, 14.3]");
}

TEST_CASE("a range allows the hull of its ends", "[quoted_figure]") {
  CHECK(interval_of("$3bn-$4bn") == "[2500000000, 4500000000)");
  CHECK(interval_of("between 5 and 7 per cent") == "[4.5, 7.5)");
  CHECK(interval_of("5-7%") == "[4.5, 7.5)");
  CHECK(read_figure("$3bn-$4bn").truncation_interval().to_string() == "[3000000000, 5000000000)");
  HedgeTolerances wide;
  wide.approximate = "0.2"_dec;
  // 5 -+ 1 and 7 -+ 1.4
  CHECK(read_figure("about 5-7%").interval(wide).to_string() == "[4, 8.4]");
}

TEST_CASE("a figure's interval contains the values it allows", "[quoted_figure]") {
  const Interval i = read_figure("Rmb81bn").interval();
  CHECK(i.contains("80.5e9"_dec));
  CHECK(i.contains("81.4999e9"_dec));
  CHECK_FALSE(i.contains("81.5e9"_dec));
}
