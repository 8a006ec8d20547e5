#include "finmetrics/currency/currency.hpp"

#include <string>

#include <fmt/format.h>

#include "finmetrics/currency/detail/iso4217_table.hpp"

namespace finmetrics {

namespace {

char to_upper_ascii(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

Result<Currency> Currency::from_code(std::string_view code) {
  if (const auto* entry = detail::find_iso4217(code)) {
    return Currency{{entry->code[0], entry->code[1], entry->code[2]}};
  }
  // A code in the wrong case is the commonest slip: say what would have been valid.
  if (code.size() == 3) {
    std::string upper(code);
    for (char& c : upper) c = to_upper_ascii(c);
    if (detail::find_iso4217(upper) != nullptr) {
      return unexpected(make_error(
          Errc::unknown_currency,
          fmt::format("unknown currency '{}' (ISO codes are upper case: '{}')", code, upper), code, 0));
    }
  }
  return unexpected(make_error(Errc::unknown_currency, fmt::format("unknown currency '{}'", code), code, 0));
}

// A Currency built by aggregate initialisation bypasses the table; such a value
// reports 0, -1 and an empty name rather than failing.
int Currency::numeric() const noexcept {
  const auto* entry = detail::find_iso4217(code());
  return entry != nullptr ? entry->numeric : 0;
}

int Currency::minor_units() const noexcept {
  const auto* entry = detail::find_iso4217(code());
  return entry != nullptr ? entry->minor_units : -1;
}

std::string_view Currency::name() const noexcept {
  const auto* entry = detail::find_iso4217(code());
  return entry != nullptr ? entry->name : std::string_view{};
}

}  // namespace finmetrics
