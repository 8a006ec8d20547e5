#pragma once
// The nine v2 output cells of one (date, figure) pair, shared by the stream and
// the batch API so that both give the same text for the same input.

#include <cstdint>
#include <string>
#include <string_view>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v2_figure.hpp"

namespace finmetrics::detail {

/// Appends `,currency,amount,low,high,qualifier,per,value,value_low,value_high`
/// (every cell empty for an unparsed figure, the value cells empty without a
/// rate) and returns what became of the row; `why` gets the reason when it was
/// not converted (without a line number); `source` how the figure's currency was
/// decided (`CurrencySource::none` when unparsed).
RowStatus append_v2_cells(const Normalizer& n, std::string_view date, std::string_view figure, std::string& out,
                          std::string& why, CurrencySource& source);

/// One amount or range as `FigureReader::read` read it, in the terms of the v2
/// cells: value = (negative ? -1 : 1) x mantissa x 10^exponent (mantissa < 10^18),
/// the minor unit divided, the qualifier as `read_v2_figure` maps it.
struct ReadAmount {
  std::uint64_t mantissa = 0;
  int exponent = 0;
  bool negative = false;
  Currency currency;
  Per per = Per::whole;
  V2Qualifier qualifier = V2Qualifier::exact;
  CurrencySource currency_source = CurrencySource::explicit_;
  /// A range (`USD 5-7bn`; `qualifier` is then `range`, neither end negative): the
  /// value above is its lower end, `upper` x 10^`upper_exponent` its upper end.
  bool range = false;
  std::uint64_t upper = 0;
  int upper_exponent = 0;
};

/// A row's date and figure read before its cells are written: a stream reads a
/// few rows ahead, so that the rates they name are in the cache by then (rows'
/// dates are random: each look-up would miss).
struct V2Read {
  std::int32_t day = 0;
  bool dated = false;   ///< `day` holds the date field's day
  bool common = false;  ///< `figure` holds the figure reader's reading; else read_v2_figure reads the text
  ReadAmount figure;
  DayRates rates;  ///< common and dated: the day's rate legs (`Normalizer::find_rates`)
};
/// Reads the date and, when it is one of the commonest forms (or a range of
/// two plain numbers), the figure, and finds and prefetches the rates they name.
void read_v2_row(const Normalizer& n, std::string_view date, std::string_view figure, V2Read& read);
/// read_v2_row with `reader` = n.figure_reader(), fetched once by a caller that reads many rows.
void read_v2_row(const Normalizer& n, const FigureReader& reader, std::string_view date, std::string_view figure,
                 V2Read& read);
/// append_v2_cells for a row `read_v2_row` read (the same text, digit for digit).
RowStatus append_v2_cells(const Normalizer& n, std::string_view date, std::string_view figure, const V2Read& read,
                          std::string& out, std::string& why, CurrencySource& source);

}  // namespace finmetrics::detail
