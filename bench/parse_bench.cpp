// The general figure parser (hedges, ranges, units) on the corpus figures and on
// article forms; compare BM_scan_v1_figure in normalize_bench for the closed grammar.
#include <benchmark/benchmark.h>

#include "bench_data.hpp"
#include "finmetrics/parse/parse_figure.hpp"

namespace fm = finmetrics;

static void BM_parse_figure_corpus(benchmark::State& state) {
  const auto& rows = fm::bench::corpus_rows();
  const fm::ParseOptions options;
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    auto r = fm::parse_figure(rows[i].figure, options);
    benchmark::DoNotOptimize(r);
    bytes += rows[i].figure.size();
    if (++i == rows.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_parse_figure_corpus);

static void BM_parse_figure_article_forms(benchmark::State& state) {
  static const char* forms[] = {"Rmb81bn", "nearly 60%", "more than $100 billion", "HK$140.9 per share",
                                "380 billion yuan", "155%", "6.5 times", "$3bn-$4bn", "about 13 per cent",
                                "26.549 billion yuan"};
  const fm::ParseOptions options;
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = fm::parse_figure(forms[i], options);
    benchmark::DoNotOptimize(r);
    if (++i == std::size(forms)) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_parse_figure_article_forms);
