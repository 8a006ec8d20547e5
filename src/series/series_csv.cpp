#include "finmetrics/series/series_csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/io/csv.hpp"
#include "finmetrics/series/detail/csv_rows.hpp"
#include "finmetrics/unit/scale.hpp"
#include "finmetrics/detail/text.hpp"

namespace finmetrics {

using series_detail::error_at;

namespace {

constexpr std::string_view layout_hint = "long layout: 'entity,metric,period,value,unit,currency,source'";

}  // namespace


namespace {

struct UnitColumn {
  Scale scale = scales::units;
  Unit unit;
};

/// Reads the unit column; on failure returns the reason.
tl::expected<UnitColumn, std::string> read_unit_column(std::string_view text, std::optional<Currency> currency) {
  UnitColumn out;
  std::string_view rest = detail::trim_blanks(text);
  if (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    const std::string_view first = rest.substr(0, space);
    if (const auto scale = scale_from_token(first)) {
      out.scale = *scale;
      rest = space == std::string_view::npos ? std::string_view{} : detail::trim_blanks(rest.substr(space + 1));
    }
  }
  const std::string what = detail::ascii_lower(rest);
  if (what.empty()) {
    out.unit = currency ? Unit::money(*currency) : Unit::of(Dimension::number);
    return out;
  }
  if (what == "per share" || what == "per ads") {
    if (!currency) return tl::unexpected(fmt::format("'{}' is money: the currency column is empty", quote_for_message(rest)));
    out.unit = Unit::money(*currency, what == "per share" ? Per::share : Per::ads);
    return out;
  }
  if (what == "%") out.unit = Unit::of(Dimension::percent);
  else if (what == "pp") out.unit = Unit::of(Dimension::percentage_points);
  else if (what == "bp") out.unit = Unit::of(Dimension::basis_points);
  else if (what == "x") out.unit = Unit::of(Dimension::multiple);
  else out.unit = Unit::count_of(std::string(rest));
  if (currency)
    return tl::unexpected(fmt::format("'{}' is not money, yet the currency column says {}", quote_for_message(rest), currency->code()));
  return out;
}

/// Columns of the long layout, by header name.
struct Columns {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t entity = none, metric = none, period = none, value = none, unit = none, currency = none, source = none;
  std::size_t count = 0;
};

struct Row {
  Period key;
  std::optional<Decimal> value;
  std::string source;
  std::size_t line;
  std::size_t period_column;
};

struct Pending {
  PeriodSeries series;
  std::size_t first_line = 0;
  std::vector<Row> rows;
};

}  // namespace

Result<SeriesSet> parse_series_csv(std::string_view text, std::string_view name, const SeriesCsvOptions& options) {
  series_detail::CsvRows rows(text, name);
  auto more = rows.next();
  if (!more) return unexpected(more.error());
  if (!*more) return unexpected(error_at(Errc::csv, name, 0, 0, fmt::format("no header line ({})", layout_hint)));

  Columns cols;
  cols.count = rows.fields().size();
  for (std::size_t i = 0; i < rows.fields().size(); ++i) {
    const std::string h = detail::ascii_lower(detail::trim_blanks(rows.fields()[i]));
    std::size_t* slot = h == "entity"     ? &cols.entity
                        : h == "metric"   ? &cols.metric
                        : h == "period"   ? &cols.period
                        : h == "value"    ? &cols.value
                        : h == "unit"     ? &cols.unit
                        : h == "currency" ? &cols.currency
                        : h == "source"   ? &cols.source
                                          : nullptr;
    if (slot == nullptr) continue;  // extra columns (notes, quotes) are allowed
    if (*slot != Columns::none)
      return unexpected(error_at(Errc::csv, name, rows.line(), rows.column(i),
                                 fmt::format("header: column '{}' appears twice", quote_for_message(h)), rows.fields()[i]));
    *slot = i;
  }
  for (const auto& [slot, label] : std::array<std::pair<std::size_t, std::string_view>, 4>{
           {{cols.entity, "entity"}, {cols.metric, "metric"}, {cols.period, "period"}, {cols.value, "value"}}}) {
    if (slot == Columns::none)
      return unexpected(error_at(Errc::csv, name, rows.line(), 0,
                                 fmt::format("header: no '{}' column ({})", label, layout_hint), rows.record()));
  }

  std::map<SeriesId, Pending> pending;
  while (true) {
    more = rows.next();
    if (!more) return unexpected(more.error());
    if (!*more) break;
    const auto& f = rows.fields();
    const std::size_t line = rows.line();
    if (f.size() != cols.count)
      return unexpected(error_at(Errc::csv, name, line, 0,
                                 fmt::format("expected {} fields as in the header, read {}", cols.count, f.size()),
                                 rows.record()));
    const auto field = [&](std::size_t c) { return c == Columns::none ? std::string_view{} : detail::trim_blanks(f[c]); };
    const auto fail = [&](Errc code, std::size_t c, std::string_view message, std::size_t offset = 0) {
      return unexpected(error_at(code, name, line, rows.column(c) + offset, message, f[c]));
    };

    const std::string_view entity = field(cols.entity);
    const std::string_view metric_name = field(cols.metric);
    if (entity.empty()) return fail(Errc::csv, cols.entity, "entity: empty");
    if (metric_name.empty()) return fail(Errc::csv, cols.metric, "metric: empty");

    std::optional<Metric> metric;
    for (const Metric& m : options.metrics) {
      if (m.name == metric_name) metric = m;
    }
    if (!metric) metric = known_metric(metric_name);
    if (!metric)
      return fail(Errc::syntax, cols.metric,
                  fmt::format("metric: '{}' is not a known metric (its kind decides how it aggregates and converts: "
                              "pass it in SeriesCsvOptions::metrics)",
                              quote_for_message(metric_name)));

    const std::string_view period_text = f[cols.period];
    auto key = parse_period(period_text, options.periods);
    if (!key) {
      const std::size_t pos = key.error().position == Error::npos ? 0 : key.error().position;
      return fail(key.error().code, cols.period, fmt::format("period: {}", key.error().message), pos);
    }

    std::optional<Currency> currency;
    if (const std::string_view code = field(cols.currency); !code.empty()) {
      auto c = Currency::from_code(code);
      if (!c) return fail(Errc::unknown_currency, cols.currency, fmt::format("currency: {}", c.error().message));
      currency = *c;
    }
    auto unit = read_unit_column(field(cols.unit), currency);
    if (!unit) return fail(Errc::syntax, cols.unit == Columns::none ? cols.currency : cols.unit, "unit: " + unit.error());
    const bool metric_is_money = metric->dimension == Dimension::money;
    const std::size_t unit_field = cols.unit == Columns::none ? cols.value : cols.unit;
    if (metric_is_money && !unit->unit.is_money())
      return fail(Errc::currency_mismatch, unit_field,
                  fmt::format("unit: {} is money and needs a currency, read unit '{}' and currency ''", metric->name,
                              field(cols.unit)));
    if (!metric_is_money && unit->unit.is_money())
      return fail(Errc::currency_mismatch, unit_field,
                  fmt::format("unit: {} is not money, read '{}'", metric->name, unit->unit.to_string()));
    if (metric_is_money && metric->per != unit->unit.per)
      return fail(Errc::currency_mismatch, unit_field,
                  fmt::format("unit: {} is money {}, read '{}'", metric->name,
                              metric->per == Per::share ? "per share" : metric->per == Per::ads ? "per ADS" : "of the whole",
                              unit->unit.to_string()));

    std::optional<Decimal> value;
    if (!series_detail::is_missing_text(f[cols.value])) {
      auto v = Decimal::parse(field(cols.value));
      if (!v) return fail(Errc::syntax, cols.value, fmt::format("value: '{}' is not a decimal number", quote_for_message(f[cols.value])));
      value = *v;
    }

    SeriesId id{std::string(entity), std::string(metric_name)};
    auto [it, inserted] = pending.try_emplace(std::move(id));
    Pending& p = it->second;
    if (inserted) {
      p.series = PeriodSeries(*metric, unit->unit, unit->scale);
      p.first_line = line;
    } else if (!(p.series.unit() == unit->unit)) {
      return fail(Errc::currency_mismatch, cols.unit == Columns::none ? cols.currency : cols.unit,
                  fmt::format("unit: '{}' after '{}' on line {} for {} / {}", unit->unit.to_string(),
                              p.series.unit().to_string(), p.first_line, entity, metric_name));
    }
    if (value) *value = value->shifted(unit->scale.exponent - p.series.scale().exponent);
    p.rows.push_back(Row{*key, std::move(value), std::string(field(cols.source)), line, rows.column(cols.period)});
  }

  SeriesSet set;
  for (auto& [id, p] : pending) {
    std::stable_sort(p.rows.begin(), p.rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
    p.series.reserve(p.rows.size());
    for (std::size_t i = 0; i < p.rows.size(); ++i) {
      Row& r = p.rows[i];
      if (i > 0 && p.rows[i - 1].key == r.key) {
        const Row& later = p.rows[i - 1].line < r.line ? r : p.rows[i - 1];
        const std::size_t earlier = std::min(p.rows[i - 1].line, r.line);
        return unexpected(error_at(Errc::csv, name, later.line, later.period_column,
                                   fmt::format("period: {} of {} / {} is already on line {}", r.key, id.entity,
                                               id.metric, earlier)));
      }
      p.series.append(r.key, std::move(r.value), std::move(r.source));
    }
    set.put(id, std::move(p.series));
  }
  return set;
}

Result<SeriesSet> load_series_csv(const std::filesystem::path& file, const SeriesCsvOptions& options) {
  auto text = series_detail::read_file(file);
  if (!text) return unexpected(text.error());
  return parse_series_csv(*text, file.string(), options);
}

std::string unit_column(const Unit& unit, Scale scale) {
  std::string what;
  if (unit.is_money()) {
    if (unit.per == Per::share) what = "per share";
    if (unit.per == Per::ads) what = "per ADS";
  } else {
    what = unit.to_string();
  }
  std::string out(scale.symbol);
  if (!out.empty() && !what.empty()) out += ' ';
  return out + what;
}

namespace {

// A value as the reader reads it back: plain notation ("26.549", "81000000000"),
// except when its trailing zeros would make it more than 38 digits long, which
// Decimal::parse refuses: then the coefficient and the exponent ("3982e55").
std::string value_text(const Decimal& v) {
  std::string text = v.to_string();
  const std::size_t digits = text.size() - (text.front() == '-' ? 1 : 0);
  if (v.exponent() > 0 && digits > 38 && !v.is_zero()) {
    text.resize(text.size() - static_cast<std::size_t>(v.exponent()));
    text += 'e' + std::to_string(v.exponent());
  }
  return text;
}

}  // namespace

std::string write_series_csv(const SeriesSet& set) {
  std::string out = "entity,metric,period,value,unit,currency,source\n";
  for (const auto& [id, s] : set) {
    const std::string unit = unit_column(s.unit(), s.scale());
    const std::string currency = s.unit().currency ? std::string(s.unit().currency->code()) : std::string();
    for (std::size_t i = 0; i < s.size(); ++i) {
      csv::append_field(out, id.entity);
      out += ',';
      csv::append_field(out, id.metric);
      out += ',';
      csv::append_field(out, s.key(i).to_string());
      out += ',';
      if (s.value(i)) out += value_text(*s.value(i));
      out += ',';
      csv::append_field(out, unit);
      out += ',';
      out += currency;
      out += ',';
      csv::append_field(out, s.source(i));
      out += '\n';
    }
  }
  return out;
}

tl::expected<void, Error> write_series_csv(const std::filesystem::path& file, const SeriesSet& set) {
  const std::string text = write_series_csv(set);
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "wb"), &std::fclose);
  if (!f || std::fwrite(text.data(), 1, text.size(), f.get()) != text.size())
    return tl::unexpected(make_error(Errc::io, fmt::format("cannot write '{}'", file.string()), file.string()));
  return {};
}

}  // namespace finmetrics
