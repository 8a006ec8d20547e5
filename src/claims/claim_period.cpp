#include "finmetrics/claims/claim_period.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "finmetrics/time/parse_period.hpp"

namespace finmetrics {

namespace {

std::string normalised(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<Period> read_end(std::string_view text, std::size_t offset, std::string_view whole,
                        const std::optional<FiscalCalendar>& cal) {
  auto p = parse_period(text, PeriodContext{cal, std::nullopt});
  if (!p) {
    Error e = p.error();
    e.message = fmt::format("period '{}': {}", quote_for_message(whole), e.message);
    e.input = std::string(whole);
    if (e.position != Error::npos) e.position += offset;
    return unexpected(std::move(e));
  }
  return *p;
}

}  // namespace

std::string ClaimPeriod::canonical() const {
  return is_window() ? first.to_string() + ".." + last.to_string() : first.to_string();
}

Result<ClaimPeriod> parse_claim_period(std::string_view text, const std::optional<FiscalCalendar>& calendar,
                                       std::optional<Date> as_of) {
  const std::string n = normalised(text);
  if (n == "this year" || n == "year to date" || n == "ytd" || n == "since the start of the year" ||
      n == "since the beginning of the year") {
    if (!as_of || !as_of->ok()) {
      return unexpected(make_error(Errc::syntax, fmt::format("relative period '{}' needs the claim's as_of date", quote_for_message(text)),
                                   text, 0));
    }
    const Date start{int{as_of->year()}, 1, 1};
    return ClaimPeriod{std::string(text), Period::day(start), Period::day(*as_of)};
  }
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto p = read_end(text, 0, text, calendar);
    if (!p) return unexpected(p.error());
    return ClaimPeriod{std::string(text), *p, *p};
  }
  auto first = read_end(text.substr(0, dots), 0, text, calendar);
  if (!first) return unexpected(first.error());
  auto last = read_end(text.substr(dots + 2), dots + 2, text, calendar);
  if (!last) return unexpected(last.error());
  if (last->last_day() < first->first_day()) {
    return unexpected(make_error(Errc::out_of_range, fmt::format("window '{}' runs backwards", quote_for_message(text)), text, dots));
  }
  return ClaimPeriod{std::string(text), *first, *last};
}

}  // namespace finmetrics
