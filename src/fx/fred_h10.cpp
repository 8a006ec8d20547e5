#include "finmetrics/fx/fred_h10.hpp"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/fx/detail/csv_scan.hpp"

namespace finmetrics {

using fx_detail::error_at;

namespace {

// The series of the H.10 long file (FRED's EXxxUS / EXUSxx). Euro-area legacy
// currencies end in 1999-2001 (Greece); Mexico starts with the new peso (1993).
constexpr std::array<FredH10Country, 34> countries{{
    {"Australia", "AUD", true},   {"Austria", "ATS", false},     {"Belgium", "BEF", false},
    {"Brazil", "BRL", false},     {"Canada", "CAD", false},      {"China", "CNY", false},
    {"Denmark", "DKK", false},    {"Euro", "EUR", true},         {"Finland", "FIM", false},
    {"France", "FRF", false},     {"Germany", "DEM", false},     {"Greece", "GRD", false},
    {"Hong Kong", "HKD", false},  {"India", "INR", false},       {"Ireland", "IEP", true},
    {"Italy", "ITL", false},      {"Japan", "JPY", false},       {"Malaysia", "MYR", false},
    {"Mexico", "MXN", false},     {"Netherlands", "NLG", false}, {"New Zealand", "NZD", true},
    {"Norway", "NOK", false},     {"Portugal", "PTE", false},    {"Singapore", "SGD", false},
    {"South Africa", "ZAR", false}, {"South Korea", "KRW", false}, {"Spain", "ESP", false},
    {"Sri Lanka", "LKR", false},  {"Sweden", "SEK", false},      {"Switzerland", "CHF", false},
    {"Taiwan", "TWD", false},     {"Thailand", "THB", false},    {"United Kingdom", "GBP", true},
    {"Venezuela", "", false},
}};

constexpr std::string_view header = "Date,Country,Exchange rate";

struct Entry {
  Fixing fixing;
  std::size_t line;
};

struct CountrySeries {
  const FredH10Country* country = nullptr;
  std::vector<Entry> entries;
};

}  // namespace

std::span<const FredH10Country> fred_h10_countries() noexcept { return countries; }

Result<FxTable> parse_fred_h10_csv(std::string_view text, std::string_view name, const FredH10Options& options) {
  const Currency usd = Currency::from_code("USD").value();
  fx_detail::LineReader lines(text);
  fx_detail::Line line;
  if (!lines.next_nonblank(line))
    return unexpected(error_at(Errc::csv, name, 0, 0, fmt::format("no header line, expected '{}'", header)));
  if (line.text != header)
    return unexpected(error_at(Errc::csv, name, line.number, 1,
                               fmt::format("expected the header '{}', read '{}'", header, quote_for_message(line.text)), line.text));

  std::vector<CountrySeries> by_country(countries.size());
  std::size_t last = countries.size();  // rows come grouped by country: try the last one first
  std::string why;
  while (lines.next_nonblank(line)) {
    const std::size_t count = fx_detail::field_count(line.text);
    if (count != 3)
      return unexpected(error_at(Errc::csv, name, line.number, 0,
                                 fmt::format("expected 3 fields ({}), read {}", header, count), line.text));
    fx_detail::FieldReader fields(line.text);
    std::string_view date_field, country_field, rate_field;
    std::size_t date_column = 0, country_column = 0, rate_column = 0;
    fields.next(date_field, date_column);
    fields.next(country_field, country_column);
    fields.next(rate_field, rate_column);

    const auto day = fx_detail::parse_iso_date(date_field, why);
    if (!day)
      return unexpected(error_at(Errc::invalid_date, name, line.number, date_column, fmt::format("Date: {}", why), date_field));
    if (last == countries.size() || countries[last].country != country_field) {
      auto it = std::find_if(countries.begin(), countries.end(),
                             [&](const FredH10Country& c) { return c.country == country_field; });
      if (it == countries.end())
        return unexpected(error_at(Errc::unknown_currency, name, line.number, country_column,
                                   fmt::format("Country: no currency known for '{}'", quote_for_message(country_field)), country_field));
      last = static_cast<std::size_t>(it - countries.begin());
    }
    if (rate_field.empty() || rate_field == ".") continue;  // FRED's mark for a month without a rate
    auto rate = fx_detail::parse_rate(rate_field);
    if (!rate)
      return unexpected(error_at(
          Errc::syntax, name, line.number, rate_column,
          fmt::format("Exchange rate: '{}' is not a rate (expected digits with an optional decimal point, or '.')", quote_for_message(rate_field)),
          rate_field));
    if (countries[last].code.empty()) continue;  // a skipped country
    by_country[last].country = &countries[last];
    by_country[last].entries.push_back(Entry{Fixing{*day, std::move(*rate)}, line.number});
  }

  FxTable table(usd);
  for (CountrySeries& s : by_country) {
    if (s.entries.empty()) continue;
    std::stable_sort(s.entries.begin(), s.entries.end(),
                     [](const Entry& a, const Entry& b) { return a.fixing.date < b.fixing.date; });
    FxSeries series;
    for (std::size_t i = 0; i < s.entries.size(); ++i) {
      if (i > 0 && s.entries[i].fixing.date == s.entries[i - 1].fixing.date)
        return unexpected(error_at(Errc::csv, name, s.entries[i].line, 1,
                                   fmt::format("a second {} rate for {} (the first is on line {})", s.country->country,
                                               to_iso_string(s.entries[i].fixing.date), s.entries[i - 1].line)));
    }
    const auto currency = fx_detail::currency_or_withdrawn(s.country->code);
    const bool usd_per_currency =
        s.country->usd_per_currency && options.orientation == FredH10Orientation::h10_published;
    series.base = usd_per_currency ? *currency : usd;
    series.quote = usd_per_currency ? usd : *currency;
    series.source = options.source;
    series.periodicity = Periodicity::monthly;
    series.fixings.reserve(s.entries.size());
    for (Entry& e : s.entries) series.fixings.push_back(std::move(e.fixing));
    table.add(std::move(series));
  }
  return fx_detail::refuse_empty(std::move(table), text, name,
                                 "every row is of a skipped country (Venezuela) or without a rate ('.')");
}

Result<FxTable> load_fred_h10_csv(const std::filesystem::path& file, const FredH10Options& options) {
  auto text = fx_detail::read_file(file);
  if (!text) return unexpected(text.error());
  return parse_fred_h10_csv(*text, file.string(), options);
}

}  // namespace finmetrics
