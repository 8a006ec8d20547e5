// The v2 rows of NormalizeStream (normalize-v2.md): any columns, the date and
// figure found by header name, every input column carried through unchanged and
// in order, then the nine v2 columns.
#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The record at `front` (up to the next '\n', which comes before `end`): where
// it ends, whether it holds a quote, how many fields its commas make, and the
// text of fields `date_at` and `figure_at` (when there are that many). One pass
// over its bytes, sixteen at a time, for line end, commas and quotes at once
// (three or more calls of memchr a record did it before: ~150 instructions).
struct PlainCut {
  const char* lf = nullptr;
  bool quoted = false;
  std::size_t fields = 0;
  std::string_view date, figure;
};
void cut_record(const char* const front, const char* const end, std::size_t date_at, std::size_t figure_at,
                PlainCut& cut) noexcept {
  cut.quoted = false;
  std::size_t field = 0;
  const char* start = front;
  const auto comma_at = [&](const char* c) {
    if (field == date_at) cut.date = std::string_view(start, static_cast<std::size_t>(c - start));
    if (field == figure_at) cut.figure = std::string_view(start, static_cast<std::size_t>(c - start));
    ++field;
    start = c + 1;
  };
  const char* p = front;
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8('\n'), comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
  for (; end - p >= 16; p += 16) {
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto lfs = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(b, lf)));
    auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(b, comma)));
    auto quotes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(b, quote)));
    if (lfs != 0) {  // the record ends in this block: only the bytes before its line end count
      const unsigned before = (lfs & (0u - lfs)) - 1;
      commas &= before;
      quotes &= before;
    }
    cut.quoted = cut.quoted || quotes != 0;
    for (; commas != 0; commas &= commas - 1) comma_at(p + __builtin_ctz(commas));
    if (lfs != 0) {
      p += __builtin_ctz(lfs);
      comma_at(p);
      cut.lf = p;
      cut.fields = field;
      return;
    }
  }
#endif
  for (;; ++p) {  // the last bytes of the run (every record ends with '\n' before `end`)
    if (*p == '"') cut.quoted = true;
    if (*p == ',' || *p == '\n') comma_at(p);
    if (*p == '\n') break;
  }
  cut.lf = p;
  cut.fields = field;
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
  // A header with no comma but a ';' or a tab is most likely another separator
  // (Excel writes ';' where the decimal mark is a comma: de, fr, it, ...): said,
  // since its rows are then misread too.
  std::string_view hint;
  if (record.text.find(',') == std::string_view::npos) {
    if (record.text.find(';') != std::string_view::npos)
      hint = " (a ';'-separated file? normalize reads comma-separated CSV: convert it first)";
    else if (record.text.find('\t') != std::string_view::npos)
      hint = " (a tab-separated file? normalize reads comma-separated CSV: convert it first)";
  }
  diagnose(record.line, fmt::format("expected a header with the columns '{}' and '{}', found '{}'{}", o.date_column,
                                    o.figure_column, detail::printable(record.text, 80), hint));
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

void NormalizeStream::cells_v2(std::string_view date_field, std::string_view figure_field, std::size_t line) {
  why_.clear();
  CurrencySource source = CurrencySource::none;
  const RowStatus status = detail::append_v2_cells(n_, date_field, figure_field, out_, why_, source);
  end_row_v2(status, source, line);
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

// A few bytes of cell text (a qualifier, a `per` cell, each with what follows
// it) padded to 16, copied as 16 bytes into a buffer with room and advanced by
// `size`: no call of memcpy for a length known only at run time.
struct CellWord {
  char text[16] = {};
  std::size_t size = 0;
};
template <class Enum, std::size_t N, class Name>
std::array<CellWord, N> cell_words(Name name, std::string_view after) {
  std::array<CellWord, N> words{};
  for (std::size_t k = 0; k < N; ++k) {
    const std::string_view w = name(static_cast<Enum>(k));
    std::memcpy(words[k].text, w.data(), w.size());
    std::memcpy(words[k].text + w.size(), after.data(), after.size());
    words[k].size = w.size() + after.size();
  }
  return words;
}
// "exact," ... "range,": the qualifier cell and the comma after it; "share", "ads", "".
const std::array<CellWord, 8> qualifier_words =
    cell_words<V2Qualifier, 8>([](V2Qualifier q) { return to_string(q); }, ",");
const std::array<CellWord, 3> per_words = cell_words<Per, 3>(per_column, "");

inline char* put_word(char* p, const CellWord& w) noexcept {
  std::memcpy(p, w.text, 16);
  return p + w.size;
}

// The cells of a figure the figure reader read: those of the general path below
// for the same figure (one amount or a range of two), without a Decimal.
// `record`: text written before the cells (the row's input columns), in the
// same append where it fits the buffer.
RowStatus append_common_cells(const Normalizer& n, std::string_view date_field, const V2Read& read,
                              std::string& out, std::string& why, std::string_view record = {}) {
  const ReadAmount& f = read.figure;
  const bool dated = read.dated;
  std::int32_t day = read.day;
  // The usual row: its cells written into one buffer and appended once (a dozen
  // appends of a few bytes each cost more than the value's digits). Room for
  // the record, two amounts, two values, the words, and 16 bytes of slack for put_word.
  constexpr std::size_t record_room = 256;
  char cells[record_room + 32 + 2 * plain_max_bytes + 2 * general_max_bytes + 32];
  char* p = cells;
  if (record.size() <= record_room) {
    p = std::copy(record.begin(), record.end(), p);
  } else {
    out.append(record);
  }
  p[0] = ',';
  std::memcpy(p + 1, f.currency.alpha.data(), 3);
  p[4] = ',';
  p += 5;
  char* amounts_end = nullptr;
  if (!f.range) {
    if (char* const end = write_plain(p, f.mantissa, f.exponent, f.negative)) {
      std::memcpy(end, ",,,", 3);
      amounts_end = end + 3;
    }
  } else {
    *p++ = ',';
    if (char* const low_end = write_plain(p, f.mantissa, f.exponent, false)) {
      *low_end = ',';
      if (char* const high_end = write_plain(low_end + 1, f.upper, f.upper_exponent, false)) {
        *high_end = ',';
        amounts_end = high_end + 1;
      }
    }
  }
  if (amounts_end != nullptr) {
    p = put_word(amounts_end, qualifier_words[static_cast<std::size_t>(f.qualifier)]);
    p = put_word(p, per_words[static_cast<std::size_t>(f.per)]);
    if (dated) {
      char* const cells_end = p;
      if (!f.range) {
        *p++ = ',';
        if (char* const value_end = n.write_found(f.mantissa, f.exponent, f.negative, day, read.rates, p)) {
          std::memcpy(value_end, ",,", 2);
          out.append(cells, static_cast<std::size_t>(value_end + 2 - cells));
          return RowStatus::converted;
        }
      } else {
        *p++ = ',';
        *p++ = ',';
        if (char* const low_end = n.write_found(f.mantissa, f.exponent, false, day, read.rates, p)) {
          *low_end = ',';
          if (char* const high_end = n.write_found(f.upper, f.upper_exponent, false, day, read.rates, low_end + 1)) {
            out.append(cells, static_cast<std::size_t>(high_end - cells));
            return RowStatus::converted;
          }
        }
      }
      p = cells_end;  // convert_parts below decides
    }
    out.append(cells, static_cast<std::size_t>(p - cells));
  } else {  // an amount too long for the buffer: written as the general path writes it
    out.append(cells, static_cast<std::size_t>(p - cells));
    if (!f.range) {
      append_plain(out, f.mantissa, f.exponent, f.negative);
      out += ",,,";
    } else {
      append_plain(out, f.mantissa, f.exponent, false);
      out += ',';
      append_plain(out, f.upper, f.upper_exponent, false);
      out += ',';
    }
    out.append(to_string(f.qualifier));
    out += ',';
    out.append(per_column(f.per));
  }
  if (!row_day(n, date_field, dated, day, out, why)) return RowStatus::invalid;
  const std::size_t mark = out.size();
  Normalizer::Refusal refused = Normalizer::Refusal::none;
  if (!f.range) {
    out += ',';
    refused = n.convert_parts(f.mantissa, f.exponent, f.negative, f.currency, day, out, why);
    if (refused == Normalizer::Refusal::none) out += ",,";
  } else {
    out += ",,";
    refused = n.convert_parts(f.mantissa, f.exponent, false, f.currency, day, out, why);
    if (refused == Normalizer::Refusal::none) {
      out += ',';
      refused = n.convert_parts(f.upper, f.upper_exponent, false, f.currency, day, out, why);
    }
  }
  if (refused == Normalizer::Refusal::none) return RowStatus::converted;
  out.resize(mark);
  out += ",,,";
  return refused == Normalizer::Refusal::no_rate ? RowStatus::without_rate : RowStatus::invalid;
}

}  // namespace

void read_v2_row(const Normalizer& n, std::string_view date_field, std::string_view figure, V2Read& read) {
  read_v2_row(n, n.figure_reader(), date_field, figure, read);
}

void read_v2_row(const Normalizer& n, const FigureReader& reader, std::string_view date_field, std::string_view figure,
                 V2Read& read) {
  read.dated = parse_iso_date(date_field, read.day);
  // FigureReader::read answers only where parse_figure reads the figure alike,
  // and then always with money, one amount or a range of two plain numbers, and
  // the minor unit divided: the figures read_v2_figure takes as parse_figure
  // gives them (v2_reader_test).
  FigureReading r;
  read.common = reader.read(figure, r, true);
  if (!read.common) return;
  read.figure = ReadAmount{r.digits, r.exponent(), r.negative, r.currency, r.per, v2_qualifier(r.qualifier),
                           r.currency_source, r.range, r.upper_digits, r.upper_exponent()};
  if (r.range) read.figure.qualifier = V2Qualifier::range;
  // The day's two rates are fetched while the rows before this one are written.
  if (read.dated) n.find_rates(read.figure.currency, read.day, read.rates);
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
    return append_common_cells(n, date_field, read, out, why);
  }
  // Two common refusals (a second currency marker, a word several currencies share)
  // the reader answers itself with the grammar's own Error, at a sixth of its cost.
  Error refusal;
  auto f = n.figure_reader().refuses(figure, refusal) ? Result<V2Figure>(tl::unexpect, std::move(refusal))
                                                      : read_v2_figure(figure, n.options().parse);
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

inline void NormalizeStream::end_row_v2(RowStatus status, CurrencySource source, std::size_t line) {
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
  const std::size_t width = std::max<std::size_t>(layout_.fields, 1);
  PlainCut cut;
  const FigureReader& reader = n_.figure_reader();
  const auto look_ahead = [&] {
    cut_record(front, end, layout_.date, layout_.figure, cut);
    Ahead& a = next[in++ % ring];
    a.record = std::string_view(front, static_cast<std::size_t>(cut.lf - front));
    if (!cut.quoted) {
      a.plain = cut.fields == width;
      a.date = cut.date;
      a.figure = cut.figure;
    } else {
      a.plain = plain_fields_v2(a.record, a.date, a.figure);
    }
    if (a.plain) detail::read_v2_row(n_, reader, a.date, a.figure, a.read);
    front = cut.lf + 1;
  };
  while (in < ahead && front < end) look_ahead();
  while (out != in) {
    if (front < end) look_ahead();
    const Ahead& a = next[out++ % ring];
    if (a.plain) {
      ++totals_.rows_read;
      why_.clear();
      // The figure reader's rows straight to their cells (append_v2_cells' first
      // case), the record's text written with them.
      CurrencySource source = CurrencySource::none;
      RowStatus status;
      if (a.read.common) {
        source = a.read.figure.currency_source;
        status = detail::append_common_cells(n_, a.date, a.read, out_, why_, a.record);
      } else {
        out_.append(a.record);
        status = detail::append_v2_cells(n_, a.date, a.figure, a.read, out_, why_, source);
      }
      end_row_v2(status, source, line);
    } else {
      process(csv::RawRecord{a.record, line, false, false});
    }
    ++line;
  }
}

}  // namespace finmetrics
