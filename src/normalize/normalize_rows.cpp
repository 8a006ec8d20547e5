#include "finmetrics/normalize/normalize_rows.hpp"

#include <algorithm>
#include <stdexcept>

#include "finmetrics/normalize/detail/v2_cells.hpp"

namespace finmetrics {

NormalizedColumns normalize_rows(std::span<const std::string_view> figures, std::span<const std::string_view> dates,
                                 const Normalizer& normalizer) {
  if (figures.size() != dates.size()) throw std::invalid_argument("normalize_rows: figures and dates differ in length");
  NormalizedColumns c;
  std::vector<std::string>* columns[] = {&c.currency, &c.amount,    &c.low,  &c.high,      &c.qualifier,
                                         &c.per,      &c.value,     &c.value_low, &c.value_high};
  for (auto* column : columns) column->reserve(figures.size());
  c.status.reserve(figures.size());
  c.currency_source.reserve(figures.size());
  c.error.reserve(figures.size());
  std::string cells, why;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    cells.clear();
    why.clear();
    CurrencySource source = CurrencySource::none;
    const RowStatus status = detail::append_v2_cells(normalizer, dates[i], figures[i], cells, why, source);
    // cells is ",c1,c2,...,c9": none of the nine cells holds a comma.
    std::size_t at = 1;
    for (auto* column : columns) {
      const std::size_t next = std::min(cells.find(',', at), cells.size());
      column->emplace_back(cells, at, next - at);
      at = next + 1;
    }
    c.status.push_back(status);
    c.currency_source.push_back(source);
    if (source == CurrencySource::default_) ++c.totals.currency_by_default;
    c.error.push_back(std::move(why));
    why = std::string();
    ++c.totals.rows_read;
    switch (status) {
      case RowStatus::converted: ++c.totals.converted; break;
      case RowStatus::without_rate: ++c.totals.without_rate; break;
      case RowStatus::unparsed: ++c.totals.unparsed; break;
      case RowStatus::invalid: ++c.totals.invalid; break;
    }
  }
  return c;
}

RowStatus normalize_row(const Normalizer& normalizer, std::string_view date, std::string_view figure,
                        NormalizedRow& out, std::string& scratch) {
  scratch.clear();
  std::string why;  // short reasons stay in the small-string buffer
  out.status = detail::append_v2_cells(normalizer, date, figure, scratch, why, out.currency_source);
  const std::size_t cells_end = scratch.size();
  scratch += why;
  std::string_view all(scratch);
  std::string_view* cells[] = {&out.currency, &out.amount,    &out.low,       &out.high,      &out.qualifier,
                               &out.per,      &out.value,     &out.value_low, &out.value_high};
  std::size_t at = 1;
  for (auto* cell : cells) {
    const std::size_t next = std::min(all.find(',', at), cells_end);
    *cell = all.substr(at, next - at);
    at = next + 1;
  }
  out.reason = all.substr(cells_end);
  return out.status;
}

NormalizedColumns normalize_rows(std::span<const std::string_view> figures, std::span<const std::string_view> dates,
                                 NormalizeOptions options, const FxTable& fx) {
  options.spec = NormalizeSpec::v2;
  return normalize_rows(figures, dates, Normalizer(fx, options));
}

}  // namespace finmetrics
