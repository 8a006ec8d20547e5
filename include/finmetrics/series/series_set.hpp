#pragma once
/// \file
/// `SeriesSet`: series by (entity, metric), as read from a long CSV file.

#include <compare>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "finmetrics/series/time_series.hpp"

namespace finmetrics {

/// Names one series of a set: "Alibaba Cloud Intelligence Group" / "revenue".
struct SeriesId {
  std::string entity;
  std::string metric;

  friend auto operator<=>(const SeriesId&, const SeriesId&) = default;
  friend bool operator==(const SeriesId&, const SeriesId&) = default;
};

/// Series by (entity, metric), ordered by entity then metric name.
class SeriesSet {
 public:
  using Map = std::map<SeriesId, PeriodSeries, std::less<>>;

  /// The series of `entity`/`metric`, or null.
  [[nodiscard]] const PeriodSeries* find(std::string_view entity, std::string_view metric) const {
    const auto it = series_.find(SeriesId{std::string(entity), std::string(metric)});
    return it == series_.end() ? nullptr : &it->second;
  }
  /// The series of `id`, inserted empty when absent.
  PeriodSeries& operator[](const SeriesId& id) { return series_[id]; }
  /// Adds or replaces a series.
  void put(SeriesId id, PeriodSeries s) { series_.insert_or_assign(std::move(id), std::move(s)); }

  [[nodiscard]] std::size_t size() const noexcept { return series_.size(); }
  [[nodiscard]] bool empty() const noexcept { return series_.empty(); }
  [[nodiscard]] Map::const_iterator begin() const noexcept { return series_.begin(); }
  [[nodiscard]] Map::const_iterator end() const noexcept { return series_.end(); }

  friend bool operator==(const SeriesSet&, const SeriesSet&) = default;

 private:
  Map series_;
};

}  // namespace finmetrics
