// A v2 normalizer's start-up done ahead or on two threads (the CLI's path):
// a figure reader compiled while the FX table loads (PreparedFigureReader) and
// the day grids of the table's currencies built on two threads give the rows,
// diagnostics and totals of a normalizer that builds everything itself, and a
// reader prepared for other parse options is not used. Also: prefault leaves
// the bytes of the memory it maps as they were.
#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <vector>

#include "finmetrics/detail/prefault.hpp"
#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "corpus.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

struct Outcome {
  std::string output, diagnostics;
  NormalizeTotals totals;
};

Outcome run(const Normalizer& n, std::string_view text) {
  Outcome r;
  r.totals = normalize_csv(n, text, r.output, r.diagnostics);
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
  CHECK(a.totals.currency_by_default == b.totals.currency_by_default);
}

}  // namespace

TEST_CASE("prepared figure reader and two-thread grids: rows as built alone", "[normalize][startup]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  NormalizeOptions o;
  o.spec = NormalizeSpec::v2;
  PreparedFigureReader prepared(o.parse);  // compiles while the table loads, as in the CLI
  const FxTable fx = load_ecb_csv(test::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  REQUIRE(fx.series().size() >= 30);  // the grids are built on two threads (8 or more currencies)
  const std::string v2 = test::generated_corpus("gen_corpus_v2.py", 20000, 41);

  const Normalizer alone(fx, o);
  const Normalizer ahead(fx, o, std::move(prepared));
  CHECK(ahead.figure_reader().options().currency.dollar == o.parse.currency.dollar);
  const Outcome expected = run(alone, v2);
  CHECK(expected.totals.converted > 18000);
  CHECK(expected.totals.unparsed > 100);
  CHECK(expected.totals.without_rate > 100);
  same(run(ahead, v2), expected);

  // A reader prepared for `$` = HKD is not taken by a normalizer of `$` = USD:
  // `$5` stays USD 5 (a reader taken by mistake would read HKD).
  ParseOptions hkd = o.parse;
  hkd.currency.dollar = Currency::from_code("HKD").value();
  hkd.currency.dollar_is_option = true;
  const Normalizer other(fx, o, PreparedFigureReader(hkd));
  CHECK(other.figure_reader().options().currency.dollar == o.parse.currency.dollar);
  const std::string dollars = "date,figure\n2024-05-02,$5\n2024-05-02,$5bn\n";
  const Outcome usd = run(other, dollars);
  CHECK(usd.output == run(alone, dollars).output);
  CHECK(usd.output.find(",$5,USD,5,") != std::string::npos);

  // And one prepared for HKD, given to a normalizer of HKD, reads `$` as HKD.
  NormalizeOptions oh = o;
  oh.parse = hkd;
  const Normalizer hk(fx, oh, PreparedFigureReader(hkd));
  CHECK(run(hk, dollars).output == run(Normalizer(fx, oh), dollars).output);
  CHECK(run(hk, dollars).output.find(",$5,HKD,5,") != std::string::npos);

  // Other targets and a v1 normalizer given a prepared reader: the same rows.
  for (const char* to : {"JPY", "EUR", "GBP"}) {
    NormalizeOptions ot = o;
    ot.target = Currency::from_code(to).value();
    INFO(to);
    same(run(Normalizer(fx, ot, PreparedFigureReader(ot.parse)), v2), run(Normalizer(fx, ot), v2));
  }
  NormalizeOptions o1;
  o1.spec = NormalizeSpec::v1;
  const std::string v1 = test::generated_corpus("gen_corpus.py", 5000, 43);
  same(run(Normalizer(fx, o1, PreparedFigureReader(o1.parse)), v1), run(Normalizer(fx, o1), v1));
}

TEST_CASE("prefault maps memory without changing its bytes", "[normalize][startup]") {
  std::vector<std::uint32_t> v(1 << 20);
  std::iota(v.begin(), v.end(), 7u);
  v.reserve(3 << 20);
  detail::prefault_capacity(v);
  detail::prefault(v.data() + 3, 12345);  // an unaligned range: its whole pages only
  detail::prefault(v.data(), 0);
  REQUIRE(v.size() == (1u << 20));
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < v.size(); ++i) sum += v[i] - static_cast<std::uint32_t>(i);
  CHECK(sum == 7ull * (1u << 20));
  v.resize(3 << 20);  // the room past the old size: value-initialized as ever
  CHECK(v[(1 << 20) + 5] == 0u);
  CHECK(v.back() == 0u);
}
