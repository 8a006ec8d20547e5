#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "extracted_money.hpp"

// What a document says of a marker that names several currencies, read as the
// document's evidence (src/extract/currency_from_text.cpp, document_currencies.cpp,
// figures_from_candidates.cpp): `Rs` under a Pakistani or Sri Lankan dateline (was INR
// explicit), a bare `$` in the Australian press that writes `$US` (was USD), and cents
// beside a rand figure when the text's only dollar is a bare `$` (was USD default).

using namespace finmetrics;

using test::Money;
using test::money;
using test::skipped;

namespace {

struct Evidence {
  std::string text, currency, source, marker;
  bool operator==(const Evidence&) const = default;
};

std::vector<Evidence> evidence(const std::string& text) {
  std::vector<Evidence> out;
  for (const auto& f : extract_figures(text).figures) {
    if (!f.unit.is_money()) continue;
    out.push_back({f.text, std::string(f.unit.currency->code()), std::string(to_string(f.currency_source)),
                   f.currency_evidence ? f.currency_evidence->marker : ""});
  }
  return out;
}

}  // namespace

TEST_CASE("Rs under a Pakistani or Sri Lankan dateline is that rupee", "[extract][breadth][rupee]") {
  CHECK(evidence("KARACHI (Reuters) - Lucky Cement said net profit rose to Rs 12.4 billion in the quarter.\n") ==
        std::vector<Evidence>{{"Rs 12.4 billion", "PKR", "document", "KARACHI"}});
  CHECK(evidence("COLOMBO, May 9 (Reuters) - John Keells earned Rs. 4.1 billion and paid Rs 2 per share.\n") ==
        std::vector<Evidence>{{"Rs. 4.1 billion", "LKR", "document", "COLOMBO"},
                              {"Rs 2 per share", "LKR", "document", "COLOMBO"}});
  const auto kinds = extract_figures("LAHORE - Engro paid Rs 7 per share.\n").figures;
  REQUIRE(kinds.size() == 1);
  CHECK(kinds[0].kind == FigureKind::per_share);
  CHECK(kinds[0].quoted->value.to_string() == "7");
  // The words of the text decide before the dateline (and agree here).
  CHECK(money("KARACHI - Lucky Cement, which reports in Pakistani rupees, earned Rs 30.4 billion.\n") ==
        std::vector<Money>{{"Rs 30.4 billion", "30400000000", "PKR", "document"}});
  // India's rupee by a marker of its own keeps Rs India's, whatever the dateline.
  CHECK(money("KARACHI (Reuters) - Engro earned Rs 4.1 billion while Tata earned INR 40 billion.\n") ==
        std::vector<Money>{{"Rs 4.1 billion", "4100000000", "INR", "explicit"},
                           {"INR 40 billion", "40000000000", "INR", "explicit"}});
  // No dateline, or one of another place: as written.
  CHECK(money("MUMBAI (Reuters) - Reliance earned Rs 19,299 crore.\n") ==
        std::vector<Money>{{"Rs 19,299 crore", "192990000000", "INR", "explicit"}});
  CHECK(money("Engro earned Rs 4.1 billion.\n") == std::vector<Money>{{"Rs 4.1 billion", "4100000000", "INR", "explicit"}});
}

TEST_CASE("a bare $ in the press that writes $US is its own dollar", "[extract][breadth][dollar]") {
  CHECK(evidence("BHP Group earned $US13.7 billion in the year and paid $1.2 billion in tax, while its shares rose "
                 "45 cents to $43.10.\n") ==
        std::vector<Evidence>{{"$US13.7 billion", "USD", "explicit", ""},
                              {"$1.2 billion", "AUD", "document", "$US13.7 billion"},
                              {"45 cents", "AUD", "document", "$US13.7 billion"},
                              {"$43.10", "AUD", "document", "$US13.7 billion"}});
  // Before the first $US too: the press's convention holds for the whole text.
  CHECK(money("Woodside paid $2.1 billion in dividends; its revenue was $US13.9 billion.\n") ==
        std::vector<Money>{{"$2.1 billion", "2100000000", "AUD", "document"},
                           {"$US13.9 billion", "13900000000", "USD", "explicit"}});
  CHECK(money("Qantas earned $A1.2 billion and paid $300 million in dividends.\n") ==
        std::vector<Money>{{"$A1.2 billion", "1200000000", "AUD", "explicit"},
                           {"$300 million", "300000000", "AUD", "document"}});
  // New Zealand's press: its dateline (or its dollar named) makes the bare $ NZD.
  CHECK(evidence("WELLINGTON (Reuters) - Fonterra said it would pay $US1.2 billion, and farmers received $8.50 a "
                 "share.\n") ==
        std::vector<Evidence>{{"$US1.2 billion", "USD", "explicit", ""},
                              {"$8.50 a share", "NZD", "document", "$US1.2 billion"}});
  // Both local dollars named: refused.
  const std::string both = "Fonterra earned NZ$1.1 billion and Wesfarmers A$2.5 billion; exports were $US3 billion "
                           "and costs $900 million.\n";
  CHECK(money(both) == std::vector<Money>{{"NZ$1.1 billion", "1100000000", "NZD", "explicit"},
                                          {"A$2.5 billion", "2500000000", "AUD", "explicit"},
                                          {"$US3 billion", "3000000000", "USD", "explicit"}});
  CHECK(skipped(both) ==
        std::vector<std::string>{"byte 97: '$900 million': '$' in a text that writes the US dollar after its sign "
                                 "($US) is its local dollar, and the text names several: not read (use --dollar CODE)"});
  // The wire's A$ (before the sign) is no such press: a bare $ keeps the default there.
  CHECK(money("SYDNEY (Reuters) - BHP said underlying profit fell to $13.7 billion, while Fortescue earned A$2.1 "
              "billion.\n") == std::vector<Money>{{"$13.7 billion", "13700000000", "USD", "default"},
                                                  {"A$2.1 billion", "2100000000", "AUD", "explicit"}});
}

TEST_CASE("cents beside the rand and a bare $ only are refused", "[extract][breadth][cents]") {
  const std::string text = "JOHANNESBURG (Reuters) - Shoprite raised turnover to R249 billion and paid a dividend of "
                           "420 cents a share, while its US peer earned $2 billion.\n";
  CHECK(money(text) == std::vector<Money>{{"R249 billion", "249000000000", "ZAR", "explicit"},
                                          {"$2 billion", "2000000000", "USD", "default"}});
  CHECK(skipped(text) == std::vector<std::string>{"byte 89: '420 cents a share': cents of which currency? the text "
                                                  "names ZAR, and its dollar only by a bare '$' (use --dollar CODE)"});
  // Cents that move to the `$` amount of their sentence are that dollar's.
  CHECK(money("Naspers earned R22.3 billion. In New York, its ADRs rose 40 cents to $44.10.\n") ==
        std::vector<Money>{{"R22.3 billion", "22300000000", "ZAR", "explicit"},
                           {"40 cents", "0.40", "USD", "default"},
                           {"$44.10", "44.10", "USD", "default"}});
}

TEST_CASE("a unit header as the first cell of a table's header row governs the rows under it",
          "[extract][breadth][tables]") {
  // A Markdown table as markdown_article decodes it (the rule row a blank line).
  const std::string markdown = "(RMB in millions) ; 3Q2024 ; 3Q2023 ; YoY\n\nRevenues ; 167,193 ; 154,625 ; 8%\n"
                               "Gross profit ; 88,828 ; 75,644 ; 17%\n\nOutlook: capex of 2,000 units.\n";
  CHECK(evidence(markdown) == std::vector<Evidence>{{"167,193", "CNY", "document", "(RMB in millions)"},
                                                    {"154,625", "CNY", "document", "(RMB in millions)"},
                                                    {"88,828", "CNY", "document", "(RMB in millions)"},
                                                    {"75,644", "CNY", "document", "(RMB in millions)"}});
  CHECK(money(markdown)[0] == Money{"167,193", "167193000000", "CNY", "document"});
  // An HTML table: each row a paragraph of cells; "unless specified" qualifies the unit.
  const std::string html = "(RMB million, unless specified) ; 3Q2024 ; 3Q2023 ; YoY\n\nRevenue ; 92,507.4 ; "
                           "70,893.9 ; 30.5%\n\nGross profit ; 19,270.4 ; 15,468.4 ; 24.6%\n\nHeadcount: 42,000\n";
  CHECK(money(html) == std::vector<Money>{{"92,507.4", "92507400000", "CNY", "document"},
                                          {"70,893.9", "70893900000", "CNY", "document"},
                                          {"19,270.4", "19270400000", "CNY", "document"},
                                          {"15,468.4", "15468400000", "CNY", "document"}});
  // Column labels after a header that does not start its line: running text, no header.
  CHECK(money("The figures (RMB million) for 3Q2024 follow.\n\nRevenue ; 92,507.4\n").empty());
}

TEST_CASE("a bare yen sign in a paragraph of other currencies is not the yuan of another paragraph",
          "[extract][breadth][yen]") {
  // A roundup: Tencent's RMB paragraph, then a paragraph of Toyota's yen beside Reliance's rupees.
  const std::string roundup =
      "Tencent reported revenue of RMB660.3 billion for 2024.\n\n"
      "Toyota raised its operating profit forecast to ¥4.7 trillion, while Reliance's EBITDA rose to Rs 1,83,422 "
      "crore.\n";
  CHECK(money(roundup) == std::vector<Money>{{"RMB660.3 billion", "660300000000", "CNY", "explicit"},
                                             {"Rs 1,83,422 crore", "1834220000000", "INR", "explicit"}});  // ¥ was CNY
  CHECK(skipped(roundup) ==
        std::vector<std::string>{"byte 103: '¥4.7 trillion': '¥' names no single currency here: no option, and no "
                                 "explicit marker of its family in its paragraph (use --yen CODE)"});
  // The reader's translation in brackets is no other money: the text's yuan still holds.
  CHECK(money("Tencent reported revenue of RMB660.3 billion.\n\nIts gaming revenue was ¥130 billion, and it paid "
              "¥20 billion ($2.8 billion) in dividends.\n") ==
        std::vector<Money>{{"RMB660.3 billion", "660300000000", "CNY", "explicit"},
                           {"¥130 billion", "130000000000", "CNY", "document"},
                           {"¥20 billion", "20000000000", "CNY", "document"},
                           {"$2.8 billion", "2800000000", "USD", "default"}});
}

TEST_CASE("cents in a paragraph whose dollar markers name one dollar, in a text of several", "[extract][breadth][cents]") {
  const std::string text = "Hang Seng Bank earned HK$17.5bn.\n\nSINGAPORE - DBS Group earned S$11.4 billion, and paid a "
                           "dividend of 54 cents a share.\n";
  CHECK(evidence(text) == std::vector<Evidence>{{"HK$17.5bn", "HKD", "explicit", ""},
                                                {"S$11.4 billion", "SGD", "explicit", ""},
                                                {"54 cents a share", "SGD", "document", "S$11.4 billion"}});  // was USD
  // A bare $ amount on the line: which dollar the cents are is not the line's to say.
  CHECK(money("Hang Seng Bank earned HK$17.5bn.\n\nDBS earned S$11.4 billion and $2 billion elsewhere, and paid 54 "
              "cents a share.\n")
            .back() == Money{"54 cents a share", "0.54", "USD", "default"});
}

TEST_CASE("the naira sign by the document's own naira", "[extract][breadth][naira]") {
  CHECK(evidence("LAGOS - Dangote earned ₦456.3 billion, and MTN N1.2 trillion.\n") ==
        std::vector<Evidence>{{"₦456.3 billion", "NGN", "document", "N1.2 trillion"},  // was refused
                              {"N1.2 trillion", "NGN", "explicit", ""}});
  CHECK(evidence("LAGOS (Reuters) - Zenith Bank posted a profit before tax of ₦1.07 trillion.\n") ==
        std::vector<Evidence>{{"₦1.07 trillion", "NGN", "document", "LAGOS"}});
  CHECK(evidence("HANOI - Vinamilk's revenue was 61,783 billion ₫.\n") ==
        std::vector<Evidence>{{"61,783 billion ₫", "VND", "document", "HANOI"}});
  // Nothing names it: refused, never guessed.
  CHECK(skipped("Revenue was ₦5 billion.\n") ==
        std::vector<std::string>{"byte 12: '₦5 billion': ambiguous currency '₦': which naira (NGN)? write the ISO code"});
}

TEST_CASE("a bracketed cell under a unit header is that unit, negative", "[extract][breadth][tables]") {
  const std::string table = "(RMB in millions) ; 3Q2024 ; 3Q2023\n\nRevenues ; 167,193 ; 154,625\n"
                            "Net finance costs ; (1,234) ; (2,987)\n";
  CHECK(money(table) == std::vector<Money>{{"167,193", "167193000000", "CNY", "document"},
                                           {"154,625", "154625000000", "CNY", "document"},
                                           {"(1,234)", "-1234000000", "CNY", "document"},  // was the number -1234
                                           {"(2,987)", "-2987000000", "CNY", "document"}});
}

TEST_CASE("an empty bracket beside a word form is no table header", "[extract][breadth][tables]") {
  // Was std::out_of_range from unit_of (extract_figures never fails).
  const Extraction e = extract_figures("Sales were billions of dollars.\nNote ()\n");
  REQUIRE(e.figures.size() == 1);
  CHECK(e.figures[0].text == "billions of dollars");
  CHECK(extract_figures("Note ( ) and billions of dollars.\n").figures.size() == 1);
}

TEST_CASE("a price per tonne after a slash, and earnings per diluted share", "[extract][breadth][units]") {
  const auto figures = extract_figures("Copper traded at $9,000/t, and GAAP earnings per diluted share were $0.78.\n").figures;
  REQUIRE(figures.size() == 2);
  CHECK(figures[0].kind == FigureKind::unit_price);  // was money $9,000
  CHECK(figures[0].unit.noun == "tonne");
  CHECK(figures[0].quoted->value.to_string() == "9000");
  CHECK(figures[1].kind == FigureKind::per_share);  // was money
  CHECK(figures[1].quoted->value.to_string() == "0.78");
}
