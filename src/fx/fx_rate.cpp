#include "finmetrics/fx/fx_rate.hpp"

#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace finmetrics {

std::string to_iso_string(date::sys_days day) {
  const date::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string FxFixing::to_string() const {
  return fmt::format("{}/{} {} on {} ({})", base, quote, rate, to_iso_string(date), source);
}

namespace {
std::string days_text(long long n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }
}  // namespace

std::string coverage_text(const FxAveraging& a) {
  const long long head = (a.first_fixing - a.first_requested).count();
  const long long tail = (a.last_requested - a.last_fixing).count();
  return fmt::format("first {} after the start, last {} before the end (limit {})", days_text(head), days_text(tail),
                     days_text(a.max_staleness.count()));
}

std::string_view to_string(FxRateKind kind) noexcept {
  switch (kind) {
    case FxRateKind::identity: return "identity";
    case FxRateKind::direct: return "direct";
    case FxRateKind::derived: return "derived";
    case FxRateKind::average: return "average";
  }
  return "?";
}

FxRate FxRate::identity(Currency currency, date::sys_days date) {
  FxRate r;
  r.base_ = r.quote_ = currency;
  r.date_ = date;
  r.kind_ = FxRateKind::identity;
  r.numerator_ = r.denominator_ = Decimal::from_integer(1);
  return r;
}

FxRate FxRate::direct(FxFixing fixing, date::sys_days date) {
  if (fixing.rate.sign() <= 0)
    throw std::invalid_argument(fmt::format("FxRate::direct: rate {} is not positive", fixing.rate));
  if (fixing.base == fixing.quote)
    throw std::invalid_argument(fmt::format("FxRate::direct: base and quote are both {}", fixing.base));
  FxRate r;
  r.base_ = fixing.base;
  r.quote_ = fixing.quote;
  r.date_ = date;
  r.kind_ = FxRateKind::direct;
  r.numerator_ = fixing.rate;
  r.denominator_ = Decimal::from_integer(1);
  r.fixings_.push_back(std::move(fixing));
  return r;
}

FxRate FxRate::chain(const FxRate& first, const FxRate& second) {
  if (first.quote_ != second.base_)
    throw std::invalid_argument(
        fmt::format("FxRate::chain: {}/{} does not lead into {}/{}", first.base_, first.quote_, second.base_, second.quote_));
  if (!first.is_exact() || !second.is_exact())
    throw std::invalid_argument("FxRate::chain: an average cannot be a leg of a cross rate");
  if (first.kind_ == FxRateKind::identity) {
    FxRate r = second;
    r.date_ = first.date_;
    return r;
  }
  if (second.kind_ == FxRateKind::identity) return first;
  FxRate r;
  r.base_ = first.base_;
  r.quote_ = second.quote_;
  r.date_ = first.date_;
  if (r.base_ == r.quote_) return identity(r.base_, r.date_);  // A->B->A is 1 whatever the fixings
  r.kind_ = FxRateKind::derived;
  r.numerator_ = first.numerator_ * second.numerator_;
  r.denominator_ = first.denominator_ * second.denominator_;
  r.fixings_ = first.fixings_;
  r.fixings_.insert(r.fixings_.end(), second.fixings_.begin(), second.fixings_.end());
  return r;
}

FxRate FxRate::averaged(Currency base, Currency quote, Decimal mean, FxAveraging averaging,
                        std::vector<FxFixing> sources) {
  if (mean.sign() <= 0) throw std::invalid_argument(fmt::format("FxRate::averaged: mean {} is not positive", mean));
  FxRate r;
  r.base_ = base;
  r.quote_ = quote;
  r.date_ = averaging.last_requested;
  r.kind_ = FxRateKind::average;
  r.numerator_ = std::move(mean);
  r.denominator_ = Decimal::from_integer(1);
  r.fixings_ = std::move(sources);
  r.averaging_ = averaging;
  return r;
}

Decimal FxRate::value(int significant_digits, Rounding mode) const {
  return Decimal::divide_significant(numerator_, denominator_, significant_digits, mode);
}

Decimal FxRate::value_rescaled(int exponent, Rounding mode) const {
  return Decimal::divide(numerator_, denominator_, exponent, mode);
}

Decimal FxRate::convert(const Decimal& amount, int exponent, Rounding mode) const {
  return Decimal::divide(amount * numerator_, denominator_, exponent, mode);
}

Decimal FxRate::convert_significant(const Decimal& amount, int significant_digits, Rounding mode) const {
  return Decimal::divide_significant(amount * numerator_, denominator_, significant_digits, mode);
}

FxRate FxRate::inverse() const {
  FxRate r = *this;
  std::swap(r.base_, r.quote_);
  std::swap(r.numerator_, r.denominator_);
  return r;
}

std::string FxRate::to_string() const {
  std::string out = fmt::format("{}/{} on {} = {} / {} ({}", base_, quote_, to_iso_string(date_), numerator_,
                                denominator_, finmetrics::to_string(kind_));
  if (averaging_) {
    const FxAveraging& a = *averaging_;
    out += fmt::format(" of {} rates from {} to {} over {}..{}, {}: ", a.count, to_iso_string(a.first_fixing),
                       to_iso_string(a.last_fixing), to_iso_string(a.first_requested),
                       to_iso_string(a.last_requested), a.partial ? "PARTIAL" : "covered");
    out += coverage_text(a);
    out += fmt::format(", {} significant digits {}", a.significant_digits, finmetrics::to_string(a.rounding));
  }
  const char* separator = ": ";
  for (const FxFixing& f : fixings_) {
    out += separator;
    out += f.to_string();
    separator = ", ";
  }
  out += ')';
  return out;
}

}  // namespace finmetrics
