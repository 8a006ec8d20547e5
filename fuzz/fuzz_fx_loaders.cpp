// The FX loaders from memory (ECB wide, FRED H.10 long, plain long), the first
// byte choosing which. Invariants: loading is deterministic; an error is a value
// with a message that names the input ("<fuzz>:line:column: ..."); a loaded
// table holds series sorted strictly by date with positive rates, and as_of on a
// fixing's own date gives exactly that fixing (for the series as published).
// ECB: the one-pass row reader and a load of two columns (EcbOptions::only) give
// what every row read field by field gives.

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fred_h10.hpp"
#include "finmetrics/fx/fx_csv.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

Result<FxTable> load(std::uint8_t which, std::string_view text) {
  switch (which % 4) {
    case 0: return parse_ecb_csv(text, "<fuzz>");
    case 1: return parse_fred_h10_csv(text, "<fuzz>");
    case 2: return parse_fred_h10_csv(text, "<fuzz>", FredH10Options{FredH10Orientation::h10_published, "H10"});
    default: return parse_fx_csv(text, "<fuzz>");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  auto table = load(data[0], text);
  auto twice = load(data[0], text);
  FUZZ_CHECK(table.has_value() == twice.has_value(), text);
  if (data[0] % 4 == 0) {  // the ECB one-pass rows and kept columns against every row read field by field
    EcbOptions careful;
    careful.one_pass = false;
    const auto reference = parse_ecb_csv(text, "<fuzz>", careful);
    FUZZ_CHECK(table.has_value() == reference.has_value(), text);
    if (!table) FUZZ_CHECK(table.error().message == reference.error().message, table.error().describe());
    else FUZZ_CHECK(table->series().size() == reference->series().size(), text);
    for (std::size_t i = 0; table && i < table->series().size(); ++i)
      FUZZ_CHECK(table->series()[i].quote == reference->series()[i].quote &&
                     table->series()[i].fixings == reference->series()[i].fixings, text);
    EcbOptions some;
    some.only = {Currency::from_code("USD").value(), Currency::from_code("HKD").value()};
    const auto kept = parse_ecb_csv(text, "<fuzz>", some);
    if (!table) {
      FUZZ_CHECK(!kept && kept.error().message == table.error().message, text);
    } else if (kept) {
      for (const FxSeries& s : kept->series()) {
        const FxSeries* whole = table->find(s.base, s.quote);
        FUZZ_CHECK(whole != nullptr && whole->fixings == s.fixings && (s.quote == some.only[0] || s.quote == some.only[1]),
                   text);
      }
      for (const Currency c : some.only) FUZZ_CHECK(table->fixings(c).size() == kept->fixings(c).size(), text);
    } else {
      FUZZ_CHECK(table->fixings(some.only[0]).empty() && table->fixings(some.only[1]).empty(), text);
    }
  }
  if (!table) {
    const Error& e = table.error();
    FUZZ_CHECK(!e.message.empty() && e.message.rfind("<fuzz>", 0) == 0, e.describe());
    FUZZ_CHECK(e.message == twice.error().message, e.describe());
    return 0;
  }
  FUZZ_CHECK(table->series().size() == twice->series().size(), text);
  std::size_t checked = 0;
  for (const FxSeries& s : table->series()) {
    FUZZ_CHECK(!s.fixings.empty() && s.base != s.quote, text);
    for (std::size_t i = 0; i < s.fixings.size(); ++i) {
      const Fixing& f = s.fixings[i];
      FUZZ_CHECK(f.rate.sign() > 0, text);
      if (i > 0) FUZZ_CHECK(s.fixings[i - 1].date < f.date, text);
      if (checked++ < 64) {  // as_of per fixing is slow; a sample is enough
        auto r = table->as_of(f.date, s.base, s.quote, date::days{0});
        FUZZ_CHECK(r.has_value(), r ? std::string() : r.error().describe());
        FUZZ_CHECK(r->numerator() == f.rate * r->denominator(),
                   r->to_string() + " vs " + f.rate.to_string());
      }
    }
  }
  return 0;
}
