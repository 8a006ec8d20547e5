#include "finmetrics/time/period.hpp"

#include <ostream>
#include <stdexcept>

#include <fmt/format.h>

namespace finmetrics {

namespace {

// Months are counted as year * 12 + (month - 1), so alignment is plain arithmetic.
int month_count(date::year_month_day ymd) noexcept {
  return int{ymd.year()} * 12 + static_cast<int>(unsigned{ymd.month()}) - 1;
}

date::sys_days first_of_month_count(int count) noexcept {
  const int y = count >= 0 ? count / 12 : -((-count + 11) / 12);
  const int m = count - y * 12;
  return date::sys_days{date::year{y} / date::month{static_cast<unsigned>(m + 1)} / 1};
}

int floor_mod(int a, int b) noexcept { return ((a % b) + b) % b; }

int months_in(PeriodKind kind) noexcept {
  switch (kind) {
    case PeriodKind::day: return 0;
    case PeriodKind::month: return 1;
    case PeriodKind::quarter:
    case PeriodKind::fiscal_quarter: return 3;
    case PeriodKind::half:
    case PeriodKind::fiscal_half: return 6;
    case PeriodKind::year:
    case PeriodKind::fiscal_year: return 12;
  }
  return 0;
}

bool fiscal(PeriodKind kind) noexcept {
  return kind == PeriodKind::fiscal_quarter || kind == PeriodKind::fiscal_half ||
         kind == PeriodKind::fiscal_year;
}

void require_ok(Date d, const char* what) {
  if (!d.ok()) {
    throw std::invalid_argument(fmt::format("Period::{}: {} is not a valid date", what, to_string(d)));
  }
}

void require_range(int value, int lo, int hi, const char* what) {
  if (value < lo || value > hi) {
    throw std::out_of_range(fmt::format("Period::{}: {} is not {}-{}", what, value, lo, hi));
  }
}

}  // namespace

Period Period::day(Date d) {
  require_ok(d, "day");
  return Period{PeriodKind::day, FiscalCalendar::calendar_year(), d};
}

Period Period::month(int year, int month) {
  require_range(month, 1, 12, "month");
  return Period{PeriodKind::month, FiscalCalendar::calendar_year(),
                first_of_month_count(year * 12 + month - 1)};
}

Period Period::quarter(int year, int q) {
  require_range(q, 1, 4, "quarter");
  return Period{PeriodKind::quarter, FiscalCalendar::calendar_year(),
                first_of_month_count(year * 12 + (q - 1) * 3)};
}

Period Period::half(int year, int h) {
  require_range(h, 1, 2, "half");
  return Period{PeriodKind::half, FiscalCalendar::calendar_year(),
                first_of_month_count(year * 12 + (h - 1) * 6)};
}

Period Period::calendar_year(int year) {
  return Period{PeriodKind::year, FiscalCalendar::calendar_year(), first_of_month_count(year * 12)};
}

Period Period::fiscal_year(const FiscalCalendar& cal, int label) {
  return Period{PeriodKind::fiscal_year, cal, cal.first_day_of_year(label)};
}

Period Period::fiscal_quarter(const FiscalCalendar& cal, int label, int q) {
  require_range(q, 1, 4, "fiscal_quarter");
  const int start = month_count(cal.first_day_of_year(label).ymd());
  return Period{PeriodKind::fiscal_quarter, cal, first_of_month_count(start + (q - 1) * 3)};
}

Period Period::fiscal_half(const FiscalCalendar& cal, int label, int h) {
  require_range(h, 1, 2, "fiscal_half");
  const int start = month_count(cal.first_day_of_year(label).ymd());
  return Period{PeriodKind::fiscal_half, cal, first_of_month_count(start + (h - 1) * 6)};
}

Period Period::containing(PeriodKind kind, Date d, const FiscalCalendar& cal) {
  require_ok(d, "containing");
  if (kind == PeriodKind::day) return day(d);
  const FiscalCalendar owner = fiscal(kind) ? cal : FiscalCalendar::calendar_year();
  const int len = months_in(kind);
  const int count = month_count(d.ymd());
  const int year_start_month = static_cast<int>(unsigned{owner.first_month()}) - 1;
  const int start = count - floor_mod(count - year_start_month, len);
  return Period{kind, owner, first_of_month_count(start)};
}

bool Period::is_fiscal() const noexcept { return fiscal(kind_); }

Date Period::last_day() const {
  if (kind_ == PeriodKind::day) return Date{first_};
  const int start = month_count(date::year_month_day{first_});
  return Date{first_of_month_count(start + months_in(kind_)) - date::days{1}};
}

int Period::days() const {
  return static_cast<int>((date::sys_days{last_day()} - first_).count()) + 1;
}

int Period::year() const {
  const date::year_month_day first{first_};
  if (is_fiscal()) return calendar_.year_of(first);
  return int{first.year()};
}

int Period::index() const {
  const date::year_month_day first{first_};
  switch (kind_) {
    case PeriodKind::day:
      return static_cast<int>((first_ - date::sys_days{first.year() / date::January / 1}).count()) + 1;
    case PeriodKind::month: return static_cast<int>(unsigned{first.month()});
    case PeriodKind::year:
    case PeriodKind::fiscal_year: return 1;
    default: break;
  }
  const int year_start = month_count(is_fiscal() ? calendar_.first_day_of_year(year()).ymd()
                                                 : date::year_month_day{first.year() / date::January / 1});
  return (month_count(first) - year_start) / months_in(kind_) + 1;
}

bool Period::contains(Date d) const noexcept {
  if (!d.ok()) return false;
  const date::sys_days day{d};
  return day >= first_ && day <= date::sys_days{last_day()};
}

bool Period::contains(const Period& other) const {
  return other.first_ >= first_ && date::sys_days{other.last_day()} <= date::sys_days{last_day()};
}

Period Period::previous() const {
  if (kind_ == PeriodKind::day) return Period{kind_, calendar_, first_ - date::days{1}};
  return Period{kind_, calendar_,
                first_of_month_count(month_count(date::year_month_day{first_}) - months_in(kind_))};
}

Period Period::next() const {
  if (kind_ == PeriodKind::day) return Period{kind_, calendar_, first_ + date::days{1}};
  return Period{kind_, calendar_,
                first_of_month_count(month_count(date::year_month_day{first_}) + months_in(kind_))};
}

Period Period::year_ago() const {
  const date::year_month_day first{first_};
  if (kind_ == PeriodKind::day) {
    const date::year y = first.year() - date::years{1};
    const date::day last{days_in_month(y, first.month())};
    const date::day d = first.day() > last ? last : first.day();
    return Period{kind_, calendar_, date::sys_days{y / first.month() / d}};
  }
  return Period{kind_, calendar_, first_of_month_count(month_count(first) - 12)};
}

std::string Period::to_string() const {
  const date::year_month_day first{first_};
  switch (kind_) {
    case PeriodKind::day: return finmetrics::to_string(Date{first});
    case PeriodKind::month: return fmt::format("{:04}-{:02}", int{first.year()}, unsigned{first.month()});
    case PeriodKind::quarter: return fmt::format("{:04}Q{}", year(), index());
    case PeriodKind::half: return fmt::format("H{} {:04}", index(), year());
    case PeriodKind::year: return fmt::format("{:04}", year());
    case PeriodKind::fiscal_quarter: return fmt::format("{} Q{}", calendar_.year_name(year()), index());
    case PeriodKind::fiscal_half: return fmt::format("{} H{}", calendar_.year_name(year()), index());
    case PeriodKind::fiscal_year: return calendar_.year_name(year());
  }
  return {};
}

std::strong_ordering operator<=>(const Period& a, const Period& b) noexcept {
  if (auto c = a.first_.time_since_epoch().count() <=> b.first_.time_since_epoch().count(); c != 0) {
    return c;
  }
  if (auto c = a.kind_ <=> b.kind_; c != 0) return c;
  return a.calendar_ <=> b.calendar_;
}

std::ostream& operator<<(std::ostream& os, const Period& p) { return os << p.to_string(); }

}  // namespace finmetrics
