#pragma once
/// \file
/// Umbrella header: every public header of finmetrics, layer by layer (lower
/// layers first; see docs/architecture.md). Include single headers to build faster.

// 1. decimal
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/decimal/interval.hpp"
#include "finmetrics/decimal/rounding.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"

// 2. currency, unit, quantity
#include "finmetrics/currency/alias.hpp"
#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/quantity/ads_price.hpp"
#include "finmetrics/quantity/ads_ratio.hpp"
#include "finmetrics/quantity/amount.hpp"
#include "finmetrics/quantity/money.hpp"
#include "finmetrics/quantity/percentage_points.hpp"
#include "finmetrics/quantity/ratio.hpp"
#include "finmetrics/quantity/share_count.hpp"
#include "finmetrics/quantity/share_price.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/unit/unit.hpp"

// 3. time
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/parse_period.hpp"
#include "finmetrics/time/period.hpp"

// 4. fx
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fixing.hpp"
#include "finmetrics/fx/fred_h10.hpp"
#include "finmetrics/fx/fx_csv.hpp"
#include "finmetrics/fx/fx_rate.hpp"
#include "finmetrics/fx/fx_table.hpp"
#include "finmetrics/fx/load.hpp"

// 5. series
#include "finmetrics/series/convert.hpp"
#include "finmetrics/series/growth.hpp"
#include "finmetrics/series/join.hpp"
#include "finmetrics/series/market_csv.hpp"
#include "finmetrics/series/metric.hpp"
#include "finmetrics/series/numeric_series.hpp"
#include "finmetrics/series/quarterly_panel.hpp"
#include "finmetrics/series/resample.hpp"
#include "finmetrics/series/rescale.hpp"
#include "finmetrics/series/series_csv.hpp"
#include "finmetrics/series/series_key.hpp"
#include "finmetrics/series/series_set.hpp"
#include "finmetrics/series/shift.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/series/ttm.hpp"
#include "finmetrics/series/typed_series.hpp"

// 6. parse
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/parse/quoted_figure.hpp"
#include "finmetrics/parse/read_figure_at.hpp"

// 7. claims, models, check
#include "finmetrics/claims/claim.hpp"
#include "finmetrics/claims/claim_figure.hpp"
#include "finmetrics/claims/claim_period.hpp"
#include "finmetrics/models/agreement.hpp"
#include "finmetrics/models/conversion.hpp"
#include "finmetrics/models/difference.hpp"
#include "finmetrics/models/display.hpp"
#include "finmetrics/models/formula.hpp"
#include "finmetrics/models/growth.hpp"
#include "finmetrics/models/operand.hpp"
#include "finmetrics/models/parity.hpp"
#include "finmetrics/models/order.hpp"
#include "finmetrics/models/product.hpp"
#include "finmetrics/models/quotient.hpp"
#include "finmetrics/models/readings.hpp"
#include "finmetrics/models/verdict.hpp"
#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/check/report.hpp"

// extraction from articles
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/extracted_figure.hpp"
#include "finmetrics/extract/figure_report.hpp"

// jobs
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
