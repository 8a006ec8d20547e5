#include "finmetrics/series/market_csv.hpp"

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::shared_path;

namespace {

std::string at(const DateSeries& s, Date d) {
  const auto* v = s.find(d);
  if (v == nullptr) return "absent";
  return *v ? (*v)->to_string() : "missing";
}

Error error_of(std::string_view text) {
  auto r = parse_market_csv(text, "prices.csv", MarketCsvOptions{USD, Per::ads});
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace

TEST_CASE("BABA raw: timestamp,open,high,low,close,volume, newest first, read oldest first") {
  FINMETRICS_REQUIRE_SHARED("data/market/BABA-daily-raw.csv");
  const PriceHistory h =
      load_market_csv(shared_path("data/market/BABA-daily-raw.csv"), {USD, Per::ads, "ADSs", std::nullopt}).value();
  REQUIRE(h.close.size() == 1603);
  CHECK(h.close.key(0) == Date{2019, 1, 2});
  CHECK(h.close.keys().back() == Date{2025, 5, 16});
  CHECK(at(h.close, Date{2025, 5, 16}) == "123.46");
  CHECK(at(h.open, Date{2025, 5, 16}) == "125.78");
  CHECK(at(h.high, Date{2025, 5, 14}) == "134.51");
  CHECK(at(h.low, Date{2019, 1, 2}) == "133.03");
  CHECK(at(h.volume, Date{2025, 5, 16}) == "20089993");
  CHECK(at(h.close, Date{2025, 5, 17}) == "absent");  // a Saturday
  CHECK(h.close.unit() == Unit::money(USD, Per::ads));
  CHECK(h.close.metric().kind == MetricKind::stock);
  CHECK(h.volume.unit() == Unit::count_of("ADSs"));
  CHECK(h.volume.metric().kind == MetricKind::flow);
  CHECK(h.adj_close.empty());
  CHECK(h.dividends.empty());
  CHECK(h.ticker.empty());
  CHECK(h.utc_offset.empty());
}

TEST_CASE("BABA adjusted: Date,Close,High,Low,Open,Volume with a partial last day that can be dropped") {
  FINMETRICS_REQUIRE_SHARED("data/market/BABA-daily-adjusted.csv");
  const auto file = shared_path("data/market/BABA-daily-adjusted.csv");
  const PriceHistory all = load_market_csv(file, {USD, Per::ads}).value();
  REQUIRE(all.close.size() == 1313);
  CHECK(all.close.keys().back() == Date{2026, 3, 26});
  // Vendors print doubles with all their digits: read as decimal text, exactly.
  CHECK(at(all.close, Date{2021, 1, 4}) == "216.3880157470703");
  CHECK(at(all.close, Date{2025, 5, 16}) == "121.4079818725586");  // dividend-adjusted, not 123.46
  CHECK(at(all.open, Date{2021, 1, 4}) == "215.10592167570363");
  const PriceHistory complete = load_market_csv(file, {USD, Per::ads, "ADSs", Date{2026, 3, 25}}).value();
  CHECK(complete.close.size() == 1312);
  CHECK(complete.close.keys().back() == Date{2026, 3, 25});
  CHECK(at(complete.volume, Date{2026, 3, 25}) == "12812200");
}

TEST_CASE("9988.HK raw: dates with a time and a +08:00 offset, dividends and splits") {
  FINMETRICS_REQUIRE_SHARED("data/market/9988HK-daily-raw.csv");
  const PriceHistory h = load_market_csv(shared_path("data/market/9988HK-daily-raw.csv"), {HKD, Per::share}).value();
  REQUIRE(h.close.size() == 1323);
  CHECK(h.utc_offset == "+08:00");
  CHECK(h.close.key(0) == Date{2020, 1, 2});  // the local trading day, not shifted to UTC
  CHECK(at(h.close, Date{2024, 11, 29}) == "83.6500015258789");
  CHECK(at(h.close, Date{2025, 5, 22}) == "118.80000305175781");
  CHECK(h.close.unit() == Unit::money(HKD, Per::share));
  CHECK(h.dividends.size() == 1323);
  CHECK(at(h.dividends, Date{2020, 1, 2}) == "0.0");
  CHECK(h.stock_splits.metric().kind == MetricKind::ratio);
}

TEST_CASE("9988.HK adjusted: a ticker row under the header") {
  FINMETRICS_REQUIRE_SHARED("data/market/9988HK-daily-adjusted.csv");
  const PriceHistory h =
      load_market_csv(shared_path("data/market/9988HK-daily-adjusted.csv"), {HKD, Per::share}).value();
  CHECK(h.ticker == "9988.HK");
  REQUIRE(h.close.size() == 1228);
  CHECK(h.close.key(0) == Date{2021, 3, 1});
  CHECK(at(h.close, Date{2021, 3, 1}) == "233.06358337402344");
  CHECK(at(h.close, Date{2026, 2, 27}) == "142.89999389648438");
}

TEST_CASE("empty and nan prices are missing values; rows in any order are sorted") {
  const PriceHistory h = parse_market_csv("Date,Close,Volume\n"
                                          "2025-05-16,123.46,100\n"
                                          "2025-05-14,nan,\n"
                                          "2025-05-15,,200\n",
                                          "prices.csv", {USD, Per::ads})
                             .value();
  REQUIRE(h.close.size() == 3);
  CHECK(h.close.key(0) == Date{2025, 5, 14});
  CHECK(at(h.close, Date{2025, 5, 14}) == "missing");
  CHECK(at(h.close, Date{2025, 5, 15}) == "missing");
  CHECK(at(h.volume, Date{2025, 5, 15}) == "200");
  CHECK(h.open.empty());
}

TEST_CASE("market file errors name the file, line, column and field") {
  SECTION("a price that is not a number") {
    const Error e = error_of("timestamp,open,close\n2025-05-16,125.78,12x.5\n");
    CHECK(e.code == Errc::syntax);
    CHECK(e.line == 2);
    CHECK(e.input == "12x.5");
    CHECK(e.message == "prices.csv:2:19: close: '12x.5' is not a decimal number");
  }
  SECTION("a day that does not exist") {
    const Error e = error_of("Date,Close\n2025-02-30,1\n");
    CHECK(e.code == Errc::invalid_date);
    CHECK(e.message == "prices.csv:2:9: date: invalid date '2025-02-30': February 2025 has 28 days");
  }
  SECTION("a time that is not one") {
    const Error e = error_of("Date,Close\n2025-05-16 9:30,1\n");
    CHECK(e.code == Errc::invalid_date);
    CHECK(e.message == "prices.csv:2:11: date: '2025-05-16 9:30' is not a date (expected YYYY-MM-DD, optionally "
                       "' HH:MM:SS' and '+HH:MM')");
  }
  SECTION("a repeated date") {
    const Error e = error_of("Date,Close\n2025-05-16,1\n2025-05-15,2\n2025-05-16,3\n");
    CHECK(e.code == Errc::csv);
    CHECK(e.message == "prices.csv:4:1: date: 2025-05-16 is already on line 2");
  }
  SECTION("an unknown column") {
    const Error e = error_of("Date,Close,Bid\n");
    CHECK(e.code == Errc::csv);
    CHECK(e.message == "prices.csv:1:12: header: unknown column 'Bid' (known: Date or timestamp, Open, High, Low, "
                       "Close, Adj Close, Volume, Dividends, Stock Splits)");
  }
  SECTION("no close column") {
    const Error e = error_of("Date,Open\n");
    CHECK(e.message == "prices.csv:1: header: no 'Close' column (columns: Date or timestamp, Open, High, Low, "
                       "Close, Adj Close, Volume, Dividends, Stock Splits)");
  }
  SECTION("a short row") {
    const Error e = error_of("Date,Open,Close\n2025-05-16,1\n");
    CHECK(e.message == "prices.csv:2: expected 3 fields as in the header, read 2");
  }
  SECTION("a ticker row that names two tickers") {
    const Error e = error_of("Date,Close,Open\n,9988.HK,BABA\n");
    CHECK(e.message == "prices.csv:2:10: ticker row: expected '9988.HK' in every column, read 'BABA'");
  }
}
