#pragma once
// The representation behind `Lexicon`: rows as read from the CSV files, each
// table with an exact and a case-folded index.

#include <array>
#include <cstdint>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "finmetrics/lexicon/lexicon.hpp"
#include "word_index.hpp"

namespace finmetrics {

// What the currency-marker and scale indexes hold for one word in any case, so
// that one look-up of a word answers `currency_marker`, `currency_marker_after_number`
// and `scale` (each of which asks an exact, a folded and a lower-case ISO index in
// turn) and says whether a phrase of several words starts with it. For the figure
// parser's front path (src/parse/figure_front.cpp).
struct WordHits {
  struct Written {
    std::string key;  // normalised, case as written
    std::uint32_t row;
  };
  std::vector<Written> marker_exact, iso_lower, scale_exact;
  std::int32_t marker_folded = -1, scale_folded = -1;
  bool starts_marker_phrase = false;  // the first word of a marker of several words ("Hong Kong dollars")
  bool starts_scale_phrase = false;   // the first word of a scale of several words ("lakh crore")
};

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

  // The markers' and scales' indexes by folded word (built from the ones above by
  // index_words, once they are complete).
  std::int32_t dollar_family = -1;  // the family named "dollar", if any (the one whose default is never certain)
  std::vector<WordHits> word_hits;
  lexicon_detail::WordIndex word_folded;
  void index_words();

  /// What the tables hold for `text` in any case (nullptr: nothing, and no phrase
  /// starts with it); the answers below are those of the Lexicon's look-ups of the
  /// same `text`.
  [[nodiscard]] const WordHits* hits(std::string_view text) const noexcept {
    const std::uint32_t* i = word_folded.find(text, true);
    return i != nullptr ? &word_hits[*i] : nullptr;
  }
  [[nodiscard]] const CurrencyMarker* marker(const WordHits& h, std::string_view text) const noexcept;  // currency_marker
  [[nodiscard]] const CurrencyMarker* marker_after(const WordHits& h, std::string_view text) const noexcept;
  [[nodiscard]] std::optional<Scale> scale(const WordHits& h, std::string_view text) const noexcept;

  /// The tables of a lexicon (for the figure parser, which is part of the library).
  [[nodiscard]] static const Tables& of(const Lexicon& lexicon) noexcept { return *lexicon.t_; }
};

}  // namespace finmetrics
