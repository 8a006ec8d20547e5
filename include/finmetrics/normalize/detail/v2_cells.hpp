#pragma once
// The nine v2 output cells of one (date, figure) pair, shared by the stream and
// the batch API so that both give the same text for the same input.

#include <string>
#include <string_view>

#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics::detail {

/// Appends `,currency,amount,low,high,qualifier,per,value,value_low,value_high`
/// (every cell empty for an unparsed figure, the value cells empty without a
/// rate) and returns what became of the row; `why` gets the reason when it was
/// not converted (without a line number); `source` how the figure's currency was
/// decided (`CurrencySource::none` when unparsed).
RowStatus append_v2_cells(const Normalizer& n, std::string_view date, std::string_view figure, std::string& out,
                          std::string& why, CurrencySource& source);

}  // namespace finmetrics::detail
