#include "finmetrics/currency/alias.hpp"

#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics {

// The markers are data (data/lexicon/currencies.csv, minor_units.csv), read
// through the built-in lexicon; callers with a lexicon of their own use
// `Lexicon::currency`.
Result<Currency> currency_from_marker(std::string_view marker, const CurrencyContext& context) {
  return Lexicon::builtin().currency(marker, context);
}

}  // namespace finmetrics
