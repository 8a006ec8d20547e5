#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/read_figure_at.hpp"

// Regional signs read as data rows of currencies.csv: the Peruvian sol's `S/` and
// `S/.` (a letter and a slash: the grammar's marker run takes the slash only so),
// Swiss coverage's `Fr.`, and the naira and dong signs, markers of one-member families
// that no reading without the document decides (normalize-v2 leaves them unparsed).

using namespace finmetrics;

namespace {

std::string read(const std::string& text) {
  const Result<QuotedFigure> r = parse_figure(text);
  if (!r) return "error: " + r.error().message;
  return r->value.to_string() + " " + r->unit.to_string() + " [" + r->currency_marker + "]";
}

}  // namespace

TEST_CASE("the Peruvian sol's S/ and S/. before a number", "[parse][breadth][markers]") {
  CHECK(read("S/ 412 million") == "412000000 PEN [S/]");
  CHECK(read("S/412 million") == "412000000 PEN [S/]");
  CHECK(read("S/. 412 million") == "412000000 PEN [S/.]");
  CHECK(read("S/ 612.50") == "612.50 PEN [S/]");
  // Other letters and slashes stay no marker.
  CHECK(read("A/ 5").rfind("error: ", 0) == 0);
  CHECK(read("and/or 5").rfind("error: ", 0) == 0);
  // In running text the figure starts at the sign.
  const std::string text = "Credicorp earned S/ 1,412 million.";
  const FigureStart start = figure_start_before(text, text.find('1'), ParseOptions{});
  CHECK(text.substr(start.marked, 2) == "S/");
  const Result<QuotedFigure> r = read_figure_at(text, start.marked, ParseOptions{});
  REQUIRE(r);
  CHECK(r->text == "S/ 1,412 million");
  CHECK(r->value.to_string() == "1412000000");
  CHECK(r->unit.currency == Currency::of("PEN"));
}

TEST_CASE("Fr. is the Swiss franc; the naira and dong signs name no currency alone", "[parse][breadth][markers]") {
  CHECK(read("Fr. 1.2 billion") == "1200000000 CHF [Fr.]");
  CHECK(read("francs 5") == "error: ambiguous currency 'francs': which franc (XOF, XAF, CDF, RWF, BIF, DJF, GNF, KMF, "
                             "FRF, BEF, LUF)? write the ISO code");
  CHECK(read("₦456.3 billion") == "error: ambiguous currency '₦': which naira (NGN)? write the ISO code");
  CHECK(read("1.2 trillion naira") == "error: ambiguous currency 'naira': which naira (NGN)? write the ISO code");
  CHECK(read("3,850 ₫") == "error: ambiguous currency '₫': which dong (VND)? write the ISO code");
  CHECK(read("N1.2 trillion") == "1200000000000 NGN [N]");
  CHECK(read("5 billion Nigerian naira") == "5000000000 NGN [Nigerian naira]");
  CHECK(read("62,849 billion dong") == "62849000000000 VND [dong]");
  CHECK(read("6.50 kr") == "error: ambiguous currency 'kr': which crown (SEK, NOK, DKK, CZK, ISK)? write the ISO code");
}

TEST_CASE("the Brazilian press's bi, mi and tri are scales only after a marker", "[parse][breadth][scales]") {
  CHECK(read("US$ 47.9 bi") == "47900000000 USD [US$]");  // was USD 47.9
  CHECK(read("R$ 350 mi") == "350000000 BRL [R$]");
  CHECK(read("R$350 mi") == "350000000 BRL [R$]");
  CHECK(read("R$ 2.1 tri") == "2100000000000 BRL [R$]");
  // No marker before the number: no scale ("5 mi" of road).
  CHECK(read("5 mi").rfind("5 ", 0) == 0);
  CHECK(read("5 mi").find("000") == std::string::npos);
}

TEST_CASE("FT-style crowns in either case", "[parse][breadth][markers]") {
  CHECK(read("Dkr 1.2bn") == "1200000000 DKK [Dkr]");
  CHECK(read("Nkr 2bn") == "2000000000 NOK [Nkr]");
  CHECK(read("Skr 3bn") == "3000000000 SEK [Skr]");
  CHECK(read("DKr 1.2bn") == "1200000000 DKK [DKr]");
}

TEST_CASE("an amount per unit of another currency is an exchange rate, refused", "[parse][breadth][rates]") {
  const auto at = [](const std::string& text, std::string_view figure) {
    const Result<QuotedFigure> r = read_figure_at(text, text.find(figure), ParseOptions{});
    return r ? "read " + r->text : r.error().message;
  };
  const std::string rate =
      "an exchange rate, not an amount (in which currency depends on the market's convention): not read";
  CHECK(at("The naira traded at N1,600/$ on Friday.", "N1,600") == rate);  // was NGN 1,600
  CHECK(at("The rupee was at Rs 84.07/$.", "Rs 84.07") == rate);
  CHECK(at("The yen was at 151.2/USD.", "151.2") == rate);
  CHECK(at("The euro was at $1.08/€.", "$1.08") == rate);
  // A price per unit of a good, or per share, is none.
  CHECK(at("Brent was at $84.94/bbl.", "$84.94") == "read $84.94");  // the extractor reads its good
  CHECK(at("a target of HK$5/share.", "HK$5") == "read HK$5/share");
}

TEST_CASE("plus or minus before a number is a tolerance, not a sign", "[parse][breadth][signs]") {
  const auto start = [](const std::string& text, std::string_view figure) {
    const FigureStart s = figure_start_before(text, text.find(figure), ParseOptions{});
    const Result<QuotedFigure> r = read_figure_at(text, s.marked, ParseOptions{});
    return r ? r->text + " " + r->value.to_string() : r.error().message;
  };
  CHECK(start("revenue of $37.5 billion, plus or minus 2%.", "2%") == "2% 2");  // was minus 2% = -2
  CHECK(start("a margin of 45%, plus/minus 3%.", "3%") == "3% 3");
  CHECK(start("Plus or minus 1% either way.", "1%") == "1% 1");
  CHECK(start("the return was minus 5% in the year.", "5%") == "minus 5% -5");
  CHECK(start("a surplus or minus 5% is none.", "5%") == "minus 5% -5");  // "surplus" is no "plus"
}

TEST_CASE("one letter after & or / is part of a name, not a marker", "[parse][breadth][markers]") {
  const std::string text = "The S&P 500 fell 1.2% and P&L 5 items.";
  const FigureStart s = figure_start_before(text, text.find("500"), ParseOptions{});
  CHECK(s.marked == text.find("500"));  // was 'P 500', refused as which peso
  const std::string peso = "Ayala earned P13.1 billion.";
  CHECK(figure_start_before(peso, peso.find("13.1"), ParseOptions{}).marked == peso.find("P13.1"));
}

TEST_CASE("a scale's currency after de, d' or di", "[parse][breadth][scales]") {
  CHECK(read("5 milliards d'euros") == "5000000000 EUR [euros]");  // was the number 5 billion
  CHECK(read("5 milliards d\u2019euros") == "5000000000 EUR [euros]");
  CHECK(read("5 miliardi di euro") == "5000000000 EUR [euro]");
  CHECK(read("5 bilhões de reais") == "5000000000 BRL [reais]");
  CHECK(read("3 mil millones de dólares") == "3000000000 USD [dólares]");  // "mil millones": a scale of two words
  CHECK(read("US$ 3 mil millones") == "3000000000 USD [US$]");
  // Pesos stay which peso (the extractor's document may say); no scale, no connector.
  CHECK(read("1 billón de pesos") ==
        "error: ambiguous currency 'pesos': which peso (MXN, PHP, ARS, CLP, COP)? write the ISO code");
  CHECK(read("5 de euros").rfind("error: ", 0) == 0);
  // "mil" alone after a marker is still refused (a million or a thousand).
  CHECK(read("RM1.2 mil") == "error: 'mil' after 'RM1.2' is a million in English press and a thousand in Spanish and "
                             "Portuguese: not read");
}

TEST_CASE("a one-letter scale before a name of a resolution or grade is none", "[parse][breadth][scales]") {
  CHECK(read("4K television") == "error: '4K' before 'television' is a name, not a scaled number");
  CHECK(read("2B pencil") == "error: '2B' before 'pencil' is a name, not a scaled number");
  CHECK(read("8K video") == "error: '8K' before 'video' is a name, not a scaled number");
  CHECK(read("4K") == "4000  []");
  CHECK(read("$4K TV") != "error: '$4K' before 'TV' is a name, not a scaled number");  // a currency: an amount
}

TEST_CASE("percent in other languages", "[parse][breadth][units]") {
  ParseOptions de;
  de.locale = "de";
  const Result<QuotedFigure> r = parse_figure("3,5 Prozent", de);
  REQUIRE(r);
  CHECK(r->value.to_string() == "3.5");
  CHECK(r->unit.dimension == Dimension::percent);
  CHECK(parse_figure("12 procent")->unit.dimension == Dimension::percent);
  CHECK(parse_figure("12 prosent")->unit.dimension == Dimension::percent);
}
