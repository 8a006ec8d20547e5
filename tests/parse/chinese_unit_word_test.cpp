#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "extracted_money.hpp"
#include "finmetrics/parse/parse_figure.hpp"

// 元 is the unit word Chinese writes after an amount in any currency (cues.csv
// `cjk_unit_word`): `美元50亿元` is USD 5bn, and `402.5亿元人民币` names its currency after
// the unit word. parse_figure refused both ("two currency markers"); the extractor then
// read `美元50亿元` as 50亿元 CNY (silently wrong) and `402.5亿元人民币` not at all, saying
// nothing (silently lost).

using namespace finmetrics;

namespace {

std::string reading(std::string_view text) {
  const auto r = parse_figure(text);
  if (!r) return "error: " + r.error().message;
  return r->value.to_string() + " " + r->unit.to_string() + " " + r->currency_marker + " " +
         std::to_string(r->currency_span.begin) + "," + std::to_string(r->currency_span.end);
}

}  // namespace

TEST_CASE("a Chinese currency name before the number, 元 after it", "[parse][cjk]") {
  CHECK(reading("美元50亿元") == "5000000000 USD 美元 0,6");
  CHECK(reading("欧元50亿元") == "5000000000 EUR 欧元 0,6");
  CHECK(reading("港币50亿元") == "5000000000 HKD 港币 0,6");
  CHECK(reading("日元3000亿元") == "300000000000 JPY 日元 0,6");
  CHECK(reading("人民币50亿元") == "5000000000 CNY 人民币 0,9");
  // Two names are still two markers, and 元 alone is still the yuan.
  CHECK(reading("美元50亿港元") == "error: two currency markers: '美元' and '港元'");
  CHECK(reading("50亿元") == "5000000000 CNY 元 5,8");
}

TEST_CASE("元 then the currency's name", "[parse][cjk]") {
  CHECK(reading("402.5亿元人民币") == "40250000000 CNY 人民币 11,20");
  CHECK(reading("50亿元港币") == "5000000000 HKD 港币 8,14");
  CHECK(reading("50元人民币") == "50 CNY 人民币 5,14");
  // Apart, the name is a second marker: refused.
  CHECK(reading("50亿元 人民币") == "error: two currency markers: '元' and '人民币'");
}

TEST_CASE("the extractor reads them in running text", "[parse][cjk][extract]") {
  using test::Money;
  CHECK(test::money("净利润为402.5亿元人民币，同比增长15%。另以美元50亿元回购股份，港币50亿元派息。") ==
        std::vector<Money>{{"402.5亿元人民币", "40250000000", "CNY", "explicit"},
                           {"美元50亿元", "5000000000", "USD", "explicit"},
                           {"港币50亿元", "5000000000", "HKD", "explicit"}});
  CHECK(test::skipped("净利润为402.5亿元人民币。").empty());
}
