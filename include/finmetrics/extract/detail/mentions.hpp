#pragma once
// The companies a text mentions and which one a figure is about: shared by the
// context reader (the entity guess) and the currency resolution of a bare `$`
// (the document's `HK$` carries over to a figure about the same company only).
// Not public API.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/extract/detail/cue_index.hpp"
#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

namespace finmetrics::extract_detail {

/// Keeps, in place and in order, the mentions among `entity` hits (issuer names and
/// runs of capitalised words, in text order) that name a company of their own: not a name followed by a descriptor
/// (`Alibaba affiliate Ant Group`), not one that belongs to the name before it
/// (`Alibaba's Wu`), not a single letter (`R&D`), and not a name of one word that is a
/// capitalised compound with a lower-case second part (`Third-quarter`, `Full-year`:
/// a sentence's first word) or a `metric_modifier` cue of `lexicon` (`Consolidated
/// net profit`, `Basic earnings per share`).
void keep_company_mentions(std::string_view text, const Lexicon& lexicon, std::vector<CueHit>& entity,
                           std::span<const CueHit> entity_descriptor);

/// The mention a figure is about: the nearest within `window` bytes inside its
/// sentence (`in_sentence`), else the last one that ends before the sentence,
/// at most 600 bytes before it. `hit` is null when there is none.
struct MentionPick {
  const CueHit* hit = nullptr;
  bool in_sentence = false;
};
MentionPick mention_for(std::span<const CueHit> mentions, TextSpan figure, TextSpan sentence, std::size_t window);

}  // namespace finmetrics::extract_detail
