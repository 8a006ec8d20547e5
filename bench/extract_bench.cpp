// Extraction benchmarks: figures and context from the five seed articles
// (../shared/seeds, read in place), repeated to 1 MB and to 50 MB, reported in
// bytes of text per second. Linear time shows as the same rate at both sizes
// (issue 9: 50 MB in no more than 60x the time of 1 MB).
//
//   flock /work/.bench.lock build/bench/finmetrics_bench_extract
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#if defined(__unix__)
#include <sys/resource.h>
#endif

#include "bench_data.hpp"
#include "finmetrics/extract/extract_figures.hpp"

namespace fm = finmetrics;

namespace {

// The five seed articles, one after another (about 65 KB), repeated to at least `bytes`.
const std::string& seed_text(std::size_t bytes) {
  static std::map<std::size_t, std::string> texts;
  auto [it, fresh] = texts.try_emplace(bytes);
  if (fresh) {
    std::string once;
    for (const char* name : {"000_4be4fd45a4304e2c", "001_176cb876e40a5867", "002_af63c1e32f5ec212",
                             "003_86dc9b19e2eddc32", "004_893f16c0d21005b9"}) {
      once += fm::bench::read_file(fm::bench::shared_path(std::string("seeds/") + name + ".txt"));
      once += '\n';
    }
    it->second.reserve(bytes + once.size());
    while (it->second.size() < bytes) it->second += once;
  }
  return it->second;
}

// The process's minor page faults so far (0 where getrusage is not available).
long minor_faults() {
#if defined(__unix__)
  rusage u{};
  if (getrusage(RUSAGE_SELF, &u) == 0) return u.ru_minflt;
#endif
  return 0;
}

void run(benchmark::State& state, const fm::ExtractOptions& options) {
  const std::string& text = seed_text(static_cast<std::size_t>(state.range(0)) << 20);
  std::size_t figures = 0;
  const long faults_before = minor_faults();
  for (auto _ : state) {
    const fm::Extraction e = fm::extract_figures(text, options);
    figures += e.figures.size();
    benchmark::DoNotOptimize(e);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<std::int64_t>(figures));
  // First writes to fresh pages are what made a long text slower per byte than a short
  // one (src/extract/working_memory.hpp): shown per call beside the rate.
  state.counters["faults"] = benchmark::Counter(static_cast<double>(minor_faults() - faults_before),
                                                benchmark::Counter::kAvgIterations);
}

}  // namespace

// Figures only: the scanner and parse_figure on each candidate. Argument: MB of text.
static void BM_extract_figures(benchmark::State& state) {
  fm::ExtractOptions options;
  options.context = false;
  run(state, options);
}
BENCHMARK(BM_extract_figures)->Arg(1)->Arg(50)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Figures and context (entity, segment, metric, period, direction), as the CLI runs it.
static void BM_extract_with_context(benchmark::State& state) {
  fm::ExtractOptions options;
  options.article_date = fm::Date{2025, 3, 28};
  run(state, options);
}
BENCHMARK(BM_extract_with_context)->Arg(1)->Arg(50)->Unit(benchmark::kMillisecond)->MinTime(2.0);
