#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"

// Bare cents that move a price to an amount written with a dollar sign, in one sentence
// ("its shares fell 35 cents to HK$92.50"), are that dollar's: they were the default
// US dollar's before, silently wrong in Hong Kong, Singapore or Australian coverage.

using namespace finmetrics;

using test::Money;
using test::money;

TEST_CASE("cents moving a price to a dollar amount are that dollar's", "[extract][cents]") {
  // Was `35 cents` 0.35 USD default.
  CHECK(money("Its shares fell 35 cents to HK$92.50 on Tuesday.\n") ==
        std::vector<Money>{{"35 cents", "0.35", "HKD", "document"}, {"HK$92.50", "92.50", "HKD", "explicit"}});
  // A percentage between them, and a bare `$` in another paragraph that stays the default dollar.
  CHECK(money("The ADSs closed at $10.20 in New York.\n\nIn Hong Kong, the shares rose 10 cents, or 0.4 per cent, "
              "to HK$27.30.\n") == std::vector<Money>{{"$10.20", "10.20", "USD", "default"},
                                                      {"10 cents", "0.10", "HKD", "document"},
                                                      {"HK$27.30", "27.30", "HKD", "explicit"}});
  // Each cents takes the amount it moves to: US$ for the first, S$ for the second.
  CHECK(money("Its ADSs fell 35 cents to US$12.50, and its shares rose 10 cents to S$9.80.\n") ==
        std::vector<Money>{{"35 cents", "0.35", "USD", "document"},
                           {"US$12.50", "12.50", "USD", "explicit"},
                           {"10 cents", "0.10", "SGD", "document"},
                           {"S$9.80", "9.80", "SGD", "explicit"}});
}

TEST_CASE("cents not moved to a dollar amount keep their reading", "[extract][cents]") {
  // Other words between them: no move, the reading of before (the default dollar).
  CHECK(money("Its ADSs fell 35 cents while its shares in Hong Kong dropped to HK$92.50.\n") ==
        std::vector<Money>{{"35 cents", "0.35", "USD", "default"}, {"HK$92.50", "92.50", "HKD", "explicit"}});
  // The amount after them has no dollar sign: no evidence.
  CHECK(money("The shares fell 35 cents to 92.50 Hong Kong dollars.\n")[0] == Money{"35 cents", "0.35", "USD", "default"});
  // Another sentence: no move.
  CHECK(money("The shares fell 35 cents. They closed at HK$92.50.\n")[0] == Money{"35 cents", "0.35", "USD", "default"});
  // An explicit --dollar still decides.
  ExtractOptions o;
  o.dollar = Currency::of("AUD");
  CHECK(money("Its shares fell 35 cents to HK$92.50.\n", o)[0] == Money{"35 cents", "0.35", "AUD", "option"});
}
