// Normalization benchmarks (normalize-v1): figure scanning, FX look-ups, the exact
// kernel against the Decimal reference path, and end to end in memory.
#include <benchmark/benchmark.h>

#include "bench_data.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v1_figure.hpp"
#include "finmetrics/time/date.hpp"

namespace fm = finmetrics;
using fm::bench::corpus_rows;

namespace {

const fm::FxTable& ecb() {
  static const fm::FxTable table = fm::parse_ecb_csv(fm::bench::ecb_csv(), "ecb").value();
  return table;
}

std::vector<date::sys_days> corpus_days() {
  std::vector<date::sys_days> days;
  for (const auto& r : corpus_rows()) days.push_back(date::sys_days{fm::parse_date(r.date).value()});
  return days;
}

}  // namespace

// The allocation-free scanner of the normalize hot path.
static void BM_scan_v1_figure(benchmark::State& state) {
  const auto& rows = corpus_rows();
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    fm::detail::V1Scan scan;
    fm::detail::V1ScanError error;
    const auto& f = rows[i].figure;
    benchmark::DoNotOptimize(fm::detail::scan_v1_figure(f, scan, error));
    benchmark::DoNotOptimize(scan);
    bytes += f.size();
    if (++i == rows.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_scan_v1_figure);

// The public parser of the same grammar, building a Decimal.
static void BM_parse_v1_figure(benchmark::State& state) {
  const auto& rows = corpus_rows();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = fm::parse_v1_figure(rows[i].figure);
    benchmark::DoNotOptimize(r);
    if (++i == rows.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_parse_v1_figure);

// FxTable::as_of: the exact, provenance-carrying look-up (a cross through EUR).
static void BM_fx_as_of_cross(benchmark::State& state) {
  const auto days = corpus_days();
  const fm::FxTable& fx = ecb();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = fx.as_of(days[i], fm::HKD, fm::USD);
    benchmark::DoNotOptimize(r);
    if (++i == days.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_fx_as_of_cross);

// One row through the reference path: parse to Decimal, FxTable::as_of, FxRate::convert_significant.
static void BM_convert_reference(benchmark::State& state) {
  const auto& rows = corpus_rows();
  const auto days = corpus_days();
  const fm::Normalizer n(ecb());
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = n.convert(days[i], rows[i].figure);
    benchmark::DoNotOptimize(r);
    if (++i == rows.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_convert_reference);

// End to end in memory: CSV text in, CSV text out (the CLI adds only I/O).
static void BM_normalize_stream(benchmark::State& state) {
  const std::string& csv = fm::bench::corpus_csv();
  const fm::Normalizer n(ecb());
  std::string out, diag;
  std::size_t rows = 0;
  for (auto _ : state) {
    out.clear();
    diag.clear();
    const auto totals = fm::normalize_csv(n, csv, out, diag);
    rows += totals.rows_read;
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(rows));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_normalize_stream)->Unit(benchmark::kMillisecond);

// Loading the ECB history (done once per CLI run).
static void BM_load_ecb(benchmark::State& state) {
  const std::string& text = fm::bench::ecb_csv();
  for (auto _ : state) {
    auto t = fm::parse_ecb_csv(text, "ecb");
    benchmark::DoNotOptimize(t);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_load_ecb)->Unit(benchmark::kMillisecond);
