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

// 6. parse
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

// jobs
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
