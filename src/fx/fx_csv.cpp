#include "finmetrics/fx/fx_csv.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "finmetrics/fx/detail/csv_scan.hpp"

namespace finmetrics {

using fx_detail::error_at;

namespace {

constexpr std::string_view header = "date,base,quote,rate";
constexpr std::string_view sourced_header = "date,base,quote,rate,source";

struct Entry {
  Fixing fixing;
  std::size_t line;
};

struct PairSeries {
  std::size_t first_line = 0;
  std::vector<Entry> entries;
};

}  // namespace

Result<FxTable> parse_fx_csv(std::string_view text, std::string_view name, const FxCsvOptions& options) {
  fx_detail::LineReader lines(text);
  fx_detail::Line line;
  if (!lines.next_nonblank(line))
    return unexpected(error_at(Errc::csv, name, 0, 0, fmt::format("no header line, expected '{}'", header)));
  // Curated files carry the source of each fixing in a fifth column.
  const bool with_source = line.text == sourced_header;
  if (line.text != header && !with_source)
    return unexpected(error_at(Errc::csv, name, line.number, 1,
                               fmt::format("expected the header '{}' or '{}', read '{}'", header, sourced_header, quote_for_message(line.text)),
                               line.text));
  const std::size_t expected_fields = with_source ? 5 : 4;

  std::map<std::pair<Currency, Currency>, PairSeries> pairs;
  std::string why;
  while (lines.next_nonblank(line)) {
    const std::size_t count = fx_detail::field_count(line.text);
    if (count != expected_fields)
      return unexpected(error_at(Errc::csv, name, line.number, 0,
                                 fmt::format("expected {} fields ({}), read {}", expected_fields,
                                             with_source ? sourced_header : header, count),
                                 line.text));
    fx_detail::FieldReader fields(line.text);
    std::string_view field;
    std::size_t column = 0;

    fields.next(field, column);
    const auto day = fx_detail::parse_iso_date(field, why);
    if (!day) return unexpected(error_at(Errc::invalid_date, name, line.number, column, fmt::format("date: {}", why), field));

    std::array<Currency, 2> currencies{};
    for (std::size_t i = 0; i < 2; ++i) {
      fields.next(field, column);
      auto c = Currency::from_code(field);
      if (!c)
        return unexpected(error_at(Errc::unknown_currency, name, line.number, column,
                                   fmt::format("{}: {}", i == 0 ? "base" : "quote", c.error().message), field));
      currencies[i] = *c;
    }
    if (currencies[0] == currencies[1])
      return unexpected(error_at(Errc::csv, name, line.number, column,
                                 fmt::format("quote: base and quote are both {}", currencies[0]), field));

    fields.next(field, column);
    auto rate = fx_detail::parse_rate(field);
    if (!rate)
      return unexpected(error_at(Errc::syntax, name, line.number, column,
                                 fmt::format("rate: '{}' is not a rate (expected digits with an optional decimal point)", quote_for_message(field)),
                                 field));

    if (with_source) {
      fields.next(field, column);
      if (field.empty())
        return unexpected(error_at(Errc::csv, name, line.number, column, "source: empty (each curated fixing names its source)", field));
    }

    const auto key = std::pair(currencies[0], currencies[1]);
    auto it = pairs.find(key);
    if (it == pairs.end()) {
      if (auto reverse = pairs.find(std::pair(key.second, key.first)); reverse != pairs.end())
        return unexpected(error_at(Errc::csv, name, line.number, 1,
                                   fmt::format("{}/{} is the pair {}/{} of line {} the other way round "
                                               "(state each pair in one direction)",
                                               key.first, key.second, key.second, key.first, reverse->second.first_line)));
      it = pairs.emplace(key, PairSeries{line.number, {}}).first;
    }
    it->second.entries.push_back(Entry{Fixing{*day, std::move(*rate)}, line.number});
  }

  // The pivot: given, or the one currency in every pair.
  std::optional<Currency> pivot = options.pivot;
  if (!pivot && !pairs.empty()) {
    std::set<Currency> common{pairs.begin()->first.first, pairs.begin()->first.second};
    for (const auto& [key, s] : pairs) {
      std::set<Currency> both{key.first, key.second}, kept;
      std::set_intersection(common.begin(), common.end(), both.begin(), both.end(), std::inserter(kept, kept.end()));
      common = std::move(kept);
    }
    if (pairs.size() == 1) pivot = pairs.begin()->first.first;
    else if (common.size() == 1) pivot = *common.begin();
  }

  const std::string source =
      options.source ? *options.source : std::filesystem::path(std::string(name)).filename().string();
  FxTable table(pivot);
  for (auto& [key, s] : pairs) {
    std::stable_sort(s.entries.begin(), s.entries.end(),
                     [](const Entry& a, const Entry& b) { return a.fixing.date < b.fixing.date; });
    FxSeries series{key.first, key.second, source, options.periodicity, {}};
    series.fixings.reserve(s.entries.size());
    for (std::size_t i = 0; i < s.entries.size(); ++i) {
      if (i > 0 && s.entries[i].fixing.date == s.entries[i - 1].fixing.date)
        return unexpected(error_at(Errc::csv, name, s.entries[i].line, 1,
                                   fmt::format("a second {}/{} rate for {} (the first is on line {})", key.first,
                                               key.second, to_iso_string(s.entries[i].fixing.date),
                                               s.entries[i - 1].line)));
      series.fixings.push_back(std::move(s.entries[i].fixing));
    }
    table.add(std::move(series));
  }
  return fx_detail::refuse_empty(std::move(table), text, name, "no row holds a rate");
}

Result<FxTable> load_fx_csv(const std::filesystem::path& file, const FxCsvOptions& options) {
  auto text = fx_detail::read_file(file);
  if (!text) return unexpected(text.error());
  FxCsvOptions named = options;
  if (!named.source) named.source = file.filename().string();
  return parse_fx_csv(*text, file.string(), named);
}

}  // namespace finmetrics
