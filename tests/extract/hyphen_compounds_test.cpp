#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"

// Amounts written as hyphen compounds. A per-share amount ("a $10-a-share offer") is
// read per share; a compound the rules do not read ("$1.2bn-plus", "$20-an-hour") is
// listed with its reason. Before, all of these were passed over with no figure and no
// reason, like a "15-month high" (which still is: a plain number in a compound).

using namespace finmetrics;

using test::Money;
using test::money;
using test::skipped;

TEST_CASE("an amount per share written as a hyphen compound", "[extract][compound]") {
  CHECK(money("A $10-a-share offer and a $10-per-share dividend.\n") ==
        std::vector<Money>{{"$10-a-share", "10", "USD", "default"}, {"$10-per-share", "10", "USD", "default"}});
  CHECK(money("It bid HK$2-a-share.\n") == std::vector<Money>{{"HK$2-a-share", "2", "HKD", "explicit"}});
  const auto found = extract_figures("A $10-a-share offer.\n").figures;
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == FigureKind::per_share);
  CHECK(found[0].unit.to_string() == "USD per share");
  // As before: a minor unit in the compound.
  CHECK(money("a 12-cent-a-share payout\n") == std::vector<Money>{{"12-cent-a-share", "0.12", "USD", "default"}});
}

TEST_CASE("an amount in a compound it does not read is listed, never dropped", "[extract][compound]") {
  CHECK(money("The deal, worth $1.2bn-plus, closed.\n").empty());
  CHECK(skipped("The deal, worth $1.2bn-plus, closed.\n") ==
        std::vector<std::string>{"byte 16: '$1.2bn-plus': an amount joined by a hyphen to words it does not read: not read"});
  CHECK(skipped("It pays $20-an-hour wages.\n") ==
        std::vector<std::string>{"byte 8: '$20-an-hour': an amount joined by a hyphen to words it does not read: not read"});
  CHECK(skipped("a $5-billion-plus plan\n") ==
        std::vector<std::string>{"byte 2: '$5-billion-plus': an amount joined by a hyphen to words it does not read: not read"});
  // Plain numbers in compounds are still no figures, and say nothing.
  CHECK(extract_figures("a 15-month high, a three-year plan, Covid-19\n").skipped.empty());
}

TEST_CASE("a scale in a compound makes a figure", "[extract][compound]") {
  // Was nothing at all: the compound of a scale and a currency word.
  CHECK(money("a 30-billion-dollar fund\n") == std::vector<Money>{{"30-billion-dollar", "30000000000", "USD", "default"}});
  CHECK(money("a $5-billion fund\n") == std::vector<Money>{{"$5-billion", "5000000000", "USD", "default"}});
  const auto plain = extract_figures("a 30-billion fund\n").figures;
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].kind == FigureKind::number);
  CHECK(plain[0].text == "30-billion");
}
