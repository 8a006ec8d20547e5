#pragma once
/// \file
/// Writers of a `CheckResult`: a text report (summary table first, then each
/// finding with its arithmetic), Markdown, JSON, and a self-contained HTML page
/// with charts.

#include <string>

#include "finmetrics/check/checker.hpp"
#include "finmetrics/check/reference_data.hpp"
#include "finmetrics/claims/claim.hpp"

namespace finmetrics {

/// The readable report: sources, counts by verdict, one line per claim, the rows
/// that were not loaded, then every finding with its quote, arithmetic and data.
[[nodiscard]] std::string format_text_report(const CheckResult& result, const ClaimSet& claims);
/// The same content as Markdown (tables and fenced arithmetic).
[[nodiscard]] std::string format_markdown_report(const CheckResult& result, const ClaimSet& claims);
/// One JSON object: `claims_file`, `data_files`, `fx_source`, `summary` (counts by
/// verdict), `claims` (id, figure, metric, verdict, reason, findings), `findings`
/// (id, kind, title, subject, claims, stated, verdict, reading, claimed and
/// computed intervals as strings, gap, arithmetic, data, missing), `row_errors`
/// (line, message). Interval ends are exact decimals.
[[nodiscard]] std::string format_json_report(const CheckResult& result, const ClaimSet& claims);
/// One self-contained HTML page (inline CSS and SVG, nothing fetched; readable
/// without JavaScript, sortable and filterable with it): the summary, a table
/// with one row per claim, then each finding with its quotes, arithmetic, data
/// and a chart drawn from `data`: the price (or market cap) over the claim's
/// window for price and market-cap findings, the reported series for growth,
/// margin and reported figures, the FX rate for conversions.
[[nodiscard]] std::string format_html_report(const CheckResult& result, const ClaimSet& claims, const ReferenceData& data);

}  // namespace finmetrics
