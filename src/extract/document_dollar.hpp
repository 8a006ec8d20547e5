#pragma once
// Whether the document's dollar reaches a bare `$`: the dollar that all the text's
// dollar markers name (`HK$`) is the currency of a bare `$` only where the text is
// about it. A place named beside the figure decides first (`In the US, Apple ... lost
// $70 billion` keeps the default dollar, `In Hong Kong, ...` the document's); then a
// dollar marker on the figure's own line (a paragraph); then the company the figure
// is about, which must be named in a paragraph that holds a marker (a US company's
// `$65.6 billion` right after a Hong Kong paragraph in HK$ keeps the default). Private
// to src/extract (figures_from_candidates.cpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finmetrics/currency/currency.hpp"
#include "finmetrics/extract/detail/article_cues.hpp"
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/extract/extract_figures.hpp"
#include "finmetrics/lexicon/lexicon.hpp"

namespace finmetrics::extract_detail {

/// A figure that carries a dollar marker (`HK$1.2bn`): its bytes and the start of its line.
struct DollarMarker {
  TextSpan span;
  std::size_t line = 0;
  Currency currency;
};

class DocumentDollar {
 public:
  /// `dollar`: the one currency the text's dollar markers name (none when they
  /// disagree); `markers`: those figures, in text order. `cues` is read (the company mentions) only when a figure
  /// needs it; `sentences` are the text's.
  DocumentDollar(std::string_view text, const Lexicon& lexicon, const ExtractOptions& options,
                 const SentenceIndex& sentences, ArticleCues& cues, std::optional<Currency> dollar,
                 std::vector<DollarMarker> markers);

  /// What the text says of the bare `$` figure at `figure`, on the line that starts at
  /// `line`: it takes the document's dollar, the reader's default, or it cannot be told
  /// (a paragraph whose dollar marker is about one company and the figure about
  /// another, with no place named: `Acme earned HK$50bn while Globex earned
  /// $20bn`; `conflict()` then says which companies).
  enum class Reach { document, default_, uncertain };
  [[nodiscard]] Reach reaches(TextSpan figure, std::size_t line);

  /// After `uncertain`: the marker of the figure's paragraph, the company it is about
  /// and the company the figure is about.
  struct Conflict {
    TextSpan marker;
    std::string marker_company, figure_company;
  };
  [[nodiscard]] const Conflict& conflict() const noexcept { return conflict_; }

  /// In a text whose dollar markers disagree (`US$` and `A$`): the marker nearest the
  /// figure (before, else after) of the dollar of the place named beside it, when that
  /// is not the default dollar and a marker names it ("In Australia, its shares fell to
  /// $18.42" is AUD; "In New York, ..." stays the default).
  [[nodiscard]] const DollarMarker* marker_of_place(TextSpan figure);

  /// The company the figure is about (the context reader's rule, mentions.hpp) when no
  /// line that holds a marker names it; nullopt when the figure is about none or about a
  /// company so named. The same question serves the yen family's markers (a bare `¥`
  /// about Toyota after a paragraph of Tencent's RMB is not Tencent's yuan).
  [[nodiscard]] std::optional<std::string> unmarked_company(TextSpan figure);

 private:
  [[nodiscard]] std::optional<Currency> place_in(TextSpan span) const;
  [[nodiscard]] std::optional<Currency> place_of_sentence(TextSpan sentence, std::size_t index);
  [[nodiscard]] TextSpan clause_of(TextSpan sentence, TextSpan figure) const;
  [[nodiscard]] std::optional<Currency> leading_place(TextSpan sentence, TextSpan figure) const;
  // The dollar of the place named beside a figure: in its sentence when that holds no
  // marker, else in its clause, else in a short first clause before it.
  [[nodiscard]] std::optional<Currency> place_beside(TextSpan figure);
  [[nodiscard]] bool about_named_company(TextSpan figure, TextSpan sentence);
  [[nodiscard]] std::optional<std::string> unmarked_company_in(TextSpan figure, TextSpan sentence);
  [[nodiscard]] Reach in_marker_paragraph(TextSpan figure, std::vector<DollarMarker>::const_iterator first);

  std::string_view s_;
  const Lexicon& lexicon_;
  const ExtractOptions& options_;
  const SentenceIndex& sentences_;
  ArticleCues& cues_;
  std::optional<Currency> dollar_;
  std::vector<DollarMarker> markers_;
  std::vector<std::pair<std::size_t, std::optional<Currency>>> places_;  // (sentence, its place's dollar)
  std::optional<std::vector<std::string>> named_;
  std::vector<std::pair<Currency, std::vector<const DollarMarker*>>> by_currency_;
  std::optional<std::vector<CueHit>> companies_;  // the mentions that name no place
  Conflict conflict_;  // the companies of the lines that hold a marker, sorted
};

}  // namespace finmetrics::extract_detail
