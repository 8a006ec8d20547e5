#pragma once
// The unit a table's header gives the plain numbers under it: `(₹ in crore)`,
// `(HK$'000)`, `(RMB million)`, `(US$ in millions)`, a header row's first cell
// (`| SEK million | Q3 2024 |`, `$m`). Private to src/extract
// (figures_from_candidates.cpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/extract/extracted_figure.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::extract_detail {

/// The currency of a header whose marker is a bare `$` or `dollars` ("$m", "($ million)"):
/// the dollar a bare `$` of the document is read as decides it (figures_from_candidates.cpp).
inline constexpr Currency bare_dollar = Currency::of("XAU");

/// A header in brackets that names a currency and a scale and nothing else, and the
/// lines it governs: from the line after it to the next blank line (or the next header).
struct TableUnit {
  std::size_t from = 0;   ///< the first byte governed (the start of the next line)
  std::size_t to = 0;     ///< one past the last byte governed
  std::string scale;      ///< a scale word the grammar reads: "crore", "million", "thousand", "m"
  bool glued = false;     ///< written onto the marker (`US$m`): read onto the number (`16,234m`)
  CurrencyEvidence header;  ///< the bracketed header, its bytes and the currency it names
};

/// Every table unit header of `text`, in text order.
std::vector<TableUnit> table_units_of(std::string_view text, const Lexicon& lexicon);

/// The unit governing byte `p`, or nullptr.
const TableUnit* table_unit_at(const std::vector<TableUnit>& units, std::size_t p);

}  // namespace finmetrics::extract_detail
