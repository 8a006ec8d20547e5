// Decimal::parse on arbitrary bytes. Invariants: an accepted number formats
// (to_string) and re-parses to the same value (and quantum, for exponents <= 0); trimming keeps the
// value; ordering is antisymmetric; + and * commute and a + b - b == a whenever
// they do not overflow (DecimalOverflow is the documented signal, never a wrap);
// divide() of the product by a non-zero factor gives the other factor back.

#include "finmetrics/decimal/decimal.hpp"
#include "fuzz_check.hpp"

using finmetrics::Decimal;
using finmetrics::DecimalOverflow;
using finmetrics::Rounding;

namespace {

void check_round_trip(const Decimal& d) {
  const std::string text = d.to_string();
  auto again = Decimal::parse(text);
  // Plain notation of a huge exponent has more than 38 digits: only then may it fail.
  if (!again) {
    FUZZ_CHECK(again.error().code == finmetrics::Errc::overflow && d.exponent() > 0, text);
    return;
  }
  FUZZ_CHECK(*again == d, text);
  // Plain notation shows the quantum of fractions only: 81 x 10^9 prints as 81000000000.
  if (d.exponent() <= 0) FUZZ_CHECK(again->same_quantum(d) || d.is_zero(), text);
  FUZZ_CHECK(d.trimmed() == d, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = finmetrics::fuzz::as_text(data, size);
  // Two operands separated by the first '|' (if any).
  const std::size_t bar = text.find('|');
  auto a = Decimal::parse(text.substr(0, bar));
  if (!a) {
    FUZZ_CHECK(finmetrics::fuzz::well_formed(a.error(), bar == std::string_view::npos ? size : bar), a.error().describe());
    return 0;
  }
  check_round_trip(*a);
  if (bar == std::string_view::npos) return 0;
  auto b = Decimal::parse(text.substr(bar + 1));
  if (!b) return 0;
  check_round_trip(*b);

  FUZZ_CHECK(Decimal::compare(*a, *b) == -Decimal::compare(*b, *a), text);
  try {
    const Decimal sum = *a + *b;
    FUZZ_CHECK(sum == *b + *a, text);
    FUZZ_CHECK(sum - *b == *a, text);
  } catch (const DecimalOverflow&) {
  }
  try {
    const Decimal product = *a * *b;
    FUZZ_CHECK(product == *b * *a, text);
    if (!b->is_zero()) {
      const Decimal q = Decimal::divide(product, *b, a->exponent(), Rounding::half_even);
      FUZZ_CHECK(q == *a, text);
    }
  } catch (const DecimalOverflow&) {
  }
  if (!b->is_zero()) {
    try {
      const Decimal down = Decimal::divide_significant(*a, *b, 12, Rounding::floor);
      const Decimal up = Decimal::divide_significant(*a, *b, 12, Rounding::ceiling);
      FUZZ_CHECK(down <= up, text);
      FUZZ_CHECK(down.digits() <= 12 && up.digits() <= 12, text);
    } catch (const DecimalOverflow&) {
    }
  }
  return 0;
}
