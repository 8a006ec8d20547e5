#include <catch2/catch.hpp>

#include "finmetrics/parse/detail/figure_paths.hpp"
#include "finmetrics/parse/parse_figure.hpp"

// "Rmb81bn ($11bn)": an amount and, in brackets after it, what the text says it is worth
// in another currency. parse_figure refused the pair ("unexpected '(' after the
// figure"); it reads the first as the figure and the bracket as its stated equivalent,
// with spans in the whole text, never mixing the two values.

using namespace finmetrics;

TEST_CASE("an amount with its stated equivalent in brackets", "[parse][equivalent]") {
  const auto r = parse_figure("Rmb81bn ($11bn)");
  REQUIRE(r);
  CHECK(r->text == "Rmb81bn ($11bn)");
  CHECK(r->span == TextSpan{0, 15});
  CHECK(r->value.to_string() == "81000000000");
  CHECK(r->unit.to_string() == "CNY");
  CHECK(r->currency_source == CurrencySource::explicit_);
  CHECK(r->interval().to_string() == "[80500000000, 81500000000)");
  REQUIRE(r->equivalents.size() == 1);
  const QuotedFigure& e = r->equivalents[0];
  CHECK(e.text == "$11bn");
  CHECK(e.span == TextSpan{9, 14});
  CHECK(e.value.to_string() == "11000000000");
  CHECK(e.unit.to_string() == "USD");
  CHECK(e.currency_source == CurrencySource::default_);
  CHECK(e.currency_span == TextSpan{9, 10});
}

TEST_CASE("both sides keep their hedges and ranges", "[parse][equivalent]") {
  const auto r = parse_figure("nearly Rmb81bn (about $11bn)");
  REQUIRE(r);
  CHECK(r->qualifier == Qualifier::nearly);
  CHECK(r->qualifier_span == TextSpan{0, 6});
  REQUIRE(r->equivalents.size() == 1);
  CHECK(r->equivalents[0].qualifier == Qualifier::about);
  CHECK(r->equivalents[0].qualifier_span == TextSpan{16, 21});
  CHECK(r->equivalents[0].span == TextSpan{16, 27});

  const auto range = parse_figure("HK$1.7bn-HK$2.3bn (US$218m-US$295m)");
  REQUIRE(range);
  CHECK(range->value.to_string() == "1700000000");
  CHECK(range->upper->to_string() == "2300000000");
  CHECK(range->unit.to_string() == "HKD");
  REQUIRE(range->equivalents.size() == 1);
  CHECK(range->equivalents[0].value.to_string() == "218000000");
  CHECK(range->equivalents[0].upper->to_string() == "295000000");
  CHECK(range->equivalents[0].unit.to_string() == "USD");

  // Spaces inside and after the brackets.
  const auto spaced = parse_figure("Rmb81bn  ( US$11bn ) ");
  REQUIRE(spaced);
  CHECK(spaced->text == "Rmb81bn  ( US$11bn )");
  CHECK(spaced->equivalents.at(0).span == TextSpan{11, 18});
}

TEST_CASE("a bracket that is no amount of money is still refused", "[parse][equivalent]") {
  const auto year = parse_figure("$5bn (2023)");
  REQUIRE_FALSE(year);
  CHECK(year.error().message == "unexpected '(' after the figure");
  CHECK(year.error().position == 5);
  REQUIRE_FALSE(parse_figure("$5bn (up 12%)"));
  REQUIRE_FALSE(parse_figure("60% ($11bn)"));          // the first is no money
  REQUIRE_FALSE(parse_figure("Rmb81bn ($11bn ($1bn))"));  // nested
  REQUIRE_FALSE(parse_figure("Rmb81bn ($11bn"));       // unclosed
  // A bracketed amount alone is still an accounting negative, with no equivalent.
  const auto negative = parse_figure("($5bn)");
  REQUIRE(negative);
  CHECK(negative->value.to_string() == "-5000000000");
  CHECK(negative->equivalents.empty());
}

TEST_CASE("the front and general paths read a stated equivalent alike", "[parse][equivalent]") {
  // Found by fuzz_parse_figure: parse_figure read the pair, the general path alone refused it.
  for (const char* text : {"Rmb81bn ($11bn)", "$000.00000000000(0ZWG)", "HK$1.7bn-HK$2.3bn (US$218m-US$295m)"}) {
    INFO(text);
    const auto both = parse_figure(text);
    const auto general = parse_detail::parse_figure_by(text, {}, parse_detail::FigurePaths::general_only);
    REQUIRE(both);
    REQUIRE(*general);
    CHECK(general->value().text == both->text);
    CHECK(general->value().equivalents.size() == 1);
    CHECK(general->value().value == both->value);
  }
}
