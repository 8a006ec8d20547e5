// parse_v1_figure (the normalize job's closed grammar) on arbitrary bytes.
// Invariants on an accepted figure: its canonical form (currency prefix, plain
// digits of the amount, " per share") reads back to the same amount, currency and
// flag; the general parse_figure reads the same text to the same value, currency
// and per-share flag (docs/figures.md promises this for the whole v1 grammar).
// On an error: syntax or overflow, with a position inside the text.

#include "finmetrics/normalize/v1_figure.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

std::string_view prefix_of(Currency c) {
  if (c.code() == "USD") return "USD ";
  if (c.code() == "CNY") return "CNY ";
  if (c.code() == "HKD") return "HKD ";
  return "EUR ";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  auto f = parse_v1_figure(text);
  if (!f) {
    const Error& e = f.error();
    FUZZ_CHECK(e.code == Errc::syntax || e.code == Errc::overflow, e.describe());
    FUZZ_CHECK(e.position <= text.size() && !e.message.empty(), e.describe());
    return 0;
  }
  const std::string detail = std::string(text) + " -> " + f->amount.to_string() + " " + std::string(f->currency.code());
  FUZZ_CHECK(f->amount.sign() >= 0, detail);

  if (f->amount.digits() + std::max(f->amount.exponent(), 0) <= Decimal::max_digits) {
    std::string canonical(prefix_of(f->currency));
    canonical += f->amount.to_string();
    if (f->per_share) canonical += " per share";
    auto again = parse_v1_figure(canonical);
    FUZZ_CHECK(again.has_value(), detail + " canonical '" + canonical + "': " + (again ? "" : again.error().describe()));
    FUZZ_CHECK(again->amount == f->amount && again->currency == f->currency && again->per_share == f->per_share,
               detail + " canonical '" + canonical + "'");
  }

  // v1 is an English grammar: `Rmb26.549` has a decimal point, which the general
  // grammar reads as such only under an English locale (without one it is ambiguous).
  ParseOptions english;
  english.locale = "en";
  auto general = parse_figure(text, english);
  FUZZ_CHECK(general.has_value(), detail + " parse_figure: " + (general ? "" : general.error().describe()));
  FUZZ_CHECK(general->value == f->amount, detail + " parse_figure value " + general->value.to_string());
  FUZZ_CHECK(general->unit == Unit::money(f->currency, f->per_share ? Per::share : Per::whole),
             detail + " parse_figure unit " + general->unit.to_string());
  return 0;
}
