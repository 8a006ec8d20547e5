#pragma once
/// \file
/// `extract_figures`: every quoted figure in free UTF-8 text (an article), with
/// its span, its parsed value and unit, and the best reading of its context.
/// How the text is scanned and what is rejected is in docs/extraction.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finmetrics/error.hpp"
#include "finmetrics/extract/extracted_figure.hpp"
#include "finmetrics/parse/parse_figure.hpp"
#include "finmetrics/time/date.hpp"
#include "finmetrics/time/fiscal_calendar.hpp"

namespace finmetrics {

/// The names under which an issuer appears in text, for the context reader: an
/// issuer's profile (its aliases, segments and fiscal calendar), never a
/// compiled list. Without one, entities are the names the text gives.
struct IssuerNames {
  std::string name;                  ///< as claims and financials name it ("Acme")
  std::vector<std::string> aliases;  ///< other names in text ("Acme Holdings", a name in another script)
  struct Segment {
    std::string name;                  ///< "Cloud Intelligence Group"
    std::vector<std::string> aliases;  ///< "Acme Cloud", "cloud"
  };
  std::vector<Segment> segments;
  /// Quarters and fiscal years in its sentences are named in this calendar.
  std::optional<FiscalCalendar> calendar;
};

/// What the text alone does not say.
struct ExtractOptions {
  /// How figures are read: the lexicon, hedge tolerances, and the currency a bare
  /// `$` takes by default (`parse.currency.dollar`, USD).
  ParseOptions parse;
  /// The currency of a bare `$` (`--dollar HKD`) or `¥` (`--yen JPY`), whatever
  /// the text says. Unset: a bare sign takes the currency that explicit markers
  /// of its family elsewhere in the text name (`HK$` then `$580 million` is HKD),
  /// else `$` takes `parse.currency.dollar` and `¥` is refused.
  std::optional<Currency> dollar;
  std::optional<Currency> yen;
  /// The article's date, for relative periods (`this year`, `the December
  /// quarter`). When unset, `find_article_date` is tried on the text; when that
  /// finds nothing, relative periods stay unknown.
  std::optional<Date> article_date;
  /// Whether to read word forms (`triple-digit growth`, `doubled`, `billions of dollars`).
  bool word_forms = true;
  /// Whether to read the context (entity, metric, period, direction).
  bool context = true;
  /// Issuers whose names, segments and calendars the context reader knows.
  std::vector<IssuerNames> issuers;
  /// At most this many figures and refusals are read from one text (0: no limit).
  /// Memory grows with what is read (about 3 KB per figure while reading), so a
  /// hostile text (1 MB of `$5 `) is cut here, and the cut is reported: the rest
  /// of the text is `Extraction::unread_from` and a `skipped` entry says so. Real
  /// articles hold hundreds; the 50 MB soak of the seeds 68,000.
  std::size_t max_figures = 100000;
};

/// The figures of a text, in text order, and the candidates that looked like
/// figures but did not parse (each an `Error` placed in the whole text), which
/// are never reported as figures.
struct Extraction {
  std::vector<ExtractedFigure> figures;
  std::vector<Error> skipped;
  std::optional<Date> article_date;  ///< the date used for the context
  /// Where reading stopped at `ExtractOptions::max_figures` (a byte offset); the
  /// text from there on was not read. nullopt: the whole text was read.
  std::optional<std::size_t> unread_from;
};

/// Finds every figure in `text`. Never fails: what cannot be read is skipped and
/// listed in `Extraction::skipped`. Spans are byte offsets into `text`.
[[nodiscard]] Extraction extract_figures(std::string_view text, const ExtractOptions& options = {});

/// The article's date as the text states it: a URL path `/YYYY/MM/DD/`, or in the
/// first lines a date `Month D, YYYY`, `MM/DD YYYY` or `YYYY-MM-DD`. nullopt when
/// none is found (a day without a year is not a date). Month names and the words
/// that make a date a period's end (`Six Months Ended September 30`) are cues of
/// `lexicon` (`month`, `period_end`); without one, the built-in lexicon's.
[[nodiscard]] std::optional<Date> find_article_date(std::string_view text);
[[nodiscard]] std::optional<Date> find_article_date(std::string_view text, const Lexicon& lexicon);

/// The sentence around byte `pos`: bounded by line ends and by `.`, `!`, `?`
/// (and `。！？`) followed by white space, except after abbreviations (`U.S.`,
/// `Aug.`: the `abbreviation` cues of `lexicon`, else the built-in one's) and inside
/// numbers; surrounding white space excluded.
[[nodiscard]] TextSpan sentence_around(std::string_view text, std::size_t pos);
[[nodiscard]] TextSpan sentence_around(std::string_view text, std::size_t pos, const Lexicon& lexicon);

}  // namespace finmetrics
