// FigureReader::read's cached beginnings and fast path (figure_reader_fast.cpp)
// against its general path (read_uncached: every beginning read by the grammar,
// no fast path): the same answer and the same reading, field for field, on every
// figure of the v1 corpus and of the v2 corpus of ../shared/bench, on forms written
// here, and on random mutations of them (a byte inserted, deleted or replaced:
// ASCII, UTF-8 spaces, dashes and signs, invisible characters, Chinese scales),
// under several option sets, with and without ranges.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

ParseOptions v2_options() {
  ParseOptions p;
  p.locale = "en";
  p.one_marker = true;
  return p;
}

std::vector<ParseOptions> option_sets() {
  std::vector<ParseOptions> out(5);
  out[1] = v2_options();
  out[2].one_marker = true;
  out[2].currency.dollar_is_option = true;
  out[2].currency.yen_or_yuan = Currency::from_code("JPY").value();
  out[3].locale = "en-IN";
  out[3].currency.dollar = Currency::from_code("HKD").value();
  out[3].currency.dollar_is_option = true;
  out[4].currency.dollar.reset();
  out[4].count_nouns = false;
  return out;
}

// Every field of a reading, or "-" where there is none.
std::string fields(bool read, const FigureReading& r) {
  if (!read) return "-";
  return std::to_string(r.digits) + " " + std::to_string(r.fraction_digits) + " " + std::to_string(r.shift) + " " +
         std::to_string(r.scale.exponent) + std::string(r.scale.symbol) + " " + std::to_string(r.negative) + " " +
         std::string(r.currency.code()) + " " + std::to_string(static_cast<int>(r.per)) + " " +
         std::to_string(static_cast<int>(r.qualifier)) + " " + std::to_string(static_cast<int>(r.currency_source)) +
         " " + std::to_string(r.currency_family) + " " + std::to_string(r.begin) + "," + std::to_string(r.end) + " " +
         std::to_string(r.qualifier_end) + " " + std::to_string(r.marker_begin) + "," + std::to_string(r.marker_end) +
         " " + std::to_string(r.range) + " " + std::to_string(r.upper_digits) + " " +
         std::to_string(r.upper_fraction_digits);
}

struct Tally {
  std::size_t checked = 0, read = 0;
  std::vector<std::string> disagreements;
};

void compare(const FigureReader& reader, const std::string& text, Tally& tally) {
  for (const bool ranges : {false, true}) {
    ++tally.checked;
    FigureReading fast, general;
    const bool a = reader.read(text, fast, ranges);
    const bool b = reader.read_uncached(text, general, ranges);
    tally.read += a ? 1 : 0;
    const std::string x = fields(a, fast), y = fields(b, general);
    if (x != y && tally.disagreements.size() < 20) {
      tally.disagreements.push_back(text + (ranges ? " (ranges)" : "") + "\n  read:          " + x +
                                    "\n  read_uncached: " + y);
    }
  }
}

// A byte (or a UTF-8 character) inserted, deleted or replaced at a random place.
std::string mutate(const std::string& s, std::mt19937_64& random) {
  static const char* pieces[] = {" ", ",", ".", "-", "$", "(", ")", "'", "0", "7", "b", "n", "B", "m", "k", "s", "U",
                                 "S", "D", "a", "e", "r", "\t", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89",
                                 "\xE2\x80\x8B", "\xE2\x80\x8D", "\xEF\xBB\xBF", "\xE2\x80\x93", "\xE2\x88\x92",
                                 "\xE2\x82\xAC", "\xE4\xBA\xBF", "\xE4\xB8\x87", "\xC2\xA3", "\xFF", "\x80", "%"};
  constexpr std::size_t count = sizeof pieces / sizeof pieces[0];
  const std::size_t at = s.empty() ? 0 : random() % (s.size() + 1);
  std::string out = s;
  switch (random() % 4) {
    case 0: out.insert(at, pieces[random() % count]); break;
    case 1:
      if (at < out.size()) out.erase(at, 1);
      break;
    case 2:
      if (at < out.size()) out.replace(at, 1, pieces[random() % count]);
      break;
    default:  // another case
      if (at < out.size()) out[at] = static_cast<char>(out[at] ^ 0x20);
      break;
  }
  return out;
}

}  // namespace

TEST_CASE("figure reader fast path: forms and near forms, as the general path reads them", "[parse][reader]") {
  const std::vector<std::string> forms = {
      "Rmb9.9bn", "$9.9bn", "HK$9.9 per share", "9.9 billion yuan", "US$9bn", "Rmb9.9 per share", "HKD 9.9 per share",
      "9.9 Hong Kong dollars per share", "9.9 billion US dollars", "USD 9.9bn", "$9,999", "$1,234,567.89", "\xE2\x82\xAC" "11.69",
      "HK$140.9", "9.9bn yuan", "9.9 BILLION YUAN", "9.9 Billion yuan", "9.9 billion Yuan", "9.9 lakh crore rupees",
      "Rs 9.9 lakh crore", "9.9 lakh rupees", "about $9.9bn", "~$9bn", "-$9bn", "US$-9bn", "$9.234", "$9.234bn", "$0.234",
      "9.9 yuan per share", "9.9 yuan PER SHARE", "9.9 yuan per Share", "$9 each", "$9each", "$9 per 10 shares", "9 USD",
      "9USD", "9 usd", "9 Usd", "9bnUSD", "9bn USD", "9 bn USD", "USD9bn", "usd 9bn", "Usd 9bn", "$9 billion dollars",
      "9 US dollars a share", "9 billion", "$9 billion yuan", "9.9 million Hong Kong dollars", "9.9 Hong Kong", "9 HK cents",
      "US9.9cps", "HK9 cents", "9.9 pence", "9.9p", "$9  bn", "$9bn ", " $9bn", "$9bn per", "$9 per share per share",
      "$1,23,456", "\xE2\x82\xB9" "1,23,456", "$9\xC2\xA0" "bn", "9\xC2\xA0USD", "$9-10bn", "$9 to 10bn", "$9 to bn",
      "9 to yuan", "$(9)bn", "($9bn)", "9.9 New Zealand dollars", "9.9 new zealand dollars", "9.9 New Zealand",
      // a scale and a marker written onto the number, not ASCII (the tails table)
      "9\xE4\xB8\x87\xE5\x86\x86", "9.9\xE4\xBA\xBF\xE6\xB8\xAF\xE5\x85\x83", "9\xE4\xB8\x87\xE4\xBA\xBF\xE7\xBE\x8E\xE5\x85\x83",
      "9\xE6\x97\xA5\xE5\x85\x83", "1.234\xE4\xBA\xBF\xE5\x85\x83", "1.234\xE5\x85\x83", "9bn\xE2\x82\xAC", "9\xE2\x82\xAC",
      "about 9\xE4\xBA\xBF\xE5\x86\x86", "-9\xE4\xB8\x87\xE5\x85\x83", "9 \xE4\xB8\x87\xE5\x86\x86", "$9\xE4\xB8\x87",
      "9\xE4\xB8\x87\xE5\x86\x86 per share", "9\xE4\xB8\x87 \xE5\x86\x86",
      // wide spaces between the words after the number, after a marker before it
      "98MM\xE2\x80\xAFLTL", "314.2bln\xC2\xA0RUB", "48.14 billion\xC2\xA0Yen", "0.06\xE2\x80\xAFNew Zealand Dollars",
      "0.06 New\xC2\xA0Zealand dollars", "9\xC2\xA0per share USD", "9 USD\xC2\xA0per share", "9\xE2\x80\x89USD\xE2\x80\x89",
      "INR\xE2\x80\xAF" "9", "Rs\xC2\xA0" "9", "\xE2\x82\xB9\xE2\x80\x89" "9", "HK$\xC2\xA0" "9bn", "NZD\xE2\x80\xAF\xE2\x88\x92" "9",
      "-Rs9", "\xE2\x88\x92" "A$9", "Rs.-9", "NZ$\xE2\x88\x92" "9", "-HK$ 9", "USD -9", "USD- 9",
      // hedges past eight bytes, words in title case
      "just under 9 USD", "approximately 9 billion yen", "no more than $9", "upwards of \xC2\xA3" "9", "north of 9 Euros",
      "9 Euros per Share", "9 Hong Kong Dollars", "9 U.S. dollars", "9 Swiss Francs each"};
  std::mt19937_64 random(20261207);
  for (const ParseOptions& options : option_sets()) {
    const FigureReader reader(options);
    Tally tally;
    for (const std::string& form : forms) {
      compare(reader, form, tally);
      for (int k = 0; k < 200; ++k) compare(reader, mutate(form, random), tally);
    }
    CHECK(tally.disagreements == std::vector<std::string>{});
    CHECK(tally.read > tally.checked / 8);
  }
  // Read at all (the general path agrees above): forms the fast path now reads too.
  const FigureReader reader{ParseOptions{}};
  for (const char* text : {"9\xE4\xB8\x87\xE5\x86\x86", "98MM\xE2\x80\xAFLTL", "INR\xE2\x80\xAF" "9", "-Rs9",
                           "just under 9 USD", "9 Euros per Share", "0.06\xE2\x80\xAFNew Zealand Dollars"}) {
    INFO(text);
    FigureReading r;
    CHECK(reader.read(text, r));
  }
  FigureReading r;
  REQUIRE(reader.read("9.9\xE4\xBA\xBF\xE6\xB8\xAF\xE5\x85\x83", r));  // 9.9亿港元
  CHECK(r.digits == 99);
  CHECK(r.exponent() == 7);
  CHECK(r.currency == Currency::from_code("HKD").value());
  CHECK(r.marker_begin == 6);
  CHECK(r.marker_end == 12);
}

TEST_CASE("figure reader fast path: the v1 and v2 corpora and their mutations", "[parse][reader]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus.py");
  const auto v1 = test::corpus_figures("gen_corpus.py", 200000, 1);
  const auto v2 = test::corpus_figures("gen_corpus_v2.py", 200000, 7);
  REQUIRE(v1.size() == 200000);
  REQUIRE(v2.size() == 200000);
  const auto options = option_sets();
  std::mt19937_64 random(7);
  for (std::size_t o = 0; o < options.size(); ++o) {
    INFO("options " << o);
    const FigureReader reader(options[o]);
    Tally on_v1, on_v2, mutations;
    // every figure under the default and normalize-v2's options, a share under the others
    const std::size_t stride = o < 2 ? 1 : 7;
    for (std::size_t i = o % stride; i < v1.size(); i += stride) compare(reader, v1[i], on_v1);
    for (std::size_t i = o % stride; i < v2.size(); i += stride) compare(reader, v2[i], on_v2);
    for (std::size_t i = o; i < v1.size(); i += 20) {
      std::string m = v1[i];
      for (int k = 0; k < 3; ++k) compare(reader, m = mutate(m, random), mutations);
    }
    for (std::size_t i = o; i < v2.size(); i += 20) {
      std::string m = v2[i];
      for (int k = 0; k < 3; ++k) compare(reader, m = mutate(m, random), mutations);
    }
    CHECK(on_v1.disagreements == std::vector<std::string>{});
    CHECK(on_v2.disagreements == std::vector<std::string>{});
    CHECK(mutations.disagreements == std::vector<std::string>{});
    if (o == 1) CHECK(on_v1.read == on_v1.checked);  // normalize-v2's options read every v1 figure
  }
}
