#include "figure_scanner.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "currency_from_text.hpp"
#include "document_currencies.hpp"
#include "number_locale_evidence.hpp"
#include "table_units.hpp"
#include "finmetrics/extract/detail/article_cues.hpp"
#include "finmetrics/extract/detail/sentences.hpp"
#include "finmetrics/parse/detail/table_row.hpp"

// The candidates in text order become figures: each is read (or read again with
// the currency its bare sign resolves to: option, document, default), its kind and
// interval set, and pairs in two currencies (`Rmb81bn ($11bn)`) linked.

namespace finmetrics::extract_detail {

// "| Net finance costs | (1,234) | (987) |" under "| (RMB in millions) | ...", "Net loss
// (1,234.5) (987.0)": an ungrouped number is a figure where it is a table's cell: in a
// line a unit header governs, when it is negative, has three digits or more or a decimal
// point (a one- or two-digit cell may be a note's number), or a bracketed negative cell
// of a row (parse_detail::table_row_cell).
bool Scanner::table_cell(std::size_t b, std::size_t number_end, const QuotedFigure& f) const {
  const bool negative = f.value.sign() < 0 && s_[b] == '(';
  if (negative && parse_detail::table_row_cell(s_, b)) return true;
  if (!table_units_) table_units_ = table_units_of(s_, lexicon_);
  if (table_unit_at(*table_units_, b) == nullptr) return false;
  std::size_t digits = 0;
  bool point = false;
  for (std::size_t i = b; i < number_end; ++i) {
    digits += is_digit(s_[i]) ? 1 : 0;
    point = point || s_[i] == '.';
  }
  return negative || digits >= 3 || point;
}

std::optional<Scanner::MinorReading> Scanner::minor_of_document(const Cue& minor, std::string_view noun,
                                                                 const Candidate& c, const QuotedFigure& q,
                                                                 DocumentCurrencies& doc) const {
  // The list: "AED:100 KWD:1000 ...".
  std::vector<std::pair<Currency, int>> listed;
  for (std::size_t p = 0; p < minor.value.size();) {
    const std::size_t e = std::min(minor.value.find(' ', p), minor.value.size());
    const std::string_view item = std::string_view(minor.value).substr(p, e - p);
    const std::size_t colon = item.find(':');
    if (const Result<Currency> cur = Currency::from_code(item.substr(0, colon)); cur && colon != std::string_view::npos)
      listed.emplace_back(*cur, item.substr(colon + 1) == "1000" ? 3 : item.substr(colon + 1) == "10" ? 1 : 2);
    p = e + 1;
  }
  if (listed.empty()) return std::nullopt;
  std::optional<CurrencyEvidence> found;
  bool several = false;
  const auto see = [&](Currency cur, std::string marker, TextSpan span) {
    if (std::none_of(listed.begin(), listed.end(), [&](const auto& l) { return l.first == cur; })) return;
    if (found && found->currency != cur) several = true;
    if (!found) found = CurrencyEvidence{std::move(marker), span, cur};
  };
  for (const ExplicitMoney& m : doc.explicit_money()) see(m.currency, std::string(s_.substr(m.span.begin, m.span.size())), m.span);
  for (const Currency cur : doc.named()) {
    const std::size_t at = s_.find(cur.code());
    see(cur, std::string(cur.code()), at == std::string_view::npos ? TextSpan{} : TextSpan{at, at + 3});
  }
  if (const std::optional<CurrencyEvidence> place = dateline_place_currency(s_, lexicon_); place)
    see(place->currency, place->marker, place->span);
  MinorReading out;
  std::string names;
  for (const auto& l : listed) names += (names.empty() ? "" : ", ") + std::string(l.first.code());
  if (!found || several) {
    out.why = fmt::format("'{}' is a hundredth or a thousandth of {}, and the text names {}: not read", noun,
                          names, several ? "several of them" : "none of them");
    return out;
  }
  const int shift = std::find_if(listed.begin(), listed.end(), [&](const auto& l) { return l.first == found->currency; })->second;
  // The amount in the major unit, and what follows it ("per share", "a share").
  std::size_t e = c.end;
  std::string per;
  if (const std::size_t w = skip_hspace(s_, e); w > e && w < s_.size() && is_letter(s_[w])) {
    std::size_t we = letters_end(s_, w);
    for (int words = 0; words < 3; ++words) {
      if (lexicon_.cue(s_.substr(w, we - w), "per_share") != nullptr) {
        per = std::string(s_.substr(w, we - w));
        e = we;
        break;
      }
      if (we + 1 >= s_.size() || s_[we] != ' ' || !is_letter(s_[we + 1])) break;
      we = letters_end(s_, we + 1);
    }
  }
  Result<QuotedFigure> money =
      parse_figure(q.value.shifted(-shift).to_string() + " " + std::string(found->currency.code()) + (per.empty() ? "" : " " + per),
                   read_options_);
  if (!money || !money->unit.is_money()) return std::nullopt;
  money->span = TextSpan{c.begin, e};
  money->text = std::string(s_.substr(c.begin, e - c.begin));
  out.figure = std::move(*money);
  out.evidence = std::move(*found);
  return out;
}

void Scanner::reserve_for_text(std::vector<Read>& reads) const {
  std::size_t expected = s_.size() / 512 + 16;
  if (options_.max_figures != 0) expected = std::min(expected, options_.max_figures + 1);
  reads.reserve(expected);
}

namespace {

// `words` (in text order) into `reads` (in text order), in place from the back: each
// read moves once, and only those after the first word form. A text where the scan's
// order is not the text's (none known) is sorted as before.
void merge_in_text_order(std::vector<Read>& reads, std::vector<Candidate>& words) {
  if (words.empty()) return;
  std::size_t i = reads.size();
  std::size_t j = words.size();
  reads.resize(i + j);
  for (std::size_t k = reads.size(); j > 0;) {
    if (i > 0 && reads[i - 1].c.begin > words[j - 1].begin) {
      reads[--k] = std::move(reads[--i]);
    } else {
      reads[--k] = Read{std::move(words[--j]), QuotedFigure{}, Bare::no};  // a word form: no reading of its own
    }
  }
  const auto by_begin = [](const Read& a, const Read& b) { return a.c.begin < b.c.begin; };
  if (!std::is_sorted(reads.begin(), reads.end(), by_begin)) std::sort(reads.begin(), reads.end(), by_begin);
}

}  // namespace

void Scanner::run(Extraction& out, const SentenceIndex& sentences, ArticleCues& cues) {
  // Without a locale of the caller's, a text that writes decimal dots and no decimal
  // comma says how it writes numbers; each figure whose value that decided carries
  // the evidence (below), so the inference is never silent.
  std::optional<TextSpan> dot_evidence;
  if (read_options_.locale.empty()) {
    dot_evidence = decimal_dot_evidence(s_);
    if (dot_evidence) read_options_.locale = "en";
  }
  // Each candidate is held once, in the `Read` that carries its reading: read in
  // place during the scan, moved there, never copied (a text of many figures holds
  // them once beside the figures it returns). The vector is reserved for a figure
  // every 512 bytes (the seed articles have one every 730): pages past what is
  // written are never touched, and a denser text grows it by doubling.
  std::vector<Read> reads;
  reserve_for_text(reads);
  scan_numbers(reads, out.skipped);
  if (options_.word_forms) {
    std::vector<Candidate> words;  // a word form every 3 KB of the seed articles
    words.reserve(s_.size() / 2048 + 16);
    scan_words(words, reads);
    merge_in_text_order(reads, words);
  }
  if (options_.max_figures != 0 && reads.size() > options_.max_figures) {  // the word forms, past the cut
    unread_from_ =
        std::min(unread_from_.value_or(reads[options_.max_figures].c.begin), reads[options_.max_figures].c.begin);
    reads.erase(reads.begin() + static_cast<std::ptrdiff_t>(options_.max_figures), reads.end());
  }
  if (unread_from_) {
    while (!reads.empty() && reads.back().c.begin >= *unread_from_) reads.pop_back();
    out.unread_from = unread_from_;
    out.skipped.push_back(make_error(
        Errc::out_of_range,
        fmt::format("byte {}: the text from here on is not read: more than {} figures and refusals in one text "
                    "(ExtractOptions::max_figures; the CLI's --max-figures N, 0 for no limit)",
                    *unread_from_, options_.max_figures),
        std::string_view{}));
  }

  // Each candidate has been read in place (or is read here from its rewrite); a money
  // figure whose currency follows the reading of `$` (or `¥`) is bare in that family,
  // and is resolved after the whole text has been read: option, then the explicit
  // markers of the document, then the default.
  const auto read = [&](const Candidate& c, const ParseOptions& o) -> Result<QuotedFigure> {
    if (!c.locale.empty()) {
      ParseOptions with = o;
      with.locale = std::string(c.locale);
      if (!c.rewritten) return read_figure_at(s_, c.read_at, with, c.ranges);
      return parse_figure(c.parse_text, with);
    }
    if (!c.rewritten) return read_figure_at(s_, c.read_at, o, c.ranges);
    return parse_figure(c.parse_text, o);
  };
  for (Read& r : reads) {
    const Candidate& c = r.c;
    if (vague(c)) {
      r.bare = c.form().kind == FigureKind::money && c.form().unit.currency == probe ? Bare::dollar : Bare::no;
      continue;
    }
    if (!c.reading) r.parsed = read(c, read_options_);
    const Result<QuotedFigure>& parsed = r.parsed;
    if (parsed && parsed->unit.dimension == Dimension::money && parsed->unit.currency == probe) {
      r.bare = parsed->currency_family == "yen" ? Bare::yen : Bare::dollar;  // which sign, by its marker's family
    }
  }
  out.figures.reserve(out.figures.size() + reads.size());

  DocumentCurrencies doc(s_, lexicon_, options_, reads, sentences, cues);

  for (std::size_t k = 0; k < reads.size(); ++k) {
    Read& r = reads[k];
    Candidate& c = r.c;
    ExtractedFigure f;
    f.span = TextSpan{c.begin, c.end};
    f.text = std::string(s_.substr(c.begin, c.end - c.begin));
    f.word_form = c.word_form;
    f.hedge_verb = c.hedge_verb;

    // "45 sen per share" in a text about yen: `sen` is the ringgit's hundredth and the
    // yen's and the rupiah's too (`minor_shared` cues); read as its own currency only
    // when the text names it or none of the others, else refused, never guessed.
    if (r.bare == Bare::no && r.parsed && r.parsed->unit.is_money() && !r.parsed->currency_marker.empty() &&
        lexicon_.cue(r.parsed->currency_marker, "minor_shared") != nullptr) {
      if (std::optional<std::string> why =
              shared_minor_unit_refusal(r.parsed->currency_marker, *r.parsed->unit.currency, doc.named(), lexicon_)) {
        out.skipped.push_back(make_error(Errc::ambiguous, fmt::format("byte {}: '{}': {}", c.begin, f.text, *why), f.text));
        continue;
      }
    }

    // Resolve a bare sign.
    std::optional<Currency> resolved;
    if (r.bare != Bare::no) {
      const bool dollar = r.bare == Bare::dollar;
      const std::optional<Currency>& option = dollar ? options_.dollar : options_.yen;
      const Family& fam = dollar ? doc.dollars : doc.yens;
      if (!option && dollar && doc.minor_unit(r) && !doc.dollar_named() && doc.other_named) {
        // "a dividend of 90 cents" in a text of euros or rand: the cents of which currency?
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': cents of which currency? the text names {} and no dollar (use --dollar CODE)",
                        c.begin, f.text, doc.other_named->code()),
            f.text));
        continue;
      }
      if (!option && dollar && doc.minor_unit(r) && doc.other_named && doc.dollar_on_line(k) && doc.dollars.at.empty() &&
          !doc.press_dollar() && doc.cents_elsewhere() && doc.moved_to(k) == nullptr) {
        // "turnover rose to R249 billion and it paid 420 cents a share, while its US peer
        // earned $2 billion": the only dollar of the text is a bare `$`, the default, and
        // the rand counts in cents too: whose cents is not written.
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': cents of which currency? the text names {}, and its dollar only by a bare '$' "
                        "(use --dollar CODE)",
                        c.begin, f.text, doc.other_named->code()),
            f.text));
        continue;
      }
      if (!option && dollar && doc.minor_unit(r) && doc.other_named && !doc.dollar_on_line(k) && doc.cents_elsewhere()) {
        // "Acme's turnover fell to R249 billion and it cut its dividend to 200 cents": the rand's
        // cents; in a text that names another currency, cents are a dollar's only beside one.
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            doc.foreign_line(k)
                ? fmt::format("byte {}: '{}': cents of which currency? its paragraph names {} and no dollar (use "
                              "--dollar CODE)",
                              c.begin, f.text, doc.foreign_currency(k)->code())
                : fmt::format("byte {}: '{}': cents of which currency? the text names {}, and no dollar in their "
                              "paragraph (use --dollar CODE)",
                              c.begin, f.text, doc.other_named->code()),
            f.text));
        continue;
      }
      if (!option && dollar && doc.press_mixed()) {
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': '$' in a text that writes the US dollar after its sign ($US) is its local "
                        "dollar, and the text names several: not read (use --dollar CODE)",
                        c.begin, f.text),
            f.text));
        continue;
      }
      if (option) {
        resolved = *option;
        f.currency_source = CurrencySource::option;
      } else if (const std::optional<CurrencyEvidence>& press = dollar ? doc.press_dollar() : doc.no_evidence();
                 press) {
        // "BHP earned $US13.7 billion and paid $1.2 billion in tax": the Australian press
        // marks the US dollar and writes its own bare.
        resolved = press->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = *press;
      } else if (const std::optional<CurrencyEvidence> moved =
                     dollar && doc.minor_unit(r) ? doc.dollar_moved_to(k) : std::nullopt;
                 moved) {
        // "its shares fell 35 cents to HK$92.50": the cents of the dollar they move to.
        resolved = moved->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = *moved;
      } else if (!dollar && doc.yen_in_paragraph(k)) {
        resolved = *doc.yen_in_paragraph(k);
        f.currency_source = CurrencySource::document;
        f.currency_evidence = doc.evidence_for(doc.yen_paragraph_, k);
      } else if (const std::optional<CurrencyEvidence> paragraph_words =
                     !dollar && doc.yen_paragraph_.at.empty() ? doc.yen_words_of_paragraph(k) : std::nullopt;
                 paragraph_words) {
        // "TOKYO -- Acme Motor cut its forecast to ¥4.3 trillion" in a roundup that names yuan
        // elsewhere: the paragraph's own place decides before the rest of the document.
        resolved = paragraph_words->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = *paragraph_words;
      } else if (const DocumentDollar::Reach reach =
                     dollar && fam.only && !fam.mixed && !doc.translates(k, *fam.only, dollar) && !doc.foreign_line(k)
                         ? doc.document_dollar->reaches(TextSpan{c.begin, c.end}, doc.line_of[k])
                         : DocumentDollar::Reach::default_;
                 reach == DocumentDollar::Reach::uncertain) {
        // "Acme earned HK$50bn while Globex earned $20bn": HKD or USD? Not guessed.
        const DocumentDollar::Conflict& why = doc.document_dollar->conflict();
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': '$' may be the {} of '{}' (about {}) in its paragraph or another dollar (it "
                        "is about {}): not read (use --dollar CODE)",
                        c.begin, f.text, fam.only->code(), s_.substr(why.marker.begin, why.marker.size()),
                        why.marker_company, why.figure_company),
            f.text));
        continue;
      } else if (!dollar && fam.only && !fam.mixed && !doc.translates(k, *fam.only, false) &&
                 doc.yen_paragraph_.at.empty() && doc.prose_agrees(*fam.only) && doc.yen_place() &&
                 doc.yen_place()->currency == *fam.only) {
        // "TOKYO -- Toyota ... 4.9 trillion yen" and, paragraphs on, "Seven & i rejected a
        // ¥5.8 trillion ($39 billion) offer ... Nippon Steel will pay $14.9 billion": the
        // text's yen-family markers and its places name one currency: its bare `¥` anywhere.
        resolved = *fam.only;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = doc.evidence_for(fam, k);
      } else if (!dollar && fam.only && !fam.mixed && doc.yen_paragraph_.at.empty() && doc.yen_place() &&
                 doc.yen_place()->currency != *fam.only) {
        // "TOKYO -- ..." in a text whose only yen-family markers are yuan: which is not written.
        const CurrencyEvidence marker = doc.evidence_for(fam, k);
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': '\xC2\xA5' may be the {} of '{}' or the {} of '{}': not read (use --yen CODE)",
                        c.begin, f.text, fam.only->code(), marker.marker, doc.yen_place()->currency.code(),
                        doc.yen_place()->marker),
            f.text));
        continue;
      } else if (const std::optional<std::string> unmarked =
                     !dollar && fam.only && !fam.mixed && !doc.translates(k, *fam.only, dollar) &&
                             doc.yen_paragraph_.at.empty() && doc.prose_agrees(*fam.only) &&
                             !doc.other_money_on_line(k) && lexicon_.cue(fam.only->code(), "sign_by_company") != nullptr
                         ? doc.document_yen->unmarked_company(TextSpan{c.begin, c.end})
                         : std::nullopt;
                 unmarked) {
        // "Tencent earned RMB660.3 billion.\n\nToyota earned ¥4.7 trillion": the yuan of
        // another paragraph reaches a bare `¥` only about its own company (or about none)
        // (`sign_by_company` cues: English writes the yuan out and the yen as `¥`); `¥`
        // has no default to fall back on, so it is refused, never guessed.
        const CurrencyEvidence marker = doc.evidence_for(fam, k);
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': '\xC2\xA5' may be the {} of '{}' in another paragraph, or not: it is about {}, "
                        "named in no paragraph with a yen or yuan marker (use --yen CODE)",
                        c.begin, f.text, fam.only->code(), marker.marker, *unmarked),
            f.text));
        continue;
      } else if (fam.only && !fam.mixed && !doc.translates(k, *fam.only, dollar) &&
                 (dollar ? reach == DocumentDollar::Reach::document
                         : (doc.yen_paragraph_.at.empty() && doc.prose_agrees(*fam.only) &&
                            !doc.other_money_on_line(k)))) {
        resolved = *fam.only;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = doc.evidence_for(fam, k);
      } else if (const std::optional<CurrencyEvidence> line_dollar =
                     dollar && fam.mixed && doc.minor_unit(r) ? doc.dollar_of_line(k) : std::nullopt;
                 line_dollar) {
        // "SINGAPORE - DBS earned S$11.4 billion, and paid 54 cents a share" in a text that
        // names HK$ too: the cents of the one dollar their paragraph names.
        resolved = line_dollar->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = *line_dollar;
      } else if (const DollarMarker* placed = dollar ? doc.marker_of_place(k) : nullptr) {
        resolved = placed->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = CurrencyEvidence{std::string(s_.substr(placed->span.begin, placed->span.size())),
                                               placed->span, placed->currency};
      } else if (const std::optional<CurrencyEvidence>* place = !dollar && doc.yens.at.empty() ? &doc.yen_place() : nullptr;
                 place != nullptr && *place && doc.prose_agrees((*place)->currency)) {
        // "TOKYO -- Acme Motor said net profit rose to ¥4.9 trillion": no yen written out, Japan's places only.
        resolved = (*place)->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = **place;
      } else if (const auto& fallback = dollar ? options_.parse.currency.dollar : options_.parse.currency.yen_or_yuan) {
        resolved = *fallback;
        f.currency_source = CurrencySource::default_;
      } else {
        Error e = make_error(Errc::ambiguous,
                fmt::format("byte {}: '{}': '{}' names no single currency here: no option, and {} (use --{} CODE)",
                            c.begin, f.text, dollar ? "$" : "\xC2\xA5",
                            dollar ? (fam.mixed ? "the text names several of its currencies"
                                                : "no explicit marker of its family in the text")
                                   : (doc.yen_paragraph_.mixed || doc.prose_named_other()
                                          ? "the text names several of its currencies"
                                          : "no explicit marker of its family in its paragraph"),
                            dollar ? "dollar" : "yen"),
                f.text);
        out.skipped.push_back(std::move(e));
        continue;
      }
    }

    if (vague(c)) {
      // "(RMB in millions)": the scale of a table header, no figure of its own
      if (!table_units_) table_units_ = table_units_of(s_, lexicon_);
      if (std::any_of(table_units_->begin(), table_units_->end(), [&](const TableUnit& t) {
            return t.header.span.begin <= c.begin && c.end <= t.header.span.end;
          })) {
        continue;
      }
      const VagueForm& form = std::as_const(c).form();
      f.kind = form.kind;
      f.unit = form.unit;
      if (resolved) f.unit = Unit::money(*resolved);
      f.interval = form.values;
      out.figures.push_back(std::move(f));
      continue;
    }
    if (resolved) {
      ParseOptions o = read_options_;
      (r.bare == Bare::dollar ? o.currency.dollar : o.currency.yen_or_yuan) = *resolved;
      r.parsed = read(c, o);
    }
    // "12.4 billion pesos" after "210.9 billion Mexican pesos": a family without default
    // (peso, dinar, ...) named by one currency only in the document's explicit figures
    // and codes is that one (`document`); otherwise refused as before.
    bool by_document = false;
    if (!r.parsed && r.parsed.error().code == Errc::ambiguous && !vague(c)) {
      const std::string figure = c.rewritten ? c.parse_text : f.text;
      if (auto resolved_family = family_of_document(figure, s_, doc.explicit_money(), doc.named(), lexicon_, read_options_);
          resolved_family) {
        r.parsed = std::move(resolved_family->first);
        f.currency_source = CurrencySource::document;
        f.currency_evidence = std::move(resolved_family->second);
        by_document = true;
      }
    }
    if (!r.parsed) {
      Error e = std::move(r.parsed.error());
      e.message = fmt::format("byte {}: '{}': {}", c.begin, f.text, e.message);
      out.skipped.push_back(std::move(e));
      continue;
    }
    QuotedFigure q = std::move(*r.parsed);
    // "Net profit  17,394" under "(₹ in crore)": a plain number in a table whose header
    // names a currency and a scale is that money (`document`, the header as evidence).
    if (q.unit.dimension == Dimension::number && q.scale.exponent == 0 && !q.is_range() && !c.word_form &&
        q.qualifier == Qualifier::none) {
      if (!table_units_) table_units_ = table_units_of(s_, lexicon_);
      const TableUnit* t = table_unit_at(*table_units_, c.begin);
      // "$m", "($ million)": a header's bare dollar is the dollar a bare `$` of the text is
      // read as: the option's, the press's or the one its markers name (`document`), else
      // the default's (`default`, never certain); in a text of several dollars, none.
      std::optional<Currency> cur;
      CurrencySource source = CurrencySource::document;
      std::optional<CurrencyEvidence> evidence;
      if (t != nullptr && t->header.currency != bare_dollar) {
        cur = t->header.currency;
        evidence = t->header;
      } else if (t != nullptr) {
        if (options_.dollar) {
          cur = *options_.dollar;
          source = CurrencySource::option;
        } else if (const std::optional<CurrencyEvidence>& press = doc.press_dollar(); press) {
          cur = press->currency;
          evidence = *press;
        } else if (doc.dollars.only && !doc.dollars.mixed) {
          cur = *doc.dollars.only;
          evidence = doc.evidence_for(doc.dollars, k);
        } else if (!doc.dollars.mixed && !doc.press_mixed() && options_.parse.currency.dollar) {
          cur = *options_.parse.currency.dollar;
          source = CurrencySource::default_;
        }
      }
      if (cur) {
        ParseOptions o = read_options_;
        if (!c.locale.empty()) o.locale = std::string(c.locale);
        Result<QuotedFigure> money = parse_figure(f.text + (t->glued ? "" : " ") + t->scale + " " + std::string(cur->code()), o);
        // "(1,234)" under the header: the cell's accounting negative, read with the code before it
        // ("CNY (1,234) million"), as the grammar reads brackets after a marker.
        if (!money && f.text.size() > 2 && f.text.front() == '(' && f.text.back() == ')') {
          money = parse_figure(std::string(cur->code()) + " " + f.text + (t->glued ? "" : " ") + t->scale, o);
        }
        if (money && money->unit.is_money() && money->unit.currency == *cur) {
          q = std::move(*money);
          f.currency_source = source;
          f.currency_evidence = evidence;
          by_document = true;
        }
      }
    }
    // "60 fils per share": a minor unit several currencies share with different divisors
    // (`minor_of` cues: the dirham's hundredth, the dinar's thousandth), read as a count by
    // the grammar: the one currency of the list the document names (its figures, words or
    // dateline) decides, else it is refused, never guessed.
    const std::string_view noun = c.noun.empty() ? std::string_view(q.unit.noun) : std::string_view(c.noun);
    if ((q.unit.dimension == Dimension::count || q.unit.dimension == Dimension::number) && !noun.empty() &&
        !q.is_range() && !c.word_form) {
      if (const Cue* minor = lexicon_.cue(noun, "minor_of"); minor != nullptr) {
        if (std::optional<MinorReading> m = minor_of_document(*minor, noun, c, q, doc); m) {
          if (!m->figure) {
            out.skipped.push_back(make_error(Errc::ambiguous, fmt::format("byte {}: '{}': {}", c.begin, f.text, m->why), f.text));
            continue;
          }
          q = std::move(*m->figure);
          f.span = q.span;
          f.text = q.text;
          f.currency_source = CurrencySource::document;
          f.currency_evidence = std::move(m->evidence);
        }
      }
    }
    // "Rs 12.4 billion" under "KARACHI (Reuters) -" or beside "Pakistani rupees": a marker
    // that names INR by default and other currencies too is the one the document names.
    if (f.currency_source == CurrencySource::none && q.unit.is_money() && !q.currency_marker.empty() &&
        lexicon_.cue(q.currency_marker, "marker_shared") != nullptr) {
      if (auto shared = shared_marker_of_document(q, s_, doc.explicit_money(), doc.named(), lexicon_, read_options_);
          shared) {
        q = std::move(shared->first);
        f.currency_source = CurrencySource::document;
        f.currency_evidence = std::move(shared->second);
        by_document = true;
      }
    }
    if (c.rewritten || by_document) {
      q.text = f.text;
      q.span = f.span;
      if (!c.noun.empty() && !q.unit.is_money()) q.unit = Unit::count_of(c.noun);  // "60 fils per share" became money
    }
    f.unit = q.unit;
    f.qualifier = q.qualifier;
    switch (q.unit.dimension) {
      case Dimension::money: f.kind = q.unit.per == Per::whole ? FigureKind::money : FigureKind::per_share; break;
      case Dimension::percent: f.kind = FigureKind::percent; break;
      case Dimension::percentage_points:
      case Dimension::basis_points: f.kind = FigureKind::percentage_points; break;
      case Dimension::multiple: f.kind = FigureKind::multiple; break;
      case Dimension::count: f.kind = FigureKind::count; break;
      case Dimension::number: f.kind = FigureKind::number; break;
    }
    if (!c.per_unit.empty() && f.kind == FigureKind::money) {  // "$84.94/bbl": USD per barrel
      f.kind = FigureKind::unit_price;
      f.unit.noun = c.per_unit;
      q.unit.noun = c.per_unit;
      q.text = f.text;
      q.span = f.span;
    }
    if (f.kind == FigureKind::money || f.kind == FigureKind::per_share || f.kind == FigureKind::unit_price) {
      if (f.currency_source == CurrencySource::none) f.currency_source = CurrencySource::explicit_;
    }
    try {
      f.interval = q.interval();
    } catch (const DecimalOverflow&) {
      f.interval = std::nullopt;
    }
    f.quoted = std::move(q);
    if (!c.locale.empty()) {  // "1,18,000 savings accounts": the figure's own digits say it
      std::size_t d = c.begin;
      while (d < c.end && !is_digit(s_[d])) ++d;
      std::size_t de = indian_grouping_end(d);
      if (de == npos) de = d;
      f.number_locale = NumberLocaleEvidence{std::string(c.locale), std::string(s_.substr(d, de - d)), TextSpan{d, de}};
    } else if (dot_evidence && has_dot_three(f.text)) {
      ParseOptions alone = read_options_;
      alone.locale.clear();
      const Result<QuotedFigure> without = read(c, alone);
      if (!without && without.error().code == Errc::ambiguous) {
        f.number_locale = NumberLocaleEvidence{
            "en", std::string(s_.substr(dot_evidence->begin, dot_evidence->size())), *dot_evidence};
      }
    }
    out.figures.push_back(std::move(f));
  }

  // Linked pairs: "Rmb81bn ($11bn)", money in two currencies, the second in brackets.
  for (std::size_t k = 0; k + 1 < out.figures.size(); ++k) {
    ExtractedFigure& a = out.figures[k];
    ExtractedFigure& b = out.figures[k + 1];
    if (a.kind != b.kind || (a.kind != FigureKind::money && a.kind != FigureKind::per_share)) continue;
    if (a.unit.currency == b.unit.currency) continue;
    const std::size_t open = skip_hspace(s_, a.span.end);
    if (open >= s_.size() || s_[open] != '(' || skip_hspace(s_, open + 1) != b.span.begin) continue;
    const std::size_t close = skip_hspace(s_, b.span.end);
    if (close >= s_.size() || s_[close] != ')') continue;
    a.linked = k + 1;
    b.linked = k;
    // "a dividend of NOK 6.4 (US$0.59) a share": the per-share phrase after the bracket is
    // both amounts' (unscaled amounts only: "NOK 6.4bn (US$0.59bn) a year" is no price).
    if (a.kind != FigureKind::money || !a.quoted || !b.quoted || a.quoted->scale.exponent != 0 ||
        b.quoted->scale.exponent != 0) {
      continue;
    }
    const std::size_t w = skip_hspace(s_, close + 1);
    if (w >= s_.size() || !is_letter(s_[w])) continue;
    std::size_t we = letters_end(s_, w);
    const Cue* per = nullptr;
    for (int words = 0; words < 3 && per == nullptr; ++words) {
      per = lexicon_.cue(s_.substr(w, we - w), "per_share");
      if (per != nullptr || we + 1 >= s_.size() || s_[we] != ' ' || !is_letter(s_[we + 1])) break;
      we = letters_end(s_, we + 1);
    }
    if (per == nullptr || (per->value != "share" && per->value != "ads")) continue;
    for (ExtractedFigure* x : {&a, &b}) {
      x->unit.per = per->value == "ads" ? Per::ads : Per::share;
      x->quoted->unit.per = x->unit.per;
      x->kind = FigureKind::per_share;
    }
  }
}

}  // namespace finmetrics::extract_detail
