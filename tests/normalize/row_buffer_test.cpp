// The v2 row's writers into one buffer against the string appenders they stand
// beside: Normalizer::write_parts against Normalizer::convert_parts (the same text
// wherever it answers, and it leaves no converted value to the other), and
// detail::write_plain against append_plain, on random values over the whole ECB
// history and on hand-picked edges.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/normalize/detail/exact_quotient.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v2_figure.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using detail::u128;

namespace {

// Mantissas as figures write them (1 to 18 digits, many trailing zeros) and a few past 64 bits.
u128 random_magnitude(std::mt19937_64& rng) {
  const int kind = static_cast<int>(rng() % 10);
  if (kind == 0) return 0;
  if (kind == 1) return (static_cast<u128>(rng()) << 64 | rng()) % detail::pow10_u128(38);
  const int digits = 1 + static_cast<int>(rng() % 18);
  u128 m = rng() % static_cast<std::uint64_t>(detail::pow10_u128(digits));
  if (kind == 2) m -= m % detail::pow10_u128(static_cast<int>(rng() % static_cast<std::uint64_t>(digits)));
  return m;
}

}  // namespace

TEST_CASE("v2 rows: write_parts writes convert_parts' text wherever it answers", "[normalize][v2][fast]") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  const FxTable fx = load_ecb_csv(test::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  std::vector<Currency> currencies = {Currency{{'E', 'U', 'R'}}, Currency{{'G', 'B', 'X'}}};  // GBX: not in the table
  for (const FxSeries& s : fx.series()) currencies.push_back(s.quote);
  std::vector<NormalizeOptions> sets(7);
  sets[1].significant_digits = 6;
  sets[1].rounding = Rounding::floor;
  sets[2].target = Currency{{'J', 'P', 'Y'}};
  sets[2].rounding = Rounding::ceiling;
  sets[3].target = Currency{{'E', 'U', 'R'}};
  sets[3].scale_exponent = 9;
  sets[3].rounding = Rounding::half_up;
  sets[4].target = Currency{{'C', 'N', 'Y'}};
  sets[4].significant_digits = 1;
  sets[4].rounding = Rounding::down;
  sets[4].max_staleness = date::days{0};
  sets[5].decimals = 2;  // write_parts leaves every row to convert_parts
  sets[6].significant_digits = 36;
  sets[6].rounding = Rounding::up;
  std::mt19937_64 rng(20261206);
  std::size_t answered = 0, left = 0, refused = 0;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    sets[k].spec = NormalizeSpec::v2;
    const Normalizer n(fx, sets[k]);
    for (int i = 0; i < 40000; ++i) {
      const u128 magnitude = random_magnitude(rng);
      const int exponent = static_cast<int>(rng() % 41) - 25;
      const bool negative = rng() % 3 == 0;
      const Currency currency = i % 7 == 0 ? sets[k].target : currencies[rng() % currencies.size()];
      // 1995..2027: before some currencies' first fixing, stale ones, after the table's end.
      const auto day = static_cast<std::int32_t>(9131 + rng() % 11900);
      char buffer[detail::general_max_bytes + 1];
      const char* const end = n.write_parts(magnitude, exponent, negative, currency, day, buffer);
      std::string text, why;
      const Normalizer::Refusal r = n.convert_parts(magnitude, exponent, negative, currency, day, text, why);
      INFO("set " << k << " " << currency.code() << " day " << day << " exponent " << exponent << " negative "
                  << negative << " -> " << text << why);
      if (sets[k].decimals) CHECK(end == nullptr);
      if (end != nullptr) {
        ++answered;
        CHECK(r == Normalizer::Refusal::none);
        CHECK(std::string(buffer, static_cast<std::size_t>(end - buffer)) == text);
      } else {
        ++(r == Normalizer::Refusal::none ? left : refused);
      }
    }
  }
  // Most values are answered by the kernel; the rest (no rate, stale, --decimals,
  // 38-digit products) are left to convert_parts.
  CHECK(answered > 100000);
  CHECK(left > 40000);
  CHECK(refused > 10000);
}

TEST_CASE("v2 rows: write_plain writes append_plain's text", "[normalize][v2][fast]") {
  std::mt19937_64 rng(77);
  std::size_t written = 0, left = 0;
  const auto check_one = [&](u128 magnitude, int exponent, bool negative) {
    std::string text;
    append_plain(text, magnitude, exponent, negative);
    char buffer[detail::plain_max_bytes];
    const char* const end = detail::write_plain(buffer, magnitude, exponent, negative);
    INFO("exponent " << exponent << " negative " << negative << " -> " << text);
    if (end == nullptr) {
      ++left;  // only what would not fit the buffer, or exponents far beyond a figure's
      CHECK((text.size() > static_cast<std::size_t>(detail::plain_max_bytes) || exponent > detail::plain_max_bytes ||
             exponent < -4 * detail::plain_max_bytes));
      return;
    }
    ++written;
    CHECK(std::string(buffer, static_cast<std::size_t>(end - buffer)) == text);
  };
  for (int i = 0; i < 200000; ++i)
    check_one(random_magnitude(rng), static_cast<int>(rng() % 121) - 70, rng() % 2 == 0);
  for (const u128 m : {u128{0}, u128{1}, u128{10}, u128{100000}, u128{9999999999}, u128{10000000000},
                       u128{UINT64_MAX}, static_cast<u128>(UINT64_MAX) + 1, detail::pow10_u128(38) - 1})
    for (const int e : {-300, -257, -256, -65, -64, -39, -20, -2, -1, 0, 1, 2, 30, 45, 64, 65, 1000})
      for (const bool negative : {false, true}) check_one(m, e, negative);
  CHECK(written > 150000);
  CHECK(left > 1000);
}

TEST_CASE("v2 rows: without reasons, a value without a rate is refused alike and its reason is not worded",
          "[normalize][v2][fast]") {
  const FxTable fx = parse_ecb_csv("Date,USD,CNY,\n2014-03-03,1.3773,8.4632,\n2014-03-20,1.3800,,\n", "mini").value();
  NormalizeOptions explained;
  explained.spec = NormalizeSpec::v2;
  NormalizeOptions quiet = explained;
  quiet.reasons = false;
  const Normalizer with(fx, explained), without(fx, quiet);
  const Currency cny{{'C', 'N', 'Y'}}, usd{{'U', 'S', 'D'}};
  const auto day = [](int y, unsigned m, unsigned d) {
    return static_cast<std::int32_t>(date::sys_days{date::year{y} / m / d}.time_since_epoch().count());
  };
  struct Case {
    Currency currency;
    std::int32_t day;
    Normalizer::Refusal refusal;
    std::string_view text, why;
  };
  const Case cases[] = {
      {cny, day(2014, 3, 3), Normalizer::Refusal::none, "1.6273986199073636", ""},
      {cny, day(2014, 3, 1), Normalizer::Refusal::no_rate, "", "no CNY rate on or before 2014-03-01 (first fixing 2014-03-03)"},
      {cny, day(2014, 3, 20), Normalizer::Refusal::no_rate, "",
       "latest EUR/CNY fixing 2014-03-03 is 17 days before 2014-03-20 (limit 7 days)"},
      {usd, day(2014, 3, 1), Normalizer::Refusal::none, "10", ""},
  };
  for (const Case& c : cases) {
    INFO(c.currency.code() << " " << c.day);
    std::string text, why, quiet_text, quiet_why;
    CHECK(with.convert_parts(10, 0, false, c.currency, c.day, text, why) == c.refusal);
    CHECK(without.convert_parts(10, 0, false, c.currency, c.day, quiet_text, quiet_why) == c.refusal);
    CHECK(text == c.text);
    CHECK(quiet_text == c.text);
    CHECK(why == c.why);
    CHECK(quiet_why.empty());
  }
}
