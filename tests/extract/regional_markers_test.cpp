// Currency markers of Gulf, South Asian, African, Central European, Nordic and
// Australian coverage, each one a row of data/lexicon (currencies.csv, families.csv,
// word_like.csv, cues.csv), no C++: before them `Dh1.2bn`, `SR1.2bn`, `QR500m`,
// `Tk1.2bn`, `Ft1.2bn` and `$US13.7 billion` read nothing and said nothing,
// `Tk 1,200 crore`, `1.2bn lei` and `GH¢1.2bn` read a plain number, and `1.2bn forints`
// and `1.2bn crowns` a count.

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "extracted_money.hpp"

using finmetrics::test::Money;
using finmetrics::test::money;
using finmetrics::test::skipped;

TEST_CASE("Gulf press markers glued to their numbers", "[extract][markers]") {
  CHECK(money("Aramco set aside SR1.2bn, QNB earned QR500m, Batelco BD1.2m and Omantel RO1.2mn.") ==
        std::vector<Money>{{"SR1.2bn", "1200000000", "SAR", "explicit"},
                           {"QR500m", "500000000", "QAR", "explicit"},
                           {"BD1.2m", "1200000", "BHD", "explicit"},
                           {"RO1.2mn", "1200000", "OMR", "explicit"}});
  // Word-like apart before a number: a QR code, the SR-71, initials are no amounts.
  CHECK(money("Scan the QR code 5 times; the SR 71 flew; BD 2 units; the RO 5 team.").empty());
}

TEST_CASE("a dirham without its country is never guessed; a dateline says which", "[extract][markers]") {
  CHECK(money("Emaar's profit rose to Dh1.2bn.").empty());
  CHECK(skipped("Emaar's profit rose to Dh1.2bn.") ==
        std::vector<std::string>{"byte 23: 'Dh1.2bn': ambiguous currency 'Dh': which dirham (AED, MAD)? write the ISO code"});
  CHECK(money("DUBAI, Jan 5 (Reuters) - Emaar's profit rose to Dh1.2bn, and Dhs 500 million went to dividends.") ==
        std::vector<Money>{{"Dh1.2bn", "1200000000", "AED", "document"},
                           {"Dhs 500 million", "500000000", "AED", "document"}});
}

TEST_CASE("the taka, the forint, the cedi, the Egyptian and Mexican markers", "[extract][markers]") {
  CHECK(money("Beximco invested Tk 1,200 crore; Grameenphone earned Tk1.2bn and paid Tk 500 a share.") ==
        std::vector<Money>{{"Tk 1,200 crore", "12000000000", "BDT", "explicit"},
                           {"Tk1.2bn", "1200000000", "BDT", "explicit"},
                           {"Tk 500 a share", "500", "BDT", "explicit"}});
  CHECK(money("OTP earned Ft1.2bn, 1.2bn forints or 500 Ft a share; Ft Worth added 500 jobs.") ==
        std::vector<Money>{{"Ft1.2bn", "1200000000", "HUF", "explicit"},
                           {"1.2bn forints", "1200000000", "HUF", "explicit"},
                           {"500 Ft a share", "500", "HUF", "explicit"}});
  CHECK(money("MTN Ghana earned GH¢1.2bn (₵1.2bn); CIB E£1.2bn; Cemex MX$1.2bn and Mex$3bn.") ==
        std::vector<Money>{{"GH¢1.2bn", "1200000000", "GHS", "explicit"},
                           {"₵1.2bn", "1200000000", "GHS", "explicit"},
                           {"E£1.2bn", "1200000000", "EGP", "explicit"},
                           {"MX$1.2bn", "1200000000", "MXN", "explicit"},
                           {"Mex$3bn", "3000000000", "MXN", "explicit"}});
}

TEST_CASE("crowns and lei name a family: the country's name or the dateline says which", "[extract][markers]") {
  CHECK(money("Volvo earned 1.2 billion Swedish crowns, and 500 million crowns went to dividends.") ==
        std::vector<Money>{{"1.2 billion Swedish crowns", "1200000000", "SEK", "explicit"},
                           {"500 million crowns", "500000000", "SEK", "document"}});
  CHECK(money("PRAGUE (Reuters) - CEZ earned 20 billion crowns.") ==
        std::vector<Money>{{"20 billion crowns", "20000000000", "CZK", "document"}});
  CHECK(money("OSLO - Equinor paid 3 billion kroner.") ==
        std::vector<Money>{{"3 billion kroner", "3000000000", "NOK", "document"}});
  CHECK(money("It paid 1.2bn kroner.").empty());
  CHECK(skipped("It paid 1.2bn kroner.") ==
        std::vector<std::string>{
            "byte 8: '1.2bn kroner': ambiguous currency 'kroner': which crown (SEK, NOK, DKK, CZK, ISK)? write the ISO code"});
  CHECK(money("Banca Transilvania earned 1.2 billion Romanian lei, and 300 million lei went to dividends.") ==
        std::vector<Money>{{"1.2 billion Romanian lei", "1200000000", "RON", "explicit"},
                           {"300 million lei", "300000000", "RON", "document"}});
  CHECK(money("It earned 1.2bn lei.").empty());
}

TEST_CASE("the country after the dollar sign, as Australian press writes it", "[extract][markers]") {
  CHECK(money("BHP earned $US13.7 billion; Fonterra $NZ1.2bn, CK Hutchison $HK1.2bn and Qantas $A1.2 billion.") ==
        std::vector<Money>{{"$US13.7 billion", "13700000000", "USD", "explicit"},
                           {"$NZ1.2bn", "1200000000", "NZD", "explicit"},
                           {"$HK1.2bn", "1200000000", "HKD", "explicit"},
                           {"$A1.2 billion", "1200000000", "AUD", "explicit"}});
}

TEST_CASE("a one-letter marker before a per-share amount", "[extract][markers]") {
  // `N10 per share` read nothing and said nothing: a one-letter marker makes money only
  // with a scale, a thousands group or, now, a per-share phrase; `R2` alone stays a name.
  CHECK(money("Dangote paid a dividend of N10 per share; Sasol R5.20 a share.") ==
        std::vector<Money>{{"N10 per share", "10", "NGN", "explicit"}, {"R5.20 a share", "5.20", "ZAR", "explicit"}});
  CHECK(money("Its R2 was 0.9 and N10 went to grade R1.").empty());
}
