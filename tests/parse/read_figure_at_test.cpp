// read_figure_at and figure_start_before: figures in running text, by the grammar
// of parse_figure, with spans in the whole text.

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/parse/read_figure_at.hpp"

using namespace finmetrics;

namespace {

Decimal dec(const char* s) { return Decimal::parse(s).value(); }

// The figure read at the first byte of `at` in `text`.
QuotedFigure read_at(std::string_view text, std::string_view at, const ParseOptions& options = {},
                     RangeReading ranges = RangeReading::joined) {
  const std::size_t pos = text.find(at);
  REQUIRE(pos != std::string_view::npos);
  auto r = read_figure_at(text, pos, options, ranges);
  INFO(std::string(text) << " at " << pos << (r ? std::string() : ": " + r.error().describe()));
  REQUIRE(r.has_value());
  CHECK(text.substr(r->span.begin, r->span.size()) == r->text);
  return *r;
}

Error error_at(std::string_view text, std::size_t pos, const ParseOptions& options = {}) {
  auto r = read_figure_at(text, pos, options);
  INFO(std::string(text) << " at " << pos);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

std::string_view from_start(std::string_view text, std::string_view number, bool hedged) {
  const std::size_t pos = text.find(number);
  REQUIRE(pos != std::string_view::npos);
  const FigureStart s = figure_start_before(text, pos);
  return text.substr(hedged ? s.hedged : s.marked);
}

}  // namespace

TEST_CASE("read_figure_at reads the longest figure at a position and stops where running text goes on",
          "[parse][read_figure_at]") {
  const std::string_view t = "Wu has spent Rmb81bn ($11bn) on capital expenditure, up from Rmb34bn.";
  const QuotedFigure a = read_at(t, "Rmb81bn");
  CHECK(a.text == "Rmb81bn");
  CHECK(a.span == TextSpan{13, 20});
  CHECK(a.value == dec("81000000000"));
  CHECK(a.unit.currency == CNY);
  CHECK(a.currency_span == TextSpan{13, 16});
  const QuotedFigure b = read_at(t, "$11bn");
  CHECK(b.text == "$11bn");
  CHECK(b.span == TextSpan{22, 27});
  CHECK(read_at(t, "Rmb34bn").text == "Rmb34bn");

  CHECK(read_at("it spent $5bn on capex", "$5bn").text == "$5bn");
  CHECK(read_at("revenue of 26.549 billion yuan, while", "26.549").text == "26.549 billion yuan");
  CHECK(read_at("peak values of 140.9 HKD per share, marking", "140.9").unit.to_string() == "HKD per share");
  const QuotedFigure hedged = read_at("would raise north of $34 billion, making", "north");
  CHECK(hedged.text == "north of $34 billion");
  CHECK(hedged.qualifier == Qualifier::north_of);
  CHECK(hedged.qualifier_span == TextSpan{12, 20});
  CHECK(read_at("收入为1,361亿元，同比", "1,361").text == "1,361亿元");
  CHECK(read_at("They lost 75 USD million in the past", "75").value == dec("75000000"));
  CHECK(read_at("10 rmb 20 usd", "10").text == "10 rmb");
  CHECK(read_at("10 rmb 20 usd", "20").unit.currency == USD);
  CHECK(read_at("it only cost 3 dollars 50 cents.", "3").value == dec("3.5"));
}

TEST_CASE("read_figure_at reads ranges joined, or apart when asked", "[parse][read_figure_at]") {
  const QuotedFigure r = read_at("Sales rose 5-7% to $3bn-$4bn.", "5-7");
  CHECK(r.text == "5-7%");
  CHECK(*r.upper == dec("7"));
  CHECK(read_at("Sales rose 5-7% to $3bn-$4bn.", "$3bn").text == "$3bn-$4bn");
  CHECK(read_at("grew from 3% to 4% and", "3%").text == "3% to 4%");
  CHECK(read_at("grew from 3% to 4% and", "3%", {}, RangeReading::apart).text == "3%");
  CHECK(read_at("rose 0.4% to 8,250.3 points", "0.4%", {}, RangeReading::dashed).text == "0.4%");
  CHECK(read_at("rose 5-7% to $3bn", "5-7%", {}, RangeReading::dashed).text == "5-7%");
  CHECK(read_at("rose 5-7% to $3bn", "5-7%", {}, RangeReading::apart).text == "5");
  CHECK(read_at("a margin between 5 and 7 per cent of", "between").text == "between 5 and 7 per cent");
  // What only looks like an upper end leaves the figure alone.
  CHECK(read_at("up 5% - the best", "5%").text == "5%");
  CHECK(read_at("$3bn to investors", "$3bn").text == "$3bn");
}

TEST_CASE("read_figure_at leaves count nouns to the caller when asked, and ends at the line", "[parse][read_figure_at]") {
  ParseOptions no_nouns;
  no_nouns.count_nouns = false;
  const QuotedFigure f = read_at("some 500 employees work there", "500", no_nouns);
  CHECK(f.text == "500");
  CHECK(f.unit.dimension == Dimension::number);
  CHECK(read_at("2025年收入", "2025", no_nouns).text == "2025");
  CHECK(read_at("raised $5\nbillion", "$5").text == "$5");
}

TEST_CASE("read_figure_at refuses a figure glued to what follows it", "[parse][read_figure_at]") {
  {
    const Error e = error_at("a 5bnx deal", 2);
    CHECK(e.code == Errc::syntax);
    CHECK(e.message == "unknown scale or unit 'bnx' after the number");
    CHECK(e.position == 3);
  }
  {
    const Error e = error_at("raised $5\u200d0bn", 7);  // never $5
    CHECK(e.code == Errc::syntax);
    CHECK(e.message == "unexpected invisible character U+200D right after the figure");
    CHECK(e.position == 9);
  }
  CHECK(error_at("FY2025Q3 results", 2).message == "unknown scale or unit 'Q' after the number");
  CHECK(error_at("priced at ¥500 a unit", 10).code == Errc::ambiguous);
  CHECK(error_at("it is €1.234 now", 6).code == Errc::ambiguous);
}

TEST_CASE("figure_start_before finds the hedge, signs and markers written before a number", "[parse][read_figure_at]") {
  CHECK(from_start("would raise north of $34 billion", "34", true) == "north of $34 billion");
  CHECK(from_start("would raise north of $34 billion", "34", false) == "$34 billion");
  CHECK(from_start("Alibaba has spent US$34.5bn on it.", "34", true) == "US$34.5bn on it.");
  CHECK(from_start("raised USD 5bn", "5", true) == "USD 5bn");
  CHECK(from_start("md. - - $ 75 million of", "75", true) == "$ 75 million of");
  CHECK(from_start("Net loss: (S$ 544m) in", "544", true) == "(S$ 544m) in");
  CHECK(from_start("a loss of (S$ 544m) in", "544", true) == "S$ 544m) in");  // a parenthetical
  CHECK(from_start("Wu spent Rmb81bn ($11bn) on", "11", true) == "$11bn) on");
  CHECK(from_start("it fell to £(982)m.", "982", true) == "£(982)m.");
  CHECK(from_start("it fell -2.5% on", "2.5", true) == "-2.5% on");
  CHECK(from_start("投资人民币500亿建设", "500", true) == "人民币500亿建设");
  CHECK(from_start("paid NZD $100.70 for", "100", true) == "NZD $100.70 for");
  CHECK(from_start("exports fell to hk $ 10.05 billion", "10.05", true) == "hk $ 10.05 billion");
  CHECK(from_start("a margin between 5 and 7", "5", true) == "between 5 and 7");
  CHECK(from_start("shares rose ~5% today", "5", true) == "~5% today");
  CHECK(from_start("in the region of £2bn", "2bn", true) == "in the region of £2bn");
  CHECK(from_start("a near fourfold increase", "fourfold", true) == "a near fourfold increase");
  // Nothing the grammar allows: identifiers, compounds, words that name currencies only after a number.
  CHECK(from_start("FY2025 Q3", "2025", true) == "2025 Q3");
  CHECK(from_start("Covid-19 cases", "19", true) == "19 cases");
  CHECK(from_start("Acme won 3 contracts", "3", true) == "3 contracts");
  CHECK(from_start("a $5bn deal", "5bn", true) == "$5bn deal");
  CHECK(from_start("line one\n$5bn", "5bn", true) == "$5bn");
  // An ISO code that is an English word counts only glued to the number (word_like_codes.csv).
  CHECK(from_start("ALL 5 solutions are wrong.", "5", true) == "5 solutions are wrong.");
  CHECK(from_start("the TOP 10 banks", "10", true) == "10 banks");
  CHECK(from_start("paid PEN5 million", "5", true) == "PEN5 million");
  CHECK(from_start("paid CAD 3.03", "3.03", true) == "CAD 3.03");  // not word-like
  // A currency name that is no English word, or a name of several words, before the number.
  CHECK(from_start("it costs ringgit 42", "42", true) == "ringgit 42");
  CHECK(from_start("paid Malaysian ringgits 42", "42", true) == "Malaysian ringgits 42");
  CHECK(from_start("raised U.S. dollars 5 million", "5", true) == "U.S. dollars 5 million");
  CHECK(from_start("a sale of Hong Kong dollars 5m", "5m", true) == "Hong Kong dollars 5m");
  CHECK(from_start("the pound 5 years ago", "5", true) == "5 years ago");  // word_like.csv
  // After a determiner a name is the currency itself; a code is still a marker.
  CHECK(from_start("the dollar 5 years ago", "5", true) == "5 years ago");
  CHECK(from_start("against the euro 1.08 was", "1.08", true) == "1.08 was");
  CHECK(from_start("the USD 5bn loan", "5bn", true) == "USD 5bn loan");
}

TEST_CASE("read_figure_at: coins and slang end at a word that is no count stop", "[parse][read_figure_at]") {
  const QuotedFigure grand = read_at("he paid 10 grand for it", "10");
  CHECK(grand.text == "10 grand");
  CHECK(grand.value == dec("10000"));
  CHECK(grand.unit.currency == USD);
  CHECK(grand.currency_source == CurrencySource::default_);
  CHECK(read_at("found five nickels.", "five").value == dec("0.25"));
  for (const auto& [t, at] : {std::pair<std::string_view, std::size_t>{"won two grand slams", 4}, {"5 nickel mines", 0}}) {
    INFO(t);
    const auto r = read_figure_at(t, at);
    CHECK((!r || !r->unit.currency.has_value()));
  }
  // A word-like code after the number is a marker.
  CHECK(read_at("costs 500 ALL here", "500").unit.currency == ALL);
}

TEST_CASE("a lower-case dollar prefix written apart names its dollar", "[parse][read_figure_at]") {
  CHECK(read_at("exports fell to hk $ 10.05 billion", "hk").unit.currency == HKD);
  CHECK(read_at("ranges between c $ 16.4 million", "c $").unit.currency == CAD);
  CHECK(read_at("ranges us $ 16.4 million", "us $").unit.currency == USD);
}

TEST_CASE("read_figure_at: a full stop ends the sentence, not the number", "[parse][read_figure_at]") {
  CHECK(read_at("buy it for USD 200.", "USD").text == "USD 200");
  CHECK(read_at("shares lower at 197 pence.", "197").value == dec("1.97"));  // pence, not pounds
  CHECK(read_at("It costs half million usd.", "half").text == "half million usd");
}

TEST_CASE("read_figure_at: minor units in words, codes with their sign, millions of a code", "[parse][read_figure_at]") {
  CHECK(read_at("it cost thirteen dollars and forty-five cents", "thirteen").value == dec("13.45"));
  CHECK(read_at("more than 1 dollar and forty-two cents", "more").value == dec("1.42"));
  CHECK(read_at("just need minus five percent", "minus").value == dec("-5"));
  CHECK(read_at("one hundred percents", "one").value == dec("100"));
  CHECK(read_at("paid 3.14US$ each", "3.14").unit.to_string() == "USD per share");
  CHECK(read_at("usd$ 15", "usd").unit.currency == USD);
  CHECK(read_at("nzd$15", "nzd").unit.currency == NZD);
  CHECK(read_at("the lottery is u.s $ 100,000,000", "u.s").unit.currency == USD);
  const QuotedFigure meur = read_at("an increase to 120 MEUR", "120");
  CHECK(meur.value == dec("120000000"));
  CHECK(meur.unit.currency == EUR);
  const QuotedFigure maud = read_at("revenues of about MAUD 60", "about");
  CHECK(maud.value == dec("60000000"));
  CHECK(maud.unit.currency == AUD);
  CHECK(from_start("revenues of about MAUD 60", "60", true) == "about MAUD 60");
  CHECK(from_start("the lottery is u.s $ 100", "100", true) == "u.s $ 100");
  CHECK(from_start("it costs usd$15", "15", true) == "usd$15");
}

TEST_CASE("read_figure_at refuses an amount whose minor units it cannot read", "[parse][read_figure_at]") {
  {
    const Error e = error_at("It costs 15 dollars 50.", 9);
    CHECK(e.code == Errc::ambiguous);
    CHECK(e.message ==
          "'15 dollars 50' may be an amount in 'dollars' and its minor units in a unit the lexicon does not know: not read");
  }
  CHECK(error_at("$20 and 43zz", 0).message ==
        "'$20 and 43zz' may be an amount in '$' and its minor units in a unit the lexicon does not know: not read");
  CHECK(error_at("exceeds a $ 4 billion", 8).code == Errc::syntax);  // the article needs a scale: no refusal
  CHECK(error_at("3 CHF 4 rappen", 0).code == Errc::ambiguous);
  // Not when what follows is another figure or running text.
  CHECK(read_at("paid $20 and 43% more", "$20").text == "$20");
  CHECK(read_at("between $20 and 43.", "between").text == "between $20 and 43");
  CHECK(read_at("it cost 3 dollars 50 cents.", "3").value == dec("3.5"));
}

TEST_CASE("read_figure_at: fractions of a scale, glued codes", "[parse][read_figure_at]") {
  CHECK(read_at("It costs quarter million us dollars.", "quarter").value == dec("250000"));
  CHECK(read_at("It costs a quarter million us dollars.", "a quarter").value == dec("250000"));
  CHECK(read_at("It costs three quarters billion us dollars.", "three").value == dec("750000000"));
  CHECK(read_at("a third of revenue", "a third").unit.dimension == Dimension::percent);  // no scale: a share
  CHECK(read_at("mxn$ 15", "mxn").unit.currency == MXN);
}
