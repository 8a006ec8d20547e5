#include "finmetrics/series/join.hpp"

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {

PeriodSeries quarters(std::initializer_list<std::pair<int, const char*>> points) {
  PeriodSeries s(metrics::revenue(), Unit::money(CNY));
  for (const auto& [q, v] : points)
    s.append(Period::quarter(2024, q), v == nullptr ? std::nullopt : std::optional(Decimal::parse(v).value()));
  return s;
}

}  // namespace

TEST_CASE("an inner join keeps the keys of both series") {
  const auto j = join(quarters({{1, "1"}, {2, "2"}, {3, nullptr}}), quarters({{2, "20"}, {3, "30"}, {4, "40"}}));
  REQUIRE(j.keys.size() == 2);
  CHECK(j.keys[0] == Period::quarter(2024, 2));
  CHECK(j.left[0] == "2"_dec);
  CHECK(j.right[0] == "20"_dec);
  CHECK_FALSE(j.left[1].has_value());  // missing stays missing
  CHECK(j.right[1] == "30"_dec);
}

TEST_CASE("an outer join keeps every key, missing where a side is absent") {
  const auto j = join(quarters({{1, "1"}, {3, "3"}}), quarters({{2, "20"}, {3, "30"}}), JoinKind::outer);
  REQUIRE(j.keys.size() == 3);
  CHECK(j.left[0] == "1"_dec);
  CHECK_FALSE(j.right[0].has_value());
  CHECK_FALSE(j.left[1].has_value());
  CHECK(j.right[1] == "20"_dec);
  CHECK(j.left[2] == "3"_dec);
  CHECK(j.right[2] == "30"_dec);
}

TEST_CASE("an as-of join takes the latest present observation at or before each period end") {
  DateSeries close(metrics::ads_price(), Unit::money(USD, Per::ads));
  close.append(Date{2024, 3, 28}, "76.00"_dec);   // Thursday before Good Friday
  close.append(Date{2024, 6, 28}, "72.00"_dec);   // Friday; June 30 is a Sunday
  close.append(Date{2024, 9, 30}, std::nullopt);  // missing, and June is too old
  close.append(Date{2024, 12, 20}, "80.00"_dec);  // 11 days before the quarter end
  PeriodSeries shares = quarters({{1, "1"}, {2, "2"}, {3, "3"}, {4, "4"}});
  const auto j = join_asof(shares, close);
  REQUIRE(j.keys.size() == 4);
  CHECK(j.right[0] == "76.00"_dec);
  CHECK(j.right_dates[0] == Date{2024, 3, 28});
  CHECK(j.right[1] == "72.00"_dec);
  CHECK(j.right_dates[1] == Date{2024, 6, 28});
  CHECK_FALSE(j.right[2].has_value());  // nothing present within 7 days of 2024-09-30
  CHECK_FALSE(j.right[3].has_value());  // too old
  const auto wide = join_asof(shares, close, date::days{11});
  CHECK(wide.right[3] == "80.00"_dec);
  CHECK(wide.right_dates[3] == Date{2024, 12, 20});
}
