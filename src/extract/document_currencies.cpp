#include "document_currencies.hpp"

#include <algorithm>
#include <cstring>

#include "currency_from_text.hpp"
#include "yen_place.hpp"
#include "finmetrics/extract/detail/sentences.hpp"

// What the whole document says of the currency of each bare `$`, `¥` or cents read in
// it: the explicit markers of each family, line by line and in all, the places and
// companies beside it (document_dollar.cpp), the words of the text. Read once per text
// before its figures are built (figures_from_candidates.cpp).

namespace finmetrics::extract_detail {

DocumentCurrencies::DocumentCurrencies(std::string_view s, const Lexicon& lexicon, const ExtractOptions& options,
                                       std::vector<Read>& all_reads, const SentenceIndex& sentences, ArticleCues& cues)
    : s_(s), lexicon_(lexicon), sentences_(sentences), reads(all_reads) {
  // The explicit markers of each family in the document, and which currency they name.
  for (std::size_t k = 0; k < reads.size(); ++k) {
    const Read& r = reads[k];
    if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money) continue;
    if (vague(r.c)) continue;
    const Currency c = *r.parsed->unit.currency;
    // A bare `$` is resolved only by markers written with a dollar sign (`HK$`, `A$`):
    // `140.9 HKD per share` in an article about several markets says nothing of its `$`.
    const bool sign_marker = s_.substr(r.c.begin, r.c.end - r.c.begin).find('$') != std::string_view::npos;
    const std::string_view family = lexicon_.family_name(lexicon_.family_of(c));
    // `$US13.7 billion`: a press whose bare `$` is its own dollar (read now: the figures
    // are moved out of their reads as they are built).
    if (sign_marker && press_at_ == npos_read && !r.parsed->currency_marker.empty() &&
        lexicon_.cue(r.parsed->currency_marker, "press_dollar") != nullptr) {
      press_at_ = k;
      press_cue_ = lexicon_.cue(r.parsed->currency_marker, "press_dollar");
    }
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
  // A bare `¥` (no default) takes the currency of the yen or yuan markers of its own
  // paragraph (a line), when they agree and it converts none of them: a roundup that
  // names yuan for one company and writes `¥1.31 trillion` for Sony further down never
  // makes Sony's yen yuan. Elsewhere it is refused.
  // The line each read starts on, in one pass over the text.
  line_of.resize(reads.size());
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
  // Whether the document's dollar reaches a bare `$` beside the places and companies
  // of the text (document_dollar.hpp): set up when its dollar markers name one currency.
  if (!dollars.at.empty()) {
    std::vector<DollarMarker> markers;
    markers.reserve(dollars.at.size());
    for (const std::size_t m : dollars.at) {
      markers.push_back(
          DollarMarker{TextSpan{reads[m].c.begin, reads[m].c.end}, line_of[m], *reads[m].parsed->unit.currency});
    }
    document_dollar.emplace(s_, lexicon_, options, sentences, cues,
                            dollars.mixed ? std::nullopt : dollars.only, std::move(markers));
  }
  if (!yens.at.empty() && !yens.mixed) {
    std::vector<DollarMarker> markers;
    markers.reserve(yens.at.size());
    for (const std::size_t m : yens.at) {
      markers.push_back(
          DollarMarker{TextSpan{reads[m].c.begin, reads[m].c.end}, line_of[m], *reads[m].parsed->unit.currency});
    }
    document_yen.emplace(s_, lexicon_, options, sentences, cues, yens.only, std::move(markers));
  }
  // The lines that hold a dollar amount other than cents (`$1.62`, `HK$5`, `dollars`), ascending.
  for (std::size_t k = 0; k < reads.size(); ++k) {
    const Read& r = reads[k];
    if (!r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) continue;
    const bool dollar = (r.bare == Bare::dollar && !minor_unit(r)) ||
                        (r.bare == Bare::no && lexicon_.family_name(lexicon_.family_of(*r.parsed->unit.currency)) == "dollar");
    if (dollar && (dollar_lines.empty() || dollar_lines.back() != line_of[k])) dollar_lines.push_back(line_of[k]);
  }
  // an explicit currency outside the dollar family
  for (const Read& r : reads) {
    if (r.bare != Bare::no || !r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) continue;
    const Currency cur = *r.parsed->unit.currency;
    if (lexicon_.family_name(lexicon_.family_of(cur)) != "dollar") {
      other_named = cur;
      break;
    }
  }
}

// The explicit marker nearest before read k (else the first after it), by binary
// search: linear in the text even when every other figure is bare.
CurrencyEvidence DocumentCurrencies::evidence_for(const Family& fam, std::size_t k) const {
  const auto after = std::upper_bound(fam.at.begin(), fam.at.end(), k);
  const std::size_t pick = after == fam.at.begin() ? fam.at.front() : *(after - 1);
  const Read& r = reads[pick];
  return CurrencyEvidence{std::string(s_.substr(r.c.begin, r.c.end - r.c.begin)), TextSpan{r.c.begin, r.c.end},
                          *r.parsed->unit.currency};
}

// "HK$700 billion ($89.6 billion)", "92.5 billion yuan ($12.78 billion)": a bare `$`
// in brackets right after an explicit amount converts it for the reader into the
// default dollar, never into the same currency nor into the document's. A bare `¥`
// (no default) only never into the same currency: "$5bn (¥750bn)" in a text about yen.
bool DocumentCurrencies::translates(std::size_t k, Currency c, bool dollar) const {
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
}

// The other currency of read k's line when it is such a line.
std::optional<Currency> DocumentCurrencies::foreign_currency(std::size_t k) const {
  const auto it = std::lower_bound(foreign_lines.begin(), foreign_lines.end(), line_of[k],
                                   [](const std::pair<std::size_t, Currency>& l, std::size_t v) { return l.first < v; });
  if (it == foreign_lines.end() || it->first != line_of[k]) return std::nullopt;
  return it->second;
}

bool DocumentCurrencies::foreign_line(std::size_t k) const {
  return foreign_currency(k).has_value();
}

// A text whose dollar markers disagree (`US$` and `A$`): the place named beside a bare
// `$` decides among them ("In Australia, its shares fell to $18.42").
const DollarMarker* DocumentCurrencies::marker_of_place(std::size_t k) {
  if (!dollars.mixed || !document_dollar || translates(k, probe, true) || foreign_line(k)) return nullptr;
  return document_dollar->marker_of_place(TextSpan{reads[k].c.begin, reads[k].c.end});
}

std::optional<Currency> DocumentCurrencies::yen_in_paragraph(std::size_t k) {
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
}

bool DocumentCurrencies::prose_agrees(Currency c) {
  if (prose_checked) return *prose_checked;
  const CurrencyFamily yen = lexicon_.family("yen");
  prose_checked = !any_letter_run(s_, [&](std::size_t p, std::size_t e) {
    const CurrencyMarker* m = lexicon_.currency_marker(s_.substr(p, e - p));
    return m != nullptr && m->currency && *m->currency != c && lexicon_.family_of(*m->currency) == yen;
  });
  return *prose_checked;
}

const std::optional<CurrencyEvidence>& DocumentCurrencies::yen_place() {
  if (!yen_place_) yen_place_ = yen_place_of(s_, lexicon_);
  return *yen_place_;
}

// Bare cents ("90 cents a share") are a dollar's only in a text that names a dollar
// somewhere (a `$`, `dollars`, a dollar code or sign); in a text that names only
// other currencies (euros, rand, whose minor units are cents too) they are refused.
bool DocumentCurrencies::minor_unit(const Read& r) const {
  if (!r.parsed || r.parsed->currency_marker.empty()) return false;
  const CurrencyMarker* m = lexicon_.currency_marker_after_number(r.parsed->currency_marker);
  return m != nullptr && m->divisor != 1 && !m->coin;  // a nickel is a dollar's coin wherever it is
}

bool DocumentCurrencies::dollar_named() {
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
}

bool DocumentCurrencies::dollar_on_line(std::size_t k) const {
  return std::binary_search(dollar_lines.begin(), dollar_lines.end(), line_of[k]);
}

bool DocumentCurrencies::cents_elsewhere() {
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
}

std::optional<CurrencyEvidence> DocumentCurrencies::dollar_moved_to(std::size_t k) const {
  const Read* to = moved_to(k);
  if (to == nullptr || to->bare != Bare::no) return std::nullopt;
  return CurrencyEvidence{std::string(s_.substr(to->c.begin, to->c.end - to->c.begin)), TextSpan{to->c.begin, to->c.end},
                          *to->parsed->unit.currency};
}

const Read* DocumentCurrencies::moved_to(std::size_t k) const {
  const std::size_t sentence = sentences_.index_of(reads[k].c.begin);
  std::size_t at = reads[k].c.end;
  for (std::size_t j = k + 1; j < reads.size(); ++j) {
    const Read& r = reads[j];
    if (r.c.begin < at || sentences_.index_of(r.c.begin) != sentence) return nullptr;
    // The words between: link words only, the last one leading to an amount (`to`, `at`).
    bool leads = false;
    for (std::size_t p = at; p < r.c.begin;) {
      const char ch = s_[p];
      if (is_letter(ch)) {
        const std::size_t e = letters_end(s_, p);
        const Cue* link = lexicon_.cue(s_.substr(p, e - p), "cents_link");
        if (link == nullptr) return nullptr;
        leads = link->value == "leads";
        p = e;
      } else if (ch == ' ' || ch == ',') {
        ++p;
      } else {
        return nullptr;
      }
    }
    if (r.parsed && r.parsed->unit.dimension == Dimension::percent) {  // ", or 0.4%, to"
      at = r.c.end;
      continue;
    }
    if (!leads || r.bare == Bare::yen || vague(r.c) || !r.parsed || r.parsed->unit.dimension != Dimension::money)
      return nullptr;
    const std::string_view written = s_.substr(r.c.begin, r.c.end - r.c.begin);
    if (written.find('$') == std::string_view::npos) return nullptr;
    if (r.bare == Bare::dollar) return minor_unit(r) ? nullptr : &r;
    return lexicon_.family_name(lexicon_.family_of(*r.parsed->unit.currency)) == "dollar" ? &r : nullptr;
  }
  return nullptr;
}

const std::optional<CurrencyEvidence>& DocumentCurrencies::press_dollar() {
  if (press_dollar_) return *press_dollar_;
  press_dollar_.emplace();
  if (press_at_ == npos_read) return *press_dollar_;
  const Read* first = &reads[press_at_];
  const Cue* cue = press_cue_;
  // The local dollars the cue lists: the one the text names (by a figure, a word or
  // its dateline), else the first.
  const std::vector<Currency> local = currencies_listed(cue->value);
  if (local.empty()) return *press_dollar_;
  std::vector<Currency> seen;
  const auto see = [&](Currency c) {
    if (std::find(local.begin(), local.end(), c) != local.end() && std::find(seen.begin(), seen.end(), c) == seen.end())
      seen.push_back(c);
  };
  for (const ExplicitMoney& m : explicit_money()) see(m.currency);
  for (const Currency c : named()) see(c);
  if (const std::optional<CurrencyEvidence> place = dateline_place_currency(s_, lexicon_); place) see(place->currency);
  if (seen.size() > 1) {
    press_mixed_ = true;
    return *press_dollar_;
  }
  const Currency c = seen.empty() ? local.front() : seen.front();
  *press_dollar_ = CurrencyEvidence{std::string(s_.substr(first->c.begin, first->c.end - first->c.begin)),
                                    TextSpan{first->c.begin, first->c.end}, c};
  return *press_dollar_;
}

bool DocumentCurrencies::other_money_on_line(std::size_t k) const {
  const CurrencyFamily yen = lexicon_.family("yen");
  const auto other = [&](std::size_t j) {
    const Read& r = reads[j];
    if (!r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) return false;
    if (r.bare == Bare::dollar) {
      // "¥20 billion ($2.8 billion)": the reader's translation of the figure before it, no other company's money
      if (j == 0) return true;
      const std::size_t open = skip_hspace(s_, reads[j - 1].c.end);
      const std::size_t close = skip_hspace(s_, r.c.end);
      return !(open < s_.size() && s_[open] == '(' && skip_hspace(s_, open + 1) == r.c.begin && close < s_.size() &&
               s_[close] == ')');
    }
    return r.bare == Bare::no && r.parsed->unit.currency && lexicon_.family_of(*r.parsed->unit.currency) != yen;
  };
  for (std::size_t j = k; j-- > 0 && line_of[j] == line_of[k];)
    if (other(j)) return true;
  for (std::size_t j = k + 1; j < reads.size() && line_of[j] == line_of[k]; ++j)
    if (other(j)) return true;
  return false;
}

std::optional<CurrencyEvidence> DocumentCurrencies::dollar_of_line(std::size_t k) const {
  std::optional<CurrencyEvidence> found;
  std::size_t distance = 0;
  const auto see = [&](std::size_t j) {
    const Read& r = reads[j];
    if (!r.parsed || r.parsed->unit.dimension != Dimension::money || vague(r.c)) return true;
    if (r.bare == Bare::dollar) return minor_unit(r);  // a bare `$` amount: which dollar is not the line's to say
    if (r.bare != Bare::no || !std::binary_search(dollars.at.begin(), dollars.at.end(), j)) return true;
    const Currency c = *r.parsed->unit.currency;
    if (found && found->currency != c) return false;
    const std::size_t d = j < k ? k - j : j - k;
    if (!found || d < distance) {
      found = CurrencyEvidence{std::string(s_.substr(r.c.begin, r.c.end - r.c.begin)), TextSpan{r.c.begin, r.c.end}, c};
      distance = d;
    }
    return true;
  };
  for (std::size_t j = k; j-- > 0 && line_of[j] == line_of[k];)
    if (!see(j)) return std::nullopt;
  for (std::size_t j = k + 1; j < reads.size() && line_of[j] == line_of[k]; ++j)
    if (!see(j)) return std::nullopt;
  return found;
}

const std::vector<Currency>& DocumentCurrencies::named() {
  if (named_) return *named_;
  named_ = currencies_named(s_, lexicon_);
  if (const std::optional<CurrencyEvidence>& place = yen_place(); place) named_->push_back(place->currency);
  return *named_;
}

const std::vector<ExplicitMoney>& DocumentCurrencies::explicit_money() {
  if (explicit_money_) return *explicit_money_;
  explicit_money_.emplace();
  for (const Read& other : reads) {
    if (other.bare != Bare::no || !other.parsed || !other.parsed->unit.is_money() || vague(other.c)) continue;
    explicit_money_->push_back(ExplicitMoney{*other.parsed->unit.currency, TextSpan{other.c.begin, other.c.end}});
  }
  return *explicit_money_;
}

std::optional<CurrencyEvidence> DocumentCurrencies::yen_words_of_paragraph(std::size_t k) const {
  const std::size_t begin = line_of[k];
  const std::size_t end = std::min(s_.find('\n', begin), s_.size());
  const std::string_view line = s_.substr(begin, end - begin);
  const CurrencyFamily yen = lexicon_.family("yen");
  std::optional<CurrencyEvidence> found;
  for (std::size_t p = 0; p < line.size();) {
    if (!is_letter(line[p]) || (p > 0 && is_letter(line[p - 1]))) {
      ++p;
      continue;
    }
    const std::size_t e = letters_end(line, p);
    const CurrencyMarker* m = lexicon_.currency_marker(line.substr(p, e - p));
    if (m != nullptr && m->currency && m->divisor == 1 && lexicon_.family_of(*m->currency) == yen) {
      if (found && found->currency != *m->currency) return std::nullopt;
      if (!found) found = CurrencyEvidence{std::string(line.substr(p, e - p)), TextSpan{begin + p, begin + e}, *m->currency};
    }
    p = e;
  }
  // A place decides; a word of the family only agrees or vetoes ("BYD earned ¥40.3
  // billion, helped by a weaker yen" names no place and stays refused).
  std::optional<CurrencyEvidence> place = yen_place_of(line, lexicon_);
  if (!place || (found && found->currency != place->currency)) return std::nullopt;
  place->span = TextSpan{begin + place->span.begin, begin + place->span.end};
  return place;
}

}  // namespace finmetrics::extract_detail
