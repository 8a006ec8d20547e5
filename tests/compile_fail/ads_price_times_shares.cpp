// Must not compile with FINMETRICS_SHOULD_FAIL_TO_BUILD: a price per ADS times a
// count of ordinary shares is meaningless; convert through AdsRatio first.
#include "finmetrics/quantity/ads_price.hpp"
#include "finmetrics/quantity/share_count.hpp"
#include "finmetrics/quantity/share_price.hpp"

using namespace finmetrics;

int main() {
  const auto shares = ShareCount::of(8);
#ifdef FINMETRICS_SHOULD_FAIL_TO_BUILD
  const Money<USD> cap = AdsPrice<USD>{} * shares;
#else
  const Money<USD> cap = SharePrice<USD>{} * shares;
#endif
  return cap.amount().is_zero() ? 0 : 1;
}
