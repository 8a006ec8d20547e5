#pragma once
// Which chart the HTML report draws for a finding, from the reference data:
// prices (price and market-cap claims), the reported series (growth, margin and
// reported figures), the FX rate (conversions). Private to src/check/.

#include <optional>

#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/claims/claim.hpp"
#include "svg_chart.hpp"

namespace finmetrics::report_detail {

/// The chart of `f`, or nullopt when the finding has nothing to draw (no data,
/// or a kind without a chart).
[[nodiscard]] std::optional<Chart> chart_for(const Finding& f, const ClaimSet& claims, const ReferenceData& data);

}  // namespace finmetrics::report_detail
