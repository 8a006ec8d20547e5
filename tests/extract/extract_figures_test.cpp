#include <string>
#include <string_view>
#include <tuple>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/extract/extract_figures.hpp"

using namespace finmetrics;

namespace {

Extraction run(std::string_view text) { return extract_figures(text); }

std::vector<std::string> texts(const Extraction& e) {
  std::vector<std::string> out;
  for (const auto& f : e.figures) out.push_back(f.text);
  return out;
}

const ExtractedFigure& only(const Extraction& e) {
  REQUIRE(e.figures.size() == 1);
  return e.figures.front();
}

// The one figure of `text`: read as `figure` with the exact `value`.
ExtractedFigure one_reading(std::string_view text, std::string_view figure, std::string_view value) {
  const Extraction e = run(text);
  ExtractedFigure f = only(e);
  CHECK(f.text == figure);
  CHECK(f.quoted->value == Decimal::parse(value).value());
  return f;
}

}  // namespace

TEST_CASE("money amounts as journalists write them are read with their exact value and currency", "[extract]") {
  struct Case {
    std::string_view text, figure, value, unit;
  };
  const Case cases[] = {
      {"Alibaba has spent US$34.5bn on it.", "US$34.5bn", "34500000000", "USD"},
      {"a plan to invest 380 billion yuan in AI", "380 billion yuan", "380000000000", "CNY"},
      {"revenues of 26.549 billion yuan, while", "26.549 billion yuan", "26549000000", "CNY"},
      {"shares hit HK$140.9 on Monday", "HK$140.9", "140.9", "HKD"},
      {"peak values of 140.9 HKD per share, marking", "140.9 HKD per share", "140.9", "HKD per share"},
      {"exceeding the mark of $858 billion.", "$858 billion", "858000000000", "USD"},
      {"an offering that would raise north of $34 billion, making", "north of $34 billion", "34000000000", "USD"},
      {"budgeted Rmb39bn this year", "Rmb39bn", "39000000000", "CNY"},
      {"raised USD 5bn and RMB 81bn", "USD 5bn", "5000000000", "USD"},
      {"收入为1,361亿元，同比", "1,361亿元", "136100000000", "CNY"},
      {"市值达2.40万亿港元。", "2.40万亿港元", "2400000000000", "HKD"},
      {"约合18美元。", "18美元", "18", "USD"},
      {"投资人民币500亿建设", "人民币500亿", "50000000000", "CNY"},
      {"投资人民币5亿元建设", "人民币5亿元", "500000000", "CNY"},
      {"Deal worth €3.2bn closed", "€3.2bn", "3200000000", "EUR"},
      {"md. - - $ 75 million of bonds", "$ 75 million", "75000000", "USD"},
      {"prices start at € 11.69 .", "€ 11.69", "11.69", "EUR"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const Extraction e = run(c.text);
    REQUIRE(!e.figures.empty());
    const ExtractedFigure& f = e.figures.front();
    CHECK(f.text == c.figure);
    REQUIRE(f.quoted);
    CHECK(f.quoted->value == Decimal::parse(c.value).value());
    CHECK(f.unit.to_string() == c.unit);
    CHECK(c.text.substr(f.span.begin, f.span.size()) == c.figure);
  }
}

TEST_CASE("a bracketed amount in another currency is linked to the amount before it", "[extract]") {
  const Extraction e = run("Wu has spent Rmb81bn ($11bn) on capital expenditure, up from Rmb34bn.");
  REQUIRE(texts(e) == std::vector<std::string>{"Rmb81bn", "$11bn", "Rmb34bn"});
  CHECK(e.figures[0].linked == std::optional<std::size_t>{1});
  CHECK(e.figures[1].linked == std::optional<std::size_t>{0});
  CHECK_FALSE(e.figures[2].linked);
  CHECK(e.figures[0].span.begin == 13);
  CHECK(e.figures[0].span.end == 20);
  CHECK(e.figures[1].interval->to_string() == "[10500000000, 11500000000)");
}

TEST_CASE("percentages, points, multiples and counts are read with their unit and hedge", "[extract]") {
  struct Case {
    std::string_view text, figure, value, unit, interval;
  };
  const Case cases[] = {
      {"shares have risen nearly 60% this year", "nearly 60%", "60", "%", "[57, 60)"},
      {"soaring by 66 per cent since", "66 per cent", "66", "%", "[65.5, 66.5)"},
      {"surged by 155% year-on-year to", "155%", "155", "%", "[154.5, 155.5)"},
      {"more than 50 per cent more", "more than 50 per cent", "50", "%", "(50, +inf)"},
      {"for every 2 percentage point increase", "2 percentage point", "2", "pp", "[1.5, 2.5)"},
      {"a cut of 25bp in May", "25bp", "25", "bp", "[24.5, 25.5)"},
      {"the average multiple of 6.5 times for", "6.5 times", "6.5", "x", "[6.45, 6.55)"},
      {"trading at 10x sales", "10x", "10", "x", "[9.5, 10.5)"},
      {"win over China's 1.1bn netizens with", "1.1bn netizens", "1100000000", "netizens", "[1050000000, 1150000000)"},
      {"Apple's active 250 million devices in China", "250 million devices", "250000000", "devices",
       "[249500000, 250500000)"},
      {"it fell -2.5% on Friday", "-2.5%", "-2.5", "%", "(-2.55, -2.45]"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const Extraction e = run(c.text);
    const ExtractedFigure& f = only(e);
    CHECK(f.text == c.figure);
    REQUIRE(f.quoted);
    CHECK(f.quoted->value == Decimal::parse(c.value).value());
    CHECK(f.unit.to_string() == c.unit);
    CHECK(f.interval->to_string() == c.interval);
  }
}

TEST_CASE("after a verb of change 'X to Y' is a change and a level, not a range", "[extract]") {
  CHECK(texts(run("The index rose 0.4% to 8,250.3 points.")) == std::vector<std::string>{"0.4%", "8,250.3"});
  CHECK(texts(run("BP's shares rose 3p to 452p.")) == std::vector<std::string>{"3p", "452p"});
  CHECK(texts(run("Profit fell by 5% to $3bn, and sales rose 5-7%.")) ==
        std::vector<std::string>{"5%", "$3bn", "5-7%"});
}

TEST_CASE("an amount hyphenated to its scale is read with it", "[extract]") {
  const Extraction e = run("a Rs 45,000-crore capex plan and a $5-billion deal");
  REQUIRE(texts(e) == std::vector<std::string>{"Rs 45,000-crore", "$5-billion"});
  CHECK(e.figures[0].quoted->value == Decimal::parse("450000000000").value());
  CHECK(e.figures[0].unit.to_string() == "INR");
  CHECK(e.figures[1].quoted->value == Decimal::parse("5000000000").value());
}

TEST_CASE("ranges are read as one figure, but 'from X to Y' is two", "[extract]") {
  CHECK(texts(run("Sales rose 5-7% to $3bn-$4bn.")) == std::vector<std::string>{"5-7%", "$3bn-$4bn"});
  CHECK(texts(run("a margin between 5 and 7 per cent")) == std::vector<std::string>{"between 5 and 7 per cent"});
  CHECK(texts(run("grew from 3% to 4% and 3 to 4 billion yuan")) ==
        std::vector<std::string>{"3%", "4%", "3 to 4 billion yuan"});
  const Extraction about = run("about $3-4bn");
  const ExtractedFigure& r = about.figures.at(0);
  CHECK(r.text == "about $3-4bn");
  CHECK(r.quoted->upper == Decimal::parse("4000000000").value());
  CHECK(r.qualifier == Qualifier::about);
}

TEST_CASE("years, dates, fiscal names, durations, model names and plain numbers are not figures", "[extract]") {
  const char* not_figures[] = {
      "In November 2023, Jack Ma posted a memo.",
      "the third quarter of fiscal year 2025 (referred to as \"2025Q3\")",
      "All units have been told their 2025 performance will be evaluated; FY2025 Q3 and H1 2025.",
      "In the 15 months since he took the top jobs; a 30-day window; three-year plan.",
      "Qwen2.5-Max, QwQ-32B, DeepSeek-R1, GPT-4o, Qwen 2.0, Claude 4 Sonnet, H20 and H100 chips, Covid-19.",
      "On Aug. 28, 2024 at 10:30 (04/14 2025 395), see 2025-03-28 and 03-17.",
      "the 3rd day, the 1990s, 5G, a team of 18 who, Hanguang 800, February 20 earnings call",
      "1. first item; 2. second item",
      "in 2024 dollars, 2024 yuan deposits",
      "cnbc.com/2025/03/28/alibaba-100-billion-stock-rally.html",
  };
  for (const char* text : not_figures) {
    INFO(text);
    CHECK(texts(run(text)).empty());
  }
}

TEST_CASE("word forms are read as intervals or exact multiples", "[extract]") {
  struct Case {
    std::string_view text, figure, kind, unit, interval;
  };
  const Case cases[] = {
      {"experiencing triple-digit growth over", "triple-digit", "percent", "%", "[100, 1000)"},
      {"growth was only in the single digits year-on-year", "single digits", "percent", "%", "[0, 10)"},
      {"double-digit growth", "double-digit", "percent", "%", "[10, 100)"},
      {"the growth rate nearly doubled from", "nearly doubled", "multiple", "x", "[1.9, 2)"},
      {"profits halved", "halved", "multiple", "x", "[0.45, 0.55)"},
      {"less than half its peak", "less than half", "multiple", "x", "(-inf, 0.5)"},
      {"dished out billions of dollars of fines", "billions of dollars", "money", "USD", "[1000000000, 1000000000000)"},
      {"several billion dollars worth of fines", "several billion dollars", "money", "USD", "[2000000000, 10000000000)"},
      {"multibillion-dollar investments", "multibillion-dollar", "money", "USD", "[2000000000, 1000000000000)"},
      {"expenditures exceeding hundreds of billions.", "hundreds of billions", "number", "", "[100000000000, 1000000000000)"},
      {"hundreds of millions of daily active users", "hundreds of millions of daily active users", "count",
       "daily active users", "[100000000, 1000000000)"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const Extraction e = run(c.text);
    const ExtractedFigure& f = only(e);
    CHECK(f.text == c.figure);
    CHECK(f.word_form);
    CHECK(to_string(f.kind) == c.kind);
    CHECK(f.unit.to_string() == c.unit);
    REQUIRE(f.interval);
    CHECK(f.interval->to_string() == c.interval);
  }
}

TEST_CASE("records are found without a value, and 'doubled down' is no figure", "[extract]") {
  const Extraction e = run("near record lows; reaching 140.9 HKD per share, marking a three-year highMany analysts");
  REQUIRE(texts(e) == std::vector<std::string>{"record lows", "140.9 HKD per share", "three-year high"});
  CHECK(e.figures[0].kind == FigureKind::record);
  CHECK_FALSE(e.figures[0].interval);
  CHECK(e.figures[2].kind == FigureKind::record);
  CHECK(texts(run("Alibaba doubled down on its cloud arm")).empty());
  CHECK(texts(run("Qwen 2.5 and Qwen 3 in the second half")).empty());
}

TEST_CASE("a verb that hedges a figure reads as 'more than'", "[extract]") {
  const Extraction e = run("its market capitalization exceeding $858 billion.");
  const ExtractedFigure& f = only(e);
  CHECK(f.text == "exceeding $858 billion");
  CHECK(f.hedge_verb == "exceeding");
  CHECK(f.qualifier == Qualifier::more_than);
  CHECK(f.interval->to_string() == "(858000000000, +inf)");
}

TEST_CASE("a bare sign after a spaced country prefix names that country's dollar, never the default", "[extract]") {
  const Extraction c = run("ranges between c $ 16.4 million");
  CHECK(only(c).text == "c $ 16.4 million");
  CHECK(only(c).unit.to_string() == "CAD");
  CHECK(only(c).currency_source == CurrencySource::explicit_);
  const Extraction hk = run("exports fell to hk $ 10.05 billion");
  CHECK(only(hk).text == "hk $ 10.05 billion");
  CHECK(only(hk).unit.to_string() == "HKD");
  // "a $5bn deal": the article, not A$.
  CHECK(only(run("a $5bn deal")).currency_source == CurrencySource::default_);
}

TEST_CASE("figures are read by the library's grammar in place, with what follows them left out", "[extract]") {
  struct Case {
    std::string_view text, figure, value, unit;
  };
  const Case cases[] = {
      {"They lost 75 USD million in the past three years.", "75 USD million", "75000000", "USD"},
      {"a bill of 10 000 dollars was paid", "10 000 dollars", "10000", "USD"},
      {"it only cost 3 dollars 50 cents.", "3 dollars 50 cents", "3.5", "USD"},
      {"the fee was 3 CHF 4 cents in all", "3 CHF 4 cents", "3.04", "CHF"},
      {"Shares of XYZ fell to £(982)m.", "£(982)m", "-982000000", "GBP"},
      {"Net loss:\t($99.99)", "($99.99)", "-99.99", "USD"},
      {"sales of Rs 4,60,518.80 crore in", "Rs 4,60,518.80 crore", "4605188000000", "INR"},
      {"a dividend of 5.77 pence per ordinary share.", "5.77 pence per ordinary share", "0.0577", "GBP per share"},
      {"paid NZD $100.70 for it", "NZD $100.70", "100.7", "NZD"},
      {"a range of HK$1.7bn-HK$2.3bn this year", "HK$1.7bn-HK$2.3bn", "1700000000", "HKD"},
      {"it is worth three billion dollars today", "three billion dollars", "3000000000", "USD"},
      {"priced at 20€ each", "20€ each", "20", "EUR per share"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const Extraction e = run(c.text);
    const ExtractedFigure& f = only(e);
    CHECK(f.text == c.figure);
    REQUIRE(f.quoted);
    CHECK(f.quoted->value == Decimal::parse(c.value).value());
    CHECK(f.unit.to_string() == c.unit);
    CHECK(c.text.substr(f.span.begin, f.span.size()) == c.figure);
  }
  CHECK(texts(run("10 rmb 20 usd")) == std::vector<std::string>{"10 rmb", "20 usd"});
  CHECK(texts(run("10 $ 30 $")) == std::vector<std::string>{"10 $", "30 $"});
  CHECK(texts(run("nearly six times the level")) == std::vector<std::string>{"nearly six times"});
  // Hyphen compounds with a currency word: money.
  // (Apart: bare cents in a text that names the yen and no dollar are refused, which cents?)
  const Extraction cents = run("resume dividends with a 12-cent-a-share payout");
  REQUIRE(texts(cents) == std::vector<std::string>{"12-cent-a-share"});
  CHECK(cents.figures[0].unit.to_string() == "USD per share");
  CHECK(cents.figures[0].quoted->value == Decimal::parse("0.12").value());
  const Extraction yen = run("a one-yen bid");
  REQUIRE(texts(yen) == std::vector<std::string>{"one-yen"});
  CHECK(yen.figures[0].unit.to_string() == "JPY");
}

TEST_CASE("what reads two ways is refused with a reason, never guessed", "[extract]") {
  const Extraction e = run("It raised $5\u200d0bn and €1.234 and 45,00 zł.");
  CHECK(e.figures.empty());
  REQUIRE(e.skipped.size() == 3);
  CHECK(e.skipped[0].message == "byte 10: '$5\u200d0bn': unexpected invisible character U+200D right after the figure");
  CHECK(e.skipped[1].code == Errc::ambiguous);
  CHECK(e.skipped[2].code == Errc::ambiguous);
  // An amount in brackets after a word: an accounting negative or an aside.
  const Extraction bracket = run("a net loss of ($99.99) per unit");
  CHECK(bracket.figures.empty());
  REQUIRE(bracket.skipped.size() == 1);
  CHECK(bracket.skipped[0].message ==
        "byte 14: '($99.99)': an amount in brackets after a word is an accounting negative or an aside: not read");
}

TEST_CASE("words that name currencies only after a number, URLs and identifiers are not money", "[extract]") {
  for (const std::string_view t : {"Acme won 3 contracts and real 5 gains", "see https://www.test.com/search?q=30%25%2020%",
                                   "issn%280024%2D9114%29%20and%20%28ti"}) {
    INFO(t);
    for (const auto& f : run(t).figures) {
      CHECK(f.kind != FigureKind::percent);
      CHECK(f.kind != FigureKind::money);
    }
  }
  CHECK(texts(run("the 3 $1bn deals")) == std::vector<std::string>{"$1bn"});
}

TEST_CASE("an ISO code that is an English word is no marker written apart before a number", "[extract]") {
  for (const std::string_view t : {"ALL 5 solutions are wrong.", "the TOP 10 banks", "He has lost his PEN 7 times"}) {
    INFO(t);
    for (const auto& f : run(t).figures) CHECK(f.kind != FigureKind::money);
  }
  const Extraction e = run("It costs 500 ALL.");
  const ExtractedFigure& lek = only(e);
  CHECK(lek.text == "500 ALL");
  CHECK(lek.unit.currency == ALL);
}

TEST_CASE("a currency name before the number is one explicit marker, of one word or several", "[extract]") {
  struct Case {
    std::string_view text, figure, value, unit;
  };
  const Case cases[] = {
      {"raised U.S. dollars 5 million in May", "U.S. dollars 5 million", "5000000", "USD"},
      {"a sale of Hong Kong dollars 5m.", "Hong Kong dollars 5m", "5000000", "HKD"},
      {"ringgit 42", "ringgit 42", "42", "MYR"},
      {"malaysian ringgits 42", "malaysian ringgits 42", "42", "MYR"},
      {"Malaysia ringgit 42", "Malaysia ringgit 42", "42", "MYR"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ExtractedFigure f = one_reading(c.text, c.figure, c.value);
    CHECK(f.unit.to_string() == c.unit);
    CHECK(f.currency_source == CurrencySource::explicit_);
  }
}

TEST_CASE("a lone family word, or a bare number before a direction word, is refused with a reason", "[extract]") {
  {
    const Extraction e = run("sales of 10 dinars a day");
    CHECK(e.figures.empty());
    REQUIRE(e.skipped.size() == 1);
    CHECK(e.skipped[0].code == Errc::ambiguous);
    CHECK(e.skipped[0].message ==
          "byte 9: '10 dinars': ambiguous currency 'dinars': which dinar (KWD, BHD, JOD, IQD, LYD, TND, DZD, RSD)? "
          "write the ISO code");
  }
  {
    const Extraction e = run("after a 12.6 decline in sales");
    CHECK(e.figures.empty());
    REQUIRE(e.skipped.size() == 1);
    CHECK(e.skipped[0].code == Errc::ambiguous);
    CHECK(e.skipped[0].message ==
          "byte 8: '12.6 decline': 'decline' is a direction, not a unit: '12.6' is a bare number (a percentage without "
          "its '%'?)");
  }
  CHECK(run("since the 2024 rise in rates").skipped.empty());  // a year
  CHECK(run("to post a growth of sales").skipped.empty());     // an article, no number
  CHECK(run("the dollar 5 years ago").figures.empty());        // the currency itself, no marker
}

TEST_CASE("a fraction is a percentage before 'of' or at the end of a clause, an ordinal before a word", "[extract]") {
  struct Case {
    std::string_view text, figure, value;
  };
  const Case cases[] = {
      {"shares fell by a third.", "a third", "33.333333"},
      {"cut by one-fifth in 2024", "one-fifth", "20"},
      {"two-thirds of sales", "two-thirds", "66.666667"},
      {"a quarter of revenue", "a quarter", "25"},
      {"one-fifth", "one-fifth", "20"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ExtractedFigure f = one_reading(c.text, c.figure, c.value);
    CHECK(f.kind == FigureKind::percent);
  }
  for (const std::string_view t : {"in a third quarter", "a third party", "sales rose in a quarter.", "a third-quarter loss"}) {
    INFO(t);
    CHECK(run(t).figures.empty());
  }
}

TEST_CASE("the verbs of a multiple are cues of the lexicon", "[extract]") {
  struct Case {
    std::string_view text, figure, value;
  };
  const Case cases[] = {
      {"profit quadrupled in 2024", "quadrupled", "4"},
      {"sales nearly doubled.", "nearly doubled", "2"},
      {"costs halving by 2026", "halving", "0.5"},
      {"it doubledMany said", "doubled", "2"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ExtractedFigure f = one_reading(c.text, c.figure, c.value);
    CHECK(f.kind == FigureKind::multiple);
  }
  CHECK(run("he doubled down on AI").figures.empty());
}

TEST_CASE("a decimal spoken with 'point' is refused, never read from the word after 'point'", "[extract]") {
  {
    const Extraction e = run("from 1 point 1 and one point three dollars");
    CHECK(e.figures.empty());
    REQUIRE(e.skipped.size() == 2);
    CHECK(e.skipped[0].message == "byte 5: '1 point 1': a decimal spoken with 'point' is not read");
    CHECK(e.skipped[1].message == "byte 19: 'one point three': a decimal spoken with 'point' is not read");
  }
  CHECK(run("about 1 point 5 million users").figures.empty());
  CHECK(texts(run("a 5 percentage point rise to 12%")) == std::vector<std::string>{"5 percentage point", "12%"});
}

TEST_CASE("coins and slang after a number are money in the dollar's default, never a count", "[extract]") {
  const Extraction jar = run("a jar of two hundred thousand nickels");
  const ExtractedFigure& nickels = only(jar);
  CHECK(nickels.kind == FigureKind::money);
  CHECK(nickels.quoted->value == Decimal::parse("10000").value());
  CHECK(nickels.unit.currency == USD);
  CHECK(nickels.currency_source == CurrencySource::default_);
  // A coin is never the minor units of an amount before it: two figures, each its own worth.
  CHECK(texts(run("$42 and 5 nickels")) == std::vector<std::string>{"$42", "5 nickels"});
  const Extraction mixed = run("ringgit 42 and 5 nickels");
  REQUIRE(mixed.figures.size() == 2);
  CHECK(mixed.figures[0].quoted->value == Decimal::parse("42").value());
  CHECK(mixed.figures[1].quoted->value == Decimal::parse("0.25").value());
  CHECK(mixed.figures[1].unit.currency == USD);
  const Extraction paid = run("he paid 10 grand for it");
  const ExtractedFigure& grand = only(paid);
  CHECK(grand.text == "10 grand");
  CHECK(grand.quoted->value == Decimal::parse("10000").value());
  // In a Hong Kong article the document decides which dollar.
  const Extraction hk = run("HK$5 for one, and 10 grand for the rest");
  REQUIRE(hk.figures.size() == 2);
  CHECK(hk.figures[1].unit.currency == HKD);
  CHECK(hk.figures[1].currency_source == CurrencySource::document);
  for (const std::string_view t : {"she won two grand slams", "a 5 nickel mines deal", "in the past four quarters"}) {
    INFO(t);
    for (const auto& f : run(t).figures) CHECK(f.kind != FigureKind::money);
  }
}

TEST_CASE("cents that end an amount that did not read are refused, not read as the amount", "[extract]") {
  const Extraction e = run("above a dollars and 42 cents");
  CHECK(e.figures.empty());
  REQUIRE(e.skipped.size() == 1);
  CHECK(e.skipped[0].message ==
        "byte 8: 'dollars and 42 cents': the minor units of an amount before 'dollars and' that was not read");
}

TEST_CASE("an article before a currency word is one of it where the amount ends", "[extract]") {
  struct Case {
    std::string_view text, figure, value, unit;
  };
  const Case cases[] = {
      {"it costs a dollar.", "a dollar", "1", "USD"},
      {"above a dollar and 42 cents", "above a dollar and 42 cents", "1.42", "USD"},
      {"he owes me a grand", "a grand", "1000", "USD"},
      {"not worth a dime, and", "a dime", "0.1", "USD"},
      {"paid a dollar a share", "a dollar a share", "1", "USD per share"},
      {"an euro", "an euro", "1", "EUR"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ExtractedFigure f = one_reading(c.text, c.figure, c.value);
    CHECK(f.unit.to_string() == c.unit);
  }
  CHECK(run("a dollar").figures.front().currency_source == CurrencySource::default_);
  for (const std::string_view t : {"a dollar bond", "a grand jury", "a pound of flesh", "a euro zone", "a dollars",
                                   "a dollar-denominated bond", "a nickel mine"}) {
    INFO(t);
    CHECK(run(t).figures.empty());
  }
}

TEST_CASE("an amount with a hedge in brackets is an aside; a unit ends a figure before a comma", "[extract]") {
  const Extraction aside = run("in a ( approximately £ 15 million ) deal");
  CHECK(only(aside).text == "approximately £ 15 million");
  CHECK(only(aside).quoted->value == Decimal::parse("15000000").value());
  CHECK(texts(run("The cost is 500 USD,100 times more than expected.")) == std::vector<std::string>{"500 USD", "100 times"});
}

TEST_CASE("a candidate that does not parse is skipped and reported, never guessed", "[extract]") {
  const Extraction e = run("priced at ¥500 a unit and 5 euros");
  REQUIRE(texts(e) == std::vector<std::string>{"5 euros"});
  REQUIRE(e.skipped.size() == 1);
  CHECK(e.skipped[0].code == Errc::ambiguous);
  CHECK(e.skipped[0].message ==
        "byte 10: '¥500': '¥' names no single currency here: no option, and no explicit marker of its family in its "
        "paragraph (use --yen CODE)");
  ExtractOptions yuan;
  yuan.parse.currency.yen_or_yuan = CNY;
  CHECK(texts(extract_figures("priced at ¥500 a unit", yuan)) == std::vector<std::string>{"¥500"});
}

TEST_CASE("a text of more figures than max_figures is cut where reading stopped, and says so", "[extract]") {
  ExtractOptions o;
  o.max_figures = 3;
  const Extraction e = extract_figures("$1 $2 ¥3 $4 $5 and 6% more", o);
  // Three candidates (two figures and the refused ¥3), then the cut before " $4".
  CHECK(texts(e) == std::vector<std::string>{"$1", "$2"});
  REQUIRE(e.unread_from.has_value());
  CHECK(*e.unread_from == 9);
  REQUIRE(e.skipped.size() == 2);
  CHECK(e.skipped[0].code == Errc::out_of_range);
  CHECK(e.skipped[0].message ==
        "byte 9: the text from here on is not read: more than 3 figures and refusals in one text "
        "(ExtractOptions::max_figures; the CLI's --max-figures N, 0 for no limit)");
  CHECK(e.skipped[1].code == Errc::ambiguous);  // ¥3, read before the cut
  o.max_figures = 0;  // no limit
  const Extraction all = extract_figures("$1 $2 ¥3 $4 $5 and 6% more", o);
  CHECK(texts(all) == std::vector<std::string>{"$1", "$2", "$4", "$5", "6%"});
  CHECK_FALSE(all.unread_from.has_value());
  CHECK_FALSE(extract_figures("$1 $2").unread_from.has_value());  // the default limit is far above
}

TEST_CASE("a bare $ or ¥ takes its currency from the option, the document's explicit markers, or the default",
          "[extract][currency]") {
  // A Hong Kong article: HK$ first, then a bare $.
  const std::string_view hk = "Revenue was HK$1.2bn. Profit reached $580 million.";
  const Extraction e = run(hk);
  REQUIRE(texts(e) == std::vector<std::string>{"HK$1.2bn", "$580 million"});
  CHECK(e.figures[0].currency_source == CurrencySource::explicit_);
  CHECK_FALSE(e.figures[0].currency_evidence);
  CHECK(e.figures[1].unit.to_string() == "HKD");
  CHECK(e.figures[1].currency_source == CurrencySource::document);
  REQUIRE(e.figures[1].currency_evidence);
  CHECK(e.figures[1].currency_evidence->marker == "HK$1.2bn");
  CHECK(e.figures[1].currency_evidence->span == TextSpan{12, 20});
  CHECK(e.figures[1].currency_evidence->currency == HKD);

  // The caller's option wins over the document.
  ExtractOptions sgd;
  sgd.dollar = SGD;
  const Extraction o = extract_figures(hk, sgd);
  CHECK(o.figures[1].unit.to_string() == "SGD");
  CHECK(o.figures[1].currency_source == CurrencySource::option);

  // Nothing says otherwise: USD by default, never certain.
  const Extraction d = run("It raised $5bn.");
  CHECK(d.figures.at(0).unit.to_string() == "USD");
  CHECK(d.figures.at(0).currency_source == CurrencySource::default_);

  // Markers that disagree decide nothing; a code without a sign (`140.9 HKD per share`) is no evidence for `$`.
  CHECK(run("US$3bn and HK$4bn, then $5bn.").figures.at(2).currency_source == CurrencySource::default_);
  CHECK(run("shares at 140.9 HKD per share; Amazon will invest $100 billion").figures.at(1).unit.to_string() == "USD");

  // A bare amount in brackets right after an explicit one translates it: never the same currency.
  const Extraction pair = run("Revenue was HK$1.2bn. It is valued at HK$700 billion ($89.6 billion).");
  REQUIRE(pair.figures.size() == 3);
  CHECK(pair.figures[2].unit.to_string() == "USD");
  CHECK(pair.figures[2].currency_source == CurrencySource::default_);
  CHECK(pair.figures[1].linked == std::optional<std::size_t>{2});

  // ¥ with yuan written in its paragraph is yuan; with nothing, it is refused.
  const Extraction y = run("Sales rose to 5 billion yuan, and ¥300 million came from abroad.");
  REQUIRE(y.figures.size() == 2);
  CHECK(y.figures[1].unit.to_string() == "CNY");
  CHECK(y.figures[1].currency_source == CurrencySource::document);
  CHECK(y.figures[1].currency_evidence->marker == "5 billion yuan");
  ExtractOptions jpy;
  jpy.yen = JPY;
  const Extraction yo = extract_figures("priced at ¥500", jpy);
  CHECK(yo.figures.at(0).unit.to_string() == "JPY");
  CHECK(yo.figures.at(0).currency_source == CurrencySource::option);
}

TEST_CASE("one to three letters glued before an amount of a million or more are refused and said, identifiers stay silent",
          "[extract]") {
  // Letters no lexicon row names (a currency the lexicon does not know, as `Dh`, `Tk`
  // were before their rows): the amount is money lost if passed over in silence.
  for (const auto& [text, input, letters] : {std::tuple{"Sales were Zq1.2bn last year.", "Zq1.2bn", "Zq"},
                                             std::tuple{"It raised Zqx500m.", "Zqx500m", "Zqx"},
                                             std::tuple{"It raised Q 5, then Zq5 million.", "Zq5 million", "Zq"}}) {
    INFO(text);
    const Extraction e = run(text);
    CHECK(e.figures.empty());
    REQUIRE(e.skipped.size() == 1);
    CHECK(e.skipped.front().code == Errc::unknown_currency);
    CHECK(e.skipped.front().input == input);
    CHECK(e.skipped.front().message.find(std::string("'") + letters + "' glued before the number is no currency marker") !=
          std::string::npos);
  }
  // Identifiers: no scale, four letters or more, or letters inside a word.
  for (const char* text : {"The FY2025 results, H20 chips and the Qwen2.5 model.", "It raised Zqxw1.2bn.",
                           "Its model x7Zq5bn shipped."}) {
    INFO(text);
    const Extraction e = run(text);
    CHECK(e.figures.empty());
    CHECK(e.skipped.empty());
  }
}
