// Must not compile with FINMETRICS_SHOULD_FAIL_TO_BUILD: dividing money is
// inexact, so it exists only as `ratio(a, b, significant_digits, rounding)`.
#include "finmetrics/quantity/money.hpp"

using namespace finmetrics;

int main() {
  const auto a = Money<USD>::of(Decimal::from_integer(1));
  const auto b = Money<USD>::of(Decimal::from_integer(8));
#ifdef FINMETRICS_SHOULD_FAIL_TO_BUILD
  const auto r = a / b;
#else
  const auto r = ratio(a, b, 3, Rounding::half_even);
#endif
  return r.value().is_zero() ? 1 : 0;
}
