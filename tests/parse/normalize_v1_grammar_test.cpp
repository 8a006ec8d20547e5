// Every figure of the normalize v1 closed grammar (../shared/specs/normalize-v1.md)
// reads with the currency, value and per-share flag the spec gives.

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "figure_test_support.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using finmetrics::test::read_figure;
using finmetrics::test::same_decimal;

namespace {

struct Expected {
  const char* figure;
  Currency currency;
  long long coefficient;
  int exponent;
  bool per_share;
};

// ../shared/bench/handpicked.csv, worked out by hand from the spec.
// clang-format off
const Expected handpicked[] = {
    {"Rmb81bn", CNY, 81, 9, false},
    {"HK$140.9 per share", HKD, 1409, -1, true},
    {"380 billion yuan", CNY, 380, 9, false},
    {"26.549 billion yuan", CNY, 26549, 6, false},
    {"US$34.5bn", USD, 345, 8, false},
    {"$11bn", USD, 11, 9, false},
    {"Rmb12bn", CNY, 12, 9, false},
    {"CNY 1,234.5 million", CNY, 12345, 5, false},
    {"0.5 yuan per share", CNY, 5, -1, true},
    {"€1.5bn", EUR, 15, 8, false},
    {"EUR 2.5tn", EUR, 25, 11, false},
    {"1,500 Hong Kong dollars", HKD, 1500, 0, false},
    {"HKD 3.2 thousand", HKD, 32, 2, false},
    {"12.5 euros per share", EUR, 125, -1, true},
    {"RMB 500mn", CNY, 500, 6, false},
    {"$250k", USD, 250, 3, false},
    {"USD 1,234,567.89", USD, 123456789, -2, false},
};
// clang-format on

// One CSV record of a simple file (RFC 4180 quoting, no embedded newlines).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the hand-picked normalize v1 figures read as the spec says", "[normalize_v1]") {
  for (const Expected& e : handpicked) {
    INFO(e.figure);
    const QuotedFigure f = read_figure(e.figure);
    CHECK(f.unit.currency == e.currency);
    CHECK(same_decimal(f.value, e.coefficient, e.exponent));
    CHECK((f.unit.per == Per::share) == e.per_share);
    CHECK(f.qualifier == Qualifier::none);
    CHECK_FALSE(f.is_range());
  }
}

TEST_CASE("the shared hand-picked file agrees with its expected output on currency and per share",
          "[normalize_v1]") {
  FINMETRICS_REQUIRE_SHARED("bench/handpicked.csv");
  FINMETRICS_REQUIRE_SHARED("bench/handpicked_expected.csv");
  std::ifstream in(finmetrics::test::shared_path("bench/handpicked.csv"));
  std::ifstream expected(finmetrics::test::shared_path("bench/handpicked_expected.csv"));
  std::string line;
  std::string expected_line;
  REQUIRE(std::getline(in, line));
  REQUIRE(std::getline(expected, expected_line));
  int rows = 0;
  while (std::getline(in, line)) {
    REQUIRE(std::getline(expected, expected_line));
    const auto input = csv_fields(line);
    const auto want = csv_fields(expected_line);  // date,figure,currency,usd_value,per_share
    REQUIRE(input.size() == 2);
    REQUIRE(want.size() == 5);
    INFO(input[1]);
    const QuotedFigure f = read_figure(input[1]);
    REQUIRE(f.unit.currency.has_value());
    CHECK(f.unit.currency->code() == want[2]);
    CHECK((f.unit.per == Per::share ? "1" : "0") == want[4]);
    if (want[2] == "USD") {
      // a US dollar figure needs no rate: its usd_value is the amount (printed %.17g)
      CHECK(f.value.to_double() == Approx(std::stod(want[3])).epsilon(1e-15));
    }
    ++rows;
  }
  CHECK(rows == 17);
}

TEST_CASE("every combination of the closed grammar reads with its currency, value and per share",
          "[normalize_v1]") {
  const std::pair<const char*, Currency> prefixes[] = {
      {"$", USD},   {"US$", USD}, {"USD ", USD}, {"Rmb", CNY}, {"RMB ", CNY},
      {"CNY ", CNY}, {"HK$", HKD}, {"HKD ", HKD}, {"€", EUR},   {"EUR ", EUR}};
  const std::pair<const char*, Currency> suffixes[] = {
      {" yuan", CNY}, {" US dollars", USD}, {" Hong Kong dollars", HKD}, {" euros", EUR}};
  const std::pair<const char*, int> scale_forms[] = {
      {"", 0},  {"k", 3},         {"m", 6},         {"mn", 6},         {"bn", 9},
      {"tn", 12}, {" thousand", 3}, {" million", 6}, {" billion", 9}, {" trillion", 12}};
  // the number as written and as Decimal::parse reads it without separators
  const std::pair<const char*, const char*> numbers[] = {
      {"81", "81"},           {"26.549", "26.549"},       {"1,234.5", "1234.5"},
      {"1,234,567", "1234567"}, {"0.03", "0.03"},          {"140.9", "140.9"},
      {"12,345,678.125", "12345678.125"}, {"7", "7"},     {"0", "0"},
      {"00012", "00012"},     {"999,999,999.99", "999999999.99"}, {"1234567", "1234567"}};

  int checked = 0;
  const auto check = [&](const std::string& figure, Currency currency, const char* plain, int scale, bool per_share) {
    INFO(figure);
    // "$26.549" with no scale is 26549 where a dot groups thousands: since issue 9
    // it is ambiguous without a locale, and reads as v1 says with the locale en.
    ParseOptions options;
    if (scale == 0 && std::string_view(plain) == "26.549") {
      CHECK(finmetrics::test::figure_error(figure).code == Errc::ambiguous);
      options.locale = "en";
    }
    const QuotedFigure f = read_figure(figure, options);
    const Decimal want = Decimal::parse(plain).value().shifted(scale);
    CHECK(f.unit.currency == currency);
    CHECK(f.value == want);
    CHECK(f.value.exponent() == want.exponent());
    CHECK((f.unit.per == Per::share) == per_share);
    ++checked;
  };
  for (const auto& [number, plain] : numbers) {
    for (const auto& [scale_text, scale] : scale_forms) {
      for (const bool per_share : {false, true}) {
        const std::string tail = per_share ? " per share" : "";
        for (const auto& [prefix, currency] : prefixes) {
          check(std::string(prefix) + number + scale_text + tail, currency, plain, scale, per_share);
        }
        for (const auto& [suffix, currency] : suffixes) {
          check(std::string(number) + scale_text + suffix + tail, currency, plain, scale, per_share);
        }
      }
    }
  }
  CHECK(checked == 12 * 10 * 2 * 14);
}
