// Scale words as the world's financial copy writes them, and the forms around them that
// running text read short before (session 9): each of these lost its scale or its
// per-share word in running text, a value a thousand or a billion times off ("R$10.1
// bilhões" as R$10.1, "$3 billions" as $3, "RM 277 mil" as RM277), or was refused.
// The words are data (scales.csv, cues.csv `glued_scale`, `mil_thousand`,
// `per_share_slash`); the grammar reads them whole.

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/detail/figure_paths.hpp"
#include "finmetrics/parse/read_figure_at.hpp"

using namespace finmetrics;

namespace {

struct Got {
  std::string text, value, unit;
  bool operator==(const Got&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Got& g) { return os << g.text << " = " << g.value << " " << g.unit; }

// The figure read_figure_at reads at `at` in running text.
Got at(std::string_view text, std::size_t at) {
  const Result<QuotedFigure> r = read_figure_at(text, at, ParseOptions{});
  if (!r) return {"error", r.error().message, ""};
  return {r->text, r->value.to_string(), r->unit.to_string()};
}

Got whole(std::string_view text) {
  const Result<QuotedFigure> r = parse_figure(text);
  if (!r) return {"error", r.error().message, ""};
  return {r->text, r->value.to_string(), r->unit.to_string()};
}

}  // namespace

TEST_CASE("scale words of other habits and languages are read with their number", "[parse][breadth][scale]") {
  CHECK(at("Revenue was $3 billions.", 12) == Got{"$3 billions", "3000000000", "USD"});
  CHECK(at("priced US$ 12.4 BN of sukuk", 7) == Got{"US$ 12.4 BN", "12400000000", "USD"});
  CHECK(at("revenue of Rs 1,450 Mn in", 11) == Got{"Rs 1,450 Mn", "1450000000", "INR"});
  CHECK(at("borrowed £1.2 thousand million, and", 9) == Got{"£1.2 thousand million", "1200000000", "GBP"});
  CHECK(at("debt of €1.5 milliard.", 8) == Got{"€1.5 milliard", "1500000000", "EUR"});
  // Accented words are read whole, never cut at their first accent.
  CHECK(at("resultado de R$10.1 bilhões no trimestre", 13) == Got{"R$10.1 bilhões", "10100000000", "BRL"});
  CHECK(at("R$ 5 milhões", 0) == Got{"R$ 5 milhões", "5000000", "BRL"});
  // The Spanish billón is a million million.
  CHECK(whole("MXN 1.2 billones") == Got{"MXN 1.2 billones", "1200000000000", "MXN"});
  // A word that only starts like one is no scale: the figure ends before it.
  CHECK(at("It paid $5 bilious fees.", 8) == Got{"$5", "5", "USD"});
}

TEST_CASE("mil is a million glued after a currency marker, and refused elsewhere", "[parse][breadth][scale]") {
  CHECK(whole("RM277mil") == Got{"RM277mil", "277000000", "MYR"});
  CHECK(whole("US$150mil") == Got{"US$150mil", "150000000", "USD"});
  CHECK(at("a loss of RM512.6mil from", 10) == Got{"RM512.6mil", "512600000", "MYR"});
  // Spanish and Portuguese write a thousand so: refused, never R$5.
  CHECK(whole("R$5mil") == Got{"error", "'mil' after 'R$5' is a million in English press and a thousand in Spanish "
                                        "and Portuguese: not read", ""});
  // Apart: refused whatever the currency ("$5 mil" read as $5 was a millionth of it).
  CHECK(at("raised $5 mil last year", 7) == Got{"error", "'mil' after '$5' is a million in English press and a "
                                                          "thousand in Spanish and Portuguese: not read", ""});
  CHECK(at("RM 277 mil", 0).text == "error");
  // No currency: no scale, as before ("2mil" is a thickness).
  CHECK(whole("2mil").text == "error");
}

TEST_CASE("an amount per share may be written with a slash", "[parse][breadth][per_share]") {
  const Result<QuotedFigure> share = read_figure_at("a target of $273/share from", 12, ParseOptions{});
  REQUIRE(share);
  CHECK(share->text == "$273/share");
  CHECK(share->unit.per == Per::share);
  const Result<QuotedFigure> sh = parse_figure("HK$120/sh");
  REQUIRE(sh);
  CHECK(sh->unit.per == Per::share);
  CHECK(sh->value.to_string() == "120");
  const Result<QuotedFigure> ads = parse_figure("$85.20/ADS");
  REQUIRE(ads);
  CHECK(ads->unit.per == Per::ads);
  // "ADS" in capitals only; any other word after the slash ends the figure ("$84.94/bbl"
  // is the extractor's unit price).
  CHECK(at("closed at $85.20/ads today", 10) == Got{"$85.20", "85.20", "USD"});
  CHECK(at("at $84.94/bbl", 3) == Got{"$84.94", "84.94", "USD"});
  CHECK(at("up $5/share2 x", 3) == Got{"$5", "5", "USD"});
}

TEST_CASE("a word-like code written apart before a number with a scale starts the figure", "[parse][breadth][word_like]") {
  const std::string ayala = "Ayala reported PHP 22.1 billion in profit.";
  CHECK(figure_start_before(ayala, ayala.find("22.1"), ParseOptions{}).marked == ayala.find("PHP"));
  const std::string ptt = "PTT earned Bt 4.2 billion.";
  CHECK(figure_start_before(ptt, ptt.find("4.2"), ParseOptions{}).marked == ptt.find("Bt"));
  // Without a scale, or a word of any case ("won", "Real"), it is none.
  for (const std::string text : {"ran PHP 8 code", "Acme won 3 billion in contracts", "The Real 5 billion plan",
                                 "the Bt 11 cotton"}) {
    INFO(text);
    const std::size_t digit = text.find_first_of("0123456789");
    CHECK(figure_start_before(text, digit, ParseOptions{}).marked == digit);
  }
}

TEST_CASE("two scales in a row are one phrase of the lexicon or refused", "[parse][breadth][scale]") {
  CHECK(at("deposits of Rs.52.3 lakh cr at", 12) == Got{"Rs.52.3 lakh cr", "52300000000000", "INR"});
  CHECK(at("worth ₹14.5 lakh-crore now", 6) == Got{"₹14.5 lakh-crore", "14500000000000", "INR"});
  CHECK(whole("Rp 1.2 triliun") == Got{"Rp 1.2 triliun", "1200000000000", "IDR"});
  CHECK(whole("TL 5 milyar") == Got{"TL 5 milyar", "5000000000", "TRY"});
  CHECK(whole("Rs 12 arab") == Got{"Rs 12 arab", "12000000000", "INR"});
  // Read at the first, "Rs 50 thousand" was a ten-millionth of the amount.
  CHECK(at("spent Rs 50 thousand crore on", 6) ==
        Got{"error", "'thousand crore': two scales in a row that the lexicon does not read as one: not read", ""});
  CHECK(at("Rs 2 crore crore", 0).text == "error");
  // A hyphen to a word that makes no scale phrase ends the figure, as before.
  CHECK(at("a ₹5 lakh-plus loan", 2) == Got{"₹5 lakh", "500000", "INR"});
}

TEST_CASE("apiece is each", "[parse][breadth][per_share]") {
  const Result<QuotedFigure> r = parse_figure("Rs 745 apiece");
  REQUIRE(r);
  CHECK(r->unit.per == Per::share);
}

TEST_CASE("a space after a comma or a point separates two numbers", "[parse][breadth][number]") {
  // A PDF table row: two columns, never one number with a decimal comma (refused before).
  CHECK(at("Revenue 48,925 47,211", 8) == Got{"48,925", "48925", ""});
  CHECK(at("Revenue 48,925 47,211", 15) == Got{"47,211", "47211", ""});
  CHECK(at("Prices 12.5 13.1", 7) == Got{"12.5", "12.5", ""});
  // Spaces group before the other separators, as before.
  CHECK(at("10 000.5 million euros", 0) == Got{"10 000.5 million euros", "10000500000", "EUR"});
  ParseOptions fr;
  fr.locale = "fr";
  const Result<QuotedFigure> r = parse_figure("1 234,5 €", fr);
  REQUIRE(r);
  CHECK(r->value.to_string() == "1234.5");
  CHECK_FALSE(parse_figure("48,925 47,211").has_value());
}

TEST_CASE("a fraction of a scale with 'of a' between, and vulgar fractions", "[parse][breadth][words]") {
  // Read apart, "A quarter" was 25% and "a billion dollars" four times the amount.
  CHECK(at("A quarter of a billion dollars was spent", 0) == Got{"A quarter of a billion dollars", "250000000", "USD"});
  CHECK(whole("three quarters of a million euros") == Got{"three quarters of a million euros", "750000", "EUR"});
  CHECK(at("A third of a billion dollars was lost", 0) ==
        Got{"error", "'A third of a billion' is no exact amount: not read", ""});
  CHECK(at("A quarter of the shares rose", 0) == Got{"A quarter", "25", "%"});
  // "$1¼ billion" read as "$1".
  CHECK(at("Costs were $1\u00bc billion", 11) ==
        Got{"error", "'$1\u00bc' is a number with a vulgar fraction, which the grammar does not read: not read", ""});
}

TEST_CASE("a video resolution is no pence", "[parse][breadth][minor]") {
  // "1080p video" was GBP 10.80 (cues.csv not_minor_before); a price in pence stays one.
  CHECK(at("records 1080p video", 8).text == "error");
  CHECK(at("has a 720p webcam", 6).text == "error");
  CHECK(at("rose 8p to 720p, up", 11) == Got{"720p", "7.20", "GBP"});
}

TEST_CASE("both routes read a word that runs on past ASCII alike", "[parse][breadth][fuzz]") {
  // fuzz_parse_figure (lead, 08:46): "$5 to" and a lone 0xE8 was "expected a number" by
  // parse_figure and "unknown unit 'to\xE8'" by the general path alone: a lone byte is no
  // letter, and the front path leaves a word that runs on past ASCII to the general reader.
  using parse_detail::FigurePaths;
  using parse_detail::parse_figure_by;
  for (const std::string input : {std::string("$5 to\xE8", 6), std::string("$5 to\u00e9"),
                                  std::string("R$10.1 bilh\u00f5es"), std::string("R$ 5 milh\u00f5es")}) {
    INFO(input);
    const auto both = parse_figure_by(input, ParseOptions{}, FigurePaths::both);
    const auto general = parse_figure_by(input, ParseOptions{}, FigurePaths::general_only);
    REQUIRE(both);
    REQUIRE(general);
    REQUIRE(both->has_value() == general->has_value());
    if (both->has_value()) {
      CHECK((*both)->value == (*general)->value);
      CHECK((*both)->text == (*general)->text);
    } else {
      CHECK(both->error().message == general->error().message);
      CHECK(both->error().position == general->error().position);
    }
    if (const auto front = parse_figure_by(input, ParseOptions{}, FigurePaths::front_only); front && front->has_value()) {
      CHECK((*front)->value == (*general)->value);
    }
  }
  CHECK(parse_figure("R$10.1 bilh\u00f5es")->value.to_string() == "10100000000");
}
