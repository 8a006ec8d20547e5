#include "finmetrics/series/detail/basic_metric.hpp"
#include "finmetrics/series/series_csv.hpp"

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "cloud_revenue.hpp"

using namespace finmetrics;
using namespace finmetrics::decimal_literals;
using finmetrics::test::alibaba_options;
using finmetrics::test::cloud_revenue;
using finmetrics::test::fq;
using finmetrics::test::text_at;

namespace {

const std::string header = "entity,metric,period,value,unit,currency,source\n";

Error error_of(const std::string& text, const SeriesCsvOptions& options = alibaba_options()) {
  auto r = parse_series_csv(text, "facts.csv", options);
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

}  // namespace

TEST_CASE("a long CSV gives one series per entity and metric, in the scale of its first row") {
  const PeriodSeries s = cloud_revenue();
  CHECK(s.metric() == metrics::revenue());
  CHECK(s.unit() == Unit::money(CNY));
  CHECK(s.scale() == scales::billion);
  REQUIRE(s.size() == 9);
  CHECK(s.key(0) == fq(2024, 1));
  CHECK(text_at(s, fq(2024, 2)) == "27.648");  // 27648 mn
  CHECK(text_at(s, fq(2025, 4)) == "30.1");    // 301 亿
  CHECK(text_at(s, fq(2026, 2)) == "39.824");  // 398.24 亿
  CHECK(s.source(5) ==
        "https://stocktitan.net/news/BABA/alibaba-group-announces-december-quarter-2024-btdtxwcotad4.html");
}

TEST_CASE("rows of several entities and metrics, in any order, with dates, units and missing values") {
  const std::string text = header +
                           "Alibaba Group,shares_outstanding,2024-06-30,19024,mn shares,,\n"
                           "Alibaba Cloud,margin,FY2025 Q2,9,%,,\n"
                           "Alibaba Group,shares_outstanding,2024-03-31,19469,million shares,,\n"
                           "Alibaba Group,ads_price,2025-05-16,123.46,per ADS,USD,BABA-daily-raw.csv\n"
                           "Alibaba Group,shares_outstanding,2024-09-30,NA,mn shares,,\n";
  const SeriesSet set = parse_series_csv(text, "facts.csv", alibaba_options()).value();
  REQUIRE(set.size() == 3);
  const PeriodSeries* shares = set.find("Alibaba Group", "shares_outstanding");
  REQUIRE(shares != nullptr);
  CHECK(shares->unit() == Unit::count_of("shares"));
  CHECK(shares->scale() == scales::million);
  REQUIRE(shares->size() == 3);
  CHECK(shares->key(0) == Period::day(Date{2024, 3, 31}));
  CHECK(shares->value(0) == "19469"_dec);
  CHECK_FALSE(shares->value(2).has_value());
  const PeriodSeries* price = set.find("Alibaba Group", "ads_price");
  REQUIRE(price != nullptr);
  CHECK(price->unit() == Unit::money(USD, Per::ads));
  CHECK(price->value(0) == "123.46"_dec);
  const PeriodSeries* margin = set.find("Alibaba Cloud", "margin");
  REQUIRE(margin != nullptr);
  CHECK(margin->unit() == Unit::of(Dimension::percent));
  CHECK(margin->value(0) == "9"_dec);
}

TEST_CASE("write_series_csv writes what parse_series_csv reads back") {
  SeriesSet set = parse_series_csv(finmetrics::test::cloud_revenue_csv, "cloud.csv", alibaba_options()).value();
  PeriodSeries price(metrics::share_price(), Unit::money(HKD, Per::share));
  price.append(Period::day(Date{2025, 5, 16}), "123.46"_dec, "a \"quoted\", source");
  price.append(Period::day(Date{2025, 5, 19}), std::nullopt);
  set.put({"Alibaba Group", "share_price"}, price);
  const std::string text = write_series_csv(set);
  CHECK(text.substr(0, text.find("Alibaba Group,")) ==
        header +
            "Alibaba Cloud,revenue,FY2024 Q1,25.12,bn,CNY,"
            "https://lycanseye.com/alibaba-reports-14-yoy-revenue-growth-in-q2-2023\n"
            "Alibaba Cloud,revenue,FY2024 Q2,27.648,bn,CNY,https://guba.sina.com.cn/?s=thread&bid=13015&tid=50117\n"
            "Alibaba Cloud,revenue,FY2024 Q3,28.066,bn,CNY,Alibaba Group December quarter 2023 results\n"
            "Alibaba Cloud,revenue,FY2025 Q1,26.5,bn,CNY,"
            "https://sg.finance.yahoo.com/news/alibaba-revenue-edges-us-33-093000119.html\n"
            "Alibaba Cloud,revenue,FY2025 Q2,29.610,bn,CNY,https://guba.sina.com.cn/?s=thread&bid=13015&tid=50117\n"
            "Alibaba Cloud,revenue,FY2025 Q3,31.742,bn,CNY,"
            "https://stocktitan.net/news/BABA/alibaba-group-announces-december-quarter-2024-btdtxwcotad4.html\n"
            "Alibaba Cloud,revenue,FY2025 Q4,30.1,bn,CNY,https://reportify.cn/reports/1121931956603457536\n"
            "Alibaba Cloud,revenue,FY2026 Q1,33.398,bn,CNY,http://hnbht.cn/47836.html\n"
            "Alibaba Cloud,revenue,FY2026 Q2,39.824,bn,CNY,https://www.am730.com.hk/\n");
  CHECK(text.substr(text.find("Alibaba Group,")) ==
        "Alibaba Group,share_price,2025-05-16,123.46,per share,HKD,\"a \"\"quoted\"\", source\"\n"
        "Alibaba Group,share_price,2025-05-19,,per share,HKD,\n");
  CHECK(parse_series_csv(text, "again.csv", alibaba_options()).value() == set);

  const auto file = std::filesystem::temp_directory_path() / "finmetrics_series_csv_test.csv";
  REQUIRE(write_series_csv(file, set).has_value());
  CHECK(load_series_csv(file, alibaba_options()).value() == set);
  std::filesystem::remove(file);
}

TEST_CASE("errors name the file, line, column and field") {
  SECTION("an unknown metric") {
    const Error e = error_of(header + "Alibaba Cloud,revenu,FY2025 Q3,31742,mn,CNY,\n");
    CHECK(e.code == Errc::syntax);
    CHECK(e.line == 2);
    CHECK(e.input == "revenu");
    CHECK(e.message ==
          "facts.csv:2:15: metric: 'revenu' is not a known metric (its kind decides how it aggregates and converts: "
          "pass it in SeriesCsvOptions::metrics)");
  }
  SECTION("a metric passed in the options is known") {
    SeriesCsvOptions o = alibaba_options();
    o.metrics.push_back(series_detail::basic_metric("gmv", MetricKind::flow, Dimension::money, Per::whole));
    CHECK(parse_series_csv(header + "Taobao,gmv,FY2025 Q3,1,tn,CNY,\n", "f.csv", o).has_value());
  }
  SECTION("a value that is not a decimal") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,\"31,742\",mn,CNY,\n");
    CHECK(e.code == Errc::syntax);
    CHECK(e.message == "facts.csv:2:33: value: '31,742' is not a decimal number");
  }
  SECTION("a fiscal period without a fiscal calendar") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,CNY,\n", SeriesCsvOptions{});
    CHECK(e.code == Errc::ambiguous);
    CHECK(e.line == 2);
    CHECK(e.message.rfind("facts.csv:2:23: period: ", 0) == 0);
  }
  SECTION("another currency in the same series") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,CNY,\n" +
                             "Alibaba Cloud,revenue,FY2025 Q4,4.1,bn,USD,\n");
    CHECK(e.code == Errc::currency_mismatch);
    CHECK(e.message == "facts.csv:3:37: unit: 'USD' after 'CNY' on line 2 for Alibaba Cloud / revenue");
  }
  SECTION("money without a currency") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,,\n");
    CHECK(e.code == Errc::currency_mismatch);
    CHECK(e.message == "facts.csv:2:39: unit: revenue is money and needs a currency, read unit 'mn' and currency ''");
  }
  SECTION("a currency on a count") {
    const Error e = error_of(header + "Alibaba Group,shares_outstanding,2024-03-31,19469,mn shares,CNY,\n");
    CHECK(e.code == Errc::syntax);
    CHECK(e.message == "facts.csv:2:51: unit: 'shares' is not money, yet the currency column says CNY");
  }
  SECTION("an unknown currency") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,RMB,\n");
    CHECK(e.code == Errc::unknown_currency);
    CHECK(e.line == 2);
    CHECK(e.input == "RMB");
  }
  SECTION("a period twice in one series") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,CNY,\n" +
                             "Alibaba Cloud,revenue,FY2025 Q2,29610,mn,CNY,\n" +
                             "Alibaba Cloud,revenue,FY2025 Q3,31.742,bn,CNY,\n");
    CHECK(e.code == Errc::csv);
    CHECK(e.line == 4);
    CHECK(e.message == "facts.csv:4:23: period: FY2025 Q3 of Alibaba Cloud / revenue is already on line 2");
  }
  SECTION("a row with too few fields") {
    const Error e = error_of(header + "Alibaba Cloud,revenue,FY2025 Q3,31742,mn,CNY\n");
    CHECK(e.code == Errc::csv);
    CHECK(e.message == "facts.csv:2: expected 7 fields as in the header, read 6");
  }
  SECTION("a header without a value column") {
    const Error e = error_of("entity,metric,period,amount\n");
    CHECK(e.code == Errc::csv);
    CHECK(e.message == "facts.csv:1: header: no 'value' column (long layout: "
                       "'entity,metric,period,value,unit,currency,source')");
  }
  SECTION("a file that does not exist") {
    const auto r = load_series_csv("/nonexistent/series.csv");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == Errc::io);
    CHECK(r.error().message == "cannot open '/nonexistent/series.csv': No such file or directory");
  }
}
