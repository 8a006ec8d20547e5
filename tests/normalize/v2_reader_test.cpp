// normalize-v2's rows through parse's compact FigureReader (detail::read_v2_row)
// against the general reading (read_v2_figure, i.e. parse_figure): wherever the
// reader answers, the v2 cells, the status, the reason and the currency source
// are the same, under several option sets, on the v1 and v2 corpora of
// ../shared/bench, its hand-picked rows and near misses of every corpus figure.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "finmetrics/fx/ecb.hpp"
#include "finmetrics/normalize/detail/v2_cells.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "corpus.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

struct Tally {
  std::size_t answered = 0, checked = 0;
  std::vector<std::string> disagreements;
};

struct Cells {
  std::string out, why;
  RowStatus status = RowStatus::unparsed;
  CurrencySource source = CurrencySource::none;
  [[nodiscard]] std::string text() const {
    return out + " | " + why + " | " + std::to_string(static_cast<int>(status)) + " " + std::string(to_string(source));
  }
};

// One (date, figure) both ways: as read_v2_row read it (the reader's answer when
// it gave one), and with that answer dropped (read_v2_figure reads the text).
void check_one(const Normalizer& n, std::string_view date, std::string_view figure, Tally& tally) {
  ++tally.checked;
  detail::V2Read read;
  detail::read_v2_row(n, date, figure, read);
  if (!read.common) return;
  ++tally.answered;
  detail::V2Read general = read;
  general.common = false;
  Cells a, b;
  a.status = detail::append_v2_cells(n, date, figure, read, a.out, a.why, a.source);
  b.status = detail::append_v2_cells(n, date, figure, general, b.out, b.why, b.source);
  if (a.text() != b.text() && tally.disagreements.size() < 20)
    tally.disagreements.push_back(std::string(date) + " " + std::string(figure) + " -> reader " + a.text() +
                                  " || general " + b.text());
}

// Near misses of a figure: each byte dropped, doubled, or replaced by a byte
// that matters to the grammar; a space or a word added at either end.
std::vector<std::string> near_misses(const std::string& s) {
  static const char replacements[] = {',', '.', ' ', '0', '$', 'm', 'b', 'k', 'n', '-', 'U', 'x', 'p', '(', 'c'};
  std::vector<std::string> out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    out.push_back(s.substr(0, k) + s.substr(k + 1));
    out.push_back(s.substr(0, k + 1) + s.substr(k));
    out.push_back(s.substr(0, k) + replacements[(k * 7 + s.size()) % sizeof replacements] + s.substr(k + 1));
  }
  for (const char* extra : {" ", "about ", "-", "(", "US", "HK", "~"}) out.push_back(extra + s);
  for (const char* extra : {" ", " per ADS", ")", " USD", " each", "s", " cents", "p"}) out.push_back(s + extra);
  return out;
}

}  // namespace

TEST_CASE("v2 rows read by FigureReader get read_v2_figure's cells, status, reason and currency source",
          "[normalize][v2][reader]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("data/fx/ecb-eurofxref-hist.csv");
  const FxTable fx = load_ecb_csv(test::shared_path("data/fx/ecb-eurofxref-hist.csv")).value();
  const auto v1 = test::corpus_figures("gen_corpus.py", 20000, 19);
  const auto v2 = test::corpus_figures("gen_corpus_v2.py", 40000, 29);
  REQUIRE(v1.size() == 20000);
  REQUIRE(v2.size() == 40000);
  // Dates over the table's range and beyond it (no rate before 1999, stale at the end).
  const std::vector<std::string> dates = {"2014-03-03", "1998-12-31", "2005-06-05", "2031-01-01", "2019-02-30"};

  NormalizeOptions base;
  base.spec = NormalizeSpec::v2;
  base.reasons = true;
  std::vector<NormalizeOptions> option_sets(6, base);
  option_sets[1].parse.currency.dollar = Currency::from_code("HKD").value();
  option_sets[1].parse.currency.dollar_is_option = true;
  option_sets[2].parse.currency.yen_or_yuan = Currency::from_code("JPY").value();
  option_sets[3].decimals = 2;
  option_sets[3].target = Currency::from_code("EUR").value();
  option_sets[4].target = Currency::from_code("JPY").value();
  option_sets[4].significant_digits = 6;
  option_sets[4].rounding = Rounding::floor;
  option_sets[5].scale_exponent = 9;
  option_sets[5].reasons = false;

  for (std::size_t k = 0; k < option_sets.size(); ++k) {
    const Normalizer n(fx, option_sets[k]);
    REQUIRE(n.figure_reader().enabled());
    Tally on_v1, on_v2, on_misses;
    for (std::size_t i = 0; i < v1.size(); i += 1 + k) check_one(n, dates[i % dates.size()], v1[i], on_v1);
    for (std::size_t i = 0; i < v2.size(); i += 1 + k) check_one(n, dates[i % dates.size()], v2[i], on_v2);
    for (std::size_t i = 0; i < v2.size(); i += 23 + 4 * k)
      for (const auto& m : near_misses(v2[i])) check_one(n, dates[i % dates.size()], m, on_misses);
    for (std::size_t i = 0; i < v1.size(); i += 41 + 4 * k)
      for (const auto& m : near_misses(v1[i])) check_one(n, dates[i % dates.size()], m, on_misses);
    INFO("option set " << k);
    CHECK(on_v1.disagreements == std::vector<std::string>{});
    CHECK(on_v2.disagreements == std::vector<std::string>{});
    CHECK(on_misses.disagreements == std::vector<std::string>{});
    // The reader is on the path: every v1 figure, most v2 ones, many near misses.
    CHECK(on_v1.answered == on_v1.checked);
    CHECK(on_v2.answered > on_v2.checked * 7 / 10);
    CHECK(on_misses.answered > 2000);
  }
}

TEST_CASE("v2 rows: another locale turns the figure reader off, and parse_figure reads every figure",
          "[normalize][v2][reader]") {
  const FxTable fx = parse_ecb_csv("Date,USD,\n2014-03-03,1.3773,\n", "mini").value();
  NormalizeOptions de;
  de.spec = NormalizeSpec::v2;
  de.parse.locale = "de";
  const Normalizer n(fx, de);
  CHECK_FALSE(n.figure_reader().enabled());
  detail::V2Read read;
  detail::read_v2_row(n, "2014-03-03", "USD 1.234,5", read);
  CHECK_FALSE(read.common);
  std::string out, why;
  CurrencySource source = CurrencySource::none;
  CHECK(detail::append_v2_cells(n, "2014-03-03", "USD 1.234,5", read, out, why, source) == RowStatus::converted);
  CHECK(out == ",USD,1234.5,,,exact,,1234.5,,");
}

TEST_CASE("v2 rows: a range of two plain numbers is read by the figure reader, with read_v2_figure's cells",
          "[normalize][v2][reader]") {
  const FxTable fx = parse_ecb_csv("Date,USD,\n2014-03-03,1.3773,\n", "mini").value();
  NormalizeOptions o;
  o.spec = NormalizeSpec::v2;
  const Normalizer n(fx, o);
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"USD 5-7bn", ",USD,,5000000000,7000000000,range,,,5000000000,7000000000"},
      {"€1.5–2 per ADS", ",EUR,,1.5,2,range,ads,,2.06595,2.7546"},
      {"EUR 2.3 to 2.5 billion", ",EUR,,2300000000,2500000000,range,,,3167790000,3443250000"},
  };
  for (const auto& [figure, cells] : cases) {
    INFO(figure);
    detail::V2Read read;
    detail::read_v2_row(n, "2014-03-03", figure, read);
    REQUIRE(read.common);
    CHECK(read.figure.range);
    CHECK(read.figure.qualifier == V2Qualifier::range);
    Cells a, b;
    a.status = detail::append_v2_cells(n, "2014-03-03", figure, read, a.out, a.why, a.source);
    detail::V2Read general = read;
    general.common = false;
    b.status = detail::append_v2_cells(n, "2014-03-03", figure, general, b.out, b.why, b.source);
    CHECK(a.out == cells);
    CHECK(a.status == RowStatus::converted);
    CHECK(a.text() == b.text());
  }
  // Before the first fixing: both ends read, no value, the reason of the general path.
  detail::V2Read read;
  detail::read_v2_row(n, "1999-01-01", "EUR 5-7bn", read);
  REQUIRE(read.common);
  Cells a;
  a.status = detail::append_v2_cells(n, "1999-01-01", "EUR 5-7bn", read, a.out, a.why, a.source);
  CHECK(a.out == ",EUR,,5000000000,7000000000,range,,,,");
  CHECK(a.status == RowStatus::without_rate);
  CHECK(a.why == "no USD rate on or before 1999-01-01 (first fixing 2014-03-03)");
}
