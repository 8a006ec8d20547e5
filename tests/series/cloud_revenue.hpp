#pragma once
// Alibaba Cloud Intelligence Group quarterly revenue, as a long CSV: the figures
// and their sources are those of ../shared/data/facts/alibaba-facts.csv (typed
// here in the series layout, each row with its source), except FY2024 Q3, which
// the facts file lacks: RMB28,066 million, from Alibaba's December quarter 2023
// results (the base of the "up 13%" the facts file quotes for FY2025 Q3).
// Units as the sources wrote them: bn, mn and 亿 (10^8).

#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/series/series_csv.hpp"
#include "finmetrics/series/time_series.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"
#include "finmetrics/time/period.hpp"

namespace finmetrics::test {

inline constexpr std::string_view cloud_revenue_csv =
    "entity,metric,period,value,unit,currency,source\n"
    "Alibaba Cloud,revenue,FY2024 Q1,25.12,bn,CNY,https://lycanseye.com/alibaba-reports-14-yoy-revenue-growth-in-q2-2023\n"
    "Alibaba Cloud,revenue,FY2024 Q2,27648,mn,CNY,https://guba.sina.com.cn/?s=thread&bid=13015&tid=50117\n"
    "Alibaba Cloud,revenue,FY2024 Q3,28066,mn,CNY,Alibaba Group December quarter 2023 results\n"
    "Alibaba Cloud,revenue,FY2025 Q1,26.5,bn,CNY,https://sg.finance.yahoo.com/news/alibaba-revenue-edges-us-33-093000119.html\n"
    "Alibaba Cloud,revenue,FY2025 Q2,29610,mn,CNY,https://guba.sina.com.cn/?s=thread&bid=13015&tid=50117\n"
    "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,CNY,https://stocktitan.net/news/BABA/alibaba-group-announces-december-quarter-2024-btdtxwcotad4.html\n"
    "Alibaba Cloud,revenue,FY2025 Q4,301,亿,CNY,https://reportify.cn/reports/1121931956603457536\n"
    "Alibaba Cloud,revenue,FY2026 Q1,333.98,亿,CNY,http://hnbht.cn/47836.html\n"
    "Alibaba Cloud,revenue,FY2026 Q2,398.24,亿,CNY,https://www.am730.com.hk/\n";

inline SeriesCsvOptions alibaba_options() {
  SeriesCsvOptions o;
  o.periods.calendar = FiscalCalendar{date::March};
  return o;
}

/// The series above, in billions (the scale of its first row).
inline PeriodSeries cloud_revenue() {
  const auto set = parse_series_csv(cloud_revenue_csv, "cloud.csv", alibaba_options());
  REQUIRE(set.has_value());
  const PeriodSeries* s = set->find("Alibaba Cloud", "revenue");
  REQUIRE(s != nullptr);
  return *s;
}

/// Alibaba's fiscal quarter `q` of fiscal year `label` (FY2025 Q3 = Oct-Dec 2024).
inline Period fq(int label, int q) { return Period::fiscal_quarter(FiscalCalendar{date::March}, label, q); }

/// The value at `p`, as text ("missing" when missing, "absent" when absent).
inline std::string text_at(const PeriodSeries& s, const Period& p) {
  const auto* v = s.find(p);
  if (v == nullptr) return "absent";
  return *v ? (*v)->to_string() : "missing";
}

}  // namespace finmetrics::test
