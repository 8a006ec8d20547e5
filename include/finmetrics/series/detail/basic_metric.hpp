#pragma once
// A metric built in code from its name, kind, dimension and per, the checker's
// fields left at their defaults: aggregate braces that stop after four fields
// draw -Wmissing-field-initializers for the rest.

#include <string>

#include "finmetrics/series/metric.hpp"

namespace finmetrics::series_detail {

[[nodiscard]] Metric basic_metric(std::string name, MetricKind kind, Dimension dimension, Per per = Per::whole);

}  // namespace finmetrics::series_detail
