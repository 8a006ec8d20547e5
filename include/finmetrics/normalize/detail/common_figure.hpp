#pragma once
// A lean reader of the commonest figure forms, for normalize's per-row path: a
// money amount with one marker before or after the number (`Rmb81bn`, `US$34.5bn`,
// `HK$140.9 per share`, `GBP 1,234.5 million`, `£1.2bn`, `380 billion yuan`,
// `5bn USD`), optionally a hedge before it (`about`, `more than`, `~`) or a sign
// (`-$5bn`), read without allocating and without a lexicon look-up per word. It
// answers only where `parse_figure` reads the text the same way and says "not
// mine" for everything else (ranges, parentheses, other spaces, number words,
// forms whose reading depends on more than one word), which `parse_figure` then
// reads: the v2 cells are the same either way (a test compares both on the v1
// and v2 corpora and on hand-picked and near-miss figures).
//
// Nothing of it is a second vocabulary: its candidate words are the lexicon's
// own (markers, scales, hedges of `data/lexicon/`), and each is kept, in each
// position, only where `read_v2_figure` with the caller's options reads sample
// figures with it the same way; the rest is left to `parse_figure`.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/normalize/v2_figure.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics::detail {

/// A figure the lean reader read: value = (negative ? -1 : 1) x mantissa x 10^exponent (mantissa < 10^18).
struct CommonFigure {
  std::uint64_t mantissa = 0;
  int exponent = 0;
  bool negative = false;
  Currency currency;
  Per per = Per::whole;
  V2Qualifier qualifier = V2Qualifier::exact;
  bool bare_dollar = false;  ///< the currency is the context's (`$`, `dollars`: `--dollar`), not the figure's own marker
  CurrencySource currency_source = CurrencySource::explicit_;  ///< as `read_v2_figure` says for the marker
};

class CommonFigureReader {
 public:
  /// Learns the forms for `options` (a few thousand look-ups and a few thousand
  /// `read_v2_figure` calls, ~10 ms: once per Normalizer).
  explicit CommonFigureReader(const ParseOptions& options);

  /// Reads `text` when it is one of the common forms; false: not one of them
  /// (nothing is said about whether `parse_figure` reads it).
  [[nodiscard]] bool read(std::string_view text, CommonFigure& out) const noexcept;

  /// Whether the reader answers anything at all (false when the options read
  /// numbers otherwise than the English way, e.g. `--locale de`).
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }

 private:
  // Where a word may stand; a word is kept in a position only where the samples agree.
  enum Form : std::uint8_t {
    before_attached = 1,  // `£1`, `~1`
    before_spaced = 2,    // `GBP 1`, `about 1`
    after_attached = 4,   // `1€`, `1bn`
    after_spaced = 8,     // `1 euros`, `1 billion`, `1 per share`
  };
  struct Word {
    std::string text;
    std::uint8_t forms = 0;
    Currency currency;                          // markers
    int exponent = 0;                           // scales
    V2Qualifier qualifier = V2Qualifier::exact;  // hedges
    Per per = Per::whole;                       // per-share phrases
    bool bare_dollar = false;
    CurrencySource source = CurrencySource::explicit_;  // how read_v2_figure decided its currency
  };
  // Words by their first byte, longest first; ISO codes (three capitals) by
  // their number in 26^3 (a list per byte would hold a dozen of them).
  struct Table {
    std::vector<Word> words;
    std::array<std::vector<std::uint16_t>, 256> by_first;
    std::vector<std::uint16_t> codes;
    void index();
    // The longest word in `form` at `at` followed by a byte `boundary` accepts; null if none.
    template <class Boundary>
    const Word* match(std::string_view s, std::size_t at, std::uint8_t form, Boundary boundary) const noexcept;
  };

  bool enabled_ = false;
  Table markers_, scales_, hedges_, pers_;
  bool sign_first_ = false;  // `-USD 1`, `-1 USD`, `−$1`
  bool wide_spaces_ = false; // U+00A0, U+202F, U+2009 read as a space wherever one may stand
};

}  // namespace finmetrics::detail
