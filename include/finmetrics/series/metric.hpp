#pragma once
/// \file
/// `MetricKind` and `Metric`: what a series measures and how it behaves in time
/// (summed over periods, observed at dates, or unitless), with the well-known
/// metrics of company reporting.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "finmetrics/unit/unit.hpp"

namespace finmetrics {

/// How a metric behaves along the time axis, which decides aggregation and
/// currency conversion.
enum class MetricKind : unsigned char {
  /// Summed over a period (revenue, EBITA, capex, profit): a fiscal year is the
  /// sum of its four quarters, TTM is defined, and conversion uses the average
  /// rate over the period.
  flow,
  /// Observed at a date (price, market cap, shares outstanding, cash): a year is
  /// its last observation, and conversion uses the rate of the date (or of the
  /// period's last day).
  stock,
  /// Unitless (margins, growth rates): neither summed nor converted.
  ratio,
  /// A number of things observed at a date without a currency (users,
  /// employees): aggregated like a stock, never converted.
  count,
};

/// "flow", "stock", "ratio", "count".
[[nodiscard]] std::string_view to_string(MetricKind kind) noexcept;

/// What a figure of the metric is, which decides how a claim of it is checked.
enum class MetricRole : unsigned char {
  amount,             ///< a reported amount (revenue, capex, a reported margin)
  growth_rate,        ///< year-on-year growth of `Metric::growth_of`, in %
  margin,             ///< `numerator` over `denominator`, in %
  share_price,        ///< a traded price of one listing
  price_change,       ///< a move of a listing's price over a window, in %
  market_cap,         ///< price x ordinary shares (/ ADS ratio)
  market_cap_change,  ///< the change of a market cap over a window
  conversion,         ///< a figure in a second currency, checked through its relation only
  multiple,           ///< a valuation multiple, checked through its relation only
  unchecked,          ///< never checked against data
};

/// Which FX rate converts an amount of the metric into another currency.
enum class FxBasis : unsigned char {
  none,            ///< not converted (ratios, counts)
  spot,            ///< the rate of the day (stocks)
  period_average,  ///< the spot rate of the day and, once the period is over, its average rate (flows)
};

/// "amount", "growth_rate", ...; "none", "spot", "period_average".
[[nodiscard]] std::string_view to_string(MetricRole role) noexcept;
[[nodiscard]] std::string_view to_string(FxBasis basis) noexcept;

/// What a series measures: a name (as written in long CSV files), a kind and
/// the dimension its values must have (`money` for revenue, `count` for shares
/// outstanding, `percent` for a margin...). The currency is the series' own.
struct Metric {
  std::string name;
  MetricKind kind = MetricKind::flow;
  Dimension dimension = Dimension::money;
  Per per = Per::whole;  ///< for money: per share (a share price) or per ADS

  // What a checker needs to know (data/metrics.csv; defaults for metrics built in code).
  MetricRole role = MetricRole::amount;
  FxBasis fx = FxBasis::spot;
  bool never_negative = false;      ///< a missing part of a sum still bounds it from below
  bool sums_over_quarters = false;  ///< a window's value is the sum of its fiscal quarters
  std::string growth_of;    ///< for a growth rate: the metric that grows
  std::string numerator;    ///< for a margin or ratio: what is divided ...
  std::string denominator;  ///< ... by what
  std::string reported_as;  ///< the name the reported figure has when it differs (margin: adjusted_ebita_margin)
  std::string description;

  friend bool operator==(const Metric&, const Metric&) = default;
};

/// Well-known metrics. Ratios are stored as fractions in `Dimension::number`
/// (0.13 for 13%, as `Ratio` does) unless a series says `percent`.
namespace metrics {
[[nodiscard]] Metric revenue();
[[nodiscard]] Metric adjusted_ebita();
[[nodiscard]] Metric capex();
[[nodiscard]] Metric net_income();
[[nodiscard]] Metric customer_management_revenue();
[[nodiscard]] Metric share_price();  ///< stock, money per share
[[nodiscard]] Metric ads_price();    ///< stock, money per ADS
[[nodiscard]] Metric market_cap();
[[nodiscard]] Metric shares_outstanding();  ///< stock of a count (shares)
[[nodiscard]] Metric cash();
[[nodiscard]] Metric volume();  ///< shares or ADSs traded in a day: a flow of a count
[[nodiscard]] Metric margin();  ///< ratio
[[nodiscard]] Metric growth();  ///< ratio

/// Every metric above, in that order.
[[nodiscard]] std::span<const Metric> all();
}  // namespace metrics

/// The well-known metric called `name`, or nullopt.
[[nodiscard]] std::optional<Metric> known_metric(std::string_view name);

}  // namespace finmetrics
