// parse_period on arbitrary bytes, against one of several contexts chosen by the
// first byte. Invariants: an accepted period has first_day <= last_day, contains
// both, and its canonical name reads back (in the period's own calendar) to the
// same period; an error names a position inside the text.

#include <array>

#include "finmetrics/time/parse_period.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<PeriodContext, 6> contexts{{
      PeriodContext{},
      PeriodContext{FiscalCalendar::calendar_year(), std::nullopt},
      PeriodContext{FiscalCalendar{date::March}, std::nullopt},
      PeriodContext{FiscalCalendar::japan(), std::nullopt},
      PeriodContext{FiscalCalendar::india(), std::nullopt},
      PeriodContext{FiscalCalendar{date::June}, Date{2025, 3, 28}},
  }};
  const PeriodContext& context = contexts[data[0] % contexts.size()];
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  auto p = parse_period(text, context);
  if (!p) {
    FUZZ_CHECK(fuzz::well_formed(p.error(), text.size()), p.error().describe());
    return 0;
  }
  const Date first = p->first_day(), last = p->last_day();
  FUZZ_CHECK(first.ok() && last.ok() && first <= last, text);
  FUZZ_CHECK(p->contains(first) && p->contains(last), text);
  FUZZ_CHECK(p->days() == (last - first).count() + 1, text);

  // Names are written with four-digit years (finding F3, fixed): beyond 9999 they
  // cannot read back, and no period there is supported.
  if (p->year() > 9999) return 0;
  const std::string name = p->to_string();
  PeriodContext own;
  if (p->is_fiscal()) own.calendar = p->calendar();
  auto again = parse_period(name, own);
  FUZZ_CHECK(again.has_value(), std::string(text) + " -> " + name + ": " + (again ? "" : again.error().describe()));
  FUZZ_CHECK(*again == *p, std::string(text) + " -> " + name + " -> " + again->to_string());
  return 0;
}
