// The v2 rows of NormalizeStream (normalize-v2.md): any columns, the date and
// figure found by header name, every input column carried through unchanged and
// in order, then the nine v2 columns.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "finmetrics/detail/text.hpp"
#include "finmetrics/normalize/detail/common_figure.hpp"
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
  why_.clear();
  CurrencySource source = CurrencySource::none;
  switch (detail::append_v2_cells(n_, fields_[layout_.date], fields_[layout_.figure], out_, why_, source)) {
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
  if (!why_.empty()) diagnose(record.line, why_);
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

// The cells of a figure the lean reader read: those of the general path below
// for the same figure (one amount, never a range), without a Decimal.
RowStatus append_common_cells(const Normalizer& n, std::string_view date_field, bool dated, std::int32_t day,
                              const CommonFigure& f, std::string& out, std::string& why) {
  out += ',';
  out.append(f.currency.code());
  out += ',';
  append_plain(out, f.mantissa, f.exponent, f.negative);
  out += ",,,";
  out.append(to_string(f.qualifier));
  out += ',';
  out.append(per_column(f.per));
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

RowStatus append_v2_cells(const Normalizer& n, std::string_view date_field, std::string_view figure, std::string& out,
                          std::string& why, CurrencySource& source) {
  source = CurrencySource::none;
  // The target's rate of the day is loaded while the figure is read (the
  // figure's own leg is known only after it); the date is read again below.
  std::int32_t day = 0;
  const bool dated = parse_iso_date(date_field, day);
  if (dated) n.prefetch_rate(n.options().target, day);
  if (CommonFigure common; n.common_figures().read(figure, common)) {
    if (dated) n.prefetch_rate(common.currency, day);  // loads while the cells are written
    source = common.currency_source;
    return append_common_cells(n, date_field, dated, day, common, out, why);
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
