#include "finmetrics/check/reference_data.hpp"

#include "finmetrics/io/read_file.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/series/market_csv.hpp"

namespace finmetrics {

namespace {

constexpr std::string_view market_header = "kind,symbol,date,field,value,currency,source";
constexpr std::string_view financials_header = "entity,metric,period,value,unit,currency,source,status";

Error file_error(Errc code, std::string_view file, std::size_t line, std::string message, std::string_view input = {}) {
  Error e = make_error(code, fmt::format("{}:{}: {}", file, line, message), input);
  e.line = line;
  return e;
}

// Calls `row(line, fields)` for each data row; checks header and field count.
template <class F>
tl::expected<void, Error> for_each_row(std::string_view text, std::string_view file, std::string_view header,
                                       std::size_t nfields, F&& row) {
  csv::RecordSplitter splitter;
  splitter.feed(text);
  std::vector<std::string_view> fields;
  std::string scratch;
  bool first = true;
  const auto handle = [&](const csv::RawRecord& rec) -> tl::expected<void, Error> {
    if (first) {
      first = false;
      if (rec.text != header) {
        return unexpected(file_error(Errc::csv, file, rec.line, fmt::format("expected the header '{}'", header), rec.text));
      }
      return {};
    }
    if (rec.text.empty()) return {};
    if (auto ok = csv::split_record(rec.text, fields, scratch); !ok) {
      return unexpected(file_error(Errc::csv, file, rec.line, ok.error().message, rec.text));
    }
    if (fields.size() != nfields) {
      return unexpected(file_error(Errc::csv, file, rec.line,
                                   fmt::format("expected {} fields, found {}", nfields, fields.size()), rec.text));
    }
    return row(rec.line, fields);
  };
  while (auto rec = splitter.next())
    if (auto r = handle(*rec); !r) return r;
  if (auto rec = splitter.finish())
    if (auto r = handle(*rec); !r) return r;
  if (first) return unexpected(file_error(Errc::csv, file, 1, fmt::format("empty file, expected the header '{}'", header)));
  return {};
}

void add_price(Listing& l, PriceObservation o) {
  auto it = std::lower_bound(l.prices.begin(), l.prices.end(), o, [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.field < b.field;
  });
  if (it != l.prices.end() && it->date == o.date && it->field == o.field) {
    *it = std::move(o);  // the later source (market.csv) wins
  } else {
    l.prices.insert(it, std::move(o));
  }
}

Listing& listing_of(ReferenceData& d, std::string_view symbol, Currency currency) {
  for (auto& l : d.listings)
    if (l.symbol == symbol) return l;
  d.listings.push_back(Listing{std::string(symbol), currency, Per::share, {}});
  return d.listings.back();
}

void add_count(std::vector<DatedCount>& v, DatedCount c) {
  auto it = std::lower_bound(v.begin(), v.end(), c, [](const auto& a, const auto& b) { return a.date < b.date; });
  if (it != v.end() && it->date == c.date) {
    if (!it->exact && c.exact) *it = std::move(c);
    return;
  }
  v.insert(it, std::move(c));
}

struct FxRows {
  std::map<std::pair<std::string, std::string>, std::vector<Fixing>> series;
};

tl::expected<void, Error> parse_market(std::string_view text, std::string_view file, ReferenceData& d, FxRows& fx) {
  return for_each_row(text, file, market_header, 7, [&](std::size_t line, const std::vector<std::string_view>& f)
                                                        -> tl::expected<void, Error> {
    const std::string source = fmt::format("{} line {}: {}", file, line, f[6]);
    auto day = parse_date(f[2]);
    if (!day) return unexpected(file_error(Errc::invalid_date, file, line, day.error().message, f[2]));
    auto value = Decimal::parse(f[4]);
    if (!value) return unexpected(file_error(Errc::syntax, file, line, fmt::format("value '{}' is not a decimal number", f[4]), f[4]));
    if (f[0] == "price") {
      auto cur = Currency::from_code(f[5]);
      if (!cur) return unexpected(file_error(Errc::unknown_currency, file, line, cur.error().message, f[5]));
      add_price(listing_of(d, f[1], *cur), PriceObservation{*day, std::string(f[3]), *value, source});
    } else if (f[0] == "shares") {
      add_count(d.shares, DatedCount{*day, *value, true, source});
    } else if (f[0] == "ads_ratio") {
      add_count(d.ads_ratios, DatedCount{*day, *value, true, source});
      listing_of(d, f[1], Currency{{'U', 'S', 'D'}}).per = Per::ads;
    } else if (f[0] == "fx") {
      const auto slash = f[1].find('/');
      if (slash == std::string_view::npos) {
        return unexpected(file_error(Errc::syntax, file, line, fmt::format("fx symbol '{}' is not BASE/QUOTE", f[1]), f[1]));
      }
      fx.series[{std::string(f[1].substr(0, slash)), std::string(f[1].substr(slash + 1))}].push_back(
          Fixing{date::sys_days(*day), *value});
    } else {
      return unexpected(file_error(Errc::syntax, file, line,
                                   fmt::format("unknown kind '{}' (expected price, shares, ads_ratio or fx)", f[0]), f[0]));
    }
    return {};
  });
}

tl::expected<void, Error> build_fx(const FxRows& rows, std::string_view file, ReferenceData& d) {
  std::optional<Currency> pivot;
  bool common = true;
  for (const auto& [pair, fixings] : rows.series) {
    auto base = Currency::from_code(pair.first);
    if (!base) return unexpected(make_error(Errc::unknown_currency, fmt::format("{}: {}", file, base.error().message)));
    if (pivot && !(*pivot == *base)) common = false;
    pivot = *base;
  }
  FxTable table(common ? pivot : std::nullopt);
  for (const auto& [pair, fixings] : rows.series) {
    auto base = Currency::from_code(pair.first);
    auto quote = Currency::from_code(pair.second);
    if (!quote) return unexpected(make_error(Errc::unknown_currency, fmt::format("{}: {}", file, quote.error().message)));
    std::vector<Fixing> sorted = fixings;
    std::sort(sorted.begin(), sorted.end(), [](const Fixing& a, const Fixing& b) { return a.date < b.date; });
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      if (sorted[i].date == sorted[i - 1].date) {
        return unexpected(make_error(Errc::csv, fmt::format("{}: two {}/{} fixings on {}", file, pair.first, pair.second,
                                                            to_iso_string(sorted[i].date))));
      }
    }
    table.add(FxSeries{*base, *quote, "ECB via " + std::filesystem::path(file).filename().string(), Periodicity::daily,
                       std::move(sorted)});
  }
  d.fx = std::move(table);
  d.fx_source = std::string(file) + " (ECB reference rates, typed in)";
  return {};
}

Result<Unit> unit_of(std::string_view unit, std::string_view currency, int& exponent) {
  exponent = 0;
  if (unit == "bn" || unit == "mn") {
    exponent = unit == "bn" ? 9 : 6;
    auto c = Currency::from_code(currency);
    if (!c) return unexpected(c.error());
    return Unit::money(*c);
  }
  if (unit == "%") return Unit::of(Dimension::percent);
  if (unit == "shares" || unit == "mn shares" || unit == "bn shares") {
    exponent = unit == "shares" ? 0 : unit == "mn shares" ? 6 : 9;
    return Unit::count_of("shares");
  }
  if (unit == "mn ADS") {
    exponent = 6;
    return Unit::count_of("ADS");
  }
  if (unit == "ratio") return Unit::of(Dimension::number);
  return unexpected(make_error(Errc::syntax,
                               fmt::format("unknown unit '{}' (expected bn, mn, %, shares, mn shares, bn shares, mn ADS, ratio)", unit),
                               unit));
}

tl::expected<void, Error> parse_financials(std::string_view text, std::string_view file, const FiscalCalendar& cal,
                                           ReferenceData& d) {
  bool issuer_set = false;
  return for_each_row(text, file, financials_header, 8, [&](std::size_t line, const std::vector<std::string_view>& f)
                                                            -> tl::expected<void, Error> {
    auto p = parse_claim_period(f[2], cal);
    if (!p) return unexpected(file_error(p.error().code, file, line, p.error().message, f[2]));
    ReportedFigure r{line,
                     std::string(f[0]),
                     std::string(f[1]),
                     std::move(*p),
                     std::string(f[3]),
                     std::string(f[4]),
                     Decimal{},
                     Unit::of(Dimension::number),
                     fmt::format("{} line {}: {}", file, line, f[6]),
                     std::string(f[7])};
    auto v = Decimal::parse(f[3]);
    if (!v) return unexpected(file_error(Errc::syntax, file, line, fmt::format("value '{}' is not a decimal number", f[3]), f[3]));
    int exponent = 0;
    auto u = unit_of(f[4], f[5], exponent);
    if (!u) return unexpected(file_error(u.error().code, file, line, u.error().message, f[4]));
    r.value = v->shifted(exponent);
    r.unit = *u;
    if (!issuer_set && r.entity.find('/') == std::string::npos) {
      d.issuer = r.entity;
      issuer_set = true;
    }
    if (r.metric == "shares_outstanding" && r.period.is_day()) {
      add_count(d.shares, DatedCount{r.period.first_day(), r.value, exponent == 0, r.source});
    } else if (r.metric == "ads_ratio" && r.period.is_day()) {
      add_count(d.ads_ratios, DatedCount{r.period.first_day(), r.value, true, r.source});
    }
    d.financials.push_back(std::move(r));
    return {};
  });
}

// The raw daily files of ../shared/data/market: symbol, currency, per, and the
// first day from which the file holds unadjusted prices.
struct SharedPriceFile {
  std::string_view file;
  std::string_view symbol;
  Currency currency;
  Per per;
  Date raw_from;
};

void load_shared(const std::filesystem::path& shared, ReferenceData& d) {
  std::filesystem::path root = shared;
  if (!std::filesystem::exists(root / "fx") && std::filesystem::exists(root / "data" / "fx")) root = root / "data";
  const auto ecb = root / "fx" / "ecb-eurofxref-hist.csv";
  if (std::filesystem::exists(ecb)) {
    if (auto t = load_ecb_csv(ecb)) {
      d.fx = std::move(*t);
      d.fx_source = ecb.string() + " (ECB reference rates)";
      d.files.push_back(ecb.string());
    }
  }
  const SharedPriceFile files[] = {
      {"BABA-daily-raw.csv", "BABA", Currency{{'U', 'S', 'D'}}, Per::ads, Date{1900, 1, 1}},
      // Dividend-adjusted before the ex-date of 2024-06-12, raw from then on.
      {"9988HK-daily-raw.csv", "9988.HK", Currency{{'H', 'K', 'D'}}, Per::share, Date{2024, 6, 12}},
  };
  for (const auto& spec : files) {
    const auto path = root / "market" / spec.file;
    if (!std::filesystem::exists(path)) continue;
    auto h = load_market_csv(path, MarketCsvOptions(spec.currency, spec.per));
    if (!h) continue;
    Listing& l = listing_of(d, spec.symbol, spec.currency);
    l.per = spec.per;
    const std::pair<std::string_view, const DateSeries*> columns[] = {
        {"open", &h->open}, {"high", &h->high}, {"low", &h->low}, {"close", &h->close}};
    for (const auto& [field, series] : columns) {
      for (std::size_t i = 0; i < series->size(); ++i) {
        const Date day = series->key(i);
        const auto& v = series->value(i);
        if (!v || day < spec.raw_from) continue;
        // Vendors store ticks as binary floats (140.89999389648438): rounded to
        // 0.001, below every tick of both exchanges.
        Decimal value = v->exponent() < -3 ? v->rescaled(-3).trimmed() : *v;
        add_price(l, PriceObservation{day, std::string(field), value,
                                      fmt::format("{} row {} ({})", path.string(), to_string(day), v->to_string())});
      }
    }
    d.files.push_back(path.string());
  }
}

}  // namespace

const PriceObservation* Listing::close_on(Date day) const {
  for (const auto& p : prices)
    if (p.date == day && p.field == "close") return &p;
  return nullptr;
}

const PriceObservation* Listing::close_on_or_before(Date day, date::days max_staleness) const {
  const PriceObservation* best = nullptr;
  for (const auto& p : prices) {
    if (p.field != "close" || p.date > day) continue;
    if ((day - p.date) > max_staleness) continue;
    if (best == nullptr || best->date < p.date) best = &p;
  }
  return best;
}

const PriceObservation* Listing::close_before(Date day, date::days max_staleness) const {
  return close_on_or_before(Date{date::sys_days(day) - date::days{1}}, max_staleness - date::days{1});
}

std::vector<const PriceObservation*> Listing::between(Date first, Date last) const {
  std::vector<const PriceObservation*> out;
  for (const auto& p : prices)
    if (!(p.date < first) && !(last < p.date)) out.push_back(&p);
  return out;
}

const Listing* ReferenceData::listing(std::string_view symbol) const {
  for (const auto& l : listings)
    if (l.symbol == symbol) return &l;
  return nullptr;
}

const DatedCount* ReferenceData::shares_on(Date day) const {
  const DatedCount* best = nullptr;
  for (const auto& c : shares)
    if (!(day < c.date)) best = &c;
  return best;
}

const DatedCount* ReferenceData::ads_ratio_on(Date day) const {
  if (ads_ratios.empty()) return nullptr;
  const DatedCount* best = &ads_ratios.front();
  for (const auto& c : ads_ratios)
    if (!(day < c.date)) best = &c;
  return best;
}

const ReportedFigure* ReferenceData::reported(std::string_view entity, std::string_view metric,
                                              const ClaimPeriod& period) const {
  for (const auto& r : financials)
    if (r.entity == entity && r.metric == metric && r.period.same_days(period)) return &r;
  return nullptr;
}

Result<ReferenceData> parse_reference_data(std::string_view market_csv, std::string_view financials_csv,
                                           const FiscalCalendar& calendar) {
  ReferenceData d;
  FxRows fx;
  if (!market_csv.empty()) {
    if (auto r = parse_market(market_csv, "market.csv", d, fx); !r) return unexpected(r.error());
    if (auto r = build_fx(fx, "market.csv", d); !r) return unexpected(r.error());
  }
  if (!financials_csv.empty()) {
    if (auto r = parse_financials(financials_csv, "financials.csv", calendar, d); !r) return unexpected(r.error());
  }
  return d;
}

Result<ReferenceData> load_reference_data(const ReferenceSources& sources) {
  ReferenceData d;
  const auto market = sources.data_dir / "market.csv";
  const auto financials = sources.data_dir / "financials.csv";
  const bool has_market = std::filesystem::exists(market);
  const bool has_financials = std::filesystem::exists(financials);
  if (!has_market && !has_financials) {
    return unexpected(make_error(Errc::io,
                                 fmt::format("data directory '{}' holds neither market.csv nor financials.csv",
                                             sources.data_dir.string()),
                                 sources.data_dir.string()));
  }
  FxRows fx;
  if (sources.shared_dir && std::filesystem::exists(*sources.shared_dir)) load_shared(*sources.shared_dir, d);
  const bool shared_fx = !d.fx.series().empty();
  if (has_market) {
    auto text = read_file(market);
    if (!text) return unexpected(text.error());
    if (auto r = parse_market(*text, market.string(), d, fx); !r) return unexpected(r.error());
    if (!shared_fx) {
      if (auto r = build_fx(fx, market.string(), d); !r) return unexpected(r.error());
    }
    d.files.push_back(market.string());
  }
  if (has_financials) {
    auto text = read_file(financials);
    if (!text) return unexpected(text.error());
    if (auto r = parse_financials(*text, financials.string(), sources.calendar, d); !r) return unexpected(r.error());
    d.files.push_back(financials.string());
  }
  return d;
}

}  // namespace finmetrics
