// Forms of unseen text read silently wrong or passed over before, each pinned: a rupee
// marker with a full stop glued to its number (`Rs.1,234.56 Cr.`), a price per unit of
// a good (`$84.94/bbl`), and names that are no company (`Canada`, `the Company`, `Cr`).

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"

using namespace finmetrics;

namespace {

struct Read {
  std::string text, kind, value, unit, source;
  bool operator==(const Read&) const = default;
};

// Every figure of `text`: as written, its kind, value, unit (a unit price's good
// included, as the JSON writes it) and how its currency was decided.
std::vector<Read> reads(std::string_view text, const ExtractOptions& options = {}) {
  std::vector<Read> out;
  for (const auto& f : extract_figures(text, options).figures) {
    std::string unit = f.unit.to_string();
    if (f.kind == FigureKind::unit_price) unit += " per " + f.unit.noun;
    out.push_back({f.text, std::string(to_string(f.kind)), f.quoted ? f.quoted->value.to_string() : "", unit,
                   f.currency_source == CurrencySource::none ? "" : std::string(to_string(f.currency_source))});
  }
  return out;
}

std::vector<std::string> entities(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& f : extract_figures(text).figures) out.push_back(f.context.entity.value);
  return out;
}

}  // namespace

TEST_CASE("a marker ending in a full stop glued to its number starts the figure", "[extract][breadth][forms]") {
  // Was passed over: the digit after `Rs.` was taken for the inside of a token (`v1.2`).
  CHECK(reads("Reliance reported a net profit of Rs.1,234.56 Cr. for the quarter, against Rs.1,100 Cr. a year ago.") ==
        std::vector<Read>{{"Rs.1,234.56 Cr", "money", "12345600000", "INR", "explicit"},
                          {"Rs.1,100 Cr", "money", "11000000000", "INR", "explicit"}});
  CHECK(reads("Revenue was Rs.1,234 crore.") == std::vector<Read>{{"Rs.1,234 crore", "money", "12340000000", "INR", "explicit"}});
  // Tokens stay tokens: a version, an abbreviation that is no marker.
  CHECK(reads("It runs v1.2 and Inc.5 builds.").empty());
}

TEST_CASE("a price per unit of a good keeps its unit", "[extract][breadth][forms]") {
  // Was `$84.94` money, USD: the per-barrel unit lost.
  CHECK(reads("Brent rose 2% to $84.94/bbl, and Henry Hub gas traded at $2.61/MMBtu.") ==
        std::vector<Read>{{"2%", "percent", "2", "%", ""},
                          {"$84.94/bbl", "unit_price", "84.94", "USD per barrel", "default"},
                          {"$2.61/MMBtu", "unit_price", "2.61", "USD per MMBtu", "default"}});
  CHECK(reads("Oil hit $85 a barrel; copper $9,500 per tonne; gold $2,300 an ounce; fuel R$ 3.92 per liter.") ==
        std::vector<Read>{{"$85 a barrel", "unit_price", "85", "USD per barrel", "default"},
                          {"$9,500 per tonne", "unit_price", "9500", "USD per tonne", "default"},
                          {"$2,300 an ounce", "unit_price", "2300", "USD per troy ounce", "default"},
                          {"R$ 3.92 per liter", "unit_price", "3.92", "BRL per litre", "explicit"}});
  // Not a good: per share stays per share, a currency after `per` an exchange rate, a
  // word that is no unit ends the amount.
  CHECK(reads("It paid $0.50 per share and spent $3bn a year.") ==
        std::vector<Read>{{"$0.50 per share", "per_share", "0.50", "USD per share", "default"},
                          {"$3bn", "money", "3000000000", "USD", "default"}});
  CHECK(reads("The rate was $1.08 per euro.").empty());
  CHECK(reads("Shares were $12/barrelhouse.") == std::vector<Read>{{"$12", "money", "12", "USD", "default"}});
}

TEST_CASE("places, a text's term for its issuer and words of a figure name no company", "[extract][breadth][entity]") {
  // Were `Company`, `Canada` and `Company`.
  CHECK(entities("Company revenue rose 12% to $4.2 billion. Canada accounted for $1.1 billion of sales, the Company "
                 "said.") == std::vector<std::string>{"", "", ""});
  // In a longer name a place is part of it.
  CHECK(entities("Canada Goose said revenue rose to C$1.3 billion.") == std::vector<std::string>{"Canada Goose"});
  // Were `Rs` and `Cr`.
  CHECK(entities("Tata Motors said sales were Rs. 500 Cr in March.") == std::vector<std::string>{"Tata Motors"});
  CHECK(entities("Henry Hub gas traded at $2.61 per MMBtu.") == std::vector<std::string>{"Henry Hub"});
  // `Hong Kong-listed` is an adjective.
  CHECK(entities("BYD said its Hong Kong-listed shares rose 2.3%.") == std::vector<std::string>{"BYD"});
}

TEST_CASE("sen in a text about yen is refused, never read as ringgit", "[extract][breadth][forms]") {
  // Was 0.45 MYR per share: `sen` is the ringgit's hundredth, and the yen's.
  const Extraction yen = extract_figures(
      "Toyota Motor said it would pay a year-end dividend of 45 sen per share. The yen weakened to 151 per dollar.");
  CHECK(yen.figures.empty());
  REQUIRE(yen.skipped.size() == 1);
  CHECK(yen.skipped[0].message ==
        "byte 54: '45 sen per share': 'sen' is a hundredth of MYR and of JPY; the text names JPY and not MYR: not read");
  // A Malaysian text, or one that names no other currency of `sen`, reads ringgit.
  CHECK(reads("Maybank declared a dividend of 45 sen per share, or RM5.4 billion.") ==
        std::vector<Read>{{"45 sen per share", "per_share", "0.45", "MYR per share", "explicit"},
                          {"RM5.4 billion", "money", "5400000000", "MYR", "explicit"}});
  CHECK(reads("A dividend of 30 sen a share was paid.") ==
        std::vector<Read>{{"30 sen a share", "per_share", "0.30", "MYR per share", "explicit"}});
}

TEST_CASE("a peso the document names is that peso; otherwise refused with the reason", "[extract][breadth][forms]") {
  const std::string which = "ambiguous currency 'pesos': which peso (MXN, PHP, ARS, CLP, COP)? write the ISO code";
  // Was a number without currency: `Mexican pesos` is MXN.
  CHECK(reads("Cemex reported revenue of 210.9 billion Mexican pesos. Net income was 12.4 billion pesos.") ==
        std::vector<Read>{{"210.9 billion Mexican pesos", "money", "210900000000", "MXN", "explicit"},
                          {"12.4 billion pesos", "money", "12400000000", "MXN", "document"}});
  const Extraction doc = extract_figures("Cemex reported revenue of 210.9 billion Mexican pesos. Net income was 12.4 "
                                         "billion pesos.");
  REQUIRE(doc.figures.size() == 2);
  REQUIRE(doc.figures[1].currency_evidence);
  CHECK(doc.figures[1].currency_evidence->marker == "210.9 billion Mexican pesos");
  CHECK(reads("The peso loan of MXN 3bn was repaid; revenue was 8 billion pesos.") ==
        std::vector<Read>{{"MXN 3bn", "money", "3000000000", "MXN", "explicit"},
                          {"8 billion pesos", "money", "8000000000", "MXN", "document"}});
  // Nothing says which, or two pesos: refused.
  const Extraction alone = extract_figures("The company reported revenue of 210.9 billion pesos for the year.");
  CHECK(alone.figures.empty());
  REQUIRE(alone.skipped.size() == 1);
  CHECK(alone.skipped[0].message == "byte 32: '210.9 billion pesos': " + which);
  const Extraction two = extract_figures("Ayala earned 20 billion Philippine pesos; Cemex 3 billion Mexican pesos; "
                                         "the fund 12.4 billion pesos.");
  CHECK(two.figures.size() == 2);
  REQUIRE(two.skipped.size() == 1);
  CHECK(two.skipped[0].message == "byte 82: '12.4 billion pesos': " + which);
}

TEST_CASE("a table header's currency and scale make the plain numbers under it money", "[extract][breadth][forms]") {
  // Were plain numbers: the header `(₹ in crore)` or `(HK$'000)` was not read.
  const std::string text =
      "Consolidated results (\xE2\x82\xB9 in crore)\n"
      "Revenue from operations\t2,31,886\t2,10,831\n"
      "Net profit\t17,394\t16,011\n"
      "\n"
      "(HK$'000)\t2024\t2023\n"
      "Revenue\t1,234,567\t1,100,000\n"
      "\n"
      "Revenue rose 5% to 1,234 units and 90,000 visitors came.\n";
  CHECK(reads(text) == std::vector<Read>{{"2,31,886", "money", "2318860000000", "INR", "document"},
                                         {"2,10,831", "money", "2108310000000", "INR", "document"},
                                         {"17,394", "money", "173940000000", "INR", "document"},
                                         {"16,011", "money", "160110000000", "INR", "document"},
                                         {"1,234,567", "money", "1234567000", "HKD", "document"},
                                         {"1,100,000", "money", "1100000000", "HKD", "document"},
                                         {"5%", "percent", "5", "%", ""},
                                         {"1,234 units", "count", "1234", "units", ""},
                                         {"90,000 visitors", "count", "90000", "visitors", ""}});
  const Extraction e = extract_figures(text);
  REQUIRE(e.figures.at(4).currency_evidence);
  CHECK(e.figures[4].currency_evidence->marker == "(HK$'000)");
  // "in millions": a plural scale; the header's word is no figure of its own (was a
  // vague `millions`, and the numbers under it plain).
  CHECK(reads("Income statement\n(RMB in millions)\nRevenues\t161,117\t149,208\n") ==
        std::vector<Read>{{"161,117", "money", "161117000000", "CNY", "document"},
                          {"149,208", "money", "149208000000", "CNY", "document"}});
  // The scale first ("Millions of yen"), glued to the marker ("US$m"), after "in".
  CHECK(reads("(Millions of yen)\nNet revenues\t45,095,325\n\n(US$m)\nRevenue\t16,234\n\n(in HK$ million)\nRevenue\t1,234\n") ==
        std::vector<Read>{{"45,095,325", "money", "45095325000000", "JPY", "document"},
                          {"16,234", "money", "16234000000", "USD", "document"},
                          {"1,234", "money", "1234000000", "HKD", "document"}});
  // A family word is the dollar a bare `$` of the text is read as: here the default's (never certain;
  // was no currency); a bracket in running text is no header.
  CHECK(reads("(in millions of dollars)\nRevenue\t16,234\n") ==
        std::vector<Read>{{"16,234", "money", "16234000000", "USD", "default"}});
  CHECK(reads("The figures (in US$ millions) are unaudited.\nRevenue was 16,234.\n") ==
        std::vector<Read>{{"millions", "number", "", "", ""}, {"16,234", "number", "16234", "", ""}});
  // A bracket that is no unit header leaves the numbers alone.
  CHECK(reads("Results (unaudited)\nRevenue\t90,000\n") == std::vector<Read>{{"90,000", "number", "90000", "", ""}});
}
