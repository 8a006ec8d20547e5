// `check` end to end (claims reader, checker, the three report writers) on claims
// generated from the bundled data/alibaba/claims.csv: each line of the input picks
// a bundled row (first byte) and replaces one of its fields (second byte) with
// the rest of the line, so figures, periods, dates and relations go hostile while
// the rest of the row still reaches the checker. Run from the repository root
// (scripts/fuzz-smoke.sh does). Invariants:
//  - no exception escapes reading, checking or writing the reports;
//  - every claim read has exactly one outcome, in claim order; bad rows are row
//    errors and appear in the result;
//  - the verdicts are deterministic (two runs agree claim by claim);
//  - the JSON report is valid JSON.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/check/report.hpp"
#include "finmetrics/claims/claim.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/io/read_file.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

struct Bundled {
  ReferenceData data;
  std::vector<std::vector<std::string>> rows;  // the claims' fields
};

const Bundled& bundled() {
  static const Bundled b = [] {
    Bundled out;
    auto data = load_reference_data(ReferenceSources{.data_dir = "data/alibaba", .calendar = FiscalCalendar{date::March}});
    auto text = read_file("data/alibaba/claims.csv");
    if (!data || !text) {
      std::fprintf(stderr, "fuzz_check_claims: run from the repository root (data/alibaba)\n");
      std::abort();
    }
    out.data = std::move(*data);
    csv::RecordSplitter splitter;
    splitter.feed(*text);
    std::vector<std::string_view> fields;
    std::string scratch;
    bool header = true;
    auto take = [&](const csv::RawRecord& r) {
      if (header || r.text.empty()) {
        header = false;
        return;
      }
      if (csv::split_record(r.text, fields, scratch) && fields.size() == 12)
        out.rows.emplace_back(fields.begin(), fields.end());
    };
    while (auto r = splitter.next()) take(*r);
    if (auto r = splitter.finish()) take(*r);
    return out;
  }();
  return b;
}

// The fields a line may replace: quote, figure, metric, period, as_of, relation, id.
constexpr std::size_t replaceable[] = {2, 3, 7, 8, 9, 10, 0};

std::string claims_text(std::string_view input) {
  const Bundled& b = bundled();
  std::string text(claims_csv_header);
  text += '\n';
  std::size_t lines = 0;
  while (!input.empty() && lines++ < 24) {
    const std::size_t end = input.find('\n');
    std::string_view piece = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
    if (piece.size() < 2) continue;
    std::vector<std::string> row = b.rows[static_cast<unsigned char>(piece[0]) % b.rows.size()];
    const std::size_t field = replaceable[static_cast<unsigned char>(piece[1]) % std::size(replaceable)];
    if (field != 0 || (static_cast<unsigned char>(piece[1]) & 0x80) != 0) row[field] = std::string(piece.substr(2));
    std::string record;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) record += ',';
      csv::append_field(record, row[i]);
    }
    text += record;
    text += '\n';
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = claims_text(fuzz::as_text(data, size));
  ClaimsOptions options;
  options.calendar = bundled().data.calendar;
  auto set = parse_claims_csv(text, "<fuzz>", options);
  FUZZ_CHECK(set.has_value(), set ? std::string() : set.error().describe());
  const CheckResult first = check_claims(*set, bundled().data);
  const CheckResult second = check_claims(*set, bundled().data);
  FUZZ_CHECK(first.claims.size() == set->claims.size(), text);
  for (std::size_t i = 0; i < first.claims.size(); ++i) {
    FUZZ_CHECK(first.claims[i].id == set->claims[i].id, first.claims[i].id);
    FUZZ_CHECK(first.claims[i].kind == second.claims[i].kind && first.claims[i].reason == second.claims[i].reason,
               first.claims[i].id + ": " + first.claims[i].reason + " / " + second.claims[i].reason);
  }
  FUZZ_CHECK(first.findings.size() == second.findings.size(), text);
  const std::string report = format_text_report(first, *set);
  FUZZ_CHECK(report == format_text_report(second, *set), text);
  (void)format_markdown_report(first, *set);
  const std::string json = format_json_report(first, *set);
  FUZZ_CHECK(nlohmann::json::accept(json), json.substr(0, 2000));
  return 0;
}
