#pragma once
// The currency a bare `¥` names in a text with no yen or yuan written out: the one the
// places it names agree on (`yen_place` cues: "Tokyo", "Japanese" name JPY; "Beijing",
// "Chinese" name CNY). A text that names places of both decides nothing. Private to
// src/extract (figures_from_candidates.cpp).

#include <optional>
#include <string_view>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/extract/extracted_figure.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::extract_detail {

/// The currency all the text's `yen_place` cues name, with the first of them as evidence;
/// nullopt when it names none, or places of two currencies.
std::optional<CurrencyEvidence> yen_place_of(std::string_view text, const Lexicon& lexicon);

}  // namespace finmetrics::extract_detail
