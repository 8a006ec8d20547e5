// Must not compile with FINMETRICS_SHOULD_FAIL_TO_BUILD: `Currency::of` accepts
// only codes of the ISO 4217 table.
#include "finmetrics/currency/iso4217.hpp"

using namespace finmetrics;

int main() {
#ifdef FINMETRICS_SHOULD_FAIL_TO_BUILD
  constexpr Currency c = Currency::of("ABC");
#else
  constexpr Currency c = Currency::of("USD");
#endif
  return c.code() == "USD" ? 0 : 1;
}
