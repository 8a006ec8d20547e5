#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

// Compile-time: the constants are usable as constants and both spellings name
// the same object.
static_assert(USD.code() == "USD");
static_assert(finmetrics::iso4217::CNY == finmetrics::CNY);
static_assert(Currency::of("EUR") == EUR);
static_assert(USD != CNY);
static_assert(all_currencies.front() == AED && all_currencies.back() == ZWG);

namespace {

struct Expected {
  const char* code;
  int numeric;
  int minor_units;
  const char* name;
};

void check(const Expected& e) {
  INFO(e.code);
  const auto c = Currency::from_code(e.code);
  REQUIRE(c.has_value());
  CHECK(c->code() == e.code);
  CHECK(c->numeric() == e.numeric);
  CHECK(c->minor_units() == e.minor_units);
  CHECK(c->name() == e.name);
}

}  // namespace

TEST_CASE("ISO 4217 table gives numeric code, minor units and name of listed currencies", "[currency][iso4217]") {
  check({"CNY", 156, 2, "Yuan Renminbi"});
  check({"JPY", 392, 0, "Yen"});
  check({"KWD", 414, 3, "Kuwaiti Dinar"});
  check({"CLF", 990, 4, "Unidad de Fomento"});
  check({"UYW", 927, 4, "Unidad Previsional"});
  check({"XAU", 959, -1, "Gold"});
  check({"XDR", 960, -1, "SDR (Special Drawing Right)"});
  check({"USD", 840, 2, "US Dollar"});
  check({"HKD", 344, 2, "Hong Kong Dollar"});
  check({"EUR", 978, 2, "Euro"});
  check({"GBP", 826, 2, "Pound Sterling"});
  check({"ALL", 8, 2, "Lek"});
  check({"ISK", 352, 0, "Iceland Krona"});
  check({"TND", 788, 3, "Tunisian Dinar"});
}

TEST_CASE("ISO 4217 table follows the latest amendments", "[currency][iso4217]") {
  check({"ZWG", 924, 2, "Zimbabwe Gold"});
  check({"SLE", 925, 2, "Leone"});
  check({"VED", 926, 2, "Bolívar Soberano"});
  check({"VES", 928, 2, "Bolívar Soberano"});
  check({"XCG", 532, 2, "Caribbean Guilder"});
  for (const char* withdrawn : {"HRK", "SLL", "ZWL", "ANG", "VEF", "MRO", "STD", "LTL"}) {
    INFO(withdrawn);
    CHECK_FALSE(Currency::from_code(withdrawn).has_value());
  }
}

TEST_CASE("ISO 4217 List One has 179 active codes, sorted and unique", "[currency][iso4217]") {
  CHECK(all_currencies.size() == 179);
  std::set<int> numerics;
  for (std::size_t i = 0; i < all_currencies.size(); ++i) {
    if (i > 0) CHECK(all_currencies[i - 1] < all_currencies[i]);
    numerics.insert(all_currencies[i].numeric());
    CHECK(Currency::from_code(all_currencies[i].code()).value() == all_currencies[i]);
  }
  // Every numeric code is distinct in List One.
  CHECK(numerics.size() == 179);
}

TEST_CASE("ISO 4217 minor units other than 2 are exactly the ISO exceptions", "[currency][iso4217]") {
  std::map<int, std::set<std::string>> by_minor;
  for (const auto& c : all_currencies) {
    if (c.minor_units() != 2) by_minor[c.minor_units()].insert(std::string(c.code()));
  }
  using S = std::set<std::string>;
  CHECK(by_minor[0] == S{"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
                         "VUV", "XAF", "XOF", "XPF"});
  CHECK(by_minor[3] == S{"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"});
  CHECK(by_minor[4] == S{"CLF", "UYW"});
  CHECK(by_minor[-1] == S{"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"});
  CHECK(by_minor.size() == 4);
}

TEST_CASE("Currency::from_code accepts exact upper-case codes only, naming the input", "[currency][iso4217]") {
  SECTION("lower case is rejected with the upper-case hint") {
    const auto r = Currency::from_code("usd");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::unknown_currency);
    CHECK(r.error().message == "unknown currency 'usd' (ISO codes are upper case: 'USD')");
    CHECK(r.error().input == "usd");
    CHECK(r.error().position == 0);
  }
  SECTION("mixed case too") {
    CHECK(Currency::from_code("Hkd").error().message == "unknown currency 'Hkd' (ISO codes are upper case: 'HKD')");
  }
  SECTION("unlisted codes") {
    CHECK(Currency::from_code("XYZ").error().message == "unknown currency 'XYZ'");
    CHECK(Currency::from_code("xyz").error().message == "unknown currency 'xyz'");
    CHECK(Currency::from_code("US").error().message == "unknown currency 'US'");
    CHECK(Currency::from_code("USDX").error().message == "unknown currency 'USDX'");
    CHECK(Currency::from_code("").error().message == "unknown currency ''");
    CHECK(Currency::from_code(" USD").error().code == Errc::unknown_currency);
  }
}

TEST_CASE("Currency formats as its code", "[currency]") {
  CHECK(fmt::format("{}", CNY) == "CNY");
  CHECK(fmt::format("[{:>5}]", JPY) == "[  JPY]");
}

TEST_CASE("ISO 4217 table agrees with Debian's iso-codes except for the amendments since", "[currency][iso4217]") {
  const std::filesystem::path path = "/usr/share/iso-codes/json/iso_4217.json";
  FINMETRICS_REQUIRE_FILE(path, "Debian package iso-codes, installed by scripts/setup.sh");
  std::ifstream in(path);
  const auto json = nlohmann::json::parse(in);
  std::set<std::string> debian_only;
  std::set<std::string> seen;
  for (const auto& row : json.at("4217")) {
    const auto code = row.at("alpha_3").get<std::string>();
    const auto c = Currency::from_code(code);
    if (!c) {
      debian_only.insert(code);
      continue;
    }
    seen.insert(code);
    INFO(code);
    CHECK(c->numeric() == std::stoi(row.at("numeric").get<std::string>()));
    CHECK(c->name() == row.at("name").get<std::string>());
  }
  std::set<std::string> ours_only;
  for (const auto& c : all_currencies) {
    if (!seen.count(std::string(c.code()))) ours_only.insert(std::string(c.code()));
  }
  // Debian 12 ships iso-codes 4.15; a newer one may have caught up.
  for (const auto& code : debian_only) {
    INFO(code);
    CHECK(std::set<std::string>{"ANG", "HRK", "SLL", "ZWL", "BGN"}.count(code) == 1);
  }
  for (const auto& code : ours_only) {
    INFO(code);
    CHECK(std::set<std::string>{"XCG", "ZWG"}.count(code) == 1);
  }
}
