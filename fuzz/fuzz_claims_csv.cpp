// The claims CSV reader (claims/claim.hpp) on arbitrary bytes after the header
// (or, when the first byte is odd, with no header added). Invariants:
//  - no exception escapes; reading is deterministic;
//  - every non-blank record after the header is accounted for: it is a claim, or
//    it has a row error at its line (nothing is dropped silently);
//  - claims keep file order, their ids are non-empty and unique;
//  - every error says something, and its describe() is one line of valid UTF-8
//    (no raw line feed, no 100 KB echo).

#include <set>
#include <string>

#include "finmetrics/claims/claim.hpp"
#include "finmetrics/io/csv.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool add_header = (data[0] & 1) == 0;
  std::string text = add_header ? std::string(claims_csv_header) + "\n" : std::string();
  text.append(fuzz::as_text(data + 1, size - 1));

  auto set = parse_claims_csv(text, "<fuzz>");
  auto again = parse_claims_csv(text, "<fuzz>");
  FUZZ_CHECK(set.has_value() == again.has_value(), text);
  if (!set) {
    FUZZ_CHECK(fuzz::well_formed(set.error(), text.size()), set.error().describe());
    FUZZ_CHECK(fuzz::one_line(set.error().describe()), set.error().describe());
    FUZZ_CHECK(set.error().message == again.error().message, set.error().describe());
    return 0;
  }
  FUZZ_CHECK(set->claims.size() == again->claims.size() && set->row_errors.size() == again->row_errors.size(), text);

  std::set<std::size_t> accounted;
  std::set<std::string> ids;
  std::size_t last_line = 0;
  for (const Claim& c : set->claims) {
    FUZZ_CHECK(!c.id.empty() && ids.insert(c.id).second, c.id);
    FUZZ_CHECK(c.line > last_line, c.id);
    last_line = c.line;
    accounted.insert(c.line);
  }
  for (const Error& e : set->row_errors) {
    FUZZ_CHECK(e.line > 0 && !e.message.empty(), e.describe());
    FUZZ_CHECK(fuzz::one_line(e.describe()), e.describe());
    accounted.insert(e.line);
  }
  // The records as the splitter sees them (the reader's own splitter).
  csv::RecordSplitter splitter;
  splitter.feed(text);
  bool header = true;
  auto visit = [&](const csv::RawRecord& r) {
    if (header) {
      header = false;
      return;
    }
    std::string_view t = r.text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.remove_suffix(1);
    if (t.empty() && !r.too_long && !r.unterminated) return;
    FUZZ_CHECK(accounted.count(r.line) == 1, "record at line " + std::to_string(r.line) + " neither a claim nor an error");
  };
  while (auto r = splitter.next()) visit(*r);
  if (auto r = splitter.finish()) visit(*r);
  return 0;
}
