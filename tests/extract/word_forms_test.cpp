#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/lexicon/cue_interval.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "lexicon_with_cues.hpp"

// Word forms without a number (`billions`, `double-digit`, `three-year high`) come
// from the lexicon's cues (data/lexicon/cues.csv), not from the extractor.

using namespace finmetrics;

namespace {

struct Seen {
  std::string text, kind, unit, interval;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> seen(std::string_view text, const ExtractOptions& options = {}) {
  std::vector<Seen> out;
  for (const auto& f : extract_figures(text, options).figures) {
    out.push_back({f.text, std::string(to_string(f.kind)), f.unit.to_string(),
                   f.interval ? f.interval->to_string() : std::string("none")});
  }
  return out;
}

// The built-in lexicon's files with `extra` appended to cues.csv.
Lexicon with_cues(std::string_view extra) { return test::lexicon_with_cues(extra); }

}  // namespace

TEST_CASE("a vague magnitude takes any currency of the lexicon after it", "[extract][word_forms]") {
  CHECK(seen("It spent billions of euros on towers.") ==
        std::vector<Seen>{{"billions of euros", "money", "EUR", "[1000000000, 1000000000000)"}});
  CHECK(seen("It won a multibillion-euro contract") ==
        std::vector<Seen>{{"multibillion-euro", "money", "EUR", "[2000000000, 1000000000000)"}});
  CHECK(seen("several billion rupees of orders") ==
        std::vector<Seen>{{"several billion rupees", "money", "INR", "[2000000000, 10000000000)"}});
  CHECK(seen("tens of millions of pounds on fees") ==
        std::vector<Seen>{{"tens of millions of pounds", "money", "GBP", "[10000000, 100000000)"}});
  CHECK(seen("hundreds of millions of yuan.") ==
        std::vector<Seen>{{"hundreds of millions of yuan", "money", "CNY", "[100000000, 1000000000)"}});
  // A bare dollar is decided like `$`: by the document's explicit markers.
  CHECK(seen("HK$5bn in March, and billions of dollars later") ==
        std::vector<Seen>{{"HK$5bn", "money", "HKD", "[4500000000, 5500000000)"},
                          {"billions of dollars", "money", "HKD", "[1000000000, 1000000000000)"}});
}

TEST_CASE("a vague magnitude is no money in a word that is also a currency, nor in a lone family word",
          "[extract][word_forms]") {
  // `pounds` of steel is a weight: the words count it, no GBP.
  CHECK(seen("Millions of pounds of steel") ==
        std::vector<Seen>{{"Millions of pounds", "count", "pounds", "[1000000, 1000000000)"}});
  // Which peso is never guessed, and no count of pesos is made up.
  CHECK(seen("Banks lost billions of pesos.").empty());
}

TEST_CASE("records: a horizon of the lexicon, or a number and a duration, before high or low",
          "[extract][word_forms]") {
  CHECK(seen("Shares hit a 52-week high on Monday; the yen fell to a 34-year low") ==
        std::vector<Seen>{{"52-week high", "record", "", "none"}, {"34-year low", "record", "", "none"}});
  CHECK(seen("Oil hit a seven-week high and a 15-year low, then a 12 month high.") ==
        std::vector<Seen>{{"seven-week high", "record", "", "none"},
                          {"15-year low", "record", "", "none"},
                          {"12 month high", "record", "", "none"}});
  CHECK(seen("an all-time low after record highs") ==
        std::vector<Seen>{{"all-time low", "record", "", "none"}, {"record highs", "record", "", "none"}});
  // A plural duration is no horizon; a number that is part of another figure neither.
  CHECK(seen("after three years high inflation").empty());
  CHECK(seen("version 1.5-year high").empty());
}

TEST_CASE("digit rules are the lexicon's, also written apart", "[extract][word_forms]") {
  CHECK(seen("with double digits growth and single digit margins") ==
        std::vector<Seen>{{"double digits", "percent", "%", "[10, 100)"}, {"single digit", "percent", "%", "[0, 10)"}});
}

TEST_CASE("a word form added to the lexicon is read with no C++ edited", "[extract][word_forms]") {
  const Lexicon lex = with_cues(
      "quadruple-digit,digit_rule,1000..10000,\nzillions,vague_magnitude,1e15..1e18,\nmulti-decade,record_horizon,,\n");
  ExtractOptions options;
  options.parse.lexicon = &lex;
  CHECK(seen("quadruple-digit growth, zillions of euros, a multi-decade high", options) ==
        std::vector<Seen>{{"quadruple-digit", "percent", "%", "[1000, 10000)"},
                          {"zillions of euros", "money", "EUR", "[1000000000000000, 1000000000000000000)"},
                          {"multi-decade high", "record", "", "none"}});
  // The built-in lexicon knows none of the three (its `decade` horizon reads the end).
  CHECK(seen("quadruple-digit growth, zillions of euros, a multi-decade high") ==
        std::vector<Seen>{{"decade high", "record", "", "none"}});
}

TEST_CASE("a word form's values are checked when the lexicon is read", "[lexicon][word_forms]") {
  CHECK(cue_interval("1e9..1e12")->to_string() == "[1000000000, 1000000000000)");
  CHECK(cue_interval("0..10")->to_string() == "[0, 10)");
  CHECK(cue_interval("10..1").error().message == "'10..1': low must be below high");
  CHECK(cue_interval("1e9").error().message == "expected 'low..high', found '1e9'");
  CHECK(cue_interval("a..b").error().message == "'a..b' is not 'low..high' (two decimals)");
}
