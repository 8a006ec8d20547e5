#pragma once
/// \file
/// `Unit`: what a quoted number measures (money of a currency, per share or per
/// ADS, a percentage, percentage points, basis points, a multiple, a count).

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "finmetrics/currency/currency.hpp"

namespace finmetrics {

/// The dimension of a quoted number.
enum class Dimension {
  number,             ///< a bare number
  money,              ///< an amount of a currency (possibly per share/ADS)
  percent,            ///< 13% is stored as 13 with this dimension
  percentage_points,  ///< 2 pp: a difference of two percentages
  basis_points,       ///< 25 bp = 0.25 percentage points
  multiple,           ///< 6.5x, 6.5 times
  count,              ///< shares, users, devices
};

/// What a money amount is per: the whole, one ordinary share, one ADS.
enum class Per { whole, share, ads };

/// The unit of a quantity. `currency` is set exactly when `dimension == money`.
struct Unit {
  Dimension dimension = Dimension::number;
  std::optional<Currency> currency;
  Per per = Per::whole;
  std::string noun;  ///< for counts: "shares", "netizens", "devices"; may be empty

  [[nodiscard]] static Unit money(Currency c, Per per = Per::whole) { return Unit{Dimension::money, c, per, {}}; }
  [[nodiscard]] static Unit of(Dimension d) { return Unit{d, std::nullopt, Per::whole, {}}; }
  [[nodiscard]] static Unit count_of(std::string noun) { return Unit{Dimension::count, std::nullopt, Per::whole, std::move(noun)}; }

  [[nodiscard]] bool is_money() const noexcept { return dimension == Dimension::money; }
  /// "CNY", "HKD per share", "USD per ADS", "%", "pp", "bp", "x", "shares", "".
  [[nodiscard]] std::string to_string() const;

  friend bool operator==(const Unit&, const Unit&) = default;
};

[[nodiscard]] std::string_view to_string(Dimension d) noexcept;
[[nodiscard]] std::string_view to_string(Per p) noexcept;

}  // namespace finmetrics
