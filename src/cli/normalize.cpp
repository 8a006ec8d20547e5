// `finmetrics normalize`: the streaming filter of normalize-v1.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "direct_output.hpp"
#include "text_encoding.hpp"
#include "finmetrics/currency/currency.hpp"
#include "finmetrics/fx/load.hpp"
#include "finmetrics/io/atomic_file.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/unit/scale.hpp"

namespace finmetrics::cli {

namespace {

struct NormalizeArgs {
  std::vector<std::string> inputs;
  std::string fx;
  std::string output;
  std::string to = "USD";
  std::string scale;
  std::optional<int> digits;
  std::optional<int> decimals;
  std::string rounding = "half_even";
  std::optional<int> max_staleness;
  std::string spec = "v2";
  std::string date_column = "date";
  std::string figure_column = "figure";
  std::string dollar;
  std::string yen;
  std::string locale;
  int threads = 0;
  bool quiet = false;
  bool progress = false;
  bool currency_source = false;
};

constexpr std::size_t chunk_size = std::size_t{1} << 20;

struct Output {
  std::FILE* file;
  std::string buffer;
  DirectOutput* direct = nullptr;  // an output file written around the page cache (direct_output.hpp)
  void write(std::string_view bytes) {
    if (direct != nullptr) direct->append(bytes);
    else if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size())
      throw std::runtime_error(fmt::format("cannot write the output: {}", std::strerror(errno)));
  }
  void flush() {
    write(buffer);
    buffer.clear();
  }
};

std::optional<Rounding> rounding_from(std::string_view name) {
  for (Rounding r : {Rounding::half_even, Rounding::half_up, Rounding::half_down, Rounding::down, Rounding::up,
                     Rounding::floor, Rounding::ceiling})
    if (to_string(r) == name) return r;
  return std::nullopt;
}

void add_options(CLI::App& app, NormalizeArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "normalize",
      "Convert quoted figures in a CSV column to one currency at the as-of FX rate of each row's date\n"
      "(../shared/specs/normalize-v2.md). The input has a header naming a date column (YYYY-MM-DD) and a\n"
      "figure column; every input column is carried through unchanged, in order, followed by\n"
      "`currency,amount,low,high,qualifier,per,usd_value,usd_low,usd_high` (value columns named after\n"
      "--to). With --spec v1: input `date,figure`, output `date,figure,currency,usd_value,per_share`, the\n"
      "closed v1 grammar. One output row per input row, in input order; rows that cannot be converted keep\n"
      "empty fields, their reason goes to stderr as `line N: reason`, totals at the end. Output files are\n"
      "written whole or not at all. Exit status: 0 all rows converted, 1 some not, 2 on a usage or file error.");
  cmd->add_option("inputs", args.inputs, "input CSV files (default: standard input; '-' is standard input)");
  cmd->add_option("--fx", args.fx, "FX rate file: ECB wide CSV, FRED H.10 long CSV or `date,base,quote,rate`")
      ->required();
  cmd->add_option("-o,--output", args.output, "output file (default: standard output)");
  cmd->add_option("--to", args.to, "target currency, an ISO 4217 code (default USD)");
  cmd->add_option("--scale", args.scale, "print values in this scale: k, mn, bn, tn (default units)");
  cmd->add_option("--digits", args.digits, "significant digits, printed like %.Ng (default 17)")->check(CLI::Range(1, 36));
  cmd->add_option("--decimals", args.decimals, "fixed digits after the decimal point instead of --digits (default: none, --digits applies)")
      ->check(CLI::Range(0, 18));
  cmd->add_option("--rounding", args.rounding,
                  "rounding of the exact result: half_even (default), half_up, half_down, down, up, floor, ceiling");
  cmd->add_option("--max-staleness", args.max_staleness,
                  "oldest usable fixing, in days before a figure's date (default: from the FX table's frequency,\n"
                  "7 for daily fixings, 31 for monthly averages such as FRED H.10)")
      ->check(CLI::Range(0, 3660));
  cmd->add_option("--spec", args.spec, "output contract: v2 (default) or v1 (the v1 columns and grammar, byte for byte)");
  cmd->add_option("--date-column", args.date_column, "v2: the header name of the date column (default date)");
  cmd->add_option("--figure-column", args.figure_column, "v2: the header name of the figure column (default figure)");
  cmd->add_option("--dollar", args.dollar,
                  "v2: the currency of a bare `$` (default USD; HKD, SGD, AUD, CAD, NZD, TWD, ...)");
  cmd->add_option("--yen", args.yen, "v2: the currency of a bare `¥`/`￥`: JPY or CNY (default: an error)");
  cmd->add_option("--locale", args.locale,
                  "v2: how numbers are written: en (default, as normalize-v2 says: `1,234.5`), de, fr, it, nl,\n"
                  "pt-BR, en-IN, ... (data/lexicon/locales.csv; de: `1.234,5`, fr: `1 234,5`)");
  cmd->add_option("--threads", args.threads, "worker threads (default 0: the number of cores; 1: no worker threads)")
      ->check(CLI::Range(0, 256));
  cmd->add_flag("--currency-source", args.currency_source,
                "v2: a tenth column currency_source: explicit (the figure's own marker), option (a bare $ or ¥ "
                "read through --dollar/--yen) or default (a bare $ read as USD)");
  cmd->add_flag("-q,--quiet", args.quiet, "no per-row reasons on stderr (totals still printed)");
  cmd->add_flag("--progress", args.progress, "a progress line on stderr (default: when stderr is a terminal)");
}

// Why `fx` cannot convert to `target`, or empty when it can: a table without a
// single fixing (a header-only file) or without the target currency is a usage
// error, found before any row is read (issue 11: `--to XXX` made every row fail).
std::string check_fx_table(const FxTable& fx, Currency target, const std::string& file, const std::string& to) {
  std::vector<std::string> codes;
  std::size_t fixings = 0;
  for (const FxSeries& s : fx.series()) {
    fixings += s.fixings.size();
    if (s.fixings.empty()) continue;
    for (Currency c : {s.base, s.quote})
      if (std::find(codes.begin(), codes.end(), c.code()) == codes.end()) codes.emplace_back(c.code());
  }
  if (fixings == 0) return fmt::format("'{}': the FX file holds no rates (only a header?)", file);
  const bool known = (fx.pivot() && *fx.pivot() == target) || !fx.fixings(target).empty() ||
                     std::find(codes.begin(), codes.end(), target.code()) != codes.end();
  if (known) return {};
  std::sort(codes.begin(), codes.end());
  std::string list;
  for (const std::string& c : codes) list += (list.empty() ? "" : " ") + c;
  return fmt::format("--to: '{}' has no rates in '{}' (it has: {})", to, file, list);
}

int run_checked(const NormalizeArgs& args);

// The FX table and the normalizer (its day grids and figure reader) are left to
// the end of the process: freeing them came after the output was committed, ~50
// munmap calls and thousands of frees for a v2 run on the ECB table (its 41
// series, ~25 MB), where the exit's teardown of the address space is one pass.
// Held by a static, so LeakSanitizer sees them reachable; one run per process.
template <class T>
T& left_to_exit(T&& value) {
  static T* kept = nullptr;
  kept = new T(std::move(value));
  return *kept;
}

int run(const NormalizeArgs& args) {
  try {
    return run_checked(args);
  } catch (const std::exception& e) {  // a write error (disk full): no partial output, a message, exit 2
    std::fprintf(stderr, "finmetrics normalize: %s\n", e.what());
    return 2;
  }
}

int run_checked(const NormalizeArgs& args) {
  NormalizeOptions options;
  auto target = Currency::from_code(args.to);
  if (!target) {
    std::fprintf(stderr, "finmetrics normalize: --to: %s\n", target.error().describe().c_str());
    return 2;
  }
  options.target = *target;
  if (!args.scale.empty()) {
    auto scale = scale_from_token(args.scale);
    if (!scale) {
      std::fprintf(stderr, "finmetrics normalize: --scale: unknown scale '%s' (k, mn, bn, tn, thousand, million, ...)\n",
                   args.scale.c_str());
      return 2;
    }
    options.scale_exponent = scale->exponent;
  }
  if (args.digits && args.decimals) {
    std::fprintf(stderr, "finmetrics normalize: --digits and --decimals exclude each other\n");
    return 2;
  }
  if (args.digits) options.significant_digits = *args.digits;
  options.decimals = args.decimals;
  auto rounding = rounding_from(args.rounding);
  if (!rounding) {
    std::fprintf(stderr, "finmetrics normalize: --rounding: unknown mode '%s'\n", args.rounding.c_str());
    return 2;
  }
  options.rounding = *rounding;
  options.reasons = !args.quiet;
  if (args.spec == "v1") {
    options.spec = NormalizeSpec::v1;
  } else if (args.spec == "v2") {
    options.spec = NormalizeSpec::v2;
  } else {
    std::fprintf(stderr, "finmetrics normalize: --spec: '%s' is not v1 or v2\n", args.spec.c_str());
    return 2;
  }
  if (options.spec == NormalizeSpec::v1 &&
      (args.date_column != "date" || args.figure_column != "figure" || !args.dollar.empty() || !args.yen.empty() ||
       !args.locale.empty() || args.currency_source)) {
    std::fprintf(stderr, "finmetrics normalize: --date-column, --figure-column, --dollar, --yen, --locale and "
                         "--currency-source are v2 options (v1 reads `date,figure` in its closed grammar)\n");
    return 2;
  }
  options.date_column = args.date_column;
  options.figure_column = args.figure_column;
  if (!args.dollar.empty()) {
    auto c = Currency::from_code(args.dollar);
    if (!c || c->code().empty()) {
      std::fprintf(stderr, "finmetrics normalize: --dollar: '%s' is not an ISO 4217 code\n", args.dollar.c_str());
      return 2;
    }
    options.parse.currency.dollar = *c;
    options.parse.currency.dollar_is_option = true;  // `--dollar USD` is the caller's word, not a default
  }
  options.currency_source_column = args.currency_source;
  if (!args.yen.empty()) {
    auto c = Currency::from_code(args.yen);
    if (!c || (c->code() != "JPY" && c->code() != "CNY")) {
      std::fprintf(stderr, "finmetrics normalize: --yen: '%s' is not JPY or CNY\n", args.yen.c_str());
      return 2;
    }
    options.parse.currency.yen_or_yuan = *c;
  }
  if (!args.locale.empty()) {
    const Lexicon& lexicon = Lexicon::builtin();
    if (lexicon.locale(args.locale) == nullptr) {
      std::fprintf(stderr, "finmetrics normalize: --locale: unknown locale '%s' (known: %s)\n", args.locale.c_str(),
                   known_locales(lexicon).c_str());
      return 2;
    }
    options.parse.locale = args.locale;
  }

  // A v1 run keeps only the columns of its currencies (most of its start-up was
  // the other 37 of the ECB's); a table it cannot use is read again whole, so
  // that the errors below name what the file holds.
  // v2: the figure reader is compiled on another thread while the table loads.
  std::optional<PreparedFigureReader> prepared;
  if (options.spec == NormalizeSpec::v2) prepared.emplace(options.parse);
  FxLoadOptions fx_options;
  fx_options.only = fx_currencies_read(options);
  auto fx = load_fx_file(args.fx, fx_options);
  if (!fx_options.only.empty() && (!fx || !check_fx_table(*fx, options.target, args.fx, args.to).empty()))
    fx = load_fx_file(args.fx);
  if (!fx) {
    std::fprintf(stderr, "finmetrics normalize: %s\n", fx.error().describe().c_str());
    return 2;
  }
  if (auto usable = check_fx_table(*fx, options.target, args.fx, args.to); !usable.empty()) {
    std::fprintf(stderr, "finmetrics normalize: %s\n", usable.c_str());
    return 2;
  }
  // The staleness limit follows the table's frequency unless given: a monthly
  // average (FRED H.10) is dated the first of its month and stands for the month.
  bool monthly = false;
  for (const FxSeries& series : fx->series()) monthly = monthly || series.periodicity == Periodicity::monthly;
  options.max_staleness = args.max_staleness ? date::days{*args.max_staleness}
                                             : typical_staleness(monthly ? Periodicity::monthly : Periodicity::daily);
  if (monthly && !args.quiet)
    std::fprintf(stderr, "finmetrics normalize: '%s' holds monthly averages: each figure is converted at the average "
                         "of its month or an earlier one (staleness limit %d days)\n",
                 args.fx.c_str(), static_cast<int>(options.max_staleness.count()));
  const FxTable& table = left_to_exit(std::move(*fx));
  const Normalizer& normalizer =
      left_to_exit(prepared ? Normalizer(table, options, std::move(*prepared)) : Normalizer(table, options));

  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  const bool to_file = !args.output.empty() && args.output != "-";
  // Refused before anything is opened for writing: `-o` naming an input (by
  // device and inode, so another spelling or a hard link is caught too).
  for (const std::string& name : inputs) {
    if (to_file && ((name != "-" && same_file(name, args.output)) || (name == "-" && same_file("/dev/stdin", args.output)))) {
      std::fprintf(stderr, "finmetrics normalize: the output '%s' is the input '%s': write to another file\n",
                   args.output.c_str(), name.c_str());
      return 2;
    }
  }

  Output out{stdout, {}};
  std::optional<AtomicFile> out_file;
  if (to_file) {
    remove_on_interrupt("finmetrics normalize");
    auto created = AtomicFile::create(args.output);
    if (!created) {
      std::fprintf(stderr, "finmetrics normalize: %s\n", created.error().message.c_str());
      return 2;
    }
    out_file.emplace(std::move(*created));
    out.file = out_file->file();
  }
  // A new regular file (not a device written in place) is written around the page
  // cache where the file system allows it; stdio never holds a byte of it.
  std::optional<DirectOutput> direct;
  if (out_file && !out_file->temporary().empty()) {
    direct.emplace(::fileno(out_file->file()));
    out.direct = &*direct;
  }
  out.buffer.reserve(2 * chunk_size);
  const bool v2 = options.spec == NormalizeSpec::v2;
  if (!v2) {  // v2 writes its header from the input's (the first input that has one)
    out.buffer += normalizer.header();
    out.buffer += '\n';
  }

  const bool progress = args.progress || isatty(STDERR_FILENO) == 1;
  const auto started = std::chrono::steady_clock::now();
  NormalizeTotals totals;
  const unsigned threads = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                            : std::max(1u, std::thread::hardware_concurrency());
  int status = 0;
  std::size_t rows_written = 0, next_report = std::size_t{1} << 20;
  for (const std::string& name : inputs) {
    std::FILE* in = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
    if (struct stat st {}; in && in != stdin && ::fstat(::fileno(in), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::fclose(in);
      std::fprintf(stderr, "finmetrics normalize: cannot read '%s': it is a directory\n", name.c_str());
      status = 2;
      continue;
    }
    if (!in) {
      std::fprintf(stderr, "finmetrics normalize: cannot read '%s': %s\n", name.c_str(), std::strerror(errno));
      status = 2;
      continue;
    }
    // A UTF-16 or UTF-32 input is refused by its byte-order mark (read as UTF-8,
    // each of its rows would be an error): it ends at once and is named below.
    std::string_view encoding;
    bool first_read = true;
    const ByteSource read = [in, &encoding, &first_read](char* buffer, std::size_t size) {
      const std::size_t n = std::fread(buffer, 1, size, in);
      if (std::exchange(first_read, false)) encoding = utf16_or_32_bom(std::string_view(buffer, n));
      return encoding.empty() ? n : 0;
    };
    const NormalizeSink write = [&](std::string_view rows, std::string_view diagnostics) {
      if (out.direct != nullptr) {  // DirectOutput stages the bytes itself: not copied here first
        out.flush();
        out.write(rows);
      } else if (out.buffer.size() + rows.size() < chunk_size) {
        out.buffer.append(rows);
      } else {  // a worker's batch is already a chunk: written as it is, not copied once more
        out.flush();
        out.write(rows);
        // Start writing the pages to disk now, without waiting: the fsync of the
        // commit then waits for the last batches only (it took ~25-30 ms of a
        // 50 MB v1 output, after all the work). Durability is unchanged.
        if (out_file && !(direct && direct->direct()))
          (void)::sync_file_range(::fileno(out.file), 0, 0, SYNC_FILE_RANGE_WRITE);
      }
      if (!args.quiet && !diagnostics.empty()) std::fwrite(diagnostics.data(), 1, diagnostics.size(), stderr);
      if (progress) {
        rows_written += static_cast<std::size_t>(std::count(rows.begin(), rows.end(), '\n'));
        if (rows_written >= next_report) {
          const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
          std::fprintf(stderr, "\r%zu rows, %.0f rows/s ", rows_written, static_cast<double>(rows_written) / s);
          next_report += std::size_t{1} << 20;
        }
      }
    };
    totals += normalize_pipeline(normalizer, read, write, threads, inputs.size() > 1 ? name : std::string{},
                                 !totals.header_written);
    if (!encoding.empty()) {
      std::fprintf(stderr, "finmetrics normalize: '%s' is %.*s (its byte-order mark says so); the input is UTF-8: "
                   "convert it first (iconv -f %.*s -t UTF-8)\n", name.c_str(), static_cast<int>(encoding.size()),
                   encoding.data(), static_cast<int>(encoding.size()), encoding.data());
      status = 2;
    }
    if (std::ferror(in)) {
      std::fprintf(stderr, "finmetrics normalize: error reading '%s'\n", name.c_str());
      status = 2;
    }
    if (in != stdin) std::fclose(in);
  }
  if (v2 && !totals.header_written) {  // no input had a header: the default columns
    out.buffer += options.date_column + "," + options.figure_column + "," + normalizer.v2_columns() + "\n";
  }
  out.flush();
  if (direct && status == 0) direct->finish();  // the staged tail: the file then holds every byte
  if (out_file) {
    if (status != 0) {  // an input could not be read: the output would be incomplete
      std::fprintf(stderr, "finmetrics normalize: '%s' not written (an input could not be read)\n", args.output.c_str());
      out_file->abort();
    } else if (auto committed = out_file->commit(); !committed) {
      std::fprintf(stderr, "finmetrics normalize: %s\n", committed.error().message.c_str());
      status = 2;
    }
  } else if (std::fflush(out.file) != 0) {
    std::fprintf(stderr, "finmetrics normalize: cannot write the output: %s\n", std::strerror(errno));
    status = 2;
  }
  if (progress) std::fputc('\n', stderr);
  std::fprintf(stderr, "finmetrics normalize: %zu rows read, %zu converted, %zu without rate, %zu unparsed, %zu invalid%s\n",
               totals.rows_read, totals.converted, totals.without_rate, totals.unparsed, totals.invalid,
               totals.bad_header ? "; bad header" : "");
  // A bare `$` read as USD is the job's default, not the text's word: say how
  // many figures rest on it (issue 9: a default is never called certain).
  if (totals.currency_by_default > 0 && !args.quiet)
    std::fprintf(stderr, "finmetrics normalize: %zu figure%s read a bare '$' as USD by default (not stated in the "
                         "figure; --dollar CODE names another dollar, --currency-source marks each row)\n",
                 totals.currency_by_default, totals.currency_by_default == 1 ? "" : "s");
  if (status != 0) return status;
  return totals.all_converted() ? 0 : 1;
}

const Registration registration{"normalize", 10, [](CLI::App& app) -> std::function<int()> {
  auto args = std::make_shared<NormalizeArgs>();
  add_options(app, *args);
  return [args] { return run(*args); };
}};

}  // namespace

}  // namespace finmetrics::cli
