#pragma once
/// \file
/// `Currency`: an ISO 4217 currency, usable as a value and as a template argument.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "finmetrics/error.hpp"

namespace finmetrics {

/// One ISO 4217 currency, identified by its alphabetic code.
///
/// A structural type, so that `Money<USD>` can carry the currency in its type;
/// numeric code, minor units and name come from the compiled-in ISO 4217 table
/// (`currency/iso4217.hpp`). Construct from text with `Currency::from_code`.
struct Currency {
  // Public because structural types (C++20 class NTTPs) need public members;
  // use `code()`.
  std::array<char, 3> alpha{};

  /// A code from the ISO 4217 table, or `unknown_currency` naming the input.
  [[nodiscard]] static Result<Currency> from_code(std::string_view code);
  /// Compile-time construction of a listed code; fails to compile for an
  /// unlisted one when used in a constant expression.
  [[nodiscard]] static consteval Currency of(const char (&code)[4]);

  [[nodiscard]] constexpr std::string_view code() const noexcept { return {alpha.data(), 3}; }
  /// ISO 4217 numeric code (156 for CNY).
  [[nodiscard]] int numeric() const noexcept;
  /// Digits after the decimal point in the minor unit (2 for USD, 0 for JPY,
  /// 3 for KWD); -1 where ISO says N.A. (gold, SDR).
  [[nodiscard]] int minor_units() const noexcept;
  /// English name from the ISO list ("Yuan Renminbi").
  [[nodiscard]] std::string_view name() const noexcept;

  friend constexpr bool operator==(const Currency&, const Currency&) = default;
  friend constexpr auto operator<=>(const Currency&, const Currency&) = default;
};

}  // namespace finmetrics

// The consteval Currency::of needs the ISO table wherever it is called.
#include "finmetrics/currency/detail/currency_of.hpp"

template <>
struct fmt::formatter<finmetrics::Currency> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const finmetrics::Currency& c, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(c.code(), ctx);
  }
};
