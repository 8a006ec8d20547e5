// The front path of parse_figure (src/parse/figure_front.cpp) against the general
// reader: wherever the front path reads a figure, every field of the QuotedFigure
// is the general reader's, and parse_figure (front path first) answers every input
// exactly as the general reader alone does, errors included (code, message,
// position, input). Checked on forms written here, on the v1 and v2 corpora of
// ../shared/bench and their near misses, under several options.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "finmetrics/io/csv.hpp"
#include "finmetrics/parse/detail/figure_paths.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "corpus.hpp"
#include "figure_fields.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using parse_detail::FigurePaths;
using parse_detail::parse_figure_by;

namespace {

using test::figure_fields;

struct Tally {
  std::size_t checked = 0, front = 0;
  std::vector<std::string> disagreements;
};

void check_one(std::string_view text, const ParseOptions& options, Tally& tally) {
  ++tally.checked;
  const std::string general = figure_fields(*parse_figure_by(text, options, FigurePaths::general_only));
  const std::string both = figure_fields(parse_figure(text, options));
  if (both != general && tally.disagreements.size() < 20) {
    tally.disagreements.push_back(std::string(text) + "\n  parse_figure: " + both + "\n  general:      " + general);
  }
  if (const auto front = parse_figure_by(text, options, FigurePaths::front_only)) {
    ++tally.front;
    const std::string f = figure_fields(*front);
    if (f != general && tally.disagreements.size() < 20) {
      tally.disagreements.push_back(std::string(text) + "\n  front:   " + f + "\n  general: " + general);
    }
  }
}

std::vector<ParseOptions> option_sets() {
  std::vector<ParseOptions> out(5);
  out[1].one_marker = true;  // normalize-v2's
  out[1].currency.dollar_is_option = true;
  out[1].currency.yen_or_yuan = Currency::from_code("JPY").value();
  out[2].locale = "de";
  out[2].count_nouns = false;
  out[3].locale = "en-IN";
  out[3].currency.dollar = Currency::from_code("HKD").value();
  out[3].currency.dollar_is_option = true;
  out[4].currency.dollar.reset();  // `$` ambiguous
  out[4].currency.yen_or_yuan = Currency::from_code("CNY").value();
  out[4].tolerances.approximate = Decimal::from_parts(1, -1);
  return out;
}

// Near misses of a figure: each byte dropped, doubled, or replaced by a byte that
// matters to the grammar; a hedge, a sign or a word added at either end.
std::vector<std::string> near_misses(const std::string& s) {
  static const char* replacements[] = {",", ".", " ", "0", "$", "m", "b", "k", "n", "-", "U", "x", "(", "%", "s", "\xC2\xA0"};
  constexpr std::size_t count = sizeof replacements / sizeof replacements[0];
  std::vector<std::string> out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    out.push_back(s.substr(0, k) + s.substr(k + 1));
    out.push_back(s.substr(0, k + 1) + s.substr(k));
    out.push_back(s.substr(0, k) + replacements[(k * 7 + s.size()) % count] + s.substr(k + 1));
  }
  for (const char* extra : {" ", "about ", "-", "(", "US", "nearly ", "~", "between 5 and ", "minus "}) out.push_back(extra + s);
  for (const char* extra : {" ", " per ADS", ")", " USD", " each", "s", " per share", " a share", " per ordinary share",
                            " billion", "bn", " to 9bn", "-9", ".", " yuan", " HK cents"}) {
    out.push_back(s + extra);
  }
  return out;
}

}  // namespace

TEST_CASE("front path: the commonest shapes, read as the general reader reads them", "[parse][front]") {
  const ParseOptions options;
  const std::vector<std::string> fronted = {
      "Rmb81bn", "$11bn", "US$34.5bn", "HK$140.9 per share", "380 billion yuan", "26.549 billion yuan", "\xE2\x82\xAC" "1.5bn",
      "EUR 2.5tn", "RMB 500mn", "$250k", "USD 1,234,567.89", "1,500 Hong Kong dollars", "12.5 euros per share",
      "HKD 3.2 thousand", "GBP 1.2bn", "5bn USD", "1 US dollars", "-$5bn", "\xE2\x88\x92" "5 million euros", "USD -5bn",
      "about $5bn", "nearly 60 euros", "more than 3,819,513,981 BGN", "~$5bn", "5 Swiss francs each", "9.9 pence",
      "1.49 cents", "5.77 pence per ordinary share", "$5bn per ADS", "Rs 4.5 lakh crore", "INR 64 810", "5\xC2\xA0USD",
      "Rs.45", "$0.36 a share", "5 crore rupees", "NT$3", "10 grand",
      "9.9\xE4\xBA\xBF\xE5\x85\x83", "947842\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81", "404\xE4\xB8\x87\xE6\xB8\xAF\xE5\x85\x83",
      "79.9\xE4\xB8\x87\xE4\xBA\xBF\xE5\x86\x86", "6,341\xE4\xBA\xBF", "5 \xE4\xBA\xBF\xE7\xBE\x8E\xE5\x85\x83",
      "$3bn-$4bn", "$2.3-2.5 billion", "between $1 and $2", "from 4 to 14MM U.S. dollars", "HK$1.7bn-HK$2.3bn",
      "S$1,240.0 per 10 shares", "\xE2\x82\xB9 19 per American depositary shares", "35 baht per American depositary share",
      "Rs 600-2,023 per 10 shares", "5 to 7 billion yuan", "HK$8\xE2\x80\x93" "26 per share", "about 3-4 USD",
      // read by the front path as the general reader reads them: errors
      "$1,23,456", "Rmb3bn-$4bn", "7-5 USD", "more than $5-7bn"};
  Tally tally;
  for (const std::string& text : fronted) {
    INFO(text);
    CHECK(parse_figure_by(text, options, FigurePaths::front_only).has_value());
    check_one(text, options, tally);
  }
  // Left to the general reader (for one end at least): a percentage, parentheses, number words, a Chinese marker before
  // the number (人民币5亿元), Chinese running text after it (500亿建设),
  // two markers, minor units before a number, a country prefix, errors.
  for (const char* text : {"5-7%", "between 5 and 7 per cent", "($99.99)", "\xC2\xA3(982)m", "three billion dollars",
                           "\xE4\xBA\xBA\xE6\xB0\x91\xE5\xB8\x81" "5\xE4\xBA\xBF\xE5\x85\x83",
                           "500\xE4\xBA\xBF\xE5\xBB\xBA\xE8\xAE\xBE", "nearly 60%", "USD $5bn", "NZD $100.70", "US4.5cps", "HK1 cent",
                           "5p", "20\xE2\x82\xAC", "5 pesos", "XYZ 5",
                           "$5bn yuan", "5bn million", "1.2 billion shares", "a 12.6 decline", "20 dollars 43 cents",
                           "\xC2\xA5" "5bn", "1,234,56 USD", "$5 per 3 shares", "$5 per 10 share", "$5 per American share", "$5\xE2\x80\x8D" "0bn"}) {
    INFO(text);
    CHECK_FALSE(parse_figure_by(text, options, FigurePaths::front_only).has_value());
    check_one(text, options, tally);
  }
  CHECK(tally.disagreements == std::vector<std::string>{});
  CHECK(tally.front == fronted.size());
}

TEST_CASE("front path: every option set, on forms and their near misses", "[parse][front]") {
  const std::vector<std::string> forms = {"Rmb81bn", "HK$140.9 per share", "380 billion yuan", "$11bn", "about USD 1,234.5 million",
                                          "5.77 pence per ordinary share", "Rs 1,20,000 crore", "9.9\xE4\xBA\xBF\xE5\x85\x83", "3,503.4\xE4\xB8\x87\xE6\x97\xA5\xE5\x85\x83", "\xE2\x82\xAC" "1.234",
                                          "1.234,5 EUR", "1 234,5 EUR", "5 US dollars a share", "-1.5bn SEK"};
  for (const ParseOptions& options : option_sets()) {
    Tally tally;
    for (const std::string& form : forms) {
      check_one(form, options, tally);
      for (const std::string& miss : near_misses(form)) check_one(miss, options, tally);
    }
    CHECK(tally.disagreements == std::vector<std::string>{});
    CHECK(tally.front > 0);
  }
}

TEST_CASE("front path: the v1 and v2 corpora and their near misses, under every option set", "[parse][front]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus.py");
  const auto v1 = test::corpus_figures("gen_corpus.py", 20000, 17);
  const auto v2 = test::corpus_figures("gen_corpus_v2.py", 40000, 23);
  REQUIRE(v1.size() == 20000);
  REQUIRE(v2.size() == 40000);
  const auto options = option_sets();
  Tally on_v2;
  for (const std::string& f : v2) check_one(f, options[0], on_v2);
  CHECK(on_v2.disagreements == std::vector<std::string>{});
  // The front path is really on the path: most v2 figures and every v1 one take it.
  CHECK(on_v2.front > v2.size() * 3 / 5);
  Tally on_v1;
  for (const std::string& f : v1) check_one(f, options[0], on_v1);
  CHECK(on_v1.disagreements == std::vector<std::string>{});
  CHECK(on_v1.front == v1.size());
  for (std::size_t o = 0; o < options.size(); ++o) {
    Tally tally;
    for (std::size_t i = o; i < v2.size(); i += 40) {
      check_one(v2[i], options[o], tally);
      for (const std::string& miss : near_misses(v2[i])) check_one(miss, options[o], tally);
    }
    for (std::size_t i = o; i < v1.size(); i += 100) {
      for (const std::string& miss : near_misses(v1[i])) check_one(miss, options[o], tally);
    }
    INFO("options " << o);
    CHECK(tally.disagreements == std::vector<std::string>{});
    CHECK(tally.front > tally.checked / 20);
  }
}
