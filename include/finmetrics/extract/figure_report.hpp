#pragma once
/// \file
/// Writing extracted figures: a table for people, JSON, and the claims CSV that
/// `finmetrics check` reads (header of data/alibaba/claims.csv).

#include <string>
#include <string_view>

#include "finmetrics/extract/article_text.hpp"
#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics {

/// A fixed-width table, one line per figure: index, span, kind, figure, value,
/// unit, interval, entity, metric, period, direction.
[[nodiscard]] std::string figures_table(const Extraction& extraction, std::string_view text);

/// A JSON object `{"article_date": ..., "input": {"format", "spans",
/// "invalid_bytes_replaced"}, "figures": [...], "skipped": [...]}`, one figure a
/// line, written with nlohmann-json: always valid UTF-8 (an invalid byte in
/// `text` is written as U+FFFD). Each figure: `id`, `begin`, `end` (byte offsets
/// into `text`), `text`, `kind`, `word_form`, `value`, `upper`, `unit`,
/// `qualifier`, `interval`, `linked`, `currency`, `currency_source` (`explicit`,
/// `document`, `option`, `default`; null when not money), `currency_certain`,
/// `currency_evidence` (`marker`, `begin`, `end`, `currency`: for `document`),
/// `number_locale` (`locale`, `source`, `evidence`, `begin`, `end`: for a figure
/// whose value the text's way of writing numbers decided; else null), `sentence`, `before`, `after`, `context` (`entity`, `segment`, `metric`,
/// `period`, `direction`: each `value`, `confidence`, `evidence`).
[[nodiscard]] std::string figures_json(const Extraction& extraction, std::string_view text,
                                       const ArticleInfo& article = {});

/// A draft claims file (header `claims_csv_header` of claims/claim.hpp, LF line ends): one row per figure except
/// records, ids `E1`.. in text order, `document` the file name, `quote` the
/// sentence, `figure` the text (without a hedging verb such as `exceeding`, which
/// the checker reads from the quote), entity, segment and period from the context
/// when known (empty otherwise), `metric` from the context or `other` (the checker
/// needs one), `as_of` the article date (or empty),
/// `converts:E<n>` for the second figure of a linked pair, and `notes` saying
/// the row is a draft with the figure's kind, value, unit and the confidences.
[[nodiscard]] std::string draft_claims_csv(const Extraction& extraction, std::string_view text,
                                           std::string_view document);

}  // namespace finmetrics
