// The normalizer's per-day FX index (detail/day_grid.hpp): building the grids
// of the table's currencies and the v1 day lines, and why a look-up found nothing.
#include "finmetrics/normalize/detail/day_grid.hpp"

#include <algorithm>
#include <climits>
#include <string>

#include "finmetrics/detail/int128.hpp"
#include "finmetrics/detail/prefault.hpp"

namespace finmetrics {

namespace detail {

// Leg of `c` against the pivot, or an unusable grid (the reference path takes over).
CurrencyGrid build_grid(const FxTable& fx, Currency c) {
  CurrencyGrid g;
  if (!fx.pivot()) return g;
  if (c == *fx.pivot()) {
    g.identity = g.usable = true;
    return g;
  }
  const FxSeries* series = fx.against_pivot(c);
  if (series == nullptr || series->fixings.empty()) return g;
  const bool inverted = series->base != *fx.pivot();
  g.series_base = series->base;
  g.series_quote = series->quote;
  // At most 19 digits (a 64-bit mantissa): a comparison, not Decimal::digits
  // (this runs for every fixing of every currency when a v2 run starts).
  static const Decimal::Coefficient limit = Decimal::Coefficient(10000000000000000000ULL);
  const std::vector<Fixing>& fixings = series->fixings;
  g.first_day = day_number(fixings.front().date);
  g.last_day = day_number(fixings.back().date);
  // Each fixing read once, straight onto its days up to the next one's (fixings
  // are in date order); of the legs only the last is kept besides (days after it).
  // A copy of every leg, read only to fill this array, was ~3.5 MB of fresh pages
  // at a v2 run's start on the ECB table. The array is mapped at once (prefault.hpp).
  g.latest.reserve(static_cast<std::size_t>(std::max(g.last_day - g.first_day + 1, 0)));
  prefault_capacity(g.latest);
  std::int32_t day = g.first_day;
  for (std::size_t k = 0; k < fixings.size(); ++k) {
    const Decimal& r = fixings[k].rate;
    if (r.sign() <= 0 || r.coefficient() >= limit || r.exponent() < -30000 || r.exponent() > 30000) {
      g.latest = {};
      return g;
    }
    const Leg leg{static_cast<std::uint64_t>(r.coefficient()), static_cast<std::int16_t>(r.exponent()), inverted, day};
    const std::int32_t until = k + 1 < fixings.size() ? day_number(fixings[k + 1].date) : g.last_day + 1;
    if (until > day) g.latest.insert(g.latest.end(), static_cast<std::size_t>(until - day), leg);
    g.last = leg;
    day = until;
  }
  g.usable = true;
  return g;
}

}  // namespace detail

namespace {

// Days since 1970-01-01 to "YYYY-MM-DD" (Hinnant's civil_from_days), for the
// diagnostics of rows without a rate: they are common (CNY before 2005) and must
// not cost a formatting library call each.
void append_iso_date(std::string& out, std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<unsigned>(static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  const char text[10] = {static_cast<char>('0' + y / 1000 % 10), static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),        static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),        static_cast<char>('0' + d % 10)};
  out.append(text, 10);
}

void append_days(std::string& out, long long n) {
  out += std::to_string(n);
  out += n == 1 ? " day" : " days";
}

}  // namespace

void Normalizer::Grid::build_v1_days(std::int32_t staleness) {
  const CurrencyGrid& tg = target_v1 >= 0 ? v1[target_v1] : target;
  std::int32_t first = INT32_MAX, last = INT32_MIN;
  for (const CurrencyGrid* g : std::initializer_list<const CurrencyGrid*>{&v1[0], &v1[1], &v1[2], &v1[3], &tg}) {
    if (!g->usable || g->identity) continue;
    first = std::min(first, g->first_day);
    last = std::max(last, g->last_day);
  }
  if (first > last || last - first > 400 * 366) return;
  last += std::min(staleness, 3660);
  v1_first_day = first;
  v1_days.resize(static_cast<std::size_t>(last - first + 1));
  for (std::int32_t d = first; d <= last; ++d) {
    V1Day& day = v1_days[static_cast<std::size_t>(d - first)];
    const Leg* t = lookup(tg, d, staleness);
    for (int k = 0; k < 4; ++k) {
      const Leg* x = lookup(v1[k], d, staleness);
      if (k == target_v1 || x == nullptr || t == nullptr) continue;
      detail::u128 num = 1, den = 1;
      (t->inverted ? den : num) *= t->mantissa;
      (x->inverted ? num : den) *= x->mantissa;
      const int exp = (t->inverted ? -t->exponent : t->exponent) - (x->inverted ? -x->exponent : x->exponent);
      if (num > UINT32_MAX || den > UINT32_MAX || exp < INT8_MIN || exp > INT8_MAX) continue;
      day.pair[k] = V1Pair{static_cast<std::uint32_t>(num), static_cast<std::uint32_t>(den),
                           static_cast<std::int8_t>(exp), true};
    }
  }
}

bool Normalizer::Grid::explain(const CurrencyGrid& g, std::int32_t day, std::int32_t staleness, std::string& out) {
  if (!g.usable || g.identity) return false;
  if (day < g.first_day) {
    out += "no ";
    out += leg_code(g);
    out += " rate on or before ";
    append_iso_date(out, day);
    out += " (first fixing ";
    append_iso_date(out, g.first_day);
    out += ')';
    return true;
  }
  const Leg& leg = day > g.last_day ? g.last
                                    : g.latest[static_cast<std::size_t>(day - g.first_day)];
  if (day - leg.day <= staleness) return false;
  out += "latest ";
  out += g.series_base.code();
  out += '/';
  out += g.series_quote.code();
  out += " fixing ";
  append_iso_date(out, leg.day);
  out += " is ";
  append_days(out, day - leg.day);
  out += " before ";
  append_iso_date(out, day);
  out += " (limit ";
  append_days(out, staleness);
  out += ')';
  return true;
}

}  // namespace finmetrics
