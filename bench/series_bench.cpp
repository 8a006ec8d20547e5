// Series benchmarks, in points per second: converting a long daily series
// between currencies (exact: one FxTable::as_of and one exact division per point;
// numeric: one merge pass and Eigen arithmetic), converting quarterly flows at
// period averages, and YoY + TTM over long quarterly panels (exact PeriodSeries
// and the Eigen QuarterlyPanel).

#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_data.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/series/convert.hpp"
#include "finmetrics/series/growth.hpp"
#include "finmetrics/series/numeric_series.hpp"
#include "finmetrics/series/quarterly_panel.hpp"
#include "finmetrics/series/ttm.hpp"

namespace {

using namespace finmetrics;

const FxTable& ecb() {
  static const FxTable table = load_ecb_csv(bench::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  return table;
}

/// A deterministic amount with cents: 1000.00 .. 1499.99.
Decimal amount(std::size_t i) {
  return Decimal::from_parts(Decimal::Coefficient(100000 + static_cast<long long>((i * 7919) % 50000)), -2);
}

/// Every day with a CNY fixing, from 2005 to 2026 (about 5,400 points), in CNY.
const DateSeries& daily_cny() {
  static const DateSeries s = [] {
    DateSeries out(metrics::market_cap(), Unit::money(CNY));
    std::size_t i = 0;
    for (const Fixing& f : ecb().fixings(CNY)) out.append(Date{f.date}, amount(i++));
    return out;
  }();
  return s;
}

/// `entities` quarterly flows of `quarters` consecutive calendar quarters from `year` Q1.
std::vector<PeriodSeries> panel(std::size_t entities, int quarters, int year = 2000) {
  std::vector<PeriodSeries> out;
  out.reserve(entities);
  for (std::size_t e = 0; e < entities; ++e) {
    PeriodSeries s(metrics::revenue(), Unit::money(CNY), scales::million);
    Period q = Period::quarter(year, 1);
    for (int k = 0; k < quarters; ++k, q = q.next()) s.append(q, amount(e * 131 + static_cast<std::size_t>(k)));
    out.push_back(std::move(s));
  }
  return out;
}

void BM_convert_daily_exact(benchmark::State& state) {
  const DateSeries& s = daily_cny();
  for (auto _ : state) {
    auto c = convert(s, ecb(), USD);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(s.size()));
}
BENCHMARK(BM_convert_daily_exact)->Unit(benchmark::kMillisecond);

void BM_convert_daily_numeric(benchmark::State& state) {
  const NumericSeries<Date> s = to_eigen(daily_cny());
  for (auto _ : state) {
    auto c = convert_numeric(s, ecb(), CNY, USD);
    benchmark::DoNotOptimize(c.values.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(s.keys.size()));
}
BENCHMARK(BM_convert_daily_numeric)->Unit(benchmark::kMicrosecond);

void BM_convert_quarterly_flows_at_average(benchmark::State& state) {
  // 2006Q1..2025Q4 (the ECB's CNY starts in April 2005): 80 period averages.
  const std::vector<PeriodSeries> p = panel(1, 80, 2006);
  for (auto _ : state) {
    auto c = convert(p.front(), ecb(), USD).value();
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 80);
}
BENCHMARK(BM_convert_quarterly_flows_at_average)->Unit(benchmark::kMillisecond);

void BM_yoy_ttm_exact(benchmark::State& state) {
  const auto entities = static_cast<std::size_t>(state.range(0));
  const std::vector<PeriodSeries> p = panel(entities, 100);
  for (auto _ : state) {
    for (const PeriodSeries& s : p) {
      auto g = yoy(s);
      auto t = ttm(s);
      benchmark::DoNotOptimize(g);
      benchmark::DoNotOptimize(t);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(entities) * 100);
}
BENCHMARK(BM_yoy_ttm_exact)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_yoy_ttm_numeric(benchmark::State& state) {
  const auto entities = static_cast<std::size_t>(state.range(0));
  const std::vector<PeriodSeries> p = panel(entities, 100);
  const QuarterlyPanel q = make_quarterly_panel(p);
  for (auto _ : state) {
    QuarterlyPanel g = yoy(q);
    QuarterlyPanel t = ttm(q);
    benchmark::DoNotOptimize(g.values.data());
    benchmark::DoNotOptimize(t.values.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(entities) * 100);
}
BENCHMARK(BM_yoy_ttm_numeric)->Arg(100)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace
