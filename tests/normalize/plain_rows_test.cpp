// normalize's one-pass reading of plain runs (NormalizeStream::process(PlainRecords),
// taken by feed() and by the parallel pipeline) against the record-by-record path
// (process(RawRecord) on each record next() cuts): output, diagnostics and totals
// byte for byte, on v1 and v2 corpus rows of ../shared/bench and near misses of
// them (each byte dropped, doubled or replaced by one the readers mind).
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "corpus.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

struct Outcome {
  std::string output, diagnostics;
  NormalizeTotals totals;
};

// feed() in pieces of `piece` bytes: plain runs where the input has them.
Outcome by_runs(const Normalizer& n, std::string_view text, std::size_t piece) {
  Outcome r;
  NormalizeStream s(n, r.output, r.diagnostics);
  for (std::size_t at = 0; at < text.size(); at += piece) s.feed(text.substr(at, piece));
  s.finish();
  r.totals = s.totals();
  return r;
}

// Each record alone, as next() cuts it.
Outcome by_records(const Normalizer& n, std::string_view text) {
  Outcome r;
  NormalizeStream s(n, r.output, r.diagnostics);
  csv::RecordSplitter splitter;
  splitter.feed(text);
  while (auto rec = splitter.next()) s.process(*rec);
  if (auto rec = splitter.finish()) s.process(*rec);
  r.totals = s.totals();
  return r;
}

void same(const Outcome& a, const Outcome& b) {
  CHECK(a.output == b.output);
  CHECK(a.diagnostics == b.diagnostics);
  CHECK(a.totals.rows_read == b.totals.rows_read);
  CHECK(a.totals.converted == b.totals.converted);
  CHECK(a.totals.without_rate == b.totals.without_rate);
  CHECK(a.totals.unparsed == b.totals.unparsed);
  CHECK(a.totals.invalid == b.totals.invalid);
  CHECK(a.totals.blank_lines == b.totals.blank_lines);
  CHECK(a.totals.currency_by_default == b.totals.currency_by_default);
}

// The corpus' lines, then near misses of every `step`-th one, as one CSV text.
std::string with_near_misses(const std::string& corpus, std::size_t step) {
  static const char replacements[] = {',', '"', '\r', ' ', '0', '-', '$', 'm', 'b', '.', 'x', '\n'};
  std::string out = corpus;
  std::size_t line = 0, at = corpus.find('\n') + 1;  // after the header
  while (at < corpus.size()) {
    const std::size_t lf = corpus.find('\n', at);
    const std::string s = corpus.substr(at, lf - at);
    if (line++ % step == 0) {
      for (std::size_t k = 0; k < s.size(); ++k) {
        out += s.substr(0, k) + s.substr(k + 1) + '\n';
        out += s.substr(0, k + 1) + s.substr(k) + '\n';
        out += s.substr(0, k) + replacements[(k * 5 + s.size()) % sizeof replacements] + s.substr(k + 1) + '\n';
      }
    }
    at = lf + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("plain runs: read as record by record, v1 and v2 corpora and near misses", "[normalize][stream]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  const FxTable fx = load_ecb_csv(test::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  const std::string v1 = test::generated_corpus("gen_corpus.py", 20000, 31);
  const std::string v2 = test::generated_corpus("gen_corpus_v2.py", 20000, 37);
  REQUIRE(v1.size() > 400000);
  REQUIRE(v2.size() > 400000);

  NormalizeOptions o1;
  o1.spec = NormalizeSpec::v1;
  NormalizeOptions o1d = o1;
  o1d.decimals = 2;
  NormalizeOptions o1j = o1;
  o1j.target = Currency::from_code("JPY").value();
  const std::string v1_text = with_near_misses(v1, 40);
  for (const NormalizeOptions& o : {o1, o1d, o1j}) {
    const Normalizer n(fx, o);
    const Outcome careful = by_records(n, v1_text);
    CHECK(careful.totals.converted > 18000);
    CHECK(careful.totals.unparsed > 1000);  // the near misses reach the errors
    CHECK(careful.totals.without_rate > 1000);
    for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
      INFO("piece " << piece);
      same(by_runs(n, v1_text, piece), careful);
    }
    // Without reasons (the CLI's --quiet): the same rows and totals, no diagnostics.
    NormalizeOptions quiet = o;
    quiet.reasons = false;
    const Normalizer nq(fx, quiet);
    for (Outcome q : {by_runs(nq, v1_text, std::size_t{1} << 20), by_records(nq, v1_text)}) {
      CHECK(q.diagnostics.empty());
      q.diagnostics = careful.diagnostics;
      same(q, careful);
    }
  }
  NormalizeOptions o2;
  o2.spec = NormalizeSpec::v2;
  const Normalizer n2(fx, o2);
  const std::string v2_text = with_near_misses(v2, 60);
  const Outcome careful2 = by_records(n2, v2_text);
  CHECK(careful2.totals.converted > 18000);
  CHECK(careful2.totals.unparsed > 1000);
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
    INFO("v2 piece " << piece);
    same(by_runs(n2, v2_text, piece), careful2);
  }

  // v2 with more columns than the two read, in another order (`id,figure,note,date`),
  // the currency_source column on: a plain record's columns are its text only when
  // it is as wide as the header; near misses make rows too short, too long, quoted.
  std::string wide = "id,figure,note,date\n";
  std::size_t at = v2.find('\n') + 1, k = 0;
  while (at < v2.size()) {
    const std::size_t lf = v2.find('\n', at);
    const std::string_view row(v2.data() + at, lf - at);
    const std::size_t comma = row.find(',');
    wide += std::to_string(k) + ',' + std::string(row.substr(comma + 1)) + ",n" + std::to_string(k % 3) + ',' +
            std::string(row.substr(0, comma)) + '\n';
    ++k;
    at = lf + 1;
  }
  NormalizeOptions o3 = o2;
  o3.currency_source_column = true;
  o3.target = Currency::from_code("EUR").value();
  const Normalizer n3(fx, o3);
  const std::string wide_text = with_near_misses(wide, 60);
  const Outcome careful3 = by_records(n3, wide_text);
  CHECK(careful3.totals.converted > 18000);
  CHECK(careful3.totals.invalid > 100);  // rows of the wrong width
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
    INFO("v2 wide piece " << piece);
    same(by_runs(n3, wide_text, piece), careful3);
  }
}

// A plain v2 record is written with its cells in one buffer where it fits (256
// bytes) and appended ahead of them where it does not: either way the row is the
// record's text, then the cells, as the record-by-record path writes it.
TEST_CASE("plain runs: a v2 record of any length is carried through before its cells", "[normalize][stream]") {
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  const FxTable fx = load_ecb_csv(test::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  NormalizeOptions o;
  o.spec = NormalizeSpec::v2;
  const Normalizer n(fx, o);
  // 81e9 CNY at the ECB's 2025-03-17 fixings (as the CLI prints it).
  const std::string cells = ",CNY,81000000000,,,exact,,11197593477.792288,,";
  std::string text = "date,figure,note\n", expected = "date,figure,note," + n.v2_columns() + '\n';
  // "2025-03-17,Rmb81bn," is 19 bytes: notes of 237 and 238 make records of 256 and 257.
  for (const std::size_t note : {0, 1, 236, 237, 238, 300, 5000}) {
    const std::string record = "2025-03-17,Rmb81bn," + std::string(note, 'x');
    text += record + '\n';
    expected += record + cells + '\n';
  }
  const Outcome careful = by_records(n, text);
  CHECK(careful.output == expected);
  CHECK(careful.totals.converted == 7);
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
    INFO("piece " << piece);
    const Outcome runs = by_runs(n, text, piece);
    CHECK(runs.output == expected);
    same(runs, careful);
  }
}
