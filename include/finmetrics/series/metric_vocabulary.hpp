#pragma once
/// \file
/// `MetricVocabulary`: the metric names claims and reported figures use, each with
/// how it behaves (flow or stock, which FX rate converts it, whether it can be
/// negative, what it is a growth or a ratio of). Read from a CSV file
/// (data/metrics.csv, compiled in as the default; an issuer profile may add its own).

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "finmetrics/error.hpp"
#include "finmetrics/series/metric.hpp"

namespace finmetrics {

/// Metric names and what they mean.
class MetricVocabulary {
 public:
  /// The metric called `name`, or null.
  [[nodiscard]] const Metric* find(std::string_view name) const;
  /// The metric called `name`; a name not in the vocabulary reads by convention:
  /// `X_growth` is the growth rate of `X`, anything else an amount (a flow of
  /// money that may be negative, converted at the spot rate).
  [[nodiscard]] Metric resolve(std::string_view name) const;
  /// Adds `m`, replacing a metric of the same name.
  void add(Metric m);
  [[nodiscard]] const std::vector<Metric>& all() const noexcept { return metrics_; }
  [[nodiscard]] std::size_t size() const noexcept { return metrics_.size(); }

 private:
  std::vector<Metric> metrics_;
  std::unordered_map<std::string, std::size_t> index_;
};

/// The header of a metrics CSV, in this order.
inline constexpr std::string_view metrics_csv_header =
    "name,kind,dimension,role,fx,sign,sums_over_quarters,growth_of,numerator,denominator,reported_as,description";

/// Reads a metrics CSV into `into` (rows replace metrics of the same name).
/// Errors name the file, the line and the field: "metrics.csv:4: kind 'flows' is
/// not flow, stock, ratio or count"; a name twice in one file is an error.
[[nodiscard]] tl::expected<void, Error> parse_metric_vocabulary(std::string_view csv, std::string_view name,
                                                                MetricVocabulary& into);
/// As `parse_metric_vocabulary`, from a file (`Errc::io` when it cannot be read).
[[nodiscard]] tl::expected<void, Error> load_metric_vocabulary(const std::filesystem::path& file,
                                                               MetricVocabulary& into);

/// data/metrics.csv as it was when the library was built.
[[nodiscard]] std::string_view default_metrics_csv() noexcept;
/// The vocabulary of `default_metrics_csv()`.
[[nodiscard]] MetricVocabulary default_metric_vocabulary();

}  // namespace finmetrics
