// `finmetrics check`: verdicts on the figures of a claims CSV.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/check/report.hpp"
#include "finmetrics/claims/claim.hpp"
#include "finmetrics/io/atomic_file.hpp"

namespace finmetrics::cli {

namespace {

struct CheckArgs {
  std::string claims;
  std::string data;
  std::string format = "text";
  std::string output;
  std::string shared;
  bool no_shared = false;
  int max_staleness = 7;
  std::string parity_tolerance = "3";
};

namespace fs = std::filesystem;

// The bundled data: the claims file's own folder when it holds reference data,
// else data/alibaba under the working directory.
fs::path default_data(const fs::path& claims) {
  const fs::path dir = claims.parent_path().empty() ? fs::path(".") : claims.parent_path();
  if (fs::exists(dir / "market.csv") || fs::exists(dir / "financials.csv")) return dir;
  return fs::path("data") / "alibaba";
}

int run(const CheckArgs& args) {
  if (args.format != "text" && args.format != "json" && args.format != "markdown" && args.format != "html") {
    std::fprintf(stderr, "finmetrics check: --format must be text, json, markdown or html, not '%s'\n", args.format.c_str());
    return 2;
  }
  auto claims = load_claims_csv(args.claims);
  if (!claims) {
    std::fprintf(stderr, "finmetrics check: %s\n", claims.error().message.c_str());
    return 2;
  }
  ReferenceSources sources;
  sources.data_dir = args.data.empty() ? default_data(args.claims) : fs::path(args.data);
  if (!args.no_shared) {
    const fs::path shared = args.shared.empty() ? fs::path("..") / "shared" : fs::path(args.shared);
    if (!args.shared.empty() && !fs::exists(shared)) {
      std::fprintf(stderr, "finmetrics check: --shared '%s' does not exist\n", args.shared.c_str());
      return 2;
    }
    if (fs::exists(shared)) sources.shared_dir = shared;
  }
  auto data = load_reference_data(sources);
  if (!data) {
    std::fprintf(stderr, "finmetrics check: %s\n", data.error().message.c_str());
    return 2;
  }
  CheckOptions options;
  options.max_staleness = date::days{args.max_staleness};
  const auto tolerance = Decimal::parse(args.parity_tolerance);
  if (!tolerance || tolerance->sign() < 0 || !(*tolerance < Decimal::from_integer(100))) {
    std::fprintf(stderr, "finmetrics check: --parity-tolerance must be a percentage in [0, 100), not '%s'\n",
                 args.parity_tolerance.c_str());
    return 2;
  }
  options.parity_tolerance_percent = *tolerance;
  const CheckResult result = check_claims(*claims, *data, options);
  for (const auto& e : result.row_errors)
    std::fprintf(stderr, "finmetrics check: %s:%zu: %s\n", claims->source.c_str(), e.line, e.message.c_str());
  const std::string report = args.format == "json"       ? format_json_report(result, *claims)
                             : args.format == "markdown" ? format_markdown_report(result, *claims)
                             : args.format == "html"     ? format_html_report(result, *claims, *data)
                                                         : format_text_report(result, *claims);
  if (!args.output.empty() && args.output != "-") {
    // Written whole or not at all: a temporary file beside the target, renamed
    // over it once complete (an HTML report half written is worse than none).
    auto out = AtomicFile::create(args.output);
    if (!out) {
      std::fprintf(stderr, "finmetrics check: %s\n", out.error().describe().c_str());
      return 2;
    }
    if (std::fwrite(report.data(), 1, report.size(), out->file()) != report.size()) {
      std::fprintf(stderr, "finmetrics check: cannot write '%s': %s\n", args.output.c_str(), std::strerror(errno));
      return 2;
    }
    if (auto committed = out->commit(); !committed) {
      std::fprintf(stderr, "finmetrics check: %s\n", committed.error().describe().c_str());
      return 2;
    }
  } else if (std::fwrite(report.data(), 1, report.size(), stdout) != report.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "finmetrics check: cannot write the report: %s\n", std::strerror(errno));
    return 2;
  }
  return result.any_inconsistent() ? 1 : 0;
}

const Registration registration{"check", 20, [](CLI::App& app) -> std::function<int()> {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check the figures of a claims CSV against each other and the reference data.\n"
      "Every claim gets a verdict: consistent, consistent only by rounding, inconsistent or unverifiable,\n"
      "each with its intervals, data and arithmetic (docs/checking.md). Exit status: 0 no claim\n"
      "inconsistent, 1 some claim inconsistent, 2 on a usage or file error.");
  cmd->add_option("claims", args->claims, "claims CSV (id,document,quote,figure,entity,listing,segment,metric,...)")
      ->required();
  cmd->add_option("--data", args->data,
                  "reference data folder with market.csv and financials.csv (default: the claims file's folder when it "
                  "holds them, else data/alibaba)");
  cmd->add_option("--format", args->format, "report format: text (default), json, markdown, html (one self-contained page with charts)");
  cmd->add_option("-o,--output", args->output, "report file (default: standard output)");
  cmd->add_option("--shared", args->shared,
                  "../shared (or its data/ folder) for the full ECB and price histories (default: ../shared when present)");
  cmd->add_flag("--no-shared", args->no_shared, "use the bundled reference data only");
  cmd->add_option("--max-staleness", args->max_staleness, "oldest usable price or fixing, in days (default 7)")
      ->check(CLI::Range(0, 3660));
  cmd->add_option("--parity-tolerance", args->parity_tolerance,
                  "cross-listing parity band, in percent either side of the implied ADS price (default 3)");
  return [args] { return run(*args); };
}};

}  // namespace

}  // namespace finmetrics::cli
