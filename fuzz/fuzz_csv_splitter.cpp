// The CSV record splitter and field splitter (io/csv.hpp). The input is cut into
// chunks whose sizes come from the first bytes, with a small record limit chosen
// by the first byte. Invariants:
//  - the records (text, line, too_long, unterminated) do not depend on how the
//    stream is cut into chunks (compared with feeding it in one piece), nor on
//    whether runs of plain records are taken whole (next_plain) between next() calls;
//  - line numbers never go backwards; a too-long record's text is at most 64 bytes;
//  - split_record of a record that splits, written back with append_field, splits
//    to the same fields.

#include <vector>

#include "finmetrics/io/csv.hpp"
#include "fuzz_check.hpp"

using namespace finmetrics;

namespace {

struct Record {
  std::string text;
  std::size_t line;
  bool too_long;
  bool unterminated;
  friend bool operator==(const Record&, const Record&) = default;
};

std::string show(const Record& r) {
  return "line " + std::to_string(r.line) + (r.too_long ? " too_long" : "") + (r.unterminated ? " unterminated" : "") +
         " '" + r.text + "'";
}

// `plain`: runs of plain records (next_plain, window bytes at most) cut at their
// line feeds, mixed with next(), as normalize_pipeline reads.
void drain(csv::RecordSplitter& s, std::vector<Record>& out, bool plain = false, std::size_t window = 0) {
  while (true) {
    if (plain) {
      if (auto run = s.next_plain(window)) {
        FUZZ_CHECK(run->count > 0 && !run->text.empty() && run->text.back() == '\n', "empty or open plain run");
        std::size_t at = 0, line = run->line, n = 0;
        while (at < run->text.size()) {
          const std::size_t lf = run->text.find('\n', at);
          out.push_back(Record{std::string(run->text.substr(at, lf - at)), line++, false, false});
          at = lf + 1;
          ++n;
        }
        FUZZ_CHECK(n == run->count, "plain run count " + std::to_string(run->count) + " vs " + std::to_string(n));
        continue;
      }
    }
    auto r = s.next();
    if (!r) return;
    out.push_back(Record{std::string(r->text), r->line, r->too_long, r->unterminated});
  }
}

std::vector<Record> split_all(std::string_view text, std::size_t limit, std::string_view cuts, bool plain = false) {
  csv::RecordSplitter s(limit);
  std::vector<Record> out;
  const std::size_t window = cuts.empty() ? limit : static_cast<std::size_t>(static_cast<unsigned char>(cuts[0])) % 40 + 1;
  std::size_t at = 0, k = 0;
  while (at < text.size()) {
    std::size_t n = cuts.empty() ? text.size() : static_cast<std::size_t>(static_cast<unsigned char>(cuts[k++ % cuts.size()])) % 17 + 1;
    n = std::min(n, text.size() - at);
    s.feed(text.substr(at, n));
    drain(s, out, plain, window);
    at += n;
  }
  drain(s, out, plain, window);
  if (auto r = s.finish()) out.push_back(Record{std::string(r->text), r->line, r->too_long, r->unterminated});
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const std::size_t limit = std::size_t{1} + data[0] % 64;  // tiny limits reach the too-long path
  const std::string_view cuts = fuzz::as_text(data + 1, 3);
  const std::string_view text = fuzz::as_text(data + 4, size - 4);

  const std::vector<Record> whole = split_all(text, limit, {});
  const std::vector<Record> chunked = split_all(text, limit, cuts);
  const std::vector<Record> plain = split_all(text, limit, cuts, true);
  FUZZ_CHECK(whole.size() == plain.size(), "records " + std::to_string(whole.size()) + " vs plain runs " + std::to_string(plain.size()));
  for (std::size_t i = 0; i < whole.size() && i < plain.size(); ++i)
    FUZZ_CHECK(whole[i] == plain[i], show(whole[i]) + " vs plain runs " + show(plain[i]));
  FUZZ_CHECK(whole.size() == chunked.size(),
             "records " + std::to_string(whole.size()) + " vs chunked " + std::to_string(chunked.size()));
  for (std::size_t i = 0; i < whole.size(); ++i) {
    FUZZ_CHECK(whole[i] == chunked[i], show(whole[i]) + " vs chunked " + show(chunked[i]));
    if (i > 0) FUZZ_CHECK(whole[i - 1].line < whole[i].line, show(whole[i - 1]) + " then " + show(whole[i]));
    if (whole[i].too_long) FUZZ_CHECK(whole[i].text.size() <= 64, show(whole[i]));
    else FUZZ_CHECK(whole[i].text.size() <= limit, show(whole[i]));
  }

  std::vector<std::string_view> fields, fields_again;
  std::string scratch, scratch_again;
  for (const Record& r : whole) {
    auto ok = csv::split_record(r.text, fields, scratch);
    if (!ok) {
      FUZZ_CHECK(ok.error().position <= r.text.size() && !ok.error().message.empty(), ok.error().describe());
      continue;
    }
    std::string written;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) written += ',';
      csv::append_field(written, fields[i]);
    }
    auto again = csv::split_record(written, fields_again, scratch_again);
    FUZZ_CHECK(again.has_value(), show(r) + " written '" + written + "'");
    FUZZ_CHECK(fields == fields_again, show(r) + " written '" + written + "'");
  }
  return 0;
}
