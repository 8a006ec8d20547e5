// parse_figure's memo of compiled FigureReaders (parse/figure_reader_memo.hpp): a
// reader only after `threshold` calls with one set of options, one per set, none
// for another lexicon or where a reader reads nothing; and parse_figure through
// the process's memo answers every text as the grammar alone does, field for
// field, errors included, whatever the tolerances.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "corpus.hpp"
#include "figure_fields.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/figure_reader.hpp"
#include "finmetrics/parse/figure_reader_memo.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "shared_data.hpp"

using namespace finmetrics;
using parse_detail::FigureReaderMemo;

namespace {

// `n` calls; the last one's reader.
const FigureReader* call(FigureReaderMemo& memo, const ParseOptions& o, std::uint32_t n) {
  const FigureReader* r = nullptr;
  for (std::uint32_t k = 0; k < n; ++k) r = memo.reader(o);
  return r;
}

ParseOptions with_dollar(const char* code) {
  ParseOptions o;
  o.currency.dollar = Currency::from_code(code).value();
  o.currency.dollar_is_option = true;
  return o;
}

}  // namespace

TEST_CASE("figure reader memo: a reader per set of options, after the threshold", "[parse][reader][memo]") {
  FigureReaderMemo memo;
  const ParseOptions plain;
  CHECK(call(memo, plain, FigureReaderMemo::threshold - 1) == nullptr);
  CHECK(memo.compiled(plain) == nullptr);
  const FigureReader* const reader = memo.reader(plain);  // the threshold-th call compiles
  REQUIRE(reader != nullptr);
  CHECK(reader->enabled());
  CHECK(memo.compiled(plain) == reader);
  CHECK(memo.reader(plain) == reader);

  // The tolerances are not part of the key (a reading never depends on them); the
  // built-in lexicon named is the built-in lexicon.
  ParseOptions tolerant;
  tolerant.tolerances.approximate = Decimal::from_parts(1, -1);
  CHECK(memo.reader(tolerant) == reader);
  ParseOptions named;
  named.lexicon = &Lexicon::builtin();
  CHECK(memo.reader(named) == reader);

  // Any other field is: another reader, once its own calls reach the threshold.
  ParseOptions one_marker;
  one_marker.one_marker = true;
  CHECK(memo.compiled(one_marker) == nullptr);
  const FigureReader* const other = call(memo, one_marker, FigureReaderMemo::threshold);
  REQUIRE(other != nullptr);
  CHECK(other != reader);
  CHECK(other->options().one_marker);
  CHECK(memo.reader(plain) == reader);

  // A locale that writes numbers otherwise: the reader would read nothing, so none.
  ParseOptions de;
  de.locale = "de";
  CHECK(call(memo, de, 2 * FigureReaderMemo::threshold) == nullptr);
  CHECK(memo.compiled(de) == nullptr);
}

TEST_CASE("figure reader memo: never for another lexicon, and a few sets at most", "[parse][reader][memo]") {
  FigureReaderMemo memo;
  const Lexicon copy = Lexicon::builtin();  // alike, but not the process's: its lifetime is the caller's
  ParseOptions own;
  own.lexicon = &copy;
  CHECK(call(memo, own, 2 * FigureReaderMemo::threshold) == nullptr);
  CHECK(memo.compiled(own) == nullptr);

  // slot_count sets get readers (some sooner: their calls are counted by a hash of
  // the options); the next gets none, and nothing else changes.
  const std::vector<const char*> codes = {"USD", "HKD", "SGD", "CAD", "AUD", "NZD", "TWD", "JMD", "BSD"};
  REQUIRE(codes.size() == FigureReaderMemo::slot_count + 1);
  std::vector<const FigureReader*> readers;
  for (std::size_t k = 0; k < FigureReaderMemo::slot_count; ++k) {
    readers.push_back(call(memo, with_dollar(codes[k]), FigureReaderMemo::threshold));
    INFO(codes[k]);
    REQUIRE(readers.back() != nullptr);
    CHECK(readers.back()->options().currency.dollar == with_dollar(codes[k]).currency.dollar);
  }
  const ParseOptions last = with_dollar(codes.back());
  CHECK(call(memo, last, 2 * FigureReaderMemo::threshold) == nullptr);
  for (std::size_t k = 0; k < FigureReaderMemo::slot_count; ++k) CHECK(memo.reader(with_dollar(codes[k])) == readers[k]);
}

TEST_CASE("figure reader memo: parse_figure through it answers as the grammar does", "[parse][reader][memo]") {
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus_v2.py");
  FINMETRICS_REQUIRE_SHARED("bench/gen_corpus.py");
  // Options no other test of this program reads many figures with, so that this
  // test's calls are the ones that compile the process's reader for them.
  ParseOptions o = with_dollar("SGD");
  o.currency.yen_or_yuan = Currency::from_code("JPY").value();
  o.tolerances.just_above = Decimal::from_parts(2, -2);
  const auto v2 = test::corpus_figures("gen_corpus_v2.py", 20000, 31);
  const auto v1 = test::corpus_figures("gen_corpus.py", 5000, 37);
  std::vector<std::string> texts;
  for (const auto* corpus : {&v2, &v1}) {
    for (const std::string& s : *corpus) {
      texts.push_back(s);
      texts.push_back("about " + s);
      texts.push_back(s + " per share");
      texts.push_back(s + "-9");
    }
  }
  REQUIRE(texts.size() > FigureReaderMemo::threshold);
  std::size_t disagreements = 0, read_by_reader = 0;
  std::vector<std::string> shown;
  for (const bool warm : {false, true}) {  // before and after the reader is compiled
    for (const std::string& text : texts) {
      const std::string memo = test::figure_fields(parse_figure(text, o));
      const std::string grammar = test::figure_fields(parse_detail::parse_figure_unmemoized(text, o));
      if (memo != grammar && ++disagreements <= 10) shown.push_back(text + "\n  memo:    " + memo + "\n  grammar: " + grammar);
      if (warm) {
        FigureReading r;
        const FigureReader* reader = FigureReaderMemo::process().compiled(o);
        read_by_reader += reader != nullptr && reader->read(text, r, true) ? 1 : 0;
      }
    }
  }
  CHECK(shown == std::vector<std::string>{});
  CHECK(disagreements == 0);
  const FigureReader* reader = FigureReaderMemo::process().compiled(o);
  REQUIRE(reader != nullptr);
  CHECK(reader->options().tolerances.just_above == o.tolerances.just_above);
  // most of them went through it
  CHECK(read_by_reader > texts.size() / 2);

  // Other tolerances with the same reader: the caller's in the figure.
  ParseOptions tolerant = o;
  tolerant.tolerances.approximate = Decimal::from_parts(1, -1);
  const auto f = parse_figure("about S$5bn", tolerant);
  REQUIRE(f);
  CHECK(f->tolerances.approximate == Decimal::from_parts(1, -1));
  CHECK(test::figure_fields(f) == test::figure_fields(parse_detail::parse_figure_unmemoized("about S$5bn", tolerant)));
}
