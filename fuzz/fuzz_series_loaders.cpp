// The series and market CSV loaders (series/series_csv.hpp, series/market_csv.hpp)
// from memory, the first byte choosing which. Invariants:
//  - no exception escapes; loading is deterministic;
//  - an error names the input ("<fuzz>...") in one line of valid UTF-8;
//  - a long series file that loads writes back (write_series_csv) to text that
//    loads to an equal set (the documented round trip);
//  - a price history is sorted strictly by date, every series of it on the same
//    days as the close.

#include <string>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/series/market_csv.hpp"
#include "finmetrics/series/series_csv.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

void check_error(const Error& e, std::string_view text) {
  FUZZ_CHECK(e.message.rfind("<fuzz>", 0) == 0, e.describe());
  FUZZ_CHECK(fuzz::well_formed(e, text.size()), e.describe());
  FUZZ_CHECK(fuzz::one_line(e.describe()), e.describe());
}

void series_file(std::string_view text, bool fiscal) {
  SeriesCsvOptions options;
  if (fiscal) options.periods.calendar = FiscalCalendar{date::March};
  auto set = parse_series_csv(text, "<fuzz>", options);
  auto again = parse_series_csv(text, "<fuzz>", options);
  FUZZ_CHECK(set.has_value() == again.has_value(), text);
  if (!set) {
    check_error(set.error(), text);
    FUZZ_CHECK(set.error().message == again.error().message, set.error().describe());
    return;
  }
  FUZZ_CHECK(*set == *again, text);
  const std::string written = write_series_csv(*set);
  auto back = parse_series_csv(written, "<fuzz>", options);
  FUZZ_CHECK(back.has_value(), back ? written : back.error().describe() + "\n" + written);
  FUZZ_CHECK(*back == *set, written);
}

void market_file(std::string_view text, bool hk) {
  const MarketCsvOptions options = hk ? MarketCsvOptions{HKD, Per::share} : MarketCsvOptions{USD, Per::ads, "ADSs"};
  auto h = parse_market_csv(text, "<fuzz>", options);
  auto again = parse_market_csv(text, "<fuzz>", options);
  FUZZ_CHECK(h.has_value() == again.has_value(), text);
  if (!h) {
    check_error(h.error(), text);
    FUZZ_CHECK(h.error().message == again.error().message, h.error().describe());
    return;
  }
  const DateSeries& close = h->close;
  for (std::size_t i = 1; i < close.size(); ++i) FUZZ_CHECK(close.key(i - 1) < close.key(i), text);
  for (const DateSeries* s : {&h->open, &h->high, &h->low, &h->adj_close, &h->volume}) {
    if (s->size() == 0) continue;
    FUZZ_CHECK(s->size() == close.size(), text);
    for (std::size_t i = 0; i < s->size(); ++i) FUZZ_CHECK(s->key(i) == close.key(i), text);
  }
  FUZZ_CHECK(close.size() == again->close.size(), text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  switch (data[0] % 4) {
    case 0: series_file(text, false); break;
    case 1: series_file(text, true); break;
    case 2: market_file(text, false); break;
    default: market_file(text, true); break;
  }
  return 0;
}
