#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"
#include "finmetrics/extract/figure_report.hpp"

// What the unseen passages (tests/extract/unseen) found read wrong, each fixed and
// pinned here by itself.

using namespace finmetrics;

using test::Money;
using test::money;

TEST_CASE("a bare $ written before any dollar marker is the default dollar, not the document's",
          "[extract][unseen][currency_source]") {
  // An HSBC-style release in US dollars that names HK$ once, further down: was HKD.
  CHECK(money("Profit before tax of $8.5bn was up. Deposits rose to HK$2.2 trillion, wealth to $1.3 trillion.") ==
        std::vector<Money>{{"$8.5bn", "8500000000", "USD", "default"},
                           {"HK$2.2 trillion", "2200000000000", "HKD", "explicit"},
                           {"$1.3 trillion", "1300000000000", "USD", "default"}});
  // A Hong Kong text that names HK$ first still decides its later $.
  CHECK(money("Revenue was HK$1.2bn; costs were $580 million.") ==
        std::vector<Money>{{"HK$1.2bn", "1200000000", "HKD", "explicit"}, {"$580 million", "580000000", "HKD", "document"}});
}

TEST_CASE("a bare $ in brackets after an amount in any currency is a conversion into the default dollar",
          "[extract][unseen][currency_source]") {
  // Reuters: was HKD, taken from the HK$ share price further down.
  CHECK(money("revenue of 92.5 billion yuan ($12.78 billion). Shares closed at HK$27.40.") ==
        std::vector<Money>{{"92.5 billion yuan", "92500000000", "CNY", "explicit"},
                           {"$12.78 billion", "12780000000", "USD", "default"},
                           {"HK$27.40", "27.40", "HKD", "explicit"}});
}

TEST_CASE("an equation of two currencies is an exchange rate, refused", "[extract][unseen][fx]") {
  const Extraction e = extract_figures("Reporting by Zhang Yan\n($1 = 7.1175 Chinese yuan renminbi)\n");
  CHECK(e.figures.empty());
  REQUIRE(e.skipped.size() == 1);
  CHECK(e.skipped[0].message ==
        "byte 29: '7.1175 Chinese yuan': an exchange rate, not an amount (in which currency depends on the market's "
        "convention): not read");
  CHECK(extract_figures("US$1 = HK$7.8").figures.empty());
}

TEST_CASE("hedges, markers and word anchors the unseen passages needed", "[extract][unseen]") {
  {
    const Extraction e = extract_figures("losses of as much as $350 billion, from as little as $5");
    REQUIRE(e.figures.size() == 2);
    CHECK(e.figures[0].text == "as much as $350 billion");
    CHECK(e.figures[0].interval->to_string() == "(-inf, 350000000000]");
    CHECK(e.figures[1].interval->to_string() == "[5, +inf)");
  }
  {
    const Extraction e = extract_figures("outflows could top $5bn this month");
    REQUIRE(e.figures.size() == 1);
    CHECK(e.figures[0].text == "top $5bn");
    CHECK(e.figures[0].interval->to_string() == "(5000000000, +inf)");
  }
  CHECK(money("net profit of Rp 40.8 trillion") ==
        std::vector<Money>{{"Rp 40.8 trillion", "40800000000000", "IDR", "explicit"}});
  // "A$" is a marker glued to its number, no article "A": not a word form.
  const Extraction a = extract_figures("A$9.84 billion");
  REQUIRE(a.figures.size() == 1);
  CHECK(a.figures[0].unit.to_string() == "AUD");
  CHECK_FALSE(a.figures[0].word_form);
}

TEST_CASE("a bare yen sign takes its paragraph's yen or yuan, else the document's when no word disagrees",
          "[extract][unseen][currency_source]") {
  // A roundup: yuan for one company, Sony's ¥ and "yen-denominated" further down: was CNY.
  const Extraction roundup = extract_figures(
      "Meituan's revenue rose to RMB93.6 billion.\nSony expects profit of ¥1.31 trillion; its yen-denominated bonds "
      "pay 0.5 per cent.\n");
  CHECK(money("Meituan's revenue rose to RMB93.6 billion.\nSony expects profit of ¥1.31 trillion; its "
              "yen-denominated bonds pay 0.5 per cent.\n") ==
        std::vector<Money>{{"RMB93.6 billion", "93600000000", "CNY", "explicit"}});
  REQUIRE(roundup.skipped.size() == 1);
  CHECK(roundup.skipped[0].message ==
        "byte 66: '¥1.31 trillion': '¥' names no single currency here: no option, and the text names several of its "
        "currencies (use --yen CODE)");
  // Its own paragraph's marker decides, whatever the rest of the text names.
  CHECK(money("Meituan earned RMB12.8 billion.\nSony earned 300 billion yen, and ¥80 billion came from games.") ==
        std::vector<Money>{{"RMB12.8 billion", "12800000000", "CNY", "explicit"},
                           {"300 billion yen", "300000000000", "JPY", "explicit"},
                           {"¥80 billion", "80000000000", "JPY", "document"}});
  // A release that names the yen in one paragraph and writes ¥ in the next.
  CHECK(money("Sales were 23.28 trillion yen.\nCurrency moves added ¥370.0 billion.") ==
        std::vector<Money>{{"23.28 trillion yen", "23280000000000", "JPY", "explicit"},
                           {"¥370.0 billion", "370000000000", "JPY", "document"}});
}

TEST_CASE("one unit of another currency after a relation makes an exchange rate; a table's unit is no figure",
          "[extract][unseen]") {
  const Extraction e = extract_figures("translations at the rate of RMB7.0176 to US$1.00, the noon buying rate");
  CHECK(e.figures.empty());
  REQUIRE(e.skipped.size() == 1);
  CHECK(e.skipped[0].message ==
        "byte 28: 'RMB7.0176 to US$1.00': an exchange rate, not an amount (in which currency depends on the market's "
        "convention): not read");
  CHECK(extract_figures("(in millions of RMB, except percentages)").figures.empty());
  CHECK(money("It paid millions of dollars in fines.") ==
        std::vector<Money>{{"millions of dollars", "", "USD", "default"}});
}

TEST_CASE("Chinese numerals in running text, and what is no figure", "[extract][unseen][cjk]") {
  CHECK(money("公司计划投资三千亿元。市值约两万亿港元。营收1.2万亿元。") ==
        std::vector<Money>{{"三千亿元", "300000000000", "CNY", "explicit"},
                           {"约两万亿港元", "2000000000000", "HKD", "explicit"},  // the hedge is kept
                           {"1.2万亿元", "1200000000000", "CNY", "explicit"}});
  const Extraction pct = extract_figures("净利润同比增长百分之十五，股价下跌百分之三点五。");
  REQUIRE(pct.figures.size() == 2);
  CHECK(pct.figures[0].text == "百分之十五");
  CHECK(pct.figures[0].kind == FigureKind::percent);
  CHECK(pct.figures[1].quoted->value == Decimal::parse("3.5").value());
  // Numerals with no unit or scale are no figures: ordinals, counters, words, times of day.
  CHECK(extract_figures("第三季度，一个用户，十五个城市，统一，三千名员工，他们三点到。").figures.empty());
}

TEST_CASE("a text that writes decimal dots and no decimal comma reads '1.234' the English way",
          "[extract][unseen][locale]") {
  // An earnings release: "RMB5.790" per share was refused as possibly 5790.
  CHECK(money("Revenue was RMB167.2 billion. Basic earnings per share were RMB5.790.") ==
        std::vector<Money>{{"RMB167.2 billion", "167200000000", "CNY", "explicit"},
                           {"RMB5.790", "5.790", "CNY", "explicit"}});
  // Alone, or beside a decimal comma, it stays refused.
  CHECK(extract_figures("Basic earnings per share were RMB5.790.").figures.empty());
  CHECK(money("It cost €1.234 and 45,00 zł, up 1.5%.").empty());
}

TEST_CASE("bare cents in a text that names no dollar but another currency are refused, never USD",
          "[extract][unseen][currency_source]") {
  const Extraction euro = extract_figures("Revenue was €19.9 billion and the dividend 90 cents a share.");
  CHECK(money("Revenue was €19.9 billion and the dividend 90 cents a share.") ==
        std::vector<Money>{{"€19.9 billion", "19900000000", "EUR", "explicit"}});
  REQUIRE(euro.skipped.size() == 1);
  CHECK(euro.skipped[0].message ==
        "byte 45: '90 cents a share': cents of which currency? the text names EUR and no dollar (use --dollar CODE)");
  // A text that names a dollar, or none at all, keeps its cents a dollar's.
  CHECK(money("BP earned $2bn and paid 8 cents a share.") ==
        std::vector<Money>{{"$2bn", "2000000000", "USD", "default"}, {"8 cents a share", "0.08", "USD", "default"}});
  CHECK(money("The dividend was 8 cents a share.") ==
        std::vector<Money>{{"8 cents a share", "0.08", "USD", "default"}});
  // The caller may say which: --dollar EUR.
  ExtractOptions eur;
  eur.dollar = Currency::of("EUR");
  const Extraction o = extract_figures("Revenue was €19.9 billion and the dividend 90 cents a share.", eur);
  REQUIRE(o.figures.size() == 2);
  CHECK(o.figures[1].unit.to_string() == "EUR per share");
}

TEST_CASE("a paragraph about another currency keeps its bare $ the default; a period's half is no share",
          "[extract][unseen][currency_source]") {
  // A roundup: HK$ for Xiaomi, then Wipro in rupees and a bare $: was HKD.
  CHECK(money("Xiaomi bought back shares for HK$211 million.\nWipro's net profit rose to Rs 3,209 crore; its IT "
              "revenue was $2.66 billion.\n") ==
        std::vector<Money>{{"HK$211 million", "211000000", "HKD", "explicit"},
                           {"Rs 3,209 crore", "32090000000", "INR", "explicit"},
                           {"$2.66 billion", "2660000000", "USD", "default"}});
  // A Hong Kong paragraph that names only its own dollar still decides.
  CHECK(money("Revenue was HK$1.2bn.\nProfit reached $580 million.") ==
        std::vector<Money>{{"HK$1.2bn", "1200000000", "HKD", "explicit"}, {"$580 million", "580000000", "HKD", "document"}});
  CHECK(extract_figures("Group net profit fell in the April-September half, it said.").figures.size() == 0);
  CHECK(extract_figures("Profit fell by half.").figures.size() == 1);
}

TEST_CASE("'Cr.' after an Indian amount is its scale; 'Bt' is the baht only glued", "[extract][unseen]") {
  CHECK(money("Rs. 1,234.56 Cr. in dues, a Bt1.2 billion loan, and Bt cotton 5 million farmers grow") ==
        std::vector<Money>{{"Rs. 1,234.56 Cr", "12345600000", "INR", "explicit"},
                           {"Bt1.2 billion", "1200000000", "THB", "explicit"}});
}

TEST_CASE("a figure whose value the text's decimal dots decided says so, with the number that showed it",
          "[extract][unseen][locale]") {
  const std::string text = "Revenue was RMB167.2 billion. Basic earnings per share were RMB5.790.";
  const Extraction e = extract_figures(text);
  REQUIRE(e.figures.size() == 2);
  CHECK_FALSE(e.figures[0].number_locale);  // 167.2 reads the same in every locale that writes it
  REQUIRE(e.figures[1].number_locale);
  CHECK(*e.figures[1].number_locale == NumberLocaleEvidence{"en", "167.2", TextSpan{15, 20}});
  const std::string json = figures_json(e, text);
  CHECK(json.find(R"("number_locale":{"locale":"en","source":"document","evidence":"167.2","begin":15,"end":20})") !=
        std::string::npos);
  CHECK(json.find(R"("number_locale":null)") != std::string::npos);
  CHECK(draft_claims_csv(e, text, "r.txt").find("number read as en because the text writes decimal dots ('167.2')") !=
        std::string::npos);
  CHECK(figures_table(e, text).find("; 1 read as en because the text writes decimal dots (no --locale)") !=
        std::string::npos);

  // A locale of the caller's decides alone: no evidence is kept.
  ExtractOptions en;
  en.parse.locale = "en";
  const Extraction given = extract_figures(text, en);
  REQUIRE(given.figures.size() == 2);
  CHECK_FALSE(given.figures[1].number_locale);
  CHECK(given.figures[1].quoted->value.to_string() == "5.790");
}
