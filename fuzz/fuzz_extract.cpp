// `extract` on arbitrary UTF-8 text (inputs that are not well-formed UTF-8 are
// read too, for the no-crash invariant only). Invariants:
//  - no exception escapes extract_figures or the report writers;
//  - extraction is deterministic, and the fast paths give what the general path gives
//    (extract_detail::ScanPaths: the report and every refusal, byte for byte);
//  - figure spans lie inside the text, in text order, and do not overlap; each
//    sentence holds its figure;
//  - the draft claims file reads back with the claims reader (its header is right;
//    a row it cannot read is a row error with a line);
//  - for well-formed UTF-8 input, the JSON report is valid JSON.

#include <string>

#include <nlohmann/json.hpp>

#include "finmetrics/claims/claim.hpp"
#include "finmetrics/extract/detail/scan_paths.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/extract/figure_report.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

bool valid_utf8(std::string_view text) {
  // one_line() without the line-feed rule.
  std::string copy(text);
  for (char& c : copy)
    if (c == '\n' || c == '\r') c = ' ';
  return fuzz::one_line(copy);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  ExtractOptions options;
  options.article_date = Date{2025, 3, 17};
  const Extraction first = extract_figures(text, options);
  const Extraction second = extract_detail::extract_figures(text, options, extract_detail::ScanPaths::general);
  FUZZ_CHECK(first.figures.size() == second.figures.size() && first.skipped.size() == second.skipped.size(), text);
  FUZZ_CHECK(figures_json(first, text) == figures_json(second, text), text);
  for (std::size_t i = 0; i < first.skipped.size(); ++i)
    FUZZ_CHECK(first.skipped[i].message == second.skipped[i].message, text);
  std::size_t last_end = 0;
  for (std::size_t i = 0; i < first.figures.size(); ++i) {
    const ExtractedFigure& f = first.figures[i];
    FUZZ_CHECK(f.span == second.figures[i].span, text);
    FUZZ_CHECK(f.span.begin < f.span.end && f.span.end <= text.size(), text);
    FUZZ_CHECK(f.span.begin >= last_end, text);
    FUZZ_CHECK(f.sentence.begin <= f.span.begin && f.span.end <= f.sentence.end && f.sentence.end <= text.size(),
               text);
    last_end = f.span.end;
  }
  for (const Error& e : first.skipped) FUZZ_CHECK(!e.message.empty(), text);
  (void)figures_table(first, text);
  const std::string json = figures_json(first, text);
  if (valid_utf8(text)) FUZZ_CHECK(nlohmann::json::accept(json), json.substr(0, 2000));
  const std::string drafted = draft_claims_csv(first, text, "fuzz.txt");
  auto claims = parse_claims_csv(drafted, "<draft>");
  FUZZ_CHECK(claims.has_value(), claims ? std::string() : claims.error().describe());
  for (const Error& e : claims->row_errors) FUZZ_CHECK(!e.message.empty() && e.line > 0, e.describe());
  return 0;
}
