#pragma once
// The extractor's context reader (entity, segment, metric, period, direction)
// and the words around a figure. Not public API.

#include <string_view>

#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics::extract_detail {

/// Sets `before` and `after`: up to six words either side of the figure, on its line.
void fill_words_around(std::string_view text, ExtractedFigure& figure);

/// Sets each figure's `context` from its sentence, its neighbours and `out.article_date`.
void read_context(std::string_view text, Extraction& out);

}  // namespace finmetrics::extract_detail
