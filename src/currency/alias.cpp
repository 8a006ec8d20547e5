#include "finmetrics/currency/alias.hpp"

#include <fmt/format.h>

#include "finmetrics/currency/detail/alias_table.hpp"
#include "finmetrics/currency/detail/iso4217_table.hpp"

namespace finmetrics {

Result<Currency> currency_from_marker(std::string_view marker, const CurrencyContext& context) {
  // Look-ups first, error text only on failure: parsers call this per figure.
  if (marker.size() == 3 && detail::find_iso4217(marker) != nullptr) return Currency{{marker[0], marker[1], marker[2]}};
  const auto* alias = detail::find_currency_alias(marker);
  if (alias == nullptr) return Currency::from_code(marker);  // its error names the input (and a case slip)

  switch (alias->kind) {
    case detail::AliasKind::fixed:
      return Currency{{alias->code[0], alias->code[1], alias->code[2]}};
    case detail::AliasKind::dollar:
      if (context.dollar) return *context.dollar;
      return unexpected(make_error(
          Errc::ambiguous,
          fmt::format("ambiguous currency '{}': which dollar (USD, HKD, ...)? set CurrencyContext::dollar", marker),
          marker, 0));
    case detail::AliasKind::yen_or_yuan:
      if (context.yen_or_yuan) return *context.yen_or_yuan;
      return unexpected(make_error(
          Errc::ambiguous,
          fmt::format("ambiguous currency '{}': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan", marker),
          marker, 0));
  }
  return Currency::from_code(marker);
}

}  // namespace finmetrics
