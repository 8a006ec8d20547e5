#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"

// East Asian forms of English-language pages that were misread: a number written in
// two CJK scales ("4兆3000億円" was read as its tail, 300 billion yen), the Japanese
// trillion and million (兆円, 百万円: passed over or read as a plain number), and a
// bare ¥ in a text that writes neither yen nor yuan out but names only Japanese or
// only Chinese places (refused before).

using namespace finmetrics;

using test::Money;
using test::money;
using test::skipped;

TEST_CASE("a number in two CJK scales is their sum, never its tail", "[extract][breadth][cjk]") {
  // Was '3000億円' 300000000000 JPY, '2000億円', nothing for 2万3000元.
  CHECK(money("It expects operating income of 4兆3000億円 this year, against 45兆950億円 of sales.") ==
        std::vector<Money>{{"4兆3000億円", "4300000000000", "JPY", "explicit"},
                           {"45兆950億円", "45095000000000", "JPY", "explicit"}});
  CHECK(money("净利润为1亿2000万元，营收为2万3000元。") ==
        std::vector<Money>{{"1亿2000万元", "120000000", "CNY", "explicit"}, {"2万3000元", "23000", "CNY", "explicit"}});
  // Groups and decimals in the lower part; a yen word after it.
  CHECK(money("Total assets were 90兆1,142億円, or 4兆3000億 yen.") ==
        std::vector<Money>{{"90兆1,142億円", "90114200000000", "JPY", "explicit"},
                           {"4兆3000億 yen", "4300000000000", "JPY", "explicit"}});
  const auto f = extract_figures("Sales were 1兆2000億円.").figures;
  REQUIRE(f.size() == 1);
  CHECK(f[0].span.begin == 11);
  CHECK(f[0].quoted->number.to_string() == "12000");  // in the lower scale, 億
  CHECK(f[0].quoted->scale.exponent == 8);
  // A second scale not lower than the first, or a marker before the pair: refused, said.
  CHECK(money("It was 3万4亿元 in all, and RMB1亿2000万元.").empty());
  CHECK(skipped("It was 3万4亿元 in all, and RMB1亿2000万元.") ==
        std::vector<std::string>{"byte 7: '3万4亿元': a number in two scales that does not read as one: not read",
                                 "byte 34: '1亿2000万元': a number in two scales after a marker or hedge: not read"});
  // One scale before a word is no pair: counts and dates are untouched.
  CHECK(money("2024年3月, 1万人").empty());
}

TEST_CASE("the Japanese trillion and million are scales", "[extract][breadth][cjk]") {
  // Were passed over (兆円) or read as the plain number 5678 (百万円).
  CHECK(money("Operating profit was 4.3兆円, net income 5,678百万円, and 3千万元 was paid.") ==
        std::vector<Money>{{"4.3兆円", "4300000000000", "JPY", "explicit"},
                           {"5,678百万円", "5678000000", "JPY", "explicit"},
                           {"3千万元", "30000000", "CNY", "explicit"}});
  // Chinese numerals keep their reading.
  CHECK(money("营收为三百万元，逾三千万元。") ==
        std::vector<Money>{{"三百万元", "3000000", "CNY", "explicit"}, {"逾三千万元", "30000000", "CNY", "explicit"}});
}

TEST_CASE("a bare yen sign in a text of Japanese places only is the yen", "[extract][breadth][yen]") {
  // Was refused: no yen written out anywhere.
  const std::string tokyo =
      "TOKYO -- Toyota Motor said net profit rose to ¥4.9 trillion.\n\nThe carmaker will pay ¥90 per share.\n";
  CHECK(money(tokyo) == std::vector<Money>{{"¥4.9 trillion", "4900000000000", "JPY", "document"},
                                           {"¥90 per share", "90", "JPY", "document"}});
  const Extraction e = extract_figures(tokyo);
  REQUIRE(e.figures.size() == 2);
  REQUIRE(e.figures[0].currency_evidence);
  CHECK(e.figures[0].currency_evidence->marker == "TOKYO");
  CHECK(e.figures[0].currency_evidence->span.begin == 0);
  CHECK(money("BEIJING -- BYD said profit rose to ¥40.3 billion in mainland China.") ==
        std::vector<Money>{{"¥40.3 billion", "40300000000", "CNY", "document"}});
  // Places of both in the text: each paragraph's own place decides (breadth: a roundup's
  // Toyota paragraph); places of both in one paragraph, or a word naming the other
  // currency: refused as before.
  CHECK(money("SHANGHAI -- BYD earned ¥40.3 billion.\n\nIn Tokyo, Sony earned ¥1.1 trillion.\n") ==
        std::vector<Money>{{"¥40.3 billion", "40300000000", "CNY", "document"},
                           {"¥1.1 trillion", "1100000000000", "JPY", "document"}});
  CHECK(money("From Shanghai to Tokyo, the group earned ¥40.3 billion.\n").empty());
  // Was CNY (the text's only written yen-family marker is yuan): the paragraph's place is nearer.
  CHECK(money("BYD earned 20 billion yuan in Shanghai.\nIn Tokyo, Sony earned ¥1.1 trillion.\n") ==
        std::vector<Money>{{"20 billion yuan", "20000000000", "CNY", "explicit"},
                           {"¥1.1 trillion", "1100000000000", "JPY", "document"}});
  CHECK(money("In Japan, the yuan-linked note paid ¥300 million.").empty());
  // A yen or yuan written out anywhere keeps the rules of the written one.
  CHECK(money("TOKYO -- BYD's revenue was 777 billion yuan. Its shares rose to ¥300.") ==
        std::vector<Money>{{"777 billion yuan", "777000000000", "CNY", "explicit"}, {"¥300", "300", "CNY", "document"}});
}
