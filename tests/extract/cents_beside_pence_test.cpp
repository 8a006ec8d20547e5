#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"

// Bare cents in a paragraph that names pence: a release in US dollars quotes its
// dividend in cents and the sterling equivalent in pence. Pence and paise are never
// called cents, so the cents are a dollar's; beside euros or rand (whose minor unit is
// a cent too) they stay refused.

using namespace finmetrics;

using test::Money;
using test::money;

TEST_CASE("cents beside pence are a dollar's", "[extract][breadth][cents]") {
  // Was refused: "cents of which currency? its paragraph names GBP and no dollar".
  CHECK(money("Profit was $2.8 billion.\n\nA dividend of 8.000 cents per ordinary share was declared; holders will "
              "receive 6.300 pence per share in sterling.\n") ==
        std::vector<Money>{{"$2.8 billion", "2800000000", "USD", "default"},
                           {"8.000 cents per ordinary share", "0.08000", "USD", "default"},
                           {"6.300 pence per share", "0.06300", "GBP", "explicit"}});
  // A text that also names euros (cents of their own): refused as before.
  const std::string euros =
      "Profit was $2.8 billion, and its European unit earned €1.2 billion.\n\nA dividend of 8.000 cents per "
      "ordinary share was declared; holders will receive 6.300 pence per share in sterling.\n";
  CHECK(money(euros) == std::vector<Money>{{"$2.8 billion", "2800000000", "USD", "default"},
                                           {"€1.2 billion", "1200000000", "EUR", "explicit"},
                                           {"6.300 pence per share", "0.06300", "GBP", "explicit"}});
  REQUIRE(extract_figures(euros).skipped.size() == 1);
  CHECK(extract_figures(euros).skipped[0].message ==
        "byte 85: '8.000 cents per ordinary share': cents of which currency? its paragraph names GBP and no dollar "
        "(use --dollar CODE)");
}
