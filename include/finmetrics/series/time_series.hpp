#pragma once
/// \file
/// `TimeSeries<K>`: exact values keyed by period or date, sorted and unique, with
/// missing values explicit, and the metric, unit and scale they are stated in.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// A series of exact values keyed by `K` (`Period` or `Date`).
///
/// Keys are strictly increasing. A point's value is `std::optional<Decimal>`:
/// `nullopt` is a *missing* value, present in the series but not known (a
/// quarter not reported, a growth rate over a zero base); a key that is not in
/// the series is *absent*. Missing is never zero and never NaN.
///
/// A value `v` stands for `v x 10^scale().exponent` of `unit()`: revenue of
/// 31742 in `scales::million` and `Unit::money(CNY)` is CNY 31,742 mn. The
/// `metric()` says how the series behaves in time (flow, stock, ratio, count).
/// Each point may carry a source (a URL, a file), empty by default and stored
/// only when some point has one.
template <SeriesKey K>
class TimeSeries {
 public:
  using key_type = K;
  using value_type = std::optional<Decimal>;

  /// A point as returned by `point(i)`.
  struct Point {
    K key;
    std::optional<Decimal> value;
  };

  /// Empty, unnamed, a bare number in units.
  TimeSeries() = default;
  TimeSeries(Metric metric, Unit unit, Scale scale = scales::units)
      : metric_(std::move(metric)), unit_(std::move(unit)), scale_(scale) {}

  [[nodiscard]] const Metric& metric() const noexcept { return metric_; }
  [[nodiscard]] const Unit& unit() const noexcept { return unit_; }
  [[nodiscard]] Scale scale() const noexcept { return scale_; }
  /// Relabels the metric or unit; values are left as they are.
  void set_metric(Metric m) { metric_ = std::move(m); }
  void set_unit(Unit u) { unit_ = std::move(u); }

  [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
  [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
  void reserve(std::size_t n) {
    keys_.reserve(n);
    values_.reserve(n);
  }

  [[nodiscard]] const std::vector<K>& keys() const noexcept { return keys_; }
  [[nodiscard]] const std::vector<std::optional<Decimal>>& values() const noexcept { return values_; }
  [[nodiscard]] const K& key(std::size_t i) const { return keys_.at(i); }
  [[nodiscard]] const std::optional<Decimal>& value(std::size_t i) const { return values_.at(i); }
  [[nodiscard]] Point point(std::size_t i) const { return Point{keys_.at(i), values_.at(i)}; }
  /// The point's source, "" when it has none.
  [[nodiscard]] std::string_view source(std::size_t i) const {
    if (i >= keys_.size()) throw std::out_of_range("TimeSeries::source: index out of range");
    return sources_.empty() ? std::string_view{} : std::string_view{sources_[i]};
  }
  /// Number of points whose value is present.
  [[nodiscard]] std::size_t count_present() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(values_.begin(), values_.end(), [](const auto& v) { return v.has_value(); }));
  }

  /// Index of `k`, or nullopt when absent (binary search).
  [[nodiscard]] std::optional<std::size_t> index_of(const K& k) const {
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), k);
    if (it == keys_.end() || !(*it == k)) return std::nullopt;
    return static_cast<std::size_t>(it - keys_.begin());
  }
  [[nodiscard]] bool contains(const K& k) const { return index_of(k).has_value(); }
  /// The value at `k`: null when `k` is absent, a pointer to `nullopt` when missing.
  [[nodiscard]] const std::optional<Decimal>* find(const K& k) const {
    const auto i = index_of(k);
    return i ? &values_[*i] : nullptr;
  }
  /// The value at `k`, nullopt when absent or missing.
  [[nodiscard]] std::optional<Decimal> at(const K& k) const {
    const auto* v = find(k);
    return v ? *v : std::nullopt;
  }

  /// Adds a point after the last one. Throws `std::invalid_argument` unless `k`
  /// is greater than the last key (the fast path for sorted input).
  void append(K k, std::optional<Decimal> value, std::string source = {}) {
    if (!keys_.empty() && !(keys_.back() < k)) {
      throw std::invalid_argument(fmt::format("TimeSeries::append: key {} is not after the last key {}",
                                              key_name(k), key_name(keys_.back())));
    }
    keys_.push_back(std::move(k));
    values_.push_back(std::move(value));
    store_source(keys_.size() - 1, std::move(source), true);
  }
  /// Inserts a point in order, or replaces the value (and source) of an existing key.
  void set(K k, std::optional<Decimal> value, std::string source = {}) {
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), k);
    const auto i = static_cast<std::size_t>(it - keys_.begin());
    if (it != keys_.end() && *it == k) {
      values_[i] = std::move(value);
      store_source(i, std::move(source), false);
      return;
    }
    keys_.insert(it, std::move(k));
    values_.insert(values_.begin() + static_cast<std::ptrdiff_t>(i), std::move(value));
    if (!sources_.empty()) sources_.insert(sources_.begin() + static_cast<std::ptrdiff_t>(i), std::string{});
    store_source(i, std::move(source), false);
  }

  /// Same metric, unit, scale, keys, values (by value: 81 == 81.0) and sources.
  friend bool operator==(const TimeSeries& a, const TimeSeries& b) {
    return a.metric_ == b.metric_ && a.unit_ == b.unit_ && a.scale_ == b.scale_ && a.keys_ == b.keys_ &&
           a.values_ == b.values_ && a.sources_equal(b);
  }

 private:
  static std::string key_name(const K& k) { return fmt::format("{}", k); }

  void store_source(std::size_t i, std::string source, bool appended) {
    if (sources_.empty()) {
      if (source.empty()) return;
      sources_.resize(keys_.size());
    } else if (appended) {
      sources_.emplace_back();
    }
    sources_[i] = std::move(source);
  }
  [[nodiscard]] bool sources_equal(const TimeSeries& b) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (source(i) != b.source(i)) return false;
    }
    return true;
  }

  Metric metric_;
  Unit unit_;
  Scale scale_ = scales::units;
  std::vector<K> keys_;
  std::vector<std::optional<Decimal>> values_;
  std::vector<std::string> sources_;  // empty, or one per key
};

/// A series keyed by periods (quarters, fiscal years, months, days).
using PeriodSeries = TimeSeries<Period>;
/// A series keyed by calendar dates (daily prices).
using DateSeries = TimeSeries<Date>;

/// The same values keyed by one-day periods (what long CSV files hold for dates).
[[nodiscard]] PeriodSeries to_period_series(const DateSeries& s);

/// The points whose period is of kind `kind` (the quarters of a series that also
/// holds fiscal years).
[[nodiscard]] PeriodSeries select_kind(const PeriodSeries& s, PeriodKind kind);

}  // namespace finmetrics
