// The forms issue 9's last notes listed as refused, each pinned as extract reads them
// now: number words in capitals (`Three billion dollars`, `TWO-THIRDS`) and ranges with
// a marker on each end. (`(US$ m)` headers and a dateline's peso are pinned in
// breadth_world_markers_test.cpp.)

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"

using namespace finmetrics;

namespace {

struct Read {
  std::string text, kind, value, upper, unit;
  bool operator==(const Read&) const = default;
};

std::vector<Read> reads(std::string_view text) {
  std::vector<Read> out;
  for (const auto& f : extract_figures(text).figures) {
    out.push_back({f.text, std::string(to_string(f.kind)), f.quoted ? f.quoted->value.to_string() : "",
                   f.quoted && f.quoted->upper ? f.quoted->upper->to_string() : "", f.unit.to_string()});
  }
  return out;
}

}  // namespace

TEST_CASE("number words in capitals read as in lower case", "[extract][breadth][known]") {
  CHECK(reads("Three billion dollars was spent.") ==
        std::vector<Read>{{"Three billion dollars", "money", "3000000000", "", "USD"}});
  CHECK(reads("THREE BILLION DOLLARS") == std::vector<Read>{{"THREE BILLION DOLLARS", "money", "3000000000", "", "USD"}});
  const auto two_thirds = reads("TWO-THIRDS of sales came from China.");
  REQUIRE(two_thirds.size() == 1);
  CHECK(two_thirds[0].text == "TWO-THIRDS");
  CHECK(two_thirds[0].kind == "percent");
  // the same value as in lower case
  CHECK(two_thirds == std::vector<Read>{{"TWO-THIRDS", "percent", reads("two-thirds of sales came from China.").at(0).value,
                                         "", "%"}});
}

TEST_CASE("a range with a marker on each end reads as one range in running text", "[extract][breadth][known]") {
  CHECK(reads("It guided to HK$1.7bn-HK$2.3bn, C$1.1 billion to C$1.3 billion and A$2.5-A$2.7 billion.") ==
        std::vector<Read>{{"HK$1.7bn-HK$2.3bn", "money", "1700000000", "2300000000", "HKD"},
                          {"C$1.1 billion to C$1.3 billion", "money", "1100000000", "1300000000", "CAD"},
                          {"A$2.5-A$2.7 billion", "money", "2500000000", "2700000000", "AUD"}});
  CHECK(reads("Savings of €3bn–€3.5bn and profit of £450m to £500m.") ==
        std::vector<Read>{{"€3bn–€3.5bn", "money", "3000000000", "3500000000", "EUR"},
                          {"£450m to £500m", "money", "450000000", "500000000", "GBP"}});
  CHECK(reads("Milk price of NZ$9.00-NZ$10.00 per kg.") ==
        std::vector<Read>{{"NZ$9.00-NZ$10.00 per kg", "unit_price", "9.00", "10.00", "NZD"}});
}
