#pragma once
/// \file
/// `read_figure_at`: the figure that starts at a position of running text (an
/// article), read by the grammar of `parse_figure` (one grammar, one lexicon),
/// with its spans placed in the whole text; and `figure_start_before`: where a
/// figure whose number starts at a position may begin, with the hedge, sign and
/// currency markers written before the number (`north of $34 billion`,
/// `US$34.5bn`, `USD 5bn`, `(S$ 544m)`, `人民币500亿`).

#include <cstddef>
#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

namespace finmetrics {

/// Whether `X-Y` and `X to Y` are read as one range.
enum class RangeReading {
  joined,  ///< `5-7%`, `$3bn-$4bn`, `3 to 4 billion yuan` are one figure
  dashed,  ///< `X-Y` is one figure, `to` ends it at X (after `from` or a verb of change:
           ///< `rose 0.4% to 8,250.3`, `from 3% to 4%` are two figures)
  apart,   ///< any separator ends the figure at X
};

/// The longest figure that starts at byte `pos` of `text`: what `parse_figure`
/// reads, except that the figure may be followed by more text, which ends it at
/// the first piece that is not part of a figure (`$5bn on capex` is `$5bn`).
/// The figure's `span`, `currency_span` and `qualifier_span` are offsets into
/// `text`. Reads only the line of `pos`, and at most 256 bytes of it: linear
/// time for a scan over a text.
///
/// Errors are those of `parse_figure` (`Error::position` an offset into `text`,
/// `Error::input` the part of the line that was read), and `syntax` when the
/// figure is glued to what follows it (`5bnx`, an invisible character inside a
/// number as in `$5\u200d0bn`: never read as `$5`).
[[nodiscard]] Result<QuotedFigure> read_figure_at(std::string_view text, std::size_t pos,
                                                  const ParseOptions& options = {},
                                                  RangeReading ranges = RangeReading::joined);

/// Where a figure whose number (or number word) starts at byte `number` may
/// begin: before it, on the same line, what the grammar allows there.
struct FigureStart {
  /// Signs, `(` and up to two currency markers of the lexicon, glued to the
  /// number or apart from it (`US$`, `Rs.`, `NZD $`, `(S$ `, `人民币`, a lower-case
  /// dollar prefix written apart as in `hk $`); `number` when none.
  std::size_t marked = 0;
  /// `marked`, extended by a hedge phrase of the lexicon (`in the region of`,
  /// `~`, `a near`) and `between`.
  std::size_t hedged = 0;
};

/// In running text a currency name spelled as a word in any case (`won`,
/// `real`, `pound`) is a marker only after the number: before one it is more
/// often an English word ("Acme won 3 contracts"). A family word, which names
/// no currency by itself (`dollar 22.5 million`), may stand before it.
[[nodiscard]] FigureStart figure_start_before(std::string_view text, std::size_t number,
                                              const ParseOptions& options = {});

}  // namespace finmetrics
