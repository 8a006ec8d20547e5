// Extraction benchmarks: figures and context from the five seed articles
// (../shared/seeds, read in place), reported in bytes of text per second.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_data.hpp"
#include "finmetrics/extract/extract_figures.hpp"

namespace fm = finmetrics;

namespace {

// The five seed articles, one after another (about 65 KB).
const std::string& seed_text() {
  static const std::string text = [] {
    std::string all;
    for (const char* name : {"000_4be4fd45a4304e2c", "001_176cb876e40a5867", "002_af63c1e32f5ec212",
                             "003_86dc9b19e2eddc32", "004_893f16c0d21005b9"}) {
      all += fm::bench::read_file(fm::bench::shared_path(std::string("seeds/") + name + ".txt"));
      all += '\n';
    }
    return all;
  }();
  return text;
}

void run(benchmark::State& state, const fm::ExtractOptions& options) {
  const std::string& text = seed_text();
  std::size_t figures = 0;
  for (auto _ : state) {
    const fm::Extraction e = fm::extract_figures(text, options);
    figures += e.figures.size();
    benchmark::DoNotOptimize(e);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(figures));
}

}  // namespace

// Figures only: the scanner and parse_figure on each candidate.
static void BM_extract_figures(benchmark::State& state) {
  fm::ExtractOptions options;
  options.context = false;
  run(state, options);
}
BENCHMARK(BM_extract_figures);

// Figures and context (entity, segment, metric, period, direction), as the CLI runs it.
static void BM_extract_with_context(benchmark::State& state) {
  fm::ExtractOptions options;
  options.article_date = fm::Date{2025, 3, 28};
  run(state, options);
}
BENCHMARK(BM_extract_with_context);
