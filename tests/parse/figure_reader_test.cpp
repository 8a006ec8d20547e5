// FigureReader (parse/figure_reader.hpp) against parse_figure: wherever the reader
// reads a text, to_quoted_figure gives parse_figure's QuotedFigure field for field
// (Decimal quanta, spans, marker, family, tolerances), and FigureReader::parse
// answers every input exactly as parse_figure does, errors included. Checked on
// forms written here, on the v1 and v2 corpora of ../shared/bench and their near
// misses, under several option sets. (The grammar alone, parse_figure_unmemoized, is
// the reference: parse_figure itself reads through a compiled reader once enough
// figures were asked about, figure_reader_memo_test.cpp.)
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "corpus.hpp"
#include "figure_fields.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

// normalize-v2's options (normalize/normalizer.hpp's v2_parse_options, a layer above).
ParseOptions v2_parse_options() {
  ParseOptions p;
  p.locale = "en";
  p.one_marker = true;
  return p;
}

using test::figure_fields;

struct Tally {
  std::size_t checked = 0, read = 0, ranges_read = 0;
  std::vector<std::string> disagreements;
};

void check_one(const FigureReader& reader, std::string_view text, Tally& tally) {
  ++tally.checked;
  const std::string general = figure_fields(parse_detail::parse_figure_unmemoized(text, reader.options()));
  const std::string through = figure_fields(reader.parse(text));
  if (through != general && tally.disagreements.size() < 20) {
    tally.disagreements.push_back(std::string(text) + "\n  reader.parse: " + through + "\n  parse_figure: " + general);
  }
  if (FigureReading r; reader.read(text, r)) {
    ++tally.read;
    const std::string f = figure_fields(reader.to_quoted_figure(text, r));
    if (f != general && tally.disagreements.size() < 20) {
      tally.disagreements.push_back(std::string(text) + "\n  reader:       " + f + "\n  parse_figure: " + general);
    }
    // What the v2 row relies on: money with a currency, no range, a minor unit divided, 18 digits at most.
    const auto q = parse_detail::parse_figure_unmemoized(text, reader.options());
    if (q && (!q->unit.is_money() || !q->unit.currency || q->upper || r.digits >= 1'000'000'000'000'000'000ULL || r.range) &&
        tally.disagreements.size() < 20) {
      tally.disagreements.push_back(std::string(text) + ": a reading v2 cannot take");
    }
  }
  // Asked for ranges too: a range only where read() alone reads nothing, and parse_figure's figure.
  if (FigureReading r; reader.read(text, r, true)) {
    ++tally.ranges_read;
    const std::string f = figure_fields(reader.to_quoted_figure(text, r));
    if (f != general && tally.disagreements.size() < 20) {
      tally.disagreements.push_back(std::string(text) + "\n  reader (ranges): " + f + "\n  parse_figure:     " + general);
    }
    if (FigureReading one; r.range == reader.read(text, one) && tally.disagreements.size() < 20) {
      tally.disagreements.push_back(std::string(text) + ": a range read without ranges, or a figure only with them");
    }
  }
}

std::vector<ParseOptions> option_sets() {
  std::vector<ParseOptions> out(6);
  out[1] = v2_parse_options();  // normalize-v2's
  out[2].one_marker = true;
  out[2].currency.dollar_is_option = true;
  out[2].currency.yen_or_yuan = Currency::from_code("JPY").value();
  out[3].locale = "en-IN";
  out[3].currency.dollar = Currency::from_code("HKD").value();
  out[3].currency.dollar_is_option = true;
  out[4].currency.dollar.reset();  // `$` ambiguous
  out[4].currency.yen_or_yuan = Currency::from_code("CNY").value();
  out[4].tolerances.approximate = Decimal::from_parts(1, -1);
  out[5].count_nouns = false;
  out[5].locale = "en";
  return out;
}

// Near misses of a figure: each byte dropped, doubled, or replaced by a byte that
// matters to the grammar; a hedge, a sign or a word added at either end.
std::vector<std::string> near_misses(const std::string& s) {
  static const char* replacements[] = {",", ".", " ", "0", "$", "m", "b", "k", "n", "-", "U", "x", "(", "%", "s",
                                       "\xC2\xA0", "\t", "'", "\xE2\x88\x92", "A"};
  constexpr std::size_t count = sizeof replacements / sizeof replacements[0];
  std::vector<std::string> out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    out.push_back(s.substr(0, k) + s.substr(k + 1));
    out.push_back(s.substr(0, k + 1) + s.substr(k));
    out.push_back(s.substr(0, k) + replacements[(k * 7 + s.size()) % count] + s.substr(k + 1));
    out.push_back(s.substr(0, k) + replacements[(k * 11 + s.size() + 3) % count] + s.substr(k));
  }
  for (const char* extra : {" ", "about ", "-", "(", "US", "nearly ", "~", "between 5 and ", "minus ", "\xE2\x88\x92",
                            "more than ", "ABOUT ", "about  ", "\t"}) {
    out.push_back(extra + s);
  }
  for (const char* extra : {" ", " per ADS", ")", " USD", " each", "s", " per share", " a share", " per ordinary share",
                            " billion", "bn", " to 9bn", "-9", ".", " yuan", " HK cents", " PER SHARE", "\t", " 000",
                            ",000", ".5", " bn", "  per share", "-9", "\xE2\x80\x93" "9.5", " to 9", "-1,500.25"}) {
    out.push_back(s + extra);
  }
  return out;
}

}  // namespace

TEST_CASE("figure reader: the reading is plain data", "[parse][reader]") {
  STATIC_REQUIRE(std::is_trivially_copyable_v<FigureReading>);
  STATIC_REQUIRE(sizeof(FigureReading) <= 96);
}

TEST_CASE("figure reader: the commonest forms, read as parse_figure reads them", "[parse][reader]") {
  const FigureReader reader(v2_parse_options());
  REQUIRE(reader.enabled());
  const std::vector<std::string> read = {
      "Rmb81bn", "$11bn", "US$34.5bn", "HK$140.9 per share", "380 billion yuan", "26.549 billion yuan",
      "\xE2\x82\xAC" "1.5bn", "EUR 2.5tn", "RMB 500mn", "$250k", "USD 1,234,567.89", "1,500 Hong Kong dollars",
      "12.5 euros per share", "GBP 1.2bn", "5bn USD", "1 US dollars", "-$5bn", "\xE2\x88\x92" "5 million euros",
      "USD -5bn", "US$-677.0mn", "about $5bn", "nearly 60 euros", "more than 3,819,513,981 BGN", "~$5bn",
      "5 Swiss francs each", "9.9 pence", "1.49 cents", "5.77 pence per ordinary share", "$5bn per ADS", "INR 64 810",
      "GBP 44 138 047 041.1", "5\xC2\xA0USD", "$0.36 a share", "NT$3", "0.9 CHF", "81.1 STERLING", "2.98 trillion EUROS",
      "0.972tn new zealand dollars", "  $5bn  ", "0.00 USD", "-0 USD", "USD 007",
      // Indian grouping with a rupee marker, per N shares, accounting parentheses
      "\xE2\x82\xB9" "2,83,65,87,890", "Rs 4,60,518.80 crore", "1,06,997.3 rupees", "$5 per 10 shares",
      "(S$ 544m)", "US$(318)m", "($99.99)", "\xC2\xA3(982)m", "R$(84.2) per share", "(USD 1) per share", "\xE2\x82\xAC(684.39)b",
      // a country prefix and a minor unit after the number
      "US0.1 cents", "HK12 cents per ordinary share", "US3cps", "HK8cps", "US 3 cents", "NZ5 cents", "US4.5c",
      "HK0.9cps", "US1,234.5 cents", "about US5 cents",
      // numbers in words
      "eleven million renminbi", "half a billion pounds sterling", "a thousand US dollars", "sixty-three Canadian dollars",
      "eight hundred billion dollars", "just under two million rand", "twenty-five million Australian dollars",
      "a billion New Zealand dollars", "fifteen euros", "ten thousand rand", "at most half a million euros"};
  for (const std::string& text : read) {
    INFO(text);
    FigureReading r;
    CHECK(reader.read(text, r));
  }
  // Left to parse_figure: ranges, parentheses, number words, percentages, counts, two markers,
  // locale-dependent numbers, errors.
  const std::vector<std::string> left = {
      "$3bn-$4bn", "5 to 7 billion yuan", "between $1 and $2", "fifteen hundred million US dollars",
      "twenty-five hundred USD",
      "nearly 60%", "USD $5bn", "NZD $100.70", "5p per 3 shares", "5 pesos", "XYZ 5", "$5bn yuan", "5bn million",
      "1.2 billion shares", "\xC2\xA5" "5bn", "1,234,56 USD", "1 234,5 USD", "1,234 567.5 USD", "$5\xE2\x80\x8D" "0bn",
      "USD 1234567890123456789", "5.", "USD", "", "   ", "usd 5", "$1,23,456", "USD  5", "1,23 456 rupees",
      "about  USD 5", "about -USD 5", "--5 USD", "$5 per 3 shares", "5 US dollars per share per share", "(USD 5",
      "USD (5", "( USD 5)", "(USD 5 )", "-(USD 5)", "(-USD 5)", "USD (-5)", "about (USD 5)",
      "A 5c", "US5 US cents", "US-5 cents", "US1.5bn cents", "US5", "US5 dollars", "US3cps per share", "(US5 cents)",
      "US\xC2\xA0" "5 cents", "US5 pence",
      "one hundred and five euros", "a euros", "half euros", "Eleven million USD", "eleven", "eleven  USD",
      "twenty one euros", "-eleven USD", "USD eleven", "eleven-five USD", "a half billion USD"};
  for (const std::string& text : left) {
    INFO(text);
    FigureReading r;
    CHECK_FALSE(reader.read(text, r));
  }
  Tally tally;
  for (const std::string& text : read) check_one(reader, text, tally);
  for (const std::string& text : left) check_one(reader, text, tally);
  CHECK(tally.disagreements == std::vector<std::string>{});

  // Ranges, where the caller asks for them (FigureReader::parse does).
  const std::vector<std::string> ranges = {"USD 5-7bn", "5-7 billion yuan", "$2.3 to 2.5 billion", "5.5-7 pounds",
                                           "\xE2\x82\xAC" "1.5\xE2\x80\x93" "2 per ADS", "1,234-2,345.5 USD",
                                           "\xE2\x82\xBD" "68-263 million", "Rs0.5-0.8B", "$2.3-2.50 billion",
                                           "5-7bn USD", "US$0.25-1.5 million",
                                           // each end written as a figure (figure_reader_range.cpp)
                                           "$5bn-$7bn", "5-5 USD", "between $1 and $2", "from 5 to 7 euros",
                                           "between \xE2\x82\xB9" "7 and 22 lakh crore", "from ISK0.6 million to ISK1.6 million",
                                           "\xC2\xA3" "354.4 million\xE2\x80\x93\xC2\xA3" "907.2 million", "A$429-A$832 per ADS",
                                           "5m to 11m canadian dollars", "5m to 1bn USD", "between Rs.0.8 lakh and 3.1 lakh",
                                           "from 4 to 6 lakh rupees", "0.4 lakh crore RUPEES to 1.1 lakh crore RUPEES",
                                           "R$0.1B-R$0.3B", "between 610.2855 and 1,952.9136 dollars per share"};
  const std::vector<std::string> not_ranges = {"7-5 billion yuan", "5 - 7 USD", "-5-7 USD", "5-7-9 USD", "5-7",
                                               "about 5 to 7 euros", "5 to seven euros", "5-7bn-9 USD",
                                               "between $1 to $2", "from $1 and $2", "from $1-$2", "$7bn-$5bn",
                                               "$5bn-\xE2\x82\xAC" "7bn", "between 5 and 7", "5 to 7 billion shares",
                                               "Between $1 and $2", "between  $1 and $2", "$1bn to 7 USD",
                                               "between 5 cents and 7 cents", "5 to 7 USD each share"};
  for (const std::string& text : ranges) {
    INFO(text);
    FigureReading r;
    CHECK_FALSE(reader.read(text, r));
    REQUIRE(reader.read(text, r, true));
    CHECK(r.range);
    check_one(reader, text, tally);
  }
  for (const std::string& text : not_ranges) {
    INFO(text);
    FigureReading r;
    CHECK_FALSE(reader.read(text, r, true));
    check_one(reader, text, tally);
  }
  CHECK(tally.disagreements == std::vector<std::string>{});
  FigureReading r;
  REQUIRE(reader.read("$2.3-2.50 billion", r, true));
  CHECK(r.digits == 23);
  CHECK(r.exponent() == 8);
  CHECK(r.upper_digits == 250);
  CHECK(r.upper_exponent() == 7);
  // each end with its own scale: the upper one's counted against the lower one's
  REQUIRE(reader.read("5m to 1bn USD", r, true));
  CHECK(r.digits == 5);
  CHECK(r.exponent() == 6);
  CHECK(r.upper_digits == 1);
  CHECK(r.upper_fraction_digits == -3);
  CHECK(r.upper_exponent() == 9);
  CHECK(r.marker_begin == 10);
  CHECK(r.marker_end == 13);
  // the lower end's scale is the upper one's where it states none, its marker the upper one's
  REQUIRE(reader.read("from 4 to 6.5 lakh rupees", r, true));
  CHECK(r.exponent() == 5);
  CHECK(r.upper_exponent() == 4);
  CHECK(r.currency == Currency::from_code("INR").value());
  CHECK(r.marker_begin == 19);
}

TEST_CASE("figure reader: what the v2 row takes from a reading", "[parse][reader]") {
  const FigureReader reader(v2_parse_options());
  FigureReading r;
  REQUIRE(reader.read("about HK$140.9 per share", r));
  CHECK(r.digits == 1409);
  CHECK(r.exponent() == -1);
  CHECK_FALSE(r.negative);
  CHECK(r.currency == Currency::from_code("HKD").value());
  CHECK(r.per == Per::share);
  CHECK(r.qualifier == Qualifier::about);
  CHECK(r.currency_source == CurrencySource::explicit_);
  CHECK(r.qualifier_end == 5);
  CHECK(r.marker_begin == 6);
  CHECK(r.marker_end == 9);
  REQUIRE(reader.read("5.77 pence", r));  // a minor unit: divided, never read whole
  CHECK(r.digits == 577);
  CHECK(r.shift == -2);
  CHECK(r.exponent() == -4);
  CHECK(r.currency == Currency::from_code("GBP").value());
  REQUIRE(reader.read("-$1.5bn", r));
  CHECK(r.negative);
  CHECK(r.scale.exponent == 9);
  CHECK(r.exponent() == 8);
  CHECK(r.currency_source == CurrencySource::default_);  // `$`: USD by default, never certain

  REQUIRE(reader.read("half a billion pounds sterling", r));  // numbers in words
  CHECK(r.digits == 5);
  CHECK(r.fraction_digits == 1);
  CHECK(r.exponent() == 8);
  CHECK(r.currency == Currency::from_code("GBP").value());
  CHECK(r.marker_begin == 15);
  REQUIRE(reader.read("about eight hundred billion dollars", r));
  CHECK(r.digits == 800);
  CHECK(r.exponent() == 9);
  CHECK(r.qualifier == Qualifier::about);
  REQUIRE(reader.read("sixty-three Canadian dollars", r));
  CHECK(r.digits == 63);
  CHECK(r.exponent() == 0);
  REQUIRE(reader.read("US4.5cps", r));  // a country prefix: the marker is all of it
  CHECK(r.digits == 45);
  CHECK(r.exponent() == -3);
  CHECK(r.per == Per::share);
  CHECK(r.currency == Currency::from_code("USD").value());
  CHECK(r.marker_begin == 0);
  CHECK(r.marker_end == 8);

  ParseOptions hk = v2_parse_options();
  hk.currency.dollar = Currency::from_code("HKD").value();
  hk.currency.dollar_is_option = true;
  const FigureReader hk_reader(hk);
  REQUIRE(hk_reader.read("$5", r));
  CHECK(r.currency == Currency::from_code("HKD").value());
  CHECK(r.currency_source == CurrencySource::option);

  // Without a locale `1.234` is ambiguous unless a scale follows: left to parse_figure, which says so.
  const FigureReader plain{ParseOptions{}};
  CHECK(plain.enabled());
  CHECK_FALSE(plain.read("USD 1.234", r));
  CHECK_FALSE(plain.parse("USD 1.234").has_value());
  REQUIRE(plain.read("USD 1.234bn", r));
  CHECK(r.digits == 1234);
  CHECK(r.exponent() == 6);
  REQUIRE(reader.read("USD 1.234", r));  // the locale "en": one and a bit
  CHECK(r.exponent() == -3);

  ParseOptions german;
  german.locale = "de";
  CHECK_FALSE(FigureReader(german).enabled());
  CHECK_FALSE(FigureReader(german).read("USD 1", r));
}

TEST_CASE("figure reader: the sampled learning compiles the exhaustive learning's tables", "[parse][reader]") {
  // The default (sampled) compile asks parse_figure about one sample a form and lets
  // ISO codes of one kind share a word; the exhaustive one asks about every sample
  // and every word alone. On the built-in lexicon both keep the same words in the
  // same forms, for every option set here: normalize-v2's, the tests', the fuzz
  // target's eighteen, and each locale that reads numbers the English way.
  std::vector<ParseOptions> sets = option_sets();
  static const std::optional<Currency> yen[3] = {std::nullopt, Currency::from_code("CNY").value(),
                                                 Currency::from_code("JPY").value()};
  static const std::optional<Currency> dollar[3] = {Currency::from_code("USD").value(),
                                                    Currency::from_code("HKD").value(), std::nullopt};
  for (int y = 0; y < 3; ++y) {
    for (int d = 0; d < 3; ++d) {
      for (const bool nouns : {true, false}) {
        ParseOptions o;
        o.currency.yen_or_yuan = yen[y];
        o.currency.dollar = dollar[d];
        o.count_nouns = nouns;
        sets.push_back(o);
      }
    }
  }
  for (const char* locale : {"en-IN", "hi", "zh", "ja", "de-CH"}) {
    ParseOptions o;
    o.locale = locale;
    sets.push_back(o);
  }
  std::size_t enabled = 0;
  for (std::size_t k = 0; k < sets.size(); ++k) {
    INFO("option set " << k << " locale '" << sets[k].locale << "'");
    const FigureReader sampled(sets[k]);
    const FigureReader exhaustive(sets[k], FigureReader::Learning::exhaustive);
    CHECK(sampled.tables() == exhaustive.tables());
    enabled += sampled.enabled() ? 1 : 0;
  }
  CHECK(enabled == sets.size() - 1);  // de-CH groups with apostrophes: parse_figure's
  const std::string tables = FigureReader(v2_parse_options()).tables();
  CHECK(tables.find("marker 'SEK' forms 15 any_case 12 currency SEK source explicit") != std::string::npos);
  CHECK(tables.find("marker 'US$' forms 15 any_case 3 currency USD") != std::string::npos);
  CHECK(tables.find("marker 'Hong Kong dollars' forms 11 any_case 11 currency HKD") != std::string::npos);
  CHECK(tables.find("marker 'cents' forms 12 any_case 12 currency USD source default family 1 shift -2") !=
        std::string::npos);  // after the number only; `$`'s currency, by default
  // the per-share phrases are the lexicon's rows (cues.csv: per_share, per_leader, share_class, share_noun)
  CHECK(tables.find("per 'per ADR' forms 8 any_case 0 currency - source explicit family 0 shift 0") != std::string::npos);
  CHECK(tables.find("per 'per 10 shares' forms 8 any_case 8 currency - source explicit family 0 shift -1") !=
        std::string::npos);
  CHECK(tables.find("per 'per ordinary share' forms 8 any_case 8") != std::string::npos);
}

TEST_CASE("figure reader: every option set, on forms and their near misses", "[parse][reader]") {
  const std::vector<std::string> forms = {"Rmb81bn", "HK$140.9 per share", "380 billion yuan", "$11bn",
                                          "about USD 1,234.5 million", "5.77 pence per ordinary share", "INR 64 810",
                                          "\xE2\x82\xAC" "1.234", "1.49 cents", "US$-677.0mn", "~\xE2\x82\xA9" "47.0 trillion",
                                          "5 US dollars a share", "-1.5bn SEK", "0.972tn new zealand dollars",
                                          "\xC2\xA3" "1.2bn", "NZ$7.58 million", "5 \xE4\xBA\xBF\xE7\xBE\x8E\xE5\x85\x83",
                                          "Rs 4,60,518.80 crore", "$5 per 10 shares", "(S$ 544m)", "US$(318)m",
                                          "US4.5cps", "HK 12 cents per ordinary share", "NZ0.5c",
                                          "twenty-five hundred million euros", "a hundred USD", "half a billion yen",
                                          "about three billion US dollars per share"};
  for (const ParseOptions& options : option_sets()) {
    const FigureReader reader(options);
    Tally tally;
    for (const std::string& form : forms) {
      check_one(reader, form, tally);
      for (const std::string& miss : near_misses(form)) check_one(reader, miss, tally);
    }
    CHECK(tally.disagreements == std::vector<std::string>{});
    CHECK(tally.read > tally.checked / 10);
  }
}

TEST_CASE("figure reader: the v1 and v2 corpora and their near misses, under every option set", "[parse][reader]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus.py");
  const auto v1 = test::corpus_figures("gen_corpus.py", 20000, 17);
  const auto v2 = test::corpus_figures("gen_corpus_v2.py", 40000, 29);
  REQUIRE(v1.size() == 20000);
  REQUIRE(v2.size() == 40000);
  const auto options = option_sets();
  for (std::size_t o = 0; o < options.size(); ++o) {
    INFO("options " << o);
    const FigureReader reader(options[o]);
    Tally on_v2, on_v1, misses;
    for (const std::string& f : v2) check_one(reader, f, on_v2);
    for (const std::string& f : v1) check_one(reader, f, on_v1);
    for (std::size_t i = o; i < v2.size(); i += 50) {
      for (const std::string& miss : near_misses(v2[i])) check_one(reader, miss, misses);
    }
    for (std::size_t i = o; i < v1.size(); i += 200) {
      for (const std::string& miss : near_misses(v1[i])) check_one(reader, miss, misses);
    }
    CHECK(on_v2.disagreements == std::vector<std::string>{});
    CHECK(on_v1.disagreements == std::vector<std::string>{});
    CHECK(misses.disagreements == std::vector<std::string>{});
    if (o == 1) {
      // normalize-v2's options: the reader is really on the path (every v1 figure, most v2 ones).
      CHECK(on_v2.read > v2.size() * 7 / 10);
      CHECK(on_v1.read == v1.size());
    }
  }
}

TEST_CASE("figure reader: a marker of several currencies, or none the lexicon knows, before the number is refused as parse_figure refuses it",
          "[parse][reader]") {
  const FigureReader reader{ParseOptions{}};
  // each with parse_figure's own error, field for field (code, message, input, position)
  for (const std::string text : {"\xE2\x82\xA6" "5bn", "\xE2\x82\xAB" "7 billion", "\xE2\x82\xB4" "7.42 billion",
                                 "J$399 million", "Z$ 5", "\xC2\xA5" "5", "  \xE2\x82\xA6" "688"}) {
    CAPTURE(text);
    Error e;
    REQUIRE(reader.refuses(text, e));
    const auto general = parse_detail::parse_figure_unmemoized(text, reader.options());
    REQUIRE_FALSE(general.has_value());
    CHECK(figure_fields(Result<QuotedFigure>(tl::unexpect, e)) == figure_fields(general));
  }
  Error e;
  REQUIRE(reader.refuses("\xE2\x82\xA6" "5bn", e));
  CHECK(e.code == Errc::ambiguous);
  CHECK(e.message == "ambiguous currency '\xE2\x82\xA6': which naira (NGN)? write the ISO code");
  CHECK(e.position == 0);
  REQUIRE(reader.refuses("  J$399 million", e));
  CHECK(e.code == Errc::unknown_currency);
  CHECK(e.message == "unknown currency 'J$'");
  CHECK(e.position == 2);
  // not decided here: a hedge before the marker, no number, a marker the reader reads
  CHECK_FALSE(reader.refuses("about \xE2\x82\xA6" "5", e));
  CHECK_FALSE(reader.refuses("\xE2\x82\xA6", e));
  CHECK_FALSE(reader.refuses("\xE2\x82\xAC" "5", e));
  // with the yen's currency set, `¥5` reads
  ParseOptions yen;
  yen.currency.yen_or_yuan = Currency{{'J', 'P', 'Y'}};
  CHECK_FALSE(FigureReader{yen}.refuses("\xC2\xA5" "5", e));
}
