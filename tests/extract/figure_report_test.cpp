#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "finmetrics/claims/claim.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/figure_report.hpp"
#include "shared_data.hpp"
#include "test_issuers.hpp"

using namespace finmetrics;

namespace {

constexpr std::string_view article =
    "In the 15 months since he took the top jobs, Alibaba's Wu has spent Rmb81bn ($11bn) on capital "
    "expenditure.\nThe shares hit a record high.\nProfits were exceeding $858 billion.";

Extraction extract_dated() { return extract_figures(article, test::with_alibaba(Date{2025, 3, 17})); }

}  // namespace

TEST_CASE("the draft claims file has the checker's header, one row per figure, and pairs linked", "[extract][report]") {
  const std::string csv = draft_claims_csv(extract_dated(), article, "ft.txt");
  const std::string expected =
      "id,document,quote,figure,entity,listing,segment,metric,period,as_of,relation,notes\n"
      "E1,ft.txt,\"In the 15 months since he took the top jobs, Alibaba's Wu has spent Rmb81bn ($11bn) on capital "
      "expenditure.\",Rmb81bn,Alibaba,,,capex,FY2024 Q3..FY2025 Q3,2025-03-17,,\"draft by finmetrics extract: "
      "money 81000000000 CNY; confidence entity 0.9, metric 0.8, period 0.6\"\n"
      "E2,ft.txt,\"In the 15 months since he took the top jobs, Alibaba's Wu has spent Rmb81bn ($11bn) on capital "
      "expenditure.\",$11bn,Alibaba,,,fx_conversion,FY2024 Q3..FY2025 Q3,2025-03-17,converts:E1,\"draft by "
      "finmetrics extract: money 11000000000 USD; confidence entity 0.9, metric 0.9, period 0.6\"\n"
      "E4,ft.txt,Profits were exceeding $858 billion.,$858 billion,Alibaba,,,net_income,,2025-03-17,,\"draft by "
      "finmetrics extract: money 858000000000 USD; hedged by 'exceeding'; confidence entity 0.4, metric 0.8, "
      "period 0.0\"\n";
  CHECK(csv == expected);
}

TEST_CASE("the checker's loader reads every row of a drafted seed article without a row error", "[extract][report]") {
  FINMETRICS_REQUIRE_SHARED("seeds/001_176cb876e40a5867.txt");
  for (const char* seed : {"000_4be4fd45a4304e2c", "001_176cb876e40a5867", "002_af63c1e32f5ec212",
                           "003_86dc9b19e2eddc32", "004_893f16c0d21005b9"}) {
    std::ifstream in(test::shared_path(fmt::format("seeds/{}.txt", seed)), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const Extraction e = extract_figures(text.str());
    const std::string csv = draft_claims_csv(e, text.str(), seed);
    ClaimsOptions options;
    options.calendar = FiscalCalendar{date::March};  // the seeds' issuer: data/alibaba/issuer.json
    auto claims = parse_claims_csv(csv, seed, options);
    INFO(seed);
    REQUIRE(claims);
    CHECK(claims->row_errors.empty());
    std::size_t records = 0;
    for (const auto& f : e.figures) records += f.kind == FigureKind::record ? 1 : 0;
    CHECK(claims->claims.size() == e.figures.size() - records);
  }
}

TEST_CASE("the JSON report names every field of a figure", "[extract][report]") {
  const std::string_view text = "Revenue rose 13% to Rmb81bn.";
  const std::string json = figures_json(extract_figures(text), text);
  const auto j = nlohmann::json::parse(json);
  CHECK(j["article_date"].is_null());
  CHECK(j["input"]["format"] == "text");
  CHECK(j["input"]["spans"] == "UTF-8 byte offsets into the text as given");
  CHECK(j["input"]["invalid_bytes_replaced"] == 0);
  REQUIRE(j["figures"].size() == 2);
  const auto& f = j["figures"][0];
  CHECK(f["id"] == "E1");
  CHECK(f["begin"] == 13);
  CHECK(f["end"] == 16);
  CHECK(f["text"] == "13%");
  CHECK(f["kind"] == "percent");
  CHECK(f["word_form"] == false);
  CHECK(f["value"] == "13");
  CHECK(f["upper"].is_null());
  CHECK(f["unit"] == "%");
  CHECK(f["qualifier"] == "");
  CHECK(f["interval"] == "[12.5, 13.5)");
  CHECK(f["linked"].is_null());
  CHECK(f["currency"].is_null());
  CHECK(f["currency_source"].is_null());
  CHECK(f["sentence"] == "Revenue rose 13% to Rmb81bn.");
  CHECK(f["context"]["metric"] == nlohmann::json{{"value", "revenue_growth"}, {"confidence", 0.7}, {"evidence", "Revenue"}});
  const auto& m = j["figures"][1];
  CHECK(m["currency"] == "CNY");
  CHECK(m["currency_source"] == "explicit");
  CHECK(m["currency_certain"] == true);
  CHECK(m["currency_evidence"].is_null());
  CHECK(json.rfind("{\"article_date\":null,\"input\":{", 0) == 0);
}

TEST_CASE("the JSON report is valid UTF-8 for any input bytes", "[extract][report]") {
  // Invalid bytes inside a figure's sentence, words and text: written as U+FFFD.
  const std::string text = "Sales \xff\xfe rose 5% to $3bn \xc3(\xed\xa0\x80.";
  const std::string json = figures_json(extract_figures(text), text);
  const auto j = nlohmann::json::parse(json);  // throws on invalid UTF-8
  REQUIRE(j["figures"].size() == 2);
  CHECK(j["figures"][0]["sentence"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);
  // Read as the CLI reads it: invalid bytes replaced first, and counted.
  const ArticleText a = plain_article(text);
  CHECK(a.info.invalid_bytes_replaced == 6);
  const auto k = nlohmann::json::parse(figures_json(extract_figures(a.text), a.text, a.info));
  CHECK(k["input"]["invalid_bytes_replaced"] == 6);
  CHECK(k["figures"][1]["text"] == "$3bn");
  CHECK(k["figures"][1]["begin"] == a.text.find("$3bn"));
}
