#include "finmetrics/time/date.hpp"

#include <array>
#include <ostream>
#include <stdexcept>

#include <fmt/format.h>

#include "finmetrics/time/detail/iso_day.hpp"

namespace finmetrics {

namespace detail {

void throw_date_not_ok(int y, unsigned m, unsigned d, const char* operation) {
  throw std::invalid_argument(
      fmt::format("Date {}: {:04}-{:02}-{:02} is not a valid date", operation, y, m, d));
}

}  // namespace detail

namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

Error date_error(std::string_view text, std::string_view why, std::size_t position) {
  return make_error(Errc::invalid_date, fmt::format("invalid date '{}': {}", quote_for_message(text), why), text,
                    position);
}

}  // namespace

std::string_view month_name(date::month m) {
  static constexpr std::array<std::string_view, 12> names{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (!m.ok()) throw std::out_of_range(fmt::format("month_name: month {}", unsigned{m}));
  return names[unsigned{m} - 1];
}

Result<Date> parse_date(std::string_view text) {
  // The library's one ISO date reader decides; the checks below only say why it refused.
  if (std::int32_t n = 0; detail::read_iso_day(text, n)) return Date{date::sys_days{date::days{n}}};
  // YYYY-MM-DD: digits at 0-3, 5-6, 8-9; dashes at 4 and 7; nothing after.
  static constexpr std::string_view shape = "dddd-dd-dd";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool want_digit = shape[i] == 'd';
    if (i >= text.size() || (want_digit ? !is_digit(text[i]) : text[i] != '-')) {
      return unexpected(date_error(text, "expected YYYY-MM-DD", i));
    }
  }
  if (text.size() > shape.size()) {
    return unexpected(date_error(text, "expected YYYY-MM-DD", shape.size()));
  }
  auto field = [&](std::size_t from, std::size_t len) {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  const int y = field(0, 4);
  const auto m = static_cast<unsigned>(field(5, 2));
  const auto d = static_cast<unsigned>(field(8, 2));
  if (m < 1 || m > 12) {
    return unexpected(date_error(
        text, fmt::format("month {:02} does not exist (months are 01 to 12)", m), 5));
  }
  const date::year yy{y};
  const date::month mm{m};
  const unsigned last = days_in_month(yy, mm);
  if (d < 1) return unexpected(date_error(text, "day 00 does not exist (days start at 01)", 8));
  if (d > last) {
    return unexpected(
        date_error(text, fmt::format("{} {} has {} days", month_name(mm), y, last), 8));
  }
  return Date{yy / mm / date::day{d}};
}

std::string to_string(const Date& d) {
  const int y = int{d.year()};
  const auto m = unsigned{d.month()};
  const auto day = unsigned{d.day()};
  if (y < 0) return fmt::format("-{:04}-{:02}-{:02}", -y, m, day);
  return fmt::format("{:04}-{:02}-{:02}", y, m, day);
}

std::ostream& operator<<(std::ostream& os, const Date& d) { return os << to_string(d); }

}  // namespace finmetrics
