#pragma once
/// \file
/// `parse_figure`: the general reader of quoted figures (`Rmb81bn`,
/// `26.549 billion yuan`, `HK$140.9 per share`, `nearly 60%`, `$3bn-$4bn`).
/// The grammar is in docs/figures.md.

#include <string>
#include <string_view>

#include "finmetrics/currency/alias.hpp"
#include "finmetrics/error.hpp"
#include "finmetrics/parse/qualifier.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

namespace finmetrics {

class Lexicon;

/// What the text alone does not say.
struct ParseOptions {
  /// The words to read (currency markers, scales, hedges); null: `Lexicon::builtin()`.
  /// Not owned: it must outlive the calls.
  const Lexicon* lexicon = nullptr;
  /// How to read `$`, `dollars` and `¥`.
  CurrencyContext currency;
  /// Copied into the result, where `QuotedFigure::interval()` uses them.
  HedgeTolerances tolerances;
  /// Whether lower-case words after the number that name no unit read as a count
  /// (`1.2 billion shares`, `900 million annual active consumers`); when false
  /// they are an error ("unknown unit 'shares'").
  bool count_nouns = true;
  /// How numbers are written (`de`: `1.234,5`; `fr`: `1 234,5`; `en-IN`: `1,23,456`),
  /// a locale of the lexicon's `locales.csv`. Empty: the English way, and a
  /// number another locale reads otherwise (`45,00`, `1.234.567`, `1.234` with
  /// no scale) is an `ambiguous` error, never a guess.
  std::string locale;
  /// normalize-v2's rule that a figure has exactly one currency marker: a code
  /// or sign followed by a `$` of its family (`NZD $9.6m`, `USD $5bn`) is then
  /// "two currency markers", an error. When false (the default) the `$` only
  /// adds its unit and the code decides (`NZD $100.70` is NZD 100.70). A
  /// country prefix before `$` (`US $5`) is one marker either way.
  bool one_marker = false;
};

/// Reads `text` as exactly one figure, optionally preceded by hedge words and
/// surrounded by white space. Errors carry the 0-based byte offset of the problem
/// in `Error::position`: `syntax` (malformed number, stray character, two
/// currency markers), `unknown_currency`, `ambiguous` (`¥` or `$` without
/// context), `overflow` (more than 38 significant digits), `currency_mismatch`
/// (range ends in different currencies).
///
/// Allocates nothing beyond the result on the common path.
[[nodiscard]] Result<QuotedFigure> parse_figure(std::string_view text, const ParseOptions& options = {});

}  // namespace finmetrics
