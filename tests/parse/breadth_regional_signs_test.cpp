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
