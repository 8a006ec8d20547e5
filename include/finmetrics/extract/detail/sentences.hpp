#pragma once
// Every sentence of a text, found once, so that the extractor finds a figure's
// sentence by binary search instead of rescanning its line (linear time on
// one-line texts). Not public API.

#include <cstddef>
#include <string_view>
#include <vector>

#include "finmetrics/lexicon/lexicon.hpp"
#include "finmetrics/parse/quoted_figure.hpp"

namespace finmetrics::extract_detail {

/// The sentences of a text by the rule of `sentence_around`, in order.
class SentenceIndex {
 public:
  /// `lexicon`: its `abbreviation` cues, after which a full stop ends no sentence.
  SentenceIndex(std::string_view text, const Lexicon& lexicon);

  /// The index of the sentence that holds byte `pos`.
  [[nodiscard]] std::size_t index_of(std::size_t pos) const;
  /// The sentence (surrounding white space excluded), as `sentence_around` gives it.
  [[nodiscard]] TextSpan span(std::size_t index) const { return spans_[index]; }
  [[nodiscard]] std::size_t size() const noexcept { return spans_.size(); }

 private:
  std::vector<std::size_t> starts_;  // first byte of each sentence's raw range
  std::vector<TextSpan> spans_;
};

}  // namespace finmetrics::extract_detail
