// `finmetrics extract`: the figures of an article, and a draft claims file.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "finmetrics/currency/iso4217.hpp"
#include "finmetrics/extract/article_text.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/figure_report.hpp"
#include "finmetrics/extract/issuer_names.hpp"
#include "finmetrics/io/atomic_file.hpp"
#include "finmetrics/io/read_file.hpp"
#include "finmetrics/time/date.hpp"
#include "html_article.hpp"
#include "text_encoding.hpp"

namespace finmetrics::cli {

namespace {

struct ExtractArgs {
  std::string article;
  std::string input_format;
  std::string date;
  std::string format = "table";
  std::string output;
  std::string claims;
  std::string document;
  std::string dollar;
  std::string yen;
  std::string locale;
  std::vector<std::string> issuers;
  bool no_words = false;
  std::size_t max_figures = ExtractOptions{}.max_figures;
  // The article is read whole (figures need their sentences), so its size bounds
  // memory (about 6.5 bytes per byte of prose): 64 MiB holds any filing we have
  // seen (the 50 MB soak text) and refuses /dev/zero by name instead of bad_alloc.
  std::size_t max_bytes = std::size_t{64} << 20;
};

// Writes `content` and commits: the file appears whole or not at all. AtomicFile
// writes a device or FIFO (/dev/null, /dev/stdout) in place (renaming a
// temporary file over /dev/null would replace the device node, as root), and a
// write error such as /dev/full's ENOSPC is an error, not a success.
bool finish(AtomicFile& file, const std::string& content, std::string& why) {
  if (std::fwrite(content.data(), 1, content.size(), file.file()) != content.size()) {
    why = fmt::format("cannot write '{}': {}", file.target(), std::strerror(errno));
    file.abort();
    return false;
  }
  if (auto committed = file.commit(); !committed) {
    why = committed.error().message;
    return false;
  }
  return true;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "finmetrics extract: %s\n", message.c_str());
  return 2;
}

int run(const ExtractArgs& args) {
  ExtractOptions options;
  options.word_forms = !args.no_words;
  options.max_figures = args.max_figures;
  if (!args.date.empty()) {
    auto d = parse_date(args.date);
    if (!d) return fail(fmt::format("--date: {}", d.error().describe()));
    options.article_date = *d;
  }
  for (const auto& [flag, value, target] :
       {std::tuple{"--dollar", &args.dollar, &options.dollar}, std::tuple{"--yen", &args.yen, &options.yen}}) {
    if (value->empty()) continue;
    const auto c = Currency::from_code(*value);
    if (!c) return fail(fmt::format("{}: '{}' is not an ISO 4217 currency code", flag, *value));
    *target = *c;
  }
  if (!args.locale.empty()) {
    if (Lexicon::builtin().locale(args.locale) == nullptr)
      return fail(fmt::format("--locale: unknown locale '{}' (known: {})", args.locale, known_locales(Lexicon::builtin())));
    options.parse.locale = args.locale;
  }
  if (args.format != "table" && args.format != "json" && args.format != "csv")
    return fail(fmt::format("--format: expected table, json or csv, found '{}'", args.format));
  for (const std::string& file : args.issuers) {
    auto names = load_issuer_names(file);
    if (!names) return fail(fmt::format("--issuer: {}", names.error().describe()));
    options.issuers.push_back(std::move(*names));
  }
  const bool from_stdin = args.article == "-";
  ArticleFormat format = from_stdin ? ArticleFormat::text : article_format_of(args.article);
  if (!args.input_format.empty()) {
    const auto named = article_format_named(args.input_format);
    if (!named) return fail(fmt::format("--input-format: expected text, markdown or html, found '{}'", args.input_format));
    format = *named;
  }
  for (const std::string* out : {&args.output, &args.claims})
    if (!out->empty() && !from_stdin && same_file(*out, args.article))
      return fail(fmt::format("'{}' is the article itself: refusing to write over it", *out));
  if (!args.output.empty() && !args.claims.empty() &&
      (args.output == args.claims || same_file(args.output, args.claims)))
    return fail(fmt::format("-o and --claims both name '{}': the second would replace the first", args.claims));
  if (std::error_code ec; !from_stdin && std::filesystem::is_directory(args.article, ec))
    return fail(fmt::format("cannot read '{}': it is a directory", args.article));

  // The outputs are created before the article is read (a missing directory is
  // said at once), and an interrupt removes their temporary files and says so.
  remove_on_interrupt("finmetrics extract");
  std::optional<AtomicFile> output_file, claims_file;
  for (const auto& [path, file] : {std::pair{&args.output, &output_file}, std::pair{&args.claims, &claims_file}}) {
    if (path->empty()) continue;
    auto created = AtomicFile::create(*path);
    if (!created) return fail(created.error().message);
    file->emplace(std::move(*created));
  }

  std::FILE* in = from_stdin ? stdin : std::fopen(args.article.c_str(), "rb");
  if (!in) return fail(fmt::format("cannot read '{}': {}", args.article, std::strerror(errno)));
  auto read = read_stream(in, from_stdin ? std::string_view("stdin") : std::string_view(args.article), args.max_bytes);
  if (!from_stdin) std::fclose(in);
  if (!read) {
    if (read.error().code == Errc::out_of_range)
      return fail(read.error().message + "; --max-bytes N raises the limit");
    return fail(read.error().message);
  }
  const std::string bytes = std::move(*read);
  if (const std::string_view encoding = utf16_or_32_bom(bytes); !encoding.empty())
    return fail(fmt::format("'{}' is {} (its byte-order mark says so); articles are read as UTF-8: convert it first "
                            "(iconv -f {} -t UTF-8)", args.article, encoding, encoding));
  const std::string document = !args.document.empty() ? args.document
                               : from_stdin           ? std::string("stdin")
                                                      : std::filesystem::path(args.article).filename().string();

  ArticleText article;
  switch (format) {
    case ArticleFormat::text: article = plain_article(bytes); break;
    case ArticleFormat::markdown: article = markdown_article(bytes); break;
    case ArticleFormat::html: {
      auto html = html_article(bytes);
      if (!html) return fail(fmt::format("'{}': {}", args.article, html.error().describe()));
      article = std::move(*html);
      break;
    }
  }
  const std::string& text = article.text;
  if (article.info.invalid_bytes_replaced > 0)
    std::fprintf(stderr, "finmetrics extract: '%s': %zu bytes are not UTF-8; each was read as U+FFFD\n",
                 document.c_str(), article.info.invalid_bytes_replaced);

  const Extraction extraction = extract_figures(text, options);
  std::string out;
  if (args.format == "json") {
    out = figures_json(extraction, text, article.info);
  } else if (args.format == "csv") {
    out = draft_claims_csv(extraction, text, document);
  } else {
    out = figures_table(extraction, text);
  }
  if (output_file) {
    std::string why;
    if (!finish(*output_file, out, why)) return fail(why);
  } else if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    return fail(fmt::format("cannot write the output: {}", std::strerror(errno)));
  }
  if (claims_file) {
    std::string why;
    if (!finish(*claims_file, draft_claims_csv(extraction, text, document), why)) return fail(why);
  }
  for (const Error& e : extraction.skipped) std::fprintf(stderr, "finmetrics extract: skipped %s\n", e.message.c_str());
  if (extraction.unread_from) {  // the output is whole for what was read, but the text was not read to its end
    std::fprintf(stderr, "finmetrics extract: '%s': only the first %zu bytes were read (more than %zu figures); "
                         "--max-figures N raises the limit\n", document.c_str(), *extraction.unread_from, args.max_figures);
    return 1;
  }
  return 0;
}

const Registration registration{"extract", 30, [](CLI::App& app) -> std::function<int()> {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Find every quoted figure in an article (plain text, Markdown or HTML): money, per-share prices,\n"
      "percentages, percentage points, multiples, large counts and word forms ('triple-digit growth'),\n"
      "with how each currency was decided and the best reading of entity, metric, period and direction.\n"
      "Prints a table, JSON, or the claims CSV that `finmetrics check` reads; --claims writes that draft\n"
      "to a file. Spans are byte offsets into the text as read (HTML and Markdown decoded; the JSON says\n"
      "so). Exit status: 0; 1 when the text was not read to its end (more than --max-figures figures);\n"
      "2 on a usage or file error.");
  cmd->add_option("article", args->article, "the article file ('-' is standard input, read as plain text)")->required();
  cmd->add_option("--input-format", args->input_format,
                  "text, markdown or html (default: by the extension: .html/.htm html, .md/.markdown markdown, "
                  "else text)");
  cmd->add_option("--date", args->date,
                  "the article's date, YYYY-MM-DD, for relative periods (default: found in the text, else unknown)");
  cmd->add_option("--format", args->format, "table, json, or csv (the claims format); default: table");
  cmd->add_option("-o,--output", args->output, "write the output to this file, atomically (default: standard output)");
  cmd->add_option("--claims", args->claims, "also write a draft claims file for `finmetrics check`, atomically (default: none)");
  cmd->add_option("--document", args->document, "the document name in the claims (default: the file name)");
  cmd->add_option("--dollar", args->dollar,
                  "the currency of a bare $ (e.g. HKD), whatever the text says (default: an explicit dollar marker "
                  "of the text such as HK$, else USD)");
  cmd->add_option("--yen", args->yen,
                  "the currency of a bare ¥, JPY or CNY (default: yen or yuan written explicitly in the text, "
                  "else the figure is refused)");
  cmd->add_option("--locale", args->locale,
                  "how the article writes numbers: de (1.234,5), fr (1 234,5), en-IN (1,23,456), ... "
                  "(data/lexicon/locales.csv; default: none, and a number another locale reads otherwise, "
                  "such as 1.234,5 or 45,00, is refused as ambiguous, unless the article writes decimal dots elsewhere and no "
                  "decimal comma: then it is read as en, and each figure so read says so)");
  cmd->add_option("--issuer", args->issuers,
                  "an issuer profile (issuer.json): its names, segments and fiscal calendar for the context; default: none "
                  "(repeatable)");
  cmd->add_flag("--no-words", args->no_words, "figures written with digits only (no 'triple-digit', 'doubled')");
  cmd->add_option("--max-figures", args->max_figures,
                  "read at most N figures and refusals from one text; past them the rest is not read, said on stderr, "
                  "exit status 1 (default 100000; 0: no limit)");
  cmd->add_option("--max-bytes", args->max_bytes,
                  "refuse an article longer than N bytes, unread, exit status 2 (default 67108864, 64 MiB; "
                  "0: no limit)");
  return [args] { return run(*args); };
}};

}  // namespace

}  // namespace finmetrics::cli
