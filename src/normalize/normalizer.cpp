// The Normalizer: options checked, the day grids built (detail/day_grid.hpp), and
// one amount converted on one day, by the 128-bit kernel through the grids or by
// the reference path (FxTable::as_of and FxRate on Decimals), digit for digit the same.
#include "finmetrics/normalize/normalizer.hpp"

#include <algorithm>
#include <future>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/normalize/detail/day_grid.hpp"
#include "finmetrics/normalize/detail/rounded_value.hpp"

namespace finmetrics {

namespace {

using detail::build_grid;
using detail::CurrencyGrid;
using detail::Leg;
using detail::append_value;
using detail::fits_decimal;
using detail::product_fits;
using detail::round_value;
using detail::Scaled;
using detail::to_scaled;
using detail::u128;

}  // namespace

NormalizeTotals& NormalizeTotals::operator+=(const NormalizeTotals& o) {
  rows_read += o.rows_read;
  converted += o.converted;
  without_rate += o.without_rate;
  unparsed += o.unparsed;
  invalid += o.invalid;
  blank_lines += o.blank_lines;
  currency_by_default += o.currency_by_default;
  bad_header = bad_header || o.bad_header;
  header_written = header_written || o.header_written;
  return *this;
}

std::vector<Currency> fx_currencies_read(const NormalizeOptions& options) {
  if (options.spec != NormalizeSpec::v1) return {};
  std::vector<Currency> read(std::begin(detail::v1_currencies), std::end(detail::v1_currencies));
  if (std::find(read.begin(), read.end(), options.target) == read.end()) read.push_back(options.target);
  return read;
}

namespace {

// Whether a reader compiled for `a` reads as one for `b` (every field of ParseOptions).
bool same_parse(const ParseOptions& a, const ParseOptions& b) {
  return a.lexicon == b.lexicon && a.currency.dollar == b.currency.dollar &&
         a.currency.yen_or_yuan == b.currency.yen_or_yuan && a.currency.dollar_is_option == b.currency.dollar_is_option &&
         a.tolerances == b.tolerances && a.count_nouns == b.count_nouns && a.locale == b.locale &&
         a.one_marker == b.one_marker;
}

}  // namespace

PreparedFigureReader::PreparedFigureReader(const ParseOptions& parse)
    : parse_(parse),
      reader_(std::async(std::launch::async, [p = parse] { return std::make_unique<FigureReader>(p); })) {}
PreparedFigureReader::PreparedFigureReader(PreparedFigureReader&&) noexcept = default;
PreparedFigureReader& PreparedFigureReader::operator=(PreparedFigureReader&&) noexcept = default;
PreparedFigureReader::~PreparedFigureReader() = default;

Normalizer::Normalizer(const FxTable& fx, NormalizeOptions options) : Normalizer(fx, std::move(options), nullptr) {}

Normalizer::Normalizer(const FxTable& fx, NormalizeOptions options, PreparedFigureReader reader)
    : Normalizer(fx, std::move(options), &reader) {}

Normalizer::Normalizer(const FxTable& fx, NormalizeOptions options, PreparedFigureReader* prepared)
    : fx_(&fx), options_(std::move(options)), grid_(std::make_unique<Grid>()) {
  if (options_.significant_digits < 1 || options_.significant_digits > 36)
    throw std::invalid_argument("NormalizeOptions::significant_digits must be in 1..36");
  if (options_.decimals && (*options_.decimals < 0 || *options_.decimals > 18))
    throw std::invalid_argument("NormalizeOptions::decimals must be in 0..18");
  if (options_.max_staleness.count() < 0) throw std::invalid_argument("NormalizeOptions::max_staleness must be >= 0");
  // v1 reads its closed grammar, never the locale; checking it builds the
  // lexicon (~6M instructions of a v1 start-up).
  if (options_.spec == NormalizeSpec::v2 && !options_.parse.locale.empty()) {
    const Lexicon& lexicon = options_.parse.lexicon != nullptr ? *options_.parse.lexicon : Lexicon::builtin();
    if (lexicon.locale(options_.parse.locale) == nullptr)
      throw std::invalid_argument("NormalizeOptions::parse.locale: unknown locale '" + options_.parse.locale + "'");
  }
  for (int k = 0; k < 4; ++k) {
    grid_->v1[k] = build_grid(fx, detail::v1_currencies[k]);
    if (detail::v1_currencies[k] == options_.target) grid_->target_v1 = k;
  }
  if (grid_->target_v1 < 0) grid_->target = build_grid(fx, options_.target);
  if (options_.spec == NormalizeSpec::v1) grid_->build_v1_days(static_cast<std::int32_t>(options_.max_staleness.count()));
  const bool adopt = prepared != nullptr && prepared->reader_.valid() && same_parse(prepared->parse_, options_.parse);
  if (options_.spec == NormalizeSpec::v2) {  // else on first use
    // The figure reader is compiled on another thread while this one indexes
    // the table (or was since before the table was loaded: PreparedFigureReader):
    // the two are most of a v2 run's start-up (~27M and ~25M instructions).
    std::future<void> reader;
    if (!adopt) reader = std::async(std::launch::async, [this] { (void)grid_->reader(options_.parse); });
    grid_->build_all(fx, options_.target);
    if (!adopt) reader.get();
  }
  if (adopt) grid_->adopt(prepared->reader_.get());
}

std::string Normalizer::v2_columns() const {
  std::string code(options_.target.code());
  std::transform(code.begin(), code.end(), code.begin(), [](char c) { return static_cast<char>(c - 'A' + 'a'); });
  return fmt::format("currency,amount,low,high,qualifier,per,{0}_value,{0}_low,{0}_high{1}", code,
                     options_.currency_source_column ? ",currency_source" : "");
}

const FigureReader& Normalizer::figure_reader() const { return grid_->reader(options_.parse); }

Normalizer::Refusal Normalizer::convert_amount(const Decimal& amount, Currency currency, std::int32_t day,
                                               std::string& out, std::string& why) const {
  const bool negative = amount.sign() < 0;
  return convert_parts((negative ? -amount.coefficient() : amount.coefficient()).convert_to<u128>(), amount.exponent(),
                       negative, currency, day, out, why);
}

void Normalizer::prefetch_rate(Currency currency, std::int32_t day) const noexcept {
  const Grid& g = *grid_;
  if (!g.all_built.load(std::memory_order_acquire)) return;  // a hint: convert_parts builds them
  const CurrencyGrid* tg = currency == options_.target ? g.target_all : g.of(currency);
  if (tg == nullptr || !tg->usable || tg->identity || day < tg->first_day || day > tg->last_day) return;
  __builtin_prefetch(&tg->latest[static_cast<std::size_t>(day - tg->first_day)]);
}

char* Normalizer::write_parts(u128 mantissa, int exponent, bool negative, Currency currency, std::int32_t day,
                              char* out) const noexcept {
  detail::DayRates rates;
  find_rates(currency, day, rates);
  return write_found(mantissa, exponent, negative, day, rates, out);
}

void Normalizer::find_rates(Currency currency, std::int32_t day, detail::DayRates& rates) const noexcept {
  // convert_parts' kernel path below: where it cannot answer, `found` stays false.
  rates = detail::DayRates{};
  const Grid& g = *grid_;
  if (options_.decimals || !g.all_built.load(std::memory_order_acquire)) return;
  const CurrencyGrid* tg = g.target_all;
  if (tg == nullptr) return;
  if (currency == options_.target) {
    rates.same = rates.found = true;
    return;
  }
  const CurrencyGrid* xg = g.of(currency);
  if (xg == nullptr) return;
  // The pivot's legs are exactly 1 (no memory to fetch); the others are read,
  // and checked for staleness, by write_found.
  static constexpr Leg one{};
  rates.figure_pivot = xg->identity;
  rates.target_pivot = tg->identity;
  rates.figure = xg->identity ? &one : Grid::latest_of(*xg, day);
  rates.target = tg->identity ? &one : Grid::latest_of(*tg, day);
  if (rates.figure == nullptr || rates.target == nullptr) return;
  __builtin_prefetch(rates.figure);
  __builtin_prefetch(rates.target);
  rates.found = true;
}

char* Normalizer::write_found(u128 mantissa, int exponent, bool negative, std::int32_t day,
                              const detail::DayRates& rates, char* out) const noexcept {
  if (!rates.found) return nullptr;
  const NormalizeOptions& o = options_;
  Rounding magnitude_rounding = o.rounding;
  if (negative && o.rounding == Rounding::floor) magnitude_rounding = Rounding::up;
  if (negative && o.rounding == Rounding::ceiling) magnitude_rounding = Rounding::down;
  const int e = exponent - o.scale_exponent;
  Scaled value;
  if (rates.same) {
    if (!round_value(mantissa, 1, e, o, value, magnitude_rounding)) return nullptr;
  } else {
    const auto staleness = static_cast<std::int32_t>(o.max_staleness.count());
    const Leg* x = rates.figure;
    const Leg* t = rates.target;
    if ((!rates.figure_pivot && day - x->day > staleness) || (!rates.target_pivot && day - t->day > staleness))
      return nullptr;
    constexpr std::uint64_t e18 = 1000000000000000000ULL, e19 = 10 * e18;
    if (!t->inverted && !x->inverted && mantissa < e18 && t->mantissa < e19) {
      // The usual row (a figure's digits; both legs quoted per pivot, as the ECB's
      // are): the product is below 10^37, so neither overflow nor the Decimal
      // path's limit (product_fits) needs asking.
      const u128 num = static_cast<u128>(static_cast<std::uint64_t>(mantissa)) * t->mantissa;
      if (!round_value(num, x->mantissa, e + t->exponent - x->exponent, o, value, magnitude_rounding)) return nullptr;
    } else {
      u128 num = mantissa, den = 1;
      const auto mul = [](u128& acc, std::uint64_t m) { return !__builtin_mul_overflow(acc, static_cast<u128>(m), &acc); };
      bool ok = t->inverted ? mul(den, t->mantissa) : mul(num, t->mantissa);
      ok = ok && (x->inverted ? mul(num, x->mantissa) : mul(den, x->mantissa));
      const int exp = e + (t->inverted ? -t->exponent : t->exponent) - (x->inverted ? -x->exponent : x->exponent);
      if (!(ok && product_fits(num) && round_value(num, den, exp, o, value, magnitude_rounding))) return nullptr;
    }
  }
  if (!fits_decimal(value)) return nullptr;
  if (negative && value.coefficient != 0) *out++ = '-';
  return detail::write_general(out, value, o.significant_digits);
}

Normalizer::Refusal Normalizer::convert_parts(u128 mantissa, int exponent, bool negative, Currency currency,
                                              std::int32_t day, std::string& out, std::string& why) const {
  const NormalizeOptions& o = options_;
  // The kernel works on magnitudes: a negative value's floor is its magnitude's up.
  Rounding magnitude_rounding = o.rounding;
  if (negative && o.rounding == Rounding::floor) magnitude_rounding = Rounding::up;
  if (negative && o.rounding == Rounding::ceiling) magnitude_rounding = Rounding::down;
  const auto staleness = static_cast<std::int32_t>(o.max_staleness.count());
  const Grid& g = *grid_;
  g.build_all(*fx_, o.target);
  const CurrencyGrid* xg = g.of(currency);
  const CurrencyGrid* tg = g.target_all;
  Scaled value;
  bool done = false;
  if (xg != nullptr && tg != nullptr) {
    const int e = exponent - o.scale_exponent;
    if (currency == o.target) {
      done = round_value(mantissa, 1, e, o, value, magnitude_rounding);
    } else {
      const Leg* x = Grid::lookup(*xg, day, staleness);
      const Leg* t = Grid::lookup(*tg, day, staleness);
      if (x != nullptr && t != nullptr) {
        u128 num = mantissa, den = 1;
        const auto mul = [](u128& acc, std::uint64_t m) { return !__builtin_mul_overflow(acc, static_cast<u128>(m), &acc); };
        bool ok = t->inverted ? mul(den, t->mantissa) : mul(num, t->mantissa);
        ok = ok && (x->inverted ? mul(num, x->mantissa) : mul(den, x->mantissa));
        const int exp = e + (t->inverted ? -t->exponent : t->exponent) - (x->inverted ? -x->exponent : x->exponent);
        done = ok && product_fits(num) && round_value(num, den, exp, o, value, magnitude_rounding);
      } else if (o.reasons ? Grid::explain(*xg, day, staleness, why) ||
                                 (x != nullptr && Grid::explain(*tg, day, staleness, why))
                           : Grid::stale(*xg, day, staleness) || (x != nullptr && Grid::stale(*tg, day, staleness))) {
        // Wording the reason costs ~450 instructions a row without a rate: only where asked.
        return Refusal::no_rate;
      }
    }
    if (done && !fits_decimal(value)) done = false;
  }
  if (!done) {  // the reference path: FxTable::as_of and FxRate, with Decimal arithmetic
    auto rate = fx_->as_of(date::sys_days{date::days{day}}, currency, o.target, o.max_staleness);
    if (!rate) {
      if (o.reasons) why = rate.error().message;
      return Refusal::no_rate;
    }
    try {
      Decimal a = Decimal::from_parts(static_cast<Decimal::Coefficient>(boost::multiprecision::uint128_t(mantissa)),
                                      exponent - o.scale_exponent);
      if (negative) a = -a;
      const Decimal v = o.decimals ? rate->convert(a, -*o.decimals, o.rounding)
                                   : rate->convert_significant(a, o.significant_digits, o.rounding);
      value = to_scaled(v.abs());
    } catch (const DecimalOverflow& e) {
      if (o.reasons)
        why = fmt::format("the value is beyond the decimal range at the requested precision (at most {} digits, "
                        "exponents -1000..1000): {}", Decimal::max_digits, e.what());
      return Refusal::out_of_range;
    }
  }
  if (negative && value.coefficient != 0) out += '-';
  append_value(out, value, o);
  return Refusal::none;
}

Normalizer::~Normalizer() = default;
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;

std::string Normalizer::header() const {
  std::string code(options_.target.code());
  std::transform(code.begin(), code.end(), code.begin(), [](char c) { return static_cast<char>(c - 'A' + 'a'); });
  return fmt::format("date,figure,currency,{}_value,per_share", code);
}

Result<NormalizedValue> Normalizer::convert(date::sys_days day, std::string_view figure) const {
  try {  // one row's value beyond the decimal range must not stop a stream
    auto parsed = parse_v1_figure(figure);
    if (!parsed) return unexpected(parsed.error());
    auto rate = fx_->as_of(day, parsed->currency, options_.target, options_.max_staleness);
    if (!rate) return unexpected(rate.error());
    const Decimal amount = parsed->amount.shifted(-options_.scale_exponent);
    Decimal value = options_.decimals ? rate->convert(amount, -*options_.decimals, options_.rounding)
                                      : rate->convert_significant(amount, options_.significant_digits, options_.rounding);
    return NormalizedValue{*parsed, value};
  } catch (const DecimalOverflow& e) {
    return unexpected(make_error(Errc::overflow,
                                 fmt::format("the value of '{}' is beyond the decimal range at the requested precision "
                                             "(at most {} digits, exponents -1000..1000): {}",
                                             figure.substr(0, 48), Decimal::max_digits, e.what()),
                                 figure));
  }
}

}  // namespace finmetrics
