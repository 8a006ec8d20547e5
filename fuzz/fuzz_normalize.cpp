// The normalize stream (normalize/normalizer.hpp) over a small in-memory FX table
// read by parse_ecb_csv. The first byte picks one of a few option sets (digits or
// decimals, rounding, target, scale, staleness, a small record limit); the rest is
// the CSV stream. Invariants:
//  - deterministic: the same input twice gives byte-identical output and diagnostics;
//  - chunking does not matter: fed in small pieces, output and totals are the same;
//  - totals add up: rows_read == converted + without_rate + unparsed + invalid,
//    and the output holds the header plus one record per row read, as wide as
//    the header (v1: 5 fields; v2: the input's columns and 9 more);
//  - with fixed decimals, every converted row's value equals the reference path
//    Normalizer::convert (FxTable::as_of and FxRate) digit for digit;
//  - the fast paths equal the general ones (differential): the stream read record
//    by record (process(RawRecord) on each record next() cuts) gives the output of
//    feed(), whose plain runs v1 and v2 read in one pass; values made from the
//    input's first bytes give the same text through Normalizer::write_parts as
//    through convert_parts (wherever write_parts answers), and through
//    detail::write_plain as through append_plain; v2 figures the figure reader
//    reads (detail::read_v2_row) give read_v2_figure's cells, status and reason.

#include <array>
#include <memory>
#include <vector>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/detail/exact_quotient.hpp"
#include "finmetrics/normalize/detail/v2_cells.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v2_figure.hpp"
#include "finmetrics/time/date.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

// A few real-looking fixings with gaps (a weekend, a missing CNY day, HKD only from
// 2025-01-06) so that as-of, staleness and "before the first fixing" are all reached.
constexpr std::string_view ecb_text =
    "Date,USD,CNY,HKD,JPY,\n"
    "2025-01-10,1.0304,7.5533,8.0202,162.09,\n"
    "2025-01-09,1.0305,7.5536,8.0217,162.95,\n"
    "2025-01-08,1.0314,N/A,8.0297,163.11,\n"
    "2025-01-07,1.0393,7.6081,8.0849,164.44,\n"
    "2025-01-06,1.0426,7.6339,8.1060,164.62,\n"
    "2025-01-03,1.0299,7.5400,N/A,162.70,\n"
    "2025-01-02,1.0321,7.5517,N/A,163.67,\n"
    "2024-12-20,1.0390,7.5866,N/A,163.83,\n";

const FxTable& table() {
  static const FxTable t = [] {
    auto r = parse_ecb_csv(ecb_text, "fuzz-ecb.csv");
    FUZZ_CHECK(r.has_value(), r ? std::string() : r.error().describe());
    return *r;
  }();
  return t;
}

NormalizeOptions option_set(std::size_t k) {
  NormalizeOptions o;
  switch (k) {
    case 0: break;  // USD, 17 significant digits, half_even, 7 days
    case 1: o.decimals = 2; o.rounding = Rounding::half_up; break;
    case 2: o.target = Currency{{'E', 'U', 'R'}}; o.significant_digits = 6; o.rounding = Rounding::floor; o.max_staleness = date::days{0}; break;
    case 3: o.target = Currency{{'J', 'P', 'Y'}}; o.decimals = 0; o.rounding = Rounding::ceiling; o.max_record_bytes = 40; break;
    case 4: o.target = Currency{{'C', 'N', 'Y'}}; o.scale_exponent = 9; o.decimals = 6; o.rounding = Rounding::down; o.max_staleness = date::days{1}; break;
    // normalize-v2: any columns, parse_figure, $ and ¥ from the options, negative values.
    case 5: o.spec = NormalizeSpec::v2; break;
    case 6: o.spec = NormalizeSpec::v2; o.target = Currency{{'H', 'K', 'D'}}; o.decimals = 3; o.rounding = Rounding::floor;
            o.parse.currency.yen_or_yuan = Currency{{'J', 'P', 'Y'}}; o.max_record_bytes = 48; break;
    default: o.spec = NormalizeSpec::v2; o.figure_column = "text"; o.date_column = "day"; o.significant_digits = 3;
             o.rounding = Rounding::ceiling; o.parse.currency.dollar = Currency{{'H', 'K', 'D'}}; break;
  }
  return o;
}

const Normalizer& normalizer(std::uint8_t b) {
  static const std::array<std::unique_ptr<Normalizer>, 8> all = [] {
    std::array<std::unique_ptr<Normalizer>, 8> n;
    for (std::size_t k = 0; k < n.size(); ++k) n[k] = std::make_unique<Normalizer>(table(), option_set(k));
    return n;
  }();
  return *all[b % all.size()];
}

struct Run {
  std::string output, diagnostics;
  NormalizeTotals totals;
};

Run run_whole(const Normalizer& n, std::string_view input) {
  Run r;
  r.totals = normalize_csv(n, input, r.output, r.diagnostics);
  return r;
}

// A stream run: the v1 header first (the stream writes v2's own), `feed` hands the
// stream its input, and a v2 run that wrote no header gets the one it would have.
template <class Feed>
Run run_stream(const Normalizer& n, Feed&& feed) {
  Run r;
  const bool v2 = n.options().spec == NormalizeSpec::v2;
  if (!v2) {
    r.output = n.header();
    r.output += '\n';
  }
  NormalizeStream s(n, r.output, r.diagnostics);
  feed(s);
  r.totals = s.totals();
  if (v2 && !r.totals.header_written)
    r.output += n.options().date_column + "," + n.options().figure_column + "," + n.v2_columns() + "\n";
  return r;
}

Run run_chunked(const Normalizer& n, std::string_view input, std::size_t step) {
  return run_stream(n, [&](NormalizeStream& s) {
    for (std::size_t at = 0; at < input.size(); at += step) s.feed(input.substr(at, step));
    s.finish();
  });
}

// Each record alone, as next() cuts it: no plain runs.
Run run_by_records(const Normalizer& n, std::string_view input) {
  return run_stream(n, [&](NormalizeStream& s) {
    csv::RecordSplitter splitter(n.options().max_record_bytes);
    splitter.feed(input);
    while (auto rec = splitter.next()) s.process(*rec);
    if (auto rec = splitter.finish()) s.process(*rec);
  });
}

// A value made of the input's bytes through both of the v2 row's writers.
void check_writers(const Normalizer& n, std::string_view input) {
  unsigned char b[20] = {};
  for (std::size_t k = 0; k < sizeof b && k < input.size(); ++k) b[k] = static_cast<unsigned char>(input[k]);
  detail::u128 magnitude = 0;
  const int bytes = 1 + b[0] % 16;  // up to 128 bits
  for (int k = 0; k < bytes; ++k) magnitude = magnitude << 8 | b[1 + k];
  if (b[0] & 0x80) magnitude %= 1000000;  // short numbers, as figures write them
  const int exponent = static_cast<int>(b[17]) - 128;
  const bool negative = (b[18] & 1) != 0;
  static const Currency currencies[] = {Currency{{'U', 'S', 'D'}}, Currency{{'C', 'N', 'Y'}}, Currency{{'H', 'K', 'D'}},
                                        Currency{{'J', 'P', 'Y'}}, Currency{{'E', 'U', 'R'}}, Currency{{'G', 'B', 'P'}}};
  const Currency currency = currencies[(b[18] >> 1) % 6];
  const std::int32_t day = 20070 + b[19] % 40;  // 2024-12-13 .. 2025-01-21: before, inside and after the table

  char buffer[detail::general_max_bytes + 1];
  const char* const end = n.write_parts(magnitude, exponent, negative, currency, day, buffer);
  std::string text, why;
  const Normalizer::Refusal refused = n.convert_parts(magnitude, exponent, negative, currency, day, text, why);
  if (end != nullptr) {
    FUZZ_CHECK(refused == Normalizer::Refusal::none && std::string_view(buffer, static_cast<std::size_t>(end - buffer)) == text,
               "write_parts '" + std::string(buffer, static_cast<std::size_t>(end - buffer)) + "' vs convert_parts '" +
                   text + "' (" + why + ")");
  }
  std::string plain;
  append_plain(plain, magnitude, exponent, negative);
  char plain_buffer[detail::plain_max_bytes];
  const char* const plain_end = detail::write_plain(plain_buffer, magnitude, exponent, negative);
  FUZZ_CHECK(plain_end == nullptr ? plain.size() > static_cast<std::size_t>(detail::plain_max_bytes) ||
                                        exponent > detail::plain_max_bytes || exponent < -4 * detail::plain_max_bytes
                                  : std::string_view(plain_buffer, static_cast<std::size_t>(plain_end - plain_buffer)) == plain,
             "write_plain vs append_plain '" + plain + "'");
}

// v2: figures read by the figure reader (detail::read_v2_row) give the cells,
// status, reason and currency source that read_v2_figure gives: the whole input
// as one figure, and each field of its first records, on a day inside the table.
void check_reader(const Normalizer& n, std::string_view input) {
  if (n.options().spec != NormalizeSpec::v2) return;
  const auto one = [&n](std::string_view date, std::string_view figure) {
    detail::V2Read read;
    detail::read_v2_row(n, date, figure, read);
    if (!read.common) return;
    detail::V2Read general = read;
    general.common = false;
    std::string a, b, why_a, why_b;
    CurrencySource source_a = CurrencySource::none, source_b = CurrencySource::none;
    const RowStatus status_a = detail::append_v2_cells(n, date, figure, read, a, why_a, source_a);
    const RowStatus status_b = detail::append_v2_cells(n, date, figure, general, b, why_b, source_b);
    FUZZ_CHECK(a == b && why_a == why_b && status_a == status_b && source_a == source_b,
               "figure '" + std::string(figure) + "': reader " + a + " (" + why_a + ") vs read_v2_figure " + b + " (" +
                   why_b + ")");
  };
  one("2025-01-08", input);
  csv::RecordSplitter records(std::size_t{1} << 30);
  records.feed(input);
  std::vector<std::string_view> fields;
  std::string scratch;
  for (int k = 0; k < 16; ++k) {
    auto r = records.next();
    if (!r) break;
    if (!csv::split_record(r->text, fields, scratch)) continue;
    for (std::string_view field : fields) one(k % 2 == 0 ? "2025-01-08" : "2024-12-01", field);
  }
}

bool same_totals(const NormalizeTotals& a, const NormalizeTotals& b) {
  return a.rows_read == b.rows_read && a.converted == b.converted && a.without_rate == b.without_rate &&
         a.unparsed == b.unparsed && a.invalid == b.invalid && a.blank_lines == b.blank_lines &&
         a.bad_header == b.bad_header;
}

std::string show(const NormalizeTotals& t) {
  return "read " + std::to_string(t.rows_read) + " converted " + std::to_string(t.converted) + " without_rate " +
         std::to_string(t.without_rate) + " unparsed " + std::to_string(t.unparsed) + " invalid " +
         std::to_string(t.invalid) + " blank " + std::to_string(t.blank_lines);
}

}  // namespace

namespace {

void check(std::uint8_t selector, std::string_view input) {
  const Normalizer& n = normalizer(selector);

  const Run first = run_whole(n, input);
  const Run second = run_whole(n, input);
  FUZZ_CHECK(first.output == second.output && first.diagnostics == second.diagnostics, input);
  FUZZ_CHECK(same_totals(first.totals, second.totals), input);

  const NormalizeTotals& t = first.totals;
  FUZZ_CHECK(t.rows_read == t.converted + t.without_rate + t.unparsed + t.invalid, show(t));

  const Run chunked = run_chunked(n, input, std::size_t{1} + selector / 5 % 7);
  FUZZ_CHECK(chunked.output == first.output, "chunked output differs:\n" + first.output + "\n---\n" + chunked.output);
  FUZZ_CHECK(chunked.diagnostics == first.diagnostics,
             "chunked diagnostics differ:\n" + first.diagnostics + "\n---\n" + chunked.diagnostics);
  FUZZ_CHECK(same_totals(chunked.totals, t), show(t) + " vs chunked " + show(chunked.totals));

  const Run careful = run_by_records(n, input);
  FUZZ_CHECK(careful.output == first.output, "record by record output differs:\n" + first.output + "\n---\n" + careful.output);
  FUZZ_CHECK(careful.diagnostics == first.diagnostics,
             "record by record diagnostics differ:\n" + first.diagnostics + "\n---\n" + careful.diagnostics);
  FUZZ_CHECK(same_totals(careful.totals, t) && careful.totals.currency_by_default == t.currency_by_default,
             show(t) + " vs record by record " + show(careful.totals));

  check_writers(n, input);
  check_reader(n, input);

  // The output: a header and one record per row read, each as wide as the header
  // (v1: five fields; v2: the input's columns and nine more).
  csv::RecordSplitter records(std::size_t{1} << 30);
  records.feed(first.output);
  std::vector<std::string_view> fields;
  std::string scratch;
  std::size_t count = 0, width = 5;
  const bool v2 = n.options().spec == NormalizeSpec::v2;
  const auto check = [&](const csv::RawRecord& r) {
    auto ok = csv::split_record(r.text, fields, scratch);
    if (v2 && count == 0 && ok) width = fields.size();
    FUZZ_CHECK(ok.has_value() && fields.size() == width && (!v2 || width >= 11),
               "output record '" + std::string(r.text) + "' width " + std::to_string(width) + "\n" + first.output);
    if (v2) {  // converted rows have a value (or both ends); unparsed ones an empty currency
      ++count;
      return;
    }
    if (count++ == 0 || fields[3].empty() || !n.options().decimals) return;
    auto day = parse_date(fields[0]);
    FUZZ_CHECK(day.has_value(), "output record '" + std::string(r.text) + "'");
    auto reference = n.convert(date::sys_days(*day), fields[1]);
    FUZZ_CHECK(reference.has_value(), "output record '" + std::string(r.text) + "': " +
                                          (reference ? std::string() : reference.error().describe()));
    FUZZ_CHECK(reference->value.to_string() == fields[3],
               "output record '" + std::string(r.text) + "' reference " + reference->value.to_string());
  };
  while (auto r = records.next()) check(*r);
  if (auto r = records.finish()) check(*r);
  FUZZ_CHECK(count == t.rows_read + 1, show(t) + ", output records " + std::to_string(count) + "\n" + first.output);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  check(data[0], fuzz::as_text(data + 1, size - 1));
  return 0;
}
