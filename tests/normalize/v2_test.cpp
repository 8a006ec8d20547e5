// normalize-v2 (../shared/specs/normalize-v2.md): columns by name, carried through,
// the nine v2 columns, and the batch API giving the same cells as the stream.
#include <catch2/catch.hpp>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/normalize/normalize_rows.hpp"
#include "finmetrics/normalize/normalizer.hpp"

using namespace finmetrics;

namespace {

// Real ECB rows (units per EUR).
constexpr std::string_view mini_ecb =
    "Date,USD,CNY,HKD,GBP,JPY,\n"
    "2025-03-28,1.0797,7.8445,8.3988,0.83515,161.53,\n"
    "2025-03-27,1.0785,7.8361,8.3867,0.8345,162.77,\n"
    "2005-04-01,1.2959,10.7255,10.1063,0.68865,138.83,\n"
    "2005-03-31,1.2964,N/A,10.111,0.6885,139.2,\n";

const FxTable& mini() {
  static const FxTable t = parse_ecb_csv(mini_ecb, "mini").value();
  return t;
}

struct Run {
  std::string output, diagnostics;
  NormalizeTotals totals;
};

Run v2(std::string_view input, NormalizeOptions o = {}) {
  o.spec = NormalizeSpec::v2;
  const Normalizer n(mini(), o);
  Run r;
  r.totals = normalize_csv(n, input, r.output, r.diagnostics);
  return r;
}

}  // namespace

TEST_CASE("v2: the columns are found by name, carried through in order, the nine v2 columns follow", "[normalize][v2]") {
  // 81e9 x 1.0797 / 7.8445 = 11148664669.513672... (the v1 worked example).
  const Run r = v2("id,figure,note,date\n"
                   "1,Rmb81bn,\"a, b\",2025-03-28\n"
                   "2,HK$140.9 per share,,2025-03-30\n"
                   "3,Rmb12bn,old,2003-05-05\n"
                   "4,81bn,no marker,2025-03-28\n"
                   "5,$2.3-2.5 billion,,2025-03-28\n");
  CHECK(r.output ==
        "id,figure,note,date,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "1,Rmb81bn,\"a, b\",2025-03-28,CNY,81000000000,,,exact,,11148664669.513672,,\n"
        "2,HK$140.9 per share,,2025-03-30,HKD,140.9,,,exact,share,18.113269752821832,,\n"
        "3,Rmb12bn,old,2003-05-05,CNY,12000000000,,,exact,,,,\n"
        "4,81bn,no marker,2025-03-28,,,,,,,,,\n"
        "5,$2.3-2.5 billion,,2025-03-28,USD,,2300000000,2500000000,range,,,2300000000,2500000000\n");
  CHECK(r.diagnostics ==
        "line 4: no CNY rate on or before 2003-05-05 (first fixing 2005-04-01)\n"
        "line 5: '81bn': not an amount of money (no currency marker)\n");
  CHECK(r.totals.rows_read == 5);
  CHECK(r.totals.converted == 3);
  CHECK(r.totals.without_rate == 1);
  CHECK(r.totals.unparsed == 1);
}

TEST_CASE("v2: other column names, negative amounts, the target's column names", "[normalize][v2]") {
  NormalizeOptions o;
  o.date_column = "as_of";
  o.figure_column = "amount quoted";
  o.target = Currency{{'E', 'U', 'R'}};
  o.significant_digits = 6;
  o.rounding = Rounding::floor;
  // -5e9 / 1.0797 = -4630915995.1...: floor of a negative value goes away from zero.
  const Run r = v2("amount quoted,as_of\n-$5bn,2025-03-28\n$5bn,2025-03-28\n", o);
  CHECK(r.output ==
        "amount quoted,as_of,currency,amount,low,high,qualifier,per,eur_value,eur_low,eur_high\n"
        "-$5bn,2025-03-28,USD,-5000000000,,,exact,,-4.63092e+09,,\n"
        "$5bn,2025-03-28,USD,5000000000,,,exact,,4.63091e+09,,\n");
}

TEST_CASE("v2: broken rows keep the row's width; a missing header is said and read by position", "[normalize][v2]") {
  const Run r = v2("a,date,figure\n"
                   "x,2025-03-28,$1\n"
                   "y,2025-03-28\n"
                   "z,2025-03-28,$2,extra\n"
                   "w,2025-02-30,$3\n");
  CHECK(r.output ==
        "a,date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "x,2025-03-28,$1,USD,1,,,exact,,1,,\n"
        "y,2025-03-28,,,,,,,,,,\n"
        "z,2025-03-28,\"$2,extra\",,,,,,,,,\n"
        "w,2025-02-30,$3,USD,3,,,exact,,,,\n");
  CHECK(r.diagnostics ==
        "line 3: expected 3 fields (as the header), found 2\n"
        "line 4: expected 3 fields (as the header), found 4 (a figure with an unquoted comma?)\n"
        "line 5: invalid date '2025-02-30' (expected an existing day as YYYY-MM-DD)\n");
  CHECK(r.totals.invalid == 3);

  const Run headless = v2("2025-03-28,$1\n");
  CHECK(headless.output ==
        "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n"
        "2025-03-28,$1,USD,1,,,exact,,1,,\n");
  CHECK(headless.diagnostics == "line 1: no header with the columns 'date' and 'figure': reading them by position (1 and 2)\n");
  CHECK(headless.totals.bad_header);

  const Run wrong = v2("when,what\n2025-03-28,$1\n");
  CHECK(wrong.diagnostics.rfind("line 1: expected a header with the columns 'date' and 'figure', found 'when,what'", 0) == 0);
  CHECK(wrong.totals.bad_header);
  CHECK_FALSE(wrong.totals.all_converted());

  // Another separator than the comma is named (Excel's ';' in de/fr/it locales, a tab).
  const Run semicolons = v2("date;figure\n2024-03-01;1.234,50 \xE2\x82\xAC\n");
  CHECK(semicolons.diagnostics.rfind("line 1: expected a header with the columns 'date' and 'figure', found "
                                     "'date;figure' (a ';'-separated file? normalize reads comma-separated CSV: "
                                     "convert it first)\n", 0) == 0);
  const Run tabs = v2("date\tfigure\n2024-03-01\t$5\n");
  CHECK(tabs.diagnostics.find("(a tab-separated file? normalize reads comma-separated CSV: convert it first)") !=
        std::string::npos);
  CHECK(wrong.diagnostics.find("separated file?") == std::string::npos);
}

TEST_CASE("v2: $ and ¥ follow the options; ¥ without one is an error, never a guess", "[normalize][v2]") {
  const Run plain = v2("date,figure\n2025-03-28,\xC2\xA5" "5bn\n");
  CHECK(plain.output.substr(plain.output.find('\n') + 1) == "2025-03-28,\xC2\xA5" "5bn,,,,,,,,,\n");
  CHECK(plain.totals.unparsed == 1);
  NormalizeOptions o;
  o.parse.currency.yen_or_yuan = Currency{{'J', 'P', 'Y'}};
  o.parse.currency.dollar = Currency{{'H', 'K', 'D'}};
  // 5e9 x 1.0797 / 161.53 = 33421036.34...; 2 x 1.0797 / 8.3988 = 0.25710815...
  const Run r = v2("date,figure\n2025-03-28,\xC2\xA5" "5bn\n2025-03-28,$2\n", o);
  CHECK(r.output.substr(r.output.find('\n') + 1) ==
        "2025-03-28,\xC2\xA5" "5bn,JPY,5000000000,,,exact,,33421036.339998762,,\n"
        "2025-03-28,$2,HKD,2,,,exact,,0.25710815830832976,,\n");
}

TEST_CASE("v2: normalize_rows gives the stream's cells, row by row", "[normalize][v2]") {
  const std::vector<std::string_view> figures = {"Rmb81bn", "81bn", "Rmb12bn", "$2.3-2.5 billion", "HK$140.9 per share", "$1"};
  const std::vector<std::string_view> dates = {"2025-03-28", "2025-03-28", "2003-05-05", "2025-03-28", "2025-03-30", "2025-13-01"};
  const NormalizedColumns c = normalize_rows(figures, dates, NormalizeOptions{}, mini());
  REQUIRE(c.size() == 6);
  CHECK(c.currency == std::vector<std::string>{"CNY", "", "CNY", "USD", "HKD", "USD"});
  CHECK(c.amount == std::vector<std::string>{"81000000000", "", "12000000000", "", "140.9", "1"});
  CHECK(c.low == std::vector<std::string>{"", "", "", "2300000000", "", ""});
  CHECK(c.high == std::vector<std::string>{"", "", "", "2500000000", "", ""});
  CHECK(c.qualifier == std::vector<std::string>{"exact", "", "exact", "range", "exact", "exact"});
  CHECK(c.per == std::vector<std::string>{"", "", "", "", "share", ""});
  CHECK(c.value == std::vector<std::string>{"11148664669.513672", "", "", "", "18.113269752821832", ""});
  CHECK(c.value_low == std::vector<std::string>{"", "", "", "2300000000", "", ""});
  CHECK(c.value_high == std::vector<std::string>{"", "", "", "2500000000", "", ""});
  CHECK(c.status == std::vector<RowStatus>{RowStatus::converted, RowStatus::unparsed, RowStatus::without_rate,
                                           RowStatus::converted, RowStatus::converted, RowStatus::invalid});
  CHECK(c.error[0].empty());
  CHECK(c.error[2] == "no CNY rate on or before 2003-05-05 (first fixing 2005-04-01)");
  CHECK(c.totals.converted == 3);
  // How each currency was decided: `$` by default (never certain), the others by their own marker.
  CHECK(c.currency_source == std::vector<CurrencySource>{CurrencySource::explicit_, CurrencySource::none,
                                                         CurrencySource::explicit_, CurrencySource::default_,
                                                         CurrencySource::explicit_, CurrencySource::default_});
  CHECK(c.totals.currency_by_default == 2);

  // The same rows through the CSV stream: the same nine cells.
  std::string csv = "date,figure\n";
  for (std::size_t i = 0; i < figures.size(); ++i) csv += std::string(dates[i]) + "," + std::string(figures[i]) + "\n";
  const Run r = v2(csv);
  std::string expected = "date,figure,currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high\n";
  for (std::size_t i = 0; i < c.size(); ++i)
    expected += std::string(dates[i]) + "," + std::string(figures[i]) + "," + c.currency[i] + "," + c.amount[i] + "," +
                c.low[i] + "," + c.high[i] + "," + c.qualifier[i] + "," + c.per[i] + "," + c.value[i] + "," +
                c.value_low[i] + "," + c.value_high[i] + "\n";
  CHECK(r.output == expected);
  CHECK_THROWS_AS(normalize_rows(figures, std::span(dates).first(2), NormalizeOptions{}, mini()), std::invalid_argument);

  // The per-row entry: the same cells, as views into the scratch string.
  NormalizeOptions o;
  o.spec = NormalizeSpec::v2;
  const Normalizer n(mini(), o);
  NormalizedRow row;
  std::string scratch;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    CHECK(normalize_row(n, dates[i], figures[i], row, scratch) == c.status[i]);
    CHECK(row.currency == c.currency[i]);
    CHECK(row.amount == c.amount[i]);
    CHECK(row.low == c.low[i]);
    CHECK(row.high == c.high[i]);
    CHECK(row.qualifier == c.qualifier[i]);
    CHECK(row.per == c.per[i]);
    CHECK(row.value == c.value[i]);
    CHECK(row.value_low == c.value_low[i]);
    CHECK(row.value_high == c.value_high[i]);
    CHECK(row.reason == c.error[i]);
    CHECK(row.currency_source == c.currency_source[i]);
  }

  // `--dollar`: the caller's word, even when it names USD; through the lean reader
  // (`$1`) and parse_figure (`$2.3-2.5 billion`) alike.
  o.parse.currency.dollar_is_option = true;
  const Normalizer by_option(mini(), o);
  for (std::string_view figure : {"$1", "$2.3-2.5 billion", "about $3bn"}) {
    normalize_row(by_option, "2025-03-28", figure, row, scratch);
    CHECK(row.currency_source == CurrencySource::option);
  }
  normalize_row(n, "2025-03-28", "about $3bn", row, scratch);
  CHECK(row.currency_source == CurrencySource::default_);
  normalize_row(n, "2025-03-28", "US$3bn", row, scratch);
  CHECK(row.currency_source == CurrencySource::explicit_);
}

TEST_CASE("v2: the fast kernel and the Decimal reference give the same digits", "[normalize][v2]") {
  // Every currency pair of the mini table, both as-of days, several magnitudes and
  // signs, digits and decimals: convert_amount (kernel) against FxTable::as_of + FxRate.
  const Currency codes[] = {{{'U', 'S', 'D'}}, {{'C', 'N', 'Y'}}, {{'H', 'K', 'D'}}, {{'G', 'B', 'P'}}, {{'J', 'P', 'Y'}}, {{'E', 'U', 'R'}}};
  const char* amounts[] = {"81000000000", "-982000000", "0.0577", "140.9", "123456789012345678901234", "-0.01"};
  int compared = 0;
  for (const Currency& target : codes) {
    for (int mode = 0; mode < 3; ++mode) {
      NormalizeOptions o;
      o.target = target;
      if (mode == 1) o.decimals = 2;
      if (mode == 2) {
        o.significant_digits = 9;
        o.rounding = Rounding::floor;
      }
      const Normalizer n(mini(), o);
      for (const Currency& from : codes) {
        for (const char* text : amounts) {
          const Decimal amount = Decimal::parse(text).value();
          for (const auto day : {date::sys_days{date::year{2025} / 3 / 29}, date::sys_days{date::year{2005} / 4 / 1}}) {
            std::string fast, why;
            const auto refused = n.convert_amount(amount, from, static_cast<std::int32_t>(day.time_since_epoch().count()), fast, why);
            auto rate = mini().as_of(day, from, target, o.max_staleness);
            if (!rate) {
              CHECK(refused == Normalizer::Refusal::no_rate);
              continue;
            }
            REQUIRE(refused == Normalizer::Refusal::none);
            const Decimal v = o.decimals ? rate->convert(amount, -*o.decimals, o.rounding)
                                         : rate->convert_significant(amount, o.significant_digits, o.rounding);
            // Same value: the printed text read back equals the reference exactly.
            INFO(from.code() << "->" << target.code() << " " << text << " " << fast << " vs " << v.to_string());
            CHECK(Decimal::parse(fast).value() == v);
            ++compared;
          }
        }
      }
    }
  }
  CHECK(compared > 500);
}

TEST_CASE("v2: a minor unit is divided by 100 or refused, never read as whole units", "[normalize][v2]") {
  NormalizeOptions o;
  o.spec = NormalizeSpec::v2;
  const Normalizer n(mini(), o);
  NormalizedRow row;
  std::string scratch;
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"9.8 Australian cents", "0.098"}, {"459 pence", "4.59"}, {"52 US cents", "0.52"}, {"5p", "0.05"},
      {"88 paise", "0.88"}, {"20 dollars 43 cents", "20.43"}, {"US4.5cps", "0.045"}};
  for (const auto& [figure, amount] : cases) {
    INFO(figure);
    normalize_row(n, "2025-03-28", figure, row, scratch);
    CHECK(row.status != RowStatus::unparsed);
    CHECK(row.amount == amount);
  }
}
