#include "finmetrics/fx/fx_table.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>
#include <fmt/format.h>

namespace finmetrics {

namespace {

namespace mp = boost::multiprecision;
using Wide = mp::cpp_int;

// One step of a route: a series used as published, or inverted (quote -> base).
struct Leg {
  const FxSeries* series = nullptr;
  bool inverted = false;
};

// How a pair is reached: no leg (identity), one (direct or inverse), two (cross).
struct Route {
  std::size_t count = 0;
  std::array<Leg, 2> legs{};
};

std::string pair_name(Currency base, Currency quote) { return fmt::format("{}/{}", base, quote); }

std::string days_text(long long n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }

Error no_rate(Currency base, Currency quote, std::string message) {
  return make_error(Errc::no_rate, std::move(message), pair_name(base, quote));
}

const Fixing* latest_on_or_before(const FxSeries& s, date::sys_days day) {
  auto it = std::upper_bound(s.fixings.begin(), s.fixings.end(), day,
                             [](date::sys_days d, const Fixing& f) { return d < f.date; });
  return it == s.fixings.begin() ? nullptr : &*std::prev(it);
}

FxRate leg_rate(const Leg& leg, const Fixing& f, date::sys_days day) {
  FxRate r = FxRate::direct(FxFixing{f.date, leg.series->base, leg.series->quote, f.rate, leg.series->source,
                                     leg.series->periodicity},
                            day);
  return leg.inverted ? r.inverse() : r;
}

// 10^n as a wide integer.
Wide pow10(int n) {
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

int digit_count(const Wide& v) { return static_cast<int>(v.str().size()); }

// P / Q (both positive) rounded to `digits` significant digits.
Decimal round_ratio(const Wide& p, const Wide& q, int digits, Rounding mode) {
  int e = digit_count(p) - digit_count(q) - digits;  // within one of the right exponent
  const Wide low = pow10(digits - 1), high = pow10(digits);
  Wide quotient, remainder, divisor;
  for (;;) {
    const Wide n = e < 0 ? Wide(p * pow10(-e)) : p;
    divisor = e > 0 ? Wide(q * pow10(e)) : q;
    quotient = n / divisor;
    remainder = n - quotient * divisor;
    if (quotient >= high) {
      ++e;
    } else if (quotient < low) {
      --e;
    } else {
      break;
    }
  }
  if (remainder != 0) {
    const Wide twice = remainder * 2;
    bool up = false;
    switch (mode) {
      case Rounding::down:
      case Rounding::floor: up = false; break;
      case Rounding::up:
      case Rounding::ceiling: up = true; break;
      case Rounding::half_up: up = twice >= divisor; break;
      case Rounding::half_down: up = twice > divisor; break;
      case Rounding::half_even: up = twice > divisor || (twice == divisor && mp::bit_test(quotient, 0)); break;
    }
    if (up) ++quotient;
    if (quotient == high) {  // 9.99..5 -> 10.0: one digit more, exact
      quotient = low;
      ++e;
    }
  }
  return Decimal::from_parts(Decimal::Coefficient(quotient), e);
}

// Adds the exact value of one leg's fixing to the fraction num / den (with a
// power-of-ten exponent kept apart).
void multiply_leg(Wide& num, Wide& den, int& exponent, const Leg& leg, const Decimal& rate) {
  if (leg.inverted) {
    den *= Wide(rate.coefficient());
    exponent -= rate.exponent();
  } else {
    num *= Wide(rate.coefficient());
    exponent += rate.exponent();
  }
}

}  // namespace

void FxTable::add(FxSeries series) {
  if (series.base == series.quote)
    throw std::invalid_argument(fmt::format("FxTable::add: base and quote are both {}", series.base));
  if (find(series.base, series.quote) != nullptr || find(series.quote, series.base) != nullptr)
    throw std::invalid_argument(fmt::format("FxTable::add: the table already holds {}/{}", series.base, series.quote));
  if (series.fixings.empty())
    throw std::invalid_argument(fmt::format("FxTable::add: {}/{} has no fixings", series.base, series.quote));
  for (std::size_t i = 0; i < series.fixings.size(); ++i) {
    if (series.fixings[i].rate.sign() <= 0)
      throw std::invalid_argument(fmt::format("FxTable::add: {}/{} rate {} on {} is not positive", series.base,
                                              series.quote, series.fixings[i].rate, to_iso_string(series.fixings[i].date)));
    if (i > 0 && !(series.fixings[i - 1].date < series.fixings[i].date))
      throw std::invalid_argument(fmt::format("FxTable::add: {}/{} fixings are not in strictly increasing date order at {}",
                                              series.base, series.quote, to_iso_string(series.fixings[i].date)));
  }
  auto at = std::lower_bound(series_.begin(), series_.end(), series, [](const FxSeries& a, const FxSeries& b) {
    return std::pair(a.base, a.quote) < std::pair(b.base, b.quote);
  });
  series_.insert(at, std::move(series));
}

const FxSeries* FxTable::find(Currency base, Currency quote) const noexcept {
  auto at = std::lower_bound(series_.begin(), series_.end(), std::pair(base, quote),
                             [](const FxSeries& a, const std::pair<Currency, Currency>& key) {
                               return std::pair(a.base, a.quote) < key;
                             });
  return (at != series_.end() && at->base == base && at->quote == quote) ? &*at : nullptr;
}

const FxSeries* FxTable::against_pivot(Currency currency) const noexcept {
  if (!pivot_ || currency == *pivot_) return nullptr;
  if (const FxSeries* s = find(*pivot_, currency)) return s;
  return find(currency, *pivot_);
}

std::span<const Fixing> FxTable::fixings(Currency currency) const noexcept {
  const FxSeries* s = against_pivot(currency);
  return s != nullptr ? std::span<const Fixing>(s->fixings) : std::span<const Fixing>();
}

namespace {

// The route from base to quote in `table`, or the error naming what is missing.
Result<Route> route(const FxTable& table, Currency base, Currency quote) {
  Route r;
  if (base == quote) return r;
  if (const FxSeries* s = table.find(base, quote)) {
    r.count = 1;
    r.legs[0] = Leg{s, false};
    return r;
  }
  if (const FxSeries* s = table.find(quote, base)) {
    r.count = 1;
    r.legs[0] = Leg{s, true};
    return r;
  }
  const auto pivot = table.pivot();
  if (!pivot)
    return unexpected(no_rate(base, quote,
                              fmt::format("no {}/{} series in the table, and no pivot to cross through", base, quote)));
  for (Currency c : {base, quote}) {
    if (c != *pivot && table.against_pivot(c) == nullptr)
      return unexpected(no_rate(base, quote, fmt::format("no {} rate in the table (pivot {})", c, *pivot)));
  }
  // Neither is the pivot here: a pair with the pivot would have matched above.
  const FxSeries* first = table.against_pivot(base);
  const FxSeries* second = table.against_pivot(quote);
  r.count = 2;
  r.legs[0] = Leg{first, first->base == *pivot};     // base -> pivot
  r.legs[1] = Leg{second, second->quote == *pivot};  // pivot -> quote
  return r;
}

// "CNY" for a series against the pivot, "EUR/USD" otherwise.
std::string leg_name(const FxTable& table, const FxSeries& s) {
  if (table.pivot() && s.base == *table.pivot()) return std::string(s.quote.code());
  if (table.pivot() && s.quote == *table.pivot()) return std::string(s.base.code());
  return pair_name(s.base, s.quote);
}

}  // namespace

Result<FxRate> FxTable::on(date::sys_days day, Currency base, Currency quote) const {
  auto r = route(*this, base, quote);
  if (!r) return unexpected(r.error());
  FxRate rate = FxRate::identity(base, day);
  for (std::size_t i = 0; i < r->count; ++i) {
    const Leg& leg = r->legs[i];
    const Fixing* f = latest_on_or_before(*leg.series, day);
    if (f == nullptr || f->date != day) {
      const std::string why = f != nullptr ? fmt::format("previous fixing {}", to_iso_string(f->date))
                                           : fmt::format("first fixing {}", to_iso_string(leg.series->fixings.front().date));
      return unexpected(
          no_rate(base, quote, fmt::format("no {} fixing on {} ({})", leg_name(*this, *leg.series), to_iso_string(day), why)));
    }
    rate = FxRate::chain(rate, leg_rate(leg, *f, day));
  }
  return rate;
}

Result<FxRate> FxTable::as_of(date::sys_days day, Currency base, Currency quote, date::days max_staleness) const {
  auto r = route(*this, base, quote);
  if (!r) return unexpected(r.error());
  FxRate rate = FxRate::identity(base, day);
  for (std::size_t i = 0; i < r->count; ++i) {
    const Leg& leg = r->legs[i];
    const Fixing* f = latest_on_or_before(*leg.series, day);
    if (f == nullptr)
      return unexpected(no_rate(base, quote,
                                fmt::format("no {} rate on or before {} (first fixing {})", leg_name(*this, *leg.series),
                                            to_iso_string(day), to_iso_string(leg.series->fixings.front().date))));
    const auto age = (day - f->date).count();
    if (age > max_staleness.count())
      return unexpected(no_rate(base, quote,
                                fmt::format("latest {} fixing {} is {} before {} (limit {})",
                                            pair_name(leg.series->base, leg.series->quote), to_iso_string(f->date),
                                            days_text(age), to_iso_string(day), days_text(max_staleness.count()))));
    rate = FxRate::chain(rate, leg_rate(leg, *f, day));
  }
  return rate;
}

Result<FxRate> FxTable::average(Currency base, Currency quote, date::sys_days first, date::sys_days last,
                                const FxAverageOptions& options) const {
  if (options.significant_digits < 1 || options.significant_digits > Decimal::max_digits)
    throw std::invalid_argument(fmt::format("FxTable::average: significant_digits {} is outside [1, {}]",
                                            options.significant_digits, Decimal::max_digits));
  if (last < first)
    return unexpected(make_error(Errc::out_of_range,
                                 fmt::format("empty date range: {} is after {}", to_iso_string(first), to_iso_string(last)),
                                 pair_name(base, quote)));
  auto r = route(*this, base, quote);
  if (!r) return unexpected(r.error());
  if (r->count == 0) return FxRate::identity(base, first);

  // Each leg's fixings within [first, last].
  std::array<std::span<const Fixing>, 2> in_range;
  for (std::size_t i = 0; i < r->count; ++i) {
    const auto& fx = r->legs[i].series->fixings;
    auto lo = std::lower_bound(fx.begin(), fx.end(), first, [](const Fixing& f, date::sys_days d) { return f.date < d; });
    auto hi = std::upper_bound(lo, fx.end(), last, [](date::sys_days d, const Fixing& f) { return d < f.date; });
    in_range[i] = std::span<const Fixing>(fx).subspan(static_cast<std::size_t>(lo - fx.begin()),
                                                      static_cast<std::size_t>(hi - lo));
  }

  // The exact sum of the day's rates as sum_num / sum_den; each day's rate is a
  // product of leg rates or their reciprocals, kept as an integer fraction.
  Wide sum_num = 0, sum_den = 1;
  std::size_t count = 0;
  std::array<const Fixing*, 2> first_day{}, last_day{};
  auto add_day = [&](std::array<const Fixing*, 2> day_fixings) {
    Wide num = 1, den = 1;
    int exponent = 0;
    for (std::size_t i = 0; i < r->count; ++i) multiply_leg(num, den, exponent, r->legs[i], day_fixings[i]->rate);
    if (exponent > 0) num *= pow10(exponent);
    if (exponent < 0) den *= pow10(-exponent);
    const Wide g = mp::gcd(sum_den, den);
    sum_num = sum_num * (den / g) + num * (sum_den / g);
    sum_den *= den / g;
    if (count == 0) first_day = day_fixings;
    last_day = day_fixings;
    ++count;
  };
  if (r->count == 1) {
    for (const Fixing& f : in_range[0]) add_day({&f, nullptr});
  } else {
    // Days on which both legs are published: a merge of two sorted ranges.
    auto a = in_range[0].begin(), b = in_range[1].begin();
    while (a != in_range[0].end() && b != in_range[1].end()) {
      if (a->date < b->date) {
        ++a;
      } else if (b->date < a->date) {
        ++b;
      } else {
        add_day({&*a, &*b});
        ++a;
        ++b;
      }
    }
  }
  if (count == 0) {
    const std::string legs =
        r->count == 1 ? fmt::format("no {} fixing", leg_name(*this, *r->legs[0].series))
                      : fmt::format("no day with both {} and {} fixings", leg_name(*this, *r->legs[0].series),
                                    leg_name(*this, *r->legs[1].series));
    return unexpected(
        no_rate(base, quote, fmt::format("{} from {} to {}", legs, to_iso_string(first), to_iso_string(last))));
  }
  // Coverage: a mean of the days at one end of the range is not the range's mean.
  date::days limit{0};
  if (options.max_staleness) {
    limit = *options.max_staleness;
  } else {
    for (std::size_t i = 0; i < r->count; ++i) limit = std::max(limit, typical_staleness(r->legs[i].series->periodicity));
  }
  const date::sys_days first_used = first_day[0]->date, last_used = last_day[0]->date;
  const long long head = (first_used - first).count(), tail = (last - last_used).count();
  const bool partial = head > limit.count() || tail > limit.count();
  if (partial && options.partial == PartialCoverage::refuse) {
    const std::string end = tail > limit.count()
                                ? fmt::format("the last, {}, is {} before the end", to_iso_string(last_used), days_text(tail))
                                : fmt::format("the first, {}, is {} after the start", to_iso_string(first_used),
                                              days_text(head));
    return unexpected(no_rate(
        base, quote,
        fmt::format("the fixings cover only part of {} to {}: {} rate{} from {} to {}; {} (limit {})",
                    to_iso_string(first), to_iso_string(last), count, count == 1 ? "" : "s", to_iso_string(first_used),
                    to_iso_string(last_used), end, days_text(limit.count()))));
  }
  const Decimal mean = round_ratio(sum_num, sum_den * Wide(count), options.significant_digits, options.rounding);

  std::vector<FxFixing> sources;
  for (const auto* day : {&first_day, &last_day}) {
    for (std::size_t i = 0; i < r->count; ++i) {
      const FxSeries& s = *r->legs[i].series;
      sources.push_back(FxFixing{(*day)[i]->date, s.base, s.quote, (*day)[i]->rate, s.source, s.periodicity});
    }
  }
  const FxAveraging averaging{first,  last, first_used, last_used, count, options.significant_digits, options.rounding,
                              limit, partial};
  return FxRate::averaged(base, quote, mean, averaging, std::move(sources));
}

}  // namespace finmetrics
