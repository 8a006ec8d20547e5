#pragma once
/// \file
/// The closed figure grammar of the normalization job (`../shared/specs/normalize-v1.md`):
/// exactly one currency marker (prefix `$ US$ USD  Rmb RMB  CNY  HK$ HKD  € EUR `
/// or suffix ` yuan`, ` US dollars`, ` Hong Kong dollars`, ` euros`), a number with
/// optional comma thousands separators and decimals, an optional scale (`k m mn bn
/// tn` attached, ` thousand million billion trillion` spaced) and an optional
/// ` per share`. Nothing else: hedge words, spaces around the figure or `£` are
/// outside it (the general `parse_figure` reads those).

#include <string_view>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/error.hpp"

namespace finmetrics {

/// A figure of the v1 grammar, read exactly: `Rmb81bn` is 81 x 10^9 CNY.
struct V1Figure {
  Decimal amount;
  Currency currency;
  bool per_share = false;
};

/// Reads one v1 figure (the whole text). Errors are `Errc::syntax` (or
/// `Errc::overflow` beyond 38 significant digits) with the byte position.
[[nodiscard]] Result<V1Figure> parse_v1_figure(std::string_view text);

namespace detail {

/// The allocation-free scan behind `parse_v1_figure`, for the normalization hot
/// path: value = mantissa x 10^exponent.
struct V1Scan {
  u128 mantissa = 0;
  int exponent = 0;
  int currency = 0;  ///< index into v1_currencies
  bool per_share = false;
  bool grouped = false;  ///< the number has comma thousands separators
};

/// USD, CNY, HKD, EUR: the currencies the v1 grammar can name.
inline constexpr Currency v1_currencies[4] = {{{'U', 'S', 'D'}}, {{'C', 'N', 'Y'}}, {{'H', 'K', 'D'}}, {{'E', 'U', 'R'}}};

/// Where and why a scan failed; the message is a string literal, so failing costs
/// no allocation until the caller builds an `Error`.
struct V1ScanError {
  std::size_t position = 0;
  const char* message = "";
  Errc code = Errc::syntax;
};

/// Scans `text`; returns false and fills `error` when it is outside the grammar.
[[nodiscard]] bool scan_v1_figure(std::string_view text, V1Scan& out, V1ScanError& error) noexcept;

}  // namespace detail
}  // namespace finmetrics
