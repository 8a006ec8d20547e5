// The issuer-profile reader (check/issuer_profile.hpp) on arbitrary JSON text.
// Invariants:
//  - no exception escapes (nlohmann's own exceptions included);
//  - reading is deterministic;
//  - an error names the file first and its describe() is one line of valid UTF-8;
//  - a profile that loads keeps what the format promises: a non-empty issuer,
//    unique listing symbols, dated counts sorted strictly by date, price-file
//    ranges and exclusions not reversed, an ADS ratio only on a depositary listing.

#include <set>
#include <string>

#include "finmetrics/check/issuer_profile.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

void sorted_counts(const std::vector<DatedCount>& counts, std::string_view text) {
  for (std::size_t i = 1; i < counts.size(); ++i) FUZZ_CHECK(counts[i - 1].date < counts[i].date, text);
  for (const DatedCount& c : counts) FUZZ_CHECK(c.value.sign() > 0, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  auto p = parse_issuer_profile(text, "fuzz/issuer.json");
  auto again = parse_issuer_profile(text, "fuzz/issuer.json");
  FUZZ_CHECK(p.has_value() == again.has_value(), text);
  if (!p) {
    FUZZ_CHECK(p.error().message.rfind("fuzz/issuer.json: ", 0) == 0, p.error().describe());
    FUZZ_CHECK(p.error().message == again.error().message, p.error().describe());
    FUZZ_CHECK(fuzz::well_formed(p.error(), text.size()), p.error().describe());
    FUZZ_CHECK(fuzz::one_line(p.error().describe()), p.error().describe());
    return 0;
  }
  FUZZ_CHECK(!p->issuer.empty() && p->issuer == again->issuer, text);
  FUZZ_CHECK(p->listings.size() == again->listings.size() && p->aliases == again->aliases, text);
  sorted_counts(p->shares_outstanding, text);
  std::set<std::string> symbols;
  for (const ListedSecurity& l : p->listings) {
    FUZZ_CHECK(!l.symbol.empty() && symbols.insert(l.symbol).second, text);
    FUZZ_CHECK(l.depositary || l.ads_ratio.empty(), text);
    sorted_counts(l.ads_ratio, text);
    for (const PriceFile& f : l.prices) {
      FUZZ_CHECK(!f.path.empty(), text);
      FUZZ_CHECK(!(f.from && f.until) || !(*f.until < *f.from), text);
      for (const ExcludedDays& e : f.exclude) FUZZ_CHECK(!(e.until < e.from), text);
    }
  }
  return 0;
}
