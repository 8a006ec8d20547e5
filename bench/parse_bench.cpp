// The general figure parser (hedges, ranges, units) on the corpus figures and on
// article forms; compare BM_scan_v1_figure in normalize_bench for the closed grammar.
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_data.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"
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

// The normalize-v2 forms: rows of `gen_corpus_v2.py 100000 7` (FINMETRICS_CORPUS_V2
// overrides the file), parsed one after the other; `parsed` counts the rows read.
static const std::vector<std::string>& v2_figures() {
  static const std::vector<std::string> figures = [] {
    std::string text;
    if (const char* path = std::getenv("FINMETRICS_CORPUS_V2")) {
      text = fm::bench::read_file(path);
    } else {
      const std::string cmd = "python3 " + fm::bench::shared_path("bench/gen_corpus_v2.py") + " 100000 7";
      std::FILE* p = popen(cmd.c_str(), "r");
      if (!p) throw std::runtime_error("cannot run " + cmd);
      char buf[1 << 16];
      std::size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
      if (pclose(p) != 0 || text.empty()) throw std::runtime_error("corpus generator failed: " + cmd);
    }
    std::vector<std::string> out;
    fm::csv::RecordSplitter splitter;
    splitter.feed(text);
    std::vector<std::string_view> fields;
    std::string scratch;
    bool header = true;
    while (auto r = splitter.next()) {
      if (header) {
        header = false;
        continue;
      }
      if (!fm::csv::split_record(r->text, fields, scratch) || fields.size() < 2) continue;
      out.emplace_back(fields[1]);
    }
    return out;
  }();
  return figures;
}

static void BM_parse_figure_v2_corpus(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::ParseOptions options;
  std::size_t i = 0, bytes = 0, parsed = 0;
  for (auto _ : state) {
    auto r = fm::parse_figure(figures[i], options);
    parsed += r.has_value() ? 1 : 0;
    benchmark::DoNotOptimize(r);
    bytes += figures[i].size();
    if (++i == figures.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["parsed_share"] =
      benchmark::Counter(static_cast<double>(parsed) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_parse_figure_v2_corpus);

// One pass over the same figures, each parsed once: a fixed amount of work for
// callgrind (`--toggle-collect='*parse_v2_corpus_once*'`: its instructions divided by
// the 100,000 figures are the instructions a figure; docs/figures.md "Performance").
[[gnu::noinline]] static std::size_t parse_v2_corpus_once(const std::vector<std::string>& figures,
                                                           const fm::ParseOptions& options) {
  std::size_t parsed = 0;
  for (const auto& figure : figures) {
    auto r = fm::parse_figure(figure, options);
    parsed += r.has_value() ? 1 : 0;
    benchmark::DoNotOptimize(r);
  }
  return parsed;
}

static void BM_parse_figure_v2_corpus_pass(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::ParseOptions options;
  // The built-in lexicon is built, and parse_figure's reader for these options
  // compiled (figure_reader_memo.hpp), before the pass: it measures the steady state.
  for (std::uint32_t k = 0; k < fm::parse_detail::FigureReaderMemo::threshold; ++k) (void)fm::parse_figure("Rmb81bn", options);
  std::size_t parsed = 0;
  for (auto _ : state) parsed += parse_v2_corpus_once(figures, options);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * figures.size()));
  state.counters["parsed"] = benchmark::Counter(static_cast<double>(parsed));
}
BENCHMARK(BM_parse_figure_v2_corpus_pass)->Iterations(1);

// The compact reader (parse/figure_reader.hpp) on the same figures, compiled once
// for the same (default) options: `read` alone (a FigureReading, nothing allocated)
// for every figure; `read_share` counts the figures it read, the rest it leaves to
// parse_figure (not timed here: see the next two).
static void BM_figure_reader_v2_corpus(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::FigureReader reader{fm::ParseOptions{}};
  std::size_t i = 0, read = 0;
  for (auto _ : state) {
    fm::FigureReading r;
    read += reader.read(figures[i], r) ? 1 : 0;
    benchmark::DoNotOptimize(r);
    if (++i == figures.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["read_share"] = benchmark::Counter(static_cast<double>(read) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_figure_reader_v2_corpus);

// A compact reading where the reader answers, parse_figure's QuotedFigure for the
// rest: every figure read, what a caller holding a FigureReader pays.
static void BM_figure_reader_or_parse_figure_v2_corpus(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::FigureReader reader{fm::ParseOptions{}};
  std::size_t i = 0;
  for (auto _ : state) {
    if (fm::FigureReading r; reader.read(figures[i], r)) {
      benchmark::DoNotOptimize(r);
    } else {
      auto q = fm::parse_figure(figures[i], reader.options());
      benchmark::DoNotOptimize(q);
    }
    if (++i == figures.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_figure_reader_or_parse_figure_v2_corpus);

// FigureReader::parse: parse_figure's QuotedFigure for every figure, through the
// compact reading where the reader answers.
static void BM_figure_reader_parse_v2_corpus(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::FigureReader reader{fm::ParseOptions{}};
  std::size_t i = 0;
  for (auto _ : state) {
    auto q = reader.parse(figures[i]);
    benchmark::DoNotOptimize(q);
    if (++i == figures.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_figure_reader_parse_v2_corpus);

// Compiling a FigureReader (once per job): the default options (0) and
// normalize-v2's (1). For callgrind: `--toggle-collect='*compile_reader_once*'`.
[[gnu::noinline]] static bool compile_reader_once(const fm::ParseOptions& options, fm::FigureReader::Learning learning) {
  const fm::FigureReader reader(options, learning);
  return reader.enabled();
}

// Arg 2: normalize-v2's options, learned exhaustively (the tables the tests compare with).
static void BM_figure_reader_construction(benchmark::State& state) {
  const fm::ParseOptions options = state.range(0) == 0 ? fm::ParseOptions{} : fm::v2_parse_options();
  const auto learning = state.range(0) == 2 ? fm::FigureReader::Learning::exhaustive : fm::FigureReader::Learning::sampled;
  (void)fm::Lexicon::builtin();  // built once per process, for parse_figure too: not the reader's
  for (auto _ : state) benchmark::DoNotOptimize(compile_reader_once(options, learning));
}
BENCHMARK(BM_figure_reader_construction)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// One pass of FigureReader::read over the figures, for callgrind
// (`--toggle-collect='*read_v2_corpus_once*'`, divided by 100,000).
[[gnu::noinline]] static std::size_t read_v2_corpus_once(const std::vector<std::string>& figures,
                                                          const fm::FigureReader& reader) {
  std::size_t read = 0;
  for (const auto& figure : figures) {
    fm::FigureReading r;
    read += reader.read(figure, r) ? 1 : 0;
    benchmark::DoNotOptimize(r);
  }
  return read;
}

static void BM_figure_reader_v2_corpus_pass(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::FigureReader reader{fm::ParseOptions{}};
  std::size_t read = 0;
  for (auto _ : state) read += read_v2_corpus_once(figures, reader);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * figures.size()));
  state.counters["read"] = benchmark::Counter(static_cast<double>(read));
}
BENCHMARK(BM_figure_reader_v2_corpus_pass)->Iterations(1);

// One pass of FigureReader::parse (a QuotedFigure for every figure), for callgrind
// (`--toggle-collect='*parse_through_reader_once*'`).
[[gnu::noinline]] static std::size_t parse_through_reader_once(const std::vector<std::string>& figures,
                                                                const fm::FigureReader& reader) {
  std::size_t parsed = 0;
  for (const auto& figure : figures) {
    auto q = reader.parse(figure);
    parsed += q.has_value() ? 1 : 0;
    benchmark::DoNotOptimize(q);
  }
  return parsed;
}

static void BM_figure_reader_parse_v2_corpus_pass(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::FigureReader reader{fm::ParseOptions{}};
  std::size_t parsed = 0;
  for (auto _ : state) parsed += parse_through_reader_once(figures, reader);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * figures.size()));
  state.counters["parsed"] = benchmark::Counter(static_cast<double>(parsed));
}
BENCHMARK(BM_figure_reader_parse_v2_corpus_pass)->Iterations(1);

// What normalize-v2 does per figure (detail::read_v2_row): FigureReader::read with
// v2's options, then parse_figure for the rest; `lean_share` counts the figures the
// reader answered.
static void BM_normalize_figure_reading_v2_corpus(benchmark::State& state) {
  const auto& figures = v2_figures();
  const fm::ParseOptions options = fm::v2_parse_options();
  const fm::FigureReader reader(options);
  std::size_t i = 0, lean = 0;
  for (auto _ : state) {
    fm::FigureReading f;
    if (reader.read(figures[i], f)) {
      ++lean;
      benchmark::DoNotOptimize(f);
    } else {
      auto r = fm::parse_figure(figures[i], options);
      benchmark::DoNotOptimize(r);
    }
    if (++i == figures.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["lean_share"] = benchmark::Counter(static_cast<double>(lean) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_normalize_figure_reading_v2_corpus);

// FigureReader alone with v2's options on the v1 corpus (every figure a common form):
// what normalize v2 and the Python package's normalize read per row there.
static void BM_figure_reader_v1_corpus(benchmark::State& state) {
  const auto& rows = fm::bench::corpus_rows();
  const fm::FigureReader reader(fm::v2_parse_options());
  std::size_t i = 0;
  for (auto _ : state) {
    fm::FigureReading f;
    benchmark::DoNotOptimize(reader.read(rows[i].figure, f));
    benchmark::DoNotOptimize(f);
    if (++i == rows.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_figure_reader_v1_corpus);

// One pass of FigureReader::read with v2's options over the v1 corpus (200,000 rows
// by default), for callgrind (`--toggle-collect='*read_v1_corpus_once*'`, divided
// by the rows).
[[gnu::noinline]] static std::size_t read_v1_corpus_once(const std::vector<fm::bench::Row>& rows,
                                                          const fm::FigureReader& reader) {
  std::size_t read = 0;
  for (const auto& row : rows) {
    fm::FigureReading r;
    read += reader.read(row.figure, r) ? 1 : 0;
    benchmark::DoNotOptimize(r);
  }
  return read;
}

static void BM_figure_reader_v1_corpus_pass(benchmark::State& state) {
  const auto& rows = fm::bench::corpus_rows();
  const fm::FigureReader reader(fm::v2_parse_options());
  std::size_t read = 0;
  for (auto _ : state) read += read_v1_corpus_once(rows, reader);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows.size()));
  state.counters["read"] = benchmark::Counter(static_cast<double>(read));
  state.counters["rows"] = benchmark::Counter(static_cast<double>(rows.size()));
}
BENCHMARK(BM_figure_reader_v1_corpus_pass)->Iterations(1);
