// Issue 9: the forms real financial text uses (normalize-v2.md and the forms that
// failed), each read to an exact value, or refused with a reason.

#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "figure_test_support.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/parse/parse_figure.hpp"

using namespace finmetrics;
using finmetrics::test::figure_error;
using finmetrics::test::read_figure;

namespace {

Decimal dec(const char* s) { return Decimal::parse(s).value(); }

// Reads `text` as money of `currency` worth `value` (compared as numbers), per `per`.
void money(const std::string& text, Currency currency, const char* value, Per per = Per::whole,
           const ParseOptions& options = {}) {
  INFO(text);
  const QuotedFigure f = read_figure(text, options);
  CHECK(f.unit.currency == currency);
  CHECK(f.value == dec(value));
  CHECK(f.unit.per == per);
}

void range(const std::string& text, Currency currency, const char* low, const char* high, Per per = Per::whole) {
  INFO(text);
  const QuotedFigure f = read_figure(text);
  CHECK(f.unit.currency == currency);
  CHECK(f.value == dec(low));
  REQUIRE(f.upper.has_value());
  CHECK(*f.upper == dec(high));
  CHECK(f.unit.per == per);
}

void refused(const std::string& text, Errc code, const std::string& message, const ParseOptions& options = {}) {
  INFO(text);
  const Error e = figure_error(text, options);
  CHECK(e.code == code);
  CHECK(e.message == message);
}

ParseOptions with_locale(const char* locale) {
  ParseOptions o;
  o.locale = locale;
  return o;
}

}  // namespace

TEST_CASE("Markers the lexicon knows, before or after the number", "[parse][v2]") {
  money("Kč 45", CZK, "45");
  money("45 Kč", CZK, "45");
  money("1 200 руб", RUB, "1200");
  money("₪30m", ILS, "30000000");
  money("KD 42", KWD, "42");
  money("RM5.2bn", MYR, "5200000000");
  money("Rs 1,200 crore", INR, "12000000000");
  money("Rs. 45.25 billion", INR, "45250000000");
  money("R$0.4", BRL, "0.4");
  money("NZ$7.58 million", NZD, "7580000");
  money("฿80m", THB, "80000000");
  money("₽6,572.59", RUB, "6572.59");
  money("20€", EUR, "20");
  money("42 KWD", KWD, "42");
  money("75 USD million", USD, "75000000");
  money("0.06RON per share", RON, "0.06", Per::share);
  money("5,109,326,885CHF", CHF, "5109326885");
  money("928 million ₺", TRY, "928000000");
  money("31.58 ₽", RUB, "31.58");
  money("10 rmb", CNY, "10");
  money("20 usd", USD, "20");
  money("386.1bn YUAN", CNY, "386100000000");
}

TEST_CASE("Multi-word currency names in any case", "[parse][v2]") {
  money("5 U.S. dollars", USD, "5");
  money("twelve billion u.s. dollars", USD, "12000000000");
  money("10 Australian dollars", AUD, "10");
  money("3 Swiss francs", CHF, "3");
  money("8 pounds sterling", GBP, "8");
  money("0.06\u202fNew Zealand Dollars", NZD, "0.06");
  money("~2 thousand Singapore dollars", SGD, "2000");
  money("98,576,673,621 pounds", GBP, "98576673621");
  money("2 billion rand", ZAR, "2000000000");
  money("235.70b reais", BRL, "235700000000");
  money("380 亿元", CNY, "38000000000");
  money("5港元", HKD, "5");
}

TEST_CASE("A sign, a space, then the number", "[parse][v2]") {
  money("$ 75 million", USD, "75000000");
  money("€ 11.69", EUR, "11.69");
  money("HK$ 8 each", HKD, "8", Per::share);
}

TEST_CASE("Space, thin-space and Indian digit grouping", "[parse][v2]") {
  money("10 000 dollars", USD, "10000");  // was USD 0: silently wrong
  money("INR 64\u00a0810", INR, "64810");
  money("GBP 44 138 047 041.1", GBP, "44138047041.1");
  money("RMB88\u2009670\u2009450\u2009734", CNY, "88670450734");
  money("500 000 million euros", EUR, "500000000000");
  money("Rs 4,60,518.80 crore", INR, "4605188000000");
  money("₹19,84,943.09 crore", INR, "19849430900000");
  money("₹2,83,27,863", INR, "28327863");
  money("1,83,29,487 rupees", INR, "18329487");
  money("INR27,24,747 crore", INR, "27247470000000");
  money("₹1.41 lakh crore", INR, "1410000000000");
  money("0.65 lakh crore INR", INR, "650000000000");
  refused("$1,23,456", Errc::syntax,
          "'1,23,456' has Indian digit grouping, read only with a rupee marker or the locale en-IN");
  money("$1,23,456", USD, "123456", Per::whole, with_locale("en-IN"));
}

TEST_CASE("Decimal commas and dot grouping are read by a locale, never guessed", "[parse][v2]") {
  refused("45,00 zł", Errc::ambiguous, "'45,00' has a decimal comma, which only some locales write: set a locale (de, fr, ...)");
  money("45,00 zł", PLN, "45", Per::whole, with_locale("pl"));
  refused("€1.234", Errc::ambiguous,
          "'1.234' is 1234 where a dot groups thousands: set a locale (en, de, ...) or add a scale");
  money("€1.234", EUR, "1234", Per::whole, with_locale("de"));
  money("€1.234", EUR, "1.234", Per::whole, with_locale("en"));
  money("€1.234bn", EUR, "1234000000");  // a scale says it is a decimal point
  money("1.234.567,89 €", EUR, "1234567.89", Per::whole, with_locale("de"));
  refused("1.234.567,89 €", Errc::ambiguous,
          "'1.234.567,89' groups digits with '.', which only some locales write: set a locale (de, ...)");
  money("1 234,5 €", EUR, "1234.5", Per::whole, with_locale("fr"));
  money("$1,234,567", USD, "1234567");  // not ambiguous
  money("$1.5", USD, "1.5");            // not ambiguous
  money("CHF 1'234.50", CHF, "1234.5", Per::whole, with_locale("de-CH"));
  refused("$1,5", Errc::syntax, "expected three digits after ','", with_locale("en"));
  refused("$1,5", Errc::syntax, "unknown locale 'xx' (data/lexicon/locales.csv lists them)", with_locale("xx"));
  refused("$1,234.5", Errc::syntax, "'1,234.5' is not a number in the locale de: ',' does not group its digits",
          with_locale("de"));
}

TEST_CASE("Minor units: cents, pence, paise, cps", "[parse][v2]") {
  money("5p", GBP, "0.05");
  money("16.56p", GBP, "0.1656");
  money("5.77 pence per ordinary share", GBP, "0.0577", Per::share);
  money("US4.5cps", USD, "0.045", Per::share);
  money("80 HK cents", HKD, "0.8");
  money("HK1 cent", HKD, "0.01");
  money("1.49 cents", USD, "0.0149");
  money("33.6 Australian cents", AUD, "0.336");
  money("0.23 HK cents a share", HKD, "0.0023", Per::share);
  money("0.8 paise per share", INR, "0.008", Per::share);
  money("20 dollars 43 cents", USD, "20.43");  // was $20
}

TEST_CASE("A class of share between per and share: the lexicon's share_class words", "[parse][v2][per]") {
  // Was refused: only `per ordinary share` was known.
  money("$1.20 per common share", USD, "1.20", Per::share);
  money("R$ 1.32 per preferred and common share", BRL, "1.32", Per::share);
  money("$0.50 per Class A share", USD, "0.50", Per::share);
  money("5.77 pence per ordinary share", GBP, "0.0577", Per::share);
  refused("$1 per common stock", Errc::syntax, "expected 'cent', 'share' or 'ADS' after 'per', found 'common'");
  refused("$1 per common and", Errc::syntax, "expected 'cent', 'share' or 'ADS' after 'per', found 'common'");
}

TEST_CASE("Coins and slang: a worth per coin, a dollar only by default", "[parse][v2][coins]") {
  money("5 nickels", USD, "0.25");
  money("five nickels", USD, "0.25");
  money("two hundred thousand nickels", USD, "10000");
  money("ten dimes", USD, "1");
  money("1 dime", USD, "0.1");
  money("10 grand", USD, "10000");
  money("2.5 grand", USD, "2500");
  money("42 bucks", USD, "42");
  const QuotedFigure grand = read_figure("10 grand");
  CHECK(grand.currency_source == CurrencySource::default_);  // "grand" is also a thousand pounds
  CHECK(grand.value.exponent() == 3);                       // stated to the nearest thousand
  ParseOptions hk;
  hk.currency.dollar = HKD;
  hk.currency.dollar_is_option = true;
  money("5 nickels", HKD, "0.25", Per::whole, hk);
  refused("grand 5", Errc::syntax, "'grand' follows the number ('5 grand')");
  refused("two grand slams", Errc::syntax, "'grand' before 'slams' is no amount of money");
  CHECK_FALSE(read_figure("4 quarters").unit.currency.has_value());  // a year, far more often than a dollar
}

TEST_CASE("More currency names, minor units and percentage", "[parse][v2]") {
  money("20 €ur", EUR, "20");
  money("42 egyptianpound", EGP, "42");
  money("42 L.E", EGP, "42");
  money("42 l.e.", EGP, "42");
  money("42 le", EGP, "42");
  money("42 geneh", EGP, "42");
  money("42 genihat masriya", EGP, "42");
  money("42 Saudiriyal", SAR, "42");
  money("42 malaysia ringgit", MYR, "42");
  money("42 Malaysian ringgits", MYR, "42");
  money("ten pennies", GBP, "0.1");
  money("twenty ringgit 43 sens", MYR, "20.43");
  money("3 UAH 4 kopiykas", UAH, "3.04");
  for (const char* text : {"100 percentage", "thirty percentage"}) {
    INFO(text);
    const QuotedFigure f = read_figure(text);
    CHECK(f.unit.dimension == Dimension::percent);
  }
  CHECK(read_figure("100 percentage").value == dec("100"));
  CHECK(read_figure("thirty percentage").value == dec("30"));
  CHECK(read_figure("5 percentage points").unit.dimension == Dimension::percentage_points);
}

TEST_CASE("Number words and fractions", "[parse][v2]") {
  money("three billion dollars", USD, "3000000000");
  money("a billion dollars", USD, "1000000000");
  money("half a billion euros", EUR, "500000000");
  money("twenty-five million yuan", CNY, "25000000");
  money("three hundred and twenty million dollars", USD, "320000000");
  {
    const QuotedFigure f = read_figure("more than half a billion dollars");
    CHECK(f.qualifier == Qualifier::more_than);
    CHECK(f.value == dec("500000000"));
  }
  {
    const QuotedFigure f = read_figure("nearly six times");
    CHECK(f.qualifier == Qualifier::nearly);
    CHECK(f.unit.dimension == Dimension::multiple);
    CHECK(f.value == dec("6"));
  }
  {
    const QuotedFigure f = read_figure("a near fourfold increase");
    CHECK(f.qualifier == Qualifier::nearly);
    CHECK(f.unit.dimension == Dimension::multiple);
    CHECK(f.value == dec("4"));
  }
  {
    const QuotedFigure f = read_figure("one-fifth");
    CHECK(f.unit.dimension == Dimension::percent);
    CHECK(f.value == dec("20"));
  }
  {
    const QuotedFigure f = read_figure("a third");
    CHECK(f.unit.dimension == Dimension::percent);
    CHECK(f.value == dec("33.333333"));
    CHECK(f.interval().contains(Decimal::from_parts(3333333333333LL, -11)));
  }
  refused("a dollars", Errc::syntax, "'a' needs a scale after it ('a billion')");
}

TEST_CASE("A whole number and a fraction of one: 'two and a half billion'", "[parse][v2]") {
  // Was "a half billion dollars" (USD 500m) in running text, and "a half times" 50%.
  money("two and a half billion dollars", USD, "2500000000");
  CHECK(read_figure("two and a half billion dollars").interval().to_string() == "[2450000000, 2550000000)");
  {
    const QuotedFigure f = read_figure("one and a half times");
    CHECK(f.unit.dimension == Dimension::multiple);
    CHECK(f.value == dec("1.5"));
  }
  {
    const QuotedFigure f = read_figure("three and a quarter percent");
    CHECK(f.unit.dimension == Dimension::percent);
    CHECK(f.value == dec("3.25"));
  }
  {
    const QuotedFigure f = read_figure("ninety-nine and three quarters percent");
    CHECK(f.value == dec("99.75"));
  }
  {
    const QuotedFigure f = read_figure("one and a third times");
    CHECK(f.value == dec("1.333333"));
    CHECK(f.interval().contains(Decimal::from_parts(1333333333333LL, -12)));
  }
  // "and" between two whole numbers is still a range.
  range("between two and three billion dollars", USD, "2000000000", "3000000000");
}

TEST_CASE("Unit words of the lexicon: '4pc' in British papers, '0.2 ppt'", "[parse][v2]") {
  {
    const QuotedFigure f = read_figure("4pc");
    CHECK(f.unit.dimension == Dimension::percent);
    CHECK(f.value == dec("4"));
  }
  {
    const QuotedFigure f = read_figure("0.2 ppt");
    CHECK(f.unit.dimension == Dimension::percentage_points);
    CHECK(f.value == dec("0.2"));
  }
  // `pc` only attached (a `unit_suffix`): apart it is no percentage (a count noun here).
  CHECK(read_figure("5 pc").unit.dimension == Dimension::count);
  money("5p", GBP, "0.05");
}

TEST_CASE("Chinese numerals: 三千亿元, 两万亿港元, 百分之十五, 三点五", "[parse][v2][cjk]") {
  money("三千亿元", CNY, "300000000000");
  money("五百亿元", CNY, "50000000000");
  money("两万亿港元", HKD, "2000000000000");
  money("三万五千亿元", CNY, "3500000000000");
  money("人民币三千亿元", CNY, "300000000000");
  money("十五亿元", CNY, "1500000000");
  money("三点二亿元", CNY, "320000000");
  money("一千二百三十四元", CNY, "1234");
  {
    const QuotedFigure f = read_figure("百分之十五");
    CHECK(f.unit.dimension == Dimension::percent);
    CHECK(f.value == dec("15"));
  }
  {
    const QuotedFigure f = read_figure("百分之三点五");
    CHECK(f.unit.dimension == Dimension::percent);
    CHECK(f.value == dec("3.5"));
  }
  refused("三点", Errc::syntax, "expected a digit after '点', found the end of the text");
}

TEST_CASE("Markers and scales the unseen passages needed: Cr, Bt, Rp", "[parse][v2]") {
  // "Rs. 1,234.56 Cr." was read as INR 1,234.56 in running text (the scale missed).
  money("Rs. 1,234.56 Cr", INR, "12345600000");
  money("Bt1.2 billion", THB, "1200000000");
  money("Rp 40.8 trillion", IDR, "40800000000000");
}

TEST_CASE("Parenthesised negatives", "[parse][v2]") {
  money("($99.99)", USD, "-99.99");  // was +99.99
  money("£(982)m", GBP, "-982000000");
  money("(S$ 544m)", SGD, "-544000000");
  refused("($99.99", Errc::syntax, "expected ')', found the end of the text");
}

TEST_CASE("Ranges with a marker on each end or once", "[parse][v2]") {
  range("HK$1.7bn-HK$2.3bn", HKD, "1700000000", "2300000000");
  range("$2.3-2.5 billion", USD, "2300000000", "2500000000");
  range("between 10.5 billion and 11.7 billion yuan", CNY, "10500000000", "11700000000");
  range("from 4 to 14MM U.S. dollars", USD, "4000000", "14000000");
  range("HK$8–26 per share", HKD, "8", "26", Per::share);
  range("between £990.73 and 3180.4 per share", GBP, "990.73", "3180.4", Per::share);
  range("68.1 billion-0.8 trillion rand", ZAR, "68100000000", "800000000000");
  range("0.7–1.6 HKD per 10 shares", HKD, "0.07", "0.16", Per::share);
}

TEST_CASE("Per share, per 10 shares, per ADS", "[parse][v2]") {
  money("4,013.24 U.S. Dollars per 10 shares", USD, "401.324", Per::share);
  money("₽18.9044 per American depositary share", RUB, "18.9044", Per::ads);
  money("$1.20 per ADS", USD, "1.2", Per::ads);
  money("₹8,023.06 each", INR, "8023.06", Per::share);
  refused("$5 per 3 shares", Errc::syntax, "'per 3 shares' is not per share by a power of ten");
}

TEST_CASE("A bare number is never a percentage, an invisible character never a cut", "[parse][v2]") {
  refused("12.6 decline", Errc::ambiguous,
          "'decline' is a direction, not a unit: '12.6' is a bare number (a percentage without its '%'?)");
  refused("$5\u200d0bn", Errc::syntax, "unexpected invisible character U+200D after the figure");
}

TEST_CASE("How the currency was decided, with its evidence", "[parse][v2][currency_source]") {
  {
    const QuotedFigure f = read_figure("HK$1.7bn");
    CHECK(f.currency_source == CurrencySource::explicit_);
    CHECK(f.currency_marker == "HK$");
    CHECK(f.currency_span == TextSpan{0, 3});
    CHECK(f.currency_family == "dollar");
  }
  {
    const QuotedFigure f = read_figure("about $580 million");
    CHECK(f.currency_source == CurrencySource::default_);
    CHECK(f.unit.currency == USD);
    CHECK(f.currency_marker == "$");
    CHECK(f.currency_span == TextSpan{6, 7});
    CHECK(to_string(f.currency_source) == "default");
  }
  {
    ParseOptions hk;
    hk.currency.dollar = HKD;
    const QuotedFigure f = read_figure("$580 million", hk);
    CHECK(f.unit.currency == HKD);
    CHECK(f.currency_source == CurrencySource::option);
    ParseOptions us;
    us.currency.dollar_is_option = true;
    CHECK(read_figure("$5", us).currency_source == CurrencySource::option);
  }
  {
    ParseOptions yen;
    yen.currency.yen_or_yuan = JPY;
    const QuotedFigure f = read_figure("¥500bn", yen);
    CHECK(f.unit.currency == JPY);
    CHECK(f.currency_source == CurrencySource::option);
    CHECK(f.currency_family == "yen");
  }
  refused("¥500bn", Errc::ambiguous,
          "ambiguous currency '¥': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan");
  {
    const QuotedFigure f = read_figure("NZD $100.70");  // was USD
    CHECK(f.unit.currency == NZD);
    CHECK(f.value == dec("100.70"));
    CHECK(f.currency_source == CurrencySource::explicit_);
    CHECK(f.currency_marker == "NZD");
  }
  {
    const QuotedFigure f = read_figure("US4.5cps");
    CHECK(f.currency_source == CurrencySource::explicit_);
    CHECK(f.currency_marker == "US4.5cps");
  }
  refused("5 pesos", Errc::ambiguous, "ambiguous currency 'pesos': which peso (MXN, PHP, ARS, CLP, COP)? write the ISO code");
  refused("EUR $5", Errc::syntax, "two currency markers: 'EUR' and '$'");
  CHECK(read_figure("13%").currency_source == CurrencySource::none);
  {
    const QuotedFigure f = read_figure("in the region of £1.2bn");
    CHECK(f.qualifier == Qualifier::about);
    CHECK(f.qualifier_span == TextSpan{0, 16});
  }
  // The hedge's span ends before the space after it, whatever its width: U+00A0 is
  // two bytes, U+202F and U+2009 three (the span held the first byte of U+202F).
  for (const std::string& space : {std::string(" "), std::string("\xC2\xA0"), std::string("\xE2\x80\xAF"),
                                  std::string("\xE2\x80\x89"), std::string(" \xE2\x80\xAF ")}) {
    INFO(space);
    const QuotedFigure about = read_figure("about" + space + "$5bn");
    CHECK(about.qualifier == Qualifier::about);
    CHECK(about.qualifier_span == TextSpan{0, 5});
    CHECK(about.value.to_string() == "5000000000");
    const QuotedFigure more = read_figure("more than" + space + "USD 1");
    CHECK(more.qualifier_span == TextSpan{0, 9});
  }
}
