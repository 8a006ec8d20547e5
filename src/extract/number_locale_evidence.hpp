#pragma once
// How a text writes its numbers, read from the text itself when the caller gives no
// locale: a decimal dot written and no decimal comma means `en`. Private to src/extract
// (figures_from_candidates.cpp).

#include <optional>
#include <string_view>

#include "finmetrics/extract/extracted_figure.hpp"

namespace finmetrics::extract_detail {

/// The first number that writes a decimal dot, when the text writes no decimal comma.
std::optional<TextSpan> decimal_dot_evidence(std::string_view text);

/// Whether a figure writes a dot before exactly three digits (`RMB5.790`).
bool has_dot_three(std::string_view figure);

}  // namespace finmetrics::extract_detail
