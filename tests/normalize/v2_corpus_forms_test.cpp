// The forms on which normalize-v2 disagreed with ../shared/bench/gen_corpus_v2.py's
// expected output, each read as the spec says (or refused with its reason), and
// the reading choices of docs/normalize.md: numbers the English way unless a
// locale is given, exactly one currency marker.
#include <catch2/catch.hpp>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v2_figure.hpp"

using namespace finmetrics;

namespace {

// Real ECB rows (units per EUR): CYP was last fixed on 2007-12-31.
constexpr std::string_view ecb =
    "Date,USD,CYP,LTL,HRK,BRL,INR,\n"
    "2014-03-03,1.3768,N/A,3.4528,7.6515,3.2125,85.3905,\n"
    "2007-05-04,1.3561,0.5826,3.4528,7.3422,N/A,N/A,\n";

const FxTable& table() {
  static const FxTable t = parse_ecb_csv(ecb, "mini").value();
  return t;
}

struct Run {
  std::string output, diagnostics;
};

Run v2(std::string_view input, NormalizeOptions o = {}) {
  o.spec = NormalizeSpec::v2;
  const Normalizer n(table(), o);
  Run r;
  normalize_csv(n, input, r.output, r.diagnostics);
  return r;
}

}  // namespace

TEST_CASE("v2 corpus forms: withdrawn ISO codes the ECB fixed are currencies", "[normalize][v2][corpus]") {
  // 0.046 x 1.3768 / 3.4528, 5e9 x 1.3768 / 7.6515, ... (exact quotients, 17 digits half-even).
  const Run r = v2("date,figure\n"
                   "2014-03-03,0.46LTL per 10 shares\n"
                   "2014-03-03,HRK 5bn\n"
                   "2007-05-04,CYP\u20091.5 billion\n"
                   "2014-03-03,(LTL 940m)\n"
                   "2014-03-03,cyp 5\n");
  CHECK(r.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2014-03-03,0.46LTL per 10 shares,LTL,0.046,,,exact,share,0.018342446709916589,,\n"
        "2014-03-03,HRK 5bn,HRK,5000000000,,,exact,,899692870.67895184,,\n"
        "2007-05-04,CYP\u20091.5 billion,CYP,1500000000,,,exact,,3491503604.5314109,,\n"
        "2014-03-03,(LTL 940m),LTL,-940000000,,,exact,,-374823911.02873031,,\n"
        "2014-03-03,cyp 5,,,,,,,,,\n");
  // CYP after its last fixing: a row without rate, never a guess.
  const Run late = v2("date,figure\n2014-03-03,CYP 5\n");
  CHECK(late.output == "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
                       "2014-03-03,CYP 5,CYP,5,,,exact,,,,\n");
  CHECK(late.diagnostics == "line 2: latest EUR/CYP fixing 2007-05-04 is 2495 days before 2014-03-03 (limit 7 days)\n");
}

TEST_CASE("v2 corpus forms: per share after parentheses, per 10 shares on a range", "[normalize][v2][corpus]") {
  const Run r = v2("date,figure\n"
                   "2014-03-03,(R$86.75) per share\n"
                   "2014-03-03,\"Rs.600.5-2,023.6 per 10 shares\"\n"
                   "2014-03-03,from 0.57 reais to 0.90 reais per 10 shares\n");
  CHECK(r.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2014-03-03,(R$86.75) per share,BRL,-86.75,,,exact,share,-37.17895719844358,,\n"
        "2014-03-03,\"Rs.600.5-2,023.6 per 10 shares\",INR,,60.05,202.36,range,share,,0.96822058659921186,"
        "3.2627663264648878\n"
        "2014-03-03,from 0.57 reais to 0.90 reais per 10 shares,BRL,,0.057,0.09,range,share,,0.024428824902723735,"
        "0.038571828793774319\n");
  // Parentheses take a per-share phrase after them, nothing else.
  CHECK_FALSE(read_v2_figure("($5) bn", NormalizeOptions{}.parse).has_value());
  CHECK_FALSE(read_v2_figure("($5) yuan", NormalizeOptions{}.parse).has_value());
  const auto ads = read_v2_figure("(US$8.57) per ADS", NormalizeOptions{}.parse);
  REQUIRE(ads.has_value());
  CHECK(ads->per == Per::ads);
  CHECK(ads->low == Decimal::from_parts(-857, -2));
}

TEST_CASE("v2 corpus forms: Indian grouping on a range end the rupee marker stands away from", "[normalize][v2][corpus]") {
  const Run r = v2("date,figure\n"
                   "2014-03-03,\"between 8,01,278 and 24,43,897 rupees\"\n"
                   "2014-03-03,\"\u20b9\u202f94,024 to 3,02,757 crore\"\n"
                   "2014-03-03,\"$1,23,456 to 2,00,000\"\n");
  CHECK(r.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2014-03-03,\"between 8,01,278 and 24,43,897 rupees\",INR,,801278,2443897,range,,,12919.464699234692,"
        "39404.352821449693\n"
        "2014-03-03,\"\u20b9\u202f94,024 to 3,02,757 crore\",INR,,940240000000,3027570000000,range,,,"
        "15160028715.138101,48815247316.738982\n"
        "2014-03-03,\"$1,23,456 to 2,00,000\",,,,,,,,,\n");
  CHECK(r.diagnostics.find("'1,23,456' has Indian digit grouping, read only with a rupee marker") != std::string::npos);
}

TEST_CASE("v2 corpus forms: numbers the English way unless a locale says otherwise", "[normalize][v2][corpus]") {
  const std::string_view input = "date,figure\n"
                                 "2014-03-03,$8.086 per share\n"
                                 "2014-03-03,\"\u20ac1.234,5\"\n"
                                 "2014-03-03,\"$1,234.5\"\n";
  const Run en = v2(input);
  CHECK(en.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2014-03-03,$8.086 per share,USD,8.086,,,exact,share,8.086,,\n"
        "2014-03-03,\"\u20ac1.234,5\",,,,,,,,,\n"
        "2014-03-03,\"$1,234.5\",USD,1234.5,,,exact,,1234.5,,\n");
  CHECK(en.diagnostics.find("is not a number in the locale en") != std::string::npos);
  NormalizeOptions de;
  de.parse.locale = "de";
  const Run r = v2(input, de);
  CHECK(r.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2014-03-03,$8.086 per share,USD,8086,,,exact,share,8086,,\n"
        "2014-03-03,\"\u20ac1.234,5\",EUR,1234.5,,,exact,,1699.6596,,\n"
        "2014-03-03,\"$1,234.5\",,,,,,,,,\n");
  NormalizeOptions unknown;
  unknown.spec = NormalizeSpec::v2;
  unknown.parse.locale = "xx";
  CHECK_THROWS_AS(Normalizer(table(), unknown), std::invalid_argument);
  unknown.spec = NormalizeSpec::v1;  // v1 reads its closed grammar, never a locale
  CHECK_NOTHROW(Normalizer(table(), unknown));
}

TEST_CASE("v2 corpus forms: one currency marker, as the spec says; unknown markers refused by name",
          "[normalize][v2][corpus]") {
  const Run r = v2("date,figure\n"
                   "2014-03-03,NZD $9.6m\n"
                   "2014-03-03,USD $5bn\n"
                   "2014-03-03,US $5bn\n"
                   "2014-03-03,\u20b45bn\n"
                   "2014-03-03,14bn hryvnia\n");
  CHECK(r.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2014-03-03,NZD $9.6m,,,,,,,,,\n"
        "2014-03-03,USD $5bn,,,,,,,,,\n"
        "2014-03-03,US $5bn,USD,5000000000,,,exact,,5000000000,,\n"
        "2014-03-03,\u20b45bn,,,,,,,,,\n"
        "2014-03-03,14bn hryvnia,,,,,,,,,\n");
  CHECK(r.diagnostics ==
        "line 2: 'NZD $9.6m' at column 5: two currency markers: 'NZD' and '$'\n"
        "line 3: 'USD $5bn' at column 5: two currency markers: 'USD' and '$'\n"
        "line 5: '\u20b45bn' at column 1: unknown currency sign '\u20b4'\n"
        "line 6: '14bn hryvnia': not an amount of money: 'hryvnia' is no currency the lexicon knows\n");
  // The library's default reads the code and lets the `$` add its unit.
  const auto nzd = parse_figure("NZD $9.6m");
  REQUIRE(nzd.has_value());
  CHECK(nzd->unit.currency == Currency::from_code("NZD").value());
}
