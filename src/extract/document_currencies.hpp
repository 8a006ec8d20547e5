#pragma once
// What the whole document says of the currency of each bare `$`, `¥` or cents read
// in it, for figures_from_candidates.cpp (private to src/extract).

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "currency_from_text.hpp"
#include "document_dollar.hpp"
#include "figure_scanner.hpp"

namespace finmetrics::extract_detail {

/// A money figure whose currency follows the reading of `$` (or `¥`) is bare in that
/// family, resolved once the whole text has been read.
enum class Bare { no, dollar, yen };

/// A candidate and its reading (with the probe currency for a bare sign).
struct Read {
  Candidate c;
  Result<QuotedFigure> parsed;
  Bare bare = Bare::no;
};

/// A word form with no number (`billions of dollars`): no reading of its own.
inline bool vague(const Candidate& c) { return c.word_form && !c.rewritten && !c.reading; }

/// The explicit markers of a family in the document, and which currency they name.
struct Family {
  std::optional<Currency> only;  // the one currency all explicit markers name
  bool mixed = false;
  std::vector<std::size_t> at;  // reads that carry an explicit marker of the family
};

class DocumentCurrencies {
 public:
  DocumentCurrencies(std::string_view s, const Lexicon& lexicon, const ExtractOptions& options, std::vector<Read>& reads,
                     const SentenceIndex& sentences, ArticleCues& cues);

  CurrencyEvidence evidence_for(const Family& fam, std::size_t k) const;
  bool translates(std::size_t k, Currency c, bool dollar) const;
  std::optional<Currency> foreign_currency(std::size_t k) const;
  bool foreign_line(std::size_t k) const;
  const DollarMarker* marker_of_place(std::size_t k);
  std::optional<Currency> yen_in_paragraph(std::size_t k);
  bool prose_agrees(Currency c);
  const std::optional<CurrencyEvidence>& yen_place();
  bool minor_unit(const Read& r) const;
  bool dollar_named();
  bool dollar_on_line(std::size_t k) const;
  bool cents_elsewhere();
  /// "its shares fell 35 cents to HK$92.50": the explicit dollar amount (written with a
  /// dollar sign) that read k's bare cents move to in their sentence, only `cents_link`
  /// words (`, or 0.4%, to`) between them, as evidence; nullopt otherwise.
  [[nodiscard]] std::optional<CurrencyEvidence> dollar_moved_to(std::size_t k) const;
  /// The amount written with a dollar sign, explicit (`HK$92.50`) or bare (`$44.10`),
  /// that read k's bare cents move to in their sentence (as dollar_moved_to); nullptr otherwise.
  [[nodiscard]] const Read* moved_to(std::size_t k) const;
  /// The local dollar of a text written in a press that marks the US dollar after its
  /// sign (`press_dollar` cues: `$US13.7 billion` is the Australian and New Zealand
  /// press's, whose bare `$` is their own dollar), with the first such figure as
  /// evidence: the cue's first currency, or the one other of its list the text names
  /// (`NZ$`, `New Zealand dollars`, a `WELLINGTON -` dateline). `press_mixed()` when it
  /// names several of them; nullopt (and not mixed) in a text without such a marker.
  [[nodiscard]] const std::optional<CurrencyEvidence>& press_dollar();
  /// Whether read k's line (a paragraph) holds money in a currency outside the yen
  /// family, explicit or a bare `$` ("Toyota ... ¥4.7 trillion ($31.2 billion)" in a
  /// roundup whose yuan markers are another paragraph's): there a bare `¥` is not
  /// resolved by the document's markers elsewhere.
  [[nodiscard]] bool other_money_on_line(std::size_t k) const;
  /// In a text whose dollar markers disagree: the one dollar the markers (written with a
  /// sign) of read k's line name, when the line holds no bare `$` amount, with the
  /// nearest as evidence ("SINGAPORE - DBS earned S$11.4 billion, and paid 54 cents a
  /// share" is SGD's cents beside an HK$ paragraph); nullopt otherwise.
  [[nodiscard]] std::optional<CurrencyEvidence> dollar_of_line(std::size_t k) const;
  [[nodiscard]] bool press_mixed() {
    (void)press_dollar();
    return press_mixed_;
  }
  static const std::optional<CurrencyEvidence>& no_evidence() {
    static const std::optional<CurrencyEvidence> none;
    return none;
  }
  const std::vector<Currency>& named();
  const std::vector<ExplicitMoney>& explicit_money();

  /// The currency of the yen places of read k's paragraph (a line: `TOKYO --`), with the
  /// first as evidence, when no word of the paragraph names the other (`yuan`); nullopt
  /// when it names no place, places of both, or a word of the other.
  [[nodiscard]] std::optional<CurrencyEvidence> yen_words_of_paragraph(std::size_t k) const;
  /// Whether prose_agrees found a word of another currency of the yen family.
  [[nodiscard]] bool prose_named_other() const { return prose_checked && !*prose_checked; }

  Family dollars, yens;
  /// The yen and yuan markers of one line (a paragraph), read by yen_in_paragraph.
  Family yen_paragraph_;
  /// Whether the document's dollar reaches a bare `$` beside the places and companies of
  /// the text (document_dollar.hpp): set up when the text has dollar markers.
  std::optional<DocumentDollar> document_dollar;
  /// The same over the yen family's markers, when they name one currency: whether the
  /// company a bare `¥` of another paragraph is about is named beside one of them.
  std::optional<DocumentDollar> document_yen;
  /// An explicit currency outside the dollar family.
  std::optional<Currency> other_named;
  /// The line (its first byte) each read starts on.
  std::vector<std::size_t> line_of;

 private:
  std::string_view s_;
  const Lexicon& lexicon_;
  const SentenceIndex& sentences_;
  std::vector<Read>& reads;
  // The lines whose explicit money names another currency than a dollar and no dollar
  // sign: line starts, ascending, and the other currency.
  std::vector<std::pair<std::size_t, Currency>> foreign_lines;
  std::size_t yen_line = std::string_view::npos;  // the line yen_paragraph_ holds (read once per line)
  // Read once when asked: whether no word of the text names another currency of the
  // yen family; the yen place of a text that writes no yen or yuan out; whether a
  // dollar is named; whether another currency counts in cents; the currencies the words
  // name; the explicit money.
  std::optional<bool> prose_checked;
  std::optional<std::optional<CurrencyEvidence>> yen_place_;
  std::optional<std::optional<CurrencyEvidence>> press_dollar_;
  static constexpr std::size_t npos_read = static_cast<std::size_t>(-1);
  std::size_t press_at_ = npos_read;  // the first read whose marker is a `press_dollar` cue
  const Cue* press_cue_ = nullptr;
  bool press_mixed_ = false;
  std::optional<bool> dollar_named_;
  // The lines that hold a dollar amount other than cents (`$1.62`, `HK$5`, `dollars`), ascending.
  std::vector<std::size_t> dollar_lines;
  std::optional<bool> cents_elsewhere_;
  std::optional<std::vector<Currency>> named_;
  std::optional<std::vector<ExplicitMoney>> explicit_money_;
};

}  // namespace finmetrics::extract_detail
