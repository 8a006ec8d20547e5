// NormalizeStream: records in, rows out. The stream itself (records cut from
// fed bytes, runs of plain records, blank, over-long and broken records), the v1
// rows (`date,figure` -> `date,figure,currency,usd_value,per_share`) and
// normalize_csv; the v2 rows are in v2_stream.cpp.
#include <cstdint>
#include <cstring>
#include <iterator>

#include <fmt/format.h>

#include "finmetrics/detail/text.hpp"
#include "finmetrics/normalize/detail/day_grid.hpp"
#include "finmetrics/normalize/detail/rounded_value.hpp"
#include "finmetrics/normalize/detail/row_text.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics {

namespace {

using detail::CurrencyGrid;
using detail::Leg;
using detail::parse_iso_date;
using detail::printable;
using detail::append_value;
using detail::fits_decimal;
using detail::product_fits;
using detail::round_value;
using detail::Scaled;
using detail::to_scaled;
using detail::u128;
using detail::V1Pair;

}  // namespace

NormalizeStream::NormalizeStream(const Normalizer& normalizer, std::string& output, std::string& diagnostics,
                                 std::string input_name, bool expect_header)
    : n_(normalizer),
      out_(output),
      diag_(diagnostics),
      input_name_(std::move(input_name)),
      splitter_(normalizer.options().max_record_bytes),
      header_seen_(!expect_header) {}

void NormalizeStream::feed(std::string_view chunk) {
  splitter_.feed(chunk);
  drain();
}

void NormalizeStream::finish() {
  drain();
  if (auto r = splitter_.finish()) process(*r);
}

void NormalizeStream::drain() {
  while (true) {
    if (auto run = splitter_.next_plain(SIZE_MAX)) {
      process(*run);
      continue;
    }
    auto r = splitter_.next();
    if (!r) return;
    process(*r);
  }
}

void NormalizeStream::prefetch(std::string_view record) noexcept {
  // Only a date field of ten bytes: what `row` would read as the date.
  if (n_.options().spec != NormalizeSpec::v1 || record.size() <= 10 || record[10] != ',') return;
  DayHint& h = day_hints_[hints_in_++ % std::size(day_hints_)];
  h.at = record.data();
  h.valid = parse_iso_date(record.substr(0, 10), h.day);
  if (h.valid) n_.grid_->prefetch_v1(h.day);
}

// The day of a v1 date field: the hint `prefetch` left for this very field, or
// read now. Hints of records that never came to a row (blank, broken) are passed.
bool NormalizeStream::day_of(std::string_view date_field, std::int32_t& day) {
  while (hints_out_ != hints_in_) {
    const DayHint& h = day_hints_[hints_out_ % std::size(day_hints_)];
    const auto at = reinterpret_cast<std::uintptr_t>(h.at), field = reinterpret_cast<std::uintptr_t>(date_field.data());
    if (at > field) break;
    ++hints_out_;
    if (at == field && date_field.size() == 10) {
      day = h.day;
      return h.valid;
    }
  }
  return parse_iso_date(date_field, day);
}

void NormalizeStream::diagnose(std::size_t line, std::string_view message) {
  if (!n_.options().reasons) return;
  if (!input_name_.empty()) {
    diag_ += input_name_;
    diag_ += ": ";
  }
  diag_ += "line ";
  diag_ += std::to_string(line);
  diag_ += ": ";
  diag_ += message;
  diag_ += '\n';
}

namespace {
bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}
}  // namespace

void NormalizeStream::process(const csv::RawRecord& record) {
  if (record.text.empty() && !record.too_long && !record.unterminated) {
    ++totals_.blank_lines;
    return;
  }
  if (record.too_long) {
    ++totals_.rows_read;
    ++totals_.invalid;
    header_seen_ = true;
    diagnose(record.line, fmt::format("record longer than {} bytes, skipped to its end (it starts '{}')",
                                      n_.options().max_record_bytes, printable(record.text, 32)));
    // Keep the date when it stands unquoted before the first comma.
    const std::size_t comma = record.text.find(',');
    if (comma != std::string_view::npos && record.text.substr(0, comma).find_first_of("\"\r\n") == std::string_view::npos)
      csv::append_field(out_, record.text.substr(0, comma));
    if (n_.options().spec == NormalizeSpec::v2) out_.append(std::max<std::size_t>(layout_.fields, 1) - 1 + 9, ',');
    else out_ += ",,,,";
    out_ += '\n';
    return;
  }
  if (n_.options().spec == NormalizeSpec::v2) {
    auto split = csv::split_record(record.text, fields_, scratch_);
    if (!header_seen_) {
      header_seen_ = true;
      header_v2(record, split.has_value());
      if (!totals_.bad_header || header_is_not_data_) return;
    }
    row_v2(record, split.has_value());
    return;
  }
  if (header_seen_ && record.text.find('"') == std::string_view::npos) {
    // The common row: no quotes, so fields are the text between commas.
    const std::size_t comma = record.text.find(',');
    if (comma != std::string_view::npos && record.text.find(',', comma + 1) == std::string_view::npos) {
      ++totals_.rows_read;
      row(record.text.substr(0, comma), record.text.substr(comma + 1), false, record.line);
      return;
    }
  }
  auto split = csv::split_record(record.text, fields_, scratch_);
  if (!header_seen_) {
    header_seen_ = true;
    if (split && fields_.size() == 2 && equals_ignoring_case(detail::trim_blanks(fields_[0]), "date") &&
        equals_ignoring_case(detail::trim_blanks(fields_[1]), "figure"))
      return;
    totals_.bad_header = true;
    date::sys_days d;
    if (split && !fields_.empty() && parse_iso_date(fields_[0], d)) {
      diagnose(record.line, "no header 'date,figure': reading the columns by position");
    } else {
      diagnose(record.line, fmt::format("expected the header 'date,figure', found '{}': reading the columns by position",
                                        printable(record.text, 80)));
      return;
    }
  }
  ++totals_.rows_read;
  if (!split || record.unterminated) {
    ++totals_.invalid;
    const Error e = split ? make_error(Errc::csv, "unterminated quoted field at the end of the input") : split.error();
    diagnose(record.line, fmt::format("broken CSV row: {}{}", e.message,
                                      e.position == Error::npos ? "" : fmt::format(" at column {}", e.position + 1)));
    // Keep what can be kept: the date when it stands unquoted before the first comma.
    const std::string_view first = record.text.substr(0, record.text.find(','));
    if (first.find('"') == std::string_view::npos) csv::append_field(out_, first);
    out_ += ",,,,\n";
    return;
  }
  if (fields_.size() != 2) {
    ++totals_.invalid;
    diagnose(record.line, fmt::format("expected 2 fields (date,figure), found {}{}", fields_.size(),
                                      fields_.size() > 2 ? " (a figure with an unquoted comma?)" : ""));
    csv::append_field(out_, fields_[0]);
    out_ += ',';
    // Keep everything after the date as the figure: nothing of the row is lost.
    if (fields_.size() > 1) {
      const std::size_t comma = record.text.find(',');
      csv::append_field(out_, record.text.find('"') == std::string_view::npos ? record.text.substr(comma + 1) : fields_[1]);
    }
    out_ += ",,,\n";
    return;
  }
  const bool quoted = record.text.size() > fields_[0].size() + 1 &&
                      record.text.find('"') != std::string_view::npos;
  row(fields_[0], fields_[1], quoted, record.line);
}

void NormalizeStream::process(const csv::PlainRecords& run) {
  const char* front = run.text.data();
  const char* const end = front + run.text.size();
  std::size_t line = run.line;
  if (n_.options().spec != NormalizeSpec::v1 || !header_seen_) {
    const bool v2 = n_.options().spec == NormalizeSpec::v2;
    while (front < end) {
      if (v2 && header_seen_) {
        plain_rows_v2(front, end, line);
        return;
      }
      const auto* lf = static_cast<const char*>(std::memchr(front, '\n', static_cast<std::size_t>(end - front)));
      process(csv::RawRecord{std::string_view(front, static_cast<std::size_t>(lf - front)), line++, false, false});
      front = lf + 1;
    }
    return;
  }
  // v1: each record is cut and its date read `ahead` records before its row, and
  // that day's rates prefetched then (dates are random: a look-up would miss).
  // A row of the common shape (a valid date, one comma, a figure of the grammar
  // without thousands separators, or any figure of the grammar quoted whole:
  // `2014-03-03,"$1,234bn"`) is the record's text, then its value: no search for
  // quotes and commas, no second date read. Any other goes to `process`.
  struct Ahead {
    const char* begin;
    const char* end;
    std::int32_t day;
    bool day_ok;
  };
  constexpr std::size_t ahead = 8, ring = 16;
  Ahead next[ring];
  std::size_t in = 0, out = 0;
  const Normalizer::Grid& g = *n_.grid_;
  const auto look_ahead = [&] {
    const auto* lf = static_cast<const char*>(std::memchr(front, '\n', static_cast<std::size_t>(end - front)));
    Ahead& a = next[in++ % ring];
    a.begin = front;
    a.end = lf;
    a.day_ok = lf - front > 10 && front[10] == ',' && parse_iso_date(std::string_view(front, 10), a.day);
    if (a.day_ok) g.prefetch_v1(a.day);
    front = lf + 1;
  };
  while (in < ahead && front < end) look_ahead();
  detail::V1Scan scan;
  detail::V1ScanError error;
  while (out != in) {
    if (front < end) look_ahead();
    const Ahead& a = next[out++ % ring];
    const std::string_view record(a.begin, static_cast<std::size_t>(a.end - a.begin));
    std::string_view figure = a.day_ok ? record.substr(11) : std::string_view();
    // `"figure"` with no other quote: the field split_record would unquote (a
    // plain record holds no CR, and no line feed inside quotes).
    const bool quoted = figure.size() >= 2 && figure.front() == '"' && figure.back() == '"' &&
                        figure.substr(1, figure.size() - 2).find('"') == std::string_view::npos;
    if (quoted) figure = figure.substr(1, figure.size() - 2);
    if (a.day_ok && detail::scan_v1_figure(figure, scan, error) && (!scan.grouped || quoted)) {
      ++totals_.rows_read;
      // "date,figure" as read; a quoted figure stays quoted where append_field
      // would quote it (a comma), as `row` writes it.
      if (!quoted || figure.find(',') != std::string_view::npos) {
        out_.append(record);
      } else {
        out_.append(record.substr(0, 11));
        out_.append(figure);
      }
      row_value(scan, record.substr(0, 10), figure, true, a.day, line);
    } else {
      process(csv::RawRecord{record, line, false, false});
    }
    ++line;
  }
}

void NormalizeStream::row(std::string_view date_field, std::string_view figure, bool quoted, std::size_t line) {
  if (quoted) {
    csv::append_field(out_, date_field);
    out_ += ',';
    csv::append_field(out_, figure);
  } else {
    const std::size_t at = out_.size();
    out_.resize(at + date_field.size() + 1 + figure.size());
    char* p = out_.data() + at;
    std::memcpy(p, date_field.data(), date_field.size());
    p[date_field.size()] = ',';
    std::memcpy(p + date_field.size() + 1, figure.data(), figure.size());
  }

  detail::V1Scan scan;
  detail::V1ScanError error;
  if (!detail::scan_v1_figure(figure, scan, error)) {
    ++totals_.unparsed;
    diagnose(line, fmt::format("'{}' at column {}: {}", printable(figure, 80), error.position + 1, error.message));
    out_ += ",,,\n";
    return;
  }
  std::int32_t day_index = 0;
  const bool day_ok = day_of(date_field, day_index);
  row_value(scan, date_field, figure, day_ok, day_index, line);
}

void NormalizeStream::row_value(const detail::V1Scan& scan, std::string_view date_field, std::string_view figure,
                                bool day_ok, std::int32_t day_index, std::size_t line) {
  const NormalizeOptions& o = n_.options();
  // The rest of the row is built here and appended once.
  char tail[128];
  char* p = tail;
  *p++ = ',';
  const Currency currency = detail::v1_currencies[scan.currency];
  std::memcpy(p, currency.alpha.data(), 3);
  p += 3;
  *p++ = ',';
  const char per_share = scan.per_share ? '1' : '0';
  const auto finish_row = [&](bool) {
    out_.push_back(',');
    out_.push_back(per_share);
    out_.push_back('\n');
  };

  if (!day_ok) {
    ++totals_.invalid;
    diagnose(line, fmt::format("invalid date '{}' (expected an existing day as YYYY-MM-DD)", printable(date_field, 40)));
    out_.append(tail, static_cast<std::size_t>(p - tail));
    finish_row(false);
    return;
  }

  const Normalizer::Grid& g = *n_.grid_;
  Scaled value;
  bool done = false;
  const int e = scan.exponent - o.scale_exponent;
  if (scan.currency == g.target_v1) {
    done = round_value(scan.mantissa, 1, e, o, value);
  } else if (const V1Pair* pair = g.v1_pair(day_index, scan.currency)) {
    u128 num = scan.mantissa;
    done = !__builtin_mul_overflow(num, static_cast<u128>(pair->num), &num) && product_fits(num) &&
           round_value(num, pair->den, e + pair->exponent, o, value);
  } else {
    const auto staleness = static_cast<std::int32_t>(o.max_staleness.count());
    const Leg* x = Normalizer::Grid::lookup(g.v1[scan.currency], day_index, staleness);
    const Leg* t = Normalizer::Grid::lookup(g.target_v1 >= 0 ? g.v1[g.target_v1] : g.target, day_index, staleness);
    if (x != nullptr && t != nullptr) {
      // target per figure currency = (T per pivot) / (X per pivot), each leg
      // possibly published the other way round.
      u128 num = scan.mantissa, den = 1;
      const auto mul = [](u128& acc, std::uint64_t m) { return !__builtin_mul_overflow(acc, static_cast<u128>(m), &acc); };
      bool ok = t->inverted ? mul(den, t->mantissa) : mul(num, t->mantissa);
      ok = ok && (x->inverted ? mul(num, x->mantissa) : mul(den, x->mantissa));
      const int exp = e + (t->inverted ? -t->exponent : t->exponent) - (x->inverted ? -x->exponent : x->exponent);
      done = ok && product_fits(num) && round_value(num, den, exp, o, value);
    }
  }
  // A value the reference path cannot hold as a Decimal (39 digits at the
  // requested quantum, an exponent beyond +-1000) is left to it, so both refuse it alike.
  if (done && !fits_decimal(value)) done = false;
  if (!done && scan.currency != g.target_v1) {
    const auto staleness = static_cast<std::int32_t>(o.max_staleness.count());
    const CurrencyGrid& xg = g.v1[scan.currency];
    const CurrencyGrid& tg = g.target_v1 >= 0 ? g.v1[g.target_v1] : g.target;
    why_.clear();
    using G = Normalizer::Grid;
    const bool no_rate =
        o.reasons ? G::explain(xg, day_index, staleness, why_) ||
                        (G::lookup(xg, day_index, staleness) != nullptr && G::explain(tg, day_index, staleness, why_))
                  : G::stale(xg, day_index, staleness) ||
                        (G::lookup(xg, day_index, staleness) != nullptr && G::stale(tg, day_index, staleness));
    if (no_rate) {
      ++totals_.without_rate;
      diagnose(line, why_);
      out_.append(tail, static_cast<std::size_t>(p - tail));
      finish_row(false);
      return;
    }
  }
  if (!done) {  // numbers beyond the kernel's integers, or a table the grid cannot index: the reference path decides
    auto r = n_.convert(date::sys_days{date::days{day_index}}, figure);
    if (!r) {
      if (r.error().code == Errc::overflow) ++totals_.invalid;
      else ++totals_.without_rate;
      diagnose(line, r.error().message);
      out_.append(tail, static_cast<std::size_t>(p - tail));
      finish_row(false);
      return;
    }
    value = to_scaled(r->value.abs());
  }
  ++totals_.converted;
  if (o.decimals) {
    out_.append(tail, static_cast<std::size_t>(p - tail));
    append_value(out_, value, o);
    finish_row(false);
    return;
  }
  // The common case: the whole tail of the row in one append (`tail` holds
  // five bytes so far, room for the value and three more).
  static_assert(sizeof tail >= 5 + detail::general_max_bytes + 3);
  p = detail::write_general(p, value, o.significant_digits);
  *p++ = ',';
  *p++ = per_share;
  *p++ = '\n';
  out_.append(tail, static_cast<std::size_t>(p - tail));
}

NormalizeTotals normalize_csv(const Normalizer& normalizer, std::string_view input, std::string& output,
                              std::string& diagnostics) {
  const bool v2 = normalizer.options().spec == NormalizeSpec::v2;
  if (!v2) {
    output += normalizer.header();
    output += '\n';
  }
  NormalizeStream stream(normalizer, output, diagnostics);
  stream.feed(input);
  stream.finish();
  if (v2 && !stream.totals().header_written)  // an empty input: the header of the default columns
    output += normalizer.options().date_column + "," + normalizer.options().figure_column + "," + normalizer.v2_columns() + "\n";
  return stream.totals();
}

}  // namespace finmetrics
