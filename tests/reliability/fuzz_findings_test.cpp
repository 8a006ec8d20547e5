// Reproducers of what the upper-layer fuzz targets found (fuzz_claims_csv,
// fuzz_check_claims, fuzz_extract, fuzz_series_loaders, fuzz_issuer_profile,
// and fuzz_v1_figure in CI):
// each failed before its fix. The inputs are also in the targets' seed corpora
// (fuzz/corpus/<target>/finding-*), so every smoke run replays them.

#include <string>

#include <catch2/catch.hpp>

#include "finmetrics/check/issuer_profile.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/series/series_csv.hpp"

using namespace finmetrics;

TEST_CASE("issuer profile: a JSON number beyond double is an error naming the file, not an exception") {
  // nlohmann's parser throws out_of_range (not parse_error) for 1e999.
  const std::string text = R"({"issuer": "X", "reporting_currency": [{"date":1e999}]})";
  Result<IssuerProfile> p = parse_issuer_profile(text, "dir/issuer.json");
  REQUIRE_FALSE(p);
  CHECK(p.error().code == Errc::syntax);
  CHECK(p.error().message ==
        "dir/issuer.json: not JSON: [json.exception.out_of_range.406] number overflow parsing '1e999'");
}

TEST_CASE("series: a value whose plain form passes 38 digits writes back in a form the reader reads") {
  // fuzz_series_loaders: 398.2e56 was written as 3982 and 55 zeros, which
  // Decimal::parse refuses (more than 38 significant digits): the documented
  // round trip write_series_csv -> parse_series_csv failed.
  const std::string text =
      "entity,metric,period,value,unit,currency,source\n"
      "Acme Cloud,revenue,FY2026 Q2,398.2e56,\xE4\xBA\xBF,CNY,https://example.com/\n"
      "Acme Cloud,revenue,FY2026 Q3,-1.5e40,\xE4\xBA\xBF,CNY,https://example.com/\n"
      "Acme Cloud,revenue,FY2026 Q4,81000000000,\xE4\xBA\xBF,CNY,https://example.com/\n";
  SeriesCsvOptions options;
  options.periods.calendar = FiscalCalendar{date::March};
  auto set = parse_series_csv(text, "s.csv", options);
  REQUIRE(set);
  const std::string written = write_series_csv(*set);
  CHECK(written.find(",3982e55,") != std::string::npos);
  CHECK(written.find(",-15e39,") != std::string::npos);
  CHECK(written.find(",81000000000,") != std::string::npos);  // plain while it fits
  auto back = parse_series_csv(written, "s.csv", options);
  REQUIRE(back);
  CHECK(*back == *set);
}

TEST_CASE("v1 figure: a number of more than 24 digit groups is refused as parse_figure refuses it") {
  // fuzz_v1_figure (a CI smoke run): '$00,000,...' with 33 groups of zeros read
  // as USD 0 in the v1 grammar while parse_figure refused it (too many digit
  // groups); docs/figures.md promises that both read the v1 grammar alike.
  std::string text = "$00";
  for (int i = 0; i < 32; ++i) text += ",000";
  auto v1 = parse_v1_figure(text);
  REQUIRE_FALSE(v1);
  CHECK(v1.error().code == Errc::overflow);
  CHECK(v1.error().position == 1);
  CHECK(v1.error().message == "number has too many digit groups");
  ParseOptions english;
  english.locale = "en";
  auto general = parse_figure(text, english);
  REQUIRE_FALSE(general);
  CHECK(general.error().code == Errc::overflow);

  // 24 runs are still read by both: 23 groups of zeros then a decimal part.
  std::string edge = "$0";
  for (int i = 0; i < 22; ++i) edge += ",000";
  edge += ".5";
  auto v1_edge = parse_v1_figure(edge);
  REQUIRE(v1_edge);
  CHECK(v1_edge->amount.to_string() == "0.5");
  auto general_edge = parse_figure(edge, english);
  REQUIRE(general_edge);
  CHECK(general_edge->value == v1_edge->amount);
  // One group more: refused by both.
  edge.insert(2, ",000");
  CHECK_FALSE(parse_v1_figure(edge));
  CHECK_FALSE(parse_figure(edge, english));
}

TEST_CASE("parse_figure: a run of overlong four-byte sequences after a number ends (it looped without end)") {
  // fuzz_parse_figure (CI seed 1, 408,000 runs in): '1' then overlong four-byte
  // sequences F0 86 86 86, which the lenient decoder of the time read as the CJK
  // U+6186. The longest-scale search stepped back three bytes at a time from the
  // run's end, went below its start at byte 1 and wrapped around: parse_figure never
  // returned. The decoder now takes only well-formed UTF-8, so the run is no CJK at
  // all: the figure ends at its first byte.
  std::string text = "1";
  for (int i = 0; i < 16; ++i) text += "\xF0\x86\x86\x86";
  text += "34.5";
  auto f = parse_figure(text);
  REQUIRE_FALSE(f);
  CHECK(f.error().code == Errc::syntax);
  CHECK(f.error().position == 1);
  CHECK(f.error().message == "unexpected '\\xF0' after the figure");
  // A run of well-formed three-byte CJK that is no scale is read to its end (the
  // case the search got wrong), and the longest scale at the start is still found:
  // 5亿 is 500,000,000.
  std::string cjk = "1";
  for (int i = 0; i < 16; ++i) cjk += "\xE6\x86\x86";  // U+6186
  cjk += "34.5";
  auto h = parse_figure(cjk);
  REQUIRE_FALSE(h);
  CHECK(h.error().position == 49);
  CHECK(h.error().message == "unexpected '3' after the figure");
  auto g = parse_figure("5\xE4\xBA\xBF");
  REQUIRE(g);
  CHECK(g->value.to_string() == "500000000");
  // An overlong sequence after the scale is a stray byte, not a CJK character.
  auto k = parse_figure("5\xE4\xBA\xBF\xF0\x86\x86\x86");
  REQUIRE_FALSE(k);
  CHECK(k.error().position == 4);
  CHECK(k.error().message == "unexpected '\\xF0' after the figure");
}

TEST_CASE("v1 figure: more than 988 decimal places are refused as parse_figure refuses them") {
  // fuzz_v1_figure (a random seed): '$0.' then 984 zeros and 300000 (990 decimal
  // places) read as USD 3e-985 in the v1 grammar while parse_figure refused it
  // (more than 988 decimal places, the room it keeps below the decimal range).
  ParseOptions english;
  english.locale = "en";
  const std::string found = "$0." + std::string(984, '0') + "300000";
  auto v1 = parse_v1_figure(found);
  REQUIRE_FALSE(v1);
  CHECK(v1.error().code == Errc::overflow);
  CHECK(v1.error().position == 1);
  CHECK(v1.error().message == "number has more than 988 decimal places");
  auto general = parse_figure(found, english);
  REQUIRE_FALSE(general);
  CHECK(general.error().code == Errc::overflow);
  CHECK(general.error().message == "number has more than 988 decimal places");
  // Zeros too: the limit is on the places written, not on the value.
  CHECK_FALSE(parse_v1_figure("$0." + std::string(989, '0')));
  CHECK_FALSE(parse_figure("$0." + std::string(989, '0'), english));
  // 988 places are read by both, to the same value.
  const std::string edge = "$0." + std::string(987, '0') + "3";
  auto v1_edge = parse_v1_figure(edge);
  REQUIRE(v1_edge);
  CHECK(v1_edge->amount == Decimal::from_parts(3, -988));
  auto general_edge = parse_figure(edge, english);
  REQUIRE(general_edge);
  CHECK(general_edge->value == v1_edge->amount);
}

TEST_CASE("extract: a word form gives way to a figure read from digits that it would overlap") {
  // fuzz_extract (CI seed 1, 12,216 runs in): 'several billion dollar0' gave the vague
  // magnitude 'several billion dollar' [0, 22) and the money figure 'dollar0' [16, 23),
  // overlapping spans, which extract promises never to write.
  const Extraction e = extract_figures("several billion dollar0");
  REQUIRE(e.figures.size() == 1);
  CHECK(e.figures[0].text == "dollar0");
  CHECK(e.figures[0].span == TextSpan{16, 23});
  // Apart, both are read.
  const Extraction apart = extract_figures("several billion dollars, then dollar 5");
  REQUIRE(apart.figures.size() == 2);
  CHECK(apart.figures[0].text == "several billion dollars");
  CHECK(apart.figures[1].text == "dollar 5");
}

TEST_CASE("normalize: a product beyond 38 digits is refused by the row kernel as by Normalizer::convert") {
  // fuzz_normalize (CI seed 1, 415,241 runs in, found by the lead's 120 s rerun):
  // 'Rmb' and 34 digits at 1.0314 USD per EUR. The row kernel's 128-bit product
  // held 1.0314e38 and wrote a value; Normalizer::convert (the reference path,
  // Decimal arithmetic of at most 38 digits) refused it: the two disagreed.
  const FxTable fx = parse_ecb_csv("Date,USD,CNY,\n2025-01-08,1.0314,7.5621,\n", "mini").value();
  NormalizeOptions o;
  o.decimals = 2;
  o.rounding = Rounding::half_up;
  const Normalizer n(fx, o);
  const std::string big = "Rmb999999999999999999999999999999.9999", fits = "Rmb99999999999999999999999999999.9999";
  std::string out, diagnostics;
  const NormalizeTotals t = normalize_csv(n, "date,figure\n2025-01-08," + big + "\n2025-01-08," + fits + "\n", out, diagnostics);
  CHECK(t.converted == 1);
  CHECK(t.invalid == 1);
  CHECK(out == "date,figure,currency,usd_value,per_share\n"
               "2025-01-08," + big + ",CNY,,0\n"
               "2025-01-08," + fits + ",CNY,13639068512714722101003689451.34,0\n");
  const date::sys_days day = date::year{2025} / 1 / 8;
  const Result<NormalizedValue> refused = n.convert(day, big);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::overflow);
  const Result<NormalizedValue> read = n.convert(day, fits);
  REQUIRE(read);
  CHECK(read->value.to_string() == "13639068512714722101003689451.34");
}
