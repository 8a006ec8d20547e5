#pragma once
/// \file
/// The built-in lexicon's files, compiled in from data/lexicon/*.csv at build time
/// (cmake/finmetricsLexicon.cmake), and the words one of them lists: the candidates
/// the compiled readers (`FigureReader`, normalize's lean reader) learn their words from.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::detail {

extern const Lexicon::Source builtin_lexicon_sources[];
extern const std::size_t builtin_lexicon_source_count;

/// Column 0 of the built-in file `file` (`currencies.csv`, ...), without its header
/// and its `#` comment lines; empty for a file the set does not hold.
[[nodiscard]] std::vector<std::string> builtin_lexicon_words(std::string_view file);

}  // namespace finmetrics::detail
