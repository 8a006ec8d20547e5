#pragma once
// The representation behind `Lexicon`: rows as read from the CSV files, each
// table with an exact and a case-folded index.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "finmetrics/lexicon/lexicon.hpp"
#include "word_index.hpp"

namespace finmetrics {

struct Lexicon::Tables {
  // Currency markers: the listed ones, the ISO codes (exact, upper case) and,
  // after a number only, the ISO codes in lower case.
  std::vector<CurrencyMarker> markers;
  lexicon_detail::WordIndex marker_exact;
  lexicon_detail::WordIndex marker_folded;
  lexicon_detail::WordIndex iso_lower;
  int max_currency_words = 1;

  std::vector<std::string> family_names{""};  // 0 = no family
  std::vector<std::vector<Currency>> family_members{{}};
  std::vector<std::optional<Currency>> family_defaults{std::nullopt};

  std::vector<Scale> scales;
  lexicon_detail::WordIndex scale_exact;
  lexicon_detail::WordIndex scale_folded;
  int max_scale_words = 1;

  std::vector<Qualifier> qualifiers;
  lexicon_detail::WordIndex qualifier_folded;
  int max_qualifier_words = 1;
  std::array<bool, 256> qualifier_starts{};

  std::vector<NumberWord> numbers;
  lexicon_detail::WordIndex number_folded;

  std::vector<NumberLocale> locales;
  lexicon_detail::WordIndex locale_folded;

  std::vector<Cue> cues;
  std::vector<std::vector<std::uint32_t>> cue_groups;  // rows of one phrase
  lexicon_detail::WordIndex cue_folded;                // phrase -> group
  int max_cue_words = 1;
};

}  // namespace finmetrics
