// Must not compile with FINMETRICS_SHOULD_FAIL_TO_BUILD: money of two currencies
// does not add. Without it, the same file is the control that must compile.
#include "finmetrics/quantity/money.hpp"

using namespace finmetrics;

int main() {
#ifdef FINMETRICS_SHOULD_FAIL_TO_BUILD
  const auto sum = Money<USD>{} + Money<CNY>{};
#else
  const auto sum = Money<USD>{} + Money<USD>{};
#endif
  return sum.amount().is_zero() ? 0 : 1;
}
