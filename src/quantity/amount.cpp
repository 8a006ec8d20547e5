#include "finmetrics/quantity/amount.hpp"

#include <fmt/format.h>

namespace finmetrics {

namespace {

bool same_unit(const Amount& a, const Amount& b) { return a.currency == b.currency && a.per == b.per; }

Error mismatch(const Amount& a, const Amount& b, std::string_view verb, std::string_view preposition) {
  return make_error(Errc::currency_mismatch,
                    fmt::format("cannot {} {} {} {}", verb, b.unit().to_string(), preposition, a.unit().to_string()),
                    fmt::format("{} {} {}", a.to_string(), verb == "add" ? "+" : "-", b.to_string()));
}

}  // namespace

Result<Amount> add(const Amount& a, const Amount& b) {
  if (!same_unit(a, b)) return unexpected(mismatch(a, b, "add", "to"));
  return Amount{a.value + b.value, a.currency, a.per};
}

Result<Amount> subtract(const Amount& a, const Amount& b) {
  if (!same_unit(a, b)) return unexpected(mismatch(a, b, "subtract", "from"));
  return Amount{a.value - b.value, a.currency, a.per};
}

Amount operator+(const Amount& a, const Amount& b) {
  auto r = add(a, b);
  if (!r) throw CurrencyMismatch(r.error().message);
  return *std::move(r);
}

Amount operator-(const Amount& a, const Amount& b) {
  auto r = subtract(a, b);
  if (!r) throw CurrencyMismatch(r.error().message);
  return *std::move(r);
}

std::string Amount::to_string() const { return fmt::format("{} {}", value.to_string(), unit().to_string()); }

std::optional<Error> Amount::check_typed(Currency c, Per p) const {
  if (currency == c && per == p) return std::nullopt;
  return make_error(Errc::currency_mismatch,
                    fmt::format("cannot read {} as {}", unit().to_string(), Unit::money(c, p).to_string()),
                    to_string());
}

}  // namespace finmetrics
