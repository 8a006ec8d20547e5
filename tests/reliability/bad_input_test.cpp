// The catalogue of bad input (docs/reliability.md): each case with its exact error
// value (code, message, position), and for streams what happens to the rest of
// the input and the totals. Expected texts are worked out from the grammars and
// messages documented in the headers, positions by counting bytes.

#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "finmetrics/decimal/decimal.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/fx/fx_csv.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/parse_period.hpp"
#include "finmetrics/time/period.hpp"

using namespace finmetrics;

namespace {

struct Expected {
  Errc code;
  std::string message;
  std::size_t position;
};

template <class T>
void check_error(const Result<T>& r, const Expected& e) {
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == e.code);
  CHECK(r.error().message == e.message);
  CHECK(r.error().position == e.position);
}

// Two business days of ECB fixings (EUR pivot); no HKD column.
constexpr std::string_view ecb_two_days =
    "Date,USD,CNY,\n"
    "2025-01-10,1.0304,7.5533,\n"
    "2025-01-02,1.0321,7.5517,\n";

FxTable two_days() {
  auto t = parse_ecb_csv(ecb_two_days, "ecb.csv");
  REQUIRE(t);
  return *t;
}

struct Normalized {
  std::string output;
  std::string diagnostics;
  NormalizeTotals totals;
};

Normalized normalize(std::string_view input, NormalizeOptions options = {}) {
  static const FxTable fx = two_days();
  const Normalizer n(fx, options);
  Normalized r;
  r.totals = normalize_csv(n, input, r.output, r.diagnostics);
  return r;
}

void check_totals_add_up(const NormalizeTotals& t) {
  CHECK(t.rows_read == t.converted + t.without_rate + t.unparsed + t.invalid);
}

}  // namespace

// --- Figures: malformed numbers, currencies, scales, range -------------------------

TEST_CASE("A malformed number in a figure is a syntax error at the offending byte") {
  check_error(parse_figure("1,23,4"), {Errc::syntax, "expected three digits after ','", 2});
  check_error(parse_figure("1..2"), {Errc::syntax, "expected a digit after '.'", 2});
  check_error(parse_figure("--5"), {Errc::syntax, "expected a number, found '-'", 1});
  CHECK(parse_figure("1,23,4").error().describe() == "'1,23,4' at column 3: expected three digits after ','");
}

TEST_CASE("A malformed number in the v1 grammar is a syntax error at the offending byte") {
  check_error(parse_v1_figure("$1,23,4"), {Errc::syntax, "expected three digits after ','", 2});
  check_error(parse_v1_figure("$1..2"), {Errc::syntax, "expected a digit after '.'", 3});
  check_error(parse_v1_figure("--5"), {Errc::syntax, "expected a currency marker or a digit", 0});
}

TEST_CASE("A malformed plain decimal is a syntax error at the offending byte") {
  check_error(Decimal::parse("1,23,4"), {Errc::syntax, "an unexpected character ',' in a number", 1});
  check_error(Decimal::parse("1..2"), {Errc::syntax, "a second decimal point '.' in a number", 2});
  check_error(Decimal::parse("--5"), {Errc::syntax, "an unexpected character '-' in a number", 1});
  check_error(Decimal::parse(""), {Errc::syntax, "expected a digit", 0});
}

TEST_CASE("A bare yen sign without context is ambiguous, and reads with a context") {
  check_error(parse_figure("¥5bn"),
              {Errc::ambiguous, "ambiguous currency '¥': yen (JPY) or yuan (CNY)? set CurrencyContext::yen_or_yuan", 0});
  ParseOptions yuan;
  yuan.currency.yen_or_yuan = Currency{{'C', 'N', 'Y'}};
  auto f = parse_figure("¥5bn", yuan);
  REQUIRE(f);
  CHECK(f->value == Decimal::from_parts(5, 9));
  CHECK(f->unit == Unit::money(Currency{{'C', 'N', 'Y'}}));
}

TEST_CASE("An unknown currency code is unknown_currency at the code") {
  check_error(parse_figure("XYZ 5"), {Errc::unknown_currency, "unknown currency 'XYZ'", 0});
  // The v1 grammar knows four markers only.
  check_error(parse_v1_figure("XYZ 5"), {Errc::syntax, "expected a currency marker or a digit", 0});
}

TEST_CASE("A scale without a number is a syntax error at the scale") {
  check_error(parse_figure("bn"), {Errc::syntax, "scale 'bn' without a number", 0});
  check_error(parse_figure("$bn"), {Errc::syntax, "scale 'bn' without a number", 1});
  check_error(parse_v1_figure("$bn"), {Errc::syntax, "expected a digit", 1});
}

TEST_CASE("A number beyond the decimal range is overflow, never a wrapped value") {
  const std::string digits39 = "123456789012345678901234567890123456789";
  check_error(parse_figure(digits39), {Errc::overflow, "number has more than 38 significant digits", 0});
  check_error(parse_v1_figure("$" + digits39), {Errc::overflow, "more than 38 significant digits", 1});
  // Decimal::parse points at the 39th significant digit.
  check_error(Decimal::parse(digits39), {Errc::overflow, "more than 38 significant digits", 38});
  // Leading zeros are not significant: 38 digits after them still fit.
  CHECK(Decimal::parse("000" + digits39.substr(0, 38)).has_value());
  // An exponent beyond +-1000 (the message names neither position nor range: reported).
  CHECK(Decimal::parse("1e1001").error().code == Errc::overflow);
}

TEST_CASE("Bytes that are not UTF-8 are a syntax error at the first of them") {
  // The byte is shown escaped (quote_for_message), so the message stays valid UTF-8.
  check_error(parse_figure("\xff\xfe 5"), {Errc::syntax, "expected a number, found '\\xFF'", 0});
  check_error(parse_figure("$5\xff"), {Errc::syntax, "unexpected '\\xFF' after the figure", 2});
  check_error(parse_v1_figure("$5\xff"), {Errc::syntax, "unexpected text after the figure", 2});
  check_error(Decimal::parse("\xff"), {Errc::syntax, "an unexpected character '\\xFF' in a number", 0});
}

// --- Dates and periods ------------------------------------------------------------------

TEST_CASE("A date that does not exist is invalid_date at the offending field") {
  check_error(parse_date("2025-02-30"), {Errc::invalid_date, "invalid date '2025-02-30': February 2025 has 28 days", 8});
  check_error(parse_date("2023-02-29"), {Errc::invalid_date, "invalid date '2023-02-29': February 2023 has 28 days", 8});
  check_error(parse_date("2025-13-01"),
              {Errc::invalid_date, "invalid date '2025-13-01': month 13 does not exist (months are 01 to 12)", 5});
  check_error(parse_date("2025-3-28"), {Errc::invalid_date, "invalid date '2025-3-28': expected YYYY-MM-DD", 6});
  CHECK(parse_date("2024-02-29").has_value());
}

TEST_CASE("A period that does not exist or needs context is an error at its position") {
  check_error(parse_period("Q5 2024"),
              {Errc::invalid_date, "invalid period 'Q5 2024': quarter 5 does not exist (quarters are 1 to 4)", 1});
  check_error(parse_period("FY2025 Q3"), {Errc::ambiguous, "fiscal period 'FY2025 Q3' needs a fiscal calendar", 0});
}

// --- FX look-ups -------------------------------------------------------------------------

TEST_CASE("An FX look-up before the first fixing names the leg and the first fixing") {
  const FxTable fx = two_days();
  const Currency eur{{'E', 'U', 'R'}}, usd{{'U', 'S', 'D'}}, cny{{'C', 'N', 'Y'}};
  auto r = fx.as_of(date::sys_days{date::year{2024} / 12 / 31}, eur, usd);
  check_error(r, {Errc::no_rate, "no USD rate on or before 2024-12-31 (first fixing 2025-01-02)", Error::npos});
  CHECK(r.error().input == "EUR/USD");
  auto cross = fx.as_of(date::sys_days{date::year{2024} / 12 / 31}, usd, cny);
  check_error(cross, {Errc::no_rate, "no USD rate on or before 2024-12-31 (first fixing 2025-01-02)", Error::npos});
  CHECK(cross.error().input == "USD/CNY");
}

TEST_CASE("An FX look-up beyond the staleness limit names the fixing, its age and the limit") {
  const FxTable fx = two_days();
  const Currency eur{{'E', 'U', 'R'}}, cny{{'C', 'N', 'Y'}};
  const auto day = date::sys_days{date::year{2025} / 1 / 20};
  check_error(fx.as_of(day, eur, cny),
              {Errc::no_rate, "latest EUR/CNY fixing 2025-01-10 is 10 days before 2025-01-20 (limit 7 days)", Error::npos});
  check_error(fx.as_of(date::sys_days{date::year{2025} / 1 / 11}, eur, cny, date::days{0}),
              {Errc::no_rate, "latest EUR/CNY fixing 2025-01-10 is 1 day before 2025-01-11 (limit 0 days)", Error::npos});
  CHECK(fx.as_of(day, eur, cny, date::days{10}).has_value());
}

// --- The normalize stream ---------------------------------------------------------------

TEST_CASE("The normalize stream reports every bad row by line, keeps going, and its totals add up") {
  const std::string digits39 = "123456789012345678901234567890123456789";
  const std::string input =
      "date,figure\n"                  // 1
      "2025-01-10,Rmb81bn\n"           // 2 converted
      "2025-01-10,\"$1,23,4\"\n"       // 3 unparsed
      "2025-01-10,$1..2\n"             // 4 unparsed
      "2025-01-10,--5\n"               // 5 unparsed
      "2025-01-10,¥5bn\n"              // 6 unparsed
      "2025-01-10,XYZ 5\n"             // 7 unparsed
      "2025-01-10,$bn\n"               // 8 unparsed
      "2025-01-10,$" + digits39 + "\n"  // 9 unparsed
      "2025-02-30,$5\n"                // 10 invalid date
      "2025-01-01,Rmb5\n"              // 11 before the first fixing
      "2025-01-20,Rmb5\n"              // 12 stale
      "2025-01-10\n"                   // 13 missing column
      "2025-01-10,$5,extra\n"          // 14 extra column
      "\xff\xfe,$5\n"                  // 15 non-UTF-8 date
      "2025-01-10,$5\xff\n"            // 16 non-UTF-8 after the figure
      "2025-01-10,HK$5\n"              // 17 no HKD series
      "2025-01-10,\"$5";               // 18 unterminated quote at the end
  const Normalized r = normalize(input);

  CHECK(r.output ==
        "date,figure,currency,usd_value,per_share\n"
        "2025-01-10,Rmb81bn,CNY,11049792805.793494,0\n"
        "2025-01-10,\"$1,23,4\",,,\n"
        "2025-01-10,$1..2,,,\n"
        "2025-01-10,--5,,,\n"
        "2025-01-10,¥5bn,,,\n"
        "2025-01-10,XYZ 5,,,\n"
        "2025-01-10,$bn,,,\n"
        "2025-01-10,$" + digits39 + ",,,\n"
        "2025-02-30,$5,USD,,0\n"
        "2025-01-01,Rmb5,CNY,,0\n"
        "2025-01-20,Rmb5,CNY,,0\n"
        "2025-01-10,,,,\n"
        "2025-01-10,\"$5,extra\",,,\n"
        "\xff\xfe,$5,USD,,0\n"
        "2025-01-10,$5\xff,,,\n"
        "2025-01-10,HK$5,HKD,,0\n"
        "2025-01-10,,,,\n");
  CHECK(r.diagnostics ==
        "line 3: '$1,23,4' at column 3: expected three digits after ','\n"
        "line 4: '$1..2' at column 4: expected a digit after '.'\n"
        "line 5: '--5' at column 1: expected a currency marker or a digit\n"
        "line 6: '¥5bn' at column 1: expected a currency marker or a digit\n"
        "line 7: 'XYZ 5' at column 1: expected a currency marker or a digit\n"
        "line 8: '$bn' at column 2: expected a digit\n"
        "line 9: '$" + digits39 + "' at column 2: more than 38 significant digits\n"
        "line 10: invalid date '2025-02-30' (expected an existing day as YYYY-MM-DD)\n"
        "line 11: no CNY rate on or before 2025-01-01 (first fixing 2025-01-02)\n"
        "line 12: latest EUR/CNY fixing 2025-01-10 is 10 days before 2025-01-20 (limit 7 days)\n"
        "line 13: expected 2 fields (date,figure), found 1\n"
        "line 14: expected 2 fields (date,figure), found 3 (a figure with an unquoted comma?)\n"
        "line 15: invalid date '\\xFF\\xFE' (expected an existing day as YYYY-MM-DD)\n"
        "line 16: '$5\\xFF' at column 3: unexpected text after the figure\n"  // escaped by describe()
        "line 17: no HKD rate in the table (pivot EUR)\n"
        "line 18: broken CSV row: unterminated quoted field at column 12\n");
  CHECK(r.totals.rows_read == 17);
  CHECK(r.totals.converted == 1);
  CHECK(r.totals.without_rate == 3);
  CHECK(r.totals.unparsed == 8);
  CHECK(r.totals.invalid == 5);
  CHECK(r.totals.blank_lines == 0);
  CHECK_FALSE(r.totals.bad_header);
  check_totals_add_up(r.totals);
}

TEST_CASE("An unterminated quote in the middle of a stream takes the following lines into its field") {
  // RFC 4180: a quoted field may hold line feeds, so the next line is part of it.
  // The stream resynchronises at the end of the input, or after max_record_bytes.
  const Normalized r = normalize("date,figure\n2025-01-10,\"$5\n2025-01-10,$6\n");
  CHECK(r.output == "date,figure,currency,usd_value,per_share\n2025-01-10,,,,\n");
  CHECK(r.diagnostics == "line 2: broken CSV row: unterminated quoted field at column 12\n");
  CHECK(r.totals.rows_read == 1);
  CHECK(r.totals.invalid == 1);
  check_totals_add_up(r.totals);
}

TEST_CASE("A stray quote inside an unquoted field breaks that row only (finding F5, fixed)", "[finding][fixed]") {
  const Normalized r = normalize("date,figure\n2025-01-10,$5\"x\n2025-01-10,$6\n");
  CHECK(r.output == "date,figure,currency,usd_value,per_share\n2025-01-10,,,,\n2025-01-10,$6,USD,6,0\n");
  CHECK(r.diagnostics == "line 2: broken CSV row: a quote inside an unquoted field at column 14\n");
  CHECK(r.totals.rows_read == 2);
  CHECK(r.totals.converted == 1);
}

TEST_CASE("A wrong header is reported and the columns are read by position") {
  const Normalized r = normalize("Date,Amount\n2025-01-10,$5\n");
  CHECK(r.output == "date,figure,currency,usd_value,per_share\n2025-01-10,$5,USD,5,0\n");
  CHECK(r.diagnostics == "line 1: expected the header 'date,figure', found 'Date,Amount': reading the columns by position\n");
  CHECK(r.totals.bad_header);
  CHECK(r.totals.rows_read == 1);
  CHECK(r.totals.converted == 1);
  CHECK_FALSE(r.totals.all_converted());
}

TEST_CASE("A missing header is reported and the first line is read as a row") {
  const Normalized r = normalize("2025-01-10,$5\n2025-01-10,$6\n");
  CHECK(r.output == "date,figure,currency,usd_value,per_share\n2025-01-10,$5,USD,5,0\n2025-01-10,$6,USD,6,0\n");
  CHECK(r.diagnostics == "line 1: no header 'date,figure': reading the columns by position\n");
  CHECK(r.totals.bad_header);
  CHECK(r.totals.rows_read == 2);
  CHECK(r.totals.converted == 2);
}

TEST_CASE("A byte order mark and CRLF line ends read like plain LF text") {
  const std::string plain = "date,figure\n2025-01-10,$5\n\n2025-01-10,Rmb81bn\n";
  const std::string dressed = "\xEF\xBB\xBF" "date,figure\r\n2025-01-10,$5\r\n\r\n2025-01-10,Rmb81bn\r\n";
  const Normalized a = normalize(plain), b = normalize(dressed);
  CHECK(b.output == "date,figure,currency,usd_value,per_share\n"
                    "2025-01-10,$5,USD,5,0\n"
                    "2025-01-10,Rmb81bn,CNY,11049792805.793494,0\n");
  CHECK(b.output == a.output);
  CHECK(b.diagnostics.empty());
  CHECK(b.totals.rows_read == 2);
  CHECK(b.totals.converted == 2);
  CHECK(b.totals.blank_lines == 1);
  CHECK(b.totals.all_converted());
}

TEST_CASE("An empty input gives the header only and zero totals") {
  const Normalized r = normalize("");
  CHECK(r.output == "date,figure,currency,usd_value,per_share\n");
  CHECK(r.diagnostics.empty());
  CHECK(r.totals.rows_read == 0);
  CHECK(r.totals.blank_lines == 0);
  CHECK_FALSE(r.totals.bad_header);
}

TEST_CASE("A row longer than max_record_bytes is skipped to its line end, and the next row is read") {
  // The mechanism behind the "1 GB line": the default limit is 1 MiB; here 1 KiB
  // against a 100 KiB row.
  NormalizeOptions options;
  options.max_record_bytes = 1024;
  const std::string long_figure = "$" + std::string(100 * 1024, '9');
  const Normalized r = normalize("date,figure\n2025-01-10," + long_figure + "\n2025-01-10,$5\n", options);
  CHECK(r.output == "date,figure,currency,usd_value,per_share\n2025-01-10,,,,\n2025-01-10,$5,USD,5,0\n");
  CHECK(r.diagnostics ==
        "line 2: record longer than 1024 bytes, skipped to its end (it starts '2025-01-10,$99999999999999999999...')\n");
  CHECK(r.totals.rows_read == 2);
  CHECK(r.totals.invalid == 1);
  CHECK(r.totals.converted == 1);
  check_totals_add_up(r.totals);
}

TEST_CASE("The record splitter reports an over-long record with its first 64 bytes and resumes at the next line") {
  STATIC_REQUIRE(csv::RecordSplitter::default_max_record_bytes == 1024 * 1024);
  csv::RecordSplitter s(1024);
  const std::string line(100 * 1024, 'x');
  // Fed in 4 KiB pieces, as a file reader would.
  const std::string text = "a,b\n" + line + "\nc,d\n";
  std::vector<csv::RawRecord> records;
  std::vector<std::string> texts;
  for (std::size_t at = 0; at < text.size(); at += 4096) {
    s.feed(std::string_view(text).substr(at, 4096));
    while (auto r = s.next()) {
      records.push_back(*r);
      texts.emplace_back(r->text);
    }
  }
  if (auto r = s.finish()) {
    records.push_back(*r);
    texts.emplace_back(r->text);
  }
  REQUIRE(records.size() == 3);
  CHECK(texts[0] == "a,b");
  CHECK(records[1].too_long);
  CHECK(texts[1] == std::string(64, 'x'));
  CHECK(records[1].line == 2);
  CHECK(texts[2] == "c,d");
  CHECK(records[2].line == 3);
  CHECK_FALSE(records[2].too_long);
}

TEST_CASE("split_record names the byte of a broken quote") {
  std::vector<std::string_view> fields;
  std::string scratch;
  auto unterminated = csv::split_record("a,\"b", fields, scratch);
  REQUIRE_FALSE(unterminated);
  CHECK(unterminated.error().code == Errc::csv);
  CHECK(unterminated.error().message == "unterminated quoted field");
  CHECK(unterminated.error().position == 2);
  auto after = csv::split_record("\"a\"b,c", fields, scratch);
  REQUIRE_FALSE(after);
  CHECK(after.error().message == "text after a closing quote");
  CHECK(after.error().position == 3);
  auto inside = csv::split_record("a\"b", fields, scratch);
  REQUIRE_FALSE(inside);
  CHECK(inside.error().message == "a quote inside an unquoted field");
  CHECK(inside.error().position == 1);
}

// --- FX files: all or nothing -----------------------------------------------------------

TEST_CASE("An FX file with a bad row is refused with file, line, column and field") {
  // A reference table with a hole is worse than none: the loaders stop at the first error.
  auto missing = parse_ecb_csv("Date,USD,CNY,\n2025-01-10,1.0304,\n", "ecb.csv");
  check_error(missing, {Errc::csv, "ecb.csv:2: expected 3 fields as in the header, read 2", Error::npos});
  CHECK(missing.error().line == 2);
  CHECK(missing.error().input == "2025-01-10,1.0304,");

  check_error(parse_ecb_csv("Datum,USD,\n2025-01-10,1.0304,\n", "ecb.csv"),
              {Errc::csv, "ecb.csv:1:1: expected 'Date' as the first header field, read 'Datum' (ECB layout: 'Date,USD,JPY,...,')",
               Error::npos});
  check_error(parse_ecb_csv("Date,USD,\n2025-02-30,1.0797,\n", "ecb.csv"),
              {Errc::invalid_date, "ecb.csv:2:1: Date: '2025-02-30' is not a calendar date", Error::npos});
  check_error(parse_ecb_csv("Date,USD,\n2025-01-10,1.0\xff,\n", "ecb.csv"),
              {Errc::syntax,
               "ecb.csv:2:12: USD: '1.0\\xFF' is not a rate (expected digits with an optional decimal point, or N/A)",
               Error::npos});
  check_error(parse_ecb_csv("", "ecb.csv"), {Errc::csv, "ecb.csv: no header line (ECB layout: 'Date,USD,JPY,...,')", Error::npos});

  check_error(parse_fx_csv("date,base,quote\n2025-01-10,EUR,USD\n", "rates.csv"),
              {Errc::csv,
               "rates.csv:1:1: expected the header 'date,base,quote,rate' or 'date,base,quote,rate,source', read "
               "'date,base,quote'",
               Error::npos});
  check_error(parse_fx_csv("", "rates.csv"), {Errc::csv, "rates.csv: no header line, expected 'date,base,quote,rate'", Error::npos});
}

TEST_CASE("FX files with a byte order mark and CRLF line ends load like plain ones") {
  auto plain = parse_fx_csv("date,base,quote,rate\n2025-01-10,EUR,USD,1.0304\n", "rates.csv");
  auto dressed = parse_fx_csv("\xEF\xBB\xBF" "date,base,quote,rate\r\n2025-01-10,EUR,USD,1.0304\r\n", "rates.csv");
  REQUIRE(plain);
  REQUIRE(dressed);
  REQUIRE(dressed->series().size() == 1);
  CHECK(dressed->series()[0].fixings == plain->series()[0].fixings);
}

// --- Known findings ----------------------------------------------------------------------
// What should happen, for bugs reported and not fixed yet (docs/reliability.md,
// "Findings"). Tagged [!shouldfail]: they pass while the bug is there, and fail
// (so the tag must go) once it is fixed.

TEST_CASE("The intervals of a figure with 37 or 38 significant digits exist (finding F1, fixed)", "[finding][fixed]") {
  auto plain = parse_figure("12345678901234567890123456789012345678");
  REQUIRE(plain);
  CHECK_NOTHROW(plain->rounding_interval());
  // The exact ends (v - 0.5, v + 0.5) need 39 digits: rounded outward to units.
  CHECK(plain->rounding_interval().to_string() ==
        "[12345678901234567890123456789012345677, 12345678901234567890123456789012345679)");
  CHECK(plain->rounding_interval().contains(plain->value));
  auto hedged = parse_figure("about 1234567890123456789012345678901234567");
  REQUIRE(hedged);
  CHECK_NOTHROW(hedged->interval());
}

TEST_CASE("A figure whose converted value needs more than 38 digits fails its row only (finding F2)",
          "[finding][fixed]") {
  NormalizeOptions options;
  options.decimals = 6;
  Normalized r;
  CHECK_NOTHROW(r = normalize("date,figure\n2025-01-10,Rmb" + std::string(38, '9') + "bn\n2025-01-10,$5\n", options));
  CHECK(r.totals.rows_read == 2);
  CHECK(r.totals.converted == 1);
}

TEST_CASE("The name of a period before the year 1000 reads back (finding F3)", "[finding][fixed]") {
  const Period q = Period::quarter(244, 1);
  auto back = parse_period(q.to_string());
  REQUIRE(back);
  CHECK(*back == q);
}

TEST_CASE("Line numbers after an over-long record with quoted line feeds stay right (finding F4)",
          "[finding][fixed]") {
  // Limit 3: the record `"a\nb\nc\nd"` is reported once and skipped to its real
  // end, quotes still followed (issue 11 item 6: resuming inside the quoted field
  // turned its lines into junk rows); the next record is on physical line 5.
  csv::RecordSplitter s(3);
  s.feed("\"a\nb\nc\nd\"\nok\n");
  auto first = s.next();
  REQUIRE(first);
  CHECK(first->too_long);
  CHECK(first->line == 1);
  auto second = s.next();
  REQUIRE(second);
  CHECK(std::string(second->text) == "ok");
  CHECK(second->line == 5);
}
