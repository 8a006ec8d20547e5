#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/currency/alias.hpp"
#include "finmetrics/currency/iso4217.hpp"

using namespace finmetrics;

TEST_CASE("Every listed alias names its currency", "[currency][alias]") {
  // Written out by hand, not read from the table: a new alias needs a line here.
  const std::vector<std::pair<std::string, Currency>> fixed = {
      {"RMB", CNY}, {"Rmb", CNY}, {"rmb", CNY}, {"yuan", CNY}, {"Yuan", CNY}, {"Chinese yuan", CNY},
      {"renminbi", CNY}, {"Renminbi", CNY}, {"CN¥", CNY}, {"元", CNY}, {"人民币", CNY}, {"人民幣", CNY},
      {"HK$", HKD}, {"HK dollar", HKD}, {"HK dollars", HKD}, {"Hong Kong dollar", HKD},
      {"Hong Kong dollars", HKD}, {"港元", HKD}, {"港币", HKD}, {"港幣", HKD},
      {"US$", USD}, {"U.S.$", USD}, {"US dollar", USD}, {"US dollars", USD}, {"U.S. dollar", USD},
      {"U.S. dollars", USD}, {"美元", USD},
      {"A$", AUD}, {"AU$", AUD}, {"C$", CAD}, {"CA$", CAD}, {"S$", SGD}, {"NT$", TWD},
      {"€", EUR}, {"euro", EUR}, {"euros", EUR}, {"Euro", EUR}, {"Euros", EUR}, {"欧元", EUR}, {"歐元", EUR},
      {"£", GBP}, {"pound sterling", GBP}, {"pounds sterling", GBP}, {"sterling", GBP}, {"Sterling", GBP},
      {"英镑", GBP}, {"英鎊", GBP},
      {"円", JPY}, {"yen", JPY}, {"Yen", JPY}, {"JP¥", JPY}, {"日元", JPY}, {"日圓", JPY},
      {"₩", KRW}, {"₹", INR},
      // normalize-v2 and issue 9
      {"NZ$", NZD}, {"R$", BRL}, {"Rs", INR}, {"Rs.", INR}, {"₽", RUB}, {"₺", TRY}, {"₱", PHP}, {"฿", THB},
      {"Kč", CZK}, {"руб", RUB}, {"₪", ILS}, {"KD", KWD}, {"RM", MYR}, {"zł", PLN},
      {"Australian dollars", AUD}, {"Swiss francs", CHF}, {"pounds", GBP}, {"reais", BRL}, {"ringgit", MYR},
      {"rand", ZAR}, {"R", ZAR}, {"won", KRW}, {"rupees", INR}, {"roubles", RUB}, {"rubles", RUB}, {"baht", THB},
      {"New Zealand dollars", NZD}, {"Canadian dollars", CAD}, {"Singapore dollars", SGD},
      // issue 9, peer suites: more spellings and multi-word names
      {"€ur", EUR}, {"Malaysia ringgit", MYR}, {"Malaysia ringgits", MYR}, {"Malaysian ringgits", MYR},
      {"egyptianpound", EGP}, {"egyptianpounds", EGP}, {"L.E", EGP}, {"l.e.", EGP}, {"le", EGP}, {"geneh", EGP},
      {"genih", EGP}, {"genihat masriya", EGP}, {"geneh masri", EGP}, {"Saudiriyal", SAR}, {"saudiriyals", SAR},
      // any case where the file says so, any white space between words
      {"YUAN", CNY}, {"u.s. Dollars", USD}, {"Hong\u00a0Kong  dollars", HKD},
  };
  for (const auto& [marker, currency] : fixed) {
    INFO(marker);
    const auto r = currency_from_marker(marker);
    REQUIRE(r.has_value());
    CHECK(*r == currency);
  }
}

TEST_CASE("ISO codes are markers too", "[currency][alias]") {
  CHECK(currency_from_marker("CNY").value() == CNY);
  CHECK(currency_from_marker("XAU").value() == XAU);
  CHECK(currency_from_marker("ZWG").value() == ZWG);
}

TEST_CASE("A bare dollar is USD unless the context says otherwise", "[currency][alias]") {
  for (const char* marker : {"$", "dollar", "dollars"}) {
    INFO(marker);
    CHECK(currency_from_marker(marker).value() == USD);
    CHECK(currency_from_marker(marker, CurrencyContext{HKD, std::nullopt}).value() == HKD);
  }
  const auto r = currency_from_marker("$", CurrencyContext{std::nullopt, std::nullopt});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::ambiguous);
  CHECK(r.error().message == "ambiguous currency '$': which dollar (USD, HKD, ...)? set CurrencyContext::dollar");
}

TEST_CASE("A bare yen sign is an error unless the context says yen or yuan", "[currency][alias]") {
  const auto r = currency_from_marker("¥");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::ambiguous);
  CHECK(r.error().message == "ambiguous currency '¥': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan");
  CHECK(r.error().input == "¥");

  CHECK(currency_from_marker("￥").error().message ==
        "ambiguous currency '￥': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan");

  CurrencyContext chinese;
  chinese.yen_or_yuan = CNY;
  CHECK(currency_from_marker("¥", chinese).value() == CNY);
  CHECK(currency_from_marker("￥", chinese).value() == CNY);
  CurrencyContext japanese;
  japanese.yen_or_yuan = JPY;
  CHECK(currency_from_marker("¥", japanese).value() == JPY);
  // Context only decides the ambiguous symbols.
  CHECK(currency_from_marker("yuan", japanese).value() == CNY);
}

TEST_CASE("Unknown markers are unknown_currency errors naming the input", "[currency][alias]") {
  auto r = currency_from_marker("XYZ");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == Errc::unknown_currency);
  CHECK(r.error().message == "unknown currency 'XYZ'");
  CHECK(r.error().input == "XYZ");

  CHECK(currency_from_marker("usd").error().message == "unknown currency 'usd' (ISO codes are upper case: 'USD')");
  CHECK(currency_from_marker("Pesos").error().message ==
        "ambiguous currency 'Pesos': which peso (MXN, PHP, ARS, CLP, COP)? write the ISO code");
  CHECK(currency_from_marker("US").error().message == "'US' names a currency only before a '$' or a minor unit");
  CHECK(currency_from_marker("rmb ").error().message == "unknown currency 'rmb '");
  CHECK(currency_from_marker("RMB ").error().message == "unknown currency 'RMB '");
  CHECK(currency_from_marker("").error().message == "unknown currency ''");
}
