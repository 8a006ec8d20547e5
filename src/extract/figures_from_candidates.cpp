#include "figure_scanner.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "currency_from_text.hpp"
#include "number_locale_evidence.hpp"
#include "document_dollar.hpp"
#include "table_units.hpp"
#include "yen_place.hpp"
#include "finmetrics/extract/detail/article_cues.hpp"
#include "finmetrics/extract/detail/sentences.hpp"

// The candidates in text order become figures: each is read (or read again with
// the currency its bare sign resolves to: option, document, default), its kind and
// interval set, and pairs in two currencies (`Rmb81bn ($11bn)`) linked.

namespace finmetrics::extract_detail {

void Scanner::run(Extraction& out, const SentenceIndex& sentences, ArticleCues& cues) {
  // Without a locale of the caller's, a text that writes decimal dots and no decimal
  // comma says how it writes numbers; each figure whose value that decided carries
  // the evidence (below), so the inference is never silent.
  std::optional<TextSpan> dot_evidence;
  if (read_options_.locale.empty()) {
    dot_evidence = decimal_dot_evidence(s_);
    if (dot_evidence) read_options_.locale = "en";
  }
  std::vector<Candidate> numeric;
  scan_numbers(numeric, out.skipped);
  std::vector<Candidate> words;
  if (options_.word_forms) scan_words(words, numeric);
  std::vector<Candidate> all = std::move(numeric);
  all.insert(all.end(), std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()));
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  if (options_.max_figures != 0 && all.size() > options_.max_figures) {  // the word forms, past the cut
    unread_from_ = std::min(unread_from_.value_or(all[options_.max_figures].begin), all[options_.max_figures].begin);
    all.resize(options_.max_figures);
  }
  if (unread_from_) {
    while (!all.empty() && all.back().begin >= *unread_from_) all.pop_back();
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
  enum class Bare { no, dollar, yen };
  struct Read {
    Candidate c;
    Result<QuotedFigure> parsed;
    Bare bare = Bare::no;
  };
  const auto vague = [](const Candidate& c) { return c.word_form && !c.rewritten && !c.reading; };
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
  std::vector<Read> reads;
  reads.reserve(all.size());
  for (auto& c : all) {
    if (vague(c)) {
      const Bare b = c.vague_kind == FigureKind::money && c.vague_unit.currency == probe ? Bare::dollar : Bare::no;
      reads.push_back(Read{std::move(c), Result<QuotedFigure>(QuotedFigure{}), b});
      continue;
    }
    Result<QuotedFigure> parsed = c.reading ? Result<QuotedFigure>(*c.reading) : read(c, read_options_);
    Bare b = Bare::no;
    if (parsed && parsed->unit.dimension == Dimension::money && parsed->unit.currency == probe) {
      b = parsed->currency_family == "yen" ? Bare::yen : Bare::dollar;  // which sign, by its marker's family
    }
    reads.push_back(Read{std::move(c), std::move(parsed), b});
  }
  // The candidates live on in `reads`: their moved-from husks (about 1.4 KB each) go
  // before the figures are built, so a text of many figures holds two copies, not three.
  std::vector<Candidate>().swap(all);
  std::vector<Candidate>().swap(words);
  out.figures.reserve(out.figures.size() + reads.size());

  // The explicit markers of each family in the document, and which currency they name.
  struct Family {
    std::optional<Currency> only;  // the one currency all explicit markers name
    bool mixed = false;
    std::vector<std::size_t> at;  // reads that carry an explicit marker of the family
  };
  Family dollars, yens;
  for (std::size_t k = 0; k < reads.size(); ++k) {
    const Read& r = reads[k];
    if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money) continue;
    if (vague(r.c)) continue;
    const Currency c = *r.parsed->unit.currency;
    // A bare `$` is resolved only by markers written with a dollar sign (`HK$`, `A$`):
    // `140.9 HKD per share` in an article about several markets says nothing of its `$`.
    const bool sign_marker = s_.substr(r.c.begin, r.c.end - r.c.begin).find('$') != std::string_view::npos;
    const std::string_view family = lexicon_.family_name(lexicon_.family_of(c));
    for (auto [fam, name] : {std::pair<Family*, std::string_view>{&dollars, "dollar"}, {&yens, "yen"}}) {
      if (family != name || (fam == &dollars && !sign_marker)) continue;
      if (fam->only && *fam->only != c) fam->mixed = true;
      fam->only = c;
      fam->at.push_back(k);
    }
  }
  // A text that writes a bare `$` before any dollar marker means the reader's default
  // dollar by it (a bank's release in US dollars that names HK$ once, further down):
  // its later markers do not decide the family. The yen family has no default, so
  // there the document decides wherever its marker stands.
  for (std::size_t k = 0; k < reads.size() && !dollars.at.empty(); ++k) {
    if (reads[k].bare != Bare::dollar) continue;
    if (k < dollars.at.front()) dollars.only.reset();
    break;
  }
  // The explicit marker nearest before read k (else the first after it), by binary
  // search: linear in the text even when every other figure is bare.
  const auto evidence_for = [&](const Family& fam, std::size_t k) -> CurrencyEvidence {
    const auto after = std::upper_bound(fam.at.begin(), fam.at.end(), k);
    const std::size_t pick = after == fam.at.begin() ? fam.at.front() : *(after - 1);
    const Read& r = reads[pick];
    return CurrencyEvidence{std::string(s_.substr(r.c.begin, r.c.end - r.c.begin)), TextSpan{r.c.begin, r.c.end},
                            *r.parsed->unit.currency};
  };

  // "HK$700 billion ($89.6 billion)", "92.5 billion yuan ($12.78 billion)": a bare `$`
  // in brackets right after an explicit amount converts it for the reader into the
  // default dollar, never into the same currency nor into the document's. A bare `¥`
  // (no default) only never into the same currency: "$5bn (¥750bn)" in a text about yen.
  const auto translates = [&](std::size_t k, Currency c, bool dollar) {
    if (k == 0) return false;
    const Read& prev = reads[k - 1];
    if (!prev.parsed || prev.bare != Bare::no || vague(prev.c) || prev.parsed->unit.dimension != Dimension::money ||
        (!dollar && prev.parsed->unit.currency != c)) {
      return false;
    }
    const std::size_t open = skip_hspace(s_, prev.c.end);
    const std::size_t close = skip_hspace(s_, reads[k].c.end);
    return open < s_.size() && s_[open] == '(' && skip_hspace(s_, open + 1) == reads[k].c.begin && close < s_.size() &&
           s_[close] == ')';
  };

  // A bare `¥` (no default) takes the currency of the yen or yuan markers of its own
  // paragraph (a line), when they agree and it converts none of them: a roundup that
  // names yuan for one company and writes `¥1.31 trillion` for Sony further down never
  // makes Sony's yen yuan. Elsewhere it is refused.
  // The line each read starts on, in one pass over the text.
  std::vector<std::size_t> line_of(reads.size());
  {
    std::size_t line = 0;
    std::size_t pos = 0;
    for (std::size_t k = 0; k < reads.size(); ++k) {
      while (pos < reads[k].c.begin) {  // the line ends before it, by memchr
        const void* nl = std::memchr(s_.data() + pos, '\n', reads[k].c.begin - pos);
        if (nl == nullptr) {
          pos = reads[k].c.begin;
          break;
        }
        pos = static_cast<std::size_t>(static_cast<const char*>(nl) - s_.data()) + 1;
        line = pos;
      }
      line_of[k] = line;
    }
  }
  // The lines whose explicit money names another currency than a dollar and no dollar
  // sign ("Wipro's net profit rose to Rs 3,209 crore; its revenue was $2.66 billion"):
  // there a bare `$` is the reader's default, not the HK$ of another paragraph.
  std::vector<std::pair<std::size_t, Currency>> foreign_lines;  // line starts, ascending, and the other currency
  {
    std::size_t line = std::string_view::npos;
    std::optional<Currency> other;
    bool dollar_sign = false;
    const auto close = [&] {
      if (line != std::string_view::npos && other && !dollar_sign) foreign_lines.emplace_back(line, *other);
    };
    for (std::size_t k = 0; k < reads.size(); ++k) {
      if (line_of[k] != line) {
        close();
        line = line_of[k];
        other.reset();
        dollar_sign = false;
      }
      const Read& r = reads[k];
      if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) continue;
      const bool in_dollar = lexicon_.family_name(lexicon_.family_of(*r.parsed->unit.currency)) == "dollar";
      if (!in_dollar && !other) other = *r.parsed->unit.currency;
      if (in_dollar && s_.substr(r.c.begin, r.c.end - r.c.begin).find('$') != std::string_view::npos) dollar_sign = true;
    }
    close();
  }
  // The other currency of read k's line when it is such a line.
  const auto foreign_currency = [&](std::size_t k) -> std::optional<Currency> {
    const auto it = std::lower_bound(foreign_lines.begin(), foreign_lines.end(), line_of[k],
                                     [](const std::pair<std::size_t, Currency>& l, std::size_t v) { return l.first < v; });
    if (it == foreign_lines.end() || it->first != line_of[k]) return std::nullopt;
    return it->second;
  };
  const auto foreign_line = [&](std::size_t k) { return foreign_currency(k).has_value(); };

  // Whether the document's dollar reaches a bare `$` beside the places and companies
  // of the text (document_dollar.hpp): set up when its dollar markers name one currency.
  std::optional<DocumentDollar> document_dollar;
  if (!dollars.at.empty()) {
    std::vector<DollarMarker> markers;
    markers.reserve(dollars.at.size());
    for (const std::size_t m : dollars.at) {
      markers.push_back(
          DollarMarker{TextSpan{reads[m].c.begin, reads[m].c.end}, line_of[m], *reads[m].parsed->unit.currency});
    }
    document_dollar.emplace(s_, lexicon_, options_, sentences, cues,
                            dollars.mixed ? std::nullopt : dollars.only, std::move(markers));
  }
  // A text whose dollar markers disagree (`US$` and `A$`): the place named beside a bare
  // `$` decides among them ("In Australia, its shares fell to $18.42").
  const auto marker_of_place = [&](std::size_t k) -> const DollarMarker* {
    if (!dollars.mixed || !document_dollar || translates(k, probe, true) || foreign_line(k)) return nullptr;
    return document_dollar->marker_of_place(TextSpan{reads[k].c.begin, reads[k].c.end});
  };

  // The yen and yuan markers of each line: consecutive runs of `yens.at`.
  Family yen_paragraph_;
  std::size_t yen_line = std::string_view::npos;  // the line yen_paragraph_ holds (read once per line)
  const auto yen_in_paragraph = [&](std::size_t k) -> std::optional<Currency> {
    if (yen_line == line_of[k]) {
      if (!yen_paragraph_.only || yen_paragraph_.mixed || translates(k, *yen_paragraph_.only, false)) return std::nullopt;
      return yen_paragraph_.only;
    }
    yen_line = line_of[k];
    yen_paragraph_ = Family{};
    const auto first = std::lower_bound(yens.at.begin(), yens.at.end(), line_of[k],
                                        [&](std::size_t e, std::size_t line) { return line_of[e] < line; });
    for (auto it = first; it != yens.at.end() && line_of[*it] == line_of[k]; ++it) {
      const Currency c = *reads[*it].parsed->unit.currency;
      if (yen_paragraph_.only && *yen_paragraph_.only != c) yen_paragraph_.mixed = true;
      yen_paragraph_.only = c;
      yen_paragraph_.at.push_back(*it);
    }
    if (!yen_paragraph_.only || yen_paragraph_.mixed || translates(k, *yen_paragraph_.only, false)) return std::nullopt;
    return yen_paragraph_.only;
  };

  // Elsewhere the document decides only when no word of the text names another
  // currency of the family: a roundup that writes yuan for one company and
  // "yen-denominated" beside Sony's `¥1.31 trillion` decides nothing.
  std::optional<bool> prose_checked;
  const auto prose_agrees = [&](Currency c) {
    if (prose_checked) return *prose_checked;
    prose_checked = true;
    const CurrencyFamily yen = lexicon_.family("yen");
    for (std::size_t p = 0; p < s_.size();) {
      if (!is_letter(s_[p])) {
        ++p;
        continue;
      }
      const std::size_t e = letters_end(s_, p);
      const CurrencyMarker* m = lexicon_.currency_marker(s_.substr(p, e - p));
      if (m != nullptr && m->currency && *m->currency != c && lexicon_.family_of(*m->currency) == yen) {
        prose_checked = false;
        break;
      }
      p = e;
    }
    return *prose_checked;
  };

  // The places of a text that writes no yen or yuan out, read once when a bare `¥` needs them.
  std::optional<std::optional<CurrencyEvidence>> yen_place_;
  const auto yen_place = [&]() -> const std::optional<CurrencyEvidence>& {
    if (!yen_place_) yen_place_ = yen_place_of(s_, lexicon_);
    return *yen_place_;
  };

  // Bare cents ("90 cents a share") are a dollar's only in a text that names a dollar
  // somewhere (a `$`, `dollars`, a dollar code or sign); in a text that names only
  // other currencies (euros, rand, whose minor units are cents too) they are refused.
  const auto minor_unit = [&](const Read& r) {
    if (!r.parsed || r.parsed->currency_marker.empty()) return false;
    const CurrencyMarker* m = lexicon_.currency_marker_after_number(r.parsed->currency_marker);
    return m != nullptr && m->divisor != 1 && !m->coin;  // a nickel is a dollar's coin wherever it is
  };
  std::optional<bool> dollar_named_;
  const auto dollar_named = [&] {
    if (dollar_named_) return *dollar_named_;
    dollar_named_ = false;
    const CurrencyFamily dollar = lexicon_.family("dollar");
    for (const Read& r : reads) {
      if (!r.parsed || r.parsed->unit.dimension != Dimension::money) continue;
      if ((r.bare == Bare::dollar && !minor_unit(r)) ||
          (r.bare == Bare::no && r.parsed->unit.currency && lexicon_.family_of(*r.parsed->unit.currency) == dollar)) {
        dollar_named_ = true;
        break;
      }
    }
    return *dollar_named_;
  };
  // The lines that hold a dollar amount other than cents (`$1.62`, `HK$5`, `dollars`), ascending.
  std::vector<std::size_t> dollar_lines;
  for (std::size_t k = 0; k < reads.size(); ++k) {
    const Read& r = reads[k];
    if (!r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) continue;
    const bool dollar = (r.bare == Bare::dollar && !minor_unit(r)) ||
                        (r.bare == Bare::no && lexicon_.family_name(lexicon_.family_of(*r.parsed->unit.currency)) == "dollar");
    if (dollar && (dollar_lines.empty() || dollar_lines.back() != line_of[k])) dollar_lines.push_back(line_of[k]);
  }
  const auto dollar_on_line = [&](std::size_t k) {
    return std::binary_search(dollar_lines.begin(), dollar_lines.end(), line_of[k]);
  };
  std::optional<Currency> other_named;  // an explicit currency outside the dollar family
  for (const Read& r : reads) {
    if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) continue;
    const Currency cur = *r.parsed->unit.currency;
    if (lexicon_.family_name(lexicon_.family_of(cur)) != "dollar") {
      other_named = cur;
      break;
    }
  }

  // Whether a currency the text names outside the dollar family counts in cents too
  // (euro, rand): a text whose others count in pence or paise only (`minor_not_cent`
  // cues: GBP, INR) writes `cents` for a dollar's ("8.000 cents per ordinary share"
  // beside "6.300 pence per share" in a US dollar release).
  std::optional<bool> cents_elsewhere_;
  const auto cents_elsewhere = [&] {
    if (cents_elsewhere_) return *cents_elsewhere_;
    cents_elsewhere_ = false;
    for (const Read& r : reads) {
      if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) continue;
      const Currency cur = *r.parsed->unit.currency;
      if (lexicon_.family_name(lexicon_.family_of(cur)) == "dollar") continue;
      if (lexicon_.cue(cur.code(), "minor_not_cent") == nullptr) {
        cents_elsewhere_ = true;
        break;
      }
    }
    return *cents_elsewhere_;
  };

  // The currencies the words of the text name and its yen place, and its explicit money,
  // read once when a shared minor unit or a family without default needs them.
  std::optional<std::vector<Currency>> named_;
  const auto named = [&]() -> const std::vector<Currency>& {
    if (named_) return *named_;
    named_ = currencies_named(s_, lexicon_);
    if (const std::optional<CurrencyEvidence>& place = yen_place(); place) named_->push_back(place->currency);
    return *named_;
  };
  std::optional<std::vector<ExplicitMoney>> explicit_money_;
  const auto explicit_money = [&]() -> const std::vector<ExplicitMoney>& {
    if (explicit_money_) return *explicit_money_;
    explicit_money_.emplace();
    for (const Read& other : reads) {
      if (other.bare != Bare::no || !other.parsed || !other.parsed->unit.is_money() || vague(other.c)) continue;
      explicit_money_->push_back(ExplicitMoney{*other.parsed->unit.currency, TextSpan{other.c.begin, other.c.end}});
    }
    return *explicit_money_;
  };

  std::optional<std::vector<TableUnit>> table_units_;  // read once, when a plain number needs them
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
              shared_minor_unit_refusal(r.parsed->currency_marker, *r.parsed->unit.currency, named(), lexicon_)) {
        out.skipped.push_back(make_error(Errc::ambiguous, fmt::format("byte {}: '{}': {}", c.begin, f.text, *why), f.text));
        continue;
      }
    }

    // Resolve a bare sign.
    std::optional<Currency> resolved;
    if (r.bare != Bare::no) {
      const bool dollar = r.bare == Bare::dollar;
      const std::optional<Currency>& option = dollar ? options_.dollar : options_.yen;
      const Family& fam = dollar ? dollars : yens;
      if (!option && dollar && minor_unit(r) && !dollar_named() && other_named) {
        // "a dividend of 90 cents" in a text of euros or rand: the cents of which currency?
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': cents of which currency? the text names {} and no dollar (use --dollar CODE)",
                        c.begin, f.text, other_named->code()),
            f.text));
        continue;
      }
      if (!option && dollar && minor_unit(r) && other_named && !dollar_on_line(k) && cents_elsewhere()) {
        // "Acme's turnover fell to R249 billion and it cut its dividend to 200 cents": the rand's
        // cents; in a text that names another currency, cents are a dollar's only beside one.
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            foreign_line(k)
                ? fmt::format("byte {}: '{}': cents of which currency? its paragraph names {} and no dollar (use "
                              "--dollar CODE)",
                              c.begin, f.text, foreign_currency(k)->code())
                : fmt::format("byte {}: '{}': cents of which currency? the text names {}, and no dollar in their "
                              "paragraph (use --dollar CODE)",
                              c.begin, f.text, other_named->code()),
            f.text));
        continue;
      }
      if (option) {
        resolved = *option;
        f.currency_source = CurrencySource::option;
      } else if (!dollar && yen_in_paragraph(k)) {
        resolved = *yen_in_paragraph(k);
        f.currency_source = CurrencySource::document;
        f.currency_evidence = evidence_for(yen_paragraph_, k);
      } else if (const DocumentDollar::Reach reach =
                     dollar && fam.only && !fam.mixed && !translates(k, *fam.only, dollar) && !foreign_line(k)
                         ? document_dollar->reaches(TextSpan{c.begin, c.end}, line_of[k])
                         : DocumentDollar::Reach::default_;
                 reach == DocumentDollar::Reach::uncertain) {
        // "Acme earned HK$50bn while Globex earned $20bn": HKD or USD? Not guessed.
        const DocumentDollar::Conflict& why = document_dollar->conflict();
        out.skipped.push_back(make_error(
            Errc::ambiguous,
            fmt::format("byte {}: '{}': '$' may be the {} of '{}' (about {}) in its paragraph or another dollar (it "
                        "is about {}): not read (use --dollar CODE)",
                        c.begin, f.text, fam.only->code(), s_.substr(why.marker.begin, why.marker.size()),
                        why.marker_company, why.figure_company),
            f.text));
        continue;
      } else if (fam.only && !fam.mixed && !translates(k, *fam.only, dollar) &&
                 (dollar ? reach == DocumentDollar::Reach::document
                         : (yen_paragraph_.at.empty() && prose_agrees(*fam.only)))) {
        resolved = *fam.only;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = evidence_for(fam, k);
      } else if (const DollarMarker* placed = dollar ? marker_of_place(k) : nullptr) {
        resolved = placed->currency;
        f.currency_source = CurrencySource::document;
        f.currency_evidence = CurrencyEvidence{std::string(s_.substr(placed->span.begin, placed->span.size())),
                                               placed->span, placed->currency};
      } else if (const std::optional<CurrencyEvidence>* place = !dollar && yens.at.empty() ? &yen_place() : nullptr;
                 place != nullptr && *place && prose_agrees((*place)->currency)) {
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
                                   : (yen_paragraph_.mixed || (prose_checked && !*prose_checked)
                                          ? "the text names several of its currencies"
                                          : "no explicit marker of its family in its paragraph"),
                            dollar ? "dollar" : "yen"),
                f.text);
        out.skipped.push_back(std::move(e));
        continue;
      }
    }

    if (vague(c)) {
      f.kind = c.vague_kind;
      f.unit = c.vague_unit;
      if (resolved) f.unit = Unit::money(*resolved);
      f.interval = c.vague;
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
      if (auto resolved_family = family_of_document(figure, s_, explicit_money(), named(), lexicon_, read_options_);
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
      if (const TableUnit* t = table_unit_at(*table_units_, c.begin); t != nullptr) {
        ParseOptions o = read_options_;
        if (!c.locale.empty()) o.locale = std::string(c.locale);
        Result<QuotedFigure> money =
            parse_figure(f.text + " " + t->scale + " " + std::string(t->header.currency.code()), o);
        if (money && money->unit.is_money() && money->unit.currency == t->header.currency) {
          q = std::move(*money);
          f.currency_source = CurrencySource::document;
          f.currency_evidence = t->header;
          by_document = true;
        }
      }
    }
    if (c.rewritten || by_document) {
      q.text = f.text;
      q.span = f.span;
      if (!c.noun.empty()) q.unit = Unit::count_of(c.noun);
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
  }
}

}  // namespace finmetrics::extract_detail
