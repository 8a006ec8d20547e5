// The lean reader of normalize's commonest figure forms against the library's
// general reading (read_v2_figure, i.e. parse_figure): wherever the lean reader
// answers, the v2 cells must be the same. Checked on the v1 and v2 corpora of
// ../shared/bench, on its hand-picked rows, on near misses made from every corpus
// figure, and on forms written here.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "finmetrics/io/csv.hpp"
#include "finmetrics/normalize/detail/common_figure.hpp"
#include "finmetrics/normalize/normalizer.hpp"
#include "finmetrics/normalize/v2_figure.hpp"
#include "corpus.hpp"
#include "shared_data.hpp"

using namespace finmetrics;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::string text;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), std::fclose);
  char buffer[1 << 16];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get())) text.append(buffer, n);
  return text;
}

struct Tally {
  std::size_t answered = 0, checked = 0;
  std::vector<std::string> disagreements;
};

// The v2 cells of both readings, as text: currency, amount, qualifier, per.
std::string general_cells(std::string_view text, const ParseOptions& options) {
  auto f = read_v2_figure(text, options);
  if (!f) return "refused: " + f.error().message;
  std::string s(f->currency.code());
  s += ',';
  append_plain(s, f->low);
  s += ',';
  if (f->high) append_plain(s, *f->high);
  s += ',';
  s += to_string(f->qualifier);
  s += f->per == Per::share ? ",share" : f->per == Per::ads ? ",ads" : ",";
  s += ',';
  s += to_string(f->currency_source);
  return s;
}

std::string common_cells(const detail::CommonFigure& f) {
  std::string s(f.currency.code());
  s += ',';
  append_plain(s, f.mantissa, f.exponent, f.negative);
  s += ",,";
  s += to_string(f.qualifier);
  s += f.per == Per::share ? ",share" : f.per == Per::ads ? ",ads" : ",";
  s += ',';
  s += to_string(f.currency_source);
  return s;
}

void check_one(const detail::CommonFigureReader& reader, const ParseOptions& options, std::string_view text,
               Tally& tally) {
  ++tally.checked;
  detail::CommonFigure f;
  if (!reader.read(text, f)) return;
  ++tally.answered;
  const std::string general = general_cells(text, options), common = common_cells(f);
  if (general != common && tally.disagreements.size() < 20)
    tally.disagreements.push_back(std::string(text) + " -> lean " + common + " | general " + general);
}

// Near misses of a figure: each byte dropped, doubled, or replaced by a byte
// that matters to the grammar; a space or a word added at either end.
std::vector<std::string> near_misses(const std::string& s) {
  static const char replacements[] = {',', '.', ' ', '0', '$', 'm', 'b', 'k', 'n', '-', 'U', 'x'};
  std::vector<std::string> out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    out.push_back(s.substr(0, k) + s.substr(k + 1));
    out.push_back(s.substr(0, k + 1) + s.substr(k));
    out.push_back(s.substr(0, k) + replacements[(k * 7 + s.size()) % sizeof replacements] + s.substr(k + 1));
  }
  for (const char* extra : {" ", "about ", "-", "(", "US"}) out.push_back(extra + s);
  for (const char* extra : {" ", " per ADS", ")", " USD", " each", "s"}) out.push_back(s + extra);
  return out;
}

}  // namespace

TEST_CASE("common figures: forms written here, read as parse_figure reads them", "[normalize][common]") {
  const ParseOptions options = v2_parse_options();
  const detail::CommonFigureReader reader(options);
  REQUIRE(reader.enabled());
  Tally tally;
  const std::vector<std::string> answered = {
      "Rmb81bn", "$11bn", "US$34.5bn", "HK$140.9 per share", "380 billion yuan", "26.549 billion yuan",
      "\xE2\x82\xAC" "1.5bn", "EUR 2.5tn", "RMB 500mn", "$250k", "USD 1,234,567.89", "1,500 Hong Kong dollars",
      "12.5 euros per share", "HKD 3.2 thousand", "CNY 1,234.5 million", "GBP 1.2bn", "JPY 500bn", "5bn USD",
      "0.0374 CHF", "1 US dollars", "$0", "INR 1,234.5 per share", "SEK 17.25m", "about $5bn", "-$5bn",
      "\xC2\xA3" "1.2bn", "USD5bn", "USD 5 bn", "$5 bn", "5mln USD", "5 MM USD", "$5B", "$5bn per ADS",
      "more than 3,819,513,981 BGN", "\xE2\x88\x92" "5 million euros", "~$5bn", "5 Swiss francs each",
      "5\xC2\xA0USD", "CHF\xE2\x80\xAF" "1.5\xE2\x80\x89" "billion", "about\xC2\xA0$5bn"};
  for (const auto& text : answered) {
    detail::CommonFigure f;
    CHECK(reader.read(text, f));
    check_one(reader, options, text, tally);
  }
  // Left to parse_figure: ranges, parentheses, spaces around, bad grouping, two
  // markers, no currency, minor units, number words, more than 18 digits.
  for (const char* text : {"$2.3-2.5 billion", "($99.99)", "\xC2\xA3(982)m", " $5bn", "$5bn ", "007 USD", "$1,23,456",
                           "$1,2345.6", "1.234.567 USD", "USD $5bn", "$5bn USD", "5.3m", "5 cents", "5p",
                           "$1234567890123456789", "US $5", "three billion dollars", "between $1 and $2",
                           "Rs 1,20,000 crore", "$5bn per 10 shares", "about -$5bn", "5\xC2\xA0\xC2\xA0USD"}) {
    detail::CommonFigure f;
    CHECK_FALSE(reader.read(text, f));
    check_one(reader, options, text, tally);
  }
  CHECK(tally.disagreements == std::vector<std::string>{});
  CHECK(tally.answered == answered.size());
}

TEST_CASE("common figures: a `$` follows --dollar; another locale turns the reader off", "[normalize][common]") {
  ParseOptions hk = v2_parse_options();
  hk.currency.dollar = Currency::from_code("HKD").value();
  hk.currency.dollar_is_option = true;
  const detail::CommonFigureReader reader(hk);
  detail::CommonFigure f;
  REQUIRE(reader.read("$5bn", f));
  CHECK(f.currency.code() == "HKD");
  REQUIRE(reader.read("US$5bn", f));
  CHECK(f.currency.code() == "USD");
  CHECK_FALSE(f.bare_dollar);
  REQUIRE(reader.read("$5bn", f));
  CHECK(f.bare_dollar);

  ParseOptions de = v2_parse_options();
  de.locale = "de";
  const detail::CommonFigureReader german(de);
  CHECK_FALSE(german.enabled());
  CHECK_FALSE(german.read("USD 1,234", f));
  ParseOptions plain;  // no locale: `1.234` is ambiguous for parse_figure, so the reader stays out
  CHECK_FALSE(detail::CommonFigureReader(plain).enabled());
}

TEST_CASE("common figures: the v1 and v2 corpora, the hand-picked rows and their near misses", "[normalize][common]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("bench/handpicked.csv");
  const std::string python = "/usr/bin/python3 ";
  const auto v1 = test::figure_column(test::run_command(python + test::shared_path("bench/gen_corpus.py").string() + " 30000 17"));
  const auto v2 = test::figure_column(test::run_command(python + test::shared_path("bench/gen_corpus_v2.py").string() + " 60000 23"));
  const auto picked = test::figure_column(read_text(test::shared_path("bench/handpicked.csv")));
  REQUIRE(v1.size() == 30000);
  REQUIRE(v2.size() == 60000);
  REQUIRE(picked.size() == 17);
  const ParseOptions options = v2_parse_options();
  const detail::CommonFigureReader reader(options);

  Tally on_v1, on_v2, on_picked, on_misses;
  for (const auto& f : v1) check_one(reader, options, f, on_v1);
  for (const auto& f : v2) check_one(reader, options, f, on_v2);
  for (const auto& f : picked) check_one(reader, options, f, on_picked);
  for (std::size_t i = 0; i < v2.size(); i += 7)
    for (const auto& m : near_misses(v2[i])) check_one(reader, options, m, on_misses);
  for (std::size_t i = 0; i < v1.size(); i += 5)
    for (const auto& m : near_misses(v1[i])) check_one(reader, options, m, on_misses);

  CHECK(on_v1.disagreements == std::vector<std::string>{});
  CHECK(on_v2.disagreements == std::vector<std::string>{});
  CHECK(on_picked.disagreements == std::vector<std::string>{});
  CHECK(on_misses.disagreements == std::vector<std::string>{});
  // Every v1 figure is a common form, and so is a share of the v2 ones: the
  // lean reader is really on the path.
  CHECK(on_v1.answered == v1.size());
  CHECK(on_picked.answered == picked.size());
  CHECK(on_v2.answered > v2.size() * 2 / 5);
  CHECK(on_misses.answered > 1000);
  WARN("lean reader answered " << on_v2.answered << " of " << v2.size() << " v2 figures, " << on_misses.answered
                               << " of " << on_misses.checked << " near misses");
}
