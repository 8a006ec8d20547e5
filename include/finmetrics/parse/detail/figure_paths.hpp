#pragma once
// The two routes of parse_figure through its one grammar (src/parse/figure_front.cpp):
// the front path for the commonest shapes and the general reader. For the
// differential test and the fuzz target that prove them equal: not public API.

#include <cstdint>
#include <optional>
#include <string_view>

#include "finmetrics/error.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

namespace finmetrics::parse_detail {

enum class FigurePaths : std::uint8_t {
  both,          ///< parse_figure: the front path, else the general reader
  front_only,    ///< the front path alone: no answer where it does not read the figure
  general_only,  ///< the general reader alone
};

/// `parse_figure(text, options)` by the routes `paths` allows; nullopt only for
/// `front_only` when the front path leaves the figure to the general reader.
[[nodiscard]] std::optional<Result<QuotedFigure>> parse_figure_by(std::string_view text, const ParseOptions& options,
                                                                  FigurePaths paths);

}  // namespace finmetrics::parse_detail
