#pragma once
// Whether a number stands as a cell of a table row written as text (a PDF's or a
// release's statement lines: `Net loss (1,234.5) (987.0)`), for read_figure_at and the
// extractor: not public API.

#include <cstddef>
#include <string_view>

namespace finmetrics::parse_detail {

/// Whether `cell` (the byte of a number's first digit, or of the bracket before it)
/// starts one of the number cells that end its line, after a label: the line is words
/// (the last ending in a letter), then two or more cells and nothing else, each cell a
/// number with digits, `,` and `.` only, in brackets or not, with a `%` or not, or a
/// dash for nil; cells apart by spaces, tabs, `|` or `;` (an HTML row
/// as the extractor decodes it: `ECL ; (720) ; (431)`). In such a row a bracket is an
/// accounting negative, not an aside ("Revenue rose to 5,000 (4,500)." ends in a full
/// stop: a sentence, no row).
[[nodiscard]] bool table_row_cell(std::string_view text, std::size_t cell) noexcept;

}  // namespace finmetrics::parse_detail
