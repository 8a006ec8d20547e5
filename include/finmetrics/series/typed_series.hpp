#pragma once
/// \file
/// `TypedSeries<Q>`: a thin compile-time typed face over a runtime series, so that
/// a `TypedSeries<Money<CNY>>` hands out `Money<CNY>` and never USD.

#include <concepts>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// A money quantity with its unit in the type: `Money<C>`, `SharePrice<C>`, `AdsPrice<C>`.
template <class Q>
concept TypedMoney = requires(const Decimal& d, const Q& q) {
  { Q::of(d) } -> std::same_as<Q>;
  { Q::unit() } -> std::same_as<Unit>;
  { q.amount() } -> std::convertible_to<const Decimal&>;
};

/// A series whose unit is checked once against `Q` and whose values come out as
/// `Q`, in whole units (the series' scale applied exactly). The runtime series
/// stays available for every operation (`series()`).
template <TypedMoney Q, SeriesKey K = Period>
class TypedSeries {
 public:
  /// The series as `Q`, or `currency_mismatch` when its unit is not `Q::unit()`
  /// ("revenue is in USD, not CNY").
  [[nodiscard]] static Result<TypedSeries> from(TimeSeries<K> s) {
    if (!(s.unit() == Q::unit())) {
      return unexpected(make_error(Errc::currency_mismatch, fmt::format("{} is in {}, not {}", s.metric().name,
                                                                        s.unit().to_string(), Q::unit().to_string())));
    }
    return TypedSeries(std::move(s));
  }

  [[nodiscard]] const TimeSeries<K>& series() const noexcept { return series_; }
  /// The value at `k` in whole units (31.742 in billions is 31742000000), nullopt
  /// when absent or missing.
  [[nodiscard]] std::optional<Q> at(const K& k) const {
    const auto v = series_.at(k);
    if (!v) return std::nullopt;
    return Q::of(v->shifted(series_.scale().exponent));
  }

 private:
  explicit TypedSeries(TimeSeries<K> s) : series_(std::move(s)) {}
  TimeSeries<K> series_;
};

}  // namespace finmetrics
