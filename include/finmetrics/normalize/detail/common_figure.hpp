#pragma once
// A lean reader of the commonest figure forms, for normalize's per-row path: a
// plain money amount with one marker (`Rmb81bn`, `US$34.5bn`, `HK$140.9 per share`,
// `GBP 1,234.5 million`, `380 billion yuan`, `5bn USD`), read without allocating
// and without a lexicon look-up per word. It answers only where `parse_figure`
// reads the text the same way and says "not mine" for everything else (hedges,
// ranges, signs, other markers, spaces, other scales), which `parse_figure` then
// reads: the v2 cells are the same either way (a test compares both on the v1 and
// v2 corpora and on hand-picked and near-miss figures).
//
// Nothing of it is a second vocabulary: every marker and scale it knows is checked
// against `parse_figure` with the caller's options when the reader is built, and
// one that `parse_figure` reads otherwise is left to `parse_figure`.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/detail/int128.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/unit/unit.hpp"

namespace finmetrics::detail {

/// A figure the lean reader read: value = mantissa x 10^exponent (mantissa < 10^18).
struct CommonFigure {
  std::uint64_t mantissa = 0;
  int exponent = 0;
  Currency currency;
  Per per = Per::whole;
  bool bare_dollar = false;  ///< the currency is the context's `$` (`--dollar`), not the figure's own marker
};

class CommonFigureReader {
 public:
  /// Builds the marker tables for `options` (a few thousand look-ups and a few
  /// hundred `parse_figure` calls: once per Normalizer).
  explicit CommonFigureReader(const ParseOptions& options);

  /// Reads `text` when it is one of the common forms; false: not one of them
  /// (nothing is said about whether `parse_figure` reads it).
  [[nodiscard]] bool read(std::string_view text, CommonFigure& out) const noexcept;

  /// Whether the reader answers anything at all (false when the options read
  /// numbers otherwise than the English way, e.g. `--locale de`).
  [[nodiscard]] bool enabled() const noexcept { return enabled_; }

  /// How `parse_figure` decides the currency of a bare `$` with these options
  /// (`option` under `--dollar`, else `default`): the source of every figure read
  /// with `bare_dollar` set.
  [[nodiscard]] CurrencySource bare_dollar_source() const noexcept { return bare_dollar_source_; }

 private:
  static constexpr std::uint16_t none = 0xFFFF;
  struct Marker {
    std::string_view text;  // as written, its leading space included for a suffix
    Currency currency;
    bool usable = false;
  };
  struct ScaleToken {
    std::string_view text;  // attached (`bn`) or spaced with its space (` billion`)
    int exponent = 0;
    bool usable = false;
  };

  // An ISO code (three capitals) before the number with a space or after it with
  // one, by its number in 26^3; the index of its currency in codes_, or none.
  [[nodiscard]] const Currency* code_at(std::string_view text, std::size_t at, bool prefix) const noexcept;

  bool enabled_ = false;
  CurrencySource bare_dollar_source_ = CurrencySource::default_;
  std::vector<Currency> codes_;
  std::vector<std::uint16_t> prefix_code_;  // 26^3 slots
  std::vector<std::uint16_t> suffix_code_;  // 26^3 slots
  std::array<Marker, 5> prefixes_;          // $ US$ HK$ € Rmb
  std::array<Marker, 4> suffixes_;          // the words of normalize-v1
  std::array<ScaleToken, 9> scales_;        // k m mn bn tn, thousand million billion trillion
  bool per_share_ = false;                  // ` per share`
};

}  // namespace finmetrics::detail
