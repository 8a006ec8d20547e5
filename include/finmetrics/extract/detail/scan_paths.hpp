#pragma once
// The extractor's fast paths, and the general path they are proven against. Not
// public API: extract_paths_test and fuzz_extract compare the two.

#include <string_view>

#include "finmetrics/extract/extract_figures.hpp"

namespace finmetrics::extract_detail {

/// `fast`: what `extract_figures` does, candidates that every reading refuses in
/// silence passed over unread (an article before a plain word). `general`: every
/// candidate read by the grammar. Both give the same extraction, byte for byte.
enum class ScanPaths { fast, general };

/// `extract_figures` by the paths named.
[[nodiscard]] Extraction extract_figures(std::string_view text, const ExtractOptions& options, ScanPaths paths);

}  // namespace finmetrics::extract_detail
