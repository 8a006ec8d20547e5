#include "finmetrics/parse/parse_figure.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "figure_test_support.hpp"

using namespace finmetrics;
using finmetrics::test::figure_error;

namespace {

void check_error(std::string_view text, Errc code, std::string_view message, std::size_t position,
                 const ParseOptions& options = {}) {
  const Error e = figure_error(text, options);
  INFO("figure: '" << std::string(text) << "'");
  CHECK(e.code == code);
  CHECK(e.message == message);
  CHECK(e.position == position);
  CHECK(e.input == text);
}

}  // namespace

TEST_CASE("an empty text or a lone qualifier is not a figure", "[parse_figure][errors]") {
  check_error("", Errc::syntax, "expected a figure, found the end of the text", 0);
  check_error("   ", Errc::syntax, "expected a figure, found the end of the text", 3);
  check_error("about", Errc::syntax, "expected a number after 'about'", 5);
  check_error("nearly ", Errc::syntax, "expected a number after 'nearly'", 6);
}

TEST_CASE("a scale needs a number", "[parse_figure][errors]") {
  check_error("bn", Errc::syntax, "scale 'bn' without a number", 0);
  check_error("$bn", Errc::syntax, "scale 'bn' without a number", 1);
  check_error("about billion", Errc::syntax, "scale 'billion' without a number", 6);
}

TEST_CASE("a malformed number names the position of the problem", "[parse_figure][errors]") {
  check_error("1..2", Errc::syntax, "expected a digit after '.'", 2);
  check_error("5.", Errc::syntax, "expected a digit after '.'", 2);
  check_error(".5", Errc::syntax, "expected a digit before '.'", 0);
  check_error("--5", Errc::syntax, "expected a number, found '-'", 1);
  check_error("$-", Errc::syntax, "expected a number, found the end of the text", 2);
  check_error("foo 5", Errc::syntax, "expected a number, found 'foo'", 0);
}

TEST_CASE("thousands separators come strictly in groups of three", "[parse_figure][errors]") {
  check_error("1,23,4", Errc::syntax, "expected three digits after ','", 2);
  check_error("Rmb8,1bn", Errc::ambiguous,
              "'8,1' has a decimal comma, which only some locales write: set a locale (de, fr, ...)", 4);
  check_error("12,3456", Errc::ambiguous,
              "'12,3456' has a decimal comma, which only some locales write: set a locale (de, fr, ...)", 2);
  check_error("1,000,", Errc::syntax, "unexpected ',' after the figure", 5);
  check_error("1234,567", Errc::ambiguous,
              "'1234,567' has a decimal comma, which only some locales write: set a locale (de, fr, ...)", 4);
  // Indian grouping is not supported
  check_error("1,23,456", Errc::syntax,
              "'1,23,456' has Indian digit grouping, read only with a rupee marker or the locale en-IN", 0);
}

TEST_CASE("a currency marker that is not known, or needs context", "[parse_figure][errors]") {
  check_error("XYZ 5", Errc::unknown_currency, "unknown currency 'XYZ'", 0);
  check_error("5 ZZZ", Errc::unknown_currency, "unknown currency 'ZZZ'", 2);
  check_error("about XYZ 5", Errc::unknown_currency, "unknown currency 'XYZ'", 6);
  check_error("¥5bn", Errc::ambiguous,
              "ambiguous currency '¥': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan", 0);
  ParseOptions no_dollar;
  no_dollar.currency.dollar = std::nullopt;
  check_error("$5bn", Errc::ambiguous,
              "ambiguous currency '$': which dollar (USD, HKD, ...)? set CurrencyContext::dollar", 0, no_dollar);
  check_error("5 dollars", Errc::ambiguous,
              "ambiguous currency 'dollars': which dollar (USD, HKD, ...)? set CurrencyContext::dollar", 2, no_dollar);
}

TEST_CASE("a figure has at most one currency marker", "[parse_figure][errors]") {
  check_error("$5bn yuan", Errc::syntax, "two currency markers: '$' and 'yuan'", 5);
  check_error("US$5bn US dollars", Errc::syntax, "two currency markers: 'US$' and 'US dollars'", 7);
  check_error("Rmb5亿元", Errc::syntax, "two currency markers: 'Rmb' and '元'", 7);
}

TEST_CASE("a number beyond 38 significant digits overflows", "[parse_figure][errors]") {
  check_error("123456789012345678901234567890123456789", Errc::overflow,
              "number has more than 38 significant digits", 0);
  check_error("$1,234,567,890,123,456,789,012,345,678,901,234,567,890bn", Errc::overflow,
              "number has more than 38 significant digits", 1);
  check_error("0.123456789012345678901234567890123456789", Errc::overflow,
              "number has more than 38 significant digits", 0);
}

TEST_CASE("units must come in order and fit together", "[parse_figure][errors]") {
  check_error("5bn!", Errc::syntax, "unexpected '!' after the figure", 3);
  check_error(std::string_view("5bn\0x", 5), Errc::syntax, "unexpected '\\x00' after the figure", 3);  // escaped, never a raw NUL
  check_error("5zz", Errc::syntax, "unknown scale or unit 'zz' after the number", 1);
  check_error("5bn million", Errc::syntax, "second scale 'million' after 'bn'", 4);
  check_error("5bn%", Errc::syntax, "unexpected '%' after 'bn'", 3);
  check_error("5 per share", Errc::syntax, "'per share' needs a currency amount", 2);
  check_error("$5 per annum", Errc::syntax, "expected 'cent', 'share' or 'ADS' after 'per', found 'annum'", 7);
  check_error("2 basis", Errc::syntax, "expected 'points' after 'basis', found the end of the text", 7);
  check_error("5 Foo", Errc::syntax, "unknown unit 'Foo'", 2);
  check_error("5 yuan ner share", Errc::syntax, "unexpected 'ner share' after 'yuan'", 7);
  check_error("$5 million shares", Errc::syntax, "unexpected 'shares' after 'million'", 11);
  check_error("5 and 7", Errc::syntax, "unexpected 'and' after the figure", 2);
  ParseOptions no_counts;
  no_counts.count_nouns = false;
  check_error("5 shares", Errc::syntax, "unknown unit 'shares'", 2, no_counts);
}

TEST_CASE("the ends of a range must agree", "[parse_figure][errors]") {
  check_error("Rmb3bn-$4bn", Errc::currency_mismatch, "range ends in different currencies: CNY and USD", 7);
  check_error("5%-7pp", Errc::syntax, "range ends in different units: '%' and 'pp'", 4);
  check_error("more than 5-7%", Errc::syntax, "a range cannot follow 'more than'", 11);
  check_error("7-5%", Errc::syntax, "range runs backwards: '7' is above '5%'", 2);
  check_error("between 5 or 7", Errc::syntax, "expected 'and' after 'between 5', found 'or'", 10);
  check_error("5-", Errc::syntax, "expected a number, found the end of the text", 2);
  check_error("5--7", Errc::syntax, "expected a number, found '-'", 2);
  check_error("$5 to", Errc::syntax, "expected a number, found the end of the text", 5);
}

TEST_CASE("an error describes itself with the figure and a 1-based column", "[parse_figure][errors]") {
  CHECK(figure_error("1,23,4").describe() == "'1,23,4' at column 3: expected three digits after ','");
}
