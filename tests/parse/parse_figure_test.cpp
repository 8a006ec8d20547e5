#include "finmetrics/parse/parse_figure.hpp"

#include <catch2/catch.hpp>

#include "figure_test_support.hpp"
#include "finmetrics/currency/iso4217.hpp"

using namespace finmetrics;
using finmetrics::test::read_figure;
using finmetrics::test::same_decimal;

TEST_CASE("Rmb81bn is 81 x 10^9 yuan, stated to the nearest billion", "[parse_figure]") {
  const QuotedFigure f = read_figure("Rmb81bn");
  CHECK(same_decimal(f.value, 81, 9));
  CHECK(same_decimal(f.number, 81, 0));
  CHECK(f.scale == scales::billion);
  CHECK(f.scale.symbol == "bn");
  CHECK(f.unit == Unit::money(CNY));
  CHECK(f.qualifier == Qualifier::none);
  CHECK_FALSE(f.is_range());
  CHECK(f.text == "Rmb81bn");
  CHECK(f.span == TextSpan{0, 7});
}

TEST_CASE("26.549 billion yuan is stated to the nearest million", "[parse_figure]") {
  const QuotedFigure f = read_figure("26.549 billion yuan");
  CHECK(same_decimal(f.value, 26549, 6));
  CHECK(same_decimal(f.number, 26549, -3));
  CHECK(f.scale == scales::billion);
  CHECK(f.unit == Unit::money(CNY));
}

TEST_CASE("currency prefixes: symbols, aliases and ISO codes", "[parse_figure]") {
  CHECK(read_figure("$11bn").unit == Unit::money(USD));
  CHECK(read_figure("US$34.5bn").unit == Unit::money(USD));
  CHECK(read_figure("HK$2.3bn").unit == Unit::money(HKD));
  CHECK(read_figure("RMB 500mn").unit == Unit::money(CNY));
  CHECK(read_figure("CNY 380 million").unit == Unit::money(CNY));
  CHECK(read_figure("USD 1,234.5").unit == Unit::money(USD));
  CHECK(read_figure("HKD 3.2 thousand").unit == Unit::money(HKD));
  CHECK(read_figure("EUR 2.5tn").unit == Unit::money(EUR));
  CHECK(read_figure("€1.5bn").unit == Unit::money(EUR));
  CHECK(read_figure("£40m").unit == Unit::money(GBP));
  CHECK(read_figure("GBP 40m").unit == Unit::money(GBP));
  CHECK(read_figure("$ 5bn").unit == Unit::money(USD));
}

TEST_CASE("the context decides what $ and ¥ name", "[parse_figure]") {
  ParseOptions hk;
  hk.currency.dollar = HKD;
  CHECK(read_figure("$5bn", hk).unit == Unit::money(HKD));
  CHECK(read_figure("5 dollars", hk).unit == Unit::money(HKD));
  CHECK(read_figure("US$5bn", hk).unit == Unit::money(USD));

  ParseOptions cn;
  cn.currency.yen_or_yuan = CNY;
  const QuotedFigure f = read_figure("¥5bn", cn);
  CHECK(f.unit == Unit::money(CNY));
  CHECK(same_decimal(f.value, 5, 9));
}

TEST_CASE("currency suffixes: words and Chinese characters", "[parse_figure]") {
  CHECK(read_figure("380 billion yuan").unit == Unit::money(CNY));
  CHECK(read_figure("1,500 Hong Kong dollars").unit == Unit::money(HKD));
  CHECK(read_figure("2 billion US dollars").unit == Unit::money(USD));
  CHECK(read_figure("12.5 euros per share").unit == Unit::money(EUR, Per::share));
  CHECK(read_figure("5 HKD").unit == Unit::money(HKD));
  CHECK(read_figure("5 dollars").unit == Unit::money(USD));

  const QuotedFigure yi = read_figure("5亿元");
  CHECK(same_decimal(yi.value, 5, 8));
  CHECK(yi.scale == scales::yi);
  CHECK(yi.unit == Unit::money(CNY));

  const QuotedFigure wanyi = read_figure("3.5万亿元");
  CHECK(same_decimal(wanyi.value, 35, 11));
  CHECK(wanyi.scale.exponent == 12);

  CHECK(read_figure("120港元").unit == Unit::money(HKD));
  CHECK(same_decimal(read_figure("3万美元").value, 3, 4));
  CHECK(read_figure("3万美元").unit == Unit::money(USD));
}

TEST_CASE("numbers: thousands separators, decimals, signs, leading zeros", "[parse_figure]") {
  CHECK(same_decimal(read_figure("USD 1,234,567.89").value, 123456789, -2));
  CHECK(same_decimal(read_figure("CNY 1,234.5 million").value, 12345, 5));
  CHECK(same_decimal(read_figure("$1234567").value, 1234567, 0));
  CHECK(same_decimal(read_figure("0.5 yuan per share").value, 5, -1));
  CHECK(same_decimal(read_figure("0.05").value, 5, -2));
  CHECK(same_decimal(read_figure("00012").value, 12, 0));
  CHECK(same_decimal(read_figure("1.50").value, 150, -2));
  CHECK(same_decimal(read_figure("-5%").value, -5, 0));
  CHECK(same_decimal(read_figure("−5%").value, -5, 0));  // U+2212 minus sign
  CHECK(same_decimal(read_figure("+5%").value, 5, 0));
  CHECK(same_decimal(read_figure("-$5bn").value, -5, 9));
  CHECK(same_decimal(read_figure("$-5bn").value, -5, 9));
  // 38 significant digits still fit
  CHECK(read_figure("12345678901234567890123456789012345678").value.digits() == 38);
  CHECK(same_decimal(read_figure("0.000000000000000000000000000000000000000001").value, 1, -42));
}

TEST_CASE("scales: attached, spaced words, Indian and Chinese", "[parse_figure]") {
  CHECK(same_decimal(read_figure("$250k").value, 250, 3));
  CHECK(same_decimal(read_figure("$3.5m").value, 35, 5));
  CHECK(same_decimal(read_figure("$3.5mn").value, 35, 5));
  CHECK(same_decimal(read_figure("Rmb1.2tn").value, 12, 11));
  CHECK(same_decimal(read_figure("$5 thousand").value, 5, 3));
  CHECK(same_decimal(read_figure("$5 million").value, 5, 6));
  CHECK(same_decimal(read_figure("$5 trillion").value, 5, 12));
  CHECK(same_decimal(read_figure("$5 bn").value, 5, 9));
  CHECK(same_decimal(read_figure("₹5 lakh").value, 5, 5));
  CHECK(same_decimal(read_figure("₹2.5 crore").value, 25, 6));
  CHECK(same_decimal(read_figure("3万").value, 3, 4));
  CHECK(read_figure("₹2.5 crore").unit == Unit::money(INR));
  CHECK(read_figure("$5 million").scale.symbol == "mn");
}

TEST_CASE("per share, per ADS and a share", "[parse_figure]") {
  const QuotedFigure hk = read_figure("HK$140.9 per share");
  CHECK(same_decimal(hk.value, 1409, -1));
  CHECK(hk.unit == Unit::money(HKD, Per::share));
  CHECK(read_figure("US$1.2 per ADS").unit == Unit::money(USD, Per::ads));
  CHECK(read_figure("$1.2 per ADR").unit == Unit::money(USD, Per::ads));
  CHECK(read_figure("$1.2 a share").unit == Unit::money(USD, Per::share));
  CHECK(read_figure("12.5 yuan per share").unit == Unit::money(CNY, Per::share));
}

TEST_CASE("percentages, percentage points, basis points and multiples", "[parse_figure]") {
  const QuotedFigure pct = read_figure("13%");
  CHECK(same_decimal(pct.value, 13, 0));
  CHECK(pct.unit == Unit::of(Dimension::percent));
  CHECK(read_figure("13 per cent").unit == Unit::of(Dimension::percent));
  CHECK(read_figure("13 percent").unit == Unit::of(Dimension::percent));
  CHECK(read_figure("13 %").unit == Unit::of(Dimension::percent));
  CHECK(same_decimal(read_figure("13.5 per cent").value, 135, -1));

  CHECK(read_figure("2 percentage points").unit == Unit::of(Dimension::percentage_points));
  CHECK(read_figure("1 percentage point").unit == Unit::of(Dimension::percentage_points));
  CHECK(read_figure("2pp").unit == Unit::of(Dimension::percentage_points));
  CHECK(read_figure("25bp").unit == Unit::of(Dimension::basis_points));
  CHECK(read_figure("25bps").unit == Unit::of(Dimension::basis_points));
  CHECK(read_figure("25 basis points").unit == Unit::of(Dimension::basis_points));

  const QuotedFigure x = read_figure("6.5x");
  CHECK(same_decimal(x.value, 65, -1));
  CHECK(x.unit == Unit::of(Dimension::multiple));
  CHECK(read_figure("6.5 times").unit == Unit::of(Dimension::multiple));
}

TEST_CASE("a bare number and a count", "[parse_figure]") {
  const QuotedFigure n = read_figure("1,234");
  CHECK(same_decimal(n.value, 1234, 0));
  CHECK(n.unit == Unit{});

  const QuotedFigure shares = read_figure("1.2 billion shares");
  CHECK(same_decimal(shares.value, 12, 8));
  CHECK(shares.unit == Unit::count_of("shares"));
  CHECK(read_figure("900 million annual active consumers").unit == Unit::count_of("annual active consumers"));
  CHECK(read_figure("8 ordinary shares").unit == Unit::count_of("ordinary shares"));
}

TEST_CASE("qualifier words in front, in any case", "[parse_figure]") {
  const auto q = [](std::string_view text) { return read_figure(text).qualifier; };
  CHECK(q("about 13%") == Qualifier::about);
  CHECK(q("About 13%") == Qualifier::about);
  CHECK(q("around $5bn") == Qualifier::around);
  CHECK(q("roughly Rmb5bn") == Qualifier::roughly);
  CHECK(q("approximately 5 million yuan") == Qualifier::approximately);
  CHECK(q("approx. 5%") == Qualifier::approximately);
  CHECK(q("~5%") == Qualifier::approximately);
  CHECK(q("some 5,000 shares") == Qualifier::some);
  CHECK(q("nearly 60%") == Qualifier::nearly);
  CHECK(q("almost 60%") == Qualifier::almost);
  CHECK(q("just under 60%") == Qualifier::just_under);
  CHECK(q("just over 60%") == Qualifier::just_over);
  CHECK(q("more than $100 billion") == Qualifier::more_than);
  CHECK(q("over $100bn") == Qualifier::over);
  CHECK(q("north of $100bn") == Qualifier::north_of);
  CHECK(q("above 5%") == Qualifier::above);
  CHECK(q("in excess of $1bn") == Qualifier::in_excess_of);
  CHECK(q("at least 5%") == Qualifier::at_least);
  CHECK(q("no less than 5%") == Qualifier::no_less_than);
  CHECK(q("less than 5%") == Qualifier::less_than);
  CHECK(q("under 5%") == Qualifier::under);
  CHECK(q("below 5%") == Qualifier::below);
  CHECK(q("up to $3bn") == Qualifier::up_to);
  CHECK(q("at most $3bn") == Qualifier::at_most);
  CHECK(q("no more than $3bn") == Qualifier::no_more_than);
  CHECK(q("more  than\u00a0$100bn") == Qualifier::more_than);  // any white space between words
}

TEST_CASE("the figure's text and span exclude surrounding white space", "[parse_figure]") {
  const QuotedFigure f = read_figure("  about $5bn \t");
  CHECK(f.text == "about $5bn");
  CHECK(f.span == TextSpan{2, 12});
  const QuotedFigure nbsp = read_figure("\u00a0Rmb81bn\u00a0");  // no-break spaces are two bytes each
  CHECK(nbsp.span == TextSpan{2, 9});
  CHECK(read_figure("€81\u00a0bn").value == read_figure("€81bn").value);
}

TEST_CASE("ranges: dash, 'to' and 'between ... and'", "[parse_figure]") {
  const QuotedFigure usd = read_figure("$3bn-$4bn");
  CHECK(same_decimal(usd.value, 3, 9));
  REQUIRE(usd.upper.has_value());
  CHECK(same_decimal(*usd.upper, 4, 9));
  CHECK(usd.unit == Unit::money(USD));

  const QuotedFigure pct = read_figure("5-7%");
  CHECK(same_decimal(pct.value, 5, 0));
  CHECK(same_decimal(*pct.upper, 7, 0));
  CHECK(pct.unit == Unit::of(Dimension::percent));

  const QuotedFigure between = read_figure("between 5 and 7 per cent");
  CHECK(same_decimal(between.value, 5, 0));
  CHECK(same_decimal(*between.upper, 7, 0));
  CHECK(between.unit == Unit::of(Dimension::percent));
  CHECK(between.qualifier == Qualifier::none);

  // the lower end borrows the scale and currency it leaves out
  const QuotedFigure shared_scale = read_figure("$3-4bn");
  CHECK(same_decimal(shared_scale.value, 3, 9));
  CHECK(same_decimal(shared_scale.number, 3, 0));
  CHECK(shared_scale.scale == scales::billion);
  CHECK(shared_scale.unit == Unit::money(USD));

  const QuotedFigure words = read_figure("3 to 4 billion yuan");
  CHECK(same_decimal(words.value, 3, 9));
  CHECK(same_decimal(*words.upper, 4, 9));
  CHECK(words.unit == Unit::money(CNY));

  CHECK(same_decimal(*read_figure("$900m–$1.2bn").upper, 12, 8));  // en dash, different scales
  CHECK(same_decimal(read_figure("$900m–$1.2bn").value, 900, 6));
  CHECK(read_figure("about 5-7%").qualifier == Qualifier::about);
  CHECK(same_decimal(read_figure("-5 to -3%").value, -5, 0));
  CHECK(same_decimal(read_figure("5 - 7%").value, 5, 0));
}
