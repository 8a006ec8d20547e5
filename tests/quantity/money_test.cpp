#include <concepts>
#include <stdexcept>
#include <type_traits>

#include <catch2/catch.hpp>

#include "finmetrics/quantity/ads_price.hpp"
#include "finmetrics/quantity/money.hpp"
#include "finmetrics/quantity/share_count.hpp"
#include "finmetrics/quantity/share_price.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;

namespace {
template <class A, class B>
concept Addable = requires(const A& a, const B& b) { a + b; };
template <class A, class B>
concept Subtractable = requires(const A& a, const B& b) { a - b; };
template <class A, class B>
concept Multipliable = requires(const A& a, const B& b) { a * b; };
template <class A, class B>
concept Divisible = requires(const A& a, const B& b) { a / b; };
}  // namespace

// The type system refuses what makes no sense (tests/compile_fail/ checks the
// same through the compiler's own diagnostics).
static_assert(Addable<Money<USD>, Money<USD>>);
static_assert(!Addable<Money<USD>, Money<CNY>>);
static_assert(!Subtractable<Money<USD>, Money<CNY>>);
static_assert(!Addable<Money<USD>, Decimal>);
static_assert(!Addable<Money<HKD>, SharePrice<HKD>>);
static_assert(!Divisible<Money<USD>, Money<USD>>);
static_assert(!Multipliable<Money<USD>, Money<USD>>);
static_assert(!std::equality_comparable_with<Money<USD>, Money<CNY>>);
static_assert(!std::is_convertible_v<Decimal, Money<USD>>);
static_assert(!std::is_constructible_v<Money<USD>, Decimal>);
static_assert(!std::is_convertible_v<Money<USD>, Money<CNY>>);
static_assert(std::is_same_v<decltype(SharePrice<HKD>{} * ShareCount{}), Money<HKD>>);
static_assert(!Multipliable<AdsPrice<USD>, ShareCount>);
static_assert(!Multipliable<SharePrice<USD>, SharePrice<USD>>);
static_assert(Money<CNY>::currency() == CNY);

TEST_CASE("Money adds and subtracts exactly within one currency", "[quantity][money]") {
  const auto a = Money<USD>::of("1.50"_dec);
  const auto b = Money<USD>::of("2.25"_dec);
  CHECK((a + b).amount() == "3.75"_dec);
  CHECK((a - b).amount() == "-0.75"_dec);
  CHECK((-a).amount() == "-1.5"_dec);
  auto c = a;
  c += b;
  c -= Money<USD>::of("0.05"_dec);
  CHECK(c == Money<USD>::of("3.70"_dec));
  CHECK(c.amount().to_string() == "3.70");
  CHECK(Money<USD>{}.amount() == "0"_dec);
}

TEST_CASE("Money scales by a decimal or a ratio", "[quantity][money]") {
  const auto revenue = Money<CNY>::of("81"_dec.shifted(9));  // Rmb81bn
  CHECK((revenue * "0.5"_dec).amount() == "40500000000"_dec);
  CHECK(("2"_dec * revenue).amount() == "162000000000"_dec);
  CHECK((revenue * Ratio::from_percent("8.8"_dec)).amount() == "7128000000"_dec);
}

TEST_CASE("Money compares by value within one currency", "[quantity][money]") {
  CHECK(Money<USD>::of("81"_dec) == Money<USD>::of("81.000"_dec));
  CHECK(Money<USD>::of("11"_dec) < Money<USD>::of("11.01"_dec));
  CHECK(Money<USD>::of("-1"_dec) < Money<USD>{});
  CHECK(Money<USD>::of("2"_dec) != Money<USD>::of("3"_dec));
}

TEST_CASE("Money knows its currency and unit", "[quantity][money]") {
  const auto m = Money<HKD>::of("140.9"_dec);
  CHECK(m.currency() == HKD);
  CHECK(m.amount() == "140.9"_dec);
  CHECK(m.unit() == Unit::money(HKD));
  CHECK(m.to_string() == "140.9 HKD");
  CHECK(fmt::format("{}", m) == "140.9 HKD");
}

TEST_CASE("Money divided by money is a ratio only with an explicit precision", "[quantity][money]") {
  // 7.128bn / 81bn = 0.088 exactly; 1 / 3 needs rounding.
  const auto profit = Money<CNY>::of("7.128"_dec.shifted(9));
  const auto revenue = Money<CNY>::of("81"_dec.shifted(9));
  CHECK(ratio(profit, revenue, 4).value() == "0.088"_dec);
  const auto third = ratio(Money<USD>::of("1"_dec), Money<USD>::of("3"_dec), 3);
  CHECK(third.value().to_string() == "0.333");
  CHECK(ratio(Money<USD>::of("2"_dec), Money<USD>::of("3"_dec), 2, Rounding::down).value().to_string() == "0.66");
  CHECK(ratio(Money<USD>::of("2"_dec), Money<USD>::of("3"_dec), 2, Rounding::half_even).value().to_string() ==
        "0.67");
  CHECK_THROWS_AS(ratio(Money<USD>::of("1"_dec), Money<USD>{}, 3), std::domain_error);
}

TEST_CASE("Money rounds to its currency's minor unit", "[quantity][money]") {
  CHECK(Money<USD>::of("2.675"_dec).rounded_to_minor_units().amount().to_string() == "2.68");
  CHECK(Money<USD>::of("2.665"_dec).rounded_to_minor_units().amount().to_string() == "2.66");
  CHECK(Money<USD>::of("2.665"_dec).rounded_to_minor_units(Rounding::half_up).amount().to_string() == "2.67");
  CHECK(Money<JPY>::of("1234.5"_dec).rounded_to_minor_units().amount().to_string() == "1234");
  CHECK(Money<KWD>::of("1.23456"_dec).rounded_to_minor_units().amount().to_string() == "1.235");
  CHECK(Money<CLF>::of("1.234567"_dec).rounded_to_minor_units().amount().to_string() == "1.2346");
  CHECK(Money<USD>::of("81"_dec).rescaled(-2).amount().to_string() == "81.00");
  CHECK_THROWS_AS(Money<XAU>::of("1.5"_dec).rounded_to_minor_units(), std::domain_error);
}
