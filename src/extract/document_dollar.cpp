#include "document_dollar.hpp"

#include <algorithm>

#include "finmetrics/extract/detail/mentions.hpp"
#include "finmetrics/extract/detail/text.hpp"

namespace finmetrics::extract_detail {

namespace {
// How far from a figure (in bytes, inside its sentence) its clause and its company may stand.
constexpr std::size_t window = 320;

bool same_name(std::string_view a, std::string_view b) {  // `Acme` and `Acme Holdings`
  if (a.size() > b.size()) std::swap(a, b);
  return b.substr(0, a.size()) == a && (a.size() == b.size() || b[a.size()] == ' ');
}
}  // namespace

DocumentDollar::DocumentDollar(std::string_view text, const Lexicon& lexicon, const ExtractOptions& options,
                               const SentenceIndex& sentences, ArticleCues& cues, std::optional<Currency> dollar,
                               std::vector<DollarMarker> markers)
    : s_(text), lexicon_(lexicon), options_(options), sentences_(sentences), cues_(cues), dollar_(dollar),
      markers_(std::move(markers)) {}

// The place a span names, by its dollar (`currency_place` cues: "In the US", "New
// York", "Wall Street" name USD, "Hong Kong" HKD), when it names one dollar only.
std::optional<Currency> DocumentDollar::place_in(TextSpan span) const {
  std::optional<Currency> found;
  bool several = false;
  const auto word_end = [&](std::size_t p) {
    while (p < span.end && (is_letter(s_[p]) || (s_[p] == '.' && p + 1 < span.end && is_letter(s_[p + 1])))) ++p;
    if (p < span.end && s_[p] == '.' && p > 0 && is_upper(s_[p - 1])) ++p;  // "U.S."
    return p;
  };
  for (std::size_t p = span.begin; p < span.end;) {
    if (!is_upper(s_[p]) || (p > span.begin && (is_letter(s_[p - 1]) || s_[p - 1] == '.'))) {
      ++p;
      continue;
    }
    // The longest phrase of up to three words here, written as the cue writes it.
    std::size_t e = p;
    std::size_t best = p;
    for (int n = 0; n < 3 && e < span.end; ++n) {
      e = word_end(e);
      const std::string_view phrase = s_.substr(p, e - p);
      if (const Cue* c = lexicon_.cue(phrase, "currency_place"); c != nullptr && c->phrase == phrase) {
        const Result<Currency> cur = Currency::from_code(c->value);
        if (cur) {
          if (found && *found != *cur) several = true;
          found = *cur;
          best = e;
        }
      }
      if (e >= span.end || s_[e] != ' ') break;
      ++e;
    }
    p = std::max(best, p + 1);
  }
  return several ? std::nullopt : found;
}

// Each sentence's place read once (the figures of a sentence come in a row).
std::optional<Currency> DocumentDollar::place_of_sentence(TextSpan sentence, std::size_t index) {
  if (places_.empty() || places_.back().first != index) places_.emplace_back(index, place_in(sentence));
  return places_.back().second;
}

// The clause around a figure (within its sentence, between ", " or "; ", at most 320
// bytes either side): "Acme's New York-listed shares rose 3% to $85.20, while its
// Hong Kong stock gained 2.5% to HK$83".
TextSpan DocumentDollar::clause_of(TextSpan sentence, TextSpan figure) const {
  std::size_t b = figure.begin;
  const std::size_t floor = std::max(sentence.begin, figure.begin > window ? figure.begin - window : 0);
  while (b > floor && !((s_[b - 1] == ',' || s_[b - 1] == ';') && b < s_.size() && s_[b] == ' ')) --b;
  std::size_t e = figure.end;
  const std::size_t ceiling = std::min(sentence.end, figure.end + window);
  while (e < ceiling && !((s_[e] == ',' || s_[e] == ';') && e + 1 < s_.size() && s_[e + 1] == ' ')) ++e;
  return TextSpan{b, e};
}

// "In New York, Acme's shares rose to $125.40, while in Toronto they closed at C$175.62":
// a short first clause of the sentence that names a place governs the clause after it.
std::optional<Currency> DocumentDollar::leading_place(TextSpan sentence, TextSpan figure) const {
  const TextSpan clause = clause_of(sentence, figure);
  if (clause.begin <= sentence.begin || clause.begin > sentence.begin + 40) return std::nullopt;
  const TextSpan first = clause_of(sentence, TextSpan{sentence.begin, sentence.begin});
  if (first.end + 1 != clause.begin) return std::nullopt;  // the clause right after the first (", " between)
  return place_in(first);
}

std::optional<Currency> DocumentDollar::place_beside(TextSpan figure) {
  const std::size_t si = sentences_.index_of(figure.begin);
  const TextSpan sentence = sentences_.span(si);
  const auto marker = std::lower_bound(markers_.begin(), markers_.end(), sentence.begin,
                                       [](const DollarMarker& m, std::size_t b) { return m.span.begin < b; });
  if (marker == markers_.end() || marker->span.begin >= sentence.end) return place_of_sentence(sentence, si);
  if (const std::optional<Currency> place = place_in(clause_of(sentence, figure))) return place;
  return leading_place(sentence, figure);  // "In New York, its shares rose to $125.40, while ..."
}

const DollarMarker* DocumentDollar::marker_of_place(TextSpan figure) {
  const std::optional<Currency> place = place_beside(figure);
  if (!place || place == options_.parse.currency.dollar) return nullptr;  // the default's place: the default
  // The markers of each currency, gathered once: a binary search per figure.
  if (by_currency_.empty()) {
    for (const DollarMarker& m : markers_) {
      auto it = std::find_if(by_currency_.begin(), by_currency_.end(), [&](const auto& c) { return c.first == m.currency; });
      if (it == by_currency_.end()) it = by_currency_.insert(by_currency_.end(), {m.currency, {}});
      it->second.push_back(&m);
    }
  }
  const auto it = std::find_if(by_currency_.begin(), by_currency_.end(), [&](const auto& c) { return c.first == *place; });
  if (it == by_currency_.end()) return nullptr;
  const std::vector<const DollarMarker*>& of = it->second;
  const auto after = std::upper_bound(of.begin(), of.end(), figure.begin,
                                      [](std::size_t b, const DollarMarker* m) { return b < m->span.begin; });
  return after == of.begin() ? of.front() : *(after - 1);
}

DocumentDollar::Reach DocumentDollar::reaches(TextSpan figure, std::size_t line) {
  // A document in the default dollar (`US$`) decides what the default would: no names needed.
  if (dollar_ == options_.parse.currency.dollar) return Reach::document;
  // A sentence without a dollar marker (else the figure's clause) that names the place
  // of another dollar ("In the US, Apple ... lost $70 billion" in a Hong Kong paragraph):
  // the default, never the document's; the place of the document's own dollar keeps it.
  if (const std::optional<Currency> place = place_beside(figure))
    return place == dollar_ ? Reach::document : Reach::default_;
  const auto on_line = std::lower_bound(markers_.begin(), markers_.end(), line,
                                        [](const DollarMarker& m, std::size_t l) { return m.line < l; });
  if (on_line != markers_.end() && on_line->line == line) return in_marker_paragraph(figure, on_line);
  return about_named_company(figure, sentences_.span(sentences_.index_of(figure.begin))) ? Reach::document
                                                                                         : Reach::default_;
}

// In the paragraph of a dollar marker the document's dollar holds for a figure about
// the company a marker of the paragraph is about, or about none; a figure about
// another company may be in either dollar: uncertain, never guessed.
DocumentDollar::Reach DocumentDollar::in_marker_paragraph(TextSpan figure,
                                                          std::vector<DollarMarker>::const_iterator first) {
  // The companies named in the figure's and each marker's own sentence; a place
  // (`currency_place`: "in Singapore") is no company.
  if (!companies_) {
    companies_.emplace();
    for (const CueHit& h : cues_.hits().entity) {
      const std::string_view text = s_.substr(h.begin, h.end - h.begin);
      const Cue* place = lexicon_.cue(text, "currency_place");
      if (place == nullptr || place->phrase != text) companies_->push_back(h);
    }
  }
  const auto company_of = [&](TextSpan span) -> const CueHit* {
    const MentionPick pick = mention_for(*companies_, span, sentences_.span(sentences_.index_of(span.begin)), window);
    return pick.in_sentence ? pick.hit : nullptr;
  };
  // "the Stock Exchange", "the Group": a name after a determiner (capitalised words
  // between) is a defined term or an institution of the text, no other company.
  const auto defined_term = [&](const CueHit& h) {
    std::size_t p = h.begin;
    for (int words = 0; words < 4; ++words) {
      const std::size_t we = skip_hspace_back(s_, p);
      const std::size_t wb = letters_begin(s_, we);
      if (we == p || wb == we) return false;
      if (!is_upper(s_[wb])) return lexicon_.cue(s_.substr(wb, we - wb), "determiner") != nullptr;
      p = wb;
    }
    return false;
  };
  const CueHit* mine = company_of(figure);
  if (mine == nullptr || defined_term(*mine)) return Reach::document;
  const std::string name = cues_.name_of(*mine);
  const CueHit* other = nullptr;
  TextSpan other_marker;
  for (auto it = first; it != markers_.end() && it->line == first->line; ++it) {
    const CueHit* theirs = company_of(it->span);
    if (theirs == nullptr || same_name(cues_.name_of(*theirs), name)) return Reach::document;
    if (other == nullptr) {
      other = theirs;
      other_marker = it->span;
    }
  }
  conflict_ = Conflict{other_marker, cues_.name_of(*other), name};
  return Reach::uncertain;
}

// The company the figure is about (the context reader's rule, mentions.hpp) is named
// in a line that holds a marker, or the figure is about none. The names are gathered
// once, when the first figure needs them.
bool DocumentDollar::about_named_company(TextSpan figure, TextSpan sentence) {
  return !unmarked_company_in(figure, sentence);
}

std::optional<std::string> DocumentDollar::unmarked_company(TextSpan figure) {
  return unmarked_company_in(figure, sentences_.span(sentences_.index_of(figure.begin)));
}

std::optional<std::string> DocumentDollar::unmarked_company_in(TextSpan figure, TextSpan sentence) {
  const std::vector<CueHit>& mentions = cues_.hits().entity;
  if (!named_) {
    named_.emplace();
    std::size_t done = std::string_view::npos;  // a line's names once, however many markers it holds
    for (const DollarMarker& m : markers_) {
      const std::size_t b = m.line;
      if (b == done) continue;
      done = b;
      const std::size_t e = std::min(s_.size(), s_.find('\n', b));
      const auto first = std::lower_bound(mentions.begin(), mentions.end(), b,
                                          [](const CueHit& h, std::size_t v) { return h.begin < v; });
      for (auto it = first; it != mentions.end() && it->begin < e; ++it) named_->push_back(cues_.name_of(*it));
    }
    std::sort(named_->begin(), named_->end());
    named_->erase(std::unique(named_->begin(), named_->end()), named_->end());
  }
  const MentionPick pick = mention_for(mentions, figure, sentence, window);
  if (pick.hit == nullptr) return std::nullopt;
  // Named there as written, or as the first words of a longer name or by a longer one
  // (`Acme` and `Acme Holdings`), by binary search: linear in the text.
  std::string name = cues_.name_of(*pick.hit);
  const std::vector<std::string>& named = *named_;
  const auto it = std::lower_bound(named.begin(), named.end(), name);
  if (it != named.end() && same_name(*it, name)) return std::nullopt;
  for (std::size_t sp = name.find(' '); sp != std::string::npos; sp = name.find(' ', sp + 1))
    if (std::binary_search(named.begin(), named.end(), name.substr(0, sp))) return std::nullopt;
  return name;
}

}  // namespace finmetrics::extract_detail
