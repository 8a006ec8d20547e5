// The v2 rows of NormalizeStream (normalize-v2.md): any columns, the date and
// figure found by header name, every input column carried through unchanged and
// in order, then the nine v2 columns.
#include <algorithm>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/detail/text.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/normalize/detail/exact_quotient.hpp"
#include "finmetrics/normalize/detail/row_text.hpp"
#include "finmetrics/normalize/detail/v2_cells.hpp"
#include "finmetrics/normalize/normalizer.hpp"

namespace finmetrics {

namespace {

constexpr std::string_view empty_v2_columns = ",,,,,,,,,";

std::string_view per_column(Per p) {
  switch (p) {
    case Per::share: return "share";
    case Per::ads: return "ads";
    case Per::whole: break;
  }
  return "";
}

// The index of the column called `name`: exact first, then ignoring blanks and case.
std::optional<std::size_t> find_column(const std::vector<std::string_view>& fields, std::string_view name) {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == name) return i;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view f = detail::trim_blanks(fields[i]);
    if (f.size() == name.size() && std::equal(f.begin(), f.end(), name.begin(), [](char a, char b) {
          return (a | 0x20) == (b | 0x20);
        }))
      return i;
  }
  return std::nullopt;
}

// Another column than `first` that find_column would take for `name` too.
std::optional<std::size_t> another_column(const std::vector<std::string_view>& fields, std::string_view name,
                                          std::size_t first) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view f = detail::trim_blanks(fields[i]);
    if (i != first && f.size() == name.size() &&
        std::equal(f.begin(), f.end(), name.begin(), [](char a, char b) { return (a | 0x20) == (b | 0x20); }))
      return i;
  }
  return std::nullopt;
}

}  // namespace

// Returns with totals_.bad_header set when the record is to be read as data.
void NormalizeStream::header_v2(const csv::RawRecord& record, bool split) {
  const NormalizeOptions& o = n_.options();
  const auto write_header = [&](bool from_input) {
    if (!write_header_) return;
    if (from_input) {
      for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (i > 0) out_ += ',';
        csv::append_field(out_, fields_[i]);
      }
    } else {
      csv::append_field(out_, o.date_column);
      out_ += ',';
      csv::append_field(out_, o.figure_column);
    }
    out_ += ',';
    out_ += n_.v2_columns();
    out_ += '\n';
    totals_.header_written = true;
  };
  const auto date = split ? find_column(fields_, o.date_column) : std::nullopt;
  const auto figure = split ? find_column(fields_, o.figure_column) : std::nullopt;
  if (date && figure && *date != *figure) {
    layout_ = ColumnLayout{*date, *figure, fields_.size()};
    write_header(true);
    // A column named twice: the first is read, and the run says so (a silent
    // choice could convert the wrong figures with an exit status of 0).
    for (const auto& [name, first] : {std::pair<std::string_view, std::size_t>{o.date_column, *date},
                                      std::pair<std::string_view, std::size_t>{o.figure_column, *figure}}) {
      const auto again = another_column(fields_, name, first);
      if (!again) continue;
      diagnose(record.line, fmt::format("the header names the column '{}' twice (columns {} and {}): reading column {}",
                                        name, first + 1, *again + 1, first + 1));
      totals_.bad_header = true;
      header_is_not_data_ = true;
    }
    return;
  }
  totals_.bad_header = true;
  date::sys_days d;
  if (split && fields_.size() == 2 && detail::parse_iso_date(fields_[0], d)) {
    diagnose(record.line, fmt::format("no header with the columns '{}' and '{}': reading them by position (1 and 2)",
                                      o.date_column, o.figure_column));
    layout_ = ColumnLayout{};
    write_header(false);
    return;  // read as data
  }
  diagnose(record.line, fmt::format("expected a header with the columns '{}' and '{}', found '{}'", o.date_column,
                                    o.figure_column, detail::printable(record.text, 80)));
  layout_ = ColumnLayout{};
  write_header(false);
  totals_.bad_header = true;
  header_is_not_data_ = true;
}

void NormalizeStream::row_v2(const csv::RawRecord& record, bool split) {
  const std::size_t width = std::max<std::size_t>(layout_.fields, 1);
  ++totals_.rows_read;
  if (!split || record.unterminated) {
    ++totals_.invalid;
    diagnose(record.line, record.unterminated ? "broken CSV row: unterminated quoted field at the end of the input"
                                              : "broken CSV row: a stray quote (the row is kept empty)");
    out_.append(width - 1, ',');
    out_ += empty_v2_columns;
    if (n_.options().currency_source_column) out_ += ',';
    out_ += '\n';
    return;
  }
  // The input columns, as many as the header has: a short row is padded, the
  // fields past the last column are kept in it (nothing of the row is lost).
  const std::size_t have = fields_.size();
  for (std::size_t i = 0; i < width; ++i) {
    if (i > 0) out_ += ',';
    if (i + 1 == width && have > width) {
      std::string rest;
      for (std::size_t k = i; k < have; ++k) {
        if (k > i) rest += ',';
        rest.append(fields_[k]);
      }
      csv::append_field(out_, rest);
    } else if (i < have) {
      csv::append_field(out_, fields_[i]);
    }
  }
  if (have != width) {
    ++totals_.invalid;
    diagnose(record.line, fmt::format("expected {} fields (as the header), found {}{}", width, have,
                                      have > width ? " (a figure with an unquoted comma?)" : ""));
    out_ += empty_v2_columns;
    if (n_.options().currency_source_column) out_ += ',';
    out_ += '\n';
    return;
  }
  cells_v2(fields_[layout_.date], fields_[layout_.figure], record.line);
}

// A plain record (no line end inside it, no CR) has fields that are the text
// between its commas, or between the quotes of a quoted field; csv::append_field
// writes such a field back as it stood when it holds no quote, and, quoted, when
// it holds a comma (else append_field would not quote it). With the header's
// width, such a record's carried-through columns are its text, as row_v2 would
// write them after split_record (plain_rows_test and fuzz_normalize hold both equal).
bool NormalizeStream::plain_fields_v2(std::string_view record, std::string_view& date,
                                      std::string_view& figure) const noexcept {
  if (record.empty()) return false;
  const std::size_t width = std::max<std::size_t>(layout_.fields, 1);
  std::size_t field = 0;
  const char* p = record.data();
  const char* const end = p + record.size();
  const auto take = [&](std::string_view text) {
    if (field == layout_.date) date = text;
    if (field == layout_.figure) figure = text;
    return ++field <= width;
  };
  if (std::memchr(p, '"', record.size()) == nullptr) {  // the usual record: no quotes at all
    while (true) {
      const auto* comma = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
      const char* const field_end = comma != nullptr ? comma : end;
      if (!take(std::string_view(p, static_cast<std::size_t>(field_end - p)))) return false;
      if (comma == nullptr) break;
      p = comma + 1;
    }
    return field == width;
  }
  while (true) {
    const char* field_end;
    if (p < end && *p == '"') {
      const auto* close = static_cast<const char*>(std::memchr(p + 1, '"', static_cast<std::size_t>(end - p - 1)));
      if (close == nullptr) return false;
      const std::string_view text(p + 1, static_cast<std::size_t>(close - p - 1));
      if (std::memchr(text.data(), ',', text.size()) == nullptr) return false;  // append_field would not quote it
      field_end = close + 1;
      if (field_end != end && *field_end != ',') return false;  // an escaped quote, or text after the closing one
      if (!take(text)) return false;
    } else {
      const auto* comma = static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(end - p)));
      field_end = comma != nullptr ? comma : end;
      if (std::memchr(p, '"', static_cast<std::size_t>(field_end - p)) != nullptr) return false;
      if (!take(std::string_view(p, static_cast<std::size_t>(field_end - p)))) return false;
    }
    if (field_end == end) break;
    p = field_end + 1;
  }
  return field == width;
}

void NormalizeStream::plain_rows_v2(const char* front, const char* const end, std::size_t line) {
  // Each record is cut, its date and figure read and their rates prefetched
  // `ahead` records before its row is written; any other record goes to `process`.
  struct Ahead {
    std::string_view record, date, figure;
    bool plain;
    detail::V2Read read;
  };
  constexpr std::size_t ahead = 4, ring = 8;
  Ahead next[ring];
  std::size_t in = 0, out = 0;
  const auto look_ahead = [&] {
    const auto* lf = static_cast<const char*>(std::memchr(front, '\n', static_cast<std::size_t>(end - front)));
    Ahead& a = next[in++ % ring];
    a.record = std::string_view(front, static_cast<std::size_t>(lf - front));
    a.plain = plain_fields_v2(a.record, a.date, a.figure);
    if (a.plain) detail::read_v2_row(n_, a.date, a.figure, a.read);
    front = lf + 1;
  };
  while (in < ahead && front < end) look_ahead();
  while (out != in) {
    if (front < end) look_ahead();
    const Ahead& a = next[out++ % ring];
    if (a.plain) {
      ++totals_.rows_read;
      out_.append(a.record);
      why_.clear();
      CurrencySource source = CurrencySource::none;
      const RowStatus status = detail::append_v2_cells(n_, a.date, a.figure, a.read, out_, why_, source);
      end_row_v2(status, source, line);
    } else {
      process(csv::RawRecord{a.record, line, false, false});
    }
    ++line;
  }
}

void NormalizeStream::cells_v2(std::string_view date_field, std::string_view figure_field, std::size_t line) {
  why_.clear();
  CurrencySource source = CurrencySource::none;
  const RowStatus status = detail::append_v2_cells(n_, date_field, figure_field, out_, why_, source);
  end_row_v2(status, source, line);
}

void NormalizeStream::end_row_v2(RowStatus status, CurrencySource source, std::size_t line) {
  switch (status) {
    case RowStatus::converted: ++totals_.converted; break;
    case RowStatus::without_rate: ++totals_.without_rate; break;
    case RowStatus::unparsed: ++totals_.unparsed; break;
    case RowStatus::invalid: ++totals_.invalid; break;
  }
  if (source == CurrencySource::default_) ++totals_.currency_by_default;
  if (n_.options().currency_source_column) {
    out_ += ',';
    out_ += to_string(source);
  }
  if (!why_.empty()) diagnose(line, why_);
  out_ += '\n';
}

namespace detail {

namespace {

// The row's day, or false with the three value cells left empty and the reason:
// a bad date makes the row invalid whichever reader read its figure. `dated`:
// `day` was already read from `date_field` (append_v2_cells reads it first).
bool row_day(const Normalizer& n, std::string_view date_field, bool dated, std::int32_t& day, std::string& out,
             std::string& why) {
  if (dated || parse_iso_date(date_field, day)) return true;
  if (n.options().reasons)
    why = fmt::format("invalid date '{}' (expected an existing day as YYYY-MM-DD)", printable(date_field, 40));
  out += ",,,";
  return false;
}

// The cells of a figure the figure reader read: those of the general path below
// for the same figure (one amount, never a range), without a Decimal.
RowStatus append_common_cells(const Normalizer& n, std::string_view date_field, bool dated, std::int32_t day,
                              const ReadAmount& f, std::string& out, std::string& why) {
  // The usual row: its cells written into one buffer and appended once (a dozen
  // appends of a few bytes each cost more than the value's digits).
  char cells[16 + plain_max_bytes + 32 + general_max_bytes];
  char* p = cells;
  *p++ = ',';
  std::memcpy(p, f.currency.alpha.data(), 3);
  p += 3;
  *p++ = ',';
  if (char* const amount_end = write_plain(p, f.mantissa, f.exponent, f.negative)) {
    p = amount_end;
    const auto put = [&p](std::string_view s) {
      std::memcpy(p, s.data(), s.size());
      p += s.size();
    };
    put(",,,");
    put(to_string(f.qualifier));
    *p++ = ',';
    put(per_column(f.per));
    if (dated) {
      *p++ = ',';
      if (char* const value_end = n.write_parts(f.mantissa, f.exponent, f.negative, f.currency, day, p)) {
        p = value_end;
        put(",,");
        out.append(cells, static_cast<std::size_t>(p - cells));
        return RowStatus::converted;
      }
      --p;  // convert_parts below decides
    }
    out.append(cells, static_cast<std::size_t>(p - cells));
  } else {
    out.append(cells, static_cast<std::size_t>(p - cells));
    append_plain(out, f.mantissa, f.exponent, f.negative);
    out += ",,,";
    out.append(to_string(f.qualifier));
    out += ',';
    out.append(per_column(f.per));
  }
  if (!row_day(n, date_field, dated, day, out, why)) return RowStatus::invalid;
  const std::size_t mark = out.size();
  out += ',';
  const Normalizer::Refusal refused = n.convert_parts(f.mantissa, f.exponent, f.negative, f.currency, day, out, why);
  if (refused == Normalizer::Refusal::none) {
    out += ",,";
    return RowStatus::converted;
  }
  out.resize(mark);
  out += ",,,";
  return refused == Normalizer::Refusal::no_rate ? RowStatus::without_rate : RowStatus::invalid;
}

}  // namespace

void read_v2_row(const Normalizer& n, std::string_view date_field, std::string_view figure, V2Read& read) {
  // The target's rate of the day is loaded while the figure is read (the
  // figure's own leg is known only after it).
  read.dated = parse_iso_date(date_field, read.day);
  if (read.dated) n.prefetch_rate(n.options().target, read.day);
  // FigureReader::read answers only where parse_figure reads the figure alike,
  // and then always with money, one amount and the minor unit divided: the
  // figures read_v2_figure takes as parse_figure gives them (v2_reader_test).
  FigureReading r;
  read.common = n.figure_reader().read(figure, r);
  if (!read.common) return;
  read.figure = ReadAmount{r.digits, r.exponent(), r.negative, r.currency, r.per, v2_qualifier(r.qualifier),
                           r.currency_source};
  if (read.dated) n.prefetch_rate(read.figure.currency, read.day);
}

RowStatus append_v2_cells(const Normalizer& n, std::string_view date_field, std::string_view figure, std::string& out,
                          std::string& why, CurrencySource& source) {
  V2Read read;
  read_v2_row(n, date_field, figure, read);
  return append_v2_cells(n, date_field, figure, read, out, why, source);
}

RowStatus append_v2_cells(const Normalizer& n, std::string_view date_field, std::string_view figure,
                          const V2Read& read, std::string& out, std::string& why, CurrencySource& source) {
  source = CurrencySource::none;
  std::int32_t day = read.day;
  const bool dated = read.dated;
  if (read.common) {
    source = read.figure.currency_source;
    return append_common_cells(n, date_field, dated, day, read.figure, out, why);
  }
  auto f = read_v2_figure(figure, n.options().parse);
  if (!f) {
    const Error& e = f.error();
    out += empty_v2_columns;
    if (!n.options().reasons) return RowStatus::unparsed;
    if (e.position == Error::npos) why = fmt::format("'{}': {}", printable(figure, 80), e.message);
    else why = fmt::format("'{}' at column {}: {}", printable(figure, 80), e.position + 1, e.message);
    // The library names its options; say which flag of the CLI sets them.
    if (e.message.find("CurrencyContext::yen_or_yuan") != std::string::npos) why += " (the CLI: --yen JPY or --yen CNY)";
    else if (e.message.find("CurrencyContext::dollar") != std::string::npos) why += " (the CLI: --dollar CODE)";
    else if (e.message.find("locale") != std::string::npos) why += " (the CLI: --locale NAME)";
    return RowStatus::unparsed;
  }
  source = f->currency_source;
  if (dated) n.prefetch_rate(f->currency, day);  // loads while the cells are written
  out += ',';
  out.append(f->currency.code());
  out += ',';
  if (!f->is_range()) append_plain(out, f->low);
  out += ',';
  if (f->is_range()) {
    append_plain(out, f->low);
    out += ',';
    append_plain(out, *f->high);
  } else {
    out += ',';
  }
  out += ',';
  out.append(to_string(f->qualifier));
  out += ',';
  out.append(per_column(f->per));
  if (!row_day(n, date_field, dated, day, out, why)) return RowStatus::invalid;
  const std::size_t mark = out.size();
  Normalizer::Refusal refused = Normalizer::Refusal::none;
  if (f->is_range()) {
    out += ",,";
    refused = n.convert_amount(f->low, f->currency, day, out, why);
    if (refused == Normalizer::Refusal::none) {
      out += ',';
      refused = n.convert_amount(*f->high, f->currency, day, out, why);
    }
  } else {
    out += ',';
    refused = n.convert_amount(f->low, f->currency, day, out, why);
    out += ",,";
  }
  if (refused == Normalizer::Refusal::none) return RowStatus::converted;
  out.resize(mark);
  out += ",,,";
  return refused == Normalizer::Refusal::no_rate ? RowStatus::without_rate : RowStatus::invalid;
}

}  // namespace detail

}  // namespace finmetrics
