// `finmetrics extract`: the figures of an article, and a draft claims file.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/figure_report.hpp"
#include "finmetrics/time/date.hpp"

namespace finmetrics::cli {

namespace {

struct ExtractArgs {
  std::string article;
  std::string date;
  std::string format = "table";
  std::string claims;
  std::string document;
  bool no_words = false;
};

bool read_all(std::FILE* in, std::string& out) {
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, in);
    out.append(buffer, n);
    if (n < sizeof buffer) return std::ferror(in) == 0;
  }
}

bool write_file(const std::string& path, const std::string& content) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  return std::fclose(f) == 0 && ok;
}

int run(const ExtractArgs& args) {
  ExtractOptions options;
  options.word_forms = !args.no_words;
  if (!args.date.empty()) {
    auto d = parse_date(args.date);
    if (!d) {
      std::fprintf(stderr, "finmetrics extract: --date: %s\n", d.error().describe().c_str());
      return 2;
    }
    options.article_date = *d;
  }
  if (args.format != "table" && args.format != "json" && args.format != "csv") {
    std::fprintf(stderr, "finmetrics extract: --format: expected table, json or csv, found '%s'\n",
                 args.format.c_str());
    return 2;
  }
  std::string text;
  const bool from_stdin = args.article == "-";
  std::FILE* in = from_stdin ? stdin : std::fopen(args.article.c_str(), "rb");
  if (!in) {
    std::fprintf(stderr, "finmetrics extract: cannot read '%s': %s\n", args.article.c_str(), std::strerror(errno));
    return 2;
  }
  const bool read_ok = read_all(in, text);
  if (!from_stdin) std::fclose(in);
  if (!read_ok) {
    std::fprintf(stderr, "finmetrics extract: error reading '%s'\n", args.article.c_str());
    return 2;
  }
  const std::string document = !args.document.empty() ? args.document
                               : from_stdin           ? std::string("stdin")
                                                      : std::filesystem::path(args.article).filename().string();

  const Extraction extraction = extract_figures(text, options);
  std::string out;
  if (args.format == "json") {
    out = figures_json(extraction, text);
  } else if (args.format == "csv") {
    out = draft_claims_csv(extraction, text, document);
  } else {
    out = figures_table(extraction, text);
  }
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "finmetrics extract: cannot write the output: %s\n", std::strerror(errno));
    return 2;
  }
  if (!args.claims.empty()) {
    if (!write_file(args.claims, draft_claims_csv(extraction, text, document))) {
      std::fprintf(stderr, "finmetrics extract: cannot write '%s': %s\n", args.claims.c_str(), std::strerror(errno));
      return 2;
    }
  }
  for (const Error& e : extraction.skipped) std::fprintf(stderr, "finmetrics extract: skipped %s\n", e.message.c_str());
  return 0;
}

const Registration registration{"extract", 30, [](CLI::App& app) -> std::function<int()> {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Find every quoted figure in an article (UTF-8 text): money, per-share prices, percentages,\n"
      "percentage points, multiples, large counts and word forms ('triple-digit growth'), with the\n"
      "best reading of entity, metric, period and direction. Prints a table, JSON, or the claims CSV\n"
      "that `finmetrics check` reads; --claims writes that draft to a file. Exit status: 0, or 2 on a\n"
      "usage or file error.");
  cmd->add_option("article", args->article, "the article, a UTF-8 text file ('-' is standard input)")->required();
  cmd->add_option("--date", args->date,
                  "the article's date, YYYY-MM-DD, for relative periods (default: found in the text, else unknown)");
  cmd->add_option("--format", args->format, "table (default), json, or csv (the claims format)");
  cmd->add_option("--claims", args->claims, "also write a draft claims file for `finmetrics check`");
  cmd->add_option("--document", args->document, "the document name in the claims (default: the file name)");
  cmd->add_flag("--no-words", args->no_words, "figures written with digits only (no 'triple-digit', 'doubled')");
  return [args] { return run(*args); };
}};

}  // namespace

}  // namespace finmetrics::cli
