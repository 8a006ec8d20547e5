// `finmetrics check`: verdicts on the figures of a claims CSV.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "text_encoding.hpp"
#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/check/report.hpp"
#include "finmetrics/claims/claim.hpp"
#include "finmetrics/io/atomic_file.hpp"
#include "finmetrics/io/read_file.hpp"

namespace finmetrics::cli {

namespace {

struct CheckArgs {
  std::string claims;
  std::string data;
  std::string fx;
  std::string fiscal_year_end;
  std::string format = "text";
  std::string output;
  std::string shared;
  bool no_shared = false;
  int max_staleness = 7;
  std::string parity_tolerance = "3";
  std::string fx_tolerance = "3";
};

namespace fs = std::filesystem;

// The claims file's own folder when it holds reference data; nothing else is guessed.
std::optional<fs::path> default_data(const fs::path& claims) {
  const fs::path dir = claims.parent_path().empty() ? fs::path(".") : claims.parent_path();
  std::error_code ec;
  for (const char* f : {"issuer.json", "market.csv", "financials.csv"})
    if (fs::exists(dir / f, ec)) return dir;
  return std::nullopt;
}

// A month as 1..12 or its English name (or first three letters).
std::optional<unsigned> month_of(std::string s) {
  static constexpr const char* names[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!s.empty() && s.size() <= 2 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const unsigned m = static_cast<unsigned>(std::stoi(s));
    if (m >= 1 && m <= 12) return m;
    return std::nullopt;
  }
  for (unsigned k = 0; k < 12; ++k)
    if (s == names[k] || (s.size() == 3 && std::string_view(names[k]).substr(0, 3) == s)) return k + 1;
  return std::nullopt;
}

// A percentage in [0, 100) or an error message.
std::optional<Decimal> percent_option(const std::string& text, const char* option) {
  const auto v = Decimal::parse(text);
  if (!v || v->sign() < 0 || !(*v < Decimal::from_integer(100))) {
    std::fprintf(stderr, "finmetrics check: %s must be a percentage in [0, 100), not '%s'\n", option, text.c_str());
    return std::nullopt;
  }
  return *v;
}

int usage(const std::string& message) {
  std::fprintf(stderr, "finmetrics check: %s\n", message.c_str());
  return 2;
}

int run(const CheckArgs& args) {
  if (args.format != "text" && args.format != "json" && args.format != "markdown" && args.format != "html") {
    std::fprintf(stderr, "finmetrics check: --format must be text, json, markdown or html, not '%s'\n", args.format.c_str());
    return 2;
  }
  std::error_code ec;
  // `-` reads the claims from standard input (a pipe from `extract --claims -`, a
  // generated file); they then have no folder of their own, so --data is needed.
  const bool from_stdin = args.claims == "-";
  if (!from_stdin && fs::is_directory(args.claims, ec))
    return usage(fmt::format("claims file '{}' is a directory", args.claims));
  if (args.no_shared && !args.shared.empty()) return usage("--no-shared and --shared exclude each other");
  CheckOptions options;
  options.max_staleness = date::days{args.max_staleness};
  const auto parity = percent_option(args.parity_tolerance, "--parity-tolerance");
  const auto fx_band = percent_option(args.fx_tolerance, "--fx-tolerance");
  if (!parity || !fx_band) return 2;
  options.parity_tolerance_percent = *parity;
  options.fx_tolerance_percent = *fx_band;

  ReferenceSources sources;
  if (!args.data.empty()) {
    sources.data_dir = args.data;
  } else if (from_stdin) {
    return usage("claims from standard input have no folder of their own: give --data DIR (a folder with "
                 "issuer.json, market.csv or financials.csv)");
  } else if (auto dir = default_data(args.claims)) {
    sources.data_dir = *dir;
  } else if (!fs::exists(args.claims, ec)) {
    return usage(fmt::format("cannot open claims file '{}'", args.claims));
  } else {
    return usage(fmt::format("no reference data for '{}': give --data DIR (a folder with issuer.json, market.csv or "
                             "financials.csv)",
                             args.claims));
  }
  if (!args.fiscal_year_end.empty()) {
    const auto month = month_of(args.fiscal_year_end);
    if (!month) return usage(fmt::format("--fiscal-year-end must be a month (1..12 or a name), not '{}'", args.fiscal_year_end));
    sources.calendar = FiscalCalendar{date::month{*month}};
  }
  if (!args.fx.empty()) sources.fx_file = args.fx;
  if (!args.shared.empty()) {
    if (!fs::is_directory(args.shared, ec)) {
      return usage(fmt::format("--shared '{}' is not a directory", args.shared));
    }
    const fs::path root = fs::is_directory(fs::path(args.shared) / "data", ec) ? fs::path(args.shared) / "data" : fs::path(args.shared);
    if (!fs::exists(root / "fx", ec) && !fs::exists(root / "market", ec)) {
      return usage(fmt::format("--shared '{}' holds neither fx/ nor market/ (nor data/fx, data/market): not a shared data root",
                               args.shared));
    }
    sources.shared_dir = args.shared;
  } else if (!args.no_shared && fs::is_directory(fs::path("..") / "shared", ec)) {
    sources.shared_dir = fs::path("..") / "shared";
  }
  auto data = load_reference_data(sources);
  if (!data) return usage(data.error().message);
  if (!args.no_shared)  // with --no-shared, the shared files are left out as asked
    for (const auto& w : data->warnings) std::fprintf(stderr, "finmetrics check: warning: %s\n", w.c_str());
  ClaimsOptions claims_options;
  // The profile's fiscal year or --fiscal-year-end; without either, FY names are
  // row errors (no issuer's calendar is guessed).
  claims_options.calendar = data->calendar;
  // The report is written whole or not at all: a temporary file beside the target,
  // renamed over it once complete (an HTML report half written is worse than none).
  // It is created before the claims are read, as extract does (a missing directory
  // is said at once), and SIGINT or SIGTERM from here on removes it and says so.
  std::optional<AtomicFile> out;
  if (!args.output.empty() && args.output != "-") {
    remove_on_interrupt("finmetrics check");
    auto created = AtomicFile::create(args.output);
    if (!created) {
      std::fprintf(stderr, "finmetrics check: %s\n", created.error().message.c_str());
      return 2;
    }
    out.emplace(std::move(*created));
  }
  // The claims as text: a file, or standard input read to its end (within the same
  // limit as every reference file).
  const std::string claims_name = from_stdin ? "stdin" : args.claims;
  auto text = from_stdin ? read_stream(stdin, claims_name) : read_file(args.claims);
  if (!text) {
    if (text.error().code == Errc::io && !from_stdin && !fs::exists(args.claims, ec))
      return usage(fmt::format("cannot open claims file '{}'", args.claims));
    return usage(text.error().message);
  }
  if (const std::string_view encoding = utf16_or_32_bom(std::string_view(*text).substr(0, 4)); !encoding.empty())
    return usage(fmt::format("claims file '{}' is {} (its byte-order mark says so); the claims CSV is UTF-8: "
                             "convert it first (iconv -f {} -t UTF-8)", claims_name, encoding, encoding));
  auto claims = parse_claims_csv(*text, claims_name, claims_options);
  if (!claims) return usage(claims.error().message);
  const CheckResult result = check_claims(*claims, *data, options);
  bool needs_calendar = false;
  for (const auto& e : result.row_errors) {
    std::fprintf(stderr, "finmetrics check: %s:%zu: %s\n", claims->source.c_str(), e.line, e.message.c_str());
    needs_calendar = needs_calendar || e.message.find("needs a fiscal calendar") != std::string::npos;
  }
  if (needs_calendar && !data->calendar)
    std::fprintf(stderr, "finmetrics check: fiscal periods need the issuer's fiscal year: give --fiscal-year-end MONTH, "
                         "or \"fiscal_year\" in issuer.json\n");
  const std::string report = args.format == "json"       ? format_json_report(result, *claims)
                             : args.format == "markdown" ? format_markdown_report(result, *claims)
                             : args.format == "html"     ? format_html_report(result, *claims, *data)
                                                         : format_text_report(result, *claims);
  if (out) {
    if (std::fwrite(report.data(), 1, report.size(), out->file()) != report.size()) {
      std::fprintf(stderr, "finmetrics check: cannot write '%s': %s\n", args.output.c_str(), std::strerror(errno));
      return 2;
    }
    if (auto committed = out->commit(); !committed) {
      std::fprintf(stderr, "finmetrics check: %s\n", committed.error().message.c_str());
      return 2;
    }
  } else if (std::fwrite(report.data(), 1, report.size(), stdout) != report.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "finmetrics check: cannot write the report: %s\n", std::strerror(errno));
    return 2;
  }
  // A row that could not be read is something the job found, as an inconsistent
  // claim is: a claims file whose rows were all errors (an unclosed quote) must not
  // end as a success with "0 claims".
  return result.any_inconsistent() || !result.row_errors.empty() ? 1 : 0;
}

const Registration registration{"check", 20, [](CLI::App& app) -> std::function<int()> {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check the figures of a claims CSV against each other and the reference data.\n"
      "Every claim gets a verdict: consistent, consistent only by rounding, inconsistent or unverifiable,\n"
      "each with its intervals, data and arithmetic (docs/checking.md). Exit status: 0 no claim\n"
      "inconsistent and every row read, 1 some claim inconsistent or some row an error (listed in the\n"
      "report and on stderr), 2 on a usage or file error.");
  cmd->add_option("claims", args->claims,
                  "claims CSV (id,document,quote,figure,entity,listing,segment,metric,...); - reads standard input "
                  "(then --data is required)")
      ->required();
  cmd->add_option("--data", args->data,
                  "issuer folder: issuer.json (profile), financials.csv, market.csv (default: the claims file's folder "
                  "when it holds one of them; else required)");
  cmd->add_option("--fx", args->fx,
                  "FX rates: the ECB wide file, FRED H.10 or a long date,base,quote,rate CSV (default: the shared "
                  "root's ECB history, else market.csv's fixings)");
  cmd->add_option("--fiscal-year-end", args->fiscal_year_end,
                  "month the issuer's fiscal year ends (1..12 or a name) when its profile does not say (default: none: "
                  "FY periods are then row errors)");
  cmd->add_option("--format", args->format, "report format: text (default), json, markdown, html (one self-contained page with charts)");
  cmd->add_option("-o,--output", args->output, "report file (default: standard output)");
  cmd->add_option("--shared", args->shared,
                  "shared data root (or its data/ folder): the ECB history and the price files the profile names "
                  "(default: ../shared when present)");
  cmd->add_flag("--no-shared", args->no_shared, "use the issuer folder's files only");
  cmd->add_option("--max-staleness", args->max_staleness, "oldest usable price or fixing, in days (default 7)")
      ->check(CLI::Range(0, 3660));
  cmd->add_option("--parity-tolerance", args->parity_tolerance,
                  "cross-listing parity band, in percent either side of the implied ADS price (default 3)");
  cmd->add_option("--fx-tolerance", args->fx_tolerance,
                  "band around the reference FX rate of a conversion whose rate the document does not state, in "
                  "percent either side (default 3; docs/fx-policy.md)");
  return [args] { return run(*args); };
}};

}  // namespace

}  // namespace finmetrics::cli
