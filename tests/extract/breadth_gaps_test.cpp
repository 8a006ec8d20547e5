#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "shared_data.hpp"

// Silent misreadings of unseen text, each pinned by itself: a bare `$` about a US
// company after a Hong Kong paragraph, `cents on the dollar`, the rand's `R`,
// Chinese hedges written onto the number, and the entity guess of a sentence's
// capitalised first word.

using namespace finmetrics;

using test::Money;
using test::money;
using test::skipped;

TEST_CASE("a bare $ about another company than the document's HK$ paragraphs keeps the default dollar",
          "[extract][breadth][currency_source]") {
  // Was HKD: the Hong Kong paragraph's HK$ decided a US company's `$` below it.
  const std::string text =
      "Tencent Holdings said net profit rose 12% to HK$50.2 billion. Its shares closed at HK$380.\n"
      "Microsoft reported revenue of $65.6 billion for the quarter, up 16%.\n";
  const auto got = money(text);
  CHECK(got == std::vector<Money>{{"HK$50.2 billion", "50200000000", "HKD", "explicit"},
                                  {"HK$380", "380", "HKD", "explicit"},
                                  {"$65.6 billion", "65600000000", "USD", "default"}});
  const Extraction e = extract_figures(text);
  REQUIRE(e.figures.size() == 5);
  CHECK(e.figures[3].currency_source == CurrencySource::default_);
  CHECK_FALSE(e.figures[3].currency_evidence);
  // The same company in a later paragraph, or a paragraph that names none, keeps the document's.
  CHECK(money("Tencent Holdings said net profit rose 12% to HK$50.2 billion.\n\n"
              "Its shares closed at $380, and Tencent said capital spending would reach $20 billion.\n\n"
              "Analysts at Morgan Stanley set a target of $450.\n") ==
        std::vector<Money>{{"HK$50.2 billion", "50200000000", "HKD", "explicit"},
                           {"$380", "380", "HKD", "document"},
                           {"$20 billion", "20000000000", "HKD", "document"},
                           {"$450", "450", "HKD", "document"}});  // the analysts' firm is not whose target it is
  // In the marker's own paragraph a figure about another company than the marker's is
  // HKD or USD: refused with both, never guessed (was HKD, document).
  const std::string same_paragraph = "Tencent earned HK$50bn while Microsoft earned $20bn.\n";
  CHECK(money(same_paragraph) == std::vector<Money>{{"HK$50bn", "50000000000", "HKD", "explicit"}});
  CHECK(skipped(same_paragraph) ==
        std::vector<std::string>{"byte 46: '$20bn': '$' may be the HKD of 'HK$50bn' (about Tencent) in its paragraph or "
                                 "another dollar (it is about Microsoft): not read (use --dollar CODE)"});
  // About the marker's company, a defined term (`the Stock Exchange`) or none: the document's.
  CHECK(money("Tencent earned HK$50bn, and Tencent spent $20bn. Turnover on the Stock Exchange was $127bn. It "
              "paid $3bn.\n") ==
        std::vector<Money>{{"HK$50bn", "50000000000", "HKD", "explicit"},
                           {"$20bn", "20000000000", "HKD", "document"},
                           {"$127bn", "127000000000", "HKD", "document"},
                           {"$3bn", "3000000000", "HKD", "document"}});
  // An issuer passed in is the same company under its alias.
  ExtractOptions o;
  IssuerNames tencent;
  tencent.name = "Tencent Holdings";
  tencent.aliases = {"Tencent"};
  o.issuers = {tencent};
  CHECK(money("Tencent Holdings earned HK$50bn.\nTencent spent $20bn on servers.\n", o) ==
        std::vector<Money>{{"HK$50bn", "50000000000", "HKD", "explicit"}, {"$20bn", "20000000000", "HKD", "document"}});
}

TEST_CASE("minor units per unit of a currency are a ratio, refused with it, never money",
          "[extract][breadth][ratio]") {
  // Was USD 0.30 and USD 0.45.
  const std::string text =
      "Creditors were paid 30 cents on the dollar, and bondholders got 45 cents on the euro. "
      "Unsecured creditors will receive 90p in the pound, or 12.5 cents for every dollar owed.";
  CHECK(money(text).empty());
  CHECK(skipped(text) ==
        std::vector<std::string>{
            "byte 20: '30 cents on the dollar': a ratio (30% of the amount), not an amount: not read",
            "byte 64: '45 cents on the euro': a ratio (45% of the amount), not an amount: not read",
            "byte 119: '90p in the pound': a ratio (90% of the amount), not an amount: not read",
            "byte 140: '12.5 cents for every dollar': a ratio (12.5% of the amount), not an amount: not read"});
  // Cents before anything else stay money, and so do pence in a place.
  CHECK(money("It paid a dividend of 30 cents on Monday.") ==
        std::vector<Money>{{"30 cents", "0.30", "USD", "default"}});
  CHECK(money("Shares rose 2p to 412p in London.") ==
        std::vector<Money>{{"2p", "0.02", "GBP", "explicit"}, {"412p", "4.12", "GBP", "explicit"}});
}

TEST_CASE("the rand's R is money with a scale or a thousands group, and nowhere else", "[extract][breadth][rand]") {
  CHECK(money("Naspers said revenue rose to R5.2bn, while Sasol spent R1 200 million and R 3.4 million, and "
              "paid R1,250 a share.") ==
        std::vector<Money>{{"R5.2bn", "5200000000", "ZAR", "explicit"},
                           {"R1 200 million", "1200000000", "ZAR", "explicit"},
                           {"R 3.4 million", "3400000", "ZAR", "explicit"},
                           {"R1,250 a share", "1250", "ZAR", "explicit"}});
  // Names and labels: no money, and the short ones not even a refusal.
  const std::string names = "Spending on R&D rose. The R2 of the model was 0.8 in Q3 R1, beside DeepSeek's R1 and grade 5 R.";
  CHECK(money(names).empty());
  CHECK(skipped(names).empty());
  // A plain amount may be one: refused and listed, never read.
  CHECK(money("Tickets cost R250.").empty());
  CHECK(skipped("Tickets cost R250.") ==
        std::vector<std::string>{"byte 13: 'R250': a one-letter currency marker without a scale or a thousands group "
                                 "may be a name or a label: not read"});
  // R$ is still the real, and the Portuguese scale is read with it (read "R$5" it was a
  // millionth of the amount).
  CHECK(money("Receita de R$5 milhões, or R$5 million.") ==
        std::vector<Money>{{"R$5 milhões", "5000000", "BRL", "explicit"}, {"R$5 million", "5000000", "BRL", "explicit"}});
}

TEST_CASE("a Chinese hedge written onto the number keeps its meaning", "[extract][breadth][cjk]") {
  const Extraction e = extract_figures("腾讯收入约两万亿港元，毛利率近60%，净利润逾300亿元。");
  REQUIRE(e.figures.size() == 3);
  CHECK(e.figures[0].text == "约两万亿港元");
  CHECK(e.figures[0].qualifier == Qualifier::about);
  CHECK(e.figures[1].text == "近60%");
  CHECK(e.figures[1].qualifier == Qualifier::nearly);
  CHECK(e.figures[1].interval->to_string() == "[57, 60)");
  CHECK(e.figures[2].text == "逾300亿元");
  CHECK(e.figures[2].qualifier == Qualifier::over);
  CHECK(e.figures[2].unit.currency->code() == "CNY");
}

TEST_CASE("a metric's modifier that starts a sentence is no company", "[extract][breadth][entity]") {
  const auto entity_of = [](std::string_view text) {
    const Extraction e = extract_figures(text);
    REQUIRE_FALSE(e.figures.empty());
    return e.figures.front().context.entity.value;
  };
  // Was "Consolidated", "Basic", "Third-quarter".
  CHECK(entity_of("Consolidated net profit rose 12% to Rs 5,000 crore.") == "");
  CHECK(entity_of("Basic earnings per share were RMB5.79.") == "");
  CHECK(entity_of("Third-quarter revenue rose 12%.") == "");
  CHECK(entity_of("Reliance Industries said consolidated net profit rose 12%. Consolidated revenue rose 5%.") ==
        "Reliance Industries");
  // Within a longer name the word is part of it.
  CHECK(entity_of("SoftBank Group swung to a profit of 1.18 trillion yen.") == "SoftBank Group");
  CHECK(entity_of("Group revenue at Unilever rose 4%.") == "Unilever");
}

TEST_CASE("sentence ends, months and the article date read the lexicon's words", "[extract][breadth][lexicon]") {
  // The built-in abbreviations: "Inc." ends no sentence.
  const std::string_view t = "Acme Inc. said revenue rose. Profit fell.";
  CHECK(sentence_around(t, 0) == TextSpan{0, 28});
  CHECK(sentence_around(t, 30) == TextSpan{29, 41});
  CHECK(find_article_date("TOYOTA CITY, Japan, Nov. 6, 2024 - Toyota said") == (Date{2024, 11u, 6u}));
  CHECK(find_article_date("Six Months Ended September 30, 2024\nLONDON, Sept. 3, 2024 -") == (Date{2024, 9u, 3u}));
}

TEST_CASE("parse_figure reads a Chinese hedge written onto the number", "[extract][breadth][cjk][parse]") {
  const auto q = [](std::string_view t) { return parse_figure(t).value().qualifier; };
  CHECK(q("近60%") == Qualifier::nearly);
  CHECK(q("约两万亿港元") == Qualifier::about);
  CHECK(q("逾人民币300亿元") == Qualifier::over);
  CHECK(q("不到5%") == Qualifier::less_than);
  CHECK(parse_figure("约两万亿港元").value().value.to_string() == "2000000000000");
  CHECK_FALSE(parse_figure("近期"));
}

TEST_CASE("a change by X to Y is two figures, for bare signs too", "[extract][breadth][range]") {
  // Was one range [¥400bn, ¥13.2tn], and a bare $ re-read as the range under its one-figure text.
  CHECK(money("The forecast was raised by ¥400 billion to ¥13.2 trillion, with yen explained: 1 trillion yen.") ==
        std::vector<Money>{{"¥400 billion", "400000000000", "JPY", "document"},
                           {"¥13.2 trillion", "13200000000000", "JPY", "document"},
                           {"1 trillion yen", "1000000000000", "JPY", "explicit"}});
  const Extraction e = extract_figures("Sales rose by $400 billion to $13.2 trillion.");
  REQUIRE(e.figures.size() == 2);
  CHECK_FALSE(e.figures[0].quoted->upper);
  CHECK(e.figures[0].interval->to_string() == "[399500000000, 400500000000)");
  // The verb up to three words before "by".
  CHECK(money("It cut its forecast by $2bn to $10bn.") ==
        std::vector<Money>{{"$2bn", "2000000000", "USD", "default"}, {"$10bn", "10000000000", "USD", "default"}});
  CHECK(extract_figures("Toyota raised its full-year guidance by 2% to 5%.").figures.size() == 2);
  // Without "by" a fund-raising verb says nothing: a range.
  CHECK(money("Aramco raised $3bn to $4bn in a bond sale.") ==
        std::vector<Money>{{"$3bn to $4bn", "3000000000", "USD", "default"}});
  CHECK(extract_figures("Revenue is expected to grow by 3% to 4% next year.").figures.size() == 1);
}

TEST_CASE("an amount per a class of share is per share", "[extract][breadth][per_share]") {
  // Was money R$ 1.32.
  CHECK(money("Dividends of R$ 1.32 per preferred and common share and $0.50 per Class A share.") ==
        std::vector<Money>{{"R$ 1.32 per preferred and common share", "1.32", "BRL", "explicit"},
                           {"$0.50 per Class A share", "0.50", "USD", "default"}});
  const Extraction e = extract_figures("It pays R$ 1.32 per preferred share.");
  REQUIRE(e.figures.size() == 1);
  CHECK(e.figures[0].kind == FigureKind::per_share);
  // "per" before something else is no share.
  CHECK(extract_figures("It earned R$ 1.32 per common unit.").figures.at(0).kind == FigureKind::money);
}

TEST_CASE("a count noun of two plurals, and a dateline, read as written", "[extract][breadth][count][entity]") {
  const Extraction e = extract_figures("The bank added 1.18 lakh savings accounts in the quarter.");
  REQUIRE(e.figures.size() == 1);
  CHECK(e.figures[0].text == "1.18 lakh savings accounts");
  CHECK(e.figures[0].unit.to_string() == "savings accounts");
  // A dateline's place is no company: the entity is the one the text names after it.
  const Extraction d = extract_figures("Rome, November 7, 2024 - Revenues fell 11% to 56 billion euros.\n");
  REQUIRE(d.figures.size() == 2);
  CHECK(d.figures[0].context.entity.value == "");
  const Extraction t = extract_figures("TOKYO, November 8, 2024 - Sony Group said sales rose 9%.\n");
  REQUIRE(t.figures.size() == 1);
  CHECK(t.figures[0].context.entity.value == "Sony Group");
}

TEST_CASE("a bare $ in a sentence or clause that names another dollar's place keeps the default",
          "[extract][breadth][currency_source]") {
  // Was HKD: the Hong Kong paragraph's marker decided a US company's $ in its own paragraph.
  CHECK(money("Tencent's market value rose by HK$120 billion on Monday. In the US, Apple's shares fell 2% and it "
              "lost $70 billion in market value.\n") ==
        std::vector<Money>{{"HK$120 billion", "120000000000", "HKD", "explicit"},
                           {"$70 billion", "70000000000", "USD", "default"}});
  // A sentence with a marker: the figure's own clause decides.
  CHECK(money("Alibaba's New York-listed shares rose 3% to $85.20, while its Hong Kong stock gained 2.5% to HK$83.\n") ==
        std::vector<Money>{{"$85.20", "85.20", "USD", "default"}, {"HK$83", "83", "HKD", "explicit"}});
  // The document's own place keeps the document's dollar, whatever company is named.
  CHECK(money("HKEX earned HK$3.13bn.\nIn Hong Kong, Morgan Stanley set a target of $450.\n") ==
        std::vector<Money>{{"HK$3.13bn", "3130000000", "HKD", "explicit"}, {"$450", "450", "HKD", "document"}});
  // "us" the pronoun is no place.
  CHECK(money("HKEX earned HK$3.13bn. It told us that costs were $1bn.\n") ==
        std::vector<Money>{{"HK$3.13bn", "3130000000", "HKD", "explicit"}, {"$1bn", "1000000000", "HKD", "document"}});
}

TEST_CASE("an analyst's firm is no company a figure is about; an ADS listing is a US dollar place",
          "[extract][breadth][currency_source][entity]") {
  // Was USD (default) by the firm's name, and the firm the entity.
  const std::string hk = "Tencent Holdings said net profit rose 12% to HK$50.2 billion.\n";
  CHECK(money(hk + "Analysts at Morgan Stanley set a target of $450.\n") ==
        std::vector<Money>{{"HK$50.2 billion", "50200000000", "HKD", "explicit"}, {"$450", "450", "HKD", "document"}});
  CHECK(money(hk + "Jefferies analyst Edison Lee sees $470, and Morgan Stanley analysts $480.\n") ==
        std::vector<Money>{{"HK$50.2 billion", "50200000000", "HKD", "explicit"},
                           {"$470", "470", "HKD", "document"},
                           {"$480", "480", "HKD", "document"}});
  const Extraction e = extract_figures(hk + "Analysts at Morgan Stanley set a target of $450.\n");
  REQUIRE(e.figures.size() == 3);
  CHECK(e.figures[2].context.entity.value == "Tencent Holdings");
  // The ADSs trade in New York: their target is in US dollars, by default (never certain).
  CHECK(money(hk + "Analysts at Morgan Stanley set a target of $450 for the ADSs.\n") ==
        std::vector<Money>{{"HK$50.2 billion", "50200000000", "HKD", "explicit"}, {"$450", "450", "USD", "default"}});
}

TEST_CASE("a per-share metric before the amount makes it per share", "[extract][breadth][per_share]") {
  // Was money HK$2.47, RMB18.53, US$2.64, ...
  CHECK(money("Earnings per share were HK$2.47, and diluted EPS rose 8% to HK$2.40 (2023: HK$2.22).") ==
        std::vector<Money>{{"HK$2.47", "2.47", "HKD", "explicit"},
                           {"HK$2.40", "2.40", "HKD", "explicit"},
                           {"HK$2.22", "2.22", "HKD", "explicit"}});
  const Extraction e = extract_figures(
      "Diluted earnings per ADS was RMB18.53 (US$2.64) and diluted earnings per share was RMB2.32 (US$0.33 or "
      "HK$2.57). Revenue was RMB236.5 billion and the dividend per share came to HK$1.20, while profit was HK$3.10 "
      "billion.");
  std::vector<std::string> units;
  for (const auto& f : e.figures) units.push_back(std::string(to_string(f.kind)) + " " + f.unit.to_string());
  CHECK(units == std::vector<std::string>{"per_share CNY per ADS", "per_share USD per ADS", "per_share CNY per share",
                                          "per_share USD per share", "per_share HKD per share", "money CNY",
                                          "per_share HKD per share", "money HKD"});
  CHECK(e.figures[0].linked == 1u);
  // Another number between, or another sentence: no per share.
  CHECK(extract_figures("Earnings per share rose. Cash was HK$2.47.").figures.at(0).kind == FigureKind::money);
  CHECK(extract_figures("EPS rose on 3 contracts worth HK$2.47.").figures.back().kind == FigureKind::money);
}

TEST_CASE("digits in Indian groups are read as written, and say so", "[extract][breadth][count][locale]") {
  // Was passed over in silence.
  const Extraction e = extract_figures("The bank opened 1,18,000 savings accounts and has 12,34,567.5 customers.");
  REQUIRE(e.figures.size() == 2);
  CHECK(e.figures[0].text == "1,18,000 savings accounts");
  CHECK(e.figures[0].quoted->value.to_string() == "118000");
  CHECK(e.figures[0].unit.to_string() == "savings accounts");
  CHECK(e.figures[0].number_locale == NumberLocaleEvidence{"en-IN", "1,18,000", TextSpan{16, 24}});
  CHECK(e.figures[1].quoted->value.to_string() == "1234567.5");
  // English groups and a caller's locale are read as before, with no evidence.
  const Extraction en = extract_figures("The bank opened 118,000 savings accounts.");
  REQUIRE(en.figures.size() == 1);
  CHECK_FALSE(en.figures[0].number_locale);
  CHECK(extract_figures("It sold 1,18,000 units and 1,234 more.").figures.size() == 2);
}

TEST_CASE("the words of period phrases are the lexicon's", "[extract][breadth][period][lexicon]") {
  const std::string text = "Revenue rose 5% in the opening quarter of 2024. Profit rose 3% in the second quarter of 2024.";
  ExtractOptions o;
  o.article_date = Date{2024, 9u, 1u};
  const auto periods = [&](const ExtractOptions& options) {
    std::vector<std::string> out;
    for (const auto& f : extract_figures(text, options).figures) out.push_back(f.context.period.value);
    return out;
  };
  CHECK(periods(o) == std::vector<std::string>{"2024", "2024Q2"});
  // One line of data, no C++: "opening" names the first quarter.
  const auto dir = std::filesystem::temp_directory_path() / "finmetrics_period_words_lexicon";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(test::source_path("data/lexicon"), dir);
  std::ofstream(dir / "cues.csv", std::ios::app) << "opening,period_word,quarter_ordinal:1,\n";
  const Result<Lexicon> lex = Lexicon::load(dir);
  REQUIRE(lex.has_value());
  o.parse.lexicon = &*lex;
  CHECK(periods(o) == std::vector<std::string>{"2024Q1", "2024Q2"});
  std::filesystem::remove_all(dir);
}

TEST_CASE("second round of unseen passages: places, cents, comparisons, Swiss groups",
          "[extract][breadth][currency_source][per_share]") {
  // "In Australia, ..." among US$ and A$ markers was USD by default: the place's dollar, by its marker.
  const Extraction au = extract_figures(
      "Fortescue earned US$1.6 billion and paid A$1.5 billion.\nIn Australia, its shares fell 2.1% to $18.42, and "
      "capital spending will be US$3 billion.\n");
  REQUIRE(au.figures.size() == 5);
  CHECK(au.figures[3].text == "$18.42");
  CHECK(au.figures[3].unit.currency->code() == "AUD");
  CHECK(au.figures[3].currency_source == CurrencySource::document);
  CHECK(au.figures[3].currency_evidence == CurrencyEvidence{"A$1.5 billion", TextSpan{41, 54}, Currency::of("AUD")});
  // A short first clause that names a place governs the clause after it (was CAD, document).
  CHECK(money("RBC earned C$4.2 billion.\nIn New York, RBC's shares rose to $125.40, while in Toronto they closed at "
              "C$175.62.\n") ==
        std::vector<Money>{{"C$4.2 billion", "4200000000", "CAD", "explicit"},
                           {"$125.40", "125.40", "USD", "default"},
                           {"C$175.62", "175.62", "CAD", "explicit"}});
  // A place is no company of its own in the marker's paragraph (was refused as "about Singapore").
  CHECK(money("Shares of DBS rose to S$39.40 in Singapore, giving it a value of $112 billion.\n") ==
        std::vector<Money>{{"S$39.40", "39.40", "SGD", "explicit"}, {"$112 billion", "112000000000", "SGD", "document"}});
  // Cents beside rand, or in a text of rand with a dollar elsewhere: refused (were USD).
  const std::string za = "Naspers earned US$1.4 billion.\nStandard Bank declared 747 cents per share.\nSasol's turnover "
                         "fell to R249 billion and it cut its dividend to 200 cents.\n";
  CHECK(money(za) == std::vector<Money>{{"US$1.4 billion", "1400000000", "USD", "explicit"},
                                        {"R249 billion", "249000000000", "ZAR", "explicit"}});
  CHECK(skipped(za) == std::vector<std::string>{
                           "byte 54: '747 cents per share': cents of which currency? the text names ZAR, and no dollar "
                           "in their paragraph (use --dollar CODE)",
                           "byte 140: '200 cents': cents of which currency? its paragraph names ZAR and no dollar (use "
                           "--dollar CODE)"});
  // "per diluted share", and an amount compared with a per-share one (was money $1.23, $1.31).
  CHECK(money("Net income was $612 million, or $1.23 per diluted share. Non-GAAP EPS were $1.45, compared with $1.31. "
              "Revenue was $4.1 billion.") ==
        std::vector<Money>{{"$612 million", "612000000", "USD", "default"},
                           {"$1.23 per diluted share", "1.23", "USD", "default"},
                           {"$1.45", "1.45", "USD", "default"},
                           {"$1.31", "1.31", "USD", "default"},
                           {"$4.1 billion", "4100000000", "USD", "default"}});
  const Extraction us = extract_figures("Non-GAAP EPS were $1.45, compared with $1.31. Basic EPS rose to 45p from 41p.");
  REQUIRE(us.figures.size() == 4);
  for (const auto& f : us.figures) CHECK(f.kind == FigureKind::per_share);
  CHECK(parse_figure("$1.23 per diluted share").value().unit.per == Per::share);
  // Swiss groups in a text read as `en` by its decimal dots: refused as without it (was passed over).
  CHECK(skipped("Revenue was 12.5 million, and net debt rose by 1'234 million.") ==
        std::vector<std::string>{"byte 47: '1'234': '1'234' groups digits with ''', which only some locales write: set a "
                                 "locale (de, ...)"});
}
