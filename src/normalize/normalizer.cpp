#include "finmetrics/normalize/normalizer.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/normalize/detail/common_figure.hpp"
#include "finmetrics/normalize/detail/exact_quotient.hpp"
#include "finmetrics/detail/text.hpp"
#include "finmetrics/normalize/detail/row_text.hpp"

namespace finmetrics {

namespace {

using detail::parse_iso_date;
using detail::printable;
using detail::Scaled;
using detail::u128;

// One fixing of a currency against the pivot, as the kernel uses it:
// C per pivot = mantissa x 10^exponent, or its reciprocal when `inverted`
// (a source that quotes pivot per C, as FRED does for GBP).
// 16 bytes: the per-day table below holds one per calendar day.
struct Leg {
  std::uint64_t mantissa = 1;
  std::int16_t exponent = 0;
  bool inverted = false;
  std::int32_t day = 0;
};

struct CurrencyGrid {
  Currency series_base{};  // the series as published, for messages
  Currency series_quote{};
  bool identity = false;  // the pivot itself: exactly 1
  std::vector<Leg> fixings;
  // Per day from the first fixing's: a copy of the latest fixing, so that a row's
  // look-up is one memory access, not an index then a fixing (dates are random
  // over decades: both would miss the cache).
  std::vector<Leg> latest;
  std::int32_t first_day = 0;
  std::int32_t last_day = 0;
  bool usable = false;  // every fixing fits the kernel's integers

  [[nodiscard]] bool inverted_series() const noexcept { return !fixings.empty() && fixings.front().inverted; }
};

// v1: a figure currency's two legs to the target on one day, multiplied out:
// target per figure currency = num / den x 10^exponent. `usable` false: the
// stream takes the leg by leg path (a missing or stale leg, a wide mantissa).
struct V1Pair {
  std::uint32_t num = 0, den = 0;
  std::int8_t exponent = 0;
  bool usable = false;
};
// The four v1 currencies on one calendar day, in one cache line: a row costs
// one memory access (prefetched ahead by the batch loop), not one per leg.
struct alignas(64) V1Day {
  V1Pair pair[4];
};

std::int32_t day_number(date::sys_days d) { return static_cast<std::int32_t>(d.time_since_epoch().count()); }

// Leg of `c` against the pivot, or an unusable grid (the reference path takes over).
CurrencyGrid build_grid(const FxTable& fx, Currency c) {
  CurrencyGrid g;
  if (!fx.pivot()) return g;
  if (c == *fx.pivot()) {
    g.identity = g.usable = true;
    return g;
  }
  const FxSeries* series = fx.against_pivot(c);
  if (series == nullptr || series->fixings.empty()) return g;
  const bool inverted = series->base != *fx.pivot();
  g.series_base = series->base;
  g.series_quote = series->quote;
  for (const Fixing& f : series->fixings) {
    const Decimal& r = f.rate;
    if (r.sign() <= 0 || r.digits() > 19 || r.exponent() < -30000 || r.exponent() > 30000) return g;
    g.fixings.push_back(Leg{static_cast<std::uint64_t>(r.coefficient()), static_cast<std::int16_t>(r.exponent()),
                            inverted, day_number(f.date)});
  }
  g.first_day = g.fixings.front().day;
  g.last_day = g.fixings.back().day;
  g.latest.resize(static_cast<std::size_t>(g.last_day - g.first_day + 1));
  std::size_t k = 0;
  for (std::int32_t d = g.first_day; d <= g.last_day; ++d) {
    while (k + 1 < g.fixings.size() && g.fixings[k + 1].day <= d) ++k;
    g.latest[static_cast<std::size_t>(d - g.first_day)] = g.fixings[k];
  }
  g.usable = true;
  return g;
}

// Days since 1970-01-01 to "YYYY-MM-DD" (Hinnant's civil_from_days), for the
// diagnostics of rows without a rate: they are common (CNY before 2005) and must
// not cost a formatting library call each.
void append_iso_date(std::string& out, std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<unsigned>(static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
  const char text[10] = {static_cast<char>('0' + y / 1000 % 10), static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),        static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),        static_cast<char>('0' + d % 10)};
  out.append(text, 10);
}

void append_days(std::string& out, long long n) {
  out += std::to_string(n);
  out += n == 1 ? " day" : " days";
}

Scaled to_scaled(const Decimal& d) {
  // Slow path only: the coefficient is non-negative with at most 38 digits.
  return Scaled{d.coefficient().convert_to<u128>(), d.exponent()};
}

void append_value(std::string& out, Scaled v, const NormalizeOptions& o) {
  if (o.decimals) detail::append_fixed(out, v, *o.decimals);
  else detail::append_general(out, v, o.significant_digits);
}

constexpr u128 pow10(int n) { return n == 0 ? u128{1} : 10 * pow10(n - 1); }

bool fits_decimal(const Scaled& v) {
  // At most max_digits digits: below 10^max_digits (no digit count per row).
  return v.coefficient == 0 || (v.coefficient < pow10(Decimal::max_digits) &&
                                v.exponent >= Decimal::min_exponent && v.exponent <= Decimal::max_exponent);
}

// The reference path multiplies the amount by the rate's numerator (the same
// fixings' coefficients as the kernel's `num`) as a Decimal, which refuses a
// product of more than max_digits digits: such a product is left to it, so both
// refuse it alike (`Rmb` + 34 digits at 1.0314: the kernel's 128 bits would hold it).
bool product_fits(u128 n) {
  static constexpr u128 limit = pow10(Decimal::max_digits);
  return n < limit;
}

bool round_value(u128 n, u128 d, int e, const NormalizeOptions& o, Scaled& v, Rounding mode) {
  return o.decimals ? detail::quotient_at_quantum(n, d, e, -*o.decimals, mode, v)
                    : detail::quotient_significant(n, d, e, o.significant_digits, mode, v);
}
bool round_value(u128 n, u128 d, int e, const NormalizeOptions& o, Scaled& v) { return round_value(n, d, e, o, v, o.rounding); }

}  // namespace

struct Normalizer::Grid {
  // What only v2 and `convert_parts` use is built on first use: a v1 run's
  // start-up is a third of its time on a million rows, and the lean reader
  // (~10 ms) and a grid per currency of the table (~6 MB of pages) are most of it.
  // An acquire load first: std::call_once alone costs two thread-local
  // accesses per call (__tls_get_addr in the Python module), and these run per row.
  const detail::CommonFigureReader& common(const ParseOptions& parse) const {
    if (!common_built.load(std::memory_order_acquire))
      std::call_once(common_once, [&] {
        common_reader.emplace(parse);
        common_built.store(true, std::memory_order_release);
      });
    return *common_reader;
  }
  void build_all(const FxTable& fx, Currency to) const {
    if (all_built.load(std::memory_order_acquire)) return;
    std::call_once(all_once, [&] {
      // Every currency of the table (v2 and normalize_rows read any of them).
      all.reserve(2 * fx.series().size() + 2);
      if (fx.pivot()) add(fx, *fx.pivot());
      for (const FxSeries& series : fx.series()) {
        add(fx, series.base);
        add(fx, series.quote);
      }
      add(fx, to);
      target_all = of(to);
      all_built.store(true, std::memory_order_release);
    });
  }
  mutable std::once_flag common_once, all_once;
  mutable std::atomic<bool> common_built{false}, all_built{false};
  mutable std::optional<detail::CommonFigureReader> common_reader;  // v2's lean reader of the commonest forms
  CurrencyGrid v1[4];
  CurrencyGrid target;
  int target_v1 = -1;  // index of the target among the v1 currencies, if it is one
  std::vector<V1Day> v1_days;  // from v1_first_day on
  std::int32_t v1_first_day = 0;

  [[nodiscard]] const V1Pair* v1_pair(std::int32_t day, int currency) const noexcept {
    const auto at = static_cast<std::uint32_t>(day - v1_first_day);
    if (at >= v1_days.size()) return nullptr;
    const V1Pair& p = v1_days[at].pair[currency];
    return p.usable ? &p : nullptr;
  }
  void prefetch_v1(std::int32_t day) const noexcept {
    const auto at = static_cast<std::uint32_t>(day - v1_first_day);
    if (at < v1_days.size()) __builtin_prefetch(&v1_days[at]);
  }
  // The legs of each v1 currency to the target multiplied out per day, where
  // both legs exist and the products fit 32 bits (ECB rates have <= 7 digits).
  void build_v1_days(std::int32_t staleness) {
    const CurrencyGrid& tg = target_v1 >= 0 ? v1[target_v1] : target;
    std::int32_t first = INT32_MAX, last = INT32_MIN;
    for (const CurrencyGrid* g : std::initializer_list<const CurrencyGrid*>{&v1[0], &v1[1], &v1[2], &v1[3], &tg}) {
      if (!g->usable || g->identity) continue;
      first = std::min(first, g->first_day);
      last = std::max(last, g->last_day);
    }
    if (first > last || last - first > 400 * 366) return;
    last += std::min(staleness, 3660);
    v1_first_day = first;
    v1_days.resize(static_cast<std::size_t>(last - first + 1));
    for (std::int32_t d = first; d <= last; ++d) {
      V1Day& day = v1_days[static_cast<std::size_t>(d - first)];
      const Leg* t = lookup(tg, d, staleness);
      for (int k = 0; k < 4; ++k) {
        const Leg* x = lookup(v1[k], d, staleness);
        if (k == target_v1 || x == nullptr || t == nullptr) continue;
        u128 num = 1, den = 1;
        (t->inverted ? den : num) *= t->mantissa;
        (x->inverted ? num : den) *= x->mantissa;
        const int exp = (t->inverted ? -t->exponent : t->exponent) - (x->inverted ? -x->exponent : x->exponent);
        if (num > UINT32_MAX || den > UINT32_MAX || exp < INT8_MIN || exp > INT8_MAX) continue;
        day.pair[k] = V1Pair{static_cast<std::uint32_t>(num), static_cast<std::uint32_t>(den),
                             static_cast<std::int8_t>(exp), true};
      }
    }
  }
  // v2: every currency of the table, found by its code (26^3 slots).
  mutable std::vector<CurrencyGrid> all;
  mutable const CurrencyGrid* target_all = nullptr;  // the target's, found once (two look-ups a row)
  mutable std::vector<std::int16_t> index = std::vector<std::int16_t>(26 * 26 * 26, -1);

  static int slot(Currency c) {
    int k = 0;
    for (char ch : c.alpha) {
      if (ch < 'A' || ch > 'Z') return -1;
      k = k * 26 + (ch - 'A');
    }
    return k;
  }
  [[nodiscard]] const CurrencyGrid* of(Currency c) const {
    const int k = slot(c);
    if (k < 0 || index[static_cast<std::size_t>(k)] < 0) return nullptr;
    return &all[static_cast<std::size_t>(index[static_cast<std::size_t>(k)])];
  }
  void add(const FxTable& fx, Currency c) const {
    const int k = slot(c);
    if (k < 0 || index[static_cast<std::size_t>(k)] >= 0) return;
    index[static_cast<std::size_t>(k)] = static_cast<std::int16_t>(all.size());
    all.push_back(build_grid(fx, c));
  }

  // The leg of a currency on `day`, or null when the fast path cannot say.
  static const Leg* lookup(const CurrencyGrid& g, std::int32_t day, std::int32_t staleness) {
    static constexpr Leg one{};
    if (g.identity) return &one;
    if (!g.usable || day < g.first_day) return nullptr;
    const Leg& leg = day > g.last_day ? g.fixings.back()
                                      : g.latest[static_cast<std::size_t>(day - g.first_day)];
    return day - leg.day > staleness ? nullptr : &leg;
  }

  // Why `lookup` found nothing, worded exactly as FxTable::as_of words it (a
  // test holds the two together); false when the grid cannot tell.
  static bool explain(const CurrencyGrid& g, std::int32_t day, std::int32_t staleness, std::string& out) {
    if (!g.usable || g.identity) return false;
    if (day < g.first_day) {
      out += "no ";
      out += leg_code(g);
      out += " rate on or before ";
      append_iso_date(out, day);
      out += " (first fixing ";
      append_iso_date(out, g.first_day);
      out += ')';
      return true;
    }
    const Leg& leg = day > g.last_day ? g.fixings.back()
                                      : g.latest[static_cast<std::size_t>(day - g.first_day)];
    if (day - leg.day <= staleness) return false;
    out += "latest ";
    out += g.series_base.code();
    out += '/';
    out += g.series_quote.code();
    out += " fixing ";
    append_iso_date(out, leg.day);
    out += " is ";
    append_days(out, day - leg.day);
    out += " before ";
    append_iso_date(out, day);
    out += " (limit ";
    append_days(out, staleness);
    out += ')';
    return true;
  }

  // The currency of a series against the pivot ("CNY" for EUR/CNY and for CNY/EUR).
  static std::string_view leg_code(const CurrencyGrid& g) {
    return g.inverted_series() ? g.series_base.code() : g.series_quote.code();
  }
};

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

Normalizer::Normalizer(const FxTable& fx, NormalizeOptions options)
    : fx_(&fx), options_(options), grid_(std::make_unique<Grid>()) {
  if (options_.significant_digits < 1 || options_.significant_digits > 36)
    throw std::invalid_argument("NormalizeOptions::significant_digits must be in 1..36");
  if (options_.decimals && (*options_.decimals < 0 || *options_.decimals > 18))
    throw std::invalid_argument("NormalizeOptions::decimals must be in 0..18");
  if (options_.max_staleness.count() < 0) throw std::invalid_argument("NormalizeOptions::max_staleness must be >= 0");
  if (!options_.parse.locale.empty()) {
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
  if (options_.spec == NormalizeSpec::v2) {  // else on first use
    grid_->build_all(fx, options_.target);
    (void)grid_->common(options_.parse);
  }
}

std::string Normalizer::v2_columns() const {
  std::string code(options_.target.code());
  std::transform(code.begin(), code.end(), code.begin(), [](char c) { return static_cast<char>(c - 'A' + 'a'); });
  return fmt::format("currency,amount,low,high,qualifier,per,{0}_value,{0}_low,{0}_high{1}", code,
                     options_.currency_source_column ? ",currency_source" : "");
}

const detail::CommonFigureReader& Normalizer::common_figures() const { return grid_->common(options_.parse); }

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
      } else if (Grid::explain(*xg, day, staleness, why) ||
                 (x != nullptr && Grid::explain(*tg, day, staleness, why))) {
        return Refusal::no_rate;
      }
    }
    if (done && !fits_decimal(value)) done = false;
  }
  if (!done) {  // the reference path: FxTable::as_of and FxRate, with Decimal arithmetic
    auto rate = fx_->as_of(date::sys_days{date::days{day}}, currency, o.target, o.max_staleness);
    if (!rate) {
      why = rate.error().message;
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

NormalizeStream::NormalizeStream(const Normalizer& normalizer, std::string& output, std::string& diagnostics,
                                 std::string input_name, bool expect_header)
    : n_(normalizer),
      out_(output),
      diag_(diagnostics),
      input_name_(std::move(input_name)),
      splitter_(normalizer.options().max_record_bytes),
      header_seen_(!expect_header) {}

void NormalizeStream::feed(std::string_view chunk) {
  splitter_.feed(chunk);
  drain();
}

void NormalizeStream::finish() {
  drain();
  if (auto r = splitter_.finish()) process(*r);
}

void NormalizeStream::drain() {
  while (true) {
    if (auto run = splitter_.next_plain(SIZE_MAX)) {
      process(*run);
      continue;
    }
    auto r = splitter_.next();
    if (!r) return;
    process(*r);
  }
}

void NormalizeStream::prefetch(std::string_view record) noexcept {
  // Only a date field of ten bytes: what `row` would read as the date.
  if (n_.options().spec != NormalizeSpec::v1 || record.size() <= 10 || record[10] != ',') return;
  DayHint& h = day_hints_[hints_in_++ % std::size(day_hints_)];
  h.at = record.data();
  h.valid = parse_iso_date(record.substr(0, 10), h.day);
  if (h.valid) n_.grid_->prefetch_v1(h.day);
}

// The day of a v1 date field: the hint `prefetch` left for this very field, or
// read now. Hints of records that never came to a row (blank, broken) are passed.
bool NormalizeStream::day_of(std::string_view date_field, std::int32_t& day) {
  while (hints_out_ != hints_in_) {
    const DayHint& h = day_hints_[hints_out_ % std::size(day_hints_)];
    const auto at = reinterpret_cast<std::uintptr_t>(h.at), field = reinterpret_cast<std::uintptr_t>(date_field.data());
    if (at > field) break;
    ++hints_out_;
    if (at == field && date_field.size() == 10) {
      day = h.day;
      return h.valid;
    }
  }
  return parse_iso_date(date_field, day);
}

void NormalizeStream::diagnose(std::size_t line, std::string_view message) {
  if (!n_.options().reasons) return;
  if (!input_name_.empty()) {
    diag_ += input_name_;
    diag_ += ": ";
  }
  diag_ += "line ";
  diag_ += std::to_string(line);
  diag_ += ": ";
  diag_ += message;
  diag_ += '\n';
}

namespace {
bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}
}  // namespace

void NormalizeStream::process(const csv::RawRecord& record) {
  if (record.text.empty() && !record.too_long && !record.unterminated) {
    ++totals_.blank_lines;
    return;
  }
  if (record.too_long) {
    ++totals_.rows_read;
    ++totals_.invalid;
    header_seen_ = true;
    diagnose(record.line, fmt::format("record longer than {} bytes, skipped to its end (it starts '{}')",
                                      n_.options().max_record_bytes, printable(record.text, 32)));
    // Keep the date when it stands unquoted before the first comma.
    const std::size_t comma = record.text.find(',');
    if (comma != std::string_view::npos && record.text.substr(0, comma).find_first_of("\"\r\n") == std::string_view::npos)
      csv::append_field(out_, record.text.substr(0, comma));
    if (n_.options().spec == NormalizeSpec::v2) out_.append(std::max<std::size_t>(layout_.fields, 1) - 1 + 9, ',');
    else out_ += ",,,,";
    out_ += '\n';
    return;
  }
  if (n_.options().spec == NormalizeSpec::v2) {
    auto split = csv::split_record(record.text, fields_, scratch_);
    if (!header_seen_) {
      header_seen_ = true;
      header_v2(record, split.has_value());
      if (!totals_.bad_header || header_is_not_data_) return;
    }
    row_v2(record, split.has_value());
    return;
  }
  if (header_seen_ && record.text.find('"') == std::string_view::npos) {
    // The common row: no quotes, so fields are the text between commas.
    const std::size_t comma = record.text.find(',');
    if (comma != std::string_view::npos && record.text.find(',', comma + 1) == std::string_view::npos) {
      ++totals_.rows_read;
      row(record.text.substr(0, comma), record.text.substr(comma + 1), false, record.line);
      return;
    }
  }
  auto split = csv::split_record(record.text, fields_, scratch_);
  if (!header_seen_) {
    header_seen_ = true;
    if (split && fields_.size() == 2 && equals_ignoring_case(detail::trim_blanks(fields_[0]), "date") &&
        equals_ignoring_case(detail::trim_blanks(fields_[1]), "figure"))
      return;
    totals_.bad_header = true;
    date::sys_days d;
    if (split && !fields_.empty() && parse_iso_date(fields_[0], d)) {
      diagnose(record.line, "no header 'date,figure': reading the columns by position");
    } else {
      diagnose(record.line, fmt::format("expected the header 'date,figure', found '{}': reading the columns by position",
                                        printable(record.text, 80)));
      return;
    }
  }
  ++totals_.rows_read;
  if (!split || record.unterminated) {
    ++totals_.invalid;
    const Error e = split ? make_error(Errc::csv, "unterminated quoted field at the end of the input") : split.error();
    diagnose(record.line, fmt::format("broken CSV row: {}{}", e.message,
                                      e.position == Error::npos ? "" : fmt::format(" at column {}", e.position + 1)));
    // Keep what can be kept: the date when it stands unquoted before the first comma.
    const std::string_view first = record.text.substr(0, record.text.find(','));
    if (first.find('"') == std::string_view::npos) csv::append_field(out_, first);
    out_ += ",,,,\n";
    return;
  }
  if (fields_.size() != 2) {
    ++totals_.invalid;
    diagnose(record.line, fmt::format("expected 2 fields (date,figure), found {}{}", fields_.size(),
                                      fields_.size() > 2 ? " (a figure with an unquoted comma?)" : ""));
    csv::append_field(out_, fields_[0]);
    out_ += ',';
    // Keep everything after the date as the figure: nothing of the row is lost.
    if (fields_.size() > 1) {
      const std::size_t comma = record.text.find(',');
      csv::append_field(out_, record.text.find('"') == std::string_view::npos ? record.text.substr(comma + 1) : fields_[1]);
    }
    out_ += ",,,\n";
    return;
  }
  const bool quoted = record.text.size() > fields_[0].size() + 1 &&
                      record.text.find('"') != std::string_view::npos;
  row(fields_[0], fields_[1], quoted, record.line);
}

void NormalizeStream::process(const csv::PlainRecords& run) {
  const char* front = run.text.data();
  const char* const end = front + run.text.size();
  std::size_t line = run.line;
  if (n_.options().spec != NormalizeSpec::v1 || !header_seen_) {
    while (front < end) {
      const auto* lf = static_cast<const char*>(std::memchr(front, '\n', static_cast<std::size_t>(end - front)));
      process(csv::RawRecord{std::string_view(front, static_cast<std::size_t>(lf - front)), line++, false, false});
      front = lf + 1;
    }
    return;
  }
  // v1: each record is cut and its date read `ahead` records before its row, and
  // that day's rates prefetched then (dates are random: a look-up would miss).
  // A row of the common shape (a valid date, one comma, a figure of the grammar
  // without thousands separators) is the record's text, then its value: no
  // search for quotes and commas, no second date read. Any other goes to `process`.
  struct Ahead {
    const char* begin;
    const char* end;
    std::int32_t day;
    bool day_ok;
  };
  constexpr std::size_t ahead = 8, ring = 16;
  Ahead next[ring];
  std::size_t in = 0, out = 0;
  const Normalizer::Grid& g = *n_.grid_;
  const auto look_ahead = [&] {
    const auto* lf = static_cast<const char*>(std::memchr(front, '\n', static_cast<std::size_t>(end - front)));
    Ahead& a = next[in++ % ring];
    a.begin = front;
    a.end = lf;
    a.day_ok = lf - front > 10 && front[10] == ',' && parse_iso_date(std::string_view(front, 10), a.day);
    if (a.day_ok) g.prefetch_v1(a.day);
    front = lf + 1;
  };
  while (in < ahead && front < end) look_ahead();
  detail::V1Scan scan;
  detail::V1ScanError error;
  while (out != in) {
    if (front < end) look_ahead();
    const Ahead& a = next[out++ % ring];
    const std::string_view record(a.begin, static_cast<std::size_t>(a.end - a.begin));
    if (a.day_ok && detail::scan_v1_figure(record.substr(11), scan, error) && !scan.grouped) {
      ++totals_.rows_read;
      out_.append(record);  // "date,figure": no quotes, one comma
      row_value(scan, record.substr(0, 10), record.substr(11), true, a.day, line);
    } else {
      process(csv::RawRecord{record, line, false, false});
    }
    ++line;
  }
}

void NormalizeStream::row(std::string_view date_field, std::string_view figure, bool quoted, std::size_t line) {
  if (quoted) {
    csv::append_field(out_, date_field);
    out_ += ',';
    csv::append_field(out_, figure);
  } else {
    const std::size_t at = out_.size();
    out_.resize(at + date_field.size() + 1 + figure.size());
    char* p = out_.data() + at;
    std::memcpy(p, date_field.data(), date_field.size());
    p[date_field.size()] = ',';
    std::memcpy(p + date_field.size() + 1, figure.data(), figure.size());
  }

  detail::V1Scan scan;
  detail::V1ScanError error;
  if (!detail::scan_v1_figure(figure, scan, error)) {
    ++totals_.unparsed;
    diagnose(line, fmt::format("'{}' at column {}: {}", printable(figure, 80), error.position + 1, error.message));
    out_ += ",,,\n";
    return;
  }
  std::int32_t day_index = 0;
  const bool day_ok = day_of(date_field, day_index);
  row_value(scan, date_field, figure, day_ok, day_index, line);
}

void NormalizeStream::row_value(const detail::V1Scan& scan, std::string_view date_field, std::string_view figure,
                                bool day_ok, std::int32_t day_index, std::size_t line) {
  const NormalizeOptions& o = n_.options();
  // The rest of the row is built here and appended once.
  char tail[128];
  char* p = tail;
  *p++ = ',';
  const Currency currency = detail::v1_currencies[scan.currency];
  std::memcpy(p, currency.alpha.data(), 3);
  p += 3;
  *p++ = ',';
  const char per_share = scan.per_share ? '1' : '0';
  const auto finish_row = [&](bool) {
    out_.push_back(',');
    out_.push_back(per_share);
    out_.push_back('\n');
  };

  if (!day_ok) {
    ++totals_.invalid;
    diagnose(line, fmt::format("invalid date '{}' (expected an existing day as YYYY-MM-DD)", printable(date_field, 40)));
    out_.append(tail, static_cast<std::size_t>(p - tail));
    finish_row(false);
    return;
  }

  const Normalizer::Grid& g = *n_.grid_;
  Scaled value;
  bool done = false;
  const int e = scan.exponent - o.scale_exponent;
  if (scan.currency == g.target_v1) {
    done = round_value(scan.mantissa, 1, e, o, value);
  } else if (const V1Pair* pair = g.v1_pair(day_index, scan.currency)) {
    u128 num = scan.mantissa;
    done = !__builtin_mul_overflow(num, static_cast<u128>(pair->num), &num) && product_fits(num) &&
           round_value(num, pair->den, e + pair->exponent, o, value);
  } else {
    const auto staleness = static_cast<std::int32_t>(o.max_staleness.count());
    const Leg* x = Normalizer::Grid::lookup(g.v1[scan.currency], day_index, staleness);
    const Leg* t = Normalizer::Grid::lookup(g.target_v1 >= 0 ? g.v1[g.target_v1] : g.target, day_index, staleness);
    if (x != nullptr && t != nullptr) {
      // target per figure currency = (T per pivot) / (X per pivot), each leg
      // possibly published the other way round.
      u128 num = scan.mantissa, den = 1;
      const auto mul = [](u128& acc, std::uint64_t m) { return !__builtin_mul_overflow(acc, static_cast<u128>(m), &acc); };
      bool ok = t->inverted ? mul(den, t->mantissa) : mul(num, t->mantissa);
      ok = ok && (x->inverted ? mul(num, x->mantissa) : mul(den, x->mantissa));
      const int exp = e + (t->inverted ? -t->exponent : t->exponent) - (x->inverted ? -x->exponent : x->exponent);
      done = ok && product_fits(num) && round_value(num, den, exp, o, value);
    }
  }
  // A value the reference path cannot hold as a Decimal (39 digits at the
  // requested quantum, an exponent beyond +-1000) is left to it, so both refuse it alike.
  if (done && !fits_decimal(value)) done = false;
  if (!done && scan.currency != g.target_v1) {
    const auto staleness = static_cast<std::int32_t>(o.max_staleness.count());
    const CurrencyGrid& xg = g.v1[scan.currency];
    const CurrencyGrid& tg = g.target_v1 >= 0 ? g.v1[g.target_v1] : g.target;
    why_.clear();
    if (Normalizer::Grid::explain(xg, day_index, staleness, why_) ||
        (Normalizer::Grid::lookup(xg, day_index, staleness) != nullptr && Normalizer::Grid::explain(tg, day_index, staleness, why_))) {
      ++totals_.without_rate;
      diagnose(line, why_);
      out_.append(tail, static_cast<std::size_t>(p - tail));
      finish_row(false);
      return;
    }
  }
  if (!done) {  // numbers beyond the kernel's integers, or a table the grid cannot index: the reference path decides
    auto r = n_.convert(date::sys_days{date::days{day_index}}, figure);
    if (!r) {
      if (r.error().code == Errc::overflow) ++totals_.invalid;
      else ++totals_.without_rate;
      diagnose(line, r.error().message);
      out_.append(tail, static_cast<std::size_t>(p - tail));
      finish_row(false);
      return;
    }
    value = to_scaled(r->value.abs());
  }
  ++totals_.converted;
  if (o.decimals) {
    out_.append(tail, static_cast<std::size_t>(p - tail));
    append_value(out_, value, o);
    finish_row(false);
    return;
  }
  // The common case: the whole tail of the row in one append (`tail` holds
  // five bytes so far, room for the value and three more).
  static_assert(sizeof tail >= 5 + detail::general_max_bytes + 3);
  p = detail::write_general(p, value, o.significant_digits);
  *p++ = ',';
  *p++ = per_share;
  *p++ = '\n';
  out_.append(tail, static_cast<std::size_t>(p - tail));
}

NormalizeTotals normalize_csv(const Normalizer& normalizer, std::string_view input, std::string& output,
                              std::string& diagnostics) {
  const bool v2 = normalizer.options().spec == NormalizeSpec::v2;
  if (!v2) {
    output += normalizer.header();
    output += '\n';
  }
  NormalizeStream stream(normalizer, output, diagnostics);
  stream.feed(input);
  stream.finish();
  if (v2 && !stream.totals().header_written)  // an empty input: the header of the default columns
    output += normalizer.options().date_column + "," + normalizer.options().figure_column + "," + normalizer.v2_columns() + "\n";
  return stream.totals();
}

}  // namespace finmetrics

namespace finmetrics {

namespace {

// Records cut by the reading thread, copied into one buffer per batch.
struct Batch {
  std::string text;
  struct Entry {
    std::size_t offset, size, line;
    bool too_long, unterminated;
    bool plain;  // a run of plain records (csv::PlainRecords), each ending with '\n', from `line` on
  };
  std::vector<Entry> records;
  bool first = false;
};

struct BatchResult {
  std::string output;
  std::string diagnostics;
  NormalizeTotals totals;
  ColumnLayout layout;
  Batch spent;  // the batch's buffers, handed back for a later batch
};

// `output` is a buffer of an earlier batch (its pages already mapped: a fresh
// 1.5 MiB string per batch cost a page fault per 4 KiB, ~6% of a v1 run).
BatchResult run_batch(const Normalizer& n, Batch batch, std::string output, const std::string& name,
                      const ColumnLayout& layout, bool write_header) {
  BatchResult r;
  r.output = std::move(output);
  r.output.clear();
  r.output.reserve(batch.text.size() + batch.text.size() / 2);
  NormalizeStream stream(n, r.output, r.diagnostics, name, batch.first);
  stream.set_layout(layout);
  stream.write_header(write_header);
  const std::string_view text(batch.text);
  constexpr std::size_t ahead = 8;  // rows between a prefetch and its use: a memory latency's worth
  const std::size_t count = batch.records.size();
  for (std::size_t k = 0; k < count; ++k) {
    const auto& e = batch.records[k];
    if (e.plain) {  // cut into records here, by the worker
      stream.process(csv::PlainRecords{text.substr(e.offset, e.size), e.line, 0});
      continue;
    }
    if (k + ahead < count && !batch.records[k + ahead].plain) {
      const auto& a = batch.records[k + ahead];
      stream.prefetch(text.substr(a.offset, a.size));
    }
    stream.process(csv::RawRecord{text.substr(e.offset, e.size), e.line, e.too_long, e.unterminated});
  }
  r.totals = stream.totals();
  r.layout = stream.layout();
  r.spent = std::move(batch);
  return r;
}

}  // namespace

NormalizeTotals normalize_pipeline(const Normalizer& n, const ByteSource& read, const NormalizeSink& write,
                                   unsigned threads, const std::string& input_name, bool write_header) {
  constexpr std::size_t chunk_size = std::size_t{1} << 20;
  constexpr std::size_t batch_bytes = std::size_t{1} << 20;
  constexpr std::size_t batch_records = std::size_t{1} << 16;
  std::vector<char> chunk(chunk_size);
  NormalizeTotals totals;
  if (threads <= 1) {
    std::string out, diag;
    NormalizeStream stream(n, out, diag, input_name);
    stream.write_header(write_header);
    while (const std::size_t got = read(chunk.data(), chunk.size())) {
      stream.feed(std::string_view(chunk.data(), got));
      write(out, diag);
      out.clear();
      diag.clear();
    }
    stream.finish();
    write(out, diag);
    return stream.totals();
  }

  csv::RecordSplitter splitter(n.options().max_record_bytes);
  std::deque<std::future<BatchResult>> inflight;
  Batch batch;
  batch.first = true;
  // The header is read first and alone (v2 finds its columns there): the later
  // batches are given the layout it found.
  bool header_pending = true;
  ColumnLayout layout;
  // Buffers of finished batches, reused (input text, output).
  std::vector<Batch> spare_batches;
  std::vector<std::string> spare_outputs;
  const auto drain_one = [&] {
    BatchResult r = inflight.front().get();
    inflight.pop_front();
    write(r.output, r.diagnostics);
    totals += r.totals;
    spare_batches.push_back(std::move(r.spent));
    spare_outputs.push_back(std::move(r.output));
    return r.layout;
  };
  // The records of one chunk lie in order in the splitter's buffer: their
  // bytes (and the line ends between them) are copied into the batch at once,
  // before the next feed moves that buffer, not record by record.
  const char* span_begin = nullptr;
  const char* span_end = nullptr;
  std::size_t span_base = 0;
  const auto flush_span = [&] {
    if (span_begin == nullptr) return;
    batch.text.append(span_begin, static_cast<std::size_t>(span_end - span_begin));
    span_begin = nullptr;
  };
  const auto dispatch = [&] {
    flush_span();
    if (batch.records.empty()) return;
    const bool first = batch.first;
    std::string output;
    if (!spare_outputs.empty()) {
      output = std::move(spare_outputs.back());
      spare_outputs.pop_back();
    }
    inflight.push_back(std::async(std::launch::async, [&n, &input_name, layout, write_header, b = std::move(batch),
                                                       o = std::move(output)]() mutable {
      return run_batch(n, std::move(b), std::move(o), input_name, layout, write_header);
    }));
    batch = Batch{};
    if (!spare_batches.empty()) {
      batch = std::move(spare_batches.back());
      spare_batches.pop_back();
      batch.text.clear();
      batch.records.clear();
      batch.first = false;
    }
    if (first) {
      while (!inflight.empty()) layout = drain_one();
      header_pending = false;
    }
    while (inflight.size() > threads) drain_one();
  };
  const auto take = [&](const csv::RawRecord& rec) {
    if (span_begin == nullptr) {
      span_begin = rec.text.data();
      span_base = batch.text.size();
    }
    batch.records.push_back({span_base + static_cast<std::size_t>(rec.text.data() - span_begin), rec.text.size(),
                             rec.line, rec.too_long, rec.unterminated, false});
    span_end = rec.text.data() + rec.text.size();
    if (header_pending && !rec.text.empty()) {
      dispatch();
      return;
    }
    // By records too: blank lines add no bytes, and a batch of millions of them
    // would hold millions of entries (issue 11: 50 MB of newlines took 2.1 GB).
    if (span_base + static_cast<std::size_t>(span_end - span_begin) >= batch_bytes ||
        batch.records.size() >= batch_records)
      dispatch();
  };
  // Runs of plain records go to the workers whole, cut into records there: the
  // reading thread's work per record (one entry each) was a third of a v1 run's
  // and kept two workers waiting on it.
  const auto take_plain = [&](const csv::PlainRecords& run) {
    if (span_begin == nullptr) {
      span_begin = run.text.data();
      span_base = batch.text.size();
    }
    batch.records.push_back({span_base + static_cast<std::size_t>(run.text.data() - span_begin), run.text.size(),
                             run.line, false, false, true});
    span_end = run.text.data() + run.text.size();
    if (span_base + static_cast<std::size_t>(span_end - span_begin) >= batch_bytes) dispatch();
  };
  const auto drain = [&] {
    while (true) {
      if (!header_pending) {
        // At most what the batch still takes: a batch stays within batch_bytes (its
        // output buffer, reserved from it, is pages to fault in).
        const std::size_t used = batch.text.size() + (span_begin == nullptr ? 0 : static_cast<std::size_t>(span_end - span_begin));
        if (auto run = splitter.next_plain(batch_bytes - std::min(used, batch_bytes - 1))) {
          take_plain(*run);
          continue;
        }
      }
      auto rec = splitter.next();
      if (!rec) return;
      take(*rec);
    }
  };
  while (const std::size_t got = read(chunk.data(), chunk.size())) {
    flush_span();  // the feed may move the splitter's buffer
    splitter.feed(std::string_view(chunk.data(), got));
    drain();
  }
  drain();
  if (auto rec = splitter.finish()) take(*rec);
  dispatch();
  while (!inflight.empty()) drain_one();
  return totals;
}

}  // namespace finmetrics
