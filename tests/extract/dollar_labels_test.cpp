#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "extracted_money.hpp"

// A letter before a '$' written apart names a country's dollar only in lower-cased text
// ("c $ 16.4 million"). A possessive's `s` ("the firm's $5bn plan") and a capital letter
// that labels something ("Series C $100 million", "Class A $5") are not prefixes: they
// read SGD, CAD or nothing before (silently wrong, or lost with no reason).

using namespace finmetrics;

using test::Money;
using test::money;

TEST_CASE("a possessive's s before a dollar sign is no Singapore dollar", "[extract][dollar]") {
  // Was `s $53bn` 53000000000 SGD explicit.
  CHECK(money("Alibaba's $53bn AI plan\n") == std::vector<Money>{{"$53bn", "53000000000", "USD", "default"}});
  CHECK(money("Alibaba\u2019s $53bn AI plan\n") == std::vector<Money>{{"$53bn", "53000000000", "USD", "default"}});
  // Tokenized as the peer suites write it: "music ' s $ 500 million".
  CHECK(money("country music ' s $ 500 million man\n") ==
        std::vector<Money>{{"$ 500 million", "500000000", "USD", "default"}});
  // The document's dollar still resolves it.
  CHECK(money("Shares closed at HK$92.50. The bank's $5bn buyback.\n")[1] ==
        Money{"$5bn", "5000000000", "HKD", "document"});
}

TEST_CASE("a capital letter apart from a dollar sign is a label", "[extract][dollar]") {
  // Was `C $100 million` CAD explicit.
  CHECK(money("It closed a Series C $100 million round.\n") ==
        std::vector<Money>{{"$100 million", "100000000", "USD", "default"}});
  // Were `50 million` (a number) and `5 shares` (a count): the dollar lost.
  CHECK(money("It closed a Series A $50 million round.\n") ==
        std::vector<Money>{{"$50 million", "50000000", "USD", "default"}});
  CHECK(money("Class A $5 shares\n") == std::vector<Money>{{"$5", "5", "USD", "default"}});
  // Was no figure and no reason.
  CHECK(money("It is A $5 fee.\n") == std::vector<Money>{{"$5", "5", "USD", "default"}});
  CHECK(money("Plan S $5bn\n") == std::vector<Money>{{"$5bn", "5000000000", "USD", "default"}});
}

TEST_CASE("country prefixes of a dollar still read", "[extract][dollar]") {
  CHECK(money("the c $ 300 million charge\n") == std::vector<Money>{{"c $ 300 million", "300000000", "CAD", "explicit"}});
  CHECK(money("S$5bn and HK $5bn and US $7m\n") == std::vector<Money>{{"S$5bn", "5000000000", "SGD", "explicit"},
                                                                      {"HK $5bn", "5000000000", "HKD", "explicit"},
                                                                      {"US $7m", "7000000", "USD", "explicit"}});
}

TEST_CASE("the grammar refuses a capital letter apart from its dollar sign", "[parse][dollar]") {
  // Was 100000000 SGD: the letter of a country prefix (country_prefixes.csv) apart from '$'.
  const auto r = parse_figure("S $100 million");
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "'S' apart from its '$' is a label ('Series C $5m'), not a country's dollar: write 'S$'");
  CHECK(r.error().position == 0);
  // A letter that names no prefix at all, as before.
  REQUIRE_FALSE(parse_figure("C $100 million"));
  CHECK(parse_figure("C $100 million").error().message == "expected a number, found 'C'");
  REQUIRE(parse_figure("S$100 million"));
  CHECK(parse_figure("S$100 million")->unit.currency->code() == "SGD");
  REQUIRE(parse_figure("c $ 100 million"));
  CHECK(parse_figure("c $ 100 million")->unit.currency->code() == "CAD");
  REQUIRE(parse_figure("HK $5bn"));
  CHECK(parse_figure("HK $5bn")->unit.currency->code() == "HKD");
}

TEST_CASE("a minus sign or an abbreviation's dot glued before a marker leaves the marker whole", "[extract][dollar]") {
  // Was `1.2bn`, a plain positive number: the U+2212 minus and the '$' lost.
  CHECK(money("a loss of \u2212$1.2bn and \u2212US$3m\n") ==
        std::vector<Money>{{"\u2212$1.2bn", "-1200000000", "USD", "default"}, {"\u2212US$3m", "-3000000", "USD", "explicit"}});
  // Was `5bn`, a plain number: "c." (circa) glued to the '$'.
  CHECK(money("It raised c.$5bn in 2025.\n") == std::vector<Money>{{"$5bn", "5000000000", "USD", "default"}});
  // A marker with its own dots is still one marker.
  CHECK(money("U.S.$5bn and Rs.1,234 crore\n") ==
        std::vector<Money>{{"U.S.$5bn", "5000000000", "USD", "explicit"}, {"Rs.1,234 crore", "12340000000", "INR", "explicit"}});
}

TEST_CASE("an article before a one-letter marker is no amount", "[extract][dollar]") {
  // Were refused and listed as "ambiguous currency 'P': which peso": `P` is a peso's sign.
  CHECK(extract_figures("It trades at a P/E of 12.5 times, after a P&L hit.\n").skipped.empty());
  const auto r = parse_figure("a P");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::syntax);
  CHECK(r.error().message == "'a P' is no amount: 'P' is no currency's name");
  // A currency's name after an article is still one of it.
  CHECK(money("It costs a dollar, or a euro.\n") ==
        std::vector<Money>{{"a dollar", "1", "USD", "default"}, {"a euro", "1", "EUR", "explicit"}});
}
