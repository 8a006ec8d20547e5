#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/normalize/v1_figure.hpp"

using namespace finmetrics;

namespace {
std::string read(std::string_view text) {
  auto f = parse_v1_figure(text);
  if (!f) return "error: " + f.error().describe();
  return fmt::format("{} {} x10^{}{}", f->currency, f->amount.coefficient().str(), f->amount.exponent(),
                     f->per_share ? " per share" : "");
}
}  // namespace

TEST_CASE("every marker, scale and per-share form of the v1 grammar reads exactly", "[normalize][v1]") {
  CHECK(read("Rmb81bn") == "CNY 81 x10^9");
  CHECK(read("$11bn") == "USD 11 x10^9");
  CHECK(read("380 billion yuan") == "CNY 380 x10^9");
  CHECK(read("26.549 billion yuan") == "CNY 26549 x10^6");
  CHECK(read("HK$140.9 per share") == "HKD 1409 x10^-1 per share");
  CHECK(read("US$34.5bn") == "USD 345 x10^8");
  CHECK(read("USD 1,234,567.89") == "USD 123456789 x10^-2");
  CHECK(read("RMB 500mn") == "CNY 500 x10^6");
  CHECK(read("CNY 1,234.5 million") == "CNY 12345 x10^5");
  CHECK(read("HKD 3.2 thousand") == "HKD 32 x10^2");
  CHECK(read("\xE2\x82\xAC" "1.5bn") == "EUR 15 x10^8");
  CHECK(read("EUR 2.5tn") == "EUR 25 x10^11");
  CHECK(read("$250k") == "USD 250 x10^3");
  CHECK(read("$3.5m") == "USD 35 x10^5");
  CHECK(read("1,500 Hong Kong dollars") == "HKD 1500 x10^0");
  CHECK(read("12.5 euros per share") == "EUR 125 x10^-1 per share");
  CHECK(read("7 US dollars") == "USD 7 x10^0");
  CHECK(read("380bn yuan") == "CNY 380 x10^9");
  CHECK(read("0.5 yuan per share") == "CNY 5 x10^-1 per share");
  CHECK(read("$00012") == "USD 12 x10^0");
  CHECK(read("$1234567") == "USD 1234567 x10^0");
  CHECK(read("$12345678901234567890123.5") == "USD 123456789012345678901235 x10^-1");
}

TEST_CASE("figures outside the v1 grammar are refused with the position and the reason", "[normalize][v1]") {
  CHECK(read("") == "error: empty figure");
  CHECK(read("81bn") == "error: '81bn' at column 5: no currency marker");
  CHECK(read("$5bn yuan") == "error: '$5bn yuan' at column 1: two currency markers");
  CHECK(read("Rmb8,1bn") == "error: 'Rmb8,1bn' at column 5: expected three digits after ','");
  CHECK(read("$1234,567") == "error: '$1234,567' at column 6: a thousands separator after more than three digits");
  CHECK(read("$1,2345") == "error: '$1,2345' at column 3: expected three digits after ','");
  CHECK(read("$5.") == "error: '$5.' at column 4: expected a digit after '.'");
  CHECK(read("$.5") == "error: '$.5' at column 2: expected a digit");
  CHECK(read("Rmb81 bn") == "error: 'Rmb81 bn' at column 6: unexpected text after the figure");
  CHECK(read("nearly $5bn") == "error: 'nearly $5bn' at column 1: expected a currency marker or a digit");
  CHECK(read("\xC2\xA3" "5bn") == "error: '\xC2\xA3" "5bn' at column 1: expected a currency marker or a digit");
  CHECK(read("$5bn ") == "error: '$5bn ' at column 5: unexpected text after the figure");
  CHECK(read("$5 per  share") == "error: '$5 per  share' at column 3: unexpected text after the figure");
  CHECK(read("$1" + std::string(38, '0')) ==
        "error: '$1" + std::string(38, '0') + "' at column 2: more than 38 significant digits");
  CHECK(parse_v1_figure("$1" + std::string(38, '0')).error().code == Errc::overflow);
}
