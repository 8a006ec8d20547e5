#pragma once
// The extractor's context reader (entity, segment, metric, period, direction)
// and the words around a figure. Not public API.

#include <span>
#include <string_view>

#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics::extract_detail {

class ArticleCues;
class SentenceIndex;

/// Sets `before` and `after`: up to six words either side of the figure, on its line.
void fill_words_around(std::string_view text, ExtractedFigure& figure);

/// Sets each figure's `context` from its sentence, its neighbours, the cues of
/// `options.parse.lexicon` (or the built-in one), `options.issuers` and
/// `out.article_date`. Linear in the text and the number of figures: every cue
/// is found in one pass (`cues`, the text's scan, shared with the currency
/// resolution), and each figure looks only at the cues of a bounded window of
/// its sentence.
void read_context(std::string_view text, const SentenceIndex& sentences, ArticleCues& cues,
                  const ExtractOptions& options, Extraction& out);

}  // namespace finmetrics::extract_detail
