#include "finmetrics/check/reference_data.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "finmetrics/fx/load.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"
#include "finmetrics/series/market_csv.hpp"

namespace finmetrics {

namespace {

namespace fs = std::filesystem;

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

// Where a datum came from, for conflict messages: "market.csv line 7: <source>".
std::string origin(const std::string& source) {
  const auto colon = source.find(": ");
  return colon == std::string::npos ? source : source.substr(0, colon);
}

// Adds a price. The same (date, field) from the same kind of source twice with
// different values is a conflict; a later source of another kind (market.csv
// after a vendor file) overrides it.
tl::expected<void, Error> add_price(Listing& l, PriceObservation o, bool overrides) {
  auto it = std::lower_bound(l.prices.begin(), l.prices.end(), o, [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.field < b.field;
  });
  if (it != l.prices.end() && it->date == o.date && it->field == o.field) {
    if (overrides) {
      *it = std::move(o);
    } else if (!(it->value == o.value)) {
      return unexpected(make_error(Errc::csv, fmt::format("two {} {} prices of {}: {} ({}) and {} ({})", l.symbol, it->field,
                                                          to_string(o.date), it->value.to_string(), origin(it->source),
                                                          o.value.to_string(), origin(o.source))));
    }
    return {};
  }
  l.prices.insert(it, std::move(o));
  return {};
}

Listing& listing_of(ReferenceData& d, std::string_view symbol, Currency currency) {
  for (auto& l : d.listings)
    if (l.symbol == symbol) return l;
  d.listings.push_back(Listing{std::string(symbol), currency, Per::share, {}});
  return d.listings.back();
}

// Adds a dated count: an exact count replaces a rounded one of the same day; two
// different exact (or two different rounded) counts of one day are a conflict.
tl::expected<void, Error> add_count(std::vector<DatedCount>& v, DatedCount c, std::string_view what) {
  auto it = std::lower_bound(v.begin(), v.end(), c, [](const auto& a, const auto& b) { return a.date < b.date; });
  if (it != v.end() && it->date == c.date) {
    if (!it->exact && c.exact) {
      *it = std::move(c);
    } else if (it->exact == c.exact && !(it->value == c.value)) {
      return unexpected(make_error(Errc::csv, fmt::format("two {} on {}: {} ({}) and {} ({})", what, to_string(c.date),
                                                          it->value.to_string(), origin(it->source),
                                                          c.value.to_string(), origin(c.source))));
    }
    return {};
  }
  v.insert(it, std::move(c));
  return {};
}

struct FxRows {
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<Fixing, std::size_t>>> series;  // with lines
};

tl::expected<void, Error> parse_market(std::string_view text, std::string_view file, ReferenceData& d, FxRows& fx) {
  return for_each_row(text, file, market_header, 7, [&](std::size_t line, const std::vector<std::string_view>& f)
                                                        -> tl::expected<void, Error> {
    const std::string source = fmt::format("{} line {}: {}", file, line, f[6]);
    auto day = parse_date(f[2]);
    if (!day) return unexpected(file_error(Errc::invalid_date, file, line, day.error().message, f[2]));
    auto value = Decimal::parse(f[4]);
    if (!value) return unexpected(file_error(Errc::syntax, file, line, fmt::format("value '{}' is not a decimal number", f[4]), f[4]));
    const auto in_file = [&](tl::expected<void, Error> r) -> tl::expected<void, Error> {
      if (r) return r;
      return unexpected(file_error(Errc::csv, file, line, r.error().message, f[1]));
    };
    if (f[0] == "price") {
      auto cur = Currency::from_code(f[5]);
      if (!cur) return unexpected(file_error(Errc::unknown_currency, file, line, cur.error().message, f[5]));
      Listing& l = listing_of(d, f[1], *cur);
      if (!(l.currency == *cur)) {
        return unexpected(file_error(Errc::currency_mismatch, file, line,
                                     fmt::format("{} trades in {}, not {}", l.symbol, l.currency.code(), cur->code()), f[5]));
      }
      return in_file(add_price(l, PriceObservation{*day, std::string(f[3]), *value, source}, false));
    }
    if (f[0] == "shares") return in_file(add_count(d.shares, DatedCount{*day, *value, true, source}, "share counts"));
    if (f[0] == "ads_ratio") {
      if (Listing* l = const_cast<Listing*>(d.listing(f[1]))) {
        l->per = Per::ads;
      } else {
        listing_of(d, f[1], Currency{{'U', 'S', 'D'}}).per = Per::ads;
      }
      return in_file(add_count(d.ads_ratios, DatedCount{*day, *value, true, source}, "ADS ratios"));
    }
    if (f[0] == "fx") {
      const auto slash = f[1].find('/');
      if (slash == std::string_view::npos) {
        return unexpected(file_error(Errc::syntax, file, line, fmt::format("fx symbol '{}' is not BASE/QUOTE", f[1]), f[1]));
      }
      fx.series[{std::string(f[1].substr(0, slash)), std::string(f[1].substr(slash + 1))}].emplace_back(
          Fixing{date::sys_days(*day), *value}, line);
      return {};
    }
    return unexpected(file_error(Errc::syntax, file, line,
                                 fmt::format("unknown kind '{}' (expected price, shares, ads_ratio or fx)", f[0]), f[0]));
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
    auto sorted = fixings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first.date < b.first.date; });
    std::vector<Fixing> out;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0 && sorted[i].first.date == sorted[i - 1].first.date) {
        return unexpected(make_error(Errc::csv, fmt::format("{}: two {}/{} fixings on {} (lines {} and {})", file, pair.first,
                                                            pair.second, to_iso_string(sorted[i].first.date),
                                                            sorted[i - 1].second, sorted[i].second)));
      }
      out.push_back(sorted[i].first);
    }
    table.add(FxSeries{*base, *quote, "ECB via " + fs::path(file).filename().string(), Periodicity::daily, std::move(out)});
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

tl::expected<void, Error> parse_financials(std::string_view text, std::string_view file,
                                           const std::optional<FiscalCalendar>& cal, ReferenceData& d) {
  // (entity, metric, first day, last day) -> index in d.financials, for conflicts.
  std::map<std::tuple<std::string, std::string, Date, Date>, std::size_t> seen;
  return for_each_row(text, file, financials_header, 8, [&](std::size_t line, const std::vector<std::string_view>& f)
                                                            -> tl::expected<void, Error> {
    // Without a fiscal calendar, fiscal names read as calendar years (a December year end).
    auto p = parse_claim_period(f[2], cal.value_or(FiscalCalendar::calendar_year()));
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
    const auto key = std::make_tuple(r.entity, r.metric, r.period.first_day(), r.period.last_day());
    if (auto it = seen.find(key); it != seen.end()) {
      const ReportedFigure& o = d.financials[it->second];
      if (!(o.value == r.value) || !(o.unit == r.unit)) {
        return unexpected(file_error(Errc::csv, file, line,
                                     fmt::format("{} {} {} is {} {} here and {} {} on line {}", r.entity, r.metric,
                                                 r.period.text, r.value_text, r.unit_text, o.value_text, o.unit_text, o.line),
                                     f[3]));
      }
      return {};  // the same fact twice: the first row stands
    }
    seen.emplace(key, d.financials.size());
    // Without a profile the issuer is the first entity's (the part before a segment's '/').
    if (d.issuer.empty()) d.issuer = r.entity.substr(0, r.entity.find('/'));
    const auto in_file = [&](tl::expected<void, Error> res) -> tl::expected<void, Error> {
      if (res) return res;
      return unexpected(file_error(Errc::csv, file, line, res.error().message, f[3]));
    };
    if (r.metric == "shares_outstanding" && r.period.is_day()) {
      if (auto ok = in_file(add_count(d.shares, DatedCount{r.period.first_day(), r.value, exponent == 0, r.source}, "share counts")); !ok)
        return ok;
    } else if (r.metric == "ads_ratio" && r.period.is_day()) {
      if (auto ok = in_file(add_count(d.ads_ratios, DatedCount{r.period.first_day(), r.value, true, r.source}, "ADS ratios")); !ok)
        return ok;
    }
    d.financials.push_back(std::move(r));
    return {};
  });
}

// The shared data root: DIR/data when it exists (../shared), else DIR itself.
fs::path shared_root(const fs::path& shared) {
  std::error_code ec;
  if (fs::is_directory(shared / "data", ec)) return shared / "data";
  return shared;
}

// One price file of a listing of the profile.
tl::expected<void, Error> load_price_file(const PriceFile& spec, const fs::path& path, Listing& l) {
  auto h = load_market_csv(path, MarketCsvOptions(l.currency, l.per));
  if (!h) return unexpected(h.error());
  const auto excluded = [&](Date day) {
    if (spec.from && day < *spec.from) return true;
    if (spec.until && *spec.until < day) return true;
    if (spec.adjusted_before && day < *spec.adjusted_before) return true;
    for (const auto& e : spec.exclude)
      if (!(day < e.from) && !(e.until < day)) return true;
    if (spec.skip_zero_volume) {
      if (const auto* v = h->volume.find(day); v != nullptr && *v && v->value().sign() == 0) return true;
    }
    return false;
  };
  const std::string shown = spec.source.empty() ? path.string() : spec.source;
  const std::pair<std::string_view, const DateSeries*> columns[] = {
      {"open", &h->open}, {"high", &h->high}, {"low", &h->low}, {"close", &h->close}};
  for (const auto& [field, series] : columns) {
    for (std::size_t i = 0; i < series->size(); ++i) {
      const Date day = series->key(i);
      const auto& v = series->value(i);
      if (!v || excluded(day)) continue;
      // Vendors store ticks as binary floats (140.89999389648438): rounded to
      // 0.001, below the tick of the exchanges these files come from.
      Decimal value = v->exponent() < -3 ? v->rescaled(-3).trimmed() : *v;
      if (auto ok = add_price(l, PriceObservation{day, std::string(field), value,
                                                  fmt::format("{} row {} ({})", shown, to_string(day), v->to_string())},
                              false);
          !ok) {
        return unexpected(make_error(Errc::csv, fmt::format("{}: {}", path.string(), ok.error().message), path.string()));
      }
    }
  }
  return {};
}

tl::expected<void, Error> apply_profile(const IssuerProfile& p, const ReferenceSources& sources, ReferenceData& d) {
  d.issuer = p.issuer;
  std::optional<fs::path> root;
  if (sources.shared_dir) root = shared_root(*sources.shared_dir);
  for (const auto& spec : p.listings) {
    Listing& l = listing_of(d, spec.symbol, spec.currency);
    l.currency = spec.currency;
    l.per = spec.depositary ? Per::ads : Per::share;
    for (const auto& r : spec.ads_ratio)
      if (auto ok = add_count(d.ads_ratios, r, "ADS ratios"); !ok)
        return unexpected(make_error(Errc::csv, fmt::format("{}: {}", p.file.string(), ok.error().message)));
    for (const auto& f : spec.prices) {
      if (f.shared && !root) {
        d.warnings.push_back(fmt::format("{} prices from the shared file '{}' not read: no shared root (--shared DIR)",
                                         spec.symbol, f.path));
        continue;
      }
      const fs::path path = f.shared ? *root / f.path : p.folder() / f.path;
      std::error_code ec;
      if (!fs::is_regular_file(path, ec)) {
        return unexpected(make_error(Errc::io, fmt::format("{}: the {} price file '{}' is missing (looked for {})",
                                                           p.file.string(), spec.symbol, f.path, path.string()),
                                     path.string()));
      }
      if (auto ok = load_price_file(f, path, l); !ok) return ok;
      d.files.push_back(path.string());
    }
  }
  for (const auto& s : p.shares_outstanding)
    if (auto ok = add_count(d.shares, s, "share counts"); !ok)
      return unexpected(make_error(Errc::csv, fmt::format("{}: {}", p.file.string(), ok.error().message)));
  return {};
}

Result<std::string> read_data_file(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    return unexpected(make_error(Errc::io, fmt::format("'{}' is a directory, not a file", file.string()), file.string()));
  }
  return read_file(file);
}

}  // namespace

const PriceObservation* Listing::close_on(Date day) const {
  auto it = std::lower_bound(prices.begin(), prices.end(), day, [](const PriceObservation& p, Date d) { return p.date < d; });
  for (; it != prices.end() && it->date == day; ++it)
    if (it->field == "close") return &*it;
  return nullptr;
}

const PriceObservation* Listing::close_on_or_before(Date day, date::days max_staleness) const {
  auto it = std::upper_bound(prices.begin(), prices.end(), day, [](Date d, const PriceObservation& p) { return d < p.date; });
  while (it != prices.begin()) {
    --it;
    if ((day - it->date) > max_staleness) return nullptr;
    if (it->field == "close") return &*it;
  }
  return nullptr;
}

const PriceObservation* Listing::close_before(Date day, date::days max_staleness) const {
  return close_on_or_before(Date{date::sys_days(day) - date::days{1}}, max_staleness - date::days{1});
}

std::vector<const PriceObservation*> Listing::between(Date first, Date last) const {
  std::vector<const PriceObservation*> out;
  auto it = std::lower_bound(prices.begin(), prices.end(), first, [](const PriceObservation& p, Date d) { return p.date < d; });
  for (; it != prices.end() && !(last < it->date); ++it) out.push_back(&*it);
  return out;
}

bool ReferenceData::is_issuer(std::string_view entity) const {
  if (!issuer.empty() && entity == issuer) return true;
  return profile && profile->names(entity);
}

const Listing* ReferenceData::listing(std::string_view symbol) const {
  for (const auto& l : listings)
    if (l.symbol == symbol) return &l;
  return nullptr;
}

const DatedCount* ReferenceData::shares_on(Date day) const {
  auto it = std::upper_bound(shares.begin(), shares.end(), day, [](Date d, const DatedCount& c) { return d < c.date; });
  return it == shares.begin() ? nullptr : &*std::prev(it);
}

const DatedCount* ReferenceData::ads_ratio_on(Date day) const {
  if (ads_ratios.empty()) return nullptr;
  auto it = std::upper_bound(ads_ratios.begin(), ads_ratios.end(), day, [](Date d, const DatedCount& c) { return d < c.date; });
  return it == ads_ratios.begin() ? &ads_ratios.front() : &*std::prev(it);
}

void ReferenceData::index_financials() {
  reported_index_.clear();
  for (std::size_t i = 0; i < financials.size(); ++i)
    reported_index_[financials[i].entity + '\x1f' + financials[i].metric].push_back(i);
}

const ReportedFigure* ReferenceData::reported(std::string_view entity, std::string_view metric,
                                              const ClaimPeriod& period) const {
  if (reported_index_.empty() && !financials.empty()) {  // built by hand without the index
    for (const auto& r : financials)
      if (r.entity == entity && r.metric == metric && r.period.same_days(period)) return &r;
    return nullptr;
  }
  std::string key(entity);
  key += '\x1f';
  key += metric;
  const auto it = reported_index_.find(key);
  if (it == reported_index_.end()) return nullptr;
  for (std::size_t i : it->second)
    if (financials[i].period.same_days(period)) return &financials[i];
  return nullptr;
}

Result<ReferenceData> parse_reference_data(std::string_view market_csv, std::string_view financials_csv,
                                           const std::optional<FiscalCalendar>& calendar) {
  ReferenceData d;
  d.calendar = calendar;
  FxRows fx;
  if (!market_csv.empty()) {
    if (auto r = parse_market(market_csv, "market.csv", d, fx); !r) return unexpected(r.error());
    if (auto r = build_fx(fx, "market.csv", d); !r) return unexpected(r.error());
  }
  if (!financials_csv.empty()) {
    if (auto r = parse_financials(financials_csv, "financials.csv", calendar, d); !r) return unexpected(r.error());
  }
  d.index_financials();
  return d;
}

Result<ReferenceData> load_reference_data(const ReferenceSources& sources) {
  ReferenceData d;
  std::error_code ec;
  const fs::path& dir = sources.data_dir;
  if (!fs::is_directory(dir, ec)) {
    const bool exists = fs::exists(dir, ec);
    return unexpected(make_error(Errc::io,
                                 exists ? fmt::format("data directory '{}' is a file, not a directory", dir.string())
                                        : fmt::format("data directory '{}' does not exist", dir.string()),
                                 dir.string()));
  }
  const fs::path profile_file = dir / "issuer.json";
  fs::path market = dir / "market.csv";
  fs::path financials = dir / "financials.csv";
  bool market_named = false;
  bool financials_named = false;
  if (fs::exists(profile_file, ec)) {
    auto p = load_issuer_profile(profile_file);
    if (!p) return unexpected(p.error());
    if (p->calendar && sources.calendar && !(*p->calendar == *sources.calendar)) {
      return unexpected(make_error(Errc::syntax, fmt::format("{}: the profile's fiscal year ({}) differs from the one given ({})",
                                                             profile_file.string(), p->calendar->describe(),
                                                             sources.calendar->describe())));
    }
    market = dir / p->market;
    financials = dir / p->financials;
    market_named = p->market != "market.csv";
    financials_named = p->financials != "financials.csv";
    d.calendar = p->calendar ? p->calendar : sources.calendar;
    if (p->metrics) {
      if (auto ok = load_metric_vocabulary(dir / *p->metrics, d.metrics); !ok) return unexpected(ok.error());
      d.files.push_back((dir / *p->metrics).string());
    }
    d.profile = std::move(*p);
    d.files.push_back(profile_file.string());
  } else {
    d.calendar = sources.calendar;
  }
  const bool has_market = fs::exists(market, ec);
  const bool has_financials = fs::exists(financials, ec);
  if (!d.profile && !has_market && !has_financials) {
    return unexpected(make_error(Errc::io,
                                 fmt::format("data directory '{}' holds none of issuer.json, market.csv and financials.csv",
                                             dir.string()),
                                 dir.string()));
  }
  for (const auto& [named, has, file] : {std::tuple{market_named, has_market, market},
                                         std::tuple{financials_named, has_financials, financials}}) {
    if (named && !has) {
      return unexpected(make_error(Errc::io, fmt::format("{}: names '{}', which is missing", profile_file.string(), file.string()),
                                   file.string()));
    }
  }
  if (sources.shared_dir && !fs::is_directory(*sources.shared_dir, ec)) {
    return unexpected(make_error(Errc::io, fmt::format("shared root '{}' is not a directory", sources.shared_dir->string()),
                                 sources.shared_dir->string()));
  }
  if (d.profile) {
    if (auto ok = apply_profile(*d.profile, sources, d); !ok) return unexpected(ok.error());
  }
  // FX: the file given, else the shared root's ECB history, else market.csv's fixings.
  bool fx_loaded = false;
  if (sources.fx_file) {
    if (fs::is_directory(*sources.fx_file, ec)) {
      return unexpected(make_error(Errc::io, fmt::format("FX file '{}' is a directory", sources.fx_file->string()),
                                   sources.fx_file->string()));
    }
    auto t = load_fx_file(*sources.fx_file);
    if (!t) return unexpected(t.error());
    d.fx = std::move(*t);
    d.fx_source = sources.fx_file->string();
    d.files.push_back(sources.fx_file->string());
    fx_loaded = true;
  } else if (sources.shared_dir) {
    const fs::path ecb = shared_root(*sources.shared_dir) / "fx" / "ecb-eurofxref-hist.csv";
    if (fs::is_regular_file(ecb, ec)) {
      auto t = load_fx_file(ecb);
      if (!t) return unexpected(t.error());
      d.fx = std::move(*t);
      d.fx_source = ecb.string() + " (ECB reference rates)";
      d.files.push_back(ecb.string());
      fx_loaded = true;
    } else {
      d.warnings.push_back(fmt::format("no ECB history under the shared root ({} is missing)", ecb.string()));
    }
  }
  if (has_market) {
    auto text = read_data_file(market);
    if (!text) return unexpected(text.error());
    FxRows fx;
    // market.csv's rows are curated: they override a vendor file's on the same day and field.
    std::vector<Listing> vendor = d.listings;
    for (auto& l : d.listings) l.prices.clear();
    if (auto r = parse_market(*text, market.string(), d, fx); !r) return unexpected(r.error());
    for (auto& l : d.listings) {
      for (const auto& v : vendor) {
        if (v.symbol != l.symbol) continue;
        std::vector<PriceObservation> curated = std::move(l.prices);
        l.prices = v.prices;
        for (auto& o : curated) (void)add_price(l, std::move(o), true);
      }
    }
    if (!fx_loaded) {
      if (auto r = build_fx(fx, market.string(), d); !r) return unexpected(r.error());
    }
    d.files.push_back(market.string());
  }
  if (has_financials) {
    auto text = read_data_file(financials);
    if (!text) return unexpected(text.error());
    if (auto r = parse_financials(*text, financials.string(), d.calendar, d); !r) return unexpected(r.error());
    d.files.push_back(financials.string());
  }
  d.index_financials();
  return d;
}

}  // namespace finmetrics
