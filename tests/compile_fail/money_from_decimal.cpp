// Must not compile with FINMETRICS_SHOULD_FAIL_TO_BUILD: a raw number becomes
// money only through the named constructor `Money<C>::of`.
#include "finmetrics/quantity/money.hpp"

using namespace finmetrics;

int main() {
#ifdef FINMETRICS_SHOULD_FAIL_TO_BUILD
  const Money<USD> m = Decimal{};
#else
  const Money<USD> m = Money<USD>::of(Decimal{});
#endif
  return m.amount().is_zero() ? 0 : 1;
}
