#include "finmetrics/extract/extract_figures.hpp"

#include <algorithm>

#include "figure_scanner.hpp"
#include "working_memory.hpp"
#include "finmetrics/extract/detail/article_cues.hpp"
#include "finmetrics/extract/detail/context.hpp"
#include "finmetrics/extract/detail/scan_paths.hpp"
#include "finmetrics/extract/detail/sentences.hpp"

// A scan over the bytes (no regex). It finds where a figure may be (a digit, a
// number word of the lexicon, or a word form), looks back for what the grammar
// allows before it (figure_start_before) and reads the figure in place with the
// library's grammar (read_figure_at): no vocabulary of its own for currencies,
// scales or hedges. It rejects what is not a figure in context (years, dates,
// fiscal names, model names, durations, ordinals, plain numbers) and reads count
// nouns. A candidate that does not read is skipped and reported, never guessed.
// The scanner is in figure_scanner.hpp and the files it lists.

namespace finmetrics {

std::string_view to_string(FigureKind k) noexcept {
  switch (k) {
    case FigureKind::money: return "money";
    case FigureKind::per_share: return "per_share";
    case FigureKind::unit_price: return "unit_price";
    case FigureKind::percent: return "percent";
    case FigureKind::percentage_points: return "percentage_points";
    case FigureKind::multiple: return "multiple";
    case FigureKind::count: return "count";
    case FigureKind::number: return "number";
    case FigureKind::record: return "record";
  }
  return "number";
}

namespace {

// A sentence longer than `max_sentence` bytes (a text without full stops) is cut
// to the words within `max_sentence / 2` bytes of the figure, so that what is
// written per figure stays bounded and the output linear in the text.
constexpr std::size_t max_sentence = 800;
TextSpan bounded_sentence(std::string_view s, TextSpan sentence, TextSpan figure) {
  if (sentence.size() <= max_sentence) return sentence;
  const std::size_t half = max_sentence / 2;
  std::size_t b = figure.begin > sentence.begin + half ? figure.begin - half : sentence.begin;
  std::size_t e = std::min(sentence.end, figure.end + half);
  // Whole words and whole code points: move to the next (previous) space.
  while (b > sentence.begin && b < figure.begin && s[b - 1] != ' ') ++b;
  while (e < sentence.end && e > figure.end && s[e] != ' ') --e;
  return TextSpan{b, std::max(e, figure.end)};
}

}  // namespace

Extraction extract_figures(std::string_view text, const ExtractOptions& options) {
  return extract_detail::extract_figures(text, options, extract_detail::ScanPaths::fast);
}

Extraction extract_detail::extract_figures(std::string_view text, const ExtractOptions& options, ScanPaths paths) {
  Extraction out;
  const Lexicon& lexicon = options.parse.lexicon ? *options.parse.lexicon : Lexicon::builtin();
  // The sentences and the cue scan are the text's, read once for the currency of a
  // bare `$` and for the context (the scan only when one of them needs it).
  const extract_detail::SentenceIndex sentences(text, lexicon);
  extract_detail::ArticleCues cues(text, lexicon, options.issuers);
  // The figures of a long text on 2-MB pages (working_memory.hpp), reserved as the
  // scanner reserves its reads: a figure every 512 bytes, at most max_figures. A short
  // text's are reserved by the scanner once their number is known.
  std::size_t expected = text.size() / 512 + 16;
  if (options.max_figures != 0) expected = std::min(expected, options.max_figures + 1);
  if (expected * sizeof(ExtractedFigure) >= extract_detail::huge_pages_least) {
    extract_detail::reserve_on_huge_pages(out.figures, expected);
  }
  extract_detail::Scanner(text, options, paths).run(out, sentences, cues);
  out.article_date = options.article_date ? options.article_date : find_article_date(text, lexicon);
  for (auto& f : out.figures) {
    f.sentence = bounded_sentence(text, sentences.span(sentences.index_of(f.span.begin)), f.span);
    extract_detail::fill_words_around(text, f);
  }
  if (options.context) extract_detail::read_context(text, sentences, cues, options, out);
  return out;
}

}  // namespace finmetrics
