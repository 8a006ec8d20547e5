#pragma once
/// \file
/// `Fixing` and `FxFixing`: one published exchange rate, bare (as stored in bulk in
/// an `FxTable`) and with its provenance (as carried by an `FxRate`).

#include <string>
#include <string_view>

#include <date/date.h>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"

namespace finmetrics {

/// How often a source publishes a series, and so what one fixing stands for.
enum class Periodicity {
  daily,        ///< one fixing per business day (ECB reference rates)
  monthly,      ///< one average per month, dated the first of the month (FRED H.10)
  unspecified,  ///< whatever the rows say (a plain `date,base,quote,rate` file)
};

/// "daily", "monthly", "unspecified".
[[nodiscard]] constexpr std::string_view to_string(Periodicity p) noexcept {
  switch (p) {
    case Periodicity::daily: return "daily";
    case Periodicity::monthly: return "monthly";
    case Periodicity::unspecified: return "unspecified";
  }
  return "?";
}

/// One published rate of a series, exactly as published: on `date`, one unit of
/// the series' base currency cost `rate` units of its quote currency. The pair
/// and the source belong to the `FxSeries` that holds it.
struct Fixing {
  date::sys_days date;
  Decimal rate;

  friend bool operator==(const Fixing&, const Fixing&) = default;
};

/// A fixing with its provenance: on `date`, `source` published that one `base`
/// cost `rate` `quote` (e.g. 2025-03-28, EUR, CNY, 7.8445, "ECB").
struct FxFixing {
  date::sys_days date;
  Currency base;
  Currency quote;
  Decimal rate;
  std::string source;
  Periodicity periodicity = Periodicity::unspecified;

  /// "EUR/CNY 7.8445 on 2025-03-28 (ECB)".
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const FxFixing&, const FxFixing&) = default;
};

/// "2025-03-28": the ISO form used in every FX message.
[[nodiscard]] std::string to_iso_string(date::sys_days day);

}  // namespace finmetrics
