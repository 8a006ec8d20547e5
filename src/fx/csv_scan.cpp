#include "finmetrics/fx/detail/csv_scan.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "finmetrics/time/detail/iso_day.hpp"

namespace finmetrics::fx_detail {

std::size_t field_count(std::string_view line) noexcept {
  return static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
}

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<date::sys_days> parse_iso_date(std::string_view text, std::string& why) {
  // The library's one ISO date reader decides; the rest says why it refused.
  if (std::int32_t n = 0; finmetrics::detail::read_iso_day(text, n)) return date::sys_days{date::days{n}};
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                     std::all_of(text.begin(), text.begin() + 4, is_digit) && is_digit(text[5]) &&
                     is_digit(text[6]) && is_digit(text[8]) && is_digit(text[9]);
  if (!shape) {
    why = fmt::format("'{}' is not a date (expected YYYY-MM-DD)", quote_for_message(text));
    return std::nullopt;
  }
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  const date::year_month_day ymd{date::year{num(0, 4)}, date::month{static_cast<unsigned>(num(5, 2))},
                                 date::day{static_cast<unsigned>(num(8, 2))}};
  if (!ymd.ok()) {
    why = fmt::format("'{}' is not a calendar date", quote_for_message(text));
    return std::nullopt;
  }
  return date::sys_days{ymd};
}

std::optional<Decimal> parse_rate(std::string_view text) {
  std::uint64_t coefficient = 0;
  int digits = 0, fraction = 0;
  bool point = false;
  for (const char c : text) {
    if (is_digit(c)) {
      if (coefficient != 0 || c != '0') ++digits;
      coefficient = coefficient * 10 + static_cast<std::uint64_t>(c - '0');
      if (point) ++fraction;
      if (digits > 18) {  // beyond 64 bits: let Decimal read it (up to 38 digits)
        auto d = Decimal::parse(text);
        if (!d || d->sign() <= 0 || text.find_first_of("+-eE") != std::string_view::npos) return std::nullopt;
        return *d;
      }
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return std::nullopt;
    }
  }
  const bool any_digit = text.size() > (point ? 1u : 0u);
  if (!any_digit || coefficient == 0) return std::nullopt;
  return Decimal::from_parts(Decimal::Coefficient(coefficient), -fraction);
}

std::optional<Currency> currency_or_withdrawn(std::string_view code) {
  if (auto c = Currency::from_code(code)) return *c;
  if (code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return Currency{{code[0], code[1], code[2]}};
  return std::nullopt;
}

Error error_at(Errc code, std::string_view name, std::size_t line, std::size_t column, std::string_view message,
               std::string_view field) {
  std::string where = line == 0 ? std::string(name)
                                : (column == 0 ? fmt::format("{}:{}", name, line) : fmt::format("{}:{}:{}", name, line, column));
  Error e = make_error(code, fmt::format("{}: {}", where, message), field);
  e.line = line;
  return e;
}

Result<FxTable> refuse_empty(FxTable table, std::string_view text, std::string_view name,
                             std::string_view why_none) {
  if (!table.series().empty()) return table;
  LineReader lines(text);
  Line line;
  std::size_t nonblank = 0;
  while (lines.next_nonblank(line)) ++nonblank;
  if (nonblank <= 1) return unexpected(error_at(Errc::csv, name, 0, 0, "only a header, no fixings"));
  return unexpected(error_at(Errc::csv, name, 0, 0, fmt::format("no fixings: {}", why_none)));
}

}  // namespace finmetrics::fx_detail
