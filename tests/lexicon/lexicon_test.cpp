#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

const std::filesystem::path lexicon_dir = finmetrics::test::source_path("data/lexicon");

// A copy of data/lexicon in a fresh temporary directory.
std::filesystem::path copy_of_lexicon(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("finmetrics-lexicon-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& f : std::filesystem::directory_iterator(lexicon_dir)) {
    std::filesystem::copy_file(f.path(), dir / f.path().filename());
  }
  return dir;
}

void append(const std::filesystem::path& file, const std::string& line) {
  std::ofstream out(file, std::ios::app);
  out << line;
}

}  // namespace

TEST_CASE("The built-in lexicon is the one in data/lexicon", "[lexicon]") {
  const auto loaded = Lexicon::load(lexicon_dir);
  REQUIRE(loaded.has_value());
  const Lexicon& builtin = Lexicon::builtin();
  CHECK(loaded->cues().size() == builtin.cues().size());
  for (const char* marker : {"HK$", "Rmb", "U.S. dollars", "cents", "Kč", "zł", "元", "$", "USD"}) {
    INFO(marker);
    const CurrencyMarker* a = builtin.currency_marker(marker);
    const CurrencyMarker* b = loaded->currency_marker(marker);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->currency == b->currency);
    CHECK(a->divisor == b->divisor);
  }
}

TEST_CASE("Currency markers name a currency, a family and a minor unit", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(lex.currency_marker("HK$")->currency == HKD);
  CHECK(lex.family_name(lex.currency_marker("HK$")->family) == "dollar");
  CHECK(lex.currency_marker("$")->currency == std::nullopt);
  CHECK(lex.family_name(lex.currency_marker("$")->family) == "dollar");
  CHECK(lex.family_name(lex.currency_marker("¥")->family) == "yen");
  CHECK(lex.family_name(lex.currency_marker("Rmb")->family) == "yen");
  CHECK(lex.family_name(lex.currency_marker("NZD")->family) == "dollar");
  CHECK(lex.currency_marker("EUR")->family == 0);
  CHECK(lex.currency_marker("pence")->currency == GBP);
  CHECK(lex.currency_marker("pence")->divisor == 100);
  CHECK(lex.currency_marker("cps")->per == Per::share);
  CHECK(lex.currency_marker("HK cents")->currency == HKD);
  CHECK(lex.currency_marker("US")->country);
  CHECK(lex.currency_marker("usd") == nullptr);  // lower-case codes count only after a number
  CHECK(lex.currency_marker_after_number("usd")->currency == USD);
  // A minor unit written as a code reads before its number too (case `before`); `pence` only after it.
  CHECK_FALSE(lex.currency_marker("GBX")->follows_number);
  CHECK(lex.currency_marker("GBX")->divisor == 100);
  CHECK(lex.currency_marker("gbx") == nullptr);
  CHECK(lex.currency_marker("pence")->follows_number);
  CHECK(lex.currency_marker_after_number("rmb")->currency == CNY);
  // `p` (pence) is exact-case: `P` is the Philippine press's peso, of the peso family (never guessed)
  CHECK(lex.currency_marker("P")->currency == std::nullopt);
  CHECK(lex.family_name(lex.currency_marker("P")->family) == "peso");
  CHECK(lex.currency_marker_after_number("p")->currency == GBP);
  CHECK(lex.family_default(lex.family("dollar")) == USD);
  CHECK(lex.family_default(lex.family("yen")) == std::nullopt);
  CHECK(lex.family_members(lex.family("yen")).size() == 2);
}

TEST_CASE("Scales, hedges, number words, locales and cues", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(lex.scale("lakh crore")->exponent == 12);
  CHECK(lex.scale("lakh\u00a0crore")->exponent == 12);
  CHECK(lex.scale("MILLION")->exponent == 6);
  CHECK(lex.scale("BN")->exponent == 9);  // "US$ 1.2 BN": read apart, "$5 BN" lost its scale
  CHECK_FALSE(lex.scale("bN").has_value());
  CHECK_FALSE(lex.scale("mil").has_value());  // only glued after a marker (cues.csv glued_scale)
  CHECK(lex.scale("bilhões")->exponent == 9);
  CHECK(lex.scale("billones")->exponent == 12);  // the Spanish long scale
  CHECK(lex.scale("万亿")->exponent == 12);
  CHECK(lex.qualifier("In the region of") == Qualifier::about);
  CHECK(lex.qualifier("well over") == Qualifier::over);
  CHECK(lex.qualifier("just shy of") == Qualifier::just_under);
  CHECK(lex.qualifier("will not top") == Qualifier::at_most);
  CHECK(lex.max_qualifier_words() == 4);
  CHECK(lex.number_word("ninety")->value == 90);
  CHECK(lex.number_word("third")->denominator == 3);
  CHECK(lex.number_word("fourfold")->kind == NumberWord::Kind::multiple);
  CHECK(lex.locale("de")->decimal == ',');
  CHECK(lex.locale("de")->group_dot);
  CHECK(lex.locale("fr")->group_space);
  CHECK(lex.locale("xx") == nullptr);
  const auto slid = lex.cues_for("Slid");
  REQUIRE(slid.size() == 1);
  CHECK(slid[0]->category == "direction");
  CHECK(slid[0]->value == "down");
  const auto profit = lex.cues_for("net profit");
  REQUIRE(profit.size() == 1);
  CHECK(profit[0]->value == "net_income");
}

TEST_CASE("A new currency marker is one CSV line, and parse_figure reads it", "[lexicon]") {
  const auto dir = copy_of_lexicon("bolivar");
  CHECK_FALSE(parse_figure("Bs.5bn").has_value());
  append(dir / "currencies.csv", "Bs.,VES,,exact,Venezuelan bolivar\n");
  const auto lex = Lexicon::load(dir);
  REQUIRE(lex.has_value());
  ParseOptions options;
  options.lexicon = &*lex;
  const auto f = parse_figure("Bs.5bn", options);
  REQUIRE(f.has_value());
  CHECK(f->unit.currency == VES);
  CHECK(f->value == Decimal::from_parts(5, 9));
  std::filesystem::remove_all(dir);
}

TEST_CASE("Lexicon errors name the file, the line and the reason", "[lexicon]") {
  // `message` says "line {}" for the appended line (the files grow; the test need not).
  const auto check_error = [](const std::string& file, const std::string& line, const std::string& message_with_line) {
    const auto dir = copy_of_lexicon("broken");
    std::size_t lines = 0;
    {
      std::ifstream in(dir / file);
      for (std::string l; std::getline(in, l);) ++lines;
    }
    const std::string message = fmt::format(fmt::runtime(message_with_line), lines + 1);
    append(dir / file, line);
    const auto lex = Lexicon::load(dir);
    REQUIRE_FALSE(lex.has_value());
    CHECK(lex.error().code == Errc::csv);
    CHECK(lex.error().message == message);
    std::filesystem::remove_all(dir);
  };
  check_error("currencies.csv", "Bs.,XXQ,,exact,\n", "currencies.csv line {}: unknown currency 'XXQ'");
  check_error("currencies.csv", "HK$,HKD,,exact,\n", "currencies.csv line {}: 'HK$' is listed twice");
  check_error("currencies.csv", "Bs.,VES\n", "currencies.csv line {}: expected 5 fields, found 2");
  check_error("currencies.csv", "Bs.,,,exact,\n", "currencies.csv line {}: a marker needs a currency or a family");
  check_error("currencies.csv", "Bs.,VES,,Exact,\n", "currencies.csv line {}: case must be 'exact' or 'any', found 'Exact'");
  check_error("currencies.csv", "Bs.,VES,dollar,exact,\n", "currencies.csv line {}: VES is not of the family 'dollar'");
  check_error("scales.csv", "lac,50,any,\n", "scales.csv line {}: exponent 50 has no scale (3, 4, 5, 6, 7, 8, 9 or 12)");
  check_error("qualifiers.csv", "circa about,roughly_about,\n",
              "qualifiers.csv line {}: unknown qualifier 'roughly_about' (about, nearly, more_than, ...)");
  check_error("minor_units.csv", "kopek,RUB,,1000000,,any,\n", "minor_units.csv line {}: divisor must be 10, 100 or 1000");
  check_error("coins.csv", "quid,GBP,,1/3,any,\n",
              "coins.csv line {}: worth must be a decimal above 0, at most 1000000, with at most 3 decimals; found '1/3'");
  check_error("coins.csv", "mill,USD,,0.0001,any,\n",
              "coins.csv line {}: worth must be a decimal above 0, at most 1000000, with at most 3 decimals; found '0.0001'");
  check_error("word_like.csv", "ZZZ,\n", "word_like.csv line {}: 'ZZZ' is no currency marker");
  check_error("cues.csv", "exceeding,hedge_verb,more than,\n", "cues.csv line {}: 'exceeding' is listed twice as hedge_verb");
  check_error("cues.csv", "zillions,vague_magnitude,1e18..1e15,\n",
              "cues.csv line {}: vague_magnitude: '1e18..1e15': low must be below high");
  check_error("cues.csv", "quadruple-digit,digit_rule,,\n", "cues.csv line {}: digit_rule: expected 'low..high', found ''");

  check_error("withdrawn_currencies.csv", "USD,US Dollar,,\n",
              "withdrawn_currencies.csv line {}: 'USD' is an active ISO 4217 code");
  check_error("withdrawn_currencies.csv", "CYP,Cyprus Pound,2008-01,\n", "withdrawn_currencies.csv line {}: 'CYP' is listed twice");
  check_error("withdrawn_currencies.csv", "Cyp,Cyprus Pound,,\n",
              "withdrawn_currencies.csv line {}: 'Cyp' is not three upper-case letters");

  const auto missing = Lexicon::load(std::filesystem::temp_directory_path() / "finmetrics-no-such-lexicon");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == Errc::io);
}

TEST_CASE("Withdrawn ISO codes that dated data quote are markers like the active ones", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  for (const char* code : {"CYP", "MTL", "LTL", "LVL", "EEK", "SIT", "SKK", "ROL", "TRL", "HRK", "DEM", "XEU"}) {
    INFO(code);
    const CurrencyMarker* m = lex.currency_marker(code);
    REQUIRE(m != nullptr);
    REQUIRE(m->currency.has_value());
    CHECK(m->currency->code() == code);
    CHECK(m->family == 0);
  }
  CHECK(lex.currency_marker("cyp") == nullptr);  // lower case counts only after a number
  CHECK(lex.currency_marker_after_number("cyp")->currency->code() == "CYP");
  const auto f = parse_figure("MTL\u00a0327,727");
  REQUIRE(f.has_value());
  CHECK(f->unit.currency->code() == "MTL");
  CHECK(f->value == Decimal::from_parts(327727, 0));
  // A withdrawn code may name the currency of a listed marker.
  const auto dir = copy_of_lexicon("withdrawn");
  append(dir / "currencies.csv", "Cyprus pounds,CYP,,any,\n");
  const auto mine = Lexicon::load(dir);
  REQUIRE(mine.has_value());
  CHECK(mine->currency_marker("cyprus pounds")->currency->code() == "CYP");
  std::filesystem::remove_all(dir);
}

TEST_CASE("Dinars, riyals, rials, dirhams and francs are families no context resolves; named ones are read",
          "[lexicon]") {
  for (const char* text : {"5bn dinars", "5 riyals", "5 rials", "20 dirhams", "3 francs"}) {
    INFO(text);
    const auto f = parse_figure(text);
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().code == Errc::ambiguous);
  }
  const std::pair<const char*, const char*> named[] = {
      {"KD 5", "KWD"},         {"5 Kuwaiti dinars", "KWD"}, {"5 Saudi riyals", "SAR"}, {"5 Qatari riyal", "QAR"},
      {"5 Swiss francs", "CHF"}, {"LE 5bn", "EGP"},         {"5 Egyptian pounds", "EGP"}, {"₡5", "CRC"},
      {"Mex$5", "MXN"},        {"5 pesetas", "ESP"},        {"5 Dutch guilders", "NLG"}, {"5 tugriks", "MNT"},
      {"5 Malaysian ringgit", "MYR"}};
  for (const auto& [text, code] : named) {
    INFO(text);
    const auto f = parse_figure(text);
    REQUIRE(f.has_value());
    CHECK(f->unit.currency->code() == code);
  }
}

TEST_CASE("c, ¢ and sen are minor units after the number, never before it", "[lexicon]") {
  const auto c = parse_figure("43c");
  REQUIRE(c.has_value());
  CHECK(c->unit.currency->code() == "USD");
  CHECK(c->value == Decimal::from_parts(43, -2));
  const auto cent = parse_figure("99\u00a2");
  REQUIRE(cent.has_value());
  CHECK(cent->value == Decimal::from_parts(99, -2));
  const auto sen = parse_figure("50 sen");
  REQUIRE(sen.has_value());
  CHECK(sen->unit.currency->code() == "MYR");
  CHECK(sen->value == Decimal::from_parts(5, -1));
  for (const char* text : {"p5", "p 5", "cents 5"}) {
    INFO(text);
    const auto f = parse_figure(text);
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().message.find("is a minor unit: it follows the number") != std::string::npos);
  }
}

TEST_CASE("Look-ups normalise white space and case the same on every path", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  for (const char* text : {"Hong Kong dollars", "hong  kong\tDOLLARS", "Hong\u00a0Kong \u2009dollars", "HONG KONG DOLLARS"}) {
    INFO(text);
    const CurrencyMarker* m = lex.currency_marker(text);
    REQUIRE(m != nullptr);
    CHECK(m->currency->code() == "HKD");
  }
  for (const char* text : {" Hong Kong dollars", "Hong Kong dollars ", "Hong Kong dollars\t", "\u00a0yuan", "", "Hong"}) {
    INFO(text);
    CHECK(lex.currency_marker(text) == nullptr);
  }
  CHECK(lex.currency_marker("hk$") == nullptr);  // HK$ is exact
  CHECK(lex.currency_marker("HK$")->currency->code() == "HKD");
  CHECK(lex.scale("lakh  crore")->exponent == 12);
  CHECK(lex.qualifier("IN THE REGION OF") == Qualifier::about);
}

TEST_CASE("Coins and slang are markers with a worth, read after the number only", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  const CurrencyMarker* nickels = lex.currency_marker("nickels");
  REQUIRE(nickels != nullptr);
  CHECK_FALSE(nickels->currency.has_value());
  CHECK(lex.family_name(nickels->family) == "dollar");
  CHECK(nickels->multiple == 5);
  CHECK(nickels->divisor == 100);
  CHECK(nickels->coin);
  CHECK(nickels->follows_number);
  const CurrencyMarker* grand = lex.currency_marker("Grand");
  REQUIRE(grand != nullptr);
  CHECK(grand->multiple == 1000);
  CHECK(grand->divisor == 1);
  CHECK(lex.currency_marker("dimes")->divisor == 10);
  CHECK(lex.currency_marker("quarters") == nullptr);  // "four quarters" is a year, not a dollar
  CHECK(lex.currency_marker("pence")->follows_number);
  CHECK_FALSE(lex.currency_marker("pence")->coin);
  CHECK_FALSE(lex.currency_marker("HK$")->follows_number);
}

TEST_CASE("ISO codes that are English words are flagged word_like", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  for (const char* code : {"ALL", "TOP", "PEN", "MOP", "CUP", "BOB", "GEL", "MAD"}) {
    INFO(code);
    REQUIRE(lex.currency_marker(code) != nullptr);
    CHECK(lex.currency_marker(code)->word_like);
  }
  for (const char* code : {"USD", "CAD", "TRY", "EUR", "HKD"}) {
    INFO(code);
    CHECK_FALSE(lex.currency_marker(code)->word_like);
  }
}

TEST_CASE("The extractor's word lists are cues of the lexicon", "[lexicon]") {
  const Lexicon& lex = Lexicon::builtin();
  REQUIRE(lex.cue("Exceeding", "hedge_verb") != nullptr);
  CHECK(lex.cue("exceeding", "hedge_verb")->value == "more than");
  CHECK(lex.qualifier(lex.cue("topped", "hedge_verb")->value) == Qualifier::more_than);
  CHECK(lex.cue("for", "count_stop") != nullptr);
  CHECK(lex.cue("months", "duration") != nullptr);
  CHECK(lex.cue("people", "plural") != nullptr);
  CHECK(lex.cue("months", "count_stop") == nullptr);
  CHECK(lex.cue("rose", "direction") != nullptr);
  CHECK(lex.cue("rose", "hedge_verb") == nullptr);
  CHECK(lex.cue("Quadrupled", "multiple_verb")->value == "4");
  CHECK(lex.cue("halving", "multiple_verb")->value == "0.5");
  // Every hedge verb names a hedge the parser reads.
  for (const Cue& c : lex.cues()) {
    if (c.category != "hedge_verb") continue;
    INFO(c.phrase);
    CHECK(lex.qualifier(c.value).has_value());
  }
}
