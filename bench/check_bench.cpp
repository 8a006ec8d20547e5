// `check_claims` on generated claim sets of 10,000 and 100,000 claims: amounts of
// 200 segments over 40 quarters against reported figures, growth rates tied to
// their amounts, conversions to USD, repeated figures (found automatically), sums
// of two amounts (`sum_of`) and share prices against a price history. Time per claim should stay flat from 10k
// to 100k (the checker indexes claims and data instead of scanning them).
#include <benchmark/benchmark.h>

#include <string>

#include <fmt/format.h>

#include "finmetrics/check/checker.hpp"

namespace {

using namespace finmetrics;

// Year and quarter of the q-th quarter from 2015Q1.
std::string quarter(int q) { return fmt::format("{}Q{}", 2015 + q / 4, q % 4 + 1); }

struct Generated {
  ClaimSet claims;
  ReferenceData data;
};

Generated generate(int n) {
  std::string market = "kind,symbol,date,field,value,currency,source\n";
  // 40 weekdays of prices, a share count and daily fixings.
  for (int d = 1; d <= 28; ++d) {
    market += fmt::format("price,CO,2024-02-{:02},close,{}.{},HKD,gen\n", d, 100 + d, d % 10);
    market += fmt::format("fx,EUR/USD,2024-02-{:02},rate,1.08{:02},USD,gen\n", d, d);
    market += fmt::format("fx,EUR/CNY,2024-02-{:02},rate,7.7{:02},CNY,gen\n", d, d);
  }
  market += "shares,CO,2023-12-31,count,9500000000,,gen\n";
  std::string financials = "entity,metric,period,value,unit,currency,source,status\n";
  for (int s = 0; s < 200; ++s)
    for (int q = 0; q < 40; ++q)
      financials += fmt::format("Co/Seg{},revenue,{},{}.{},bn,CNY,gen,confirmed\n", s, quarter(q), 10 + (s + q) % 90, q % 10);
  std::string csv(claims_csv_header);
  csv += '\n';
  for (int i = 0; i < n; ++i) {
    const int s = (i / 40) % 200;
    const int q = i % 40;
    const std::string seg = fmt::format("Seg{}", s);
    switch (i % 6) {
      case 0:  // an amount, against the reported figure
      case 3:  // the same amount again, elsewhere (paired automatically)
        csv += fmt::format("C{},doc{},revenue of Rmb{}.{}bn,Rmb{}.{}bn,Co,,{},revenue,{},2024-02-{:02},,\n", i, i % 7,
                           10 + (s + q) % 90, q % 10, 10 + (s + q) % 90, q % 10, seg, quarter(q), 1 + i % 28);
        break;
      case 1:  // its growth rate
        csv += fmt::format("C{},doc,up 5%,5%,Co,,{},revenue_growth,{},2024-02-{:02},growth_of:C{},\n", i, seg, quarter(q),
                           1 + i % 28, i - 1);
        break;
      case 2:  // its conversion to dollars
        csv += fmt::format("C{},doc,about $1.5bn,about $1.5bn,Co,,{},fx_conversion,{},2024-02-{:02},converts:C{},\n", i,
                           seg, quarter(q), 1 + i % 28, i - 2);
        break;
      case 5:  // the sum of the two amounts before it (sum_of, stated arithmetic)
        csv += fmt::format("C{},doc{},together Rmb{}bn,Rmb{}bn,Co,,{},revenue_pair,{},2024-02-{:02},sum_of:C{}+C{},\n", i,
                           i % 7, 2 * (10 + (s + q) % 90) + 1, 2 * (10 + (s + q) % 90) + 1, seg, quarter(q), 1 + i % 28,
                           i - 5, i - 2);
        break;
      default:  // a share price on a day
        csv += fmt::format("C{},doc,closed at HK${}.5,HK${}.5,Co,CO,,share_price,2024-02-{:02},2024-02-{:02},,\n", i,
                           100 + i % 28, 100 + i % 28, 1 + i % 28, 1 + i % 28);
    }
  }
  auto set = parse_claims_csv(csv, "generated.csv");
  auto data = parse_reference_data(market, financials);
  if (!set || !data) throw std::runtime_error("generated data does not load");
  data->issuer = "Co";
  return Generated{std::move(*set), std::move(*data)};
}

void BM_check_claims(benchmark::State& state) {
  const Generated g = generate(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    CheckResult r = check_claims(g.claims, g.data);
    benchmark::DoNotOptimize(r.findings.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["claims"] = static_cast<double>(state.range(0));
}

BENCHMARK(BM_check_claims)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

}  // namespace
